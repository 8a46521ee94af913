"""A file's bytes as read, and the ``Snapshot`` that names that version of it: what every writer
that must not replace a version it did not read (``files``) is given, and what the cache's
digests are. Read through a raw descriptor, the stat taken before the bytes."""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

#: How recent a file's modification may be for its stat not to vouch for it later. A save in
#: place within the same tick of the file system's clock (a few milliseconds on Linux, 2 s on
#: FAT) keeps size, time and inode, so a version read that soon after its last change is judged
#: by its bytes when asked about again (git calls such index entries "racily clean").
RACY_NS = 2_000_000_000


@dataclass(frozen=True)
class Snapshot:
    """One version of a file as read: what identifies it on disk, and its bytes' hash."""

    size: int
    mtime_ns: int
    ino: int
    digest: bytes
    ctime_ns: int = 0
    #: modified within ``RACY_NS`` of the read: its stat cannot tell a later save from it
    racy: bool = field(default=False, compare=False)

    @classmethod
    def of(cls, data: bytes, st: os.stat_result) -> Snapshot:
        racy = time.time_ns() - st.st_mtime_ns < RACY_NS
        return cls(st.st_size, st.st_mtime_ns, st.st_ino, digest(data), st.st_ctime_ns, racy)

    @property
    def key(self) -> str:
        """Size, modification and change times and inode, as ``cache.stat_key`` writes them for
        the stat these bytes were read with: cheap evidence the file is still this version."""
        return f"{self.size}:{self.mtime_ns}:{self.ctime_ns}:{self.ino}"


def digest(data: bytes) -> bytes:
    """SHA-1, as the cache's ``content_digest`` (its hex): a release's snapshot, taken where it
    is read, gives the extract cache its digest without hashing the bytes again."""
    return hashlib.sha1(data, usedforsecurity=False).digest()


NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # (not on Windows: there, a check then a read)
OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
READ_FLAGS = OPEN_FLAGS | NOFOLLOW


def read_fd(fd: int) -> tuple[bytes, os.stat_result]:
    """The bytes of an open file and its stat, in as few system calls as a regular file allows
    (its size first, so one read takes it all). The stat is the one before the read: if the
    file changes meanwhile, it matches no later one, so what was read is judged by its bytes
    (never a stale stat vouching for newer bytes; a save in place between a read and a stat
    after it would leave a stat that vouches for the save beside the bytes before it). A read
    that returns less than the size (a network or FUSE file system, over 2 GiB) is followed to
    the end: a catalog cut short would be merged and written back without the entries after
    the cut."""
    st = os.fstat(fd)
    data = os.read(fd, st.st_size + 1)
    if len(data) != st.st_size:  # grown, shrunk, read short, not a regular file: the rest
        parts = [data]
        while part := os.read(fd, 1 << 20):
            parts.append(part)
        data = b"".join(parts)
    return data, st


def read_path(path: Path | str) -> tuple[bytes, os.stat_result] | None:
    """``read_fd`` of the file at ``path``; None when it is missing. A raw descriptor, not
    ``open``: a buffered file object costs five more system calls and its objects, and stages
    read thousands of files per run."""
    try:
        fd = os.open(path, OPEN_FLAGS)
    except FileNotFoundError:
        return None
    try:
        return read_fd(fd)
    finally:
        os.close(fd)


def listing(folder: Path | str) -> frozenset[str] | None:
    """The names in ``folder`` in lower case (none when it is missing), or None when it cannot
    be listed: a run that writes thousands of catalogs lists their folders once instead of
    trying to open each file that is not there. (Lower case: on a file system that ignores
    case, ``a.pot`` opens ``A.pot``; a name not listed so is missing on any.)"""
    try:
        return frozenset(name.lower() for name in os.listdir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return frozenset()
    except OSError:
        return None


def read_open(fd: int) -> tuple[bytes, Snapshot]:
    """The bytes of an open file and their snapshot (see ``read_fd``)."""
    data, st = read_fd(fd)
    return data, Snapshot.of(data, st)


def read_snapshot(path: Path | str) -> tuple[bytes | None, Snapshot | None]:
    """A file's bytes and the snapshot of exactly those bytes, its stat taken before the read
    (see ``read_fd``); (None, None) when missing."""
    found = read_path(path)
    if found is None:
        return None, None
    return found[0], Snapshot.of(*found)


def read_existing(path: Path | str) -> bytes | None:
    """A file's bytes, or ``None`` when it does not exist (other failures raise ``OSError``)."""
    found = read_path(path)
    return None if found is None else found[0]
