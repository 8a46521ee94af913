"""Whether a language version of a release is published: the site threshold and the check.

A version is held back when its catalog is below ``[site] threshold`` (unless the build allows
partial pages) or when ``check`` reports a problem at or above ``[site] block_on`` in it
(the caller leaves completeness findings out: the threshold is their rule). The reason is one
line.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ..config import Config
from ..model import Problem
from .model import ReleaseText

#: ``[site] block_on`` -> the severities that hold a version back.
BLOCKING: dict[str, frozenset[str]] = {
    "error": frozenset({"error"}),
    "warning": frozenset({"error", "warning"}),
    "none": frozenset(),
}


@dataclass(frozen=True)
class Decision:
    lang: str
    publish: bool
    stale: bool = False  # not published now, but a page from an earlier build exists
    reason: str = ""


def reviewed_percent(text: ReleaseText, lang: str) -> float:
    """Percent of distinct units with a reviewed translation (when the caller gave no stats)."""
    ids = {seg.text for seg in text.segments if seg.text.strip()}  # blank units have no entry
    if not ids:
        return 100.0
    table = text.translations.get(lang, {})
    return 100.0 * sum(1 for i in ids if table.get(i)) / len(ids)


def blocking_reason(problems: Sequence[Problem], block_on: str) -> str:
    """One line naming how many problems hold the version back and the first of them."""
    severities = BLOCKING.get(block_on, BLOCKING["error"])
    found = [p for p in problems if p.severity in severities]
    if not found:
        return ""
    errors = sum(1 for p in found if p.severity == "error")
    counted = f"{errors} error(s)" if errors == len(found) else f"{len(found)} problem(s)"
    first = found[0]
    where = f"{first.path}:{first.line}" if first.path and first.line else first.path
    message = " ".join(first.message.split())
    return (
        f"check reports {counted} in its catalog (first: {where}: {first.check}: {message});"
        f" [site] block_on = {block_on!r}"
    )


def decide(
    text: ReleaseText, lang: str, *, config: Config, exists: bool, allow_partial: bool
) -> Decision:
    """Publish ``lang`` of ``text``, or hold it back (``stale`` when an earlier page exists)."""
    if lang == config.source_lang:
        return Decision(lang, publish=True)
    reason = blocking_reason(text.problems.get(lang, ()), config.site.block_on)
    if not reason:
        percent = text.stats.get(lang)
        percent = reviewed_percent(text, lang) if percent is None else float(percent)
        threshold = config.site.threshold
        if percent >= threshold or allow_partial:
            return Decision(lang, publish=True)
        shown = math.floor(percent * 10) / 10  # (rounded down: never shown at the threshold)
        reason = f"{shown:.1f}% translated and reviewed, below the site threshold of {threshold:g}%"
    return Decision(lang, publish=False, stale=exists, reason=reason)
