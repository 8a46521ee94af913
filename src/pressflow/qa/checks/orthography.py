"""Orthography: a word spelt as no word of the language is, which gives a misspelling away alone.

A misspelt name written once has no other spelling in the release to be compared with, and its
source and other translation spell it their own way; but a typo often leaves letters that no
word puts together: a letter three times over (Trummmp), in Russian ь after a vowel (Вильгеьлм)
or Latin letters in a Cyrillic word (Welхh), in English a word opening with consonants no English
word opens with (Rssia, Cngress), unless the source's name opens so too (Mkhitaryan, Мхитарян).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..registry import Context, check
from ..translit import transliterate
from ..units import Unit
from ..words import words as words_of

#: letters no Russian word puts together: ь or ъ opening a word, after a vowel or й, or twice
#: (Уэлььса, Вильгеьлм); ь before а, у, ы, э or й, ъ before a letter but е, ё, ю, я (Кьае; a
#: final ъ is the old spelling some names keep: Коммерсантъ); й after a consonant, twice, or
#: before ы, ь, ъ (Хеййген). Kyrgyz names written in Russian keep
#: to these too (Айдай, Кайрат, Бейшеналиев); Kyrgyz words taken in keep their source's letters
#: (айыл: «айылные аймаки»), so a pair the source has is let be.
_NOT_RUSSIAN = re.compile(
    r"(?i)(?<!\w)[ьъ]|[аеёиоуыэюяй][ьъ]|ь[аыуэьъй]|ъ(?=[^\W\d_еёюя])"
    r"|[бвгджзклмнпрстфхцчшщ]й|й[йыьъ]"
)
#: a consonant doubled right after another consonant, in a Russian name (Латинсской,
#: Блеммонггс); across a prefix's edge it is Russian (Контрразведка, Транссиб, Посттравма)
_CLUSTER = re.compile(r"[бвгджзклмнпрстфхцчшщ]([бвгджзклмнпрстфхцчшщ])\1")
_PREFIXES = ("контрр", "трансс", "постт")
_ANY_CLUSTER = re.compile(_CLUSTER.pattern, re.IGNORECASE)
#: a Latin letter beside a Cyrillic one: a word of both scripts
_MIXED = re.compile(r"[A-Za-z][А-Яа-яЁё]|[А-Яа-яЁё][A-Za-z]")
#: a capitalised word opening with three consonants or one twice (what ``_odd_onset`` judges)
_EN_ODD_START = re.compile(
    r"(?<![^\W\d_])(?:[B-DF-HJ-NP-TV-Z][b-df-hj-np-tv-xz]{2}|([B-DF-HJ-NP-TV-Z])(?i:\1))"
)
_LATIN = re.compile(r"[A-Za-z]")
_RUSSIAN = re.compile(r"[А-Яа-яЁё]")
#: a letter three times over in a word not in capitals (Трамммп): capitals shout (НЕЕЕТ), and
#: a word with no vowel is no word (www, ммм)
_TRIPLED = re.compile(r"([^\W\d_])\1\1", re.IGNORECASE)
_VOWEL = re.compile(r"[aeiouyаеёиоуыэюя]", re.IGNORECASE)


#: the consonants an English word may open with, beyond one: a name opening with others (Rssia,
#: Cngress, Ssumi) is misspelt unless its source opens so too (Mkhitaryan); two different
#: letters (Gwen, Rwanda, Gjorge, Nguyen) are let be: many languages' names open so
_EN_ONSETS = frozenset(("ll", "ff", "chl", "chr", "phl", "phr", "sch", "schl", "schm", "schn",
                        "schr", "schw", "scl", "scr", "shr", "sph", "spl", "spr", "squ", "str",
                        "thr", "thw"))  # fmt: skip
_EN_VOWELS = frozenset("aeiouy")


def _onset(word: str) -> str:
    """The consonants a word opens with, lower case (Rssia: rss)."""
    low = word.lower()
    n = 0
    while n < len(low) and low[n] not in _EN_VOWELS:
        n += 1
    return low[:n]


def _odd_onset(word: str, witnesses: frozenset[str]) -> bool:
    """Does an English word open with consonants no English word does (three, or one twice)
    that no name of its source or other translation opens with, romanised? A word with no vowel
    at all is an abbreviation (Mr, Lt)."""
    onset = _onset(word)
    if len(onset) < 2 or onset == word.lower() or onset in _EN_ONSETS:
        return False
    return (len(onset) >= 3 or onset[0] == onset[1]) and onset not in witnesses


def _witness_onsets(unit: Unit, ctx: Context) -> frozenset[str]:
    """The opening consonants of the capitalised words of the source and of the unit's other
    translations, romanised (Мхитарян: mkh)."""
    texts = [unit.msgid, *(t[unit.msgid] for t in (ctx.parallel or {}).values() if unit.msgid in t)]
    return frozenset(
        _onset(transliterate(w)) for text in texts for w in words_of(text) if w[:1].isupper()
    )


def _odd_letters(word: str, source: str) -> bool:
    """Letters no Russian word puts together in ``word`` that its Kyrgyz source does not put
    together either: Russian takes Kyrgyz words in (айыл: «айылные аймаки», «айыл окмоту»),
    and they keep their own letters."""
    found = {m.group().lower() for m in _NOT_RUSSIAN.finditer(word)}
    return bool(found) and not found <= _source_pairs(source)


@lru_cache(maxsize=4096)
def _source_pairs(source: str) -> frozenset[str]:
    return frozenset(m.group().lower() for m in _NOT_RUSSIAN.finditer(source))


#: letters an English name never doubles (Twwitter, Nethherlands, Univversity), and vowels it
#: doubles only where the name's own language does, as Russian and Kyrgyz spell it then too
#: (Aaron and Аарон, Isaac and Исаак, Kiir and Киир)
_EN_DOUBLE = re.compile(r"(ww|hh|vv|jj|qq|xx|kk|yy|aa|ii|uu)")
#: how Russian and Kyrgyz, romanised, write a double an English name has: ii as -йи (Hawaii,
#: Гавайи: gavayi) as well as ii (Fujii, Фудзии)
_ROMANISED_DOUBLE = {"ii": ("ii", "yi")}
#: anything one of the rules looks at, per language, in one pass over a translation: the
#: patterns above, side by side (the Russian letters inline, case-blind)
_SUSPECT_RU = re.compile(
    r"(?i:(?<!\w)[ьъ]|[аеёиоуыэюяй][ьъ]|ь[аыуэьъй]|ъ(?=[^\W\d_еёюя])|[бвгджзклмнпрстфхцчшщ]й|й[йыьъ])"
    r"|[A-Za-z][А-Яа-яЁё]|[А-Яа-яЁё][A-Za-z]"
    r"|(?i:[бвгджзклмнпрстфхцчшщ]([бвгджзклмнпрстфхцчшщ])\1)|(?i:([^\W\d_])\2\2)"
)
_SUSPECT_EN = re.compile(
    r"(?i:ww|hh|vv|jj|qq|xx|kk|yy|aa|ii|uu)|(?i:([^\W\d_])\1\1)"
    r"|(?<![^\W\d_])(?:[B-DF-HJ-NP-TV-Z][b-df-hj-np-tv-xz]{2}|([B-DF-HJ-NP-TV-Z])(?i:\2))"
)


#: the same screen on the text in lower case, where no pattern need ignore case (which slows
#: every position's match) and each opens on a letter the scan skips to; a superset of the
#: screen above (Latin beside Cyrillic, case-sensitive there, is any case here)
_LOWER_SCREEN: dict[str, tuple[re.Pattern[str], ...]] = {
    "ru": (
        re.compile(
            r"[ьъй](?:(?<!\w.)(?<=[ьъ])|(?<=[аеёиоуыэюяй][ьъ])|(?<=ь)[аыуэьъй]"
            r"|(?<=ъ)(?=[^\W\d_еёюя])|(?<=[бвгджзклмнпрстфхцчшщ]й)|(?<=й)[йыьъ])"
        ),
        re.compile(r"[a-z](?:(?<=[а-яё].)|(?=[а-яё]))"),
        re.compile(r"([^\W\d_])\1\1|[бвгджзклмнпрстфхцчшщ]([бвгджзклмнпрстфхцчшщ])\2"),
    ),
    "en": (
        re.compile(r"([hjkqvwxyaiu])\1"),
        re.compile(r"([^\W\d_])\1\1"),
    ),
}
#: what an English name opening oddly looks like, the scan skipping to its capital
_EN_ODD_ONSET = re.compile(r"([B-DF-HJ-NP-TV-Z])(?<![^\W\d_].)(?:[b-df-hj-np-tv-xz]{2}|(?i:\1))")
#: letters a pattern that ignores case takes for others (ſ for s, ᲀ for в), and İ, two letters
#: in lower case: a text with one is screened by the patterns that ignore case
_ODD_CASE = re.compile("[ıſᲀ-ᲈİ]")


def _suspect(text: str, lang: str) -> bool:
    """Does ``text`` have anything one of the rules looks at (``_SUSPECT_RU``, ``_SUSPECT_EN``,
    ``_TRIPLED``)? Read in lower case, as the patterns that ignore case read it."""
    screen = _LOWER_SCREEN.get(lang)
    if screen is None or _ODD_CASE.search(text):
        return bool({"ru": _SUSPECT_RU, "en": _SUSPECT_EN}.get(lang, _TRIPLED).search(text))
    low = text.lower()
    return any(pattern.search(low) for pattern in screen) or bool(
        lang == "en" and _EN_ODD_ONSET.search(text)
    )


def _romanised(unit: Unit, ctx: Context) -> str:
    """The names (capitalised words) of the source and of the unit's other translations,
    romanised, in lower case: what a name's double is looked for in."""
    texts = [unit.msgid, *(t[unit.msgid] for t in (ctx.parallel or {}).values() if unit.msgid in t)]
    names = (w for text in texts for w in words_of(text) if w[:1].isupper())
    return transliterate(" ".join(names)).lower()


