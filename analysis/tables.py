"""Per-outlet tables written at the end of a build.

They are computed from the per-article tables the build has just written, so
they always agree with them. Texts are read back in batches, so memory grows
with the number of distinct terms, not with the corpus. Outlet names are
merged through the alias table first (see :func:`analysis.compare.apply_aliases`).

Tables (all in the build's output folder):

- ``outlets.parquet``: compare_outlets over every per-article measure;
- ``target_sentiment.parquet``: mean compound of sentences naming each target;
- ``framing.parquet``: how each outlet names immigrants;
- ``terms.parquet``: the ``top_terms`` most frequent terms per outlet;
- ``distinctive_terms.parquet``: per outlet with at least ``min_articles``
  articles, its ``top_distinctive`` terms by log-odds z against all others;
- ``speakers.parquet`` and ``shared_quotes.parquet``: top speakers per outlet
  and quotations shared across outlets.
"""
from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

from . import config
from .compare import apply_aliases, compare_outlets
from .framing import framing
from .sentiment import target_sentiment
from .storage import write_parquet_atomic
from .terms import TF_COLUMNS, count_terms, log_odds_arrays
from .voices import normalise_speakers, shared_quotations, top_speakers

TOP_TERMS = 200
TOP_DISTINCTIVE = 30
TEXT_BATCH = 2000


def write_outlet_tables(folder: Path, min_articles: int = config.MIN_ARTICLES_PER_OUTLET,
                        top_terms: int = TOP_TERMS, top_distinctive: int = TOP_DISTINCTIVE) -> None:
    """Compute every per-outlet table from ``folder``'s articles and quotes; write them there."""
    articles = folder / "articles.parquet"
    measures = _measure_columns(articles)
    numeric = apply_aliases(pd.read_parquet(articles, columns=["article_id", "outlet", *measures]))
    write_parquet_atomic(compare_outlets(numeric, min_articles=min_articles, aliases={}), folder / "outlets.parquet")

    counts: dict[str, _Tally] = {}
    framed, targeted = [], []
    for batch in _text_batches(articles):
        for outlet, texts in batch.groupby("outlet", sort=True)["text"]:
            counts.setdefault(outlet, _Tally()).add(texts)
        framed.append(framing(batch))
        targeted.append(target_sentiment(batch))
    write_parquet_atomic(_top_terms(counts, top_terms), folder / "terms.parquet")
    write_parquet_atomic(_distinctive(counts, numeric, min_articles, top_distinctive),
                         folder / "distinctive_terms.parquet")
    write_parquet_atomic(_combine_framing(framed), folder / "framing.parquet")
    write_parquet_atomic(_combine_targets(targeted), folder / "target_sentiment.parquet")

    quotes = normalise_speakers(apply_aliases(pd.read_parquet(folder / "quotes.parquet")))
    write_parquet_atomic(top_speakers(quotes, by="outlet", n=10), folder / "speakers.parquet")
    write_parquet_atomic(shared_quotations(quotes), folder / "shared_quotes.parquet")


def _measure_columns(articles: Path) -> list[str]:
    schema = pq.read_schema(articles)
    skip = {"article_id", "outlet", "n_words"}
    return [f.name for f in schema if f.name not in skip and str(f.type) in ("double", "float")]


def _text_batches(articles: Path) -> Iterator[pd.DataFrame]:
    pfile = pq.ParquetFile(articles)
    for batch in pfile.iter_batches(batch_size=TEXT_BATCH, columns=["outlet", "text"]):
        frame = batch.to_pandas()
        frame["text"] = frame["text"].fillna("")
        yield apply_aliases(frame)


class _Tally:
    """Term counts of one outlet, updated in place batch by batch."""

    def __init__(self) -> None:
        self.counts: Counter = Counter()
        self.doc_freq: Counter = Counter()
        self.n_words = 0

    def add(self, texts: pd.Series) -> None:
        part = count_terms(texts)
        self.counts.update(part.counts)
        self.doc_freq.update(part.doc_freq)
        self.n_words += part.n_words


