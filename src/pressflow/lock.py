"""One lock per project, taken by every command that writes (update, prefill, build, run…).

Two pressflow commands writing one project at once would each merge from a copy the other is
about to replace, and two ``prefill`` runs would send every text to the MT provider twice. So a
writer takes ``.pressflow/lock`` (an OS lock, ``flock`` or filelock: released by the kernel when the
process dies, even by ``kill -9``), and a second writer waits a bounded time, then stops with a
message naming the process that holds it, which writes its pid and command beside the lock.

The lock is re-entrant within a process: ``run`` holds it across update, prefill and build.
Translators' editors do not take it; files.py guards against their saves.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

from .errors import LockError

LOCK_FILE = Path(".pressflow") / "lock"
HOLDER_FILE = Path(".pressflow") / "lock.holder"
TIMEOUT_ENV = "PRESSFLOW_LOCK_TIMEOUT"
DEFAULT_TIMEOUT = 60.0  # seconds a second writer waits

_held: dict[str, int] = {}  # lock path -> depth, for re-entry within this process


def lock_timeout() -> float:
    """Seconds to wait for the lock: ``PRESSFLOW_LOCK_TIMEOUT`` or the default."""
    try:
        return max(0.0, float(os.environ.get(TIMEOUT_ENV, DEFAULT_TIMEOUT)))
    except ValueError:
        return DEFAULT_TIMEOUT


def _holder(root: Path) -> str:
    try:
        text = (root / HOLDER_FILE).read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return "another pressflow process"
    return " ".join(text.split()) or "another pressflow process"


class _Held(Protocol):
    def release(self) -> None: ...


class _Timeout(Exception):
    """The lock was not free within the timeout."""


class _FlockLock:
    """``flock`` on the lock file, polled until a timeout: what filelock does on POSIX, without
    its import (a twentieth of a command's start-up). Released by the kernel when the process
    dies. A file system that refuses ``flock`` raises ``OSError``: then filelock is used."""

    def __init__(self, path: str):
        self.path = path
        self.fd = -1

    def acquire(self, *, timeout: float, poll_interval: float) -> None:
        import fcntl

        try:
            fd, created = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644), True
        except FileExistsError:
            fd, created = os.open(self.path, os.O_RDWR), False
        deadline = time.monotonic() + timeout
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise _Timeout() from None
                    time.sleep(poll_interval)
        except BaseException as exc:
            os.close(fd)
            # flock refused: filelock's own lock file may be one it creates, and it would find
            # this one held. (Only then: on a timeout or an interruption another may hold it.)
            if created and isinstance(exc, OSError):
                os.unlink(self.path)
            raise
        self.fd = fd

    def release(self) -> None:
        import fcntl

        try:  # (unlocked first: a forked worker still holding the descriptor keeps no lock)
            fcntl.flock(self.fd, fcntl.LOCK_UN)
        finally:
            os.close(self.fd)
            self.fd = -1


def _take(key: str, timeout: float) -> _Held:
    """The project lock taken (``_Timeout`` when still held by another after ``timeout``)."""
    if os.name == "posix":
        lock = _FlockLock(key)
        try:
            lock.acquire(timeout=timeout, poll_interval=0.05)
            return lock
        except _Timeout:
            raise
        except OSError:
            pass  # no flock here (some network file systems): filelock knows what to do
    from filelock import FileLock, Timeout

    other = FileLock(key, is_singleton=False)
    try:
        other.acquire(timeout=timeout, poll_interval=0.05)
    except Timeout:
        raise _Timeout() from None
    return other


@contextmanager
def project_lock(root: Path, command: str) -> Iterator[None]:
    """Hold the project's write lock for the ``with`` block (``LockError`` after the timeout)."""
    path = Path(root) / LOCK_FILE
    key = os.fspath(path)
    if _held.get(key):
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    timeout = lock_timeout()
    started = time.monotonic()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = _take(key, timeout)
    except _Timeout:
        raise LockError(
            f"another pressflow is writing this project ({_holder(Path(root))}); "
            f"waited {time.monotonic() - started:.0f} s (set {TIMEOUT_ENV} to wait longer)",
            path=os.fspath(LOCK_FILE),
        ) from None
    except OSError as exc:
        raise LockError(
            f"cannot take the project lock: {exc.strerror or exc}", path=os.fspath(LOCK_FILE)
        ) from None
    _held[key] = 1
    holder = Path(root) / HOLDER_FILE
    try:
        args = " ".join(os.path.basename(a) if i == 0 else a for i, a in enumerate(sys.argv))
        holder.write_text(f"pid {os.getpid()}: pressflow {command} ({args})\n", encoding="utf-8")
        yield
    finally:
        _held.pop(key, None)
        holder.unlink(missing_ok=True)
        lock.release()
