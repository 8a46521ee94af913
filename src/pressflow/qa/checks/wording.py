"""Wording slips a translator's eye skips: a word typed twice (``в в``, "the the")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..registry import Context, check
from ..units import Unit

_DOUBLED = re.compile(r"(?<![\w-])([^\W\d_]+)\s+\1(?![\w-])", re.IGNORECASE)
#: doubles that grammar allows: "had had", "that that", Russian «так-так» written apart,
#: reduplication for emphasis (очень-очень, very very), interjections
LEGITIMATE_DOUBLES = frozenset(
    [
        "had",
        "that",
        "is",
        "very",
        "no",
        "yes",
        "ha",
        "bye",
        "far",
        "many",
        "more",
        "so",
        "again",
        "out",
        "round",
        "over",
        "on",
        "так",
        "да",
        "нет",
        "очень",
        "ещё",
        "еще",
        "чуть",
        "вот",
        "ну",
        "ха",
        "ой",
        "ай",
        "то",
    ]
)


def doubled_words(text: str) -> list[str]:
    """Words written twice in a row, legitimate doubles and an all-capitals pair left out."""
    return [
        m.group(1)
        for m in _DOUBLED.finditer(text)
        if m.group(1).lower() not in LEGITIMATE_DOUBLES and m.group(0) == m.group(0)
    ]


@check("doubled-word", "error", "A word is written twice in a row (в в, the the).")
def doubled_word(unit: Unit, ctx: Context) -> Iterator[str]:
    found = [
        w
        for w in doubled_words(unit.msgstr)
        if w.lower() not in map(str.lower, doubled_words(unit.msgid))
    ]
    if found:
        yield f"word written twice: {' '.join(found[:3])}"
