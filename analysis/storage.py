"""Atomic writes and the build lock.

A reader of data/processed/ or reports/ never sees half a file: everything is
written to a temporary name in the same folder, flushed, then renamed over the
old one (rename is atomic on POSIX). A lock file keeps two builds from
writing into one output folder at once.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
>>> write_text_atomic(p, "ok"); p.read_text()
'ok'
"""
from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from filelock import FileLock, Timeout

from .errors import BuildLockedError

LOCK_NAME = ".build.lock"


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it into place on success.

    On an exception the temporary file is removed and ``path`` is untouched.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are meant to be shared
    try:
        yield tmp
        _fsync(tmp)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def write_text_atomic(path: str | os.PathLike, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def write_parquet_atomic(frame: pd.DataFrame, path: str | os.PathLike) -> None:
    """Write ``frame`` to Parquet atomically, without the pandas index when it is a range."""
    keep_index = not isinstance(frame.index, pd.RangeIndex)
    table = pa.Table.from_pandas(frame, preserve_index=keep_index)
    with atomic_path(path) as tmp:
        pq.write_table(table, tmp, compression="zstd")


def replace_tree(staging: Path, target: Path) -> None:
    """Move every file of ``staging`` over the same name in ``target``, then remove staging.

    Each rename is atomic; the set is swapped in a few milliseconds, with the
    build manifest (build.json) renamed last so that it always describes
    complete files.
    """
    target.mkdir(parents=True, exist_ok=True)
    names = sorted(p.name for p in staging.iterdir())
    names.sort(key=lambda n: n == "build.json")
    for name in names:
        dest = target / name
        if (staging / name).is_dir():
            old = target / f".{name}.old"
            if dest.exists():
                os.replace(dest, old)
            os.replace(staging / name, dest)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staging / name, dest)
    shutil.rmtree(staging, ignore_errors=True)


@contextlib.contextmanager
def build_lock(out_dir: Path, wait: float = 0.0) -> Iterator[None]:
    """Hold the output folder's lock; raise BuildLockedError when another build has it.

    The lock is an OS file lock, released by the kernel when its process dies,
    so a killed build never leaves the folder locked.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(out_dir / LOCK_NAME))
    try:
        lock.acquire(timeout=wait)
    except Timeout:
        raise BuildLockedError(
            f"another build is writing to {out_dir}; wait for it to finish "
            "(or pass --wait SECONDS to queue behind it)"
        ) from None
    try:
        yield
    finally:
        lock.release()
