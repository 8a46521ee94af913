"""The persistent MT cache: a text is sent to an engine once, ever, across runs and releases.

SQLite in WAL mode, keyed by engine, source language, target language and the exact text sent
(markers included). Each answer is committed as soon as it arrives, so a run killed at any moment
keeps everything it had received; the next run takes it from here instead of asking again.
Only accepted answers are stored: a refused reply is asked again next time.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS mt (
    engine TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    text TEXT NOT NULL,
    translation TEXT NOT NULL,
    PRIMARY KEY (engine, source, target, text)
)
"""


class MTCache:
    """Get and put translations. ``path=None`` or an unusable file gives a memory-only cache."""

    def __init__(self, path: Path | None, *, readonly: bool = False, shown: str = ""):
        self.path = path
        self.shown = shown or str(path)  # the path as messages show it (relative)
        self.warning = ""
        self._db = self._open(path, readonly=readonly)

    def _open(self, path: Path | None, *, readonly: bool) -> sqlite3.Connection:
        if path is not None and (not readonly or path.is_file()):
            try:
                if readonly:
                    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
                else:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    db = sqlite3.connect(path, timeout=30)
                    db.execute("PRAGMA journal_mode=WAL")
                    db.execute("PRAGMA synchronous=NORMAL")
                    db.execute(_SCHEMA)
                    db.commit()
                db.execute("SELECT count(*) FROM mt").fetchone()
                return db
            except (sqlite3.Error, OSError) as exc:
                self.warning = f"MT cache {self.shown} unusable ({exc}); using a memory-only cache"
        db = sqlite3.connect(":memory:")
        db.execute(_SCHEMA)
        return db

    def get(self, engine: str, source: str, target: str, text: str) -> str | None:
        row = self._db.execute(
            "SELECT translation FROM mt WHERE engine=? AND source=? AND target=? AND text=?",
            (engine, source, target, text),
        ).fetchone()
        return row[0] if row else None

    def put(self, engine: str, source: str, target: str, text: str, translation: str) -> None:
        try:
            self._db.execute(
                "INSERT OR REPLACE INTO mt VALUES (?, ?, ?, ?, ?)",
                (engine, source, target, text, translation),
            )
            self._db.commit()
        except sqlite3.Error as exc:  # e.g. disk full: the catalog write still happens
            self.warning = f"MT cache not updated ({exc})"

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM mt").fetchone()[0])

    def close(self) -> None:
        self._db.close()
