"""A text's words (runs of letters), and whether it holds a figure, read once per text.

Several checks read the words of one unit's texts (untranslated text, Kyrgyz forms, names and
their spellings, odd orthography, anchors), and the readings of numbers, dates and currencies
first ask whether a text has a digit at all; a regular expression's scan of a Cyrillic text
costs more than most of what they do with the answer: each text is scanned once (memoised).
"""

from __future__ import annotations

import re

from .memo import memo

_LETTERS = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")


@memo()
def words(text: str) -> tuple[str, ...]:
    """The runs of letters of ``text``, in order (a digit, ``_`` or any other character ends
    one)."""
    return tuple(_LETTERS.findall(text))


@memo()
def has_digit(text: str) -> bool:
    """Does ``text`` hold a decimal digit (``\\d``)? Most texts have none."""
    return bool(_DIGIT.search(text))
