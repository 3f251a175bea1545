"""The build: raw corpus -> cleaned, measured articles -> tables in data/processed/.

Records stream through in chunks; each chunk's articles are measured in worker
processes (order kept, so results do not depend on the number of workers);
rows are written to Parquet in row groups of about a thousand (by the Dask
engine's workers, as one part per chunk); per-outlet tables are computed at
the end from the per-article tables. Everything is written into a
staging folder and swapped into place only when complete, under a lock.

>>> from analysis import build, config
>>> summary = build(config.RAW_DIR, "/tmp/analysis-doctest-out", workers=1, quiet=True)  # doctest: +SKIP
>>> summary.exit_code  # doctest: +SKIP
0
"""
from __future__ import annotations

import itertools
import json
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import pyarrow as pa

from . import __version__, config
from .article import STAGES, ArticleResult, analyse, stage_version, text_key
from .cache import StageCache
from .parquet_parts import RowGroupWriter, rows_to_table, table_schema, write_part
from .readers import first_of_id, iter_records, shard_files
from .errors import BuildError
from .records import RawRecord, Reject, rejects_frame
from .storage import build_lock, replace_tree, write_parquet_atomic, write_text_atomic
from .tallies import ChunkTally, OutletTally, article_terms
from .term_store import StoreStale, TermBook, TermStore

EXIT_OK, EXIT_FAILED, EXIT_REJECTS = 0, 1, 3
CACHE_DIR_NAME = ".cache"
TABLES = ("articles", "quotes", "comments", "removed")


@dataclass
class BuildSummary:
    """What a build did; ``exit_code`` follows the command line's contract."""

    out: Path
    n_read: int = 0
    n_articles: int = 0
    n_rejected: int = 0
    n_words: int = 0
    n_cached: int = 0
    seconds: float = 0.0
    reject_reasons: dict[str, int] = field(default_factory=dict)
    up_to_date: bool = False

    @property
    def exit_code(self) -> int:
        return EXIT_REJECTS if self.n_rejected else EXIT_OK


# A chunk's results (in input order), its per-outlet tally and its ROW_TABLES.
WorkDone = tuple[list[ArticleResult | Reject], ChunkTally, dict[str, pa.Table]]


def _work(chunk: list[Work], cache_to: CacheTarget | None = None, article_schema: pa.Schema | None = None,
          send_computed: bool = True) -> WorkDone:
    """Measure one chunk of articles and tally it per outlet (runs in a worker process).

    Records rejected while reading travel in the chunk and come back in
    place, so every table's order is the input order whatever the engine.
    An article's terms are counted only when its work item asks for it (the
    previous build's stored counts may already hold them). With ``cache_to``
    (the cache's path and the parent's stage versions) the worker stores the
    new stage outputs itself, so they are neither sent back nor written by
    the parent (which shares the cores with the workers), and it reads the
    cached outputs of the items the parent sent without them (cached None).
    The chunk's quote, comment and removed-segment rows come back as Arrow
    tables (:func:`_row_tables`), not as many small dicts; so do its article
    rows, in ``article_schema`` (fixed by the parent before the chunk is sent),
    each result keeping only its word count. ``send_computed`` False drops the
    new stage outputs that were not stored (a build without a cache has no use
    for them) rather than send them back.
    """
    if cache_to is not None and any(cached is None for _, cached, _, _ in chunk):
        chunk = _fill_cached(chunk, _worker_cache(cache_to[0]), cache_to[1])
    results = [item if isinstance(item, Reject) else _safe_analyse(item, cached) for item, cached, _, _ in chunk]
    if cache_to is not None:
        _put_computed(_worker_cache(cache_to[0]), cache_to[1], chunk, results)
    elif not send_computed:
        _drop_computed(results)
    part = ChunkTally()
    for (_, _, _, count_terms), res in zip(chunk, results):
        if not isinstance(res, ArticleResult):
            continue
        counts, res.term_counts = res.term_counts, None  # large: not sent back to the parent
        if isinstance(res.row["outlet"], str):
            if count_terms and counts is None:  # tally stage cached, terms not stored
                counts = article_terms(res.row["text"])[1]
            part.add_article(res.row["outlet"], res.tally, res.target_hits, counts if count_terms else None)
    return results, part.finish(), _row_tables(results, article_schema)


