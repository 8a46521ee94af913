"""Completeness of one catalog: the numbers behind the gate, the status page and the site.

Fuzzy entries are not translated: gettext ignores them, and pressflow never publishes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .units import units_of


@dataclass(frozen=True)
class CatalogStats:
    release: str
    lang: str
    total: int
    translated: int
    fuzzy: int
    untranslated: int
    percent: float
    path: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "release": self.release,
            "lang": self.lang,
            "total": self.total,
            "translated": self.translated,
            "fuzzy": self.fuzzy,
            "untranslated": self.untranslated,
            "percent": self.percent,
        }


def percent(translated: int, total: int) -> float:
    """Percent translated, rounded to 0.1; an empty catalog is complete (nothing to translate)."""
    if total == 0:
        return 100.0
    value = round(100.0 * translated / total, 1)
    # never show 100.0 for an incomplete catalog, the gate compares against it
    return 99.9 if value == 100.0 and translated < total else value


def catalog_stats(po: Any, *, release: str, lang: str, path: str = "") -> CatalogStats:
    units = units_of(po)
    translated = sum(1 for u in units if u.translated)
    fuzzy = sum(1 for u in units if u.fuzzy)
    total = len(units)
    return CatalogStats(
        release=release,
        lang=lang,
        total=total,
        translated=translated,
        fuzzy=fuzzy,
        untranslated=total - translated - fuzzy,
        percent=percent(translated, total),
        path=path,
    )
