"""Per-outlet tallies of terms, framing labels and target sentences, made chunk by chunk.

The per-outlet tables of a build need every article's words. Counting them in
the parent after the articles are measured made that one serial pass as long
as the parallel one, and kept every outlet's term counts in memory. Instead
each worker tallies the chunk it has just measured (:class:`ChunkTally`;
:func:`tally_chunk` does the same from texts alone); the
build merges the small parts (label counts, target sentences, totals) in
memory and spills the term counts to disk in buckets (:class:`OutletTally`),
so memory stays flat however large the corpus. Bucket by bucket, at the end,
each outlet's top terms and its most distinctive terms are picked: a term
lies in one bucket only, so the best of each bucket's best are the best.

Outlet names are merged through the alias table first, as in every
per-outlet table (:func:`analysis.compare.apply_aliases`).

>>> part = tally_chunk([("Vox", "Migrants arrived. Migrants waited.")])
>>> part.n_articles, part.labels["Vox"]["migrant"]
({'Vox': 1}, 2)
"""
from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

if TYPE_CHECKING:
    from .term_store import StoreWriter, TermStore

N_BUCKETS = 16
_FLUSH_ROWS = 125_000  # term rows buffered per bucket before a row group is written (16 x 125k: ~100 MB)
_TERM_SCHEMA = pa.schema([("outlet", pa.string()), ("term", pa.string()),
                          ("count", pa.int64()), ("doc_freq", pa.int64())])


@dataclass
class ChunkTally:
    """One chunk's contribution to the per-outlet tables (small, except ``terms``)."""

    n_articles: dict[str, int] = field(default_factory=dict)
    n_words: dict[str, int] = field(default_factory=dict)  # the terms tokenizer's words
    n_terms: dict[str, int] = field(default_factory=dict)  # term occurrences (log-odds totals)
    labels: dict[str, Counter] = field(default_factory=dict)
    # (outlet, target) -> the compounds of the sentences naming it, in input order
    targets: dict[tuple[str, str], list[float]] = field(default_factory=dict)
    terms: pa.Table | None = None  # outlet, term, count, doc_freq
    # Term counts while the chunk is tallied; made into ``terms`` by finish().
    _counts: dict[str, Counter] = field(default_factory=dict, repr=False)
    _doc_freq: dict[str, Counter] = field(default_factory=dict, repr=False)

    def add_article(self, outlet: str, summary: dict, hits: dict[str, list[float]],
                    counts: Counter | None) -> None:
        """Add one article: ``summary`` and ``counts`` from :func:`article_terms`, ``hits``
        from :func:`analysis.sentiment.article_sentiment`. ``counts`` None leaves its
        terms out (a build whose stored term counts already hold them)."""
        outlet = _lexicons()[0].get(outlet, outlet)
        self.n_articles[outlet] = self.n_articles.get(outlet, 0) + 1
        self.n_words[outlet] = self.n_words.get(outlet, 0) + summary["n_words"]
        self.n_terms[outlet] = self.n_terms.get(outlet, 0) + summary["n_terms"]
        self.labels.setdefault(outlet, Counter()).update(summary["labels"])
        for target, compounds in hits.items():
            self.targets.setdefault((outlet, target), []).extend(compounds)
        if counts is not None:
            self._counts.setdefault(outlet, Counter()).update(counts)
            self._doc_freq.setdefault(outlet, Counter()).update(counts.keys())

    def finish(self) -> ChunkTally:
        """Turn the chunk's term counts into the ``terms`` table (call once, at the end)."""
        self.terms = _term_table(self._counts, self._doc_freq)
        self._counts, self._doc_freq = {}, {}
        return self


@cache
def _lexicons() -> tuple:
    """Per process: aliases, stop words, framing and target patterns (read once)."""
    from .compare import load_aliases
    from .framing import compile_lexicon, load_lexicon
    from .sentiment import _default_target_regexes
    from .terms import load_stopwords

    return (load_aliases(), load_stopwords(None), compile_lexicon(load_lexicon()),
            _default_target_regexes())


