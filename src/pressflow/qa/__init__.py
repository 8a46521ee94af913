"""Quality assurance: completeness statistics, registered checks, the CI gate and its reports.

``check_catalog`` runs every registered check over one catalog; ``check_project`` reads the
project's catalogs and decides the gate. Reports (table, json, junit, github) live in ``report``,
the progress page in ``status``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..glossary import Glossary
from ..model import CatalogRef, Problem, Release
from ..po.reviewed import reviewed
from . import checks as checks  # registers the checks
from .crosslang import attribute_to_source
from .gate import CheckResult, decide, gate_failures
from .registry import CHECKS, Check
from .runner import check_catalog
from .stats import CatalogStats, catalog_stats

if TYPE_CHECKING:
    from ..config import Config

__all__ = [
    "CHECKS",
    "CatalogStats",
    "Check",
    "CheckResult",
    "catalog_stats",
    "check_catalog",
    "check_catalogs",
    "check_project",
    "decide",
    "gate_failures",
]


def _once_per_release(problems: list) -> list:
    """A check about the source finds the same thing in every language's catalog: keep the
    first (the editor fixes the release once), not one per target language."""
    seen: set[tuple[str, str, str, str]] = set()
    out = []
    for p in problems:
        check = CHECKS.get(p.check)
        if check is not None and check.about_source:  # (not a cross-language suspicion)
            key = (p.check, p.release, p.msgid, p.message)  # its line is per catalog
            if key in seen:
                continue
            seen.add(key)
        out.append(p)
    return out


def check_project(
    refs: Sequence[CatalogRef],
    *,
    releases: Mapping[str, Release],
    config: Config,
    glossary: Glossary | None = None,
    min_translated: float | None = None,
    strict: bool = False,
    disabled: Collection[str] | None = None,
    notes: Sequence[Problem] = (),
    tick: Callable[[int, int], None] | None = None,
) -> CheckResult:
    """Statistics and problems for each catalog in ``refs`` and the gate's verdict; ``notes``
    are problems found outside the catalogs (an orphaned file) that the report lists too."""
    stats, found = check_catalogs(
        refs, releases=releases, config=config, glossary=glossary, disabled=disabled, tick=tick
    )
    return decide(
        stats,
        [p for problems in found for p in problems] + list(notes),
        overall=min_translated,
        per_lang=config.check.min_translated,
        strict=strict,
    )


def check_catalogs(
    refs: Sequence[CatalogRef],
    *,
    releases: Mapping[str, Release],
    config: Config,
    glossary: Glossary | None = None,
    disabled: Collection[str] | None = None,
    tick: Callable[[int, int], None] | None = None,
) -> tuple[list[CatalogStats], list[list[Problem]]]:
    """Statistics and problems of each catalog in ``refs``, in their order. The problems of one
    release depend on its own catalogs only (all its languages: a check may compare one
    translation with another), so the result for many releases is the results for each, release
    by release (the incremental cache relies on it)."""
    from ..po import catalog

    off = tuple(config.check.disable) if disabled is None else tuple(disabled)
    by_release: dict[str, list[int]] = {}
    for number, ref in enumerate(refs):
        by_release.setdefault(ref.release, []).append(number)
    stats: list[CatalogStats | None] = [None] * len(refs)
    per_ref: list[list[Problem]] = [[] for _ in refs]
    translations: dict[tuple[str, str, str], str] = {}
    done = 0
    for slug, numbers in by_release.items():  # one release's catalogs in memory at a time
        catalogs = {n: catalog.read_po(Path(refs[n].path)) for n in numbers}
        # the release's reviewed translations by language, for checks that compare them
        parallel = {refs[n].lang: reviewed(po) for n, po in catalogs.items()}
        for n, po in catalogs.items():
            ref = refs[n]
            done += 1
            if tick is not None:
                tick(done, len(refs))
            shown = ref.source or config.rel(Path(ref.path))
            stats[n] = catalog_stats(po, release=ref.release, lang=ref.lang, path=shown)
            translations.update(((ref.release, ref.lang, e.msgid), e.msgstr) for e in po)
            per_ref[n] = check_catalog(
                po,
                release=releases.get(slug),
                lang=ref.lang,
                source_lang=config.source_lang,
                glossary=glossary,
                path=shown,
                disabled=off,
                enabled=config.check.enable,
                slug=slug,
                parallel={lang: t for lang, t in parallel.items() if lang != ref.lang},
            )
    problems = [p for found in per_ref for p in found]
    owners = [n for n, found in enumerate(per_ref) for _ in found]  # each problem's catalog
    # a fact every translation renders differently from the source is the source's problem
    problems = attribute_to_source(problems, config.target_langs, translations)  # one for one
    kept = {id(p) for p in _once_per_release(problems)}
    found: list[list[Problem]] = [[] for _ in refs]
    for owner, problem in zip(owners, problems, strict=True):
        if id(problem) in kept:
            found[owner].append(problem)
    return [s for s in stats if s is not None], found
