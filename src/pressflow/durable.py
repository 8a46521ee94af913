"""Making written files durable: their bytes on disk before they are given their names, so that a
crash leaves the old file or the new one, never a torn one (see ``files.WriteBatch``). Done in
the background when the caller has other work meanwhile (the disk writes while Python works)."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterable

#: up to this many files, a batch fsyncs each (a few milliseconds; no ctypes to load)
FSYNC_EACH_UP_TO = 16


def make_durable(paths: list[str], folders: Iterable[str]) -> None:
    """Put the bytes of the files at ``paths`` on disk: up to ``FSYNC_EACH_UP_TO`` of them, an
    ``fsync`` each; more, on Linux, ``syncfs`` of each file system holding them (an ``fsync``
    per file would take seconds for thousands, and ``sync`` waits for every file system's
    writes: another disk, a network share). Elsewhere, or when ``syncfs`` fails, ``sync``.
    ``folders``: those holding the files."""
    # pragma: no mutate start (every branch makes the bytes durable; only a crash shows it)
    syncfs = None if len(paths) <= FSYNC_EACH_UP_TO else _libc_call("syncfs")
    if syncfs is not None:
        done: set[int] = set()
        for folder in sorted(folders):
            fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
            try:
                device = os.fstat(fd).st_dev
                if device not in done and syncfs(fd) != 0:
                    break  # (failed: sync below)
                done.add(device)
            finally:
                os.close(fd)
        else:
            return
    if hasattr(os, "sync") and len(paths) > FSYNC_EACH_UP_TO:
        os.sync()
    else:
        for path in paths:
            fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    # pragma: no mutate end


_LIBC: dict[str, Callable[..., int] | None] = {}


def _libc_call(name: str) -> Callable[..., int] | None:
    """The C library's function ``name`` on Linux (looked up once), else None. (ctypes is
    imported here: only a batch that commits needs it.)"""
    if name not in _LIBC:
        _LIBC[name] = None
        if sys.platform.startswith("linux"):
            try:
                import ctypes

                _LIBC[name] = getattr(ctypes.CDLL(None, use_errno=True), name)
            except (OSError, AttributeError):
                pass
    return _LIBC[name]


class Flush:
    """``make_durable`` of some files on a thread of its own (the flush waits on the disk, not
    on Python: a ``syncfs``, ``fsync`` or ``sync`` lets other threads run meanwhile)."""

    def __init__(self, paths: list[str], folders: Iterable[str]) -> None:
        self.count = len(paths)
        self._error: BaseException | None = None
        self._thread = threading.Thread(
            target=self._run, args=(paths, sorted(folders)), name="pressflow-flush", daemon=True
        )
        self._thread.start()

    def _run(self, paths: list[str], folders: list[str]) -> None:
        try:
            make_durable(paths, folders)
        except BaseException as exc:  # (raised where the caller waits: ``wait``)
            self._error = exc

    def wait(self) -> None:
        """Until the files are on disk; what the flush raised, raised here."""
        self._thread.join()
        if self._error is not None:
            raise self._error
