"""Catalogs whose release is gone, and ``update --prune`` moving them out of the way.

A deleted or renamed release leaves its template and PO files behind. They are never deleted:
a translator's work is in them. ``prune`` moves each into ``.attic/`` inside its own folder
(``translations/ru/.attic/<slug>.po``), where no command checks, prefills or publishes it and
the translation memory, which reads every PO file under a language's folder, still offers its
reviewed entries (obsolete ones too) to the releases that remain.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from ..model import Problem

ATTIC = ".attic"
ORPHAN_CODE = "orphan"


@dataclass(frozen=True)
class Orphan:
    """One catalog file (template or PO) whose release no longer exists."""

    slug: str
    lang: str  # "" for the template
    path: Path


@dataclass(frozen=True)
class Moved:
    source: str  # as shown: relative to the project
    target: str


def _folders(config: Config, langs: Sequence[str]) -> list[tuple[str, Path, str]]:
    """(lang, folder, suffix): the templates' folder, then each language's."""
    found = [("", config.translations_dir / "templates", ".pot")]
    return found + [(lang, config.translations_dir / lang, ".po") for lang in langs]


def find_orphans(
    config: Config, known: Collection[str], *, langs: Sequence[str] | None = None
) -> list[Orphan]:
    """Templates and PO files whose slug is not in ``known`` (names only: a newsroom has
    thousands; the ``.attic/`` folders are not looked into)."""
    orphans = []
    for lang, folder, suffix in _folders(config, config.target_langs if langs is None else langs):
        try:
            with os.scandir(folder) as listing:
                names = sorted(e.name for e in listing if e.name.endswith(suffix) and e.is_file())
        except (FileNotFoundError, NotADirectoryError):
            continue
        for name in names:
            slug = name[: -len(suffix)]
            if slug not in known:
                orphans.append(Orphan(slug, lang, folder / name))
    return orphans


def orphan_problems(config: Config, orphans: Sequence[Orphan]) -> list[Problem]:
    """One warning per orphaned file, saying which release is gone and what to do."""
    releases = config.rel(config.releases_dir)
    return [
        Problem(
            check=ORPHAN_CODE,
            severity="warning",
            message=f"release {releases}/{o.slug}.* no longer exists; 'pressflow update "
            f"--prune' moves this file to {ATTIC}/ (the translation memory still reads it)",
            release=o.slug,
            lang=o.lang,
            path=config.rel(o.path),
        )
        for o in orphans
    ]


def _free_name(folder: Path, name: str) -> Path:
    """``name`` in ``folder``, or ``stem.2.po``, ``stem.3.po``… when an earlier prune left one."""
    target = folder / name
    stem, dot, suffix = name.rpartition(".")
    number = 2
    while target.exists():
        target = folder / f"{stem}.{number}{dot}{suffix}"
        number += 1
    return target


def prune(config: Config, orphans: Sequence[Orphan]) -> list[Moved]:
    """Move each orphan into ``.attic/`` of its folder by a rename (atomic, same file system),
    never over an existing file; a file identical to one already there is the same work, and
    only then is the orphan itself removed."""
    moved = []
    for orphan in orphans:
        attic = orphan.path.parent / ATTIC
        attic.mkdir(exist_ok=True)
        same = attic / orphan.path.name
        if same.is_file() and same.read_bytes() == orphan.path.read_bytes():
            orphan.path.unlink()
            target = same
        else:
            target = _free_name(attic, orphan.path.name)
            os.rename(orphan.path, target)
        moved.append(Moved(config.rel(orphan.path), config.rel(target)))
    return moved