ROW_TABLES = ("quotes", "comments", "removed")  # many rows per article, in fixed schemas


def _row_tables(results: list[ArticleResult | Reject], article_schema: pa.Schema | None = None) -> dict[str, pa.Table]:
    """The chunk's rows of each of ROW_TABLES (and of articles, given their
    schema) as one table each, taken off the results."""
    from .output_schemas import TABLE_SCHEMAS

    articles = [res for res in results if isinstance(res, ArticleResult)]
    tables = {name: rows_to_table([row for res in articles for row in getattr(res, name)], TABLE_SCHEMAS[name])
              for name in ROW_TABLES}
    for res in articles:
        res.quotes, res.comments, res.removed = [], [], []
    if articles and article_schema is not None:
        tables["articles"] = rows_to_table([res.row for res in articles], article_schema)
        for res in articles:  # the row is in the table; the parent counts its words
            res.row = {"n_words": res.row["n_words"]}
    return tables


_WORKER_CACHES: dict[Path, StageCache] = {}


def _worker_cache(path: Path) -> StageCache:
    """This worker process's connection to the stage cache (opened once; SQLite serialises writers)."""
    if path not in _WORKER_CACHES:
        _WORKER_CACHES[path] = StageCache(path)
    return _WORKER_CACHES[path]


def _put_computed(cache: StageCache, versions: dict[str, str], chunk: list[Work],
                  results: list[ArticleResult | Reject]) -> None:
    """Store the stage outputs computed for this chunk (then drop them from the results)."""
    cache.put((stage, versions[stage], key, value)
              for (_, _, key, _), res in zip(chunk, results) if isinstance(res, ArticleResult) and key
              for stage, value in res.computed.items())
    _drop_computed(results)


def _drop_computed(results: list[ArticleResult | Reject]) -> None:
    for res in results:
        if isinstance(res, ArticleResult):
            res.computed = {}


def _safe_analyse(record: RawRecord, cached: dict[str, str]) -> ArticleResult | Reject:
    try:
        return analyse(record, cached)
    except RecursionError:
        return Reject(record.article_id, record.origin, "text is nested too deeply to analyse", stage="measure")
    except MemoryError:
        return Reject(record.article_id, record.origin, "text too large to analyse in memory", stage="measure")
    except Exception as exc:  # a fault on one text must neither stop the build nor lose the record
        return Reject(record.article_id, record.origin, _fault_reason(exc), stage="measure")


def _fault_reason(exc: Exception) -> str:
    """A reject reason for an unexpected error: what it was, where in the package, what to do."""
    import traceback

    package = str(Path(__file__).parent) + os.sep
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.startswith(package)]
    where = f" in {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    message = str(exc)[:200]
    return (f"could not be analysed: {type(exc).__name__}{where}" + (f" ({message})" if message else "")
            + "; this is a fault in the analysis package: please report it with this record")


