"""The registry of QA checks: each check is a small decorated function with a code and a severity.

A registry instead of an if-chain so that a check is added (or disabled by code in pressflow.toml,
or silenced on one entry by a translator) without touching the runner.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from ..glossary import Glossary
from ..model import Release, Severity
from .units import Unit

Scope = Literal["unit", "source", "catalog"]


@dataclass(frozen=True)
class Context:
    """What a check may know besides the entry: languages, glossary, the release if read."""

    lang: str
    source_lang: str = "ky"
    glossary: Glossary | None = None
    release: Release | None = None
    path: str = ""
    #: the same release's reviewed translations into other languages: language -> msgid ->
    #: translation (what translators of the same source wrote, for checks that compare)
    parallel: Mapping[str, Mapping[str, str]] | None = None


@dataclass(frozen=True)
class Finding:
    """A catalog-scope check's result: the unit it is about and what is wrong."""

    unit: Unit
    message: str


UnitCheck = Callable[[Unit, Context], Iterable[str]]
CatalogCheck = Callable[[list[Unit], Context], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    """One registered check.

    ``scope`` says what it looks at: ``unit`` a reviewed translation (translated, not fuzzy),
    ``source`` every entry's msgid whatever its state, ``catalog`` the whole list at once (for
    checks judged over a paragraph, or over the entry's state such as completeness).
    """

    code: str
    severity: Severity
    explanation: str
    scope: Scope
    func: Callable[..., Iterable[object]]
    completeness: bool = False  # governed by --min-translated, not by --strict
    opt_in: bool = False  # off unless the project enables it ([check] enable = ["code"])
    about_source: bool = False  # a problem of the Kyrgyz release, for the editor, not the PO


CHECKS: dict[str, Check] = {}


def check(
    code: str,
    severity: Severity,
    explanation: str,
    *,
    scope: Scope = "unit",
    completeness: bool = False,
    opt_in: bool = False,
    about_source: bool = False,
) -> Callable[[Callable[..., Iterable[object]]], Callable[..., Iterable[object]]]:
    """Register ``func`` as the check ``code``; the one-line explanation is shown in reports."""

    def register(func: Callable[..., Iterable[object]]) -> Callable[..., Iterable[object]]:
        if code in CHECKS:
            raise ValueError(f"check {code!r} registered twice")
        CHECKS[code] = Check(
            code, severity, explanation, scope, func, completeness, opt_in, about_source
        )
        return func

    return register


def iter_checks(disabled: Iterable[str] = (), enabled: Iterable[str] = ()) -> Iterator[Check]:
    """The checks that run: every default one not disabled, and the opt-in ones enabled."""
    off, on = set(disabled), set(enabled)
    for code in sorted(CHECKS):
        check = CHECKS[code]
        if code not in off and (not check.opt_in or code in on):
            yield check
