"""Run the per-article work on a Dask distributed cluster.

The build hands over the same chunks and the same worker function as the
local engine and gets results back in input order, so outputs are identical
whatever the engine. Without a scheduler address a LocalCluster of worker
processes is started on this machine; with one (``tcp://host:8786``) the work
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


def _client(scheduler: str | None, workers: int) -> contextlib.AbstractContextManager:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise AnalysisError(
            "the dask engine needs the 'dask' extra: pip install -e '.[dask]'"
        ) from None
    if scheduler:
        return Client(scheduler, set_as_default=False)
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=40)
    return _ClusterClient(cluster, Client(cluster, set_as_default=False))


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
    input order, computed on the cluster.

    A bounded number of chunks is in flight at once, so memory stays flat
    however long the corpus is.
    """
    with _client(scheduler, workers) as client:
        in_flight = max(2, 2 * len(client.scheduler_info().get("workers", {})) or 2 * workers)
        pending: deque = deque()
        for chunk, args in jobs:
            if not chunk:
                continue
            pending.append((chunk, client.submit(work, chunk, *args, pure=False)))
            while len(pending) >= in_flight:
                done_chunk, future = pending.popleft()
                yield done_chunk, future.result()
        while pending:
            done_chunk, future = pending.popleft()
            yield done_chunk, future.result()