def _chunks(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


class _Outputs:
    """The staging folder's tables and what the summary needs.

    The local engine streams every table into one Parquet file. With
    ``parts`` (the Dask engine) the workers write each chunk's rows as a part
    of a Parquet dataset of the table's name (see :func:`_work_to_parts`), so
    rows never travel back; only the rejects file is written here.
    """

    def __init__(self, staging: Path, parts: bool = False) -> None:
        from .output_schemas import TABLE_SCHEMAS

        self.staging, self.parts = staging, parts
        self.writers = {} if parts else {
            name: RowGroupWriter(staging / f"{name}.parquet", TABLE_SCHEMAS[name]) for name in TABLES}
        self.rejects: list[Reject] = []
        self.n_articles = 0
        self.article_schema: pa.Schema | None = None

    def fix_article_schema(self, chunk: list[Work]) -> pa.Schema | None:
        """The articles table's columns, fixed by the first chunk holding a record.

        Its records' own fields (such as AllSides' topic) become columns;
        fields first seen later go into the ``extra`` column. Fixed before the
        chunk is measured, so Dask workers writing parts agree on the schema.
        """
        if self.article_schema is None and any(isinstance(item, RawRecord) for item, _, _, _ in chunk):
            from .output_schemas import TABLE_SCHEMAS

            fields = (key for item, _, _, _ in chunk if isinstance(item, RawRecord) for key in item.extra)
            self.article_schema = table_schema(TABLE_SCHEMAS["articles"], fields)
            if not self.parts:
                self.writers["articles"].schema = self.article_schema
        return self.article_schema

    def add(self, results: list[ArticleResult | Reject], row_tables: dict[str, pa.Table]) -> None:
        """Note the chunk's rejects and write its tables (those the workers have not written)."""
        self.rejects.extend(res for res in results if isinstance(res, Reject))
        self.n_articles += len(results) - sum(1 for res in results if isinstance(res, Reject))
        for name, table in row_tables.items():
            self.writers[name].write_table(table)

    def close(self) -> None:
        for writer in self.writers.values():
            writer.close()
        if self.parts:
            self._close_parts()
        write_parquet_atomic(rejects_frame(self.rejects), self.staging / "rejects.parquet")

    def _close_parts(self) -> None:
        """Give every dataset at least one part, so readers find its columns."""
        from .output_schemas import TABLE_SCHEMAS

        for name in TABLES:
            folder = self.staging / f"{name}.parquet"
            if not any(folder.glob("part-*.parquet")):
                schema = (self.article_schema if name == "articles" else None) or TABLE_SCHEMAS[name]
                write_part(folder, 0, schema.empty_table())


def _work_to_parts(chunk: list[Work], index: int, folder: Path, article_schema: pa.Schema | None) -> WorkDone:
    """:func:`_work` on a Dask worker, which writes the chunk's rows itself as
    part ``index`` of each table's dataset in ``folder`` and sends back only
    what the parent needs (rejects, word counts, tallies, new stage outputs).

    ``folder`` is the build's staging folder, so the workers must see it at
    the same path (a LocalCluster does; a remote cluster needs a shared file
    system). ``article_schema`` is None only when the chunk holds no record.
    A table with no rows in this chunk gets no part.
    """
    if not folder.is_dir():
        import socket

        raise BuildError(f"the Dask worker on {socket.gethostname()} cannot see the output folder {folder}; "
                         "workers write the tables there, so put the output folder (--out) on a file "
                         "system the scheduler's workers share, at the same path")
    results, part, row_tables = _work(chunk, article_schema=article_schema)
    for name, table in row_tables.items():
        if table.num_rows:  # empty parts only add files; the build gives each table at least one
            write_part(folder / f"{name}.parquet", index, table)
    return results, part, {}


def build(
    corpus: str | os.PathLike = config.RAW_DIR,
    out: str | os.PathLike = config.PROCESSED_DIR,
    *,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    columns: dict[str, str] | None = None,
    chunk_size: int = 100,
    use_cache: bool = True,
    quiet: bool | None = None,
    wait: float = 0.0,
    strict: bool = False,
) -> BuildSummary:
    """Build the processed tables for ``corpus`` into ``out``; return a summary.

    ``workers`` defaults to every core. ``engine="dask"`` runs the same
    per-article work on a Dask cluster (``scheduler`` is its address; a
    LocalCluster when None). Raises BuildLockedError when another build holds
    ``out``, CorpusError when the corpus as a whole cannot be read.
    """
    out_dir = Path(out).resolve()
    workers = workers or os.cpu_count() or 1
    start = time.perf_counter()
    with build_lock(out_dir, wait=wait):
        fingerprint = corpus_fingerprint(Path(corpus), columns)
        if use_cache and (done := _up_to_date(out_dir, fingerprint)) is not None:
            done.seconds = time.perf_counter() - start
            return done
        _remove_stale_staging(out_dir)
        staging = out_dir / f".staging-{os.getpid()}"
        staging.mkdir(parents=True)
        try:
            args = (Path(corpus), staging, out_dir, workers, engine, scheduler, columns, chunk_size, use_cache, quiet)
            try:
                summary = _build_into(*args, use_store=True)
            except StoreStale:  # rare: the stage cache lost a text the stored counts need
                shutil.rmtree(staging)
                staging.mkdir(parents=True)
                summary = _build_into(*args, use_store=False)
            summary.seconds = time.perf_counter() - start
            if summary.n_read == 0:  # an empty input is a broken upstream step, not an empty report
                raise BuildError(f"{corpus} holds no records, so there is nothing to build; "
                                 "any previous outputs were kept. Check the path and the files in it.")
            if strict and summary.n_rejected:
                raise BuildError(_strict_message(summary))
            _write_build_info(staging, Path(corpus), summary, fingerprint)
            replace_tree(staging, out_dir)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    summary.out = out_dir
    return summary


def _strict_message(summary: BuildSummary) -> str:
    reasons = "; ".join(f"{n} x {r}" for r, n in list(summary.reject_reasons.items())[:5])
    return (f"{summary.n_rejected} of {summary.n_read} records rejected and --strict is set, "
            f"so the previous outputs were kept. Reasons: {reasons}")


def _remove_stale_staging(out_dir: Path) -> None:
    # Left behind by a build that was killed; we hold the lock, so no live build owns them.
    for stale in out_dir.glob(".staging-*"):
        shutil.rmtree(stale, ignore_errors=True)


def _build_into(corpus: Path, staging: Path, out_dir: Path, workers: int, engine: str,
                scheduler: str | None, columns: dict[str, str] | None, chunk_size: int,
                use_cache: bool, quiet: bool | None, use_store: bool = True) -> BuildSummary:
    from .progress import Progress

    summary = BuildSummary(out=out_dir)
    outputs = _Outputs(staging, parts=(engine == "dask"))
    cache = StageCache(out_dir / CACHE_DIR_NAME / "stages.sqlite") if use_cache else None
    versions = {name: stage_version(name) for name in STAGES}
    terms = TermBook(out_dir / CACHE_DIR_NAME, cache, versions["clean"], use_store)
    progress = Progress(quiet=quiet)
    tally = OutletTally(staging / ".tally", base=terms.store, keep=terms.writer)
    try:
        if engine == "dask" and (files := shard_files(corpus)):  # read by the Dask workers, shard by shard
            from .dask_engine import run_dask_files

            planner = _FilePlanner(cache, versions, terms.store, outputs, staging)
            done = run_dask_files(files, columns, chunk_size, planner.plan, _work_on_read, scheduler, workers)
        else:
            records = iter_records(corpus, columns=columns)
            # Local worker processes read their cached stage outputs themselves (Dask workers may be elsewhere).
            fetch = not (engine == "local" and workers > 1)
            # A first build (or one after every stage changed) finds nothing in the
            # cache: it skips the look-ups (1.5% of a full AllSides build's time).
            lookup = cache is not None and cache.holds_any(versions)
            chunks = (_with_cache(chunk, cache, versions, terms.store, fetch, lookup=lookup)
                      for chunk in _chunks(records, chunk_size))
            jobs = ((chunk, (i, staging, outputs.fix_article_schema(chunk))) for i, chunk in enumerate(chunks))
            done = _run(jobs, engine, workers, scheduler, (cache.path, versions) if cache is not None else None)
        for chunk, (results, part, row_tables) in done:
            tally.add(part)
            terms.note(chunk, results)
            summary.n_cached += sum(1 for r in results if isinstance(r, ArticleResult) and r.from_cache)
            if cache is not None:  # what the workers have not stored themselves
                _put_computed(cache, versions, chunk, results)
            outputs.add(results, row_tables)
            words = sum(r.row["n_words"] for r in results if isinstance(r, ArticleResult))
            summary.n_words += words
            progress.update(len(chunk), words)
        terms.subtract_removed(tally)
        outputs.close()
        _summarise(summary, outputs)
        from .tables import write_tally_tables

        with _aside(_TABLES_ASIDE, staging, workers if engine == "local" else 1) as map_fn:
            write_tally_tables(staging, tally, map_fn=map_fn)
        terms.commit()
    finally:
        progress.close()
        tally.close()
        terms.close()
        if cache is not None:
            cache.close()
    return summary


Work = tuple[RawRecord | Reject, dict[str, str] | None, str | None, bool]  # item, cached outputs, text key, count terms?
CacheTarget = tuple[Path, dict[str, str]]  # the stage cache's path, the stage versions


def _with_cache(chunk: list[Any], cache: StageCache | None, versions: dict[str, str],
                store: TermStore | None = None, fetch: bool = True, keys: list[str | None] | None = None,
                lookup: bool = True) -> list[Work]:
    """Pair each record with its cached stage outputs (None, to be read by the
    worker, unless ``fetch``; none when not ``lookup``, as when the cache held
    nothing of these versions as the build began), its text key (hashed once,
    here, unless given) and whether its terms must be counted (not when
    ``store`` already holds them)."""
    if cache is None:
        return [(item, {}, None, True) for item in chunk]
    if keys is None:
        keys = [text_key(item.raw_text) if isinstance(item, RawRecord) else None for item in chunk]
    work = [(item, None if k and lookup else {}, k,
             not (store is not None and k is not None and isinstance(item.outlet, str) and store.claim(k, item.outlet)))
            for item, k in zip(chunk, keys)]
    return _fill_cached(work, cache, versions) if fetch else work


def _fill_cached(chunk: list[Work], cache: StageCache, versions: dict[str, str]) -> list[Work]:
    """Work items with the cached stage outputs of their text keys filled in."""
    wanted = [k for _, cached, k, _ in chunk if cached is None and k]
    found = {stage: cache.get(stage, version, wanted) for stage, version in versions.items()} if wanted else {}
    return [(item, {s: found[s][k] for s in found if k in found[s]} if cached is None and k else (cached or {}), k, count)
            for item, cached, k, count in chunk]


class _FilePlanner:
    """The parent's part of a build whose records the Dask workers read.

    The workers describe each record (id, origin, outlet, text hash, field
    names); from that the parent rejects repeated ids, finds cached outputs
    and stored term counts, and fixes the articles' columns, as it does for
    records it reads itself. Its chunks hold text-less stand-ins for the
    records, which is all the build's bookkeeping needs.
    """

    def __init__(self, cache: StageCache | None, versions: dict[str, str], store: TermStore | None,
                 outputs: _Outputs, staging: Path) -> None:
        self.cache, self.versions, self.store = cache, versions, store
        self.outputs, self.staging = outputs, staging
        self.seen: dict[str, str] = {}
        self.index = itertools.count()

    def plan(self, described: list[Any]) -> tuple[list[Work], tuple]:
        """(the chunk of stand-ins, the arguments of :func:`_work_on_read` after the records)."""
        items, keys = [], []
        for desc in described:
            if isinstance(desc, Reject):
                items.append(desc)
                keys.append(None)
                continue
            article_id, origin, outlet, key, fields = desc
            item = first_of_id(RawRecord(article_id, "", origin, outlet=outlet, extra=dict.fromkeys(fields)), self.seen)
            items.append(item)
            keys.append(key if isinstance(item, RawRecord) else None)
        chunk = _with_cache(items, self.cache, self.versions, self.store, fetch=True, keys=keys)
        steps = [(item if isinstance(item, Reject) else None, cached, key, count) for item, cached, key, count in chunk]
        return chunk, (steps, next(self.index), self.staging, self.outputs.fix_article_schema(chunk))


def _work_on_read(slices: list[list[RawRecord | Reject]], steps: list[tuple], index: int, folder: Path,
                  article_schema: pa.Schema | None) -> WorkDone:
    """:func:`_work_to_parts` on records the Dask workers read (``slices``: the
    chunk's records, one list per file); ``steps`` are the parent's (reject in
    their place or None, cached outputs, text key, count terms?)."""
    records = [record for part in slices for record in part]
    chunk = [(reject or record, cached, key, count) for record, (reject, cached, key, count) in zip(records, steps)]
    return _work_to_parts(chunk, index, folder, article_schema)


def _run(jobs: Iterator[tuple[list, tuple]], engine: str, workers: int, scheduler: str | None,
         cache_to: CacheTarget | None = None) -> Iterator[tuple[list, WorkDone]]:
    """Yield (chunk, results) in input order, whatever the engine.

    ``jobs`` are (chunk, (index, staging folder, articles schema)); the last
    three are for the Dask engine, whose workers write the rows themselves.
    Local worker processes store new stage outputs in the cache (``cache_to``)
    themselves; Dask workers (maybe on other machines) send them back.
    """
    if engine == "dask":
        from .dask_engine import run_dask

        yield from run_dask(jobs, _work_to_parts, scheduler=scheduler, workers=workers)
        return
    if engine != "local":
        from .errors import AnalysisError

        raise AnalysisError(f"unknown engine {engine!r}; use 'local' or 'dask'")
    if workers <= 1:
        for chunk, (_, _, article_schema) in jobs:
            yield chunk, _work(chunk, article_schema=article_schema)
    else:
        yield from _run_pool(jobs, workers, cache_to)


# Imported once by the fork server, so each worker starts with them loaded
# (analysis.preload also loads the lexicons the stages read on first use).
_WORKER_MODULES = ["analysis.pipeline", "analysis.tables", "analysis.preload"]


def _pool_context() -> Any:
    import multiprocessing as mp

    ctx = mp.get_context("forkserver" if sys.platform != "win32" else "spawn")
    if ctx.get_start_method() == "forkserver":
        ctx.set_forkserver_preload(_WORKER_MODULES)  # no effect once the fork server runs
    return ctx


# Tables made from the staging folder's Parquet files, aside from the tally tables.
_TABLES_ASIDE = ("write_quote_tables", "write_measure_tables")  # longest first


def _write_table(name: str, folder: Path) -> None:
    from . import tables

    getattr(tables, name)(folder)


@contextmanager
def _aside(names: tuple[str, ...], folder: Path, workers: int) -> Iterator[Callable]:
    """Write the tables ``names`` (functions of :mod:`analysis.tables`) while the
    body runs, and yield a ``map`` for the body's own jobs. Their errors, if any,
    are raised here.

    The parent counts as one of the ``workers``: the other ``workers - 1``
    processes write ``names``, then take the body's jobs from the front of the
    queue while the parent takes them from the back (:func:`_shared_map`).
    With 1 worker everything runs inline.
    """
    if workers <= 1:
        yield map
        for name in names:
            _write_table(name, folder)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers - 1, mp_context=_pool_context()) as pool:
        jobs = [pool.submit(_write_table, name, folder) for name in names]  # first: the longest jobs
        yield partial(_shared_map, pool)
        for job in jobs:
            job.result()


