"""The stages a newsroom runs: segment, extract, update, prefill, check, build, and run.

Each stage reads what it needs, calls the pure core, writes through the atomic writer and returns
a result value. Nothing here prints: the CLI (or any other caller) decides how to show a result.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Config, check_language
from .errors import ConfigError
from .files import WriteBatch
from .model import CatalogRef, Problem, Release, Segment
from .po.stamps import Stamps, fresh_slugs, stat_signatures
from .readers import release_files
from .results import ExtractResult, FileChange, RunResult, SegmentResult, UpdateResult

if TYPE_CHECKING:
    from . import qa
    from .parallel import Outcome

# Heavy modules (polib, the segmenter, QA, MT, lxml) are imported by the functions using them:
# start-up is part of every command, and ``update`` with nothing changed needs none of them.
PARALLEL_FROM = 200  # stale releases from which a process pool pays for its start-up


# --------------------------------------------------------------------------- reading


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
    releases = [load_release(config, p, rel=rel) for p in paths if not only or p.stem in only]
    seen: dict[str, str] = {}
    for release in releases:
        if release.slug in seen:
            raise ConfigError(
                f"two releases share the slug {release.slug!r}: {seen[release.slug]}",
                path=release.path,
            )
        seen[release.slug] = release.path
    missing = set(only) - set(seen)
    if missing:
        raise ConfigError(f"no release with slug {', '.join(sorted(missing))!s}")
    return releases


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
    paths = [p for p in release_files(config.releases_dir) if not only or p.stem in only]
    if set(only) - {p.stem for p in paths}:
        load_releases(config, only=only)  # raises: an unreadable release first, then the missing
    return paths


def _orphans(config: Config, known: Collection[str]) -> list[Problem]:
    template_dir = config.translations_dir / "templates"
    try:
        with os.scandir(template_dir) as listing:  # names only: a newsroom has thousands
            stems = [e.name[:-4] for e in listing if e.name.endswith(".pot") and e.is_file()]
    except (FileNotFoundError, NotADirectoryError):
        return []
    return [
        Problem(
            check="orphan-template",
            severity="warning",
            message="no release produces this template any more; its catalogs are "
            "kept (a renamed release takes its translations from the memory)",
            release=stem,
            path=config.rel(template_dir / f"{stem}.pot"),
        )
        for stem in sorted(stems)
        if stem not in known
    ]


def _process(
    config: Config,
    paths: Sequence[Path],
    *,
    batch: WriteBatch,
    langs: tuple[str, ...] = (),
    write: bool = True,
    skipped: Collection[str] = (),
    parallel_from: int = PARALLEL_FROM,
) -> tuple[ExtractResult, list[FileChange], list[tuple[str, str]]]:
    """Template each release (and merge it into its ``langs`` catalogs), staging what changed in
    ``batch`` in release order. Returns the extract result, the catalog changes and the
    (slug, stamp) of each release processed. The work runs on every core for many releases."""
    templates: list[FileChange] = []
    catalogs: list[FileChange] = []
    problems: list[Problem] = []
    done: list[tuple[str, str]] = []
    failed: list[Outcome] = []
    units = 0
    found: Iterable[Outcome] = ()
    if paths:  # nothing to do costs no import of polib, the segmenter, the merger
        from .parallel import Job, Settings, first_error, outcomes

        rel = rel_under(config, config.releases_dir)
        pot_rel = rel_under(config, config.translations_dir / "templates")
        po_rels = {lang: rel_under(config, config.translations_dir / lang) for lang in langs}
        jobs = [Job(p, rel(p)) for p in paths]
        found = outcomes(jobs, Settings(config, langs, write), parallel_from=parallel_from)
    for outcome in found:
        if outcome.error is not None:
            failed.append(outcome)
            continue
        units += outcome.units
        problems.extend(outcome.problems)
        done.append((outcome.slug, outcome.stamp))
        for out in outcome.files:
            changed = batch.write(out.path, out.text) if out.text is not None else out.changed
            if out.lang:
                shown = po_rels[out.lang](out.path)
                catalogs.append(FileChange(shown, changed, outcome.slug, out.lang))
            else:
                templates.append(FileChange(pot_rel(out.path), changed, outcome.slug))
    if failed:
        raise first_error(failed)
    templates.extend(_unchanged(config, skipped))
    problems.extend(_orphans(config, {p.stem for p in paths} | set(skipped)))
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


def extract(
    config: Config, *, releases: Collection[str] = (), parallel_from: int = PARALLEL_FROM
) -> ExtractResult:
    """Segment every release and write its POT template (only when its bytes change).

    From ``parallel_from`` releases on, the work is spread over every core (same files).
    """
    with WriteBatch() as batch:
        paths = _release_paths(config, releases)
        result, _, _ = _process(config, paths, batch=batch, parallel_from=parallel_from)
    return result


def _stale_paths(
    config: Config, stamps: Stamps, only: Collection[str]
) -> tuple[list[Path], set[str]]:
    """Releases to process, and the slugs skipped because their source and catalogs are exactly
    as pressflow last wrote them (see stamps.py): a run with nothing changed reads no release."""
    paths = _release_paths(config, only)
    fresh = fresh_slugs(config, paths, stamps)
    return [p for p in paths if p.stem not in fresh], fresh


def update(
    config: Config,
    *,
    langs: Sequence[str] | None = None,
    releases: Collection[str] = (),
    check_only: bool = False,
    parallel_from: int = PARALLEL_FROM,
) -> UpdateResult:
    """Extract, then merge each template into its PO files the way ``msgmerge --previous`` does.

    With ``check_only`` nothing is written; the result lists what is out of date. From
    ``parallel_from`` stale releases on, the work is spread over every core (same files).
    """
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
            parallel_from=parallel_from,
        )
    changes.extend(_unchanged(config, fresh, languages))
    if not check_only and tuple(languages) == tuple(config.target_langs):
        sources = {path.stem: path for path in stale}
        signatures = stat_signatures(config, [sources[slug] for slug, _ in done])
        for slug, stamp in done:  # the files as written now: the next run may skip them
            stamps.record(slug, stamp)
            stamps.see(slug, signatures[slug])
        stamps.save()
    return UpdateResult(extracted, changes, list(extracted.problems), check_only)


def update_if_unchanged(config: Config, *, check_only: bool = False) -> UpdateResult | None:
    """What ``update`` (every language, every release) returns when it has nothing to do, found
    from the stamps and a few ``stat`` calls per release, with no catalog read and no polib,
    segmenter or merger imported; ``None`` when a release needs work or a template is orphaned
    (the caller then runs ``update``). A hook or CI step asking on every commit gets its answer
    in the time the question costs."""
    stamps = Stamps.load(config.root)
    stale, fresh = _stale_paths(config, stamps, ())
    if stale or _orphans(config, fresh):
        return None
    if not check_only:
        stamps.save()  # files touched but unchanged (a checkout) are skipped faster next time
    extracted = ExtractResult(_unchanged(config, fresh))
    return UpdateResult(extracted, _unchanged(config, fresh, config.target_langs), [], check_only)


# --------------------------------------------------------------------------- prefill/check


def catalog_refs(config: Config, langs: Sequence[str] | None = None) -> list[CatalogRef]:
    """The PO files of the project that exist, for the given target languages."""
    refs = []
    for lang in _languages(config, langs):
        folder = config.translations_dir / lang
        if not folder.is_dir():
            continue
        for po_path in sorted(folder.glob("*.po")):
            refs.append(CatalogRef(po_path.stem, lang, str(po_path), config.rel(po_path)))
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

    refs = catalog_refs(config, langs)
    return mt_prefill.prefill(
        config, refs, engine=engine, url=url, dry_run=dry_run, progress=progress
    )


def check(
    config: Config,
    *,
    langs: Sequence[str] | None = None,
    releases: Collection[str] = (),
    min_translated: float | None = None,
    strict: bool | None = None,
) -> qa.CheckResult:
    """Statistics and QA problems for every catalog, and whether the gate passes."""
    from . import qa
    from .glossary import load_glossary

    glossary = load_glossary(config.glossary, source_lang=config.source_lang)
    by_slug = {r.slug: r for r in load_releases(config)}
    missing = set(releases) - set(by_slug)
    if missing:
        raise ConfigError(f"no release with slug {', '.join(sorted(missing))}")
    refs = [r for r in catalog_refs(config, langs) if not releases or r.release in releases]
    return qa.check_project(
        refs,
        releases=by_slug,
        config=config,
        glossary=glossary,
        min_translated=min_translated,
        strict=config.check.strict if strict is None else strict,
    )


# --------------------------------------------------------------------------- build/run


def reviewed_translations(po: object) -> dict[str, str]:
    """msgid -> msgstr for the entries a person has reviewed: translated and not fuzzy."""
    return {
        e.msgid: e.msgstr
        for e in po  # type: ignore[attr-defined]
        if e.msgstr and not e.obsolete and "fuzzy" not in e.flags
    }


def build(config: Config, *, out: Path | None = None, allow_partial: bool = False) -> object:
    """Publish one HTML page per release and language, indexes and the root page."""
    from . import qa
    from .po import catalog
    from .render import ReleaseText, build_site  # lxml: only for the command that builds
    from .segment import segment_release

    texts = []
    for release in load_releases(config):
        segments = segment_release(release)
        translations: dict[str, dict[str, str]] = {}
        stats: dict[str, float] = {}
        for lang in config.target_langs:
            po_path = config.po_path(lang, release.slug)
            if not po_path.exists():
                translations[lang], stats[lang] = {}, 0.0
                continue
            po = catalog.read_po(po_path)
            translations[lang] = reviewed_translations(po)
            stats[lang] = qa.catalog_stats(po, release=release.slug, lang=lang).percent
        texts.append(ReleaseText(release, segments, translations, stats))
    return build_site(config, texts, out=out or config.site_dir, allow_partial=allow_partial)


def run(
    config: Config,
    *,
    engine: str | None = None,
    url: str | None = None,
    progress: Callable[[object], None] | None = None,
) -> RunResult:
    """Every stage in order; the check only reports here, it does not stop the build."""
    updated = update(config)
    filled = prefill(config, engine=engine, url=url, progress=progress)
    checked = check(config)
    built = build(config)
    return RunResult(updated, filled, checked, built)
