"""Kyrgyz (and Russian) Cyrillic to Latin, and a folding that makes spelling variants compare equal.

``transliterate`` gives the usual romanisation of Kyrgyz names in English-language news
(``Өмүрбек АЛМАНБЕТОВ`` → ``Omurbek ALMANBETOV``, ``Бахтияр САЛИЕВ`` → ``Bakhtiyar SALIEV``).
English texts spell the same name in several ways (kh/h, zh/j, ü/u, ö/o, y/i, ya/ia, yu/iu, ts/c,
doubled letters), so names are compared through ``skeleton``, which folds all of them to one form.
"""

from __future__ import annotations

import re

from ..translit import TABLE, strip_accents, transliterate
from .memo import memo

__all__ = ["TABLE", "consonants", "outline", "skeleton", "strip_accents", "transliterate"]

#: spelling variants folded together, applied in order to a lower-case Latin string
FOLDS: tuple[tuple[str, str], ...] = (
    ("x", "ks"),
    ("shch", "x"),
    ("sch", "x"),
    ("sh", "x"),
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("ts", "c"),
    ("tz", "c"),
    ("ck", "k"),
    ("ph", "f"),
    ("th", "t"),
    ("gh", "g"),
    ("ch", "c"),
    ("q", "k"),
    ("w", "v"),
    ("ye", "e"),
    ("ya", "ia"),
    ("yu", "iu"),
    ("yo", "io"),
    ("y", "i"),
    ("ge", "je"),
    ("gi", "ji"),
    ("oe", "o"),
    ("ue", "u"),
    ("ee", "i"),
    ("ou", "u"),
    ("k", "c"),
    ("z", "c"),
    ("s", "c"),
)
_VOWEL = re.compile(r"[aeiouh]")
_DOUBLE = re.compile(r"(.)\1+")
_NOT_LATIN = re.compile(r"[^a-z]")
_ROMAN = str.maketrans(TABLE)


@memo(65536)
def skeleton(word: str) -> str:
    """A spelling-neutral form: ``Bakhtiyar``, ``Bahtiiar`` and ``Бахтияр`` all give one string."""
    text = word.lower().translate(_ROMAN)  # transliterate(), for a text with no capital left
    if not text.isascii():
        text = strip_accents(text)
    if not (text.isascii() and text.isalpha() and text.islower()):
        text = _NOT_LATIN.sub("", text)
    if text[:1] == "u" and text[1:2] in ("a", "e", "i", "o"):
        text = "v" + text[1:]  # Уоррен, Уэст: English W
    for old, new in FOLDS:
        text = text.replace(old, new)
    return _single(text)


def _single(text: str) -> str:
    """Runs of one letter written once (``Warren`` → ``waren``)."""
    return _DOUBLE.sub(_first, text) if _DOUBLE.search(text) else text


def _first(match: re.Match[str]) -> str:
    return match.group(1)


@memo(65536)
def consonants(word: str) -> str:
    """The consonant outline of a word's skeleton: names keep their consonants across spellings
    (``Daley``/``Дейли`` → ``dl``, ``Maurice``/``Морис`` → ``mrc``)."""
    return outline(skeleton(word))


@memo(65536)
def outline(skeleton: str) -> str:
    """The consonant outline of a skeleton (``skeleton`` gives it)."""
    return _single(_VOWEL.sub("", skeleton))