def _shared_map(pool: Any, fn: Callable, items: Iterable[Any]) -> Iterator[Any]:
    """``map(fn, items)``, worked on by ``pool`` and by the calling process.

    Every item is queued in the pool; the caller runs the queue's tail itself,
    item by item, for as long as the pool has not started on it, so neither
    side waits while the other has work left. Results come in item order.

    >>> from concurrent.futures import ThreadPoolExecutor
    >>> with ThreadPoolExecutor(1) as pool:
    ...     list(_shared_map(pool, abs, [-3, 1, -2]))
    [3, 1, 2]
    """
    items = list(items)
    futures = [pool.submit(fn, item) for item in items]
    inline: dict[int, Any] = {}
    for i in reversed(range(len(items))):
        if not futures[i].cancel():  # the pool has it: so it has every earlier one too
            break
        inline[i] = fn(items[i])
    return (inline[i] if i in inline else futures[i].result() for i in range(len(items)))


def _run_pool(jobs: Iterator[tuple[list, tuple]], workers: int,
              cache_to: CacheTarget | None) -> Iterator[tuple[list, WorkDone]]:
    ctx = _pool_context()
    if ctx.get_start_method() == "forkserver":
        # Starting the fork server does not wait for its imports; the parent
        # measures the first chunk meanwhile rather than wait with a core idle.
        from multiprocessing import forkserver

        forkserver.ensure_running()
        jobs = iter(jobs)
        for chunk, (_, _, article_schema) in itertools.islice(jobs, 1):
            yield chunk, _work_inline(chunk, cache_to, article_schema)
    with ctx.Pool(workers) as pool:
        # The workers store what they computed (or there is no cache): nothing to send back.
        submitted = ((chunk, pool.apply_async(_work, (chunk, cache_to, article_schema, False)))
                     for chunk, (_, _, article_schema) in jobs if chunk)
        yield from in_order(submitted, workers * 2, get=lambda job: job.get())


