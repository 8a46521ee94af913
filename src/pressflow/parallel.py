"""The per-release work of ``extract`` and ``update``, run in this process or on every core.

Reading, segmenting, templating, merging and formatting one release is pure and independent of
every other release, so a newsroom with thousands of them spreads it over a process pool
(``pool``). Workers only compute: each returns the texts to write and the verdicts as values,
and the caller makes every write, in release order, through one ``WriteBatch``; the files are
therefore the same bytes whichever way the work ran. A ``PressflowError`` is returned, not
raised, with the stage it came from, so that the caller raises the one a single process would
have met first.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import polib

from .cache import content_digest
from .config import Config
from .confine import Confinement
from .cores import cpu_count, die_with_parent
from .errors import CatalogError, ChangedOnDisk, PressflowError, ReaderError
from .files import Snapshot, atomic_write
from .model import Problem, foreign_warnings
from .po import catalog
from .po import template as templating

if TYPE_CHECKING:
    from types import ModuleType

# Stages in the order a single process meets their errors: every release is read, then every
# template is made, then every catalog merged.
READ, TEMPLATE, MERGE = 0, 1, 2
#: A release with this many units, worked on in the main process, merges its languages in
#: processes of their own (below it, forking costs more than it saves).
FAN_OUT_UNITS = 20_000


@dataclass(frozen=True)
class Settings:
    """What every job shares: sent to each worker once."""

    config: Config
    langs: tuple[str, ...] = ()  # target languages to merge; none for ``extract``
    write: bool = True  # False: only tell whether each file is out of date (``--check``)
    #: catalog folders listed when the run began (``files.listing``): a catalog not among its
    #: folder's names was missing then, and is not looked for (a file made since is found
    #: when it is written: the writer never replaces what it did not read)
    listed: Mapping[str, frozenset[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Extracted:
    """What the extract cache recorded of a release whose template it vouches for: its slug,
    units and findings, and the digest of the template's bytes."""

    slug: str
    units: int
    problems: tuple[Problem, ...]
    pot: str
    comment: str  # the template's header, as it was made
    fields: dict[str, str]


@dataclass(frozen=True)
class Job:
    source: Path  # the release file
    shown: str  # its path as shown to users
    extracted: Extracted | None = None  # (update) its template is current: merged as written


#: a template as made from its release, or as written (``_kept``)
Made = templating.Template | templating.StoredTemplate


@dataclass(frozen=True)
class Output:
    """One catalog: the bytes to write (None: unchanged), or in check mode whether it is stale.
    Bytes, encoded once where the text is made: the writer and the stamp take them as they are
    (and from a worker they come back without being decoded and encoded again)."""

    path: str  # (a string: thousands are made per run, and pathlib's are slow to make)
    data: bytes | None
    changed: bool = False
    lang: str = ""
    read: Snapshot | None = None  # the file as it was read (None: missing): write only over it


@dataclass(frozen=True)
class Outcome:
    name: str  # the release file's name: what the stamps are keyed by
    slug: str
    path: str  # the release, relative to the project root
    units: int = 0
    problems: tuple[Problem, ...] = ()
    files: tuple[Output, ...] = ()  # the template first, then one catalog per language
    error: PressflowError | None = None
    stage: int = READ
    stamp: str = ""  # stamps.release_stamp of the files as they will be once written
    source: Snapshot | None = None  # the release file as read
    header: tuple[str, dict[str, str]] = ("", {})  # the template's comment and fields


def _output(
    po: polib.POFile,
    old: polib.POFile | None,
    path: str,
    *,
    write: bool,
    lang: str = "",
    read: Snapshot | None = None,
    text: str | None = None,
) -> Output:
    """``po`` to be written over ``old`` (``text``: ``po`` formatted already, if it was)."""
    if not write:
        text = text if text is not None else catalog.format_po(po)
        changed = old is None or text != catalog.format_po(old)
        return Output(path, None, changed, lang, read)
    if old is not None and catalog.equivalent(po, old):  # as catalog.write_po: leave it be
        return Output(path, None, False, lang, read)
    text = text if text is not None else catalog.format_po(po)
    return Output(path, text.encode("utf-8"), True, lang, read)


def _load(
    path: str, settings: Settings, *, header_only: bool = False
) -> tuple[bytes | None, Snapshot | None, polib.POFile | None]:
    """A catalog's bytes (kept for its stamp), their snapshot and their parse (with
    ``header_only``, of the header alone); all None when it is missing (or was, by
    ``Settings.listed``). A catalog resolving outside the project is refused unread."""
    folder, name = os.path.split(path)
    names = settings.listed.get(folder)
    if names is not None and name.lower() not in names:
        return None, None, None
    confined = _confinement(settings.config)
    try:
        raw, snap = confined.read(path, error=CatalogError)
    except OSError as exc:
        raise CatalogError(f"cannot read catalog: {exc.strerror}", path=str(path)) from None
    if raw is None:
        return None, snap, None
    parse = catalog.parse_header if header_only else catalog.parse_po
    return raw, snap, parse(raw, path=path)


