"""Month names in Kyrgyz, Russian and English: which month a word names, and the words of a
text that name one (for the dates check and for dates read as numbers)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .memo import memo
from .words import words

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
    for by several checks, once per target language). Read off the text's words, which other
    checks read too: most texts name no month, and are not searched for where their words are.
    """
    if not any(map(month_of, words(text))):
        return ()
    found = []
    end = 0
    for word in words(text):
        start = text.find(word, end)  # no letter between two words: this is the word
        end = start + len(word)
        if month := month_of(word):
            found.append(MonthWord(word, start, end, month))
    return tuple(found)
