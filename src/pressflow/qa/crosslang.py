"""Findings that every translation shares point at the source, not at the translations.

Translators into Russian and English work independently from the Kyrgyz. When both miss the
same number or date of the source AND both write the same other value instead (the source says
``1982-жылы``, both translations say 1882; ``11-июлда`` in the source, "11 июня" and "June 11" in
the translations), the source is the likelier culprit: a typo the translators silently corrected.
Such a finding is kept, downgraded to a warning and marked as a source problem, so the editor
checks the release and the gate does not fail the translations for being right. A value merely
missing from every translation (machine translation dropping it twice) stays a translation error.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..model import Problem
from .calendar import weekdays
from .months import month_of
from .numbers import numbers, pool

#: checks about facts that a translator renders, not about form (quotes, names, terms may
#: legitimately differ from the source in every language at once for other reasons)
FACT_CHECKS = frozenset({"numbers", "dates"})
#: ``Problem.extra["about"]`` of a finding that concerns the source
ABOUT = "about"
SOURCE = "source"


def is_source_problem(problem: Problem) -> bool:
    """Is this finding about the Kyrgyz source rather than about the translation?"""
    return problem.extra.get(ABOUT) == SOURCE


def _written(text: str) -> set[float]:
    """Values written in digits, and months named: what a translator deliberately puts."""
    values = {v for number in numbers(text) for v in number.values}
    months = (month_of(word) for word in re.findall(r"[^\W\d_]+", text))
    days = {100.0 + d for lang in ("ru", "en") for d in weekdays(text, lang)}
    return values | {float(m) for m in months if m is not None} | days


def _agree_elsewhere(msgid: str, translations: list[str]) -> bool:
    """Do all the translations share a value (number, year, month, weekday) that the source
    lacks? (A weekday the source names too is no such value.)"""
    source = pool(msgid) | {100.0 + d for d in weekdays(msgid, "ky")}
    return bool(set.intersection(*(_written(text) - source for text in translations)))


def attribute_to_source(
    problems: Sequence[Problem],
    langs: Sequence[str],
    translations: Mapping[tuple[str, str, str], str],
) -> list[Problem]:
    """Mark fact findings that every language of ``langs`` (two or more) shares, and where every
    translation writes the same other value, as source problems (one problem out for each in).

    "Shares" means the same check and message on the same unit of the same release in each
    language; ``translations`` maps (release, lang, msgid) to the translation.
    """
    wanted = set(langs)
    if len(wanted) < 2:
        return list(problems)
    seen: dict[tuple[str, str, str, str], set[str]] = defaultdict(set)
    for p in problems:
        if p.check in FACT_CHECKS:
            seen[(p.release, p.msgid, p.check, p.message)].add(p.lang)
    shared = {
        key
        for key, found in seen.items()
        if found >= wanted
        and _agree_elsewhere(
            key[1], [translations.get((key[0], lang, key[1]), "") for lang in wanted]
        )
    }
    out = []
    for p in problems:
        if (p.release, p.msgid, p.check, p.message) in shared:
            others = ", ".join(sorted(wanted))
            p = replace(
                p,
                severity="warning",
                message=f"source problem? every translation ({others}) differs here: {p.message}",
                extra={**p.extra, ABOUT: SOURCE},
            )
        out.append(p)
    return out
