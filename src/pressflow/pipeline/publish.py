"""The stages after the catalogs: ``prefill``, ``check``, ``build`` and ``run``."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Config
from ..confine import Confinement
from ..errors import CatalogError, ConfigError
from ..lock import project_lock
from ..model import CatalogRef, Problem, Release
from ..po.orphans import orphan_problems
from ..po.reviewed import reviewed
from ..results import RunResult
from ..slugs import check_slug
from .catalogs import clean_temporaries, orphaned, update
from .project import (
    Tick,
    rel_under,
    release_sources,
    symlink_names,
    target_languages,
)

if TYPE_CHECKING:
    from .. import qa
    from ..cache import Cache
    from ..glossary import Glossary

# Heavy modules (polib, the segmenter, QA, MT, lxml) are imported by the functions using them:
# start-up is part of every command, and ``update`` with nothing changed needs none of them.


# --------------------------------------------------------------------------- prefill/check


def catalog_refs(config: Config, langs: Sequence[str] | None = None) -> list[CatalogRef]:
    """The PO files of the project that exist, for the given target languages."""
    refs = []
    confined = Confinement(config.root)
    for lang in target_languages(config, langs):
        folder = config.translations_dir / lang
        if not folder.is_dir():
            continue
        rel = rel_under(config, folder)  # the folder resolved once, not each of its files
        with os.scandir(folder) as listing:  # links known from the listing: no lstat each
            names = sorted((e.name, e.is_symlink()) for e in listing if e.name.endswith(".po"))
        where, prefix = os.fspath(folder), None
        for name, link in names:
            path = os.path.join(where, name)
            if link or prefix is None:  # a plain file is inside when its folder is
                confined.check(path, error=CatalogError)  # never read, never sent
            if link:
                shown = rel(Path(path))
            else:
                if prefix is None:
                    prefix = rel(Path(path))[: -len(name)]
                shown = prefix + name
            refs.append(CatalogRef(name[:-3], lang, path, shown))
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
    from ..mt import prefill as mt_prefill  # requests and friends: only for the commands using MT

    if dry_run:
        refs = catalog_refs(config, langs)
        return mt_prefill.prefill(config, refs, engine=engine, dry_run=True, progress=progress)
    from ..cache import Cache

    with project_lock(config.root, "prefill"):  # a second prefill sends nothing twice
        clean_temporaries(config)  # a catalog a killed write had taken aside is put back first
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
    from .. import qa
    from ..cache import Cache
    from ..incremental import check_releases

    cache = Cache.load(config.root)
    sources = release_sources(config, cache)
    by_slug = {s.slug: s for s in sources}
    missing = set(releases) - set(by_slug)
    if missing:
        raise ConfigError(f"no release with slug {', '.join(sorted(missing))}")
    refs = [r for r in catalog_refs(config, langs) if not releases or r.release in releases]
    orphans = [] if releases else orphaned(config, set(by_slug), target_languages(config, langs))
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

    from ..glossary import load_glossary

    return cache(lambda: load_glossary(config.glossary, source_lang=config.source_lang))


# --------------------------------------------------------------------------- build/run


def _revision(po: object) -> datetime | None:
    """The catalog's PO-Revision-Date (a page's dateModified), when it is a real date."""
    from ..po.dates import parse_date

    return parse_date(getattr(po, "metadata", {}).get("PO-Revision-Date", ""))


def _blocking_problems(
    config: Config, checked: qa.CheckResult | None
) -> dict[tuple[str, str], tuple[Problem, ...]]:
    """What ``check`` reports per (release, language), completeness findings left out (the
    site threshold is their rule): the build holds a version back on these. ``checked``: the
    check this run already made (``run``), else it is made here."""
    if config.site.block_on == "none":
        return {}
    from ..qa.gate import is_completeness

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
    from ..cache import MISSING, Cache, key, keyed
    from ..render.replay import replay, whole_key

    if allow_partial and withdraw_partial:
        raise ConfigError("--allow-partial and --withdraw-partial contradict each other")
    cache = Cache.load(config.root)
    sources = release_sources(config, cache)
    blocking = _blocking_problems(config, checked)
    site = Path(out or config.site_dir)
    shared = _build_inputs(config, cache, site, allow_partial, withdraw_partial)
    keys: dict[str, str] = {}
    build_key = keyed("build", shared)
    catalogs = _CatalogFolders(config)
    langs, pages = config.target_langs, f"{site}/{{}}/{{}}.html"
    seen: dict[str, str] = {}  # each release page's digest, taken once for key and checks
    for number, src in enumerate(sources, start=1):
        if tick is not None:
            tick(number, len(sources))
        for lang in config.languages:
            page = pages.format(lang, src.slug)
            seen[page] = cache.digest(page)
        inputs = [
            src.shown,
            src.digest,
            [cache.digest(p) for p in catalogs.paths(src.slug)],
            [blocking.get((src.slug, lang), ()) for lang in langs],
            [seen[pages.format(lang, src.slug)] != MISSING for lang in config.languages],
        ]
        keys[src.slug] = build_key(inputs)
    settings = key("site", shared)
    replayed = replay(cache, whole_key(settings, keys), site, config.languages, known=seen)
    if replayed is not None:  # nothing changed: no page rendered, lxml not even loaded
        cache.save()
        return replayed
    from ..render import ReleaseText, build_site  # lxml: only for a build that renders
    from ..render.reuse import Reused, intact

    items: list[ReleaseText | Reused] = []
    for src in sources:
        record = cache.get("build", src.slug, keys[src.slug])
        if intact(record, site, cache, known=seen):
            items.append(Reused(src.slug, keys[src.slug], record))  # type: ignore[arg-type]
        else:
            paths = [Path(p) for p in catalogs.paths(src.slug)]
            items.append(_release_text(config, src.loaded(), paths, blocking))
    result = build_site(
        config,
        items,
        out=site,
        allow_partial=allow_partial,
        withdraw_partial=withdraw_partial,
        cache=cache,
        keys=keys,
        settings=settings,
    )
    cache.save()
    return result


class _CatalogFolders:
    """Where each target language's catalog of a release is, every path confined to the
    project: each folder resolved once and each file that is a symbolic link on its own (known
    from one listing of the folder, not one ``lstat`` per catalog)."""

    def __init__(self, config: Config):
        confined = Confinement(config.root)
        self.folders: list[tuple[str, set[str]]] = []
        for lang in config.target_langs:
            folder = config.translations_dir / lang
            confined.check(folder / "x.po", error=CatalogError)  # the folder itself
            links = symlink_names(folder)
            for name in sorted(links):
                confined.check(folder / name, error=CatalogError)
            self.folders.append((os.fspath(folder), links))

    def paths(self, slug: str) -> list[str]:
        name = f"{check_slug(slug)}.po"
        return [f"{folder}/{name}" for folder, _ in self.folders]


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
    from .. import qa
    from ..po import catalog
    from ..render import ReleaseText
    from ..segment import segment_release

    segments = segment_release(release)
    translations: dict[str, dict[str, str]] = {}
    stats: dict[str, float] = {}
    revised: dict[str, datetime] = {}
    for lang, po_path in zip(config.target_langs, po_paths, strict=True):
        if not po_path.exists():
            translations[lang], stats[lang] = {}, 0.0
            continue
        po = catalog.read_po(po_path)
        translations[lang] = reviewed(po)
        counted = qa.catalog_stats(po, release=release.slug, lang=lang)
        # exact, as check's gate compares: the rounded figure reaches a threshold it is below
        stats[lang] = 100.0 * counted.translated / counted.total if counted.total else 100.0
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
