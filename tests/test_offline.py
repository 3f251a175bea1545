"""Syllables and readability work with no network and no NLTK data, without any download."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import nltk
import pytest
import textstat


class NetworkBlocked(AssertionError):
    pass


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """Block sockets, hide every NLTK data directory, and make nltk.download fail loudly."""
    calls: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        calls.append(repr(args))
        raise NetworkBlocked("network access attempted")

    class BlockedSocket(socket.socket):  # a class, so modules that subclass socket still import
        def __init__(self, *args: object, **kwargs: object) -> None:
            refuse(*args)

    monkeypatch.setattr(socket, "socket", BlockedSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(nltk, "download", refuse)
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    monkeypatch.setattr(nltk.data, "path", [str(empty)])
    return calls


def _fresh(text: str) -> str:
    # textstat caches per whole text: a new text forces a real count
    return f"{text} {uuid.uuid4().hex[:6]}"


def test_guard_really_blocks(offline: list[str]) -> None:
    with pytest.raises(LookupError):
        nltk.data.find("corpora/cmudict")
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("example.org", 80))
    with pytest.raises(NetworkBlocked):
        socket.socket()
    assert len(offline) == 2


def test_textstat_and_readability_count_offline(offline: list[str]) -> None:
    import analysis.syllables  # noqa: F401  (installs the offline dictionary)
    from analysis.readability import readability

    text = _fresh("Immigration officials announced the deportation policy yesterday.")
    assert textstat.syllable_count(text) > 15
    result = readability(text)
    assert result["n_syllables"] == textstat.syllable_count(text)
    assert result["flesch_kincaid_grade"] == textstat.flesch_kincaid_grade(text)
    assert offline == []  # nothing tried to download or connect


def test_cmudict_words_come_from_the_dictionary(offline: list[str]) -> None:
    from analysis.syllables import cmu_dictionary, count_syllables_word

    # pyphen alone would say 1 syllable for "evening" and 2 for "camera"; the
    # CMU dictionary says 2 and 3, so these counts prove the dictionary is used.
    assert cmu_dictionary()["evening"][0] == ["IY1", "V", "N", "IH0", "NG"]
    assert count_syllables_word("evening") == 2
    n = 10 + uuid.uuid4().int % 1000  # a text textstat has not cached yet
    assert textstat.syllable_count("evening" + " camera" * n) == 2 + 3 * n
    assert offline == []


def test_fresh_interpreter_never_downloads(tmp_path: Path) -> None:
    """A new process with the guards installed before textstat is even imported."""
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    script = f"""
import json, socket, sys
def refuse(*a, **k):
    raise SystemExit("network access attempted")
class BlockedSocket(socket.socket):
    def __init__(self, *a, **k):
        refuse()
socket.socket = BlockedSocket
socket.create_connection = refuse
import nltk
nltk.data.path[:] = [{str(empty)!r}]
nltk.download = refuse
from analysis.readability import readability
import textstat
text = "The committee approved the controversial immigration proposal."
print(json.dumps([textstat.syllable_count(text), readability(text)["n_syllables"]]))
"""
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "", "NLTK_DATA": str(empty), "HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    ours, theirs = json.loads(done.stdout)
    assert ours == theirs > 15
