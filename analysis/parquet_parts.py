"""Stream rows into one Parquet file, chunk by chunk, with a fixed schema.

A corpus of millions of articles never sits in memory at once: each chunk's
rows become an Arrow table (:func:`rows_to_table`), and :class:`RowGroupWriter`
writes them in row groups of about a thousand, whatever the size of the chunks
they arrive in. Known columns have fixed types (``base``). Other columns (a
source's own fields, such as AllSides' topic) are kept as text
(:func:`table_schema`), since a field may be a number in one record and a word
in the next; those first seen after the columns were fixed go, as a JSON
object, into the ``extra`` column, so no field of any record is dropped.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "t.parquet"
>>> schema = table_schema(None, ["a", "b"])
>>> w = RowGroupWriter(p, schema)
>>> w.write_table(rows_to_table([{"a": 1, "b": "x"}], schema))
>>> w.write_table(rows_to_table([{"a": 2, "c": True}], schema)); w.close()
>>> import pyarrow.parquet as pq; pq.read_table(p).to_pylist()  # not in a base schema: kept as text
[{'a': '1', 'b': 'x', 'extra': None}, {'a': '2', 'b': None, 'extra': '{"c": true}'}]
"""
from __future__ import annotations

import json
from pathlib import Path
from collections.abc import Iterable
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq


EXTRA = "extra"


def _extra_json(fields: dict[str, Any]) -> str | None:
    kept = {k: v for k, v in fields.items() if not _missing(v)}
    return json.dumps(kept, ensure_ascii=False, sort_keys=True, default=str) if kept else None


class RowGroupWriter:
    """Append Arrow tables of one schema to one Parquet file.

    Tables are written in row groups of at least ``group_rows`` rows (the
    last one may be smaller), so the row groups do not depend on how the
    caller batches its rows. ``schema`` may be replaced until the first write
    (the build fixes the articles' columns from the first chunk of records).
    """

    def __init__(self, path: Path, schema: pa.Schema, group_rows: int = 1000) -> None:
        self.path = path
        self.schema = schema
        self.group_rows = group_rows
        self._writer: pq.ParquetWriter | None = None
        self._pending: list[pa.Table] = []
        self._n_pending = 0

    def write_table(self, table: pa.Table) -> None:
        """Append a table in the writer's schema (see :func:`rows_to_table`)."""
        if table.num_rows:
            self._append(table.cast(self.schema))

    def _append(self, table: pa.Table) -> None:
        self._pending.append(table)
        self._n_pending += table.num_rows
        if self._n_pending >= self.group_rows:
            self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        if self._writer is None:
            self._writer = pq.ParquetWriter(self.path, self.schema, compression="zstd")
        self._writer.write_table(pa.concat_tables(self._pending), row_group_size=self._n_pending)
        self._pending, self._n_pending = [], 0

    def close(self) -> None:
        """Finish the file; an empty table is still written so readers find it."""
        self._flush()
        if self._writer is None:
            pq.write_table(self.schema.empty_table(), self.path, compression="zstd")
            return
        self._writer.close()


def table_schema(base: pa.Schema | None, columns: Iterable[str]) -> pa.Schema:
    """``base``'s columns, then the other ``columns`` as text in first-seen
    order, then the ``extra`` column for any found later.

    >>> table_schema(pa.schema([("a", pa.int64())]), ["b", "a", "b"]).names
    ['a', 'b', 'extra']
    """
    known = list(base) if base is not None else []
    names = {f.name for f in known} | {EXTRA}
    others = [pa.field(c, pa.string()) for c in dict.fromkeys(columns) if c not in names]
    return pa.schema(known + others + [pa.field(EXTRA, pa.string())])


def rows_to_table(rows: list[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    """Row dicts as a table of ``schema``'s columns: missing values become nulls;
    keys outside the schema go, as a JSON object, into its ``extra`` column when
    it has one, else are left out.

    >>> rows_to_table([{"a": 1, "z": 0}, {}], pa.schema([("a", pa.int64())])).to_pylist()
    [{'a': 1}, {'a': None}]
    >>> rows_to_table([{"a": 1, "z": 0}], table_schema(None, ["a"])).to_pylist()
    [{'a': '1', 'extra': '{"z": 0}'}]
    """
    by_column = _transpose(rows) if rows else {}
    missing = [None] * len(rows)
    late = [c for c in by_column if c not in schema.names]
    if late and EXTRA in schema.names:
        by_column[EXTRA] = [_extra_json({c: row.get(c) for c in late}) for row in rows]
    return pa.Table.from_arrays([_to_arrow(by_column.get(f.name, missing), f.type) for f in schema], schema=schema)


def write_part(folder: Path, index: int, table: pa.Table) -> Path:
    """Write ``table`` atomically as part ``index`` of the Parquet dataset ``folder``.

    Parts are named so that their sorted order is ``index`` order, which is
    the order in which readers such as ``pandas.read_parquet(folder)`` return
    their rows. Writing the same part twice (a retried task) leaves one copy.
    """
    from .storage import atomic_path

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"part-{index:08d}.parquet"
    with atomic_path(path) as tmp:
        pq.write_table(table, tmp, compression="zstd", row_group_size=max(table.num_rows, 1))
    return path


def _transpose(rows: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """Column name -> values, columns in first-seen order; None where a row lacks a column.

    >>> _transpose([{"a": 1, "b": 2}, {"b": 3, "c": 4}])
    {'a': [1, None], 'b': [2, 3], 'c': [None, 4]}
    """
    names = tuple(rows[0])
    if all(tuple(row) == names for row in rows):  # the usual case, transposed in C
        return {name: list(values) for name, values in zip(names, zip(*(row.values() for row in rows)))}
    columns = list(dict.fromkeys(key for row in rows for key in row))
    return {name: [row.get(name) for row in rows] for name in columns}


def _to_arrow(values: list[Any], typ: pa.DataType) -> pa.Array:
    """One column's values as an Arrow array of ``typ``; missing values (None, NaN, NaT) as nulls."""
    if pa.types.is_timestamp(typ):
        return pa.array(pd.to_datetime(pd.Series(values, dtype=object), errors="coerce"), type=typ, from_pandas=True)
    try:  # the common case, converted by Arrow itself
        return pa.array(values, type=typ, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError, OverflowError):
        pass
    if pa.types.is_string(typ):  # e.g. a source field that is a number in some records
        return pa.array([None if _missing(v) else str(v) for v in values], type=typ)
    values = [None if _missing(v) else v for v in values]
    if pa.types.is_floating(typ):
        return pa.array([float(v) if v is not None else None for v in values], type=typ)
    return pa.array(values, type=typ)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value) or value is pd.NaT or value is pd.NA
