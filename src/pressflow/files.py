"""The one way pressflow writes a file: atomically, and only when the bytes change.

A temporary file in the same folder, flushed and fsynced, then ``os.replace``: a crash or a
``kill -9`` at any moment leaves either the old file or the new one, never half of either.
Skipping identical writes keeps mtimes stable, which incremental builds rely on.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from .errors import SlugError

_SLUG_BAD = re.compile(r"[\x00-\x1f\x7f/\\]")


def atomic_write(path: Path, data: str | bytes) -> bool:
    """Write ``data`` to ``path`` atomically; return False (and touch nothing) if unchanged."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    path = Path(path)
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
