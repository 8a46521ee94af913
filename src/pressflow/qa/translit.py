"""Kyrgyz (and Russian) Cyrillic to Latin, and a folding that makes spelling variants compare equal.

``transliterate`` gives the usual romanisation of Kyrgyz names in English-language news
(``Өмүрбек АЛМАНБЕТОВ`` → ``Omurbek ALMANBETOV``, ``Бахтияр САЛИЕВ`` → ``Bakhtiyar SALIEV``).
English texts spell the same name in several ways (kh/h, zh/j, ü/u, ö/o, y/i, ya/ia, yu/iu, ts/c,
doubled letters), so names are compared through ``skeleton``, which folds all of them to one form.
"""

from __future__ import annotations

import re
import unicodedata

from .memo import memo

#: letter -> romanisation (lower case); Kyrgyz letters first, then the rest of Russian Cyrillic
TABLE: dict[str, str] = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "ң": "ng",
    "о": "o",
    "ө": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ү": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "і": "i",
    "ә": "a",
    "ғ": "gh",
    "қ": "q",
    "ұ": "u",
    "һ": "h",
}
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
_INITIAL_U = re.compile(r"^u(?=[aeio])")  # Уоррен, Уэст: English W
_VOWEL = re.compile(r"[aeiouh]")
_DOUBLE = re.compile(r"(.)\1+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def transliterate(text: str) -> str:
    """Romanise Kyrgyz Cyrillic text, keeping capitals (``САЛИЕВ`` → ``SALIEV``)."""
    out = []
    for i, char in enumerate(text):
        low = char.lower()
        latin = TABLE.get(low)
        if latin is None:
            out.append(char)
            continue
        if char.isupper():
            nxt = text[i + 1] if i + 1 < len(text) else ""
            whole_caps = nxt.isupper() or (i > 0 and text[i - 1].isupper() and not nxt.isalpha())
            latin = latin.upper() if whole_caps else latin.capitalize()
        out.append(latin)
    return "".join(out)


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@memo(65536)
def skeleton(word: str) -> str:
    """A spelling-neutral form: ``Bakhtiyar``, ``Bahtiiar`` and ``Бахтияр`` all give one string."""
    text = word.lower()
    if _CYRILLIC.search(text):
        text = transliterate(text)
    text = strip_accents(text)
    text = re.sub(r"[^a-z]", "", text)
    text = _INITIAL_U.sub("v", text)
    for old, new in FOLDS:
        text = text.replace(old, new)
    return _DOUBLE.sub(r"\1", text)


@memo(65536)
def consonants(word: str) -> str:
    """The consonant outline of a skeleton: names keep their consonants across spellings
    (``Daley``/``Дейли`` → ``dl``, ``Maurice``/``Морис`` → ``mrc``)."""
    return _DOUBLE.sub(r"\1", _VOWEL.sub("", skeleton(word)))
