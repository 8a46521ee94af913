"""What the site builder takes and what it reports: values, so the CLI decides how to show them.

``ReleaseText`` is a release with everything a page needs and nothing the builder would have to
read itself; ``BuildResult`` says what was written, what was held back and why, and what is stale.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..model import Problem, Release, Segment


@dataclass(frozen=True)
class ReleaseText:
    """A release, its units, and the *reviewed* translations (translated, not fuzzy) per language.

    ``translations[lang]`` maps msgid -> msgstr; ``stats[lang]`` is the percent of the catalog that
    is translated and reviewed, which the publishing policy compares with the site threshold;
    ``revised[lang]`` is the catalog's PO-Revision-Date (the page's dateModified);
    ``problems[lang]`` what ``check`` reports for the catalog (the policy holds a version back).
    """

    release: Release
    segments: tuple[Segment, ...]
    translations: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    stats: Mapping[str, float] = field(default_factory=dict)
    revised: Mapping[str, datetime] = field(default_factory=dict)
    problems: Mapping[str, tuple[Problem, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class HeldBack:
    """A language version that was not published, and why (below threshold, nothing to show…)."""

    release: str
    lang: str
    reason: str


@dataclass(frozen=True)
class Stale:
    """A page published earlier that this build would not publish: kept unless the build withdraws
    stale pages (then listed in ``BuildResult.withdrawn``)."""

    release: str
    lang: str
    path: Path
    reason: str


class UnderFolder(Sequence[Path]):
    """Files under one folder, as paths made only when asked for: a build keeps thousands of
    pages as they are, and its report only counts them."""

    def __init__(self, folder: Path, names: Sequence[str]):
        self.folder = folder
        self.names = tuple(names)

    def __len__(self) -> int:
        return len(self.names)

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        if isinstance(index, slice):
            return tuple(self)[index]
        return self.folder / self.names[index]

    def __iter__(self) -> Iterator[Path]:
        folder = self.folder
        return (folder / name for name in self.names)

    def __eq__(self, other: object) -> bool:
        return tuple(self) == (tuple(other) if isinstance(other, Sequence) else other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"UnderFolder({self.folder!r}, {len(self.names)} files)"


@dataclass(frozen=True)
class BuildResult:
    """What ``build_site`` did. It never prints; the CLI renders this."""

    out: Path
    written: tuple[Path, ...] = ()
    unchanged: Sequence[Path] = ()
    held_back: tuple[HeldBack, ...] = ()
    stale: tuple[Stale, ...] = ()
    warnings: tuple[str, ...] = ()
    partial: tuple[tuple[str, str], ...] = ()  # (release, lang) published with fallback text
    withdrawn: tuple[Path, ...] = ()  # pages published earlier, removed by this build

    @property
    def pages(self) -> tuple[Path, ...]:
        """Every file the build produced, written or already up to date, sorted."""
        return tuple(sorted((*self.written, *self.unchanged)))
