"""A text's words (runs of letters), read once per text.

Several checks read the words of one unit's texts (untranslated text, Kyrgyz forms, names and
their spellings, odd orthography), and a regular expression's scan of a Cyrillic text costs more
than most of what they do with the words: each text is scanned once (memoised).
"""

from __future__ import annotations

import re

from .memo import memo

_LETTERS = re.compile(r"[^\W\d_]+")


@memo()
def words(text: str) -> tuple[str, ...]:
    """The runs of letters of ``text``, in order (a digit, ``_`` or any other character ends
    one)."""
    return tuple(_LETTERS.findall(text))
