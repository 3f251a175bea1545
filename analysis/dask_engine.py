"""Run the per-article work on a Dask distributed cluster.

The build hands over the same chunks and the same worker function as the
local engine and gets results back in input order, so outputs are identical
whatever the engine. A sharded corpus (a folder or glob of JSON Lines, CSV
or Parquet files) is read by the workers themselves, one shard per task
(:func:`run_dask_files`): the parent only sees each record's id, outlet and
text hash, to find duplicates and cached outputs. Without a scheduler
address a LocalCluster of worker processes is started on this machine; with one (``tcp://host:8786``) the work
goes to that cluster, whose workers must have this package installed at the
same version.

>>> from analysis.dask_engine import run_dask  # doctest: +SKIP
"""
from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any

from .errors import AnalysisError
from .pipeline import in_order


def _client(scheduler: str | None, workers: int) -> contextlib.AbstractContextManager:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise AnalysisError(
            "the dask engine needs the 'dask' extra: pip install -e '.[dask]'"
        ) from None
    _quiet_dask_logs()
    if scheduler:
        return Client(scheduler, set_as_default=False)
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=40)
    return _ClusterClient(cluster, Client(cluster, set_as_default=False))


def _quiet_dask_logs() -> None:
    """Keep Dask's own start-up and connection notes (INFO) off the user's
    terminal; its warnings and errors still show."""
    import logging

    for name in ["distributed", *(n for n in logging.root.manager.loggerDict if n.startswith("distributed."))]:
        logger = logging.getLogger(name)
        if logger.getEffectiveLevel() < logging.WARNING:
            logger.setLevel(logging.WARNING)


class _ClusterClient(contextlib.AbstractContextManager):
    """A client that also closes the LocalCluster it was made for."""

    def __init__(self, cluster: Any, client: Any) -> None:
        self.cluster, self.client = cluster, client

    def __enter__(self) -> Any:
        return self.client

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        self.cluster.close()


def run_dask(jobs: Iterator[tuple[list, tuple]], work: Callable[..., Any], scheduler: str | None = None,
             workers: int = 2) -> Iterator[tuple[list, Any]]:
    """Yield (chunk, work(chunk, *args)) for each (chunk, args) of ``jobs``, in
    input order, computed on the cluster."""
    with _client(scheduler, workers) as client:
        submitted = ((chunk, client.submit(work, chunk, *args, pure=False)) for chunk, args in jobs if chunk)
        yield from in_order(submitted, _in_flight(client, workers))


def _in_flight(client: Any, workers: int) -> int:
    return max(2, 2 * len(client.scheduler_info().get("workers", {})) or 2 * workers)


def _read(path: Any, columns: dict[str, str] | None) -> list:
    from .errors import CorpusError
    from .readers import read_table_file

    try:
        return read_table_file(path, columns)
    except OSError as exc:  # e.g. a remote worker without the build machine's files
        import socket

        raise CorpusError(f"the Dask worker on {socket.gethostname()} cannot read {path} ({exc.strerror or exc}); "
                          "workers read the input files themselves, so put them on a file system the "
                          "workers share, at the same path") from None


def _describe(items: list) -> list:
    """What the parent needs of each item: a Reject as it is, a record as
    (article id, origin, outlet, text hash, its own field names)."""
    from .article import text_key
    from .records import Reject

    return [item if isinstance(item, Reject)
            else (item.article_id, item.origin, item.outlet, text_key(item.raw_text), tuple(item.extra))
            for item in items]


def _slice(items: list, lo: int, hi: int) -> list:
    return items[lo:hi]


def _described(client: Any, files: list, columns: dict[str, str] | None) -> Iterator[tuple[Any, int, Any]]:
    """(the file's records on the cluster, position, description) of every
    record, file after file; the next file is read while this one is worked on."""
    reading = deque(client.submit(_read, path, columns, pure=False) for path in files[:1])
    for i in range(len(files)):
        items = reading.popleft()
        if i + 1 < len(files):
            reading.append(client.submit(_read, files[i + 1], columns, pure=False))
        for pos, desc in enumerate(client.submit(_describe, items, pure=False).result()):
            yield items, pos, desc


def _slices(client: Any, group: list[tuple[Any, int, Any]]) -> list:
    """The chunk ``group`` as slices of the files' records (one per file it spans)."""
    runs: list[list] = []
    for items, pos, _ in group:
        if runs and runs[-1][0] is items:
            runs[-1][2] = pos + 1
        else:
            runs.append([items, pos, pos + 1])
    return [client.submit(_slice, items, lo, hi, pure=False) for items, lo, hi in runs]


def run_dask_files(files: list, columns: dict[str, str] | None, chunk_size: int,
                   plan: Callable[[list], tuple[Any, tuple]], work: Callable[..., Any],
                   scheduler: str | None = None, workers: int = 2) -> Iterator[tuple[Any, Any]]:
    """Read each of ``files`` on a worker and work on its records there, in chunks.

    Chunks are cut from all files' records in order, as when the parent reads
    them, so a chunk may span two files. For each chunk's record descriptions
    (see :func:`_describe`) ``plan`` returns (what to yield with the result,
    extra arguments); a worker runs ``work(slices, *arguments)`` where
    ``slices`` are the chunk's records, one list per file it spans. Yields
    (plan's first value, result) in input order. Only chunks move between
    workers, never a whole file.
    """
    from itertools import islice

    with _client(scheduler, workers) as client:
        described = _described(client, files, columns)

        def submitted() -> Iterator[tuple[Any, Any]]:
            while group := list(islice(described, chunk_size)):
                yielded, args = plan([desc for _, _, desc in group])
                yield yielded, client.submit(work, _slices(client, group), *args, pure=False)

        yield from in_order(submitted(), _in_flight(client, workers))