def _odd_cluster(word: str) -> bool:
    """A name (capitalised, not in capitals) with a consonant doubled after another?"""
    if not word[:1].isupper() or word.isupper():
        return False
    low = word.lower()
    return bool(_CLUSTER.search(low)) and not low.startswith(_PREFIXES)


@check(
    "orthography",
    "warning",
    "A word spelt as no word is: a letter three times over (Трамммп); in Russian, letters no "
    "Russian word puts together (ь after a vowel, й after a consonant), Latin letters in it, or a "
    "name with a consonant doubled after another (Латинсской); in "
    "English, a name opening with consonants no English word does (Rssia, Cngress) or with a "
    "letter doubled as no English name is (Twwitter, Univversity).",
)
def orthography(unit: Unit, ctx: Context) -> Iterator[str]:
    text = unit.msgstr
    russian, english = ctx.lang == "ru", ctx.lang == "en"
    if not _suspect(text, ctx.lang):
        return  # most translations: nothing any rule looks at
    # each rule over the whole text, then its words
    tripled = bool(_TRIPLED.search(text)) and not _TRIPLED.search(unit.msgid)
    letters = russian and bool(_NOT_RUSSIAN.search(text) or _MIXED.search(text))
    # a source writing such a cluster (a name of its own) allows it
    clusters = (
        russian and bool(_ANY_CLUSTER.search(text)) and not _CLUSTER.search(unit.msgid.lower())
    )
    doubles = english and bool(_EN_DOUBLE.search(text.lower()))
    onsets = english and bool(_EN_ODD_START.search(text))
    if not (tripled or letters or clusters or doubles or onsets):
        return
    witnesses: frozenset[str] | None = None  # read only for a word that opens oddly
    romanised: str | None = None  # read only for a word with an odd double
    for word in words_of(text):
        if tripled and not word.isupper() and _TRIPLED.search(word) and _VOWEL.search(word):
            yield f"a letter three times over: {word}"
            return
        if letters and (
            _odd_letters(word, unit.msgid) or (_LATIN.search(word) and _RUSSIAN.search(word))
        ):
            yield f"letters no Russian word puts together: {word}"
            return
        if clusters and _odd_cluster(word):
            yield f"a consonant doubled after another in a name: {word}"
            return
        double = _EN_DOUBLE.search(word.lower()) if doubles and word[:1].isupper() else None
        if double and not word.isupper():
            romanised = _romanised(unit, ctx) if romanised is None else romanised
            if not any(
                form in romanised
                for form in _ROMANISED_DOUBLE.get(double.group(1), (double.group(1),))
            ):
                yield f"a letter doubled as no English name doubles it: {word}"
                return
        if onsets and word.isascii() and word.istitle() and _odd_onset(word, frozenset()):
            witnesses = _witness_onsets(unit, ctx) if witnesses is None else witnesses
            if _odd_onset(word, witnesses):
                yield f"a name opening as no English word does: {word}"
                return