def _top_terms(counts: dict[str, _Tally], top: int) -> pd.DataFrame:
    """term_frequency's table, cut to each outlet's ``top`` terms (count desc, then term)."""
    rows = []
    for outlet in sorted(counts):
        tally = counts[outlet]
        best = heapq.nsmallest(top, tally.counts.items(), key=lambda kv: (-kv[1], kv[0]))
        per = 10_000 / tally.n_words if tally.n_words else 0.0
        rows += [(outlet, t, c, c * per, tally.doc_freq[t]) for t, c in best]
    frame = pd.DataFrame(rows, columns=TF_COLUMNS)
    return frame.astype({"count": "int64", "rate": "float64", "doc_freq": "int64"})


def _distinctive(counts: dict[str, _Tally], numeric: pd.DataFrame, min_articles: int, top: int,
                 min_count: int = 3) -> pd.DataFrame:
    """Each large enough outlet against all other outlets, from counts made once.

    Equal to ``distinctive_terms(corpus, outlet)`` (corpus prior, scale 1) for
    the terms the outlet uses; a term it never uses has a negative z and can
    not be among its top terms, so it is not computed.
    """
    columns = ["outlet", "term", "count_a", "count_b", "delta", "var", "z"]
    sizes = numeric["outlet"].value_counts()
    eligible = sorted(o for o in counts if sizes.get(o, 0) >= min_articles)
    if len(counts) < 2 or not eligible:
        return pd.DataFrame(columns=columns)
    total: Counter = Counter()
    for tally in counts.values():
        total.update(tally.counts)
    n_total = float(sum(total.values()))
    frames = []
    for outlet in eligible:
        mine = counts[outlet].counts
        terms = [t for t in mine if total[t] >= min_count]
        y_a = np.fromiter((mine[t] for t in terms), dtype=float, count=len(terms))
        bg = np.fromiter((total[t] for t in terms), dtype=float, count=len(terms))
        n_a = float(sum(mine.values()))
        delta, var = log_odds_arrays(y_a, bg - y_a, bg, n_a, n_total - n_a, n_total)
        table = pd.DataFrame({"outlet": outlet, "term": terms, "count_a": y_a.astype("int64"),
                              "count_b": (bg - y_a).astype("int64"), "delta": delta, "var": var,
                              "z": delta / np.sqrt(var)})
        order = np.lexsort((table["term"].to_numpy(), -table["z"].to_numpy()))
        frames.append(table.iloc[order[:top]])
    return pd.concat(frames, ignore_index=True)[columns]


def _combine_framing(parts: list[pd.DataFrame]) -> pd.DataFrame:
    if not parts:
        return pd.DataFrame({"group": pd.Series(dtype="string"), "label": pd.Series(dtype="string"),
                             "count": pd.Series(dtype="int64"), "share": pd.Series(dtype="float64"),
                             "n_articles": pd.Series(dtype="int64")})
    table = pd.concat(parts, ignore_index=True)
    summed = table.groupby(["group", "label"], sort=True)["count"].sum().reset_index()
    per_group = summed.groupby("group")["count"].transform("sum")
    summed["share"] = summed["count"] / per_group.where(per_group > 0)
    summed["n_articles"] = summed["group"].map(_articles_per_group(parts)).astype("int64")
    summed = summed.sort_values(["group", "count", "label"], ascending=[True, False, True], kind="stable")
    return summed[["group", "label", "count", "share", "n_articles"]].reset_index(drop=True)


def _articles_per_group(parts: list[pd.DataFrame]) -> pd.Series:
    per_part = [p.groupby("group")["n_articles"].first() for p in parts if len(p)]
    return pd.concat(per_part).groupby(level=0).sum() if per_part else pd.Series(dtype="int64")


def _combine_targets(parts: list[pd.DataFrame]) -> pd.DataFrame:
    if not parts:
        return pd.DataFrame({"outlet": pd.Series(dtype="string"), "target": pd.Series(dtype="string"),
                             "n_sentences": pd.Series(dtype="int64"), "mean_compound": pd.Series(dtype="float64")})
    table = pd.concat(parts, ignore_index=True)
    table["weighted"] = table["mean_compound"].fillna(0) * table["n_sentences"]
    summed = table.groupby(["outlet", "target"], sort=True)[["n_sentences", "weighted"]].sum().reset_index()
    summed["mean_compound"] = summed["weighted"] / summed["n_sentences"].where(summed["n_sentences"] > 0)
    return summed[["outlet", "target", "n_sentences", "mean_compound"]]
