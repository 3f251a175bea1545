"""The previous build's per-outlet term counts, kept so a rebuild counts only what changed.

Per-article term counts are too large to cache (about 15 KB an article), and
recounting every article made a rebuild with 1% of articles changed cost more
than half a full build. Instead the build keeps its final per-outlet counts
(16 term buckets, Parquet) and a manifest: how many accepted articles of each
(text key, outlet) those counts include. The next build

- claims each article it reads against the manifest (:meth:`TermStore.claim`):
  a claimed article's terms are already counted and are not counted again;
- counts the terms of the articles it could not claim (new or changed);
- subtracts, at the end, the terms of the articles left unclaimed (removed or
  changed), recounted from their cleaned text in the stage cache.

Counts are integers, so the result equals a full recount exactly. The store
is valid only for the version it was written under (the tally stage's
version and the outlet aliases); any other version starts from nothing.

>>> import tempfile
>>> from collections import Counter
>>> folder = Path(tempfile.mkdtemp())
>>> StoreWriter(folder).commit("v1", Counter({("k1", "A"): 1}))
>>> store = TermStore.load(folder, "v1")
>>> store.claim("k1", "A"), store.claim("k1", "A"), store.unclaimed()
(True, False, [])
>>> TermStore.load(folder, "v2") is None
True
"""
from __future__ import annotations

import json
import os
import shutil
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.parquet as pq

from . import config
from .article import ArticleResult, stage_version
from .records import RawRecord
from .storage import write_text_atomic
from .tallies import ChunkTally, article_terms

if TYPE_CHECKING:
    from .cache import StageCache
    from .pipeline import Work
    from .records import Reject
    from .tallies import OutletTally

POINTER = "terms.json"
_MANIFEST_SCHEMA = pa.schema([("key", pa.string()), ("outlet", pa.string()), ("n", pa.int64())])


class TermStore:
    """A stored set of per-outlet term counts and the articles they include."""

    def __init__(self, folder: Path, manifest: Counter) -> None:
        self.folder = folder
        self._left = manifest  # articles counted in the store and not yet claimed

    @classmethod
    def load(cls, cache_dir: Path, version: str) -> TermStore | None:
        """The store in ``cache_dir`` if it was written under ``version``, else None."""
        try:
            pointer = json.loads((cache_dir / POINTER).read_text(encoding="utf-8"))
            if pointer.get("version") != version:
                return None
            folder = cache_dir / pointer["dir"]
            table = pq.read_table(folder / "manifest.parquet")
        except (OSError, ValueError, KeyError, pa.ArrowException):
            return None  # missing or damaged: count everything again
        keys, outlets, ns = (table.column(c).to_pylist() for c in ("key", "outlet", "n"))
        return cls(folder, Counter(dict(zip(zip(keys, outlets), ns))))

    def claim(self, key: str, outlet: str) -> bool:
        """True when the store already counts this article's terms (once per stored copy)."""
        pair = (key, outlet)
        if self._left.get(pair, 0) > 0:
            self._left[pair] -= 1
            return True
        return False

    def release(self, key: str, outlet: str) -> None:
        """Undo a claim: the article was claimed but is no longer accepted."""
        self._left[(key, outlet)] += 1

    def unclaimed(self) -> list[tuple[str, str, int]]:
        """(key, outlet, copies) of stored articles no build input claimed: to subtract."""
        return sorted((k, o, n) for (k, o), n in self._left.items() if n > 0)

    def bucket_path(self, b: int) -> Path:
        """The file of term bucket ``b``'s stored counts (absent: none stored)."""
        return self.folder / f"terms-{b:02d}.parquet"


