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


SWAP_PREFIX = ".swap-"


def replace_tree(staging: Path, target: Path) -> None:
    """Move every file of ``staging`` over the same name in ``target``, then remove staging.

    The complete staging folder is first renamed to ``target/.swap-NAME`` in
    one atomic step: from then on the swap only rolls forward. Each file's
    rename is atomic, build.json (the manifest) goes last, and a build killed
    halfway through is finished by the next holder of the lock (see
    :func:`finish_interrupted_swaps`), so the folder never stays a mix of two builds.
    """
    target.mkdir(parents=True, exist_ok=True)
    journal = target / f"{SWAP_PREFIX}{staging.name.lstrip('.')}"
    try:
        os.replace(staging, journal)
    except OSError:  # staging on another file system: no journal, files are still renamed one by one
        journal = staging
    _move_files(journal, target)


def finish_interrupted_swaps(target: Path) -> int:
    """Complete the swaps a killed build left half done in ``target``; return how many.

    Call only while holding ``target``'s build lock.
    """
    journals = sorted(p for p in target.glob(f"{SWAP_PREFIX}*") if p.is_dir())
    for journal in journals:
        _move_files(journal, target)
    return len(journals)


def _move_files(source: Path, target: Path) -> None:
    names = sorted(p.name for p in source.iterdir())
    names.sort(key=lambda n: n == "build.json")
    for name in names:
        dest = target / name
        if (source / name).is_dir() or dest.is_dir():
            # A folder (a Parquet dataset written in parts) cannot be renamed over
            # an existing one, nor a file over a folder: the old one goes aside first.
            old = target / f".{name}.old"
            _remove(old)  # left by a swap killed before its cleanup
            if dest.exists():
                os.replace(dest, old)
            os.replace(source / name, dest)
            _remove(old)
        else:
            os.replace(source / name, dest)
    shutil.rmtree(source, ignore_errors=True)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


@contextlib.contextmanager
def build_lock(out_dir: Path, wait: float = 0.0) -> Iterator[None]:
    """Hold the output folder's lock; raise BuildLockedError when another build has it.

    The lock is an OS file lock, released by the kernel when its process dies,
    so a killed build never leaves the folder locked. Taking it first finishes
    any swap a killed build left half done.
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
        finish_interrupted_swaps(out_dir)
        yield
    finally:
        lock.release()