def article_terms(text: str) -> tuple[dict, Counter]:
    """One cleaned text's words and terms: a small summary, and its term counts.

    The summary (``n_words``, ``n_terms``, framing ``labels``) is small enough to
    cache per article; the term counts are not, and are counted when needed.

    >>> summary, counts = article_terms("Migrants arrived. Migrants waited.")
    >>> summary["labels"], counts["migrants"]
    ({'migrant': 2}, 2)
    """
    from .framing import count_labels
    from .terms import _term_runs, _terms

    _, stop, (pattern, label_of), _ = _lexicons()
    text = text if isinstance(text, str) else ""
    runs, in_addresses = _term_runs(text, False)
    terms = _terms(runs, 1, 2, stop, False)
    summary = {"n_words": sum(map(len, runs)) + in_addresses, "n_terms": len(terms),
               "labels": dict(count_labels(text, pattern, label_of))}
    return summary, Counter(terms)


def tally_chunk(articles: Iterable[tuple[str | None, str]]) -> ChunkTally:
    """Tally (outlet, cleaned text) pairs; articles without an outlet (None, NaN) are left out.

    >>> tally_chunk([("A", "Tax cuts."), (None, "x")]).n_terms
    {'A': 3}
    """
    from .sentiment import _mentions, score_sentence

    target_res = _lexicons()[3]
    part = ChunkTally()
    for outlet, text in articles:
        if not isinstance(outlet, str):
            continue
        text = text if isinstance(text, str) else ""
        hits: dict[str, list[float]] = {}
        for target, sentence in _mentions(text, target_res):
            hits.setdefault(target, []).append(score_sentence(sentence)["compound"])
        summary, counts = article_terms(text)
        part.add_article(outlet, summary, hits, counts)
    return part.finish()


def _term_table(counts: dict[str, Counter], doc_freq: dict[str, Counter]) -> pa.Table:
    outlets, terms, values, dfs = [], [], [], []
    for outlet, counter in counts.items():
        keys = list(counter)
        outlets += [outlet] * len(keys)
        terms += keys
        values += counter.values()
        dfs += map(doc_freq[outlet].__getitem__, keys)
    return pa.Table.from_arrays([pa.array(outlets, pa.string()), pa.array(terms, pa.string()),
                                 pa.array(values, pa.int64()), pa.array(dfs, pa.int64())],
                                schema=_TERM_SCHEMA)


def _bucket_of(terms: pa.Array) -> np.ndarray:
    """A bucket per term from its first and last bytes and its length.

    The same in every process (Python's str hash is salted per process), and
    computed on Arrow's buffers without a Python loop.
    """
    if len(terms) == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.frombuffer(terms.buffers()[1], dtype=np.int32)[terms.offset: terms.offset + len(terms) + 1]
    data = terms.buffers()[2]
    # A trailing zero byte keeps every index valid, even for empty strings.
    data = np.append(np.frombuffer(data, dtype=np.uint8) if data is not None else [], 0).astype(np.int64)
    length = np.diff(offsets).astype(np.int64)
    first, last = data[offsets[:-1]], data[np.maximum(offsets[1:] - 1, 0)]
    return np.where(length > 0, first * 31 + last * 7 + length, 0) % N_BUCKETS


