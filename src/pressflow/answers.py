"""Kept answers: a whole command's outcome, given back after one ``stat`` per file it rests on.

Why apart from the cache: the cache keys a stage's work by the content of its inputs; a kept
answer short-cuts the whole command (``update --check``, ``status``) before the project, the
config or even the CLI framework is loaded, trusting stats alone, so it is kept only while none
of its files is racy and is dropped the moment one changes (``known_answer``).
"""

from __future__ import annotations

import contextlib
import json
import os
import struct
import time
from collections.abc import Iterable
from pathlib import Path

from .cache import CACHE_DIR, CLOCK_NS, RACY_NS
from .errors import PressflowError

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
    """pressflow's own files by name and stat, as one text: evidence its code is the same (as
    ``known_answer`` takes it) for a thousandth of what reading them for ``code_fingerprint``
    costs. The walk names every file, so a folder's own stat adds nothing; it is left out, as
    it changes whenever Python makes a byte-code folder in it. None while a file is racy
    (modified in the last moments: it may change again unseen)."""
    now = time.time_ns()
    stats = []
    for path in _package_paths(folders=False):
        try:
            st = os.stat(path)
            if now - st.st_mtime_ns < RACY_NS:
                return None
            stats.append(path.encode("utf-8", "surrogateescape") + b"\0" + _packed(st))
        except (OSError, struct.error):
            return None
    return b"".join(stats).hex()


def _package_paths(*, folders: bool = True) -> list[str]:
    """pressflow's own folders (unless ``folders`` is false) and files, byte-code caches left
    out, as ``code_fingerprint`` reads them: an answer is kept for the code that gave it."""
    package = os.path.dirname(os.path.realpath(__file__))
    found = []
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        if folders:
            found.append(folder)
        found += [os.path.join(folder, name) for name in sorted(names)]
    return found