class StoreWriter:
    """Writes a new store bucket by bucket (memory stays flat), then commits it.

    A fresh folder is filled first; :meth:`commit` writes the manifest, then
    swaps the pointer atomically and removes older folders, so a build killed
    at any moment leaves either the old store or the new one.
    """

    def __init__(self, cache_dir: Path) -> None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        self.cache_dir = cache_dir
        self.name = f"terms-{os.getpid()}-{os.urandom(4).hex()}"
        self.folder = cache_dir / self.name
        self.folder.mkdir()

    def bucket_path(self, b: int) -> Path:
        """Where term bucket ``b``'s new counts go (any process may write them)."""
        return self.folder / f"terms-{b:02d}.parquet"

    def commit(self, version: str, manifest: Counter) -> None:
        """``manifest``: copies per (text key, outlet) of the articles the counts include."""
        rows = sorted(manifest.items())
        table = pa.Table.from_arrays(
            [pa.array([k for (k, _), _ in rows], pa.string()),
             pa.array([o for (_, o), _ in rows], pa.string()),
             pa.array([n for _, n in rows], pa.int64())], schema=_MANIFEST_SCHEMA)
        pq.write_table(table, self.folder / "manifest.parquet")
        write_text_atomic(self.cache_dir / POINTER, json.dumps({"version": version, "dir": self.name}) + "\n")
        for old in self.cache_dir.glob("terms-*"):
            if old.is_dir() and old.name != self.name:
                shutil.rmtree(old, ignore_errors=True)

    def abort(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


class StoreStale(Exception):
    """The stored term counts include an article whose cleaned text is no longer cached."""


class TermBook:
    """A build's bookkeeping for stored term counts: load, claim, subtract, commit.

    The build creates one, passes ``store`` and ``writer`` to its
    :class:`analysis.tallies.OutletTally`, calls :meth:`note` for each chunk's
    results, :meth:`subtract_removed` after the last chunk and :meth:`commit`
    once the tables are written.
    """

    def __init__(self, cache_dir: Path, cache: StageCache | None, clean_version: str, use_store: bool) -> None:
        self.cache_dir, self.cache, self.clean_version = cache_dir, cache, clean_version
        self.version = store_version()
        usable = cache is not None and use_store
        self.store = TermStore.load(cache_dir, self.version) if usable else None
        self.writer = StoreWriter(cache_dir) if cache is not None else None
        self.manifest: Counter = Counter()

    def note(self, chunk: list[Work], results: list[ArticleResult | Reject]) -> None:
        """Record which articles the new counts include; release claims of rejected ones."""
        for (item, _, key, count_terms), res in zip(chunk, results):
            if key is None or not isinstance(item, RawRecord) or not isinstance(item.outlet, str):
                continue
            if isinstance(res, ArticleResult):
                self.manifest[(key, item.outlet)] += 1
            elif not count_terms and self.store is not None:
                self.store.release(key, item.outlet)

    def subtract_removed(self, tally: OutletTally) -> None:
        """Take away the terms of stored articles that this build's input no longer has."""
        if self.store is None or not (gone := self.store.unclaimed()):
            return
        keys = sorted({k for k, _, _ in gone})
        texts = self.cache.get("clean", self.clean_version, keys)
        if len(texts) < len(keys):
            raise StoreStale("a removed article's cleaned text is not in the stage cache")
        part = ChunkTally()
        for key, outlet, copies in gone:
            summary, counts = article_terms(json.loads(texts[key])["text"])
            for _ in range(copies):
                part.add_article(outlet, summary, {}, counts)
        tally.subtract_terms(part.finish().terms)

    def commit(self) -> None:
        if self.writer is not None:
            self.writer.commit(self.version, self.manifest)
            self.writer = None

    def close(self) -> None:
        if self.writer is not None:
            self.writer.abort()


def store_version() -> str:
    """Stored term counts depend on the tally stage (and so on cleaning) and on the outlet aliases."""
    import hashlib

    digest = hashlib.blake2b(stage_version("tally").encode(), digest_size=8)
    digest.update(config.OUTLET_ALIASES_FILE.read_bytes() if config.OUTLET_ALIASES_FILE.exists() else b"")
    return digest.hexdigest()
