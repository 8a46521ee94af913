"""Completeness: what is left to translate or to review. Gated by --min-translated, not --strict."""

from __future__ import annotations

from collections.abc import Iterator

from ..registry import Context, Finding, check
from ..units import Unit


@check(
    "untranslated",
    "warning",
    "The entry has no translation yet.",
    scope="catalog",
    completeness=True,
)
def untranslated(units: list[Unit], ctx: Context) -> Iterator[Finding]:
    for unit in units:
        if not unit.msgstr:
            yield Finding(unit, "not translated yet")


@check(
    "fuzzy",
    "warning",
    "The translation is marked fuzzy: it needs a translator's review before it is used.",
    scope="catalog",
    completeness=True,
)
def fuzzy(units: list[Unit], ctx: Context) -> Iterator[Finding]:
    for unit in units:
        if unit.fuzzy and unit.msgstr and not unit.machine:
            yield Finding(unit, "fuzzy: review the translation and remove the fuzzy flag")


@check(
    "mt-unreviewed",
    "warning",
    "Machine translation (a '# mt:' comment) not yet reviewed by a translator.",
    scope="catalog",
    completeness=True,
)
def mt_unreviewed(units: list[Unit], ctx: Context) -> Iterator[Finding]:
    for unit in units:
        if unit.fuzzy and unit.msgstr and unit.machine:
            yield Finding(unit, "machine translation not reviewed yet")
