"""What the pipeline's stages return: values the CLI (or any caller) renders as it likes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .errors import EXIT_FAILED, EXIT_OK
from .model import Problem, Release, Segment

if TYPE_CHECKING:
    from . import qa
    from .po.orphans import Moved


@dataclass(frozen=True)
class FileChange:
    path: str
    changed: bool
    release: str = ""
    lang: str = ""


@dataclass(frozen=True)
class SegmentResult:
    release: Release
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class ExtractResult:
    templates: list[FileChange] = field(default_factory=list)
    units: int = 0
    problems: list[Problem] = field(default_factory=list)

    def summary(self) -> str:
        """The one line ``extract`` ends with (the same whichever way it was run)."""
        written = sum(c.changed for c in self.templates)
        return f"extract: {len(self.templates)} templates, {self.units} units, {written} written"


@dataclass(frozen=True)
class UpdateResult:
    extract: ExtractResult
    catalogs: list[FileChange] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    check_only: bool = False
    pruned: list[Moved] = field(default_factory=list)  # orphaned catalogs moved to .attic/

    @property
    def outdated(self) -> list[FileChange]:
        return [c for c in (*self.extract.templates, *self.catalogs) if c.changed]

    @property
    def exit_code(self) -> int:
        return EXIT_FAILED if self.check_only and self.outdated else EXIT_OK

    def summary(self) -> str:
        """The one line ``update`` ends with (the same whichever way it was answered)."""
        files = len(self.extract.templates) + len(self.catalogs)
        if self.check_only and self.outdated:
            return f"update --check: {len(self.outdated)} of {files} file(s) out of date"
        if self.check_only:
            catalogs = _plural(len(self.catalogs), "catalog")
            templates = _plural(len(self.extract.templates), "template")
            return f"update --check: all {catalogs} and {templates} up to date"
        pruned = f", {len(self.pruned)} moved to .attic/" if self.pruned else ""
        return (
            f"update: {len(self.catalogs)} catalogs, {len(self.outdated)} file(s) written{pruned}"
        )


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


@dataclass(frozen=True)
class RunResult:
    update: UpdateResult
    prefill: object
    check: qa.CheckResult
    build: object
