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
import struct
import time
import zlib
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import PressflowError

if TYPE_CHECKING:
    import hashlib

# hashlib and the file writer are imported where used: ``update --check`` with nothing changed
# is answered from a kept answer (``known_answer``) with neither.

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
        """Write the tables that changed (only while holding the project lock)."""
        from .files import atomic_write

        for table in sorted(self._changed):
            record = {"format": FORMAT, "records": self._tables[table]}
            text = json.dumps(record, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
            try:
                data = text.encode("utf-8")
            except UnicodeEncodeError:  # a lone surrogate (an undecodable file name): escaped
                data = json.dumps(record, separators=(",", ":"), sort_keys=True).encode()
            atomic_write(self.folder / f"{table}.json", data)
            self._files[table] = self._stat(table)
            with contextlib.suppress(OSError):  # the whole table in one file (earlier versions)
                (self.folder / f"{table.rsplit('.', 1)[0]}.json").unlink(missing_ok=True)
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
        if self._now - st.st_mtime_ns < RACY_NS:  # could change again within the same tick
            self.drop("digests", name)
            return
        self.put("digests", name, stat_key(st), digest)

    def digests(self, paths: Iterable[Path | str]) -> list[str]:
        return [self.digest(p) for p in paths]


_OPEN: dict[str, Cache] = {}


# ------------------------------------------------------------------ answers

ANSWERS = CACHE_DIR / "answers"


def answer_name(*command_line: str) -> str:
    """The name a command line's kept answer goes by: ``update --check`` -> ``update-check``."""
    return "-".join(part.lstrip("-") for part in command_line)


ANSWER_FORMAT = 4  # stats by folder, packed; pressflow's own files and folders among them
#: a file's size, modification and change times and inode, as ``stat_key`` names them, packed:
#: comparing thousands of them as bytes costs a third of writing each out in decimal
_PACKED = struct.Struct("<qqqQ")  # (a time out of its range: struct.error, nothing kept)
_GONE = bytes(_PACKED.size)  # a file that does not exist (no file has inode 0)


def remember_answer(
    root: Path, name: str, answer: object, files: Iterable[str], *, since: int | None = None
) -> None:
    """Keep ``answer`` (a command's whole outcome) with the stat (``stat_key``'s fields) of
    every file and folder it was computed from, pressflow's own among them. A hook that asks the
    same question on every commit then gets it back after one ``stat`` per file, without loading
    the project or reading pressflow's code (``known_answer``). Nothing is kept while one of
    them is racy: it may change again unseen within the same clock tick, so the next asker
    computes the answer afresh. ``since``: when the caller started reading them
    (``time.time_ns()``); nothing is kept either when one changed after that moment (its
    modification or change time, which file systems set from a coarser clock, a tick late):
    the answer may rest on the version before."""
    from .files import atomic_write

    now = time.time_ns()
    stats: dict[str, list[tuple[str, bytes]]] = {}
    for path in [*files, *_package_paths()]:
        folder, base = os.path.split(path)
        try:
            st = os.stat(path)
        except (FileNotFoundError, NotADirectoryError):
            stats.setdefault(folder, []).append((base, _GONE))
            continue
        except OSError:
            return
        if now - st.st_mtime_ns < RACY_NS:
            return
        if since is not None and max(st.st_mtime_ns, st.st_ctime_ns) > since - CLOCK_NS:
            return
        try:
            stats.setdefault(folder, []).append((base, _packed(st)))
        except struct.error:
            return
    # each folder's names (a line each) and their stats (packed, in hexadecimal): thousands
    # read back in one go
    by_folder = {
        f: ["\n".join(n for n, _ in seen), b"".join(p for _, p in seen).hex()]
        for f, seen in stats.items()
    }
    record = {"format": ANSWER_FORMAT, "files": by_folder, "answer": answer}
    text = json.dumps(record, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    with contextlib.suppress(PressflowError, OSError, UnicodeEncodeError):  # optional
        atomic_write(Path(root) / ANSWERS / f"{name}.json", text.encode("utf-8"))


def _packed(st: os.stat_result) -> bytes:
    return _PACKED.pack(st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def known_answer(root: Path, name: str) -> object | None:
    """The answer ``remember_answer`` kept, if every file and folder it names (pressflow's
    code included) is exactly as it was (the same stat, or still missing); else None."""
    try:
        with open(Path(root) / ANSWERS / f"{name}.json", "rb") as handle:
            record = json.loads(handle.read())
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("format") != ANSWER_FORMAT:
        return None
    files = record.get("files")
    if not isinstance(files, dict):
        return None
    try:
        for folder, (names, stats) in files.items():
            if _stats_in(folder, names.split("\n")) != bytes.fromhex(stats):
                return None
    except (OSError, TypeError, ValueError, AttributeError, struct.error):  # (damaged record)
        return None
    return record.get("answer")


def _stats_in(folder: str, names: list[str]) -> bytes:
    """The packed stat of each of ``names`` in ``folder`` (``_GONE`` for one missing), the
    folder opened once for them all (thousands of releases and catalogs share a few)."""
    if os.stat not in os.supports_dir_fd:
        return b"".join(_packed_at(os.path.join(folder, name)) for name in names)
    try:
        fd = os.open(folder or ".", os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except (FileNotFoundError, NotADirectoryError):
        return _GONE * len(names)
    try:
        stat, pack = os.stat, _PACKED.pack
        try:  # every one there (the usual case): no call but the stat's per file
            return b"".join(
                [
                    pack(s.st_size, s.st_mtime_ns, s.st_ctime_ns, s.st_ino)
                    for s in [stat(name, dir_fd=fd) for name in names]
                ]
            )
        except (FileNotFoundError, NotADirectoryError):
            return b"".join(_packed_at(name, dir_fd=fd) for name in names)
    finally:
        os.close(fd)


def _packed_at(path: str, *, dir_fd: int | None = None) -> bytes:
    try:
        return _packed(os.stat(path, dir_fd=dir_fd))
    except (FileNotFoundError, NotADirectoryError):
        return _GONE


def code_stats() -> str | None:
    """pressflow's own folders and files by their stat, as one text: evidence its code is
    the same (as ``known_answer`` takes it) for a thousandth of what reading them for
    ``code_fingerprint`` costs. None while one of them is racy (modified in the last moments:
    it may change again unseen)."""
    now = time.time_ns()
    stats = []
    for path in _package_paths():
        try:
            st = os.stat(path)
            if now - st.st_mtime_ns < RACY_NS:
                return None
            stats.append(_packed(st))
        except (OSError, struct.error):
            return None
    return b"".join(stats).hex()


def _package_paths() -> list[str]:
    """pressflow's own folders and files (byte-code caches left out), as ``code_fingerprint``
    reads them: an answer is kept for the code that gave it."""
    package = os.path.dirname(os.path.realpath(__file__))
    found = []
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        found.append(folder)
        found += [os.path.join(folder, name) for name in sorted(names)]
    return found


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
