"""The incremental cache every stage asks: what a stage computed last time, and from which inputs.

A newsroom runs ``check``, ``status`` and ``build`` over thousands of releases although almost
none changed since the last run. Each stage names the inputs of one piece of work (a release's
source, its catalogs, the glossary, the config) and asks this module for a key over their
content; when the record stored under that key is there, the stage reuses the result instead of
reading, segmenting, checking or rendering again.

Two rules keep it honest:

- Content decides. A key is a hash over the bytes of the inputs (with pressflow's own code and
  the caller's settings). A file's size, modification time and inode only short-cut re-reading
  a file whose bytes were hashed before, and not while its modification time is so recent that
  a same-size rewrite in the same clock tick could hide behind it (git's "racy" files).
- It is safe to delete. Everything lives in ``.pressflow/cache/`` (git-ignored); a missing,
  unreadable or older-format file is an empty cache, and the run that follows recomputes
  everything and writes the same outputs, byte for byte.

One JSON file per table, loaded only by the stages that ask for it: ``status`` does not read
what ``build`` remembers.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
import zlib
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import hashlib

# hashlib and the file writer are imported where used: ``update --check`` with nothing changed
# is answered from a kept answer (``answers.known_answer``) with neither.

CACHE_DIR = Path(".pressflow") / "cache"
FORMAT = 1
MISSING = "-"  # the digest of a file that does not exist
RACY_NS = 2_000_000_000  # files modified this recently are hashed again next time
CLOCK_NS = 20_000_000  # how far a file's times may lag the clock (a tick of the kernel's)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """pressflow's own code and every file it ships (rules, word lists, styles), by content.

    Content, not size and modification time: a same-size edit that keeps the time (``cp -p``,
    an unpacked archive) must invalidate every record too. Reading the package costs a few ms."""
    return folder_fingerprint(os.path.dirname(os.path.realpath(__file__)))


def folder_fingerprint(package: str | Path) -> str:
    """One hash over the names and bytes of every file under ``package`` (caches excluded)."""
    import hashlib

    from .files import read_existing

    digest = hashlib.sha1(usedforsecurity=False)
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        for name in sorted(names):
            path = os.path.join(folder, name)
            data = read_existing(path) or b""
            digest.update(os.path.relpath(path, package).replace(os.sep, "/").encode() + b"\0")
            digest.update(len(data).to_bytes(8, "little"))
            digest.update(data)
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _code_hash() -> hashlib._Hash:
    import hashlib

    digest = hashlib.sha1(usedforsecurity=False)
    digest.update(code_fingerprint().encode())
    return digest


def content_digest(data: bytes) -> str:
    import hashlib

    return hashlib.sha1(data, usedforsecurity=False).hexdigest()


def stat_key(st: os.stat_result | None) -> str:
    """A file's size, modification and change times and inode (``MISSING``: no file): cheap
    evidence that it was not rewritten. The change time is the one a program cannot set back:
    bytes replaced with their size and modification time restored (``cp -p``, ``touch -r``,
    an unpacked archive, on an inode the file system reused) still show there, as in git."""
    if st is None:
        return MISSING
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}"


def stat_of(path: str | Path, *, dir_fd: int | None = None) -> str:
    """``stat_key`` of the file at ``path`` (``MISSING`` when there is none); other failures
    to ``stat`` it raise ``OSError``."""
    try:
        return stat_key(os.stat(path, dir_fd=dir_fd))
    except (FileNotFoundError, NotADirectoryError):
        return MISSING


SHARDS = 16  # files per table: a run that changes a few records rewrites a sixteenth of it


@lru_cache(maxsize=1 << 16)
def shard_of(table: str, name: str) -> str:
    """The file (without ``.json``) that holds ``name``'s record of ``table`` (remembered: a
    run asks it for the same tens of thousands of files in every stage)."""
    return f"{table}.{zlib.crc32(name.encode('utf-8', 'surrogatepass')) % SHARDS:x}"


class Cache:
    """The records of one project, by table. A table is split over ``SHARDS`` files by record
    name, each read on first use and written only when one of its records changed: editing
    one release of thousands rewrites a sixteenth of each table, not all of it."""

    def __init__(self, root: Path):
        self.folder = Path(root) / CACHE_DIR
        self._tables: dict[str, dict[str, list]] = {}
        self._files: dict[str, str] = {}  # table -> its file's stat key as read or written
        self._changed: set[str] = set()
        self._now = time.time_ns()

    @classmethod
    def load(cls, root: Path) -> Cache:
        """The project's cache, one per process: the stages of ``run`` share what each read.
        (Sharing is safe: a record is only ever used under the key of its inputs' content.)"""
        name = os.path.realpath(root)
        cache = _OPEN.get(name)
        if cache is None:
            cache = _OPEN[name] = cls(root)
        cache._now = time.time_ns()  # "recent" means recent to this stage
        for table in list(cache._tables):  # deleted or rewritten by someone else: read again
            if table not in cache._changed and cache._stat(table) != cache._files.get(table):
                del cache._tables[table]
        return cache

    # ------------------------------------------------------------------ tables

    def _table(self, table: str) -> dict[str, list]:
        found = self._tables.get(table)
        if found is None:
            found = self._tables[table] = self._read(table)
        return found

    def _stat(self, table: str) -> str:
        try:
            return stat_of(self.folder / f"{table}.json")
        except OSError:
            return MISSING

    def _read(self, table: str) -> dict[str, list]:
        self._files[table] = self._stat(table)
        try:
            data = json.loads((self.folder / f"{table}.json").read_bytes())
        except (OSError, ValueError):  # missing, unreadable or damaged: an empty table
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return {}
        records = data.get("records")
        return records if isinstance(records, dict) else {}

    def get(self, table: str, name: str, key: str) -> object | None:
        """What was stored for ``name`` when its inputs hashed to ``key``; None otherwise."""
        record = self._table(shard_of(table, name)).get(name)
        if isinstance(record, list) and len(record) == 2 and record[0] == key:
            return record[1]
        return None

    def put(self, table: str, name: str, key: str, value: object) -> None:
        shard = shard_of(table, name)
        records = self._table(shard)
        record = [key, value]
        if records.get(name) != record:
            records[name] = record
            self._changed.add(shard)

    def names(self, table: str) -> list[str]:
        return [name for n in range(SHARDS) for name in self._table(f"{table}.{n:x}")]

    def drop(self, table: str, name: str) -> None:
        shard = shard_of(table, name)
        if self._table(shard).pop(name, None) is not None:
            self._changed.add(shard)

    def save(self) -> None:
        """Write the tables that changed (only while holding the project lock), in one batch:
        one flush to disk for all of them, not one per file (see ``files.WriteBatch``)."""
        from .files import WriteBatch

        written: dict[str, str] = {}
        with WriteBatch() as batch:
            for table in sorted(self._changed):
                record = {"format": FORMAT, "records": self._tables[table]}
                # (check_circular off: records are made of fresh lists and dicts, never a cycle)
                text = json.dumps(
                    record,
                    ensure_ascii=False,
                    separators=(",", ":"),
                    sort_keys=True,
                    check_circular=False,
                )
                try:
                    data = text.encode("utf-8")
                except UnicodeEncodeError:  # a lone surrogate (an undecodable file name)
                    data = json.dumps(record, separators=(",", ":"), sort_keys=True).encode()
                path = written[table] = os.path.join(self.folder, f"{table}.json")
                batch.write(path, data)
        for table, path in written.items():
            self._files[table] = stat_key(batch.stats[path])
        for whole in sorted({table.rsplit(".", 1)[0] for table in written}):
            with contextlib.suppress(OSError):  # the whole table in one file (earlier versions)
                (self.folder / f"{whole}.json").unlink(missing_ok=True)
        self._changed.clear()

    # ------------------------------------------------------------------ content

    def digest(self, path: Path | str) -> str:
        """The hash of a file's bytes (``MISSING`` when there is none), not re-read while its
        size, modification time and inode are those seen when it was last hashed."""
        name = os.fspath(path)
        try:
            st = os.stat(name)
        except (FileNotFoundError, NotADirectoryError):
            return MISSING
        stat = stat_key(st)
        seen = self._table(shard_of("digests", name)).get(name)
        if isinstance(seen, list) and len(seen) == 2 and seen[0] == stat:
            return str(seen[1])
        from .files import read_existing

        data = read_existing(name)
        if data is None:
            return MISSING
        found = content_digest(data)
        self.remember(name, found, st)
        return found

    def remember(self, path: Path | str, digest: str, st: os.stat_result | None = None) -> None:
        """Record ``digest`` as the hash of ``path`` as it is now on disk (a writer that holds
        the bytes it wrote need not read them back)."""
        name = os.fspath(path)
        if st is None:
            try:
                st = os.stat(name)
            except OSError:
                return
        self.remember_stat(name, digest, stat_key(st), st.st_mtime_ns)

    def remember_stat(self, path: Path | str, digest: str, stat: str, mtime_ns: int) -> None:
        """``remember`` with the file's ``stat_key`` (``stat``) and modification time as taken
        before its bytes were read (a ``files.Snapshot``'s): no ``stat`` of the file again."""
        name = os.fspath(path)
        if self._now - mtime_ns < RACY_NS:  # could change again within the same tick
            self.drop("digests", name)
            return
        self.put("digests", name, stat, digest)

    def stored(self, table: str, name: str) -> bool:
        """Whether ``table`` holds a record for ``name``, under any key: a caller with none to
        find needs not hash the inputs it would be keyed by."""
        return name in self._table(shard_of(table, name))

    def digests(self, paths: Iterable[Path | str]) -> list[str]:
        return [self.digest(p) for p in paths]


_OPEN: dict[str, Cache] = {}


def key(*parts: object) -> str:
    """One hash over ``parts`` (strings, or anything with a stable ``repr``) and pressflow's
    code: a new pressflow, with other checks or another page layout, recomputes everything."""
    digest = _code_hash().copy()
    _add(digest, parts)
    return digest.hexdigest()


def keyed(*first: object) -> Callable[..., str]:
    """``key`` with its ``first`` parts hashed once: ``keyed(a, b)(c) == key(a, b, c)``. The
    records of thousands of releases share a kind and the config's settings."""
    base = _code_hash().copy()
    _add(base, first)

    def rest(*parts: object) -> str:
        digest = base.copy()
        _add(digest, parts)
        return digest.hexdigest()

    return rest


def _add(digest: hashlib._Hash, parts: Iterable[object]) -> None:
    for part in parts:
        text = part if isinstance(part, str) else repr(part)
        data = text.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