def _work_inline(chunk: list[Work], cache_to: CacheTarget | None, article_schema: pa.Schema | None) -> WorkDone:
    """:func:`_work` as a pool worker runs it, in this process; its connection to the cache is closed after."""
    try:
        return _work(chunk, cache_to, article_schema, False)
    finally:
        if cache_to is not None and (cache := _WORKER_CACHES.pop(cache_to[0], None)) is not None:
            cache.close()


def in_order(submitted: Iterator[tuple[Any, Any]], in_flight: int,
             get: Callable[[Any], Any] = lambda future: future.result()) -> Iterator[tuple[Any, Any]]:
    """(tag, ``get(job)``) for each (tag, job) of ``submitted``, in order, whatever
    the engine's jobs are (Dask futures, a pool's AsyncResults).

    ``submitted`` is drawn from only while fewer than ``in_flight`` jobs are
    pending: a bounded look-ahead keeps memory flat however large the corpus.
    """
    from collections import deque

    pending: deque = deque()
    for tag, job in submitted:
        pending.append((tag, job))
        while len(pending) >= in_flight:
            done, oldest = pending.popleft()
            yield done, get(oldest)
    while pending:
        done, oldest = pending.popleft()
        yield done, get(oldest)


def _summarise(summary: BuildSummary, outputs: _Outputs) -> None:
    summary.n_articles = outputs.n_articles
    summary.n_rejected = len(outputs.rejects)
    summary.n_read = summary.n_articles + summary.n_rejected
    reasons: dict[str, int] = {}
    for rej in outputs.rejects:
        key = rej.reason.split(" (")[0]
        reasons[key] = reasons.get(key, 0) + 1
    summary.reject_reasons = dict(sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])))


