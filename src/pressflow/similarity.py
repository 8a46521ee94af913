"""String similarity for fuzzy matching (msgmerge-style update, translation memory, names).

rapidfuzz lives behind this module only. Scores are 0–100 as rapidfuzz gives them; ``closest``
returns ``(choice, score, index)`` values, best first, at or above ``cutoff``.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA


def ratio(a: str, b: str) -> float:
    """Similarity of two strings, 0–100 (normalised Indel distance, as difflib's ratio)."""
    return fuzz.ratio(a, b)


def edits(a: str, b: str) -> int:
    """Letters to insert, delete, replace or swap with a neighbour to turn ``a`` into ``b``."""
    return OSA.distance(a, b)


def closest(
    query: str,
    choices: Sequence[str],
    *,
    cutoff: float,
    limit: int = 8,
    partial: bool = False,
) -> list[tuple[str, float, int]]:
    """The ``limit`` choices most similar to ``query``; ``partial`` scores the best substring."""
    scorer = fuzz.partial_ratio if partial else fuzz.ratio
    return [
        (choice, score, index)
        for choice, score, index in process.extract(
            query, choices, scorer=scorer, score_cutoff=cutoff, limit=limit
        )
    ]
