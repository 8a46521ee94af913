"""The stages over thousands of releases, redoing only what changed since the last run.

Each piece of work here names its inputs by content through the cache (:mod:`pressflow.cache`):
a release's slug (its file and the config), one release's check (its source, its catalogs, the
glossary, the config, pressflow's code), and so on. A record is reused only under the same key,
so the results are the ones a full run computes; a release the cache does not know is read and
worked on as always, and its record stored for the next run.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import MISSING, RACY_NS, Cache, content_digest, keyed, stat_key
from .config import Config
from .model import CatalogRef, Problem, Release

if TYPE_CHECKING:
    from .glossary import Glossary
    from .parallel import Extracted, Outcome
    from .qa.findings import Findings
    from .qa.stats import CatalogStats

Tick = Callable[[int, int], None]


@dataclass
class Source:
    """One release file: its slug, and its contents read only when a stage needs them."""

    path: Path
    shown: str  # relative to the project root, as reports show it
    digest: str
    slug: str
    load: Callable[[Path], Release] = field(repr=False)
    release: Release | None = None

    def loaded(self) -> Release:
        if self.release is None:
            self.release = self.load(self.path)
        return self.release


def source(
    cache: Cache,
    path: Path,
    shown: str,
    *,
    settings: str | Callable[..., str],
    load: Callable[[Path], Release],
) -> Source:
    """``path`` with its slug, read (and its errors raised) only when the cache has not seen its
    bytes under these ``settings`` (the config's ``repr``, or ``slug_keys(config)`` for many)."""
    digest = cache.digest(path)
    keyer = settings if callable(settings) else slug_keys(settings)
    slug_key = keyer(shown, digest)
    slug = cache.get("slugs", shown, slug_key)
    if isinstance(slug, str):
        return Source(path, shown, digest, slug, load)
    release = load(path)
    cache.put("slugs", shown, slug_key, release.slug)
    return Source(path, shown, digest, release.slug, load, release)


_LISTED: dict[tuple[str, str], tuple[str, list[Source]]] = {}


def listed(
    cache: Cache, folder: Path, settings: str, list_them: Callable[[], list[Source]]
) -> list[Source]:
    """Every release of ``folder`` as ``list_them`` finds them; in a process that asked before
    (``run``: its check, then its build), the list found then while the folder holds the same
    files (its stat, not racy) and each of them the same bytes (``Cache.digest``): no listing,
    no path or slug key made again for thousands of releases."""
    where = os.path.realpath(folder)
    try:
        st = os.stat(where)
    except OSError:
        return list_them()
    folder_key, seen = _LISTED.get((where, settings), ("", []))
    if folder_key == stat_key(st) and all(cache.digest(s.path) == s.digest for s in seen):
        return seen
    found = list_them()
    if time.time_ns() - st.st_mtime_ns >= RACY_NS:  # a file added this tick could hide
        _LISTED[(where, settings)] = (stat_key(st), found)
    return found


def slug_keys(settings: str) -> Callable[..., str]:
    """The key of a release's slug record, from its file as shown and its digest."""
    return keyed("slug", settings)


# --------------------------------------------------------------------------- check


def check_releases(
    config: Config,
    cache: Cache,
    sources: Sequence[Source],
    refs: Sequence[CatalogRef],
    *,
    glossary: Callable[[], Glossary],
    tick: Tick | None = None,
) -> tuple[list[CatalogStats], Findings]:
    """What ``qa.check_catalogs`` finds for ``refs`` (each one's release among ``sources``), in
    the same order, checking only the releases whose inputs changed since they were checked. A
    release's stored problems are read only when a report lists them (``Findings``)."""
    from .qa.findings import Findings

    by_slug = {s.slug: s for s in sources}
    groups: dict[str, list[int]] = {}
    for number, ref in enumerate(refs):
        groups.setdefault(ref.release, []).append(number)
    stats: list[CatalogStats | None] = [None] * len(refs)
    parts: list[Part | None] = [None] * len(refs)
    words = cache.digest(config.glossary) if config.glossary is not None else MISSING
    check_key = keyed("check", repr(config), words)
    done = 0
    for slug, numbers in groups.items():
        done += len(numbers)
        if tick is not None:  # by catalog, as the check without a cache counts
            tick(done, len(refs))
        src = by_slug[slug]
        mine = [refs[n] for n in numbers]
        inputs = [(r.lang, r.path, r.source, cache.digest(r.path)) for r in mine]
        record_key = check_key(src.shown, src.digest, inputs)
        again = partial(_check_record, config, src, mine, glossary)
        decoded = _decoded(cache.get("check", slug, record_key), len(mine))
        if decoded is None:
            checked = again()
            cache.put("check", slug, record_key, checked.summary)
            cache.put("findings", slug, record_key, checked.findings)
            decoded = _decoded(checked.summary, len(mine))
        for number, (stat, counts) in enumerate(decoded):  # type: ignore[arg-type]
            read = partial(_stored, cache, slug, record_key, number, stat, again)
            stats[numbers[number]], parts[numbers[number]] = stat, (counts, read)
    return [s for s in stats if s is not None], Findings(p for p in parts if p is not None)


@dataclass
class Checked:
    """One release's check as stored: per catalog, its statistics and its problems' counts
    (``summary``: what reports and the gate read) and its problems (``findings``: in a table
    of their own, read only when a report lists them; a run with nothing changed reads none)."""

    summary: list[list]
    findings: list[list]


def _check_record(
    config: Config, src: Source, refs: Sequence[CatalogRef], glossary: Callable[[], Glossary]
) -> Checked:
    from . import qa
    from .qa.findings import count

    stats, found = qa.check_catalogs(
        refs, releases={src.slug: src.loaded()}, config=config, glossary=glossary()
    )
    checked = Checked([], [])
    for s, problems in zip(stats, found, strict=True):
        kinds = [
            [code, severity, n]
            if (release, lang) == (s.release, s.lang)
            else [code, severity, n, release, lang]
            for (release, lang, code, severity), n in count(problems).items()
        ]
        checked.summary.append([_stats_row(s), kinds])
        checked.findings.append([_found_row(p, s) for p in problems])
    return checked


Counts = dict[tuple[str, str, str, str], int]
Part = tuple[Counts, Callable[[], list[Problem]]]


def _decoded(record: object, count: int) -> list[tuple[CatalogStats, Counts]] | None:
    """A check record's summary of ``count`` catalogs as values; None when it is not one
    (damaged: the release is checked again)."""
    from .qa.stats import CatalogStats

    if not isinstance(record, list) or len(record) != count:
        return None
    try:
        decoded = []
        for row, kinds in record:
            stat = CatalogStats(*row)
            counts = {}
            for code, severity, n, *where in kinds:
                release, lang = where or (stat.release, stat.lang)
                counts[(release, lang, code, severity)] = int(n)
            decoded.append((stat, counts))
        return decoded
    except (TypeError, ValueError):
        return None


def _stored(
    cache: Cache,
    slug: str,
    record_key: str,
    number: int,
    stat: CatalogStats,
    again: Callable[[], Checked],
) -> list[Problem]:
    """The problems of catalog ``number`` of a release's check, from the findings table; when
    they are not there as stored (a damaged or deleted cache file) the release is checked
    ``again``."""
    try:
        rows = cache.get("findings", slug, record_key)[number]  # type: ignore[index]
        return [_found(row, stat) for row in rows]
    except (TypeError, ValueError, IndexError, KeyError):
        return [_found(row, stat) for row in again().findings[number]]


def _stats_row(s: CatalogStats) -> list:
    return [s.release, s.lang, s.total, s.translated, s.fuzzy, s.untranslated, s.percent, s.path]


PROBLEM_FIELDS = ("check", "severity", "message", "release", "lang", "msgid", "path", "line")


def _problem_row(p: Problem) -> list:
    return [*(getattr(p, name) for name in PROBLEM_FIELDS), dict(p.extra)]


_FIELDS = (*PROBLEM_FIELDS, "extra")  # the dataclass's own order
_new = object.__new__


def _problem(row: list) -> Problem:
    """``Problem(*row)`` without the frozen dataclass's ``__init__`` (one ``object.__setattr__``
    per field, which doubles the time): a newsroom's check records hold tens of thousands."""
    if not isinstance(row, list) or len(row) != len(_FIELDS):
        raise ValueError("not a problem row")
    problem = _new(Problem)
    problem.__dict__.update(zip(_FIELDS, row, strict=True))
    return problem


def _found_row(p: Problem, s: CatalogStats) -> list:
    """A check's finding in catalog ``s`` as a record row: where it is only when that is not
    the catalog itself (tens of thousands of rows; their size is the time a check takes to
    read them back)."""
    row = [p.check, p.severity, p.message, p.msgid, p.line]
    if (p.release, p.lang, p.path) != (s.release, s.lang, s.path):
        return [*row, dict(p.extra), [p.release, p.lang, p.path]]
    return [*row, dict(p.extra)] if p.extra else row


def _found(row: list, s: CatalogStats) -> Problem:
    """``_found_row`` read back (see ``_problem`` for how it is made)."""
    if not isinstance(row, list) or len(row) not in (5, 6, 7):
        raise ValueError("not a problem row")
    check, severity, message, msgid, line, *rest = row
    extra, release, lang, path = {}, s.release, s.lang, s.path
    if rest:
        extra, *where = rest
        if where:
            release, lang, path = where[0]
    problem = _new(Problem)
    problem.__dict__.update(
        check=check,
        severity=severity,
        message=message,
        release=release,
        lang=lang,
        msgid=msgid,
        path=path,
        line=line,
        extra=extra,
    )
    return problem


# --------------------------------------------------------------------------- extract


def extract_records(
    config: Config, cache: Cache, paths: Sequence[tuple[Path, str]]
) -> dict[str, dict]:
    """For (release file, as shown): the records of the releases whose source and template
    are, by content, as the last extract left them (by file name). A release the cache holds no
    record of is not hashed here: the worker that reads it gives its digest
    (``record_extracts``), and a first extract reads every release once."""
    keys = extract_keys(config)
    templates = os.fspath(config.translations_dir / "templates")
    known: dict[str, dict] = {}
    for path, shown in paths:
        if not cache.stored("extract", shown):
            continue
        record = _extract_record(cache, keys, shown, cache.digest(path))
        if record is None:
            continue
        if cache.digest(f"{templates}/{record['slug']}.pot") == record.get("pot"):
            known[path.name] = record
    return known


def extract_keys(config: Config) -> Callable[..., str]:
    """The key of a release's extract record, from its file as shown and its digest (the
    config's ``repr`` hashed once, not once per release)."""
    return keyed("extract", repr(config))


def _extract_record(cache: Cache, keys: Callable[..., str], shown: str, digest: str) -> dict | None:
    """What the last extract recorded of the release ``shown`` with these bytes (``digest``)
    (``keys``: ``extract_keys``); None when nothing usable."""
    record = cache.get("extract", shown, keys(shown, digest))
    if not isinstance(record, dict) or not isinstance(record.get("slug"), str):
        return None
    return record


def vouched_templates(
    config: Config, cache: Cache, paths: Sequence[tuple[Path, str]]
) -> dict[str, Extracted]:
    """For ``update``: by file name, what the last extract recorded of each release of ``paths``
    whose source is, by content, as it read it (under the same config and code). The worker
    merges its template as written only if the template's bytes are those recorded too (it
    reads them anyway). No extract recorded anything: nothing is hashed."""
    from .parallel import Extracted

    if not any(cache.names("extract")):
        return {}
    keys = extract_keys(config)
    vouched: dict[str, Extracted] = {}
    for path, shown in paths:
        record = _extract_record(cache, keys, shown, cache.digest(path))
        if record is None:
            continue
        slug, pot, header = record["slug"], record.get("pot"), record.get("header")
        if not (isinstance(pot, str) and isinstance(header, list)):
            continue
        try:
            comment, fields = header
            made = Extracted(
                slug,
                int(record["units"]),
                tuple(stored_problems(record)),
                pot,
                str(comment),
                {str(name): str(value) for name, value in fields},
            )
        except (TypeError, ValueError, KeyError):  # damaged: the release is worked on
            continue
        vouched[path.name] = made
    return vouched


def record_extracts(config: Config, cache: Cache, done: Sequence[Outcome]) -> None:
    """Remember what extracting each release of ``done`` gave (after its template is written),
    under the digest of the source's bytes as its worker read them, and that digest as the
    file's (see ``Cache.remember_stat``): the next run finds it by a ``stat``."""
    keys = extract_keys(config)
    folder = os.fspath(config.releases_dir)  # (each release as ``release_paths`` names it)
    for outcome in done:
        template, source = outcome.files[0], outcome.source
        assert source is not None, "a release worked on was read"
        digest = source.digest.hex()  # (files.Snapshot: the cache's content_digest)
        cache.remember_stat(f"{folder}{os.sep}{outcome.name}", digest, source.key, source.mtime_ns)
        pot = (
            content_digest(template.data)
            if template.data is not None
            else cache.digest(template.path)
        )
        shown = outcome.path
        cache.put(
            "extract",
            shown,
            keys(shown, digest),
            {
                "slug": outcome.slug,
                "pot": pot,
                "units": outcome.units,
                "problems": [_problem_row(p) for p in outcome.problems],
                # (pairs: the tables are written with sorted keys, and the fields' order counts)
                "header": [outcome.header[0], [list(f) for f in outcome.header[1].items()]],
            },
        )


def stored_problems(record: dict) -> list[Problem]:
    return [_problem(row) for row in record.get("problems", ())]