class OutletTally:
    """The build's running per-outlet tallies; term counts spill to ``folder`` in buckets.

    >>> import tempfile
    >>> tally = OutletTally(Path(tempfile.mkdtemp()))
    >>> tally.add(tally_chunk([("A", "Tax cuts."), ("B", "Tax hikes.")]))
    >>> terms, distinctive = tally.term_tables(top_terms=1)
    >>> terms[["group", "term", "count"]].values.tolist()
    [['A', 'cuts', 1], ['B', 'hikes', 1]]
    """

    def __init__(self, folder: Path, base: TermStore | None = None, keep: StoreWriter | None = None) -> None:
        """``base``: a previous build's stored counts to start from; ``keep``: where
        to store this build's final counts for the next one."""
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.base, self.keep = base, keep
        self.n_articles: Counter = Counter()
        self.n_words: Counter = Counter()
        self.n_terms: Counter = Counter()
        self.labels: dict[str, Counter] = {}
        self.targets: dict[tuple[str, str], tuple[int, float]] = {}
        self._buffers: list[list[pa.Table]] = [[] for _ in range(N_BUCKETS)]
        self._buffered = [0] * N_BUCKETS
        self._writers: list[pq.ParquetWriter | None] = [None] * N_BUCKETS

    def add(self, part: ChunkTally) -> None:
        """Merge one chunk's tally (in input order, so float sums are reproducible)."""
        self.n_articles.update(part.n_articles)
        self.n_words.update(part.n_words)
        self.n_terms.update(part.n_terms)
        for outlet, labels in part.labels.items():
            self.labels.setdefault(outlet, Counter()).update(labels)
        for key, compounds in part.targets.items():
            n, total = self.targets.get(key, (0, 0.0))
            for compound in compounds:  # one at a time, in input order: the sum does not depend on the chunks
                total += compound
            self.targets[key] = (n + len(compounds), total)
        if part.terms is not None and part.terms.num_rows:
            self._spill(part.terms)

    def subtract_terms(self, terms: pa.Table) -> None:
        """Take a table of term counts (``ChunkTally.terms``) away from the base's."""
        if terms.num_rows:
            self._spill(terms.set_column(2, "count", pc.negate(terms.column("count")))
                        .set_column(3, "doc_freq", pc.negate(terms.column("doc_freq"))))

    def _spill(self, table: pa.Table) -> None:
        buckets = _bucket_of(table.column("term").combine_chunks())
        for b in np.unique(buckets):
            piece = table.filter(pa.array(buckets == b))
            self._buffers[b].append(piece)
            self._buffered[b] += piece.num_rows
            if self._buffered[b] >= _FLUSH_ROWS:
                self._flush(b)

    def _flush(self, b: int, summed: bool = True) -> None:
        if not self._buffers[b]:
            return
        if self._writers[b] is None:
            self._writers[b] = pq.ParquetWriter(self.folder / f"terms-{b:02d}.parquet", _TERM_SCHEMA)
        table = pa.concat_tables(self._buffers[b])
        self._writers[b].write_table(_sum_pairs(table) if summed else table)
        self._buffers[b], self._buffered[b] = [], 0

    def _bucket_job(self, b: int) -> _BucketJob:
        """Bucket ``b``'s files, its spill file closed (so any process can read it)."""
        self._flush(b, summed=False)  # the job sums the bucket (in parallel with the others)
        writer, self._writers[b] = self._writers[b], None
        if writer is not None:
            writer.close()
        return _BucketJob(self.folder / f"terms-{b:02d}.parquet" if writer is not None else None,
                          self.base.bucket_path(b) if self.base is not None else None,
                          self.keep.bucket_path(b) if self.keep is not None else None)

    def close(self) -> None:
        """Close the spill files and remove the spill folder."""
        for writer in self._writers:
            if writer is not None:
                writer.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def term_tables(self, top_terms: int = 200, top_distinctive: int = 30, min_articles: int = 5,
                    min_count: int = 3, map_fn: Callable = map) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Each outlet's ``top_terms`` most frequent terms, and for each outlet with
        ``min_articles`` or more, its ``top_distinctive`` terms by log-odds z against
        all other outlets (terms seen ``min_count`` times or more in the corpus).

        The tables equal :func:`analysis.term_frequency` and
        :func:`analysis.distinctive_terms` (corpus prior) on the same articles.
        Buckets are independent: ``map_fn`` (an executor's ``map``) may score
        them in other processes; results come back in bucket order either way.
        """
        outlets = sorted(self.n_articles)
        rank = {o: i for i, o in enumerate(outlets)}
        n_a = np.array([float(self.n_terms[o]) for o in outlets])
        eligible = np.array([self.n_articles[o] >= min_articles for o in outlets], dtype=bool)
        scorer = _Scorer(n_a, float(sum(self.n_terms.values())), eligible, min_count)
        if len(outlets) < 2 or not eligible.any():
            scorer = None
        best = partial(_bucket_best, rank=rank, scorer=scorer, top_terms=top_terms, top_distinctive=top_distinctive)
        jobs = [self._bucket_job(b) for b in range(N_BUCKETS)]
        frequent, distinctive = [], []
        for most, most_distinct in map_fn(best, jobs):
            frequent += most
            distinctive += most_distinct
        return (self._frequent_frame(frequent, outlets, top_terms),
                _distinctive_frame(distinctive, outlets, top_distinctive))

    def _frequent_frame(self, parts: list[pd.DataFrame], outlets: list[str], top: int) -> pd.DataFrame:
        from .terms import TF_COLUMNS

        if not parts:
            return pd.DataFrame(columns=TF_COLUMNS).astype(
                {"count": "int64", "rate": "float64", "doc_freq": "int64"})
        frame = _final_best(parts, "count", top)
        per = np.array([10_000 / self.n_words[o] if self.n_words[o] else 0.0 for o in outlets])
        codes = frame["code"].to_numpy()
        frame = pd.DataFrame({"group": np.array(outlets, dtype=object)[codes], "term": frame["term"],
                              "count": frame["count"], "rate": frame["count"].to_numpy() * per[codes],
                              "doc_freq": frame["doc_freq"]})
        return frame[TF_COLUMNS].astype({"count": "int64", "rate": "float64", "doc_freq": "int64"})

    def framing_table(self) -> pd.DataFrame:
        """framing()'s table over every article tallied: group, label, count, share, n_articles."""
        from .framing import load_lexicon

        label_order = sorted(set(load_lexicon().label))
        rows = []
        for outlet in sorted(self.n_articles):
            counts = self.labels.get(outlet, Counter())
            total = sum(counts[lab] for lab in label_order)
            rows += [(outlet, lab, counts[lab], counts[lab] / total if total else np.nan,
                      self.n_articles[outlet]) for lab in label_order]
        frame = pd.DataFrame(rows, columns=["group", "label", "count", "share", "n_articles"])
        frame = frame.astype({"group": object, "label": object, "count": "int64", "share": "float64",
                              "n_articles": "int64"})
        return frame.sort_values(["group", "count", "label"], ascending=[True, False, True],
                                 kind="stable", ignore_index=True)

    def target_table(self) -> pd.DataFrame:
        """target_sentiment()'s table: outlet, target, n_sentences, mean_compound (NaN if none)."""
        _, _, _, target_res = _lexicons()
        rows = []
        for outlet in sorted(self.n_articles):
            for target in sorted(target_res):
                n, total = self.targets.get((outlet, target), (0, 0.0))
                rows.append((outlet, target, n, total / n if n else np.nan))
        frame = pd.DataFrame(rows, columns=["outlet", "target", "n_sentences", "mean_compound"])
        return frame.astype({"outlet": object, "target": object, "n_sentences": "int64",
                             "mean_compound": "float64"})


@dataclass(frozen=True)
class _BucketJob:
    """The files of one term bucket: what to sum, and where to keep the sum."""

    spill: Path | None  # this build's counts (None: it counted no term of the bucket)
    base: Path | None  # the previous build's stored counts (None: no store, start from nothing)
    keep: Path | None  # where to store the summed counts for the next build


def _bucket_table(job: _BucketJob) -> pa.Table:
    """Every (outlet, term) of the bucket once, with its summed counts (base included)."""
    parts = []
    if job.base is not None:
        parts.append(pq.read_table(job.base) if job.base.exists() else _TERM_SCHEMA.empty_table())
    if job.spill is not None:
        parts.append(pq.read_table(job.spill))
        job.spill.unlink()
    if job.base is None:  # the spill file's row groups may repeat a pair
        table = _sum_pairs(parts[0]) if parts else _TERM_SCHEMA.empty_table()
    elif len(parts) == 1:  # stored counts, one row per pair, untouched by this build
        table = parts[0]
    else:
        table = _sum_pairs(pa.concat_tables(parts))
        # terms only removed articles had are now counted 0 times
        table = table.filter(pc.greater(table.column("count"), 0))
    if job.keep is not None:
        pq.write_table(table, job.keep)
    return table


def _bucket_best(job: _BucketJob, rank: dict[str, int], scorer: _Scorer | None, top_terms: int,
                 top_distinctive: int) -> tuple[list[pd.DataFrame], list[pd.DataFrame]]:
    """One bucket's candidates for the frequent and the distinctive terms (runs in any process)."""
    table = _bucket_table(job)
    if not table.num_rows:
        return [], []
    codes = _outlet_codes(table.column("outlet"), rank)
    frequent = [_best(table, codes, table.column("count").to_numpy(), top_terms)]
    return frequent, ([scorer.best(table, codes, top_distinctive)] if scorer is not None else [])


def _sum_pairs(table: pa.Table) -> pa.Table:
    """One row per (outlet, term), counts summed."""
    summed = table.group_by(["outlet", "term"]).aggregate([("count", "sum"), ("doc_freq", "sum")])
    return summed.rename_columns({"count_sum": "count", "doc_freq_sum": "doc_freq"}).select(_TERM_SCHEMA.names)


def _outlet_codes(column: pa.ChunkedArray, rank: dict[str, int]) -> np.ndarray:
    """Each row's outlet as its position in the sorted outlet list."""
    encoded = column.combine_chunks().dictionary_encode()
    by_index = np.array([rank[o] for o in encoded.dictionary.to_pylist()], dtype=np.int64)
    return by_index[encoded.indices.to_numpy(zero_copy_only=False)]


def _candidates(codes: np.ndarray, values: np.ndarray, top: int) -> np.ndarray:
    """Rows whose value reaches their outlet's ``top``-th largest (ties kept: terms break them later)."""
    values = np.where(np.isnan(values), -np.inf, values) if values.dtype.kind == "f" else values
    order = np.lexsort((-values, codes))
    sorted_codes = codes[order]
    position = np.arange(len(order)) - np.searchsorted(sorted_codes, sorted_codes, side="left")
    kept = order[position < top]
    threshold = np.full(int(codes.max()) + 1, np.inf)
    np.minimum.at(threshold, codes[kept], values[kept].astype(float))
    return np.nonzero(values >= threshold[codes])[0]


def _best(table: pa.Table, codes: np.ndarray, values: np.ndarray, top: int) -> pd.DataFrame:
    """This bucket's candidates for each outlet's ``top`` rows by value (then term)."""
    rows = _candidates(codes, values, top)
    return table.take(pa.array(rows)).to_pandas().assign(code=codes[rows])


def _final_best(parts: list[pd.DataFrame], value: str, top: int) -> pd.DataFrame:
    """Each outlet's ``top`` rows over all buckets: value descending, then term."""
    frame = pd.concat(parts, ignore_index=True)
    frame = frame.iloc[_candidates(frame["code"].to_numpy(), frame[value].to_numpy(), top)]
    frame = frame.assign(_neg=-frame[value].to_numpy()).sort_values(
        ["code", "_neg", "term"], kind="stable", na_position="last")
    return frame.groupby("code", sort=False).head(top).drop(columns="_neg").reset_index(drop=True)


class _Scorer:
    """Log-odds z of each (eligible outlet, term) against every other outlet (corpus prior)."""

    def __init__(self, n_a: np.ndarray, n_total: float, eligible: np.ndarray, min_count: int) -> None:
        self.n_a, self.n_total, self.eligible, self.min_count = n_a, n_total, eligible, min_count

    def best(self, table: pa.Table, codes: np.ndarray, top: int) -> pd.DataFrame:
        from .terms import log_odds_arrays

        counts = table.column("count").to_numpy().astype(float)
        term_ids = table.column("term").combine_chunks().dictionary_encode().indices.to_numpy(zero_copy_only=False)
        background = np.bincount(term_ids, weights=counts)[term_ids]
        rows = np.nonzero(self.eligible[codes] & (background >= self.min_count))[0]
        if not len(rows):
            return pd.DataFrame()
        y_a, bg, n_a = counts[rows], background[rows], self.n_a[codes[rows]]
        delta, var = log_odds_arrays(y_a, bg - y_a, bg, n_a, self.n_total - n_a, self.n_total)
        z = delta / np.sqrt(var)
        kept = _candidates(codes[rows], z, top)
        keep = rows[kept]
        frame = table.select(["term"]).take(pa.array(keep)).to_pandas()
        return frame.assign(code=codes[keep], count_a=y_a[kept], count_b=bg[kept] - y_a[kept],
                            delta=delta[kept], var=var[kept], z=z[kept])


def _distinctive_frame(parts: list[pd.DataFrame], outlets: list[str], top: int) -> pd.DataFrame:
    columns = ["outlet", "term", "count_a", "count_b", "delta", "var", "z"]
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame(columns=columns)
    frame = _final_best(parts, "z", top)
    frame["outlet"] = frame["code"].map(outlets.__getitem__)
    return frame.astype({"count_a": "int64", "count_b": "int64"})[columns]
