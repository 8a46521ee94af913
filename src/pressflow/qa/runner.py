"""Run every registered check over one catalog and honour the translator's silencing flags."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import Any

from ..glossary import Glossary
from ..model import Problem, Release
from .crosslang import ABOUT, SOURCE
from .registry import Check, Context, Finding, iter_checks
from .units import Unit, units_of


def _problem(check: Check, unit: Unit, message: str, ctx: Context, slug: str) -> Problem:
    return Problem(
        check=check.code,
        severity=check.severity,
        message=message,
        release=slug,
        lang=ctx.lang,
        msgid=unit.msgid,
        path=ctx.path,
        line=unit.line,
        extra={ABOUT: SOURCE} if check.about_source else {},
    )


def run_checks(
    units: list[Unit],
    ctx: Context,
    *,
    slug: str = "",
    disabled: Collection[str] = (),
    enabled: Collection[str] = (),
) -> list[Problem]:
    """Problems of ``units`` in catalog order, then by check code (opt-in checks if enabled)."""
    found: list[tuple[int, str, Problem]] = []
    # each unit's state read once, not once per check: reviewed, and silencing anything at all
    every = [(unit, bool(unit.flags) or "pressflow" in unit.comment) for unit in units]
    reviewed_only = [(unit, quiet) for unit, quiet in every if unit.translated]
    for check in iter_checks(disabled, enabled):
        code = check.code
        if check.scope == "catalog":
            findings: Iterable[Finding] = check.func(units, ctx)  # type: ignore[assignment]
            for finding in findings:
                if not finding.unit.ignores(code):
                    problem = _problem(check, finding.unit, finding.message, ctx, slug)
                    found.append((finding.unit.index, code, problem))
            continue
        func = check.func
        for unit, quiet in reviewed_only if check.scope == "unit" else every:
            if quiet and unit.ignores(code):
                continue
            for message in func(unit, ctx):
                found.append((unit.index, code, _problem(check, unit, str(message), ctx, slug)))
    found.sort(key=lambda item: (item[0], item[1]))
    unique: list[Problem] = []
    seen: set[tuple[str, str, int, str]] = set()
    for _, _, problem in found:
        key = (problem.check, problem.msgid, problem.line, problem.message)
        if key not in seen:
            seen.add(key)
            unique.append(problem)
    return unique


def check_catalog(
    po: Any,
    *,
    release: Release | None,
    lang: str,
    source_lang: str = "ky",
    glossary: Glossary | None = None,
    path: str = "",
    disabled: Collection[str] = (),
    enabled: Collection[str] = (),
    slug: str | None = None,
    parallel: Mapping[str, Mapping[str, str]] | None = None,
) -> list[Problem]:
    """Every registered check over one PO catalog (a polib-like object); ``parallel`` holds the
    same release's reviewed translations into other languages (``reviewed``), if read."""
    ctx = Context(
        lang=lang,
        source_lang=source_lang,
        glossary=glossary,
        release=release,
        path=path,
        parallel=parallel,
    )
    name = slug if slug is not None else (release.slug if release is not None else "")
    return run_checks(units_of(po), ctx, slug=name, disabled=disabled, enabled=enabled)
