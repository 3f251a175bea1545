"""Read corpus files as a stream of records: folders of .txt, JSON Lines, CSV, Parquet.

Every record read is yielded once, as a RawRecord or a Reject; nothing is held
twice in memory, so a corpus of millions of articles streams through.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "a.txt").write_text("Hello there.")
>>> [r.article_id for r in iter_records(d)]
['a']
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import os
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .decoding import decode_bytes
from .errors import CorpusError, RecordError
from .records import (
    DEFAULT_MAX_CHARS,
    UNKNOWN_OUTLET,
    RawRecord,
    Reject,
    as_text,
    first_surrogate,
    html_to_text,
    looks_like_html,
    parse_date,
    resolve_columns,
    without_surrogates,
)

Item = RawRecord | Reject
MANIFEST_NAME = "manifest.csv"
TABLE_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json", ".json.gz", ".csv", ".csv.gz", ".parquet")


def iter_records(
    source: str | os.PathLike,
    columns: dict[str, str] | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Item]:
    """Yield every record of ``source`` as a RawRecord or a Reject, in file order.

    ``columns`` maps canonical fields (article_id, outlet, text, title, date,
    author, url) to the source's own column names where they differ from the
    common ones. Duplicate article ids: the first is kept, later ones are
    rejected, since two rows with one id would be counted twice per outlet.
    """
    path = Path(source)
    shards = _shards(path)
    if shards:
        items = (item for shard in shards for item in _iter_table(shard, columns, max_chars))
    elif not path.exists():
        raise CorpusError(f"corpus not found: {path} (give a folder of .txt files or a .jsonl/.csv/.parquet file)")
    elif path.is_dir():
        items = _iter_folder(path, max_chars)
    else:
        items = _iter_table(path, columns, max_chars)
    seen: dict[str, str] = {}
    for item in items:
        yield first_of_id(item, seen)


def first_of_id(item: Item, seen: dict[str, str]) -> Item:
    """``item``, or a Reject when a record of its article id was ``seen`` before
    (``seen`` maps ids to where they were first read, and is updated)."""
    if isinstance(item, RawRecord):
        if item.article_id in seen:
            return Reject(item.article_id, item.origin, f"duplicate article_id (first seen at {seen[item.article_id]})")
        seen[item.article_id] = item.origin
    return item


def shard_files(source: str | os.PathLike) -> list[Path]:
    """The shards of a sharded corpus (a glob pattern, or a folder of table
    files and no .txt) in reading order; empty for any other corpus.

    Each can be read on its own with :func:`read_table_file` (the Dask engine
    does so on its workers); duplicate ids across shards are then up to the caller.
    """
    return _shards(Path(source))


def read_table_file(path: Path, columns: dict[str, str] | None = None,
                    max_chars: int = DEFAULT_MAX_CHARS) -> list[Item]:
    """Every record of one table file (a shard) as a RawRecord or a Reject, in order."""
    return list(_iter_table(path, columns, max_chars))


def _shards(path: Path) -> list[Path]:
    """Shards of a sharded corpus: a glob pattern, or a folder of table files and no .txt."""
    if any(ch in path.name for ch in "*?["):
        found = sorted(p for p in path.parent.glob(path.name) if p.is_file())
        if not found:
            raise CorpusError(f"no files match {path}")
        return found
    if path.is_dir() and not any(path.glob("*.txt")):
        return sorted(p for p in path.iterdir() if p.is_file() and p.name.lower().endswith(TABLE_SUFFIXES))
    return []


def _iter_table(path: Path, columns: dict[str, str] | None, max_chars: int) -> Iterator[Item]:
    name = path.name.lower()
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json", ".json.gz")):
        rows = _json_rows(path)
    elif name.endswith((".csv", ".csv.gz")):
        rows = _csv_rows(path)
    elif name.endswith(".parquet"):
        rows = _parquet_rows(path)
    else:
        raise CorpusError(f"unknown corpus format: {path.name} (expected a folder, {', '.join(TABLE_SUFFIXES)})")
    # CSV and Parquet rows share one header; each JSON object has its own keys,
    # so a field missing from the first line is still found on later ones.
    resolved: dict[tuple[str, ...], dict[str, str | None]] = {}
    for where, row in rows:
        if isinstance(row, Reject):
            yield row
            continue
        keys = tuple(row)
        cols = resolved.get(keys)
        if cols is None:
            if len(resolved) > 1024:  # objects with ever-new key sets: keep memory flat
                resolved.clear()
            cols = resolved[keys] = resolve_columns(list(keys), columns)
        yield _record_from_row(row, cols, where, path.name, max_chars)


# What reading a damaged .gz raises: not gzip at all, bad data, or cut short.
_GZIP_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)


def _gzip_damaged(path: Path, after: str, exc: BaseException) -> CorpusError:
    """A damaged or truncated .gz fails the whole read: building on part of a
    corpus without saying so would give wrong per-outlet figures."""
    return CorpusError(f"{path.name} is damaged or cut short ({exc}) {after}; "
                       "copy or download it again (check it with: gzip -t FILE)")


def _json_rows(path: Path) -> Iterator[tuple[str, Any]]:
    last = "at its start"
    try:
        for where, row in _json_lines(path):
            last = f"after {where}"
            yield where, row
    except _GZIP_ERRORS as exc:
        raise _gzip_damaged(path, last, exc) from None


def _json_lines(path: Path) -> Iterator[tuple[str, Any]]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    with opener(path, "rb") as fh:
        for lineno, raw in enumerate(fh, start=1):
            where = f"line {lineno}"
            if not raw.strip():
                continue
            try:
                row = json.loads(raw.decode("utf-8-sig") if lineno == 1 else raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                yield where, Reject(where, path.name, f"line is not valid UTF-8 (byte {exc.start})")
                continue
            except json.JSONDecodeError as exc:
                yield where, Reject(where, path.name, f"not valid JSON ({exc.msg} at column {exc.colno})")
                continue
            except ValueError as exc:  # Python's limit on an integer's digits
                yield where, Reject(where, path.name, f"holds a number too long to read ({str(exc)[:120]})")
                continue
            except RecursionError:
                yield where, Reject(where, path.name, "JSON nested too deeply to read (arrays or objects inside "
                                    "each other thousands of levels down)")
                continue
            if not isinstance(row, dict):
                yield where, Reject(where, path.name, f"a JSON {type(row).__name__}, not an object with fields")
                continue
            yield where, row


def _csv_rows(path: Path) -> Iterator[tuple[str, Any]]:
    csv.field_size_limit(2**31 - 1)
    raw = gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")
    with raw, io.TextIOWrapper(raw, encoding="utf-8-sig", errors="strict", newline="") as fh:
        reader = csv.DictReader(fh)
        try:
            for row in reader:
                where = f"row {reader.line_num}"
                if None in row:  # more cells than header columns
                    yield where, Reject(where, path.name, f"row has {len(row) - 1 + len(row[None])} cells, header has {len(reader.fieldnames or [])}")
                    continue
                yield where, row
        except UnicodeDecodeError as exc:
            raise CorpusError(f"{path.name} is not UTF-8 (byte {exc.start}); re-save the CSV as UTF-8") from None
        except _GZIP_ERRORS as exc:
            raise _gzip_damaged(path, f"after row {reader.line_num}" if reader.line_num else "at its start", exc) from None
        except csv.Error as exc:
            yield f"row {reader.line_num}", Reject(f"row {reader.line_num}", path.name, f"unreadable CSV row ({exc}); reading stopped here")


def _parquet_rows(path: Path) -> Iterator[tuple[str, Any]]:
    import pyarrow.parquet as pq

    try:
        pfile = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a damaged file
        raise CorpusError(f"{path.name} is not a readable Parquet file: {exc}") from None
    offset = 0
    for batch in pfile.iter_batches(batch_size=2048):
        for i, row in enumerate(batch.to_pylist()):
            yield f"row {offset + i + 1}", row
        offset += batch.num_rows


def _record_from_row(row: dict, cols: dict[str, str | None], where: str, source: str, max_chars: int) -> Item:
    def get(field: str) -> Any:
        col = cols.get(field)
        return row.get(col) if col is not None else None

    article_id = as_text(get("article_id")) or where.replace(" ", "-")
    if cols.get("text") is None:
        return Reject(article_id, source, f"no text column (looked for text, content, body; columns are: {', '.join(map(str, row))[:300]})")
    text = get("text")
    if text is None:
        return Reject(article_id, source, "text is null")
    if not isinstance(text, str):
        return Reject(article_id, source, f"text is a {type(text).__name__}, not a string")
    bad = first_surrogate(text)
    if bad is not None:
        return Reject(article_id, source, f"text is not valid Unicode (a lone surrogate {text[bad]!r} at "
                      f"character {bad:,}, from a broken \\u escape); fix the escape in the source")
    mapped = set(cols.values())
    extra = {k: without_surrogates(v) if isinstance(v, str) else v
             for k, v in row.items() if k not in mapped and _scalar(v)}
    return _make_record(
        article_id, text, f"{source} {where}", max_chars,
        outlet=as_text(get("outlet")), date=get("date"), title=as_text(get("title")),
        author=as_text(get("author")), url=as_text(get("url")), extra=extra,
    )


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def _make_record(article_id: str, text: str, origin: str, max_chars: int, **fields: Any) -> Item:
    """Shared checks for every format: size, emptiness, HTML pages."""
    if len(text) > max_chars:
        return Reject(article_id, origin, f"text is {len(text):,} characters, over the {max_chars:,} limit "
                      "(likely a page dump, not one article; raise max_chars to accept it)")
    notes = []
    if looks_like_html(text):
        text = html_to_text(text)
        notes.append("converted from HTML")
    if not text.strip():
        return Reject(article_id, origin, "text is empty or only whitespace")
    return RawRecord(
        article_id=article_id, raw_text=text, origin=origin,
        outlet=fields.get("outlet") or UNKNOWN_OUTLET, date=parse_date(fields.get("date")),
        title=fields.get("title"), author=fields.get("author"), url=fields.get("url"),
        extra=fields.get("extra") or {}, notes=notes,
    )


# --- folders of .txt files -------------------------------------------------

def _iter_folder(folder: Path, max_chars: int) -> Iterator[Item]:
    manifest, manifest_rejects = _read_manifest(folder)
    yield from manifest_rejects
    listed = set()
    for entry in manifest:
        listed.add(entry["file"])
        yield _file_record(folder, entry, max_chars)
    for path in sorted(folder.glob("*.txt")):
        if path.name not in listed:
            yield _file_record(folder, {"file": path.name}, max_chars)


def _read_manifest(folder: Path) -> tuple[list[dict[str, str]], list[Reject]]:
    path = folder / MANIFEST_NAME
    if not path.exists():
        return [], []
    if not path.is_file():
        raise CorpusError(f"{path} is not a file; the manifest must be a CSV file with a 'file' column")
    try:
        return _manifest_rows(path)
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path} is not UTF-8 (byte {exc.start}); re-save the manifest as UTF-8") from None


def _manifest_rows(path: Path) -> tuple[list[dict[str, str]], list[Reject]]:
    entries, rejects = [], []
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or "file" not in reader.fieldnames:
            raise CorpusError(f"{path} has no 'file' column; columns are {reader.fieldnames}")
        for row in reader:
            name = (row.get("file") or "").strip()
            if not name:
                rejects.append(Reject(f"manifest row {reader.line_num}", MANIFEST_NAME, "manifest row has no file name"))
                continue
            entries.append({k: (v or "").strip() for k, v in row.items() if k is not None})
    return entries, rejects


def _safe_path(folder: Path, name: str) -> Path:
    """The file a manifest names, refusing anything that leaves the corpus folder."""
    if os.path.isabs(name) or name.startswith(("/", "\\")):
        raise RecordError("manifest gives an absolute path; files must be inside the corpus folder")
    if "\x00" in name:  # no file system takes it (pathlib raises ValueError)
        raise RecordError("file name in the manifest holds a NUL character")
    candidate = folder / name
    root = folder.resolve()
    try:
        resolved = candidate.resolve(strict=True)
    except RuntimeError:  # Python 3.11 raises it for a loop of symbolic links
        raise RecordError(f"a symbolic link that loops ({name})") from None
    except (FileNotFoundError, OSError):
        if ".." in Path(name).parts:
            raise RecordError(f"path leaves the corpus folder ({name})") from None
        raise RecordError(f"file listed in the manifest does not exist ({name})") from None
    if root not in resolved.parents:
        what = "a symbolic link that points" if candidate.is_symlink() else "path"
        raise RecordError(f"{what} outside the corpus folder ({name})")
    if not resolved.is_file():
        raise RecordError(f"not a regular file ({name})")
    return resolved


def _file_record(folder: Path, entry: dict[str, str], max_chars: int) -> Item:
    name = entry["file"]
    article_id = entry.get("article_id") or Path(name).name.removesuffix(".txt")
    try:
        path = _safe_path(folder, name)
        if path.stat().st_size > max_chars * 4:
            raise RecordError(f"file is {path.stat().st_size:,} bytes, over the limit for one article")
        text, _encoding = decode_bytes(path.read_bytes())
    except RecordError as exc:
        return Reject(article_id, name, str(exc))
    except OSError as exc:
        return Reject(article_id, name, f"cannot read file: {exc.strerror}")
    return _make_record(
        article_id, text, name, max_chars,
        outlet=entry.get("outlet"), date=entry.get("date"), title=entry.get("title") or None,
        author=entry.get("author") or None, url=entry.get("url") or None,
    )