def _template_output(
    template: Callable[[], polib.POFile],
    text: str,
    data: bytes,
    raw: bytes | None,
    path: str,
    *,
    write: bool,
    read: Snapshot | None,
) -> Output:
    """The template's output (``text``: the template, made by ``template()``, formatted;
    ``data``: its bytes).
    Compared first as text with the file as read: a template is pressflow's own file in
    msgcat's form, and when its release is unchanged (a translator's save is being merged)
    formatting the new one costs less than parsing the old one. A file that differs is judged
    as every catalog is: re-saved by another tool (polib, Weblate) it is the same template, and
    left as it is."""
    if raw is None or data == raw:
        new = raw is None
        return Output(path, data if new and write else None, new, "", read)
    old = catalog.parse_po(raw, path=path)
    return _output(template(), old, path, write=write, read=read, text=text)


def _read_source(job: Job, confined: Confinement) -> tuple[bytes, Snapshot]:
    try:
        data, snap = confined.read(job.source, error=ReaderError)
    except OSError as exc:
        raise ReaderError(f"cannot read release: {exc.strerror or exc}", path=job.shown) from None
    if data is None or snap is None:
        raise ReaderError("cannot read release: no such file", path=job.shown)
    return data, snap


_CONFINED: dict[Path, Confinement] = {}


def _confinement(config: Config) -> Confinement:
    """One per project per process: its folders are resolved once."""
    if config.root not in _CONFINED:
        _CONFINED[config.root] = Confinement(config.root)
    return _CONFINED[config.root]


def work(job: Job, settings: Settings, *, fan_out_from: int | None = None) -> Outcome:
    """Read, segment, template and (for each language) merge one release; write nothing.

    Every file is read once: the bytes parsed are the bytes the release's stamp is made of, and
    each file's snapshot lets the writer refuse to replace a version it did not read. A release
    of at least ``fan_out_from`` units has its languages merged in forked processes while this
    one formats the template (see ``_merges``); the results are the same values. A job whose
    template the extract cache vouches for (``Job.extracted``) is merged from the template as
    written, its release neither parsed nor segmented (the same bytes: see ``_kept``).
    """
    config, name = settings.config, os.path.basename(job.source)
    slug = os.path.splitext(name)[0]
    confined = _confinement(config)
    try:
        source, snap = _read_source(job, confined)
    except PressflowError as exc:
        return Outcome(name, slug, job.shown, error=exc, stage=READ)
    vouched, kept = job.extracted, None
    if vouched is not None and settings.langs:  # (extract itself writes the template)
        pot_path = config.catalog_file("", vouched.slug)
        kept = _kept(vouched, pot_path, confined)
    if kept is not None:
        assert vouched is not None
        made, raw, pot_snap = kept
        slug, shown, units = vouched.slug, job.shown, vouched.units
        problems: tuple[Problem, ...] = vouched.problems
    else:
        try:
            release = _structure().read_structured(
                job.source, rel_path=job.shown, config=config, data=source
            )
        except PressflowError as exc:
            return Outcome(name, slug, job.shown, error=exc, stage=READ)
        slug, shown = release.slug, release.path
        try:
            segments = _segment().segment_release(release)
            problems = (*release.problems, *foreign_warnings(release, segments))
            pot_path = config.catalog_file("", release.slug)
            raw, pot_snap, previous = _load(pot_path, settings, header_only=True)
            made = templating.template_of(release, segments, config=config, previous=previous)
        except PressflowError as exc:
            return Outcome(name, slug, shown, error=exc, stage=TEMPLATE)
        units = len(segments)
    fan_out = fan_out_from is not None and made.size >= fan_out_from
    merges = (  # (extract: no language, no generator-made context per release)
        _merges(made, slug, settings, fan_out=fan_out) if settings.langs else _NO_MERGES
    )
    with merges as merged:
        text = made.text
        data = text.encode("utf-8")  # (once: the template's file, and each first catalog's)
        pot = _template_output(
            made.catalog, text, data, raw, pot_path, write=settings.write, read=pot_snap
        )
        files = [pot]
        read: list[bytes | None] = [raw]  # each catalog's bytes as read, in the order of files
        try:
            for out, raw_po in merged(data):
                files.append(out)
                read.append(raw_po)
        except PressflowError as exc:
            return Outcome(name, slug, shown, error=exc, stage=MERGE)
    stamp = ""
    if settings.write and settings.langs == tuple(config.target_langs):
        from .po.stamps import stamp_of  # (``update``'s: an extract stamps nothing)

        written = [_as_written(out, raw) for out, raw in zip(files, read, strict=True)]
        stamp = stamp_of(config, slug, [source, *written])
    return Outcome(
        name,
        slug,
        shown,
        units,
        problems,
        tuple(files),
        stamp=stamp,
        source=snap,
        header=(made.comment, made.fields),
    )


@cache
def _structure() -> ModuleType:
    """The readers, loaded by the first release read: an ``update`` whose templates the extract
    cache vouches for reads none (they are a few milliseconds of its start)."""
    from . import structure

    return structure


