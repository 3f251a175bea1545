"""Killed and concurrent builds: outputs are replaced whole, never left half written.

Builds run in subprocesses over a few hundred synthetic articles (the seed
articles with small variations) and are killed with SIGKILL at seeded random
moments, including in the middle of the final swap. After each kill the
output folder still holds one complete, consistent build; the next build
succeeds and reuses the stage outputs the killed one committed to its cache.
"""
from __future__ import annotations

import contextlib
import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from analysis import config
from analysis.pipeline import CACHE_DIR_NAME, build
from analysis.storage import build_lock

SEED = 20241217
OUTPUTS = ("articles", "quotes", "comments", "removed", "rejects")
VARIANTS = [("said", "stated"), ("week", "month"), ("police", "officers"), ("government", "administration")]

# Runs one build in a child process: workers=1 so the kill stops all of its work at once.
BUILD = """
import json, sys
from analysis.pipeline import build
s = build(sys.argv[1], sys.argv[2], workers=1, chunk_size=20, quiet=True, wait=float(sys.argv[3]))
print(json.dumps({"n_articles": s.n_articles, "n_cached": s.n_cached, "up_to_date": s.up_to_date,
                  "exit_code": s.exit_code}))
"""

# The same, killed by itself after the n-th rename of the final swap.
BUILD_KILLED_IN_SWAP = """
import os, signal, sys
import analysis.pipeline as pipeline
real_replace, renames, after = os.replace, [0], int(sys.argv[4])

def replace(src, dst):
    real_replace(src, dst)
    renames[0] += 1
    if renames[0] >= after:
        os.kill(os.getpid(), signal.SIGKILL)

real_tree = pipeline.replace_tree

def replace_tree(staging, target):
    os.replace = replace
    real_tree(staging, target)

pipeline.replace_tree = replace_tree
pipeline.build(sys.argv[1], sys.argv[2], workers=1, chunk_size=20, quiet=True, wait=float(sys.argv[3]))
"""


def synthetic_corpus(path: Path, n: int, seed: int) -> Path:
    """``n`` articles made from the seed articles with small seeded variations, as JSON Lines."""
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted(config.RAW_DIR.glob("*.txt"))]
    outlets = ["Daily A", "Weekly B", "Times C", "Post D"]
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            old, new = rng.choice(VARIANTS)
            text = texts[i % len(texts)].replace(f" {old} ", f" {new} ", rng.randrange(1, 4))
            text += f"\n\nReporter {i} (run {seed}) added that the vote was {rng.choice(['close', 'late', 'contested'])}."
            fh.write(json.dumps({"id": f"a{i:04d}", "outlet": outlets[i % len(outlets)],
                                 "date": f"2024-12-{1 + i % 28:02d}", "text": text}) + "\n")
    return path


def _start(script: str, corpus: Path, out: Path, *extra: str, wait: float = 0.0) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", script, str(corpus), str(out), str(wait), *extra],
                            cwd=config.PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _build_in_child(corpus: Path, out: Path) -> dict:
    """A whole build in a fresh process (stage versions read from the files as they are now)."""
    proc = _start(BUILD, corpus, out)
    stdout, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    return json.loads(stdout)


def _wait_until_building(proc: subprocess.Popen, out: Path, timeout: float = 60) -> None:
    """Return once the build has taken the lock and started writing its staging folder."""
    deadline = time.monotonic() + timeout
    while not (out / f".staging-{proc.pid}").exists():  # a killed build's staging folder stays behind
        assert proc.poll() is None, f"build ended before it started writing: {proc.communicate()}"
        assert time.monotonic() < deadline, "build did not start"
        time.sleep(0.01)


