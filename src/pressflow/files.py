"""The one way pressflow writes a file: atomically, only when the bytes change, and never over
a version it did not read.

A temporary file in the same folder, flushed and fsynced, then ``os.replace``: a crash or a
``kill -9`` at any moment leaves either the old file or the new one, never half of either.
Skipping identical writes keeps mtimes stable, which incremental builds rely on.

A translator may save a catalog (Poedit, Lokalize, a text editor) while pressflow works on it.
So a writer that read a file passes the ``Snapshot`` of what it read as ``expect``, and a file
saved meanwhile is left as it is: ``ChangedOnDisk`` (or, in a batch, the path listed in
``conflicts``) tells the caller to merge again from the saved file. There is no moment at which
a save can be overwritten: see ``_place``.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .durable import Flush, make_durable
from .errors import ChangedOnDisk, WriteError
from .projectfile import CONFIG_NAME as CONFIG_NAME  # (re-exported: where it was first)

# (re-exported: where readers and writers have always found them)
from .snapshots import NOFOLLOW as NOFOLLOW
from .snapshots import OPEN_FLAGS as OPEN_FLAGS
from .snapshots import READ_FLAGS as READ_FLAGS
from .snapshots import Snapshot as Snapshot
from .snapshots import digest as _digest
from .snapshots import listing as listing
from .snapshots import read_existing as read_existing
from .snapshots import read_open as read_open
from .snapshots import read_path as _read_path
from .snapshots import read_snapshot as read_snapshot

TMP_SUFFIX = ".tmp"
ASIDE_SUFFIX = ".aside"  # a version taken aside for the moment ours is put in its place


class _Unchecked:
    """``expect`` default: write whatever is on disk now (files nobody else edits)."""


UNCHECKED = _Unchecked()
Expect = Snapshot | None | _Unchecked  # None: the file must still be missing


def unchanged_since(path: Path | str, expect: Expect) -> bool:
    """Whether ``path`` is still the version ``expect`` describes (always, for ``UNCHECKED``)."""
    if isinstance(expect, _Unchecked):
        return True
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return expect is None
    if expect is None:
        return False
    if not expect.racy and (st.st_size, st.st_mtime_ns, st.st_ino) == (
        expect.size,
        expect.mtime_ns,
        expect.ino,
    ):
        return True
    # touched (a checkout, an editor's save of the same bytes), or read so soon after a change
    # that a save in place in the same clock tick would look the same: the bytes decide
    data, _ = read_snapshot(path)
    return data is not None and _digest(data) == expect.digest


def _write_error(exc: OSError, path: Path | str) -> WriteError:
    """An operating-system failure to write ``path``, as the one-line error that names it."""
    return WriteError(f"cannot write: {exc.strerror or exc}", path=str(path))


@contextmanager
def _writing(path: Path) -> Iterator[None]:
    """Turn an operating-system failure into a one-line error that names the file."""
    try:
        yield
    except OSError as exc:
        raise _write_error(exc, path) from None


def atomic_write(path: Path | str, data: str | bytes, *, expect: Expect = UNCHECKED) -> bool:
    """Write ``data`` to ``path`` atomically; return False (and touch nothing) if unchanged.

    Raises ``ChangedOnDisk`` (and touches nothing) when ``path`` is no longer ``expect``.
    """
    with _writing(Path(path)):
        return _atomic_write(Path(path), data, expect)[0]


def replace_checked(path: Path, data: str | bytes, *, expect: Expect) -> Snapshot:
    """``atomic_write`` for a writer that keeps working on the file: the snapshot of the version
    it leaves on disk (its own bytes), to pass as ``expect`` next time."""
    with _writing(Path(path)):
        return _atomic_write(Path(path), data, expect)[1]


def _atomic_write(path: Path, data: str | bytes, expect: Expect) -> tuple[bool, Snapshot]:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    found = _read_path(path)  # (the stat before the read: see ``_read_fd``)
    if found is not None and found[0] == raw:
        return False, Snapshot.of(raw, found[1])
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
            written = os.fstat(handle.fileno())  # a rename keeps size, time and inode
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        if not _place(tmp, path, expect):
            raise ChangedOnDisk("saved by someone else meanwhile; left as saved", path=str(path))
    except BaseException:
        Path(tmp).unlink(missing_ok=True)  # pragma: no mutate (it exists here)
        raise
    return True, Snapshot.of(raw, written)


def _place(tmp: str, path: Path | str, expect: Expect) -> bool:
    """Move ``tmp`` to ``path`` if ``path`` is still the version ``expect`` describes; else
    remove ``tmp``, leave ``path`` as found and return False.

    A check followed by ``os.replace`` leaves a window: a save landing between the two is
    overwritten (a busy machine can pause a process there for milliseconds). So the version on
    disk is first renamed aside, atomically (from then on a save makes a new file), checked
    there, and ours is put in place with a hard link, which refuses to replace a file: a save
    made at any moment wins. Meanwhile the path is missing for a few system calls, which an
    editor that reads it then reports as a missing file rather than showing stale text.
    """
    if isinstance(expect, _Unchecked):
        os.replace(tmp, path)
        return True
    if expect is None:  # (missing when read: ours only where nothing took the name since)
        return _link_or_keep(tmp, path)
    # a crash before ours is in place leaves the path missing: remove_stale_temporaries puts
    # the version taken aside back
    aside = tmp.removesuffix(TMP_SUFFIX) + ASIDE_SUFFIX
    try:
        os.rename(path, aside)
    except FileNotFoundError:  # deleted meanwhile: the translator's decision stands
        os.unlink(tmp)
        return False
    if not unchanged_since(aside, expect):  # saved before we took it: put it back
        _link_or_keep(aside, path)
        os.unlink(tmp)
        return False
    placed = _link_or_keep(tmp, path)
    os.unlink(aside)  # ours is in place, or a save newer than it is
    return placed


def as_placed(path: Path | str, written: os.stat_result) -> os.stat_result:
    """The stat of ``path`` now that the file ``written`` describes is in place. Putting it
    there (a rename, or a link and an unlink) moved its change time, so the stat taken before
    would never match again and the next run would read back every file this one wrote. Taken
    only while it is still that file (the same inode, size and modification time); else
    ``written``, which matches nothing: the next reader looks at the bytes."""
    try:
        st = os.stat(path)
    except OSError:
        return written
    if (st.st_ino, st.st_size, st.st_mtime_ns) != (
        written.st_ino,
        written.st_size,
        written.st_mtime_ns,
    ):
        return written
    return st


def _link_or_keep(source: str, path: Path | str) -> bool:
    """Give ``source``'s file the name ``path`` unless something has that name (then leave it
    and drop ``source``); False when ``path`` was taken."""
    try:
        os.link(source, path)
    except FileExistsError:
        os.unlink(source)
        return False
    except OSError:
        # pragma: no mutate start (no file system without hard links on the test machines)
        # Without hard links (some network and FAT file systems) the rename checked a moment
        # before is the closest there is.
        if os.path.lexists(path):
            os.unlink(source)
            return False
        os.replace(source, path)
        return True
        # pragma: no mutate end
    os.unlink(source)
    return True


def remove_stale_temporaries(folder: Path | str) -> int:
    """Clean up after an interrupted write in ``folder``: delete its temporary files
    (``.<name>.*.tmp``) and put back a version it had taken aside (``.<name>.*.aside``) when
    nothing took its name since; return how many temporaries were deleted.

    Call only while holding the project lock: then no pressflow is writing them."""
    removed = 0
    try:
        with os.scandir(folder) as listing:
            names = [e.name for e in listing if e.name.startswith(".")]
    except (FileNotFoundError, NotADirectoryError):
        return 0
    for name in names:
        here = os.path.join(folder, name)
        try:
            if name.endswith(TMP_SUFFIX):
                os.unlink(here)
                removed += 1
            elif name.endswith(ASIDE_SUFFIX):
                owner = os.path.join(folder, name[1:].removesuffix(ASIDE_SUFFIX).rpartition(".")[0])
                _link_or_keep(here, Path(owner))  # ours or a save took the name: the newer
        except FileNotFoundError:
            pass
    return removed


class WriteBatch:
    """Many atomic writes made durable by one flush: stage temporary files, sync once, rename.

    ``atomic_write`` fsyncs every file, which costs milliseconds per file on many disks; a stage
    that rewrites thousands of catalogs stages them here instead. Each file is still replaced by
    a rename that happens only after its bytes are on disk, so a crash or ``kill -9`` leaves the
    old or the new file, never a torn one (an interrupted batch leaves ``*.tmp`` files, removed
    by ``remove_stale_temporaries`` on the next run). A file staged with ``expect`` that was
    saved by someone else meanwhile is not replaced: it is listed in ``conflicts``.
    ``stats`` holds, for every path given to ``write``, the stat of the version now on disk
    (ours once committed, as placed, or the identical file that was already there).
    Use as a context manager: committed on success, temporary files removed on error.
    """

    def __init__(self, *, stats: bool = True) -> None:
        self._staged: list[tuple[str, Path | str, Expect]] = []
        self._folders: set[str] = set()
        self._pid = os.getpid()  # (a batch is never carried across a fork; O_EXCL checks)
        self._stats = stats  # False: ``stats`` is not kept (one ``stat`` less per file)
        self._flush: Flush | None = None  # the files staged first, being made durable
        #: modes a file made by os.open was given as asked (the umask does not narrow them):
        #: without ``stats``, a file made with one of them needs no ``fstat`` to be sure
        self._kept_modes: set[int] = set()
        self.conflicts: list[Path | str] = []  # (each path as it was given to ``write``)
        self.stats: dict[Path | str, os.stat_result] = {}

    def write(self, path: Path | str, data: str | bytes, *, expect: Expect = UNCHECKED) -> bool:
        """Stage ``data`` for ``path``; False (nothing staged) when the bytes are unchanged."""
        try:  # (``_writing`` without a context manager per file: thousands are staged)
            return self._write(path, data, expect)
        except OSError as exc:
            raise _write_error(exc, path) from None

    def _write(self, path: Path | str, data: str | bytes, expect: Expect) -> bool:
        raw = data.encode("utf-8") if isinstance(data, str) else data  # pragma: no mutate (UTF-8)
        mode = 0o644
        if expect is not None:  # (None: missing when read; commit makes sure it still is)
            found = _read_path(path)
            if found is not None:
                if found[0] == raw:
                    self.stats[path] = found[1]
                    return False
                mode = found[1].st_mode & 0o777
        folder, name = os.path.split(os.fspath(path))
        folder = folder or "."
        if folder not in self._folders:
            os.makedirs(folder, exist_ok=True)
            self._folders.add(folder)  # pragma: no mutate (a cache)
        tmp = f"{folder}{os.sep}.{name}.{self._pid}{TMP_SUFFIX}"
        # A fixed name is cheaper than mkstemp; O_EXCL still refuses a stale file. (The mode
        # given to os.open is not tested: fchmod below sets it when the umask narrowed it.)
        # Without ``stats``, a file made with a mode the umask was seen to leave as asked needs
        # no ``fstat``: nothing else could have changed it.
        opened = True  # (by os.open, with ``mode``; else by mkstemp, 0o600)
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)  # pragma: no mutate
        except FileExistsError:
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=TMP_SUFFIX, dir=folder)
            opened = False
        sure = opened and not self._stats and mode in self._kept_modes
        try:
            try:
                left = memoryview(raw)
                while left:  # (a regular file takes it all at once but for a full disk)
                    left = left[os.write(fd, left) :]
                if not sure:
                    st = os.fstat(fd)  # a rename keeps all of it
                    if st.st_mode & 0o777 != mode:  # narrowed by the umask or by mkstemp
                        os.fchmod(fd, mode)
                        st = os.fstat(fd)
                    elif opened:
                        self._kept_modes.add(mode)
                    self.stats[path] = st
            finally:
                os.close(fd)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)  # pragma: no mutate (it exists here)
            raise
        self._staged.append((tmp, path, expect))
        return True

    def flush(self) -> None:
        """Start making the files staged so far durable, in the background: the disk writes
        them while the caller goes on (``commit`` waits for it, and flushes any staged since)."""
        if self._staged and self._flush is None:
            self._flush = Flush([tmp for tmp, _, _ in self._staged], self._folders)

    def _flushed(self, staged: list[tuple[str, Path | str, Expect]]) -> None:
        flush, self._flush = self._flush, None
        done = 0
        if flush is not None:
            flush.wait()
            done = flush.count
        if len(staged) > done:
            make_durable([tmp for tmp, _, _ in staged[done:]], self._folders)

    def commit(self) -> None:
        staged, self._staged = self._staged, []
        if not staged:
            return
        self._flushed(staged)
        for tmp, path, expect in staged:
            try:  # (``_writing`` without a context manager per file: thousands are placed)
                placed = _place(tmp, path, expect)
            except OSError as exc:
                raise _write_error(exc, path) from None
            if not placed:
                self.conflicts.append(path)
                self.stats.pop(path, None)
            elif self._stats:
                self.stats[path] = as_placed(path, self.stats[path])
            else:
                self.stats.pop(path, None)

    def abort(self) -> None:
        staged, self._staged = self._staged, []
        flush, self._flush = self._flush, None
        if flush is not None:  # (its files are removed below, whatever it met)
            with contextlib.suppress(Exception):
                flush.wait()
        for tmp, _, _ in staged:
            Path(tmp).unlink(missing_ok=True)

    def __enter__(self) -> WriteBatch:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()
