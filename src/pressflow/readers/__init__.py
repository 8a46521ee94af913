"""Readers turn a release file into a ``Release``; a registry picks one by file extension.

Every reader is a pure function of the decoded text (``source.decode_release`` does the bytes), so
tests and other stages can read a release from a string, and adding a format is one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from ..errors import ReaderError
from ..files import check_slug
from ..model import Release
from .source import decode_release

Reader = Callable[..., Release]  # (source: str, *, slug, path, lang) -> Release


def _lazy(module: str, name: str) -> Reader:
    """A reader imported on first use: a plain-text newsroom never loads lxml or markdown-it."""

    def read(source: str, **options: str) -> Release:
        return getattr(import_module(module, __name__), name)(source, **options)

    read.__name__ = name
    return read


#: File extension (lower case) -> reader.
READERS: dict[str, Reader] = {
    ".txt": _lazy(".text", "read_text"),
    ".md": _lazy(".markdown", "read_markdown"),
    ".markdown": _lazy(".markdown", "read_markdown"),
    ".html": _lazy(".html", "read_html"),
    ".htm": _lazy(".html", "read_html"),
}

__all__ = ["READERS", "read_release", "read_source", "release_files"]


def read_source(source: str, *, suffix: str, slug: str, path: str, lang: str = "ky") -> Release:
    """Read an already decoded release; ``suffix`` picks the reader (``".txt"``, ``".md"``…)."""
    reader = READERS.get(suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise ReaderError(f"unknown release format {suffix!r}: expected one of {known}", path=path)
    check_slug(slug, path=path)
    return reader(source, slug=slug, path=path, lang=lang)


def read_release(path: Path, *, rel_path: str, source_lang: str = "ky") -> Release:
    """Read one release file; every failure is a ``ReaderError`` naming ``rel_path`` and line."""
    path = Path(path)
    if path.suffix.lower() not in READERS:
        known = ", ".join(sorted(READERS))
        raise ReaderError(
            f"unknown release format {path.suffix!r}: expected one of {known}", path=rel_path
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReaderError(f"cannot read release: {exc.strerror or exc}", path=rel_path) from None
    source = decode_release(data, path=rel_path)
    return read_source(source, suffix=path.suffix, slug=path.stem, path=rel_path, lang=source_lang)


def release_files(folder: Path) -> list[Path]:
    """Release files of ``folder`` (not recursive), sorted, known extensions only.

    Two files with the same stem (``a.txt`` and ``a.md``) would write the same catalogs, so
    they are refused here rather than overwriting each other later.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise ReaderError("releases folder not found", path=str(folder))
    found = sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in READERS
    )
    seen: dict[str, Path] = {}
    for p in found:
        if p.stem in seen:
            raise ReaderError(
                f"two releases share the slug {p.stem!r}: {seen[p.stem].name} and {p.name}",
                path=str(p),
            )
        seen[p.stem] = p
    return found
