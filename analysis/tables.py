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

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from . import config
from .compare import apply_aliases, compare_outlets
from .framing import framing
from .sentiment import target_sentiment
from .storage import write_parquet_atomic
from .terms import TermCounts, count_terms, log_odds_table, term_frame
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

    counts: dict[str, TermCounts] = {}
    framed, targeted = [], []
    for batch in _text_batches(articles):
        for outlet, texts in batch.groupby("outlet", sort=True)["text"]:
            c = count_terms(texts)
            counts[outlet] = counts[outlet] + c if outlet in counts else c
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


def _top_terms(counts: dict[str, TermCounts], top: int) -> pd.DataFrame:
    table = term_frame(counts)
    return table.groupby("group", sort=False).head(top).reset_index(drop=True)


def _distinctive(counts: dict[str, TermCounts], numeric: pd.DataFrame, min_articles: int, top: int) -> pd.DataFrame:
    """Each large enough outlet against every other outlet, counted once."""
    sizes = numeric["outlet"].value_counts()
    eligible = sorted(o for o in counts if sizes.get(o, 0) >= min_articles)
    if len(counts) < 2 or not eligible:
        return pd.DataFrame(columns=["outlet", "term", "count_a", "count_b", "delta", "var", "z"])
    total = sum((c.counts for c in counts.values()), start=type(next(iter(counts.values())).counts)())
    frames = []
    for outlet in eligible:
        mine = counts[outlet].counts
        table = log_odds_table(mine, total - mine, total).head(top)
        frames.append(table.reset_index().assign(outlet=outlet))
    result = pd.concat(frames, ignore_index=True)
    return result[["outlet", "term", "count_a", "count_b", "delta", "var", "z"]]


def _combine_framing(parts: list[pd.DataFrame]) -> pd.DataFrame:
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
    table = pd.concat(parts, ignore_index=True)
    table["weighted"] = table["mean_compound"].fillna(0) * table["n_sentences"]
    summed = table.groupby(["outlet", "target"], sort=True)[["n_sentences", "weighted"]].sum().reset_index()
    summed["mean_compound"] = summed["weighted"] / summed["n_sentences"].where(summed["n_sentences"] > 0)
    return summed[["outlet", "target", "n_sentences", "mean_compound"]]
