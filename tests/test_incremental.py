"""Incremental builds: stored term counts plus what changed equal a full recount, byte for byte."""
from __future__ import annotations

import json
import sqlite3

import pytest

from analysis import pipeline, tallies, term_store
from analysis.pipeline import build

SENTENCES = [
    "Migrants waited at the border for days.",
    "“We need a fair process,” said Maria Lopez, a lawyer in El Paso.",
    "ICE agents detained several families on Tuesday.",
    "The mayor called the policy cruel and unnecessary.",
    "Officials said the new rules would take effect in March.",
    "Asylum seekers described long lines and little food.",
    "“This is a crisis,” the senator told reporters.",
    "Local churches opened shelters for the arriving families.",
]


def _article(i: int) -> dict:
    # Each article a different selection and order of sentences, in paragraphs.
    picked = [SENTENCES[(i * 3 + k * (i % 5 + 1)) % len(SENTENCES)] for k in range(4 + i % 4)]
    body = "\n\n".join(" ".join(picked[j:j + 2]) for j in range(0, len(picked), 2))
    return {"id": f"a{i}", "outlet": "ABC"[i % 3], "text": f"{body}\n\nReport number {i} on day {i % 7}."}


def _write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _changed(rows):
    rows = [dict(r) for r in rows]
    for r in rows[:2]:  # two edited
        r["text"] += "\n\nA correction was appended to this report about migrants."
    kept = rows[:2] + rows[5:]  # three removed
    return kept + [dict(rows[5], id="copy5"), dict(rows[6], id="moved6", outlet="D")]


@pytest.fixture
def counted(monkeypatch):
    """Count the articles whose terms are counted from text (in this process: workers=1)."""
    calls = []
    real = tallies.article_terms

    def spy(text):
        calls.append(text)
        return real(text)

    monkeypatch.setattr(tallies, "article_terms", spy)
    monkeypatch.setattr(pipeline, "article_terms", spy)
    monkeypatch.setattr(term_store, "article_terms", spy)
    return calls


def _tables(out):
    names = json.loads((out / "build.json").read_text())["files"]
    return {n: (out / n).read_bytes() for n in names if n.endswith(".parquet")}


def test_a_rebuild_counts_only_changed_terms_and_equals_a_full_build(tmp_path, counted):
    rows = [_article(i) for i in range(30)]
    out = tmp_path / "out"
    build(_write(tmp_path / "c1.jsonl", rows), out, workers=1, chunk_size=7, quiet=True)
    assert len(counted) == 30
    counted.clear()
    corpus = _write(tmp_path / "c2.jsonl", _changed(rows))
    summary = build(corpus, out, workers=1, chunk_size=7, quiet=True)
    # 2 edited texts, the copy (its stored count is claimed once), the article under a new
    # outlet, and the 5 stored articles that are gone (2 old versions + 3 removed).
    assert len(counted) == 2 + 1 + 1 + 5
    assert summary.n_articles == 29
    full = tmp_path / "full"
    build(corpus, full, workers=1, chunk_size=7, quiet=True, use_cache=False)
    assert _tables(out) == _tables(full)


def test_going_back_to_the_first_corpus_restores_its_tables(tmp_path):
    rows = [_article(i) for i in range(24)]
    c1, out, fresh = _write(tmp_path / "c1.jsonl", rows), tmp_path / "out", tmp_path / "fresh"
    build(c1, fresh, workers=1, quiet=True, use_cache=False)
    build(c1, out, workers=1, quiet=True)
    build(_write(tmp_path / "c2.jsonl", _changed(rows)), out, workers=1, quiet=True)
    build(c1, out, workers=1, quiet=True)
    assert _tables(out) == _tables(fresh)


def test_stored_counts_of_another_version_are_not_used(tmp_path, counted, monkeypatch):
    rows = [_article(i) for i in range(12)]
    out = tmp_path / "out"
    build(_write(tmp_path / "c1.jsonl", rows), out, workers=1, quiet=True)
    counted.clear()
    # What a new alias table or new tally code does to the store's version.
    monkeypatch.setattr(term_store, "store_version", lambda: "another version")
    corpus = _write(tmp_path / "c2.jsonl", _changed(rows))
    build(corpus, out, workers=1, quiet=True)
    assert len(counted) == 11  # every article of the new corpus, nothing subtracted
    full = tmp_path / "full"
    build(corpus, full, workers=1, quiet=True, use_cache=False)
    assert _tables(out) == _tables(full)


def test_a_stage_cache_that_lost_a_removed_text_falls_back_to_a_full_count(tmp_path):
    rows = [_article(i) for i in range(12)]
    out = tmp_path / "out"
    build(_write(tmp_path / "c1.jsonl", rows), out, workers=1, quiet=True)
    with sqlite3.connect(out / ".cache" / "stages.sqlite") as db:
        db.execute("DELETE FROM stage_output WHERE stage = 'clean'")
    corpus = _write(tmp_path / "c2.jsonl", _changed(rows))
    summary = build(corpus, out, workers=1, quiet=True)
    assert summary.exit_code == 0
    full = tmp_path / "full"
    build(corpus, full, workers=1, quiet=True, use_cache=False)
    assert _tables(out) == _tables(full)


def test_a_build_without_the_cache_leaves_no_stored_counts(tmp_path):
    out = tmp_path / "out"
    build(_write(tmp_path / "c1.jsonl", [_article(i) for i in range(5)]), out, workers=1, quiet=True,
          use_cache=False)
    assert not list(out.glob(".cache/terms*"))


def test_worker_processes_store_their_stage_outputs_for_the_next_build(tmp_path):
    rows = [_article(i) for i in range(30)]
    out = tmp_path / "out"
    build(_write(tmp_path / "c1.jsonl", rows), out, workers=2, chunk_size=4, quiet=True)
    corpus = _write(tmp_path / "c2.jsonl", _changed(rows))
    again = build(corpus, out, workers=2, chunk_size=4, quiet=True)
    assert again.n_cached == 29 - 2  # all but the two edited texts
    full = tmp_path / "full"
    build(corpus, full, workers=1, chunk_size=4, quiet=True, use_cache=False)
    assert _tables(out) == _tables(full)


def test_a_first_build_does_not_look_in_the_empty_cache_and_a_rebuild_does(tmp_path, monkeypatch):
    """Nothing of the current stage versions is stored before a first build, so
    looking up each article's outputs would only cost time; after it, they are."""
    from analysis.cache import StageCache

    looked: list[int] = []
    real = StageCache.get

    def spy(self, stage, version, keys):
        looked.append(len(keys))
        return real(self, stage, version, keys)

    monkeypatch.setattr(StageCache, "get", spy)
    corpus = _write(tmp_path / "c.jsonl", [_article(i) for i in range(12)])
    first = build(corpus, tmp_path / "out", workers=1, quiet=True)
    assert looked == [] and first.n_cached == 0
    _write(corpus, [_article(i) for i in range(13)])  # one more article: not up to date
    again = build(corpus, tmp_path / "out", workers=1, quiet=True)
    assert sum(looked) > 0 and again.n_cached == 12
