"""The CI gate: completeness thresholds plus check severities decide pass or fail.

Completeness problems (untranslated, fuzzy, unreviewed MT) are governed by ``--min-translated``
and the per-language thresholds, not by ``--strict``: otherwise ``en = 90`` could never pass in
strict mode. Every other warning fails under ``--strict``; every error always fails.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..model import Problem
from .findings import Findings, count
from .registry import CHECKS
from .stats import CatalogStats

GATE_CODE = "min-translated"


@dataclass(frozen=True)
class CheckResult:
    passed: bool
    catalogs: list[CatalogStats] = field(default_factory=list)
    problems: Sequence[Problem] = field(default_factory=list)  # a list, or stored Findings
    gate_failures: list[Problem] = field(default_factory=list)
    strict: bool = False

    def severity_count(self, severity: str) -> int:
        """``len(self.errors)`` for "error": counted without reading stored findings."""
        return sum(
            n
            for part in (self.gate_failures, self.problems)
            for (_, _, _, found), n in count(part).items()
            if found == severity
        )

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.all_problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.all_problems if p.severity == "warning"]

    @property
    def all_problems(self) -> list[Problem]:
        return [*self.gate_failures, *self.problems]


def is_completeness(code: str) -> bool:
    check = CHECKS.get(code)
    return bool(check and check.completeness)


def gate_failures(
    catalogs: Sequence[CatalogStats],
    *,
    overall: float | None = None,
    per_lang: Mapping[str, float] | None = None,
) -> list[Problem]:
    """A problem per catalog below its threshold (``overall`` wins over the per-language one)."""
    failures = []
    for stats in catalogs:
        threshold = overall if overall is not None else (per_lang or {}).get(stats.lang)
        if threshold is None or stats.total == 0:
            continue
        # exact comparison: 99.96% rounds to 100.0 but is not complete
        if stats.translated * 100.0 < threshold * stats.total:
            failures.append(
                Problem(
                    check=GATE_CODE,
                    severity="error",
                    message=(
                        f"{_below(stats):g}% translated, below the required {threshold:g}% "
                        f"({stats.translated}/{stats.total}, {stats.fuzzy} fuzzy)"
                    ),
                    release=stats.release,
                    lang=stats.lang,
                    path=stats.path,
                    line=1,
                )
            )
    return failures


def _below(stats: CatalogStats) -> float:
    """The share translated rounded down to 0.1 (rounded, 96.296 would read 96.3, the very
    threshold it is below)."""
    return math.floor(stats.translated * 1000 / stats.total) / 10


def decide(
    catalogs: list[CatalogStats],
    problems: Sequence[Problem],
    *,
    overall: float | None = None,
    per_lang: Mapping[str, float] | None = None,
    strict: bool = False,
) -> CheckResult:
    """Combine statistics, problems and thresholds into the gate's verdict (``problems`` that
    are ``Findings`` stay unread: their counts decide)."""
    failures = gate_failures(catalogs, overall=overall, per_lang=per_lang)
    kinds = count(problems)
    failing = any(severity == "error" for _, _, _, severity in kinds) or bool(failures)
    if strict:
        failing = failing or any(
            severity == "warning" and not is_completeness(code) for _, _, code, severity in kinds
        )
    kept = problems if isinstance(problems, Findings) else list(problems)
    return CheckResult(not failing, list(catalogs), kept, failures, strict)
