"""Readers turn a release file into a ``Release``; a registry picks one by file extension.

Every reader is a pure function of the decoded text (``source.decode_release`` does the bytes), so
tests and other stages can read a release from a string, and adding a format is one entry here.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ReaderError, SlugError
from ..model import Release
from ..slugs import slug_problem
from .source import decode_release, utf8_body

if TYPE_CHECKING:
    from .roles import StructureRules

Reader = Callable[..., Release]  # (source: str, *, slug, path, lang) -> Release


def _lazy(module: str, name: str) -> Reader:
    """A reader imported on first use: a plain-text newsroom never loads lxml or markdown-it.

    Found once (``import_module`` of a module already imported still runs the import system's
    Python for every release)."""
    found: list[Reader] = []

    def read(source: str, **options: object) -> Release:
        if not found:
            found.append(getattr(import_module(module, __name__), name))
        return found[0](source, **options)

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

#: Extensions whose reader parses the release's bytes when given them (``encoded``).
_TAKES_ENCODED = frozenset((".html", ".htm"))

__all__ = [
    "READERS",
    "declared_slug",
    "read_release",
    "read_release_bytes",
    "read_source",
    "release_files",
    "slug_line",
]


def read_source(
    source: str,
    *,
    suffix: str,
    slug: str,
    path: str,
    lang: str = "ky",
    rules: StructureRules | None = None,
    encoded: bytes | None = None,
) -> Release:
    """Read an already decoded release; ``suffix`` picks the reader (``".txt"``, ``".md"``…).

    ``rules``: the structure rules (contacts, credits, furniture, dates) to read it with;
    ``encoded``: ``source`` in UTF-8 (the file's bytes), for a reader that parses bytes."""
    reader = READERS.get(suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise ReaderError(f"unknown release format {suffix!r}: expected one of {known}", path=path)
    if rules is None:  # (the pipeline passes its own: listing releases loads no structure rules)
        from .roles import default_rules

        rules = default_rules()
    if encoded is not None and suffix.lower() in _TAKES_ENCODED:
        release = reader(source, slug=slug, path=path, lang=lang, rules=rules, encoded=encoded)
    else:
        release = reader(source, slug=slug, path=path, lang=lang, rules=rules)
    if release.slug == slug:  # named by its file (a front-matter slug was checked where it is)
        problem = slug_problem(slug)
        if problem:
            hint = "rename the file" + (
                " or set 'slug:' in its front matter"
                if suffix.lower() in (".md", ".markdown")
                else ""
            )
            raise SlugError(f"{problem}; {hint}", path=path, line=1)
    return release


def read_release(
    path: Path,
    *,
    rel_path: str,
    source_lang: str = "ky",
    data: bytes | None = None,
    rules: StructureRules | None = None,
) -> Release:
    """Read one release file; every failure is a ``ReaderError`` naming ``rel_path`` and line.

    ``data``: the file's bytes when the caller already read them (and keeps them).
    """
    slug, suffix = os.path.splitext(os.path.basename(path))
    if suffix.lower() not in READERS:
        known = ", ".join(sorted(READERS))
        raise ReaderError(
            f"unknown release format {suffix!r}: expected one of {known}", path=rel_path
        )
    if data is None:
        data = read_release_bytes(path, rel_path=rel_path)
    source = decode_release(data, path=rel_path)
    return read_source(
        source,
        suffix=suffix,
        slug=slug,
        path=rel_path,
        lang=source_lang,
        rules=rules,
        encoded=utf8_body(data),
    )


def read_release_bytes(path: Path | str, *, rel_path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise ReaderError(f"cannot read release: {exc.strerror or exc}", path=rel_path) from None


def release_files(folder: Path) -> list[Path]:
    """Release files of ``folder`` (not recursive), sorted, known extensions only.

    Two files with the same stem (``a.txt`` and ``a.md``) would write the same catalogs, so
    they are refused here rather than overwriting each other later.
    """
    folder = Path(folder)
    try:
        with os.scandir(folder) as listing:  # file types come with the listing: no stat each
            names = sorted(
                entry.name
                for entry in listing
                if not entry.name.startswith(".")
                and os.path.splitext(entry.name)[1].lower() in READERS
                and entry.is_file()
            )
    except (FileNotFoundError, NotADirectoryError):
        raise ReaderError("releases folder not found", path=str(folder)) from None
    seen: dict[str, str] = {}
    for name in names:
        stem = os.path.splitext(name)[0]
        if stem in seen:
            raise ReaderError(
                f"two releases share the slug {stem!r}: {seen[stem]} and {name}",
                path=str(folder / name),
            )
        seen[stem] = name
    return [folder / name for name in names]


def slug_line(path: Path) -> int:
    """The line of a release's front-matter ``slug:`` (1 when its slug is its file name)."""
    if os.path.splitext(os.path.basename(path))[1].lower() not in (".md", ".markdown"):
        return 1
    from .markdown import split_front_matter

    try:
        text = decode_release(read_release_bytes(path, rel_path=str(path)), path=str(path))
        return split_front_matter(text, path=str(path)).key_lines.get("slug", 1)
    except ReaderError:
        return 1


def declared_slug(path: Path) -> str:
    """The slug a release file declares (a Markdown front-matter ``slug:``), else its name's stem.

    For picking releases by slug without reading them whole; a file that cannot be read answers
    its stem (reading it later reports the problem with its line)."""
    stem, suffix = os.path.splitext(os.path.basename(path))
    if suffix.lower() not in (".md", ".markdown"):
        return stem
    from .markdown import split_front_matter

    try:
        text = decode_release(read_release_bytes(path, rel_path=str(path)), path=str(path))
        value = split_front_matter(text, path=str(path)).meta.get("slug")
    except ReaderError:
        return stem
    return value if isinstance(value, str) and value else stem
