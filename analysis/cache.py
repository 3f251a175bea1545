"""A cache of per-article stage outputs, keyed by text hash and stage version.

SQLite (in the standard library) gives atomic transactions: a build killed at
any moment leaves the cache consistent, and the next build reuses every stage
output committed before the kill.

>>> import tempfile, pathlib
>>> c = StageCache(pathlib.Path(tempfile.mkdtemp()) / "c.sqlite")
>>> c.put([("clean", "v1", "k", "{}")]); c.get("clean", "v1", ["k", "x"])
{'k': '{}'}
>>> c.holds_any({"clean": "v1"}), c.holds_any({"clean": "v2"})
(True, False)
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS stage_output (
    stage TEXT NOT NULL, version TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (stage, version, key)
) WITHOUT ROWID
"""


class StageCache:
    """Stage outputs as JSON strings, one row per (stage, version, text key)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path, timeout=60)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(_SCHEMA)
        self._db.commit()

    def get(self, stage: str, version: str, keys: list[str]) -> dict[str, str]:
        """The cached values among ``keys`` (missing keys are absent)."""
        found: dict[str, str] = {}
        for i in range(0, len(keys), 500):  # SQLite limits bound parameters
            part = keys[i:i + 500]
            marks = ",".join("?" * len(part))
            rows = self._db.execute(
                f"SELECT key, value FROM stage_output WHERE stage=? AND version=? AND key IN ({marks})",
                [stage, version, *part],
            )
            found.update(rows)
        return found

    def holds_any(self, versions: dict[str, str]) -> bool:
        """Whether any output of these (stage, version) pairs is stored."""
        return any(self._db.execute("SELECT 1 FROM stage_output WHERE stage=? AND version=? LIMIT 1",
                                    (stage, version)).fetchone() for stage, version in versions.items())

    def put(self, rows: Iterable[tuple[str, str, str, str]]) -> None:
        """Store (stage, version, key, value) rows in one transaction."""
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO stage_output VALUES (?, ?, ?, ?)", rows)

    def prune(self, current: dict[str, str]) -> int:
        """Drop outputs of stage versions other than ``current``; return rows removed."""
        with self._db:
            total = 0
            for stage, version in current.items():
                cur = self._db.execute("DELETE FROM stage_output WHERE stage=? AND version<>?", (stage, version))
                total += cur.rowcount
        return total

    def close(self) -> None:
        self._db.close()
