"""The one way pressflow writes a file: atomically, and only when the bytes change.

A temporary file in the same folder, flushed and fsynced, then ``os.replace``: a crash or a
``kill -9`` at any moment leaves either the old file or the new one, never half of either.
Skipping identical writes keeps mtimes stable, which incremental builds rely on.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import SlugError, WriteError

_SLUG_BAD = re.compile(r"[\x00-\x1f\x7f/\\]")


@contextmanager
def _writing(path: Path) -> Iterator[None]:
    """Turn an operating-system failure into a one-line error that names the file."""
    try:
        yield
    except OSError as exc:
        raise WriteError(f"cannot write: {exc.strerror or exc}", path=str(path)) from None


def read_existing(path: Path | str) -> bytes | None:
    """A file's bytes, or ``None`` when it does not exist (other failures raise ``OSError``).

    Plain ``open``, not pathlib: stages read thousands of catalogs per run."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        return None


def atomic_write(path: Path, data: str | bytes) -> bool:
    """Write ``data`` to ``path`` atomically; return False (and touch nothing) if unchanged."""
    with _writing(Path(path)):
        return _atomic_write(Path(path), data)


def _atomic_write(path: Path, data: str | bytes) -> bool:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        if path.read_bytes() == raw:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def check_slug(slug: str, *, path: str | None = None) -> str:
    """Refuse a slug that could leave its folder: ``..``, a separator, or a control character."""
    if not slug or slug in {".", ".."} or ".." in slug or _SLUG_BAD.search(slug):
        raise SlugError(f"unsafe slug {slug!r}: no '..', slashes or control characters", path=path)
    return slug


class WriteBatch:
    """Many atomic writes made durable by one flush: stage temporary files, sync once, rename.

    ``atomic_write`` fsyncs every file, which costs milliseconds per file on many disks; a stage
    that rewrites thousands of catalogs stages them here instead. Each file is still replaced by
    a rename that happens only after its bytes are on disk, so a crash or ``kill -9`` leaves the
    old or the new file, never a torn one (an interrupted batch leaves ``*.tmp`` files, ignored).
    Use as a context manager: committed on success, temporary files removed on error.
    """

    def __init__(self) -> None:
        self._staged: list[tuple[str, Path]] = []
        self._folders: set[Path] = set()

    def write(self, path: Path, data: str | bytes) -> bool:
        """Stage ``data`` for ``path``; False (nothing staged) when the bytes are unchanged."""
        with _writing(Path(path)):
            return self._write(Path(path), data)

    def _write(self, path: Path, data: str | bytes) -> bool:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        path = Path(path)
        mode = 0o644
        try:
            with open(path, "rb") as handle:
                if handle.read() == raw:
                    return False
                mode = os.fstat(handle.fileno()).st_mode & 0o777
        except FileNotFoundError:
            if path.parent not in self._folders:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._folders.add(path.parent)
        tmp = str(path.parent / f".{path.name}.{os.getpid()}.tmp")
        try:  # a fixed name is cheaper than mkstemp; O_EXCL still refuses a stale file
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        except FileExistsError:
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(raw)
            os.chmod(tmp, mode)  # not narrowed by the umask or by mkstemp
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self._staged.append((tmp, path))
        return True

    def commit(self) -> None:
        staged, self._staged = self._staged, []
        if not staged:
            return
        if hasattr(os, "sync"):
            os.sync()
        else:  # pragma: no cover - Windows
            for tmp, _ in staged:
                with open(tmp, "rb+") as handle:
                    os.fsync(handle.fileno())
        for tmp, path in staged:
            with _writing(path):
                os.replace(tmp, path)

    def abort(self) -> None:
        staged, self._staged = self._staged, []
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)

    def __enter__(self) -> WriteBatch:
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()