def _kill(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


def _consistent(out: Path) -> dict:
    """Every output reads, and build.json describes the articles table that is there."""
    info = json.loads((out / "build.json").read_text())
    frames = {name: pd.read_parquet(out / f"{name}.parquet") for name in OUTPUTS}
    assert info["n_articles"] == len(frames["articles"]), "build.json and articles.parquet disagree"
    assert info["n_rejected"] == len(frames["rejects"])
    assert set(frames["quotes"]["article_id"]) <= set(frames["articles"]["article_id"])
    for name in info.get("files", []):
        assert (out / name).exists(), name
    return info


def _wait_for_cache_rows(proc: subprocess.Popen, out: Path, rows: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while _cache_rows(out) < rows:
        assert proc.poll() is None and time.monotonic() < deadline, "the build committed nothing"
        time.sleep(0.02)


def _cache_rows(out: Path) -> int:
    path = out / CACHE_DIR_NAME / "stages.sqlite"
    if not path.exists():
        return 0
    with contextlib.closing(sqlite3.connect(path)) as db:
        return db.execute("SELECT COUNT(*) FROM stage_output").fetchone()[0]


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    root = tmp_path_factory.mktemp("interrupt")
    return {
        "small": synthetic_corpus(root / "small.jsonl", 40, seed=1),
        "big": synthetic_corpus(root / "big.jsonl", 300, seed=2),
        "swap": synthetic_corpus(root / "swap.jsonl", 60, seed=3),
        "race": synthetic_corpus(root / "race.jsonl", 300, seed=4),
    }


def test_killed_builds_leave_the_previous_outputs_and_the_next_build_reuses_their_work(corpora, tmp_path):
    out = tmp_path / "processed"
    first = build(corpora["small"], out, workers=1, chunk_size=20, quiet=True)
    assert first.exit_code == 0 and first.n_articles == 40
    before = {name: (out / f"{name}.parquet").read_bytes() for name in OUTPUTS}

    rng = random.Random(SEED)
    base_rows = _cache_rows(out)
    # one kill early (before the first chunk is committed, likely), two once work is committed
    for moment in ("early", "committed", "committed"):
        proc = _start(BUILD, corpora["big"], out)
        _wait_until_building(proc, out)
        if moment == "committed":
            _wait_for_cache_rows(proc, out, _cache_rows(out) + 1)
        delay = rng.uniform(0.05, 0.8) if moment == "early" else rng.uniform(0.0, 0.4)
        time.sleep(delay)
        assert proc.poll() is None, "the build finished before it could be killed"
        _kill(proc)
        info = _consistent(out)
        assert info["n_articles"] == 40, f"killed {delay:.2f} s in: the previous build is no longer in place"
        assert {name: (out / f"{name}.parquet").read_bytes() for name in OUTPUTS} == before
        with build_lock(out):  # the kernel released the killed build's lock
            pass
    assert _cache_rows(out) > base_rows, "the killed builds committed no finished work to the cache"

    again = _build_in_child(corpora["big"], out)
    assert again["exit_code"] == 0 and again["n_articles"] == 300
    assert again["n_cached"] > 0 and not again["up_to_date"]
    assert _consistent(out)["n_articles"] == 300
    assert not list(out.glob(".staging-*")) and not list(out.glob(".swap-*"))


@pytest.mark.parametrize("renames", [2, 4])
def test_a_build_killed_during_the_final_swap_is_completed_by_the_next_lock_holder(corpora, tmp_path, renames):
    out = tmp_path / "processed"
    build(corpora["small"], out, workers=1, chunk_size=20, quiet=True)
    proc = _start(BUILD_KILLED_IN_SWAP, corpora["swap"], out, str(renames))
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == -signal.SIGKILL, err
    for name in OUTPUTS:  # each file was renamed whole: every one still reads
        pd.read_parquet(out / f"{name}.parquet")

    with build_lock(out):  # whoever takes the lock next first finishes the interrupted swap
        info = _consistent(out)
    assert info["n_articles"] == 60
    again = _build_in_child(corpora["swap"], out)
    assert again["up_to_date"] and again["n_articles"] == 60
    _consistent(out)


def test_two_builds_at_once_do_not_corrupt_each_other(corpora, tmp_path):
    out = tmp_path / "processed"
    first = _start(BUILD, corpora["race"], out)
    _wait_until_building(first, out)
    second = subprocess.run([sys.executable, "-m", "analysis", "build", "--corpus", str(corpora["small"]),
                             "--out", str(out), "--workers", "1", "--quiet"],
                            cwd=config.PROJECT_ROOT, capture_output=True, text=True, timeout=120)
    assert second.returncode == 1
    assert "another build is writing" in second.stderr and "--wait" in second.stderr
    assert "Traceback" not in second.stderr

    queued = subprocess.Popen([sys.executable, "-m", "analysis", "build", "--corpus", str(corpora["small"]),
                               "--out", str(out), "--workers", "1", "--quiet", "--wait", "120"],
                              cwd=config.PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    stdout, err = queued.communicate(timeout=120)
    assert queued.returncode == 0, err
    assert "40 articles, 0 rejected of 40 read" in stdout
    assert _consistent(out)["n_articles"] == 40
