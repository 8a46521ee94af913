"""The per-release work of ``extract`` and ``update``, run in this process or on every core.

Reading, segmenting, templating, merging and formatting one release is pure and independent of
every other release, so a newsroom with thousands of them spreads it over a process pool. Workers
only compute: each returns the texts to write and the verdicts as values, and the caller makes
every write, in release order, through one ``WriteBatch``; the files are therefore the same bytes
whichever way the work ran. A ``PressflowError`` is returned, not raised, with the stage it came
from, so that the caller raises the one a single process would have met first.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import polib

from . import catalog
from . import update as updating
from .config import Config
from .errors import CatalogError, PressflowError
from .model import Problem, Release, Segment
from .readers import read_release
from .segment import segment_release
from .stamps import stamp_of

# Stages in the order a single process meets their errors: every release is read, then every
# template is made, then every catalog merged.
READ, TEMPLATE, MERGE = 0, 1, 2


@dataclass(frozen=True)
class Settings:
    """What every job shares: sent to each worker once."""

    config: Config
    langs: tuple[str, ...] = ()  # target languages to merge; none for ``extract``
    write: bool = True  # False: only tell whether each file is out of date (``--check``)


@dataclass(frozen=True)
class Job:
    source: Path  # the release file
    shown: str  # its path as shown to users


@dataclass(frozen=True)
class Output:
    """One catalog: the text to write (None: unchanged), or in check mode whether it is stale."""

    path: Path
    text: str | None
    changed: bool = False
    lang: str = ""


@dataclass(frozen=True)
class Outcome:
    slug: str
    path: str  # the release, relative to the project root
    units: int = 0
    problems: tuple[Problem, ...] = ()
    files: tuple[Output, ...] = ()  # the template first, then one catalog per language
    error: PressflowError | None = None
    stage: int = READ
    stamp: str = ""  # stamps.release_stamp of the files as they will be once written


def cpu_count() -> int:
    """The cores this process may use (a container's limit, not the machine's)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def foreign_warnings(release: Release, segments: Sequence[Segment]) -> list[Problem]:
    return [
        Problem(
            check="foreign-text",
            severity="warning",
            message=seg.note or "text in another language glued into the release",
            release=release.slug,
            msgid=seg.text,
            path=release.path,
            line=seg.line,
        )
        for seg in segments
        if "foreign-text" in seg.flags
    ]


def check_language_header(po: object, lang: str, path: Path, *, config: Config) -> None:
    """Refuse a catalog whose Language header names another language than its folder."""
    declared = (getattr(po, "metadata", {}) or {}).get("Language", "").strip()
    if declared and declared.replace("-", "_").split("_")[0] != lang.split("_")[0]:
        raise CatalogError(
            f"Language header says {declared!r} but the file is in the {lang!r} folder; "
            "move it or fix the header (nothing was changed)",
            path=config.rel(path),  # only now: resolving a path costs more than merging
        )


def _output(
    po: polib.POFile, old: polib.POFile | None, path: Path, *, write: bool, lang: str = ""
) -> Output:
    if not write:
        changed = old is None or catalog.format_po(po) != catalog.format_po(old)
        return Output(path, None, changed, lang)
    if old is not None and catalog.equivalent(po, old):  # as catalog.write_po: leave it be
        return Output(path, None, False, lang)
    return Output(path, catalog.format_po(po), True, lang)


def work(job: Job, settings: Settings) -> Outcome:
    """Read, segment, template and (for each language) merge one release; write nothing."""
    config, slug = settings.config, Path(job.source).stem
    try:
        release = read_release(job.source, rel_path=job.shown, source_lang=config.source_lang)
    except PressflowError as exc:
        return Outcome(slug, job.shown, error=exc, stage=READ)
    try:
        segments = segment_release(release)
        problems = (*release.problems, *foreign_warnings(release, segments))
        pot_path = config.pot_path(release.slug)
        previous = catalog.read_po(pot_path) if pot_path.exists() else None
        template = catalog.make_template(release, segments, config=config, previous=previous)
        files = [_output(template, previous, pot_path, write=settings.write)]
    except PressflowError as exc:
        return Outcome(slug, release.path, error=exc, stage=TEMPLATE)
    try:
        for lang in settings.langs:
            po_path = config.po_path(lang, release.slug)
            old = catalog.read_po(po_path) if po_path.exists() else None
            if old is not None:
                check_language_header(old, lang, po_path, config=config)
            merged = updating.merge(old, template, lang=lang, config=config)
            files.append(_output(merged, old, po_path, write=settings.write, lang=lang))
    except PressflowError as exc:
        return Outcome(slug, release.path, error=exc, stage=MERGE)
    stamp = ""
    if settings.write and settings.langs == tuple(config.target_langs):
        stamp = stamp_of(config, [_read(job.source), *(_final(out) for out in files)])
    return Outcome(release.slug, release.path, len(segments), problems, tuple(files), stamp=stamp)


def _read(path: Path) -> bytes:
    return Path(path).read_bytes()


def _final(out: Output) -> bytes:
    """A catalog's bytes once written: the new text, or the file left as it is."""
    return out.text.encode("utf-8") if out.text is not None else _read(out.path)


_SETTINGS: Settings | None = None


def _start(settings: Settings) -> None:
    global _SETTINGS
    _SETTINGS = settings


def _work_here(job: Job) -> Outcome:
    assert _SETTINGS is not None, "worker started without settings"
    return work(job, _SETTINGS)


def outcomes(jobs: Sequence[Job], settings: Settings, *, parallel_from: int) -> Iterator[Outcome]:
    """``work`` on every job, in the order of ``jobs``; on every core when there are at least
    ``parallel_from`` of them (results stream back in order, so the caller writes meanwhile)."""
    workers = min(cpu_count(), len(jobs))
    if len(jobs) < max(parallel_from, 1) or workers < 2:
        for job in jobs:
            yield work(job, settings)
        return
    chunk = max(1, len(jobs) // (workers * 8))
    with ProcessPoolExecutor(workers, initializer=_start, initargs=(settings,)) as pool:
        yield from pool.map(_work_here, jobs, chunksize=chunk)


def first_error(failed: Sequence[Outcome]) -> PressflowError:
    """Of the outcomes that failed (in release order), the error a single process would have
    raised: the earliest stage, then the first release."""
    first = min(enumerate(failed), key=lambda pair: (pair[1].stage, pair[0]))[1]
    assert first.error is not None
    return first.error
