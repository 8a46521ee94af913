"""Realistic, seeded error injection for the QA benchmark: what a careless translator writes.

Each kind is a function of one catalog's rows (line, Kyrgyz, translation), the unit chosen, a
seeded ``random.Random`` and the target language; it returns the changed rows (usually one
translation, two for a swap, the source too for placeholders) or None when the unit offers no
spot for that kind (no number to drop, no month to change). Nothing here looks at pressflow's
findings: the spots are found with plain patterns, so the benchmark does not grade the checks by
their own definitions. The kinds of one unit's translation live in ``qa_inject_figures``
(numbers, dates, amounts) and ``qa_inject_words`` (names, structure, wording); the kinds over
several rows and the registry ``KINDS`` here.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from qa_inject_figures import (
    change_day,
    change_month,
    change_number,
    change_weekday,
    currency,
    drop_number,
    magnitude,
)
from qa_inject_words import (
    double_word,
    drop_bracket,
    drop_quote,
    glossary_term,
    kyrgyz_letter,
    kyrgyz_name,
    leave_kyrgyz,
    misspell_name,
    negation,
    truncate,
    truncate_stop,
)

Row = tuple[int, str, str]
Change = dict[int, tuple[str, str]]  # row index -> (new source, new translation)


# ------------------------------------------------------------------ kinds over rows
def _placeholder(
    rows: list[Row], i: int, rng: random.Random, lang: str, **_: object
) -> Change | None:
    _line, src, tgt = rows[i]
    if len(src.split()) < 3:
        return None
    if rng.random() < 0.5:
        new_src = f"<1>{src}</1>"
        bad = rng.choice([f"<1>{tgt}", f"{tgt}</1>", f"<2>{tgt}</2>", f"{tgt}"])
    else:
        new_src = f"{src} <2/>"
        bad = rng.choice([tgt, f"{tgt} <3/>", f"{tgt} <1/>"])
    return {i: (new_src, bad)}


def _swap(rows: list[Row], i: int, rng: random.Random, lang: str, **_: object) -> Change | None:
    """Two neighbouring units' translations exchanged (pasted into each other's entry)."""
    if i + 1 >= len(rows) or rows[i][2] == rows[i + 1][2]:
        return None
    return {i: (rows[i][1], rows[i + 1][2]), i + 1: (rows[i + 1][1], rows[i][2])}


def _wrong_unit(
    rows: list[Row], i: int, rng: random.Random, lang: str, **_: object
) -> Change | None:
    """The translation of another unit of the release (two or more away) pasted here."""
    others = [j for j in range(len(rows)) if abs(j - i) >= 2 and rows[j][2] != rows[i][2]]
    if not others:
        return None
    j = rng.choice(others)
    return {i: (rows[i][1], rows[j][2])}


def _unit(func: Callable[..., str | None]) -> Callable[..., Change | None]:
    def apply(
        rows: list[Row], i: int, rng: random.Random, lang: str, **extra: object
    ) -> Change | None:
        _, src, tgt = rows[i]
        out = func(src, tgt, rng, lang, **extra)
        return None if out is None or out == tgt else {i: (src, out)}

    apply.__doc__ = func.__doc__
    return apply


KINDS: dict[str, Callable[..., Change | None]] = {
    "number-changed": _unit(change_number),
    "number-dropped": _unit(drop_number),
    "day-changed": _unit(change_day),
    "month-changed": _unit(change_month),
    "weekday-changed": _unit(change_weekday),
    "name-misspelt": _unit(misspell_name),
    "name-kyrgyz": _unit(kyrgyz_name),
    "untranslated": _unit(leave_kyrgyz),
    "kyrgyz-letter": _unit(kyrgyz_letter),
    "truncated": _unit(truncate),
    "truncated-stop": _unit(truncate_stop),
    "glossary-term": _unit(glossary_term),
    "quote-removed": _unit(drop_quote),
    "bracket-removed": _unit(drop_bracket),
    "word-doubled": _unit(double_word),
    "magnitude": _unit(magnitude),
    "percent-currency": _unit(currency),
    "negation": _unit(negation),
    "placeholder": _placeholder,
    "swapped": _swap,
    "wrong-unit": _wrong_unit,
}