def corpus_fingerprint(corpus: Path, columns: dict[str, str] | None = None) -> str:
    """A hash of every input file's name and bytes (and the column mapping)."""
    import hashlib

    digest = hashlib.blake2b(digest_size=16)
    digest.update(json.dumps(columns or {}, sort_keys=True).encode())
    if any(ch in corpus.name for ch in "*?["):
        files = sorted(corpus.parent.glob(corpus.name))
    elif corpus.is_dir():
        files = sorted(p for p in corpus.iterdir() if p.is_file() or p.is_symlink())
    else:
        files = [corpus] if corpus.exists() else []
    for path in files:
        digest.update(path.name.encode("utf-8", "surrogateescape") + b"\0")
        try:
            with open(path, "rb") as fh:
                while block := fh.read(1 << 20):
                    digest.update(block)
        except OSError:
            digest.update(b"<unreadable>")
    return digest.hexdigest()


def _up_to_date(out_dir: Path, fingerprint: str) -> BuildSummary | None:
    """The previous build's summary when its input, every version and the package's code are unchanged."""
    from .versions import code_version, measure_versions

    try:
        info = json.loads((out_dir / "build.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    current = {name: stage_version(name) for name in STAGES}
    if (info.get("fingerprint") != fingerprint or info.get("stage_versions") != current
            or info.get("versions") != measure_versions() or info.get("code") != code_version()
            or not all((out_dir / name).exists() for name in info.get("files", ["-"]))):
        return None
    return BuildSummary(out=out_dir, n_read=info["n_read"], n_articles=info["n_articles"],
                        n_rejected=info["n_rejected"], n_words=info.get("n_words", 0),
                        n_cached=info["n_articles"], reject_reasons=info["reject_reasons"], up_to_date=True)


def _write_build_info(staging: Path, corpus: Path, summary: BuildSummary, fingerprint: str) -> None:
    from .versions import code_version, measure_versions

    info = {
        "fingerprint": fingerprint,
        "code": code_version(),
        "files": sorted(p.name for p in staging.iterdir()) + ["build.json"],
        "n_words": summary.n_words,
        "corpus": str(corpus),
        "n_read": summary.n_read,
        "n_articles": summary.n_articles,
        "n_rejected": summary.n_rejected,
        "reject_reasons": summary.reject_reasons,
        "versions": measure_versions(),
        "stage_versions": {name: stage_version(name) for name in STAGES},
    }
    write_text_atomic(staging / "build.json", json.dumps(info, indent=2, sort_keys=True) + "\n")