@cache
def _segment() -> ModuleType:
    """The segmenter, loaded by the first release segmented (see ``_structure``)."""
    from . import segment

    return segment


def _kept(
    extracted: Extracted, path: str, confined: Confinement
) -> tuple[templating.StoredTemplate, bytes, Snapshot | None] | None:
    """The template at ``path`` as written, when its bytes read now are the ones the extract
    cache recorded (``extracted``); anything else: None, and the release is worked on."""
    try:
        raw, snap = confined.read(path, error=CatalogError)
    except (OSError, PressflowError):
        return None  # (worked on, the release meets the error where it always did)
    if raw is None or content_digest(raw) != extracted.pot:
        return None
    stored = templating.stored_template(raw, extracted.comment, extracted.fields, path=path)
    return None if stored is None else (stored, raw, snap)


def _merge_one(
    made: Made, slug: str, lang: str, settings: Settings, *, data: bytes | None = None
) -> tuple[Output, bytes | None]:
    """One language's catalog merged with the template: its output and its bytes as read.
    ``data``: the template's bytes (if formatted already), which a first catalog is made of."""
    from .po import update as updating  # (here: an extract merges nothing)
    from .po.language import check_language_header

    config = settings.config
    po_path = config.catalog_file(lang, slug)
    raw, po_snap, old = _load(po_path, settings)
    if old is None and data is not None:
        first = updating.first_from_data(made.comment, made.fields, data, lang=lang)
        if first is not None:
            return Output(po_path, first if settings.write else None, True, lang, po_snap), raw
    if old is not None:
        check_language_header(old, lang, po_path, config=config, raw=raw or b"")
    merged = updating.merge(old, made.catalog(), lang=lang, config=config)
    return _output(merged, old, po_path, write=settings.write, lang=lang, read=po_snap), raw


@contextlib.contextmanager
def _merges(
    made: Made, slug: str, settings: Settings, *, fan_out: bool
) -> Iterator[Callable[[bytes], Iterator[tuple[Output, bytes | None]]]]:
    """The language merges of one release (none for ``extract``), as a function of the
    template's bytes (a first catalog is made of them) yielding them in language order.

    With ``fan_out`` (a release of tens of thousands of units, worked on in the main process),
    each language is merged in a process forked now, which inherits the template instead of
    having it pickled, and runs while the caller formats the template: on two cores a
    100,000-line release takes the time of its reading and one merge. Without fork (not Linux or
    macOS) or with one core, the merges run here when asked for, as for every other release.
    """
    langs = settings.langs
    if not (fan_out and len(langs) > 0 and cpu_count() > 1 and _forkable()):
        yield lambda data: (_merge_one(made, slug, lang, settings, data=data) for lang in langs)
        return
    import multiprocessing  # (here and in ``outcomes``: a run that starts no pool needs neither)
    from concurrent.futures import ProcessPoolExecutor

    made.catalog()  # made before the fork: every merge process inherits it
    with ProcessPoolExecutor(
        min(len(langs), cpu_count()),
        mp_context=multiprocessing.get_context("fork"),
        initializer=_start_forked,
        initargs=(made, slug, settings, os.getpid()),
    ) as pool:
        futures = [pool.submit(_merge_forked, lang) for lang in langs]
        yield lambda _data: (future.result() for future in futures)


_NO_MERGES = contextlib.nullcontext(lambda _data: iter(()))


def _forkable() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


_FORKED: tuple[Made, str, Settings] | None = None


def _start_forked(made: Made, slug: str, settings: Settings, parent: int) -> None:
    global _FORKED
    _FORKED = (made, slug, settings)
    die_with_parent(parent)


def _merge_forked(lang: str) -> tuple[Output, bytes | None]:
    assert _FORKED is not None, "merge process started without its template"
    made, slug, settings = _FORKED
    return _merge_one(made, slug, lang, settings)


def merge_again(
    outcome: Outcome, settings: Settings, *, tries: int = 3
) -> tuple[Outcome, list[str]]:
    """Work on one release again after a translator saved one of its catalogs meanwhile: merge
    from the files as saved now and write each over the version just read, a few times if they
    keep changing. Returns the new outcome and the files still left as someone else saved them
    (nothing of theirs is ever replaced)."""
    job = Job(settings.config.releases_dir / outcome.name, outcome.path)
    again, left = outcome, [out.path for out in outcome.files]
    for _ in range(tries):
        again = work(job, settings)
        if again.error is not None:
            raise again.error
        left = []
        for out in again.files:
            if out.data is None:
                continue
            try:
                atomic_write(out.path, out.data, expect=out.read)
            except ChangedOnDisk:
                left.append(out.path)
        if not left:
            break
    return again, left


def _as_written(out: Output, raw: bytes | None) -> bytes:
    """A catalog's bytes once written: the new ones, or the file's as it was read."""
    if out.data is not None:
        return out.data
    assert raw is not None, "a catalog left as it is was read"
    return raw
