"""Per-outlet tables written at the end of a build.

The measures' comparison and the voices tables are computed from the
per-article tables the build has just written, so they always agree with them.
Terms, framing and target sentences come from the :class:`analysis.tallies.OutletTally`
that the build's workers filled chunk by chunk. The three groups are
independent: the build computes the first two in another process while it
writes the third. Outlet names are merged through the alias table first (see
:func:`analysis.compare.apply_aliases`).

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

from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa

from . import config
from .compare import apply_aliases, compare_outlets
from .storage import write_parquet_atomic
from .tallies import OutletTally
from .voices import voice_tables_of_parts

TOP_TERMS = 200
TOP_DISTINCTIVE = 30


def write_measure_tables(folder: Path, min_articles: int = config.MIN_ARTICLES_PER_OUTLET) -> None:
    """``outlets.parquet``: every per-article measure compared across outlets."""
    articles = folder / "articles.parquet"
    measures = _measure_columns(articles)
    numeric = apply_aliases(pd.read_parquet(articles, columns=["article_id", "outlet", *measures]))
    write_parquet_atomic(compare_outlets(numeric, min_articles=min_articles, aliases={}), folder / "outlets.parquet")


# Quotes held at once while the voices tables are made: memory stays flat as the corpus grows.
QUOTE_PART_ROWS = 50_000


def write_quote_tables(folder: Path, part_rows: int = QUOTE_PART_ROWS) -> None:
    """``speakers.parquet`` and ``shared_quotes.parquet`` from ``folder``'s quotes table, read
    ``part_rows`` at a time (see :func:`analysis.voices.voice_tables_of_parts`)."""
    path = folder / "quotes.parquet"

    def parts(columns: list[str]) -> Iterator[pd.DataFrame]:
        for table in _row_parts(path, columns, part_rows):
            yield apply_aliases(table.to_pandas()) if "outlet" in columns else table.to_pandas()

    speakers, shared = voice_tables_of_parts(parts, by="outlet", n=10)
    write_parquet_atomic(speakers, folder / "speakers.parquet")
    write_parquet_atomic(shared, folder / "shared_quotes.parquet")


def _row_parts(path: Path, columns: list[str], rows: int) -> Iterator[pa.Table]:
    """``path``'s rows (one file, or a folder of parts) in order, about ``rows`` at a time
    (the Dask engine writes a file per chunk: far smaller)."""
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    held: list[pa.RecordBatch] = []
    n_held = 0
    for file in ds.dataset(path, format="parquet").files:  # in order, as pandas reads them
        # File by file, without the dataset scanner's read-ahead (it held 200 MB of text).
        for batch in pq.ParquetFile(file).iter_batches(rows, columns=columns, use_threads=False):
            held.append(batch)
            n_held += batch.num_rows
            if n_held >= rows:
                yield pa.Table.from_batches(held)
                held, n_held = [], 0
    if held:
        yield pa.Table.from_batches(held)


def write_tally_tables(folder: Path, tally: OutletTally, min_articles: int = config.MIN_ARTICLES_PER_OUTLET,
                       top_terms: int = TOP_TERMS, top_distinctive: int = TOP_DISTINCTIVE,
                       map_fn: Callable = map) -> None:
    """Term, distinctive-term, framing and target-sentiment tables from the build's tallies
    (``map_fn``: how to map over the term buckets, e.g. an executor's ``map``)."""
    terms, distinctive = tally.term_tables(top_terms, top_distinctive, min_articles, map_fn=map_fn)
    write_parquet_atomic(terms, folder / "terms.parquet")
    write_parquet_atomic(distinctive, folder / "distinctive_terms.parquet")
    write_parquet_atomic(tally.framing_table(), folder / "framing.parquet")
    write_parquet_atomic(tally.target_table(), folder / "target_sentiment.parquet")


def _measure_columns(articles: Path) -> list[str]:
    import pyarrow.dataset as ds

    schema = ds.dataset(articles, format="parquet").schema  # one file, or a dataset in parts (Dask engine)
    skip = {"article_id", "outlet", "n_words"}
    return [f.name for f in schema if f.name not in skip and str(f.type) in ("double", "float")]
