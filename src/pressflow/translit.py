"""Kyrgyz (and Russian) Cyrillic to Latin: the romanisation of names in English-language news,
and the Latin slugs of release file names.

One table for both, so ``pressflow new`` names a release the way the names check spells its
people (``Өмүрбек`` → ``Omurbek``, ``Жогорку Кеңеш`` → ``zhogorku-kengesh``). Kept below the
QA, pipeline and CLI layers, which all use it.
"""

from __future__ import annotations

import re
import unicodedata

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


_NOT_SLUG = re.compile(r"[^a-z0-9]+")
SLUG_WORDS_MAX = 50  # characters of title in a slug: a file name people can still read and type


def slugify(text: str, *, limit: int = SLUG_WORDS_MAX) -> str:
    """A release slug from a title: romanised, lower-case ASCII letters and digits joined by
    single hyphens, cut at a word boundary within ``limit`` characters."""
    latin = strip_accents(transliterate(text)).lower()
    slug = _NOT_SLUG.sub("-", latin).strip("-")
    if len(slug) <= limit:
        return slug
    cut = slug[: limit + 1].rsplit("-", 1)[0] if "-" in slug[:limit] else slug[:limit]
    return cut.strip("-")
