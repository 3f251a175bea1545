"""Load a corpus into one DataFrame row per article, cleaned.

>>> import analysis
>>> corpus = analysis.load_corpus(analysis.config.RAW_DIR)
>>> sorted(corpus["outlet"].unique())[:2]
['Breitbart News', 'Fox News']
>>> len(corpus.attrs["rejects"])
0
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .clean import CleanArticle, clean_article
from .readers import iter_records
from .records import DEFAULT_MAX_CHARS, RawRecord, Reject, rejects_frame
from .tokens import count_words

ARTICLE_COLUMNS = [
    "article_id", "outlet", "date", "title", "author", "url", "raw_text", "text", "n_words",
    "kicker", "n_removed", "n_comments", "source",
]


@dataclass
class LoadResult:
    """Articles, rejects and how many records were read (accepted + rejected)."""

    articles: pd.DataFrame
    rejects: pd.DataFrame
    n_read: int


def load_corpus(
    source: str | os.PathLike,
    columns: dict[str, str] | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> pd.DataFrame:
    """Read and clean every article of ``source``; one row per accepted article.

    ``source`` is a folder of ``.txt`` files (with an optional manifest.csv),
    a JSON Lines file (``.jsonl``, ``.jsonl.gz``), a CSV or a Parquet file.
    ``columns`` maps canonical names to the source's own, e.g.
    ``{"text": "story", "outlet": "paper"}``. Rejected records are in
    ``df.attrs["rejects"]`` (record, source, reason, stage) and
    ``df.attrs["n_read"]`` counts every record read.

    >>> df = load_corpus(config.RAW_DIR)  # doctest: +SKIP
    """
    result = read_corpus(source, columns=columns, max_chars=max_chars)
    result.articles.attrs["rejects"] = result.rejects
    result.articles.attrs["n_read"] = result.n_read
    return result.articles


def read_corpus(
    source: str | os.PathLike,
    columns: dict[str, str] | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> LoadResult:
    """Like :func:`load_corpus` but returns articles and rejects separately."""
    rows: list[dict[str, Any]] = []
    rejects: list[Reject] = []
    n_read = 0
    for item in iter_records(source, columns=columns, max_chars=max_chars):
        n_read += 1
        if isinstance(item, Reject):
            rejects.append(item)
            continue
        row = article_row(item, clean_article(item.raw_text))
        if isinstance(row, Reject):
            rejects.append(row)
        else:
            rows.append(row)
    return LoadResult(articles_frame(rows), rejects_frame(rejects), n_read)


def article_row(record: RawRecord, cleaned: CleanArticle, n_words: int | None = None) -> dict[str, Any] | Reject:
    """Merge what the source says about an article with what cleaning found.

    The source's own metadata wins; the header, byline and headline found in
    the text fill the gaps. ``n_words``: the body's word count when known
    (the build caches it), else counted here.
    """
    n_words = count_words(cleaned.text) if n_words is None else n_words
    if n_words == 0:
        return Reject(record.article_id, record.origin,
                      "no words left in the article body after cleaning "
                      f"({len(cleaned.removed)} segments removed as boilerplate)", stage="clean")
    date = record.date or (dt.datetime.combine(cleaned.date, dt.time()) if cleaned.date else None)
    row = {
        "article_id": record.article_id,
        "outlet": record.outlet,
        "date": date,
        "title": record.title or cleaned.title,
        "author": record.author or cleaned.author,
        "url": record.url,
        "raw_text": record.raw_text,
        "text": cleaned.text,
        "n_words": n_words,
        "kicker": cleaned.kicker,
        "n_removed": len(cleaned.removed),
        "n_comments": len(cleaned.comments),
        "source": record.origin,
    }
    for key, value in record.extra.items():
        row.setdefault(key, value)
    return row


def articles_frame(rows: Iterable[dict[str, Any]]) -> pd.DataFrame:
    """Rows as a DataFrame with stable dtypes, also when there are none."""
    frame = pd.DataFrame(list(rows))
    for col in ARTICLE_COLUMNS:
        if col not in frame.columns:
            frame[col] = pd.Series(dtype="object")
    frame["date"] = pd.to_datetime(frame["date"], errors="coerce")
    frame["n_words"] = frame["n_words"].astype("int64")
    for col in ("n_removed", "n_comments"):
        frame[col] = frame[col].astype("int64")
    for col in ("article_id", "outlet", "title", "author", "url", "raw_text", "text", "kicker", "source"):
        frame[col] = frame[col].astype("string")
    ordered = ARTICLE_COLUMNS + [c for c in frame.columns if c not in ARTICLE_COLUMNS]
    return frame[ordered].reset_index(drop=True)
