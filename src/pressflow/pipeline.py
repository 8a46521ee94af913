"""The stages a newsroom runs: segment, extract, update, prefill, check, build, and run.

Each stage reads what it needs, calls the pure core, writes through the atomic writer and returns
a result value. Nothing here prints: the CLI (or any other caller) decides how to show a result.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Config, check_language, load_config
from .configschema import suggestion
from .errors import CatalogError, ConfigError, ReaderError, SlugError, UsageError
from .files import Confinement, WriteBatch, remove_stale_temporaries
from .lock import project_lock
from .model import CatalogRef, Problem, Release, Segment
from .po.orphans import ORPHAN_CODE, Orphan, find_orphans, orphan_problems
from .po.orphans import prune as prune_orphans
from .po.stamps import Stamps, fresh_releases, signature, signature_prefix, stat_key
from .readers import release_files, slug_line
from .results import ExtractResult, FileChange, RunResult, SegmentResult, UpdateResult

if TYPE_CHECKING:
    from . import qa
    from .cache import Cache
    from .glossary import Glossary
    from .incremental import Source
    from .parallel import Outcome

#: ``tick(done, total)``: how far a stage is, for a progress display (the pipeline never prints)
Tick = Callable[[int, int], None]

# Heavy modules (polib, the segmenter, QA, MT, lxml) are imported by the functions using them:
# start-up is part of every command, and ``update`` with nothing changed needs none of them.
PARALLEL_FROM = 200  # stale releases from which a process pool pays for its start-up


# --------------------------------------------------------------------------- reading


def open_project(root: Path | None = None) -> Config:
    """pressflow.toml loaded and checked, with what only the layers above ``config`` know: the
    check codes ``[check] disable`` and ``enable`` name are registered QA checks, and the
    ``[structure]`` labels, patterns and headline compile (each imported only when the file
    sets some, so that ``update``'s quick answer stays quick)."""
    config = load_config(root)
    if config.structure != type(config.structure)():
        from .structure import rules_of

        try:
            rules_of(config)
        except ConfigError as exc:
            name = next((k for k in ("labels", "patterns") if k in exc.message), "headline")
            inner = re.findall(r"'([^']*)'", exc.message)[:1]  # the group or role named
            raise config.error(exc.message, "structure", name, *inner) from None
    for name in ("disable", "enable"):
        codes = getattr(config.check, name)
        if not codes:
            continue
        from .qa import CHECKS

        for code in codes:
            if code not in CHECKS:
                hint = suggestion(code, CHECKS) or " (pressflow check --list-checks lists them)"
                raise config.error(
                    f"[check] {name}: unknown check code {code!r}{hint}", "check", name
                )
    return config


def _languages(config: Config, langs: Sequence[str] | None) -> tuple[str, ...]:
    if not langs:
        return config.target_langs
    for lang in langs:
        check_language(lang)
        if lang not in config.target_langs:
            known = ", ".join(config.target_langs)
            raise ConfigError(f"language {lang!r} is not a target of this project ({known})")
    return tuple(langs)


def load_release(
    config: Config, path: Path, *, rel: Callable[[Path], str] | None = None
) -> Release:
    from .structure import read_structured

    shown = rel(path) if rel is not None else config.rel(path)
    return read_structured(path, rel_path=shown, config=config)


def rel_under(config: Config, folder: Path) -> Callable[[Path], str]:
    """``config.rel`` for the files of ``folder``, resolving the folder once: a newsroom has
    thousands of releases and catalogs, and resolving each path walks all of its components.
    A file that is a symbolic link (or not directly in ``folder``) still gets ``config.rel``."""
    try:
        base = folder.resolve().relative_to(config.root.resolve()).as_posix()
    except ValueError:
        return config.rel
    where = os.fspath(folder)

    def rel(path: Path) -> str:
        text = os.fspath(path)
        head, name = os.path.split(text)
        if head != where or name in ("", ".", "..") or os.path.islink(text):
            return config.rel(path)
        return name if base == "." else f"{base}/{name}"

    return rel


def load_releases(config: Config, *, only: Collection[str] = ()) -> list[Release]:
    """Every release in the releases folder (or those whose slug is in ``only``)."""
    if not config.releases_dir.is_dir():
        raise ConfigError("releases folder does not exist", path=config.rel(config.releases_dir))
    paths = release_files(config.releases_dir)
    rel = rel_under(config, config.releases_dir)
    confined = Confinement(config.root)
    releases = []
    for path in paths:
        confined.check(path, error=ReaderError)
        releases.append(load_release(config, path, rel=rel))
    seen: dict[str, str] = {}
    for release in releases:
        if release.slug in seen:
            raise slug_clash(release.slug, seen[release.slug], release.path, root=config.root)
        seen[release.slug] = release.path
    missing = set(only) - set(seen)
    if missing:
        raise ConfigError(f"no release with slug {', '.join(sorted(missing))!s}")
    return [r for r in releases if not only or r.slug in only]


def segment_file(path: Path, *, config: Config | None = None) -> SegmentResult:
    """Read and segment one release file, inside a project or not."""
    from .segment import segment_release
    from .structure import read_structured

    rel = config.rel(path) if config else Path(path).as_posix()
    release = read_structured(Path(path), rel_path=rel, config=config)
    return SegmentResult(release, segment_release(release))


def _foreign_warnings(release: Release, segments: Sequence[Segment]) -> list[Problem]:
    """The warnings ``segment`` shows for scraped text in another language."""
    from .parallel import foreign_warnings

    return foreign_warnings(release, segments)


# --------------------------------------------------------------------------- extract/update


def _release_paths(config: Config, only: Collection[str]) -> list[Path]:
    """The release files to process: all, or those whose slug is in ``only``."""
    if not config.releases_dir.is_dir():
        raise ConfigError("releases folder does not exist", path=config.rel(config.releases_dir))
    paths = release_files(config.releases_dir)
    if not only:
        return paths
    from .readers import declared_slug  # front matter: only when releases are picked by slug

    picked = [p for p in paths if p.stem in only or declared_slug(p) in only]
    if len(picked) < len(set(only)):
        load_releases(config, only=only)  # raises: an unreadable release first, then the missing
    return picked


def _orphans(config: Config, known: Collection[str], langs: Sequence[str] = ()) -> list[Orphan]:
    """Templates (and the PO files of ``langs``) whose slug no release has any more."""
    return find_orphans(config, known, langs=langs)


def _owners(config: Config, fresh: Mapping[str, str]) -> dict[str, str]:
    """Slug -> the release file (as shown) of each release skipped as unchanged."""
    rel = rel_under(config, config.releases_dir)
    return {slug: rel(config.releases_dir / name) for name, slug in fresh.items()}


def slug_clash(slug: str, one: str, other: str, *, root: Path) -> SlugError:
    """Two release files (shown relative to ``root``) that would write the same catalogs and
    pages, both named; the error points at the second one's slug."""
    first, second = sorted((one, other))
    return SlugError(
        f"two releases have the slug {slug!r}: {first} and {second}; change one "
        "(nothing was written)",
        path=second,
        line=slug_line(root / second),
    )


def _claim(owners: dict[str, str], outcome: Outcome, *, root: Path) -> SlugError | None:
    """Record that ``outcome``'s release owns its slug, or the error when another one does."""
    other = owners.setdefault(outcome.slug, outcome.path)
    if other == outcome.path:
        return None
    return slug_clash(outcome.slug, other, outcome.path, root=root)


def _process(
    config: Config,
    paths: Sequence[Path],
    *,
    batch: WriteBatch,
    langs: tuple[str, ...] = (),
    write: bool = True,
    skipped: Mapping[str, str] | None = None,
    every: bool = True,
    parallel_from: int = PARALLEL_FROM,
    tick: Tick | None = None,
) -> tuple[ExtractResult, list[FileChange], list[Outcome]]:
    """Template each release (and merge it into its ``langs`` catalogs), staging what changed in
    ``batch`` in release order, each file only over the version that was read. Returns the
    extract result, the catalog changes and the outcome of each release processed. ``skipped``:
    file name -> slug of the releases left as they are; ``every``: all releases are among them
    or ``paths`` (then catalogs of no release are reported as orphans). The work runs on every
    core for many releases. Two releases with one slug raise before anything is written."""
    templates: list[FileChange] = []
    catalogs: list[FileChange] = []
    problems: list[Problem] = []
    done: list[Outcome] = []
    failed: list[Outcome] = []
    clashes: list[SlugError] = []
    skipped = skipped or {}
    owners = _owners(config, skipped)
    units = 0
    found: Iterable[Outcome] = ()
    if paths:  # nothing to do costs no import of polib, the segmenter, the merger
        from .parallel import Job, Settings, outcomes

        pot_rel = rel_under(config, config.translations_dir / "templates")
        po_rels = {lang: rel_under(config, config.translations_dir / lang) for lang in langs}
        rel = rel_under(config, config.releases_dir)
        jobs = [Job(p, rel(p)) for p in paths]
        found = outcomes(jobs, Settings(config, langs, write), parallel_from=parallel_from)
    for number, outcome in enumerate(found, start=1):
        if tick is not None:
            tick(number, len(paths))
        if outcome.error is not None:
            failed.append(outcome)
            continue
        clash = _claim(owners, outcome, root=config.root)
        if clash is not None:
            clashes.append(clash)
            continue
        units += outcome.units
        problems.extend(outcome.problems)
        done.append(outcome)
        for out in outcome.files:
            changed = out.changed
            if out.text is not None:
                changed = batch.write(out.path, out.text, expect=out.read)
            if out.lang:
                shown = po_rels[out.lang](out.path)
                catalogs.append(FileChange(shown, changed, outcome.slug, out.lang))
            else:
                templates.append(FileChange(pot_rel(out.path), changed, outcome.slug))
    if failed:
        from .parallel import first_error

        raise first_error(failed)
    if clashes:
        raise clashes[0]
    templates.extend(_unchanged(config, skipped.values()))
    if every:  # catalogs of releases not asked about are not orphans
        known = {o.slug for o in done} | set(skipped.values())
        problems.extend(orphan_problems(config, _orphans(config, known, langs)))
    return ExtractResult(templates, units, problems), catalogs, done


def _unchanged(
    config: Config, slugs: Collection[str], langs: Sequence[str] = ()
) -> list[FileChange]:
    """The template (no ``langs``) or the catalogs of skipped releases, all unchanged."""
    folder = config.rel(config.translations_dir)  # once: rel() resolves, skipped ones are many
    if not langs:
        return [FileChange(f"{folder}/templates/{slug}.pot", False, slug) for slug in sorted(slugs)]
    return [
        FileChange(f"{folder}/{lang}/{slug}.po", False, slug, lang)
        for slug in sorted(slugs)
        for lang in langs
    ]


def _clean_temporaries(config: Config) -> None:
    """Remove what an interrupted run (``kill -9``) left: only while holding the project lock."""
    folders = [config.translations_dir / "templates"]
    folders += [config.translations_dir / lang for lang in config.target_langs]
    for folder in folders:
        remove_stale_temporaries(folder)


def extract(
    config: Config, *, releases: Collection[str] = (), parallel_from: int = PARALLEL_FROM
) -> ExtractResult:
    """Segment every release and write its POT template (only when its bytes change).

    A release whose source and template are, by content, as the last extract left them is
    taken from the cache (its units and findings too). From ``parallel_from`` releases on, the
    work is spread over every core (same files).
    """
    from .cache import Cache
    from .incremental import extract_records, record_extracts

    with project_lock(config.root, "extract"):
        _clean_temporaries(config)
        cache = Cache.load(config.root)
        paths = _release_paths(config, releases)
        rel = rel_under(config, config.releases_dir)
        known, sources = extract_records(config, cache, [(p, rel(p)) for p in paths])
        with WriteBatch() as batch:
            result, _, done = _process(
                config,
                [p for p in paths if p.name not in known],
                batch=batch,
                skipped={name: record["slug"] for name, record in known.items()},
                every=not releases,
                parallel_from=parallel_from,
            )
        record_extracts(config, cache, done, sources)
        cache.save()
    if not known:
        return result
    from .incremental import stored_problems

    # the findings in release order, as a full extract lists them, then those about orphans
    made = {o.name: list(o.problems) for o in done}
    orphans = result.problems[sum(len(p) for p in made.values()) :]
    problems = [
        p
        for path in paths
        for p in (
            made.get(path.name, []) if path.name not in known else stored_problems(known[path.name])
        )
    ]
    units = result.units + sum(int(r["units"]) for r in known.values())
    return ExtractResult(result.templates, units, problems + orphans)


def _stale_paths(
    config: Config, stamps: Stamps, only: Collection[str]
) -> tuple[list[Path], dict[str, str]]:
    """Releases to process, and (file name -> slug) those skipped because their source and
    catalogs are exactly as pressflow last wrote them (see stamps.py): a run with nothing
    changed reads no release."""
    paths = _release_paths(config, only)
    fresh = fresh_releases(config, paths, stamps)
    return [p for p in paths if p.name not in fresh], fresh


def update(
    config: Config,
    *,
    langs: Sequence[str] | None = None,
    releases: Collection[str] = (),
    check_only: bool = False,
    prune: bool = False,
    parallel_from: int = PARALLEL_FROM,
    tick: Tick | None = None,
) -> UpdateResult:
    """Extract, then merge each template into its PO files the way ``msgmerge --previous`` does.

    With ``check_only`` nothing is written; the result lists what is out of date. With
    ``prune`` the catalogs of releases that are gone move to ``.attic/`` (see po/orphans.py).
    From ``parallel_from`` stale releases on, the work is spread over every core (same files).
    A catalog a translator saved while the run worked is merged again from the saved file.
    """
    if prune and (check_only or releases):
        raise UsageError("--prune looks at every release and writes: not with --check or -r")
    if check_only:
        return _update(config, langs, releases, check_only=True, parallel=parallel_from, tick=tick)
    with project_lock(config.root, "update"):
        _clean_temporaries(config)
        result = _update(
            config, langs, releases, check_only=False, parallel=parallel_from, tick=tick
        )
        if not prune:
            return result
        known = {c.release for c in result.extract.templates}
        moved = prune_orphans(config, _orphans(config, known, _languages(config, langs)))
        problems = [p for p in result.problems if p.check != ORPHAN_CODE]
        return replace(result, problems=problems, pruned=moved)


def _update(
    config: Config,
    langs: Sequence[str] | None,
    releases: Collection[str],
    *,
    check_only: bool,
    parallel: int,
    tick: Tick | None,
) -> UpdateResult:
    languages = _languages(config, langs)
    stamps = Stamps.load(config.root)
    stale, fresh = _stale_paths(config, stamps, releases)
    with WriteBatch() as batch:  # one flush to disk for the whole run, not one per file
        extracted, changes, done = _process(
            config,
            stale,
            batch=batch,
            langs=languages,
            write=not check_only,
            skipped=fresh,
            every=not releases,
            parallel_from=parallel,
            tick=tick,
        )
    changes.extend(_unchanged(config, fresh.values(), languages))
    problems = list(extracted.problems)
    if check_only:
        return UpdateResult(extracted, changes, problems, check_only)
    from .parallel import Settings, merge_again

    settings = Settings(config, languages, True)
    conflicts = set(batch.conflicts)
    stamped = tuple(languages) == tuple(config.target_langs)
    prefix = signature_prefix(config)
    for outcome in done:
        if any(out.path in conflicts for out in outcome.files):
            again, left = merge_again(outcome, settings)
            problems.extend(_left_as_saved(config, left))
            if stamped and not left:
                stamps.record(outcome.name, again.slug, again.stamp)
                stamps.forget_signature(outcome.name)  # the next run compares content
            continue
        if stamped:  # the files as written now: the next run may skip them
            parts = [
                stat_key(batch.stats.get(out.path))
                if out.path in batch.stats
                else (out.read.key if out.read else "-")
                for out in outcome.files
            ]
            source = outcome.source.key if outcome.source else "-"
            stamps.record(outcome.name, outcome.slug, outcome.stamp)
            stamps.see(outcome.name, signature(prefix, outcome.slug, [source, *parts]))
    if stamped:
        stamps.save()
    return UpdateResult(extracted, changes, problems, check_only)


def _left_as_saved(config: Config, paths: Iterable[Path]) -> list[Problem]:
    return [
        Problem(
            check="saved-meanwhile",
            severity="warning",
            message="saved by someone else while update ran, again and again: left as saved; "
            "run update again",
            path=config.rel(path),
        )
        for path in paths
    ]


def update_if_unchanged(config: Config, *, check_only: bool = False) -> UpdateResult | None:
    """What ``update`` (every language, every release) returns when it has nothing to do, found
    from the stamps and a few ``stat`` calls per release, with no catalog read and no polib,
    segmenter or merger imported; ``None`` when a release needs work or a template is orphaned
    (the caller then runs ``update``). A hook or CI step asking on every commit gets its answer
    in the time the question costs."""
    stamps = Stamps.load(config.root)
    stale, fresh = _stale_paths(config, stamps, ())
    if stale or _orphans(config, set(fresh.values()), config.target_langs):
        return None
    if not check_only and stamps.changed:
        with project_lock(config.root, "update"):  # files touched but unchanged (a checkout):
            stamps.save()  # skipped faster next time
    extracted = ExtractResult(_unchanged(config, fresh.values()))
    changes = _unchanged(config, fresh.values(), config.target_langs)
    return UpdateResult(extracted, changes, [], check_only)


# --------------------------------------------------------------------------- prefill/check


def catalog_refs(config: Config, langs: Sequence[str] | None = None) -> list[CatalogRef]:
    """The PO files of the project that exist, for the given target languages."""
    refs = []
    confined = Confinement(config.root)
    for lang in _languages(config, langs):
        folder = config.translations_dir / lang
        if not folder.is_dir():
            continue
        rel = rel_under(config, folder)  # the folder resolved once, not each of its files
        with os.scandir(folder) as listing:  # links known from the listing: no lstat each
            names = sorted((e.name, e.is_symlink()) for e in listing if e.name.endswith(".po"))
        where, prefix = os.fspath(folder), None
        for name, link in names:
            po_path = folder / name
            if link or prefix is None:  # a plain file is inside when its folder is
                confined.check(po_path, error=CatalogError)  # never read, never sent
            if link:
                shown = rel(po_path)
            else:
                if prefix is None:
                    prefix = rel(po_path)[: -len(name)]
                shown = prefix + name
            refs.append(CatalogRef(name[:-3], lang, os.path.join(where, name), shown))
    return refs


def prefill(
    config: Config,
    *,
    langs: Sequence[str] | None = None,
    engine: str | None = None,
    url: str | None = None,
    dry_run: bool = False,
    progress: Callable[[object], None] | None = None,
) -> object:
    """Fill empty entries from the translation memory, then by machine translation (fuzzy)."""
    from .mt import prefill as mt_prefill  # requests and friends: only for the commands using MT

    if dry_run:
        refs = catalog_refs(config, langs)
        return mt_prefill.prefill(config, refs, engine=engine, dry_run=True, progress=progress)
    from .cache import Cache

    with project_lock(config.root, "prefill"):  # a second prefill sends nothing twice
        refs = catalog_refs(config, langs)
        cache = Cache.load(config.root)
        result = mt_prefill.prefill(
            config, refs, engine=engine, url=url, progress=progress, incremental=cache
        )
        cache.save()
        return result


def check(
    config: Config,
    *,
    langs: Sequence[str] | None = None,
    releases: Collection[str] = (),
    min_translated: float | None = None,
    strict: bool | None = None,
    tick: Tick | None = None,
) -> qa.CheckResult:
    """Statistics and QA problems for every catalog, and whether the gate passes.

    A catalog whose release is gone is not checked or gated (it is published nowhere); it is
    named, with a warning, so that ``update --prune`` can move it out of the way."""
    from . import qa
    from .cache import Cache
    from .incremental import check_releases

    cache = Cache.load(config.root)
    sources = _sources(config, cache)
    by_slug = {s.slug: s for s in sources}
    missing = set(releases) - set(by_slug)
    if missing:
        raise ConfigError(f"no release with slug {', '.join(sorted(missing))}")
    refs = [r for r in catalog_refs(config, langs) if not releases or r.release in releases]
    orphans = [] if releases else _orphans(config, set(by_slug), _languages(config, langs))
    stats, problems = check_releases(
        config,
        cache,
        sources,
        [r for r in refs if r.release in by_slug],
        glossary=_glossary_loader(config),
        tick=tick,
    )
    cache.save()
    return qa.decide(
        stats,
        problems + orphan_problems(config, orphans),
        overall=min_translated,
        per_lang=config.check.min_translated,
        strict=config.check.strict if strict is None else strict,
    )


def _glossary_loader(config: Config) -> Callable[[], Glossary]:
    """The glossary, read on first need: a check answered from the cache reads none."""
    from functools import cache

    from .glossary import load_glossary

    return cache(lambda: load_glossary(config.glossary, source_lang=config.source_lang))


def _sources(config: Config, cache: Cache) -> list[Source]:
    """Every release file with its slug, as ``load_releases`` finds them (the same errors, the
    same clashes), reading only the files the cache has not seen."""
    from .incremental import source

    if not config.releases_dir.is_dir():
        raise ConfigError("releases folder does not exist", path=config.rel(config.releases_dir))
    rel = rel_under(config, config.releases_dir)
    confined = Confinement(config.root)

    def load(path: Path) -> Release:
        return load_release(config, path, rel=rel)

    found = []
    settings = repr(config)
    for path in release_files(config.releases_dir):
        confined.check(path, error=ReaderError)
        found.append(source(cache, path, rel(path), settings=settings, load=load))
    seen: dict[str, str] = {}
    for item in found:
        if item.slug in seen:
            raise slug_clash(item.slug, seen[item.slug], item.shown, root=config.root)
        seen[item.slug] = item.shown
    return found


# --------------------------------------------------------------------------- build/run


def reviewed_translations(po: object) -> dict[str, str]:
    """msgid -> msgstr for the entries a person has reviewed: translated and not fuzzy."""
    return {
        e.msgid: e.msgstr
        for e in po  # type: ignore[attr-defined]
        if e.msgstr and not e.obsolete and "fuzzy" not in e.flags
    }


def _revision(po: object) -> datetime | None:
    """The catalog's PO-Revision-Date (a page's dateModified), when it is a real date."""
    from .po.catalog import parse_date

    return parse_date(getattr(po, "metadata", {}).get("PO-Revision-Date", ""))


def _blocking_problems(
    config: Config, checked: qa.CheckResult | None
) -> dict[tuple[str, str], tuple[Problem, ...]]:
    """What ``check`` reports per (release, language), completeness findings left out (the
    site threshold is their rule): the build holds a version back on these. ``checked``: the
    check this run already made (``run``), else it is made here."""
    if config.site.block_on == "none":
        return {}
    from .qa.gate import is_completeness

    result = checked if checked is not None else check(config)
    found: dict[tuple[str, str], list[Problem]] = {}
    for problem in result.problems:
        if problem.lang and not is_completeness(problem.check):
            found.setdefault((problem.release, problem.lang), []).append(problem)
    return {key: tuple(value) for key, value in found.items()}


def build(
    config: Config,
    *,
    out: Path | None = None,
    allow_partial: bool = False,
    withdraw_partial: bool = False,
    checked: qa.CheckResult | None = None,
    tick: Tick | None = None,
) -> object:
    """Publish one HTML page per release and language, indexes, feeds and the root page.

    A language version is held back while ``check`` reports a problem at or above
    ``[site] block_on`` in its catalog; ``withdraw_partial`` removes pages published earlier
    that this build does not publish (instead of keeping them stale). A release whose inputs
    (source, catalogs, check findings, config, template, pressflow) did not change since the
    last build is taken from the cache, not read or rendered again: the same bytes."""
    with project_lock(config.root, "build"):
        return _build(
            config,
            out=out,
            allow_partial=allow_partial,
            withdraw_partial=withdraw_partial,
            checked=checked,
            tick=tick,
        )


def _build(
    config: Config,
    *,
    out: Path | None,
    allow_partial: bool,
    withdraw_partial: bool,
    checked: qa.CheckResult | None,
    tick: Tick | None,
) -> object:
    from .cache import Cache, key
    from .render import ReleaseText, build_site  # lxml: only for the command that builds
    from .render.reuse import Reused, intact

    if allow_partial and withdraw_partial:
        raise ConfigError("--allow-partial and --withdraw-partial contradict each other")
    cache = Cache.load(config.root)
    sources = _sources(config, cache)
    blocking = _blocking_problems(config, checked)
    site = Path(out or config.site_dir)
    shared = _build_inputs(config, cache, site, allow_partial, withdraw_partial)
    items: list[ReleaseText | Reused] = []
    keys: dict[str, str] = {}
    confined = Confinement(config.root)
    for number, src in enumerate(sources, start=1):
        if tick is not None:
            tick(number, len(sources))
        po_paths = [config.po_path(lang, src.slug) for lang in config.target_langs]
        for po_path in po_paths:
            confined.check(po_path, error=CatalogError)
        inputs = [
            src.shown,
            src.digest,
            [cache.digest(p) for p in po_paths],
            [blocking.get((src.slug, lang), ()) for lang in config.target_langs],
            [os.path.isfile(f"{site}/{lang}/{src.slug}.html") for lang in config.languages],
        ]
        keys[src.slug] = record_key = key("build", shared, inputs)
        record = cache.get("build", src.slug, record_key)
        if intact(record, site, cache):
            items.append(Reused(src.slug, record_key, record))  # type: ignore[arg-type]
        else:
            items.append(_release_text(config, src.loaded(), po_paths, blocking))
    result = build_site(
        config,
        items,
        out=site,
        allow_partial=allow_partial,
        withdraw_partial=withdraw_partial,
        cache=cache,
        keys=keys,
        settings=key("site", shared),
    )
    cache.save()
    return result


def _build_inputs(
    config: Config, cache: Cache, site: Path, allow_partial: bool, withdraw_partial: bool
) -> list[object]:
    """What every page of a build depends on besides its release: the config, the template,
    the images, the options and where the site goes."""
    files = [config.site.template, config.site.logo, config.site.image]
    return [
        repr(config),
        [cache.digest(config.root / name) if name else "" for name in files],
        allow_partial,
        withdraw_partial,
        os.fspath(site),
    ]


def _release_text(
    config: Config,
    release: Release,
    po_paths: Sequence[Path],
    blocking: Mapping[tuple[str, str], tuple[Problem, ...]],
) -> object:
    """Everything a page needs of one release: its segments and each reviewed translation."""
    from . import qa
    from .po import catalog
    from .render import ReleaseText
    from .segment import segment_release

    segments = segment_release(release)
    translations: dict[str, dict[str, str]] = {}
    stats: dict[str, float] = {}
    revised: dict[str, datetime] = {}
    for lang, po_path in zip(config.target_langs, po_paths, strict=True):
        if not po_path.exists():
            translations[lang], stats[lang] = {}, 0.0
            continue
        po = catalog.read_po(po_path)
        translations[lang] = reviewed_translations(po)
        stats[lang] = qa.catalog_stats(po, release=release.slug, lang=lang).percent
        when = _revision(po)
        if when is not None:
            revised[lang] = when
    problems = {
        lang: blocking[(release.slug, lang)]
        for lang in config.target_langs
        if (release.slug, lang) in blocking
    }
    return ReleaseText(release, segments, translations, stats, revised, problems)


def run(
    config: Config,
    *,
    engine: str | None = None,
    url: str | None = None,
    progress: Callable[[object], None] | None = None,
) -> RunResult:
    """Every stage in order; the check only reports here, it does not stop the build."""
    with project_lock(config.root, "run"):
        updated = update(config)
        filled = prefill(config, engine=engine, url=url, progress=progress)
        checked = check(config)
        built = build(config, checked=checked)  # the same check, not made twice
    return RunResult(updated, filled, checked, built)
