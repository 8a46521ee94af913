"""Reassemble paragraphs from sentence units, for checks judged over a whole paragraph.

A quotation often opens in one sentence and closes three sentences later, so quote balance is
only meaningful per paragraph. The release (when given) says which units form which block; without
it, units sharing a ``#:`` reference (same file and line) are one block, as pressflow extracts them.
"""

from __future__ import annotations

import re

from ..model import Release
from .units import Unit

_WS = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _by_release(units: list[Unit], release: Release) -> list[list[Unit]]:
    by_text: dict[str, Unit] = {}
    for unit in units:
        by_text.setdefault(_norm(unit.msgid), unit)
    groups: list[list[Unit]] = []
    placed: set[int] = set()
    for block in release.blocks:
        text = _norm(block.text)
        found: list[tuple[int, Unit]] = []
        for key, unit in by_text.items():
            at = text.find(key)
            if at >= 0 and key:
                found.append((at, unit))
        if found:
            found.sort(key=lambda pair: (pair[0], pair[1].index))
            groups.append([u for _, u in found])
            placed.update(u.index for _, u in found)
    groups.extend([u] for u in units if u.index not in placed)
    return groups


def _by_reference(units: list[Unit]) -> list[list[Unit]]:
    groups: dict[tuple[str, str], list[Unit]] = {}
    alone: list[list[Unit]] = []
    for unit in units:
        if not unit.references:
            alone.append([unit])
        for ref in unit.references:
            groups.setdefault(ref, []).append(unit)
    return [*groups.values(), *alone]


def paragraphs(units: list[Unit], release: Release | None = None) -> list[list[Unit]]:
    """Groups of units in reading order, one per source paragraph (a unit may be in several)."""
    if release is not None and release.blocks:
        return _by_release(units, release)
    return _by_reference(units)
