"""Month names in Kyrgyz, Russian and English: which month a word names, and the words of a
text that name one (for the dates check and for dates read as numbers)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .memo import memo

#: a text's month words are asked for by several checks and, for a source unit, once per
#: target language: computed once per text (memoised)
_MEMO = 8192

#: Month stems, January first: Kyrgyz and Russian inflect (июлда, июля). ``май`` is also a
#: Kyrgyz word (oil), which is why a month counts for the dates check only beside a number.
MONTHS: dict[str, tuple[str, ...]] = {
    "ky": ("январ", "феврал", "март", "апрел", "май", "июн", "июл", "август", "сентяб",
           "октяб", "нояб", "декаб"),
    "ru": ("январ", "феврал", "март", "апрел", "ма[йяе]", "июн", "июл", "август", "сентябр",
           "октябр", "ноябр", "декабр"),
}  # fmt: skip
#: English month names and abbreviations, whole words only (``separate`` is not September)
EN_MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            "jan january", "feb february", "mar march", "apr april", "may", "jun june",
            "jul july", "aug august", "sep sept september", "oct october", "nov november",
            "dec december",
        ),
        start=1,
    )
    for name in names.split()
}  # fmt: skip


@memo(65536)
def month_of(word: str) -> int | None:
    """The month (1-12) a word names in Kyrgyz, Russian or English, else None (cached: a pure
    function of one word, asked for every word of every unit in every language)."""
    low = word.lower().rstrip(".")
    if low in EN_MONTHS:
        return EN_MONTHS[low]
    if low[:2] not in MONTH_HEADS:
        return None  # most words: no month stem starts with their first two letters
    for pattern, number, longest in _MONTH_STEMS:
        if pattern.match(low) and len(low) <= longest:
            return number
    return None


#: (compiled stem, month, longest word length), Kyrgyz stems first, as ``MONTHS`` lists them
_MONTH_STEMS = tuple(
    (re.compile(stem), number, len(stem) + 6)
    for stems in MONTHS.values()
    for number, stem in enumerate(stems, start=1)
)
MONTH_HEADS = frozenset(stem[:2] for stems in MONTHS.values() for stem in stems)
#: the words that may name a month (a month head or an English name starts them), so that a
#: text's months are read from a few candidates rather than from every word
_MONTH_STARTS = sorted(MONTH_HEADS | {name[:3] for name in EN_MONTHS})
#: their first letters, in both cases (a letter the regex engine takes for one of them ignoring
#: case, ſ for s, opens no month's name: ``month_of`` reads the word in lower case)
MONTH_INITIALS = "".join(sorted({c for s in _MONTH_STARTS for c in (s[0], s[0].upper())}))
#: a word opening with a month's start, ignoring case, not inside a word; the pattern opens on
#: the class of the first letters, which the regex engine skips to in its own fast scan (a
#: lookbehind first was tried at every character), each start then matching its first letter
#: again behind it
_MAY_BE_MONTH = re.compile(
    f"[{MONTH_INITIALS}]" + r"(?<![^\W\d_].)(?:"
    + "|".join(f"(?<=(?i:{start[0]}))(?i:{start[1:]})" for start in _MONTH_STARTS)
    + r")[^\W\d_]*"
)  # fmt: skip


@dataclass(frozen=True)
class MonthWord:
    """A word of a text that names a month, and where it stands."""

    word: str
    start: int
    end: int
    month: int


@memo(_MEMO)
def month_words(text: str) -> tuple[MonthWord, ...]:
    """The words of ``text`` that name a month, in order (memoised: a source unit's are asked
    for by several checks, once per target language)."""
    return tuple(
        MonthWord(m.group(0), m.start(), m.end(), n)
        for m in _MAY_BE_MONTH.finditer(text)
        if (n := month_of(m.group(0)))
    )
