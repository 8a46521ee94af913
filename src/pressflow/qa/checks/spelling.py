"""Name spelling: one person or place spelt two ways in one language, or unlike its witnesses.

A misspelt name (``Уоррен`` once ``Уорен``, Trump once Trunp) is still found by the names check,
which tolerates transliteration; what gives it away is the release itself, which spells the name
right elsewhere. Names are compared by stem (Russian case endings, the English possessive cut
off); two stems one or two letters apart, neither a prefix of the other, are one name spelt two
ways, and the rarer spelling is reported (both, when neither is rarer).

A name the release writes once has no other spelling to be compared with; in Russian it still
has two witnesses, the Kyrgyz source and the release's English translation (``doubled``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping

from ...similarity import edits, ratio
from ..memo import memo
from ..morphology import CASE_ENDINGS
from ..registry import Context, Finding, check
from ..translit import consonants, skeleton, transliterate
from ..units import Unit
from ..words import words as words_of

#: a capitalised word (its capital first: the engine skips to one in its own fast scan)
_NAME = re.compile(r"[A-ZА-ЯЁ](?<!\w.)[a-zа-яё]{3,}(?:'s|’s)?(?!\w)")
_RU_ENDINGS = ("ами", "ями", "ого", "его", "ому", "ему", "ую", "юю", "ая", "яя", "ое", "ее",
               "ые", "ие", "ых", "их", "ый", "ий", "ой", "ей", "ом", "ем", "ым", "им", "ах",
               "ях", "ов", "ев", "а", "я", "у", "ю", "е", "ы", "и")  # fmt: skip


#: the endings by length, longest first: a word has one ending of each length to look up
_ENDINGS_BY_LENGTH = tuple(
    (n, frozenset(e for e in _RU_ENDINGS if len(e) == n))
    for n in sorted({len(e) for e in _RU_ENDINGS}, reverse=True)
)


def stem(word: str) -> str:
    """The word without a Russian case ending or an English possessive, lower case."""
    low = word.lower()
    if low.endswith(("'s", "’s")):
        low = low[:-2]
    for n, endings in _ENDINGS_BY_LENGTH:
        if len(low) - n >= 4 and low[-n:] in endings:
            return low[:-n]
    return low


_OPENERS = frozenset('«“"„(—–-')
_STOPS = frozenset(".!?…:")


def after_stop(text: str, start: int) -> bool:
    """Whether ``text[:start]`` ends in a stop and a space, or in a quote or dash opening,
    read backwards from ``start`` so that a long text costs linear time, not quadratic."""
    i = start
    while i and text[i - 1].isspace():
        i -= 1
    if not i:
        return True  # nothing but white space before it: the text's first word
    if i == start and i >= 2 and text[i - 1] == "-" and text[i - 2].isalpha():
        return False  # the second half of a hyphenated name (Де-Мойнз, Милтон-Кейнс)
    return text[i - 1] in _OPENERS or (text[i - 1] in _STOPS and i < start)


def name_stems(text: str) -> list[tuple[str, str]]:
    """(word, stem) of the capitalised words of ``text`` that are not sentence-initial, each
    half of a hyphenated name on its own (Милтон-Кейнс)."""
    return [
        (m.group(0), stem(m.group(0)))
        for m in _NAME.finditer(text)
        if not after_stop(text, m.start())
    ]


_LONGEST_ENDING = max(map(len, CASE_ENDINGS))


def source_stem(word: str) -> str:
    """A Kyrgyz word without its case ending (``Уорренге`` -> ``уоррен``), lower case."""
    low = word.lower()
    for n in range(min(_LONGEST_ENDING, len(low) - 3), 0, -1):
        if low[-n:] in CASE_ENDINGS:
            return low[:-n]
    return low


@memo()
def _origins(word: str, source: str) -> frozenset[str]:
    """Stems of the source's capitalised words that ``word`` most likely renders: of those whose
    skeletons are alike (a misspelling may change the third letter as well as the last), the
    closest. Two names the source itself spells apart (Дэдди and Дидди, Puff Daddy and Diddy)
    each render their own."""
    mine = skeleton(word)[:6]
    scored = [(ratio(head, mine), stem) for stem, head in _capitalised(source)]
    best = max((score for score, _ in scored), default=0.0)
    return frozenset(stem for score, stem in scored if score >= 60.0 and score == best)


@memo()
def _capitalised(source: str) -> tuple[tuple[str, str], ...]:
    """(stem, skeleton head) of each capitalised word of a source, read once per source."""
    return tuple((source_stem(w), skeleton(w)[:6]) for w in words_of(source) if w[:1].isupper())


#: a Russian adjective's stem made from a name (шотландск-ий, немецк-ий, Кыргызстанск-ий)
_ADJECTIVE = ("ск", "цк")


#: a stem this long may be two letters off; an English name (no case ending to blur it) from
#: four letters on, its spellings told apart by the source word each renders (Trump, Trummmp)
LONG_STEM = 6
LONG_LATIN_STEM = 4


def _alike(a: str, b: str) -> bool:
    """Could two stems be one name spelt two ways? Neither is a prefix of the other (Кремл,
    Кремль) unless by its last letter typed twice (Хиллсборо, Хиллсбороо), both have four
    letters or more, and they are one letter apart (two from six on);
    two four-letter stems apart in the last letter only are one name in two case forms the
    stemmer left whole (Юань, Юаня; Сара, Сары), not a misspelling (Ванн, Вамн)."""
    shorter = min(len(a), len(b))
    if shorter < 4:
        return False
    if a.startswith(b) or b.startswith(a):
        longer = max(a, b, key=len)
        return len(longer) == shorter + 1 and longer[-1] == longer[-2]  # Хиллсбороо
    if a.endswith(_ADJECTIVE) != b.endswith(_ADJECTIVE):
        return False  # a place and its adjective (Шотландии, Шотландский), not a misspelling
    if shorter < 5 and a[:-1] == b[:-1]:
        return False
    long = LONG_LATIN_STEM if a.isascii() and b.isascii() else LONG_STEM
    return edits(a, b) <= (1 if shorter < long else 2)


def odd_spellings(
    done: list[Unit], per_unit: list[list[tuple[str, str]]], stems: Counter[str]
) -> dict[str, str]:
    """``_variants`` of the names (``per_unit``: ``name_stems`` of each translation of ``done``)."""
    where: dict[str, list[tuple[str, str]]] = defaultdict(list)  # stem -> (word, source)
    for unit, found in zip(done, per_unit, strict=True):
        for word, s in found:
            where[s].append((word, unit.msgid))
    return _variants(stems, _Origins(where))


class _Origins(dict[str, frozenset[str]]):
    """Stem -> the source stems its words render (``_origins`` of each of its words), read only
    for the few stems a spelling variant is alike to: most names have none."""

    def __init__(self, where: dict[str, list[tuple[str, str]]]) -> None:
        super().__init__()
        self.where = where

    def __missing__(self, found: str) -> frozenset[str]:
        self[found] = frozenset().union(*(_origins(w, src) for w, src in self.where[found]))
        return self[found]


def _variants(stems: Counter[str], origins: Mapping[str, frozenset[str]]) -> dict[str, str]:
    """Rarer stem -> the commoner spelling it departs from by one or two letters, when the
    source spells both alike (Кавардарков and Кавадарков in the source are the source's own).
    Stems are compared within their first letter, Дж- with Д- and with Ж- as well (Джонни,
    Жонни as Kyrgyz writes it: English J is Дж in Russian, Ж in Kyrgyz)."""
    out: dict[str, str] = {}
    groups: dict[str, list[str]] = defaultdict(list)
    for found in sorted(stems):
        for initial in _initials(found):
            groups[initial].append(found)
    for group in groups.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if not (_alike(a, b) and origins[a] & origins[b]):
                    continue
                if stems[a] <= stems[b]:
                    out[a] = b
                if stems[b] <= stems[a]:
                    out[b] = a
    return out


def _initials(found: str) -> tuple[str, ...]:
    """The letters a stem is grouped by: its first, and Ж for Дж-."""
    return (found[0], "ж") if found.startswith("дж") else (found[0],)


#: the shortest name (in skeleton letters) judged against its witnesses (Рорри beside Rory)
_WITNESSED_LETTERS = 3
_FOLD = str.maketrans("өүңё", "оуне")
_DOUBLE = re.compile(r"(\w)\1")


def doubled(word: str, source: str, other: str) -> str:
    """A letter of a Russian name doubled (Невааде, Флорииде) where the Kyrgyz source writes it
    once and the English translation does not double it: the source's word, or "". The English
    name is the one spelt alike or with the same consonants (Britain for Британнии, Furyk for
    Фьюррика). A double the English has (Теннесси beside Теннеси: Tennessee) is the
    translator's choice; one on another letter (Giselle beside Жизеель) is not.
    A letter changed or dropped is not judged so: one letter away from both witnesses is as
    often a transliteration (Цинхай beside Киңгай and Qinghai, Гуйчжоу beside Гуйжоу and
    Guizhou) as a typo: judged so, it raised one false alarm per two misspellings caught."""
    low = stem(word)
    doubles = [m.start() for m in _DOUBLE.finditer(low, 1)]
    if not doubles or len(skeleton(low)) < _WITNESSED_LETTERS:
        return ""
    raw = _raw_words(source)
    if any(_shared(low, r) >= len(low) - 1 for r, _ in raw):
        return ""  # the source's own spelling, give or take the last letter
    main, outline = skeleton(low), consonants(low)
    english = [
        w.lower()
        for w in words_of(other)
        if _prefixed(skeleton(stem(w)), main) or (len(outline) >= 3 and consonants(w) == outline)
    ]
    if not english:
        return ""
    for i in doubles:
        twice = transliterate(low[i]) * 2
        if not twice or any(twice in w for w in english):
            continue  # the English doubles it too: the translator's choice
        single = low[:i] + low[i + 1 :]
        found = sorted(w for r, w in raw if _shared(single, r) >= max(len(single) - 1, i + 1))
        if found:
            return found[0]
    return ""


def _prefixed(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


@memo()
def _raw_words(source: str) -> tuple[tuple[str, str], ...]:
    """A source's capitalised words, in lower case with Kyrgyz letters read as Russian ones
    (compared) and as written (reported)."""
    return tuple((w.lower().translate(_FOLD), w) for w in words_of(source) if w[:1].isupper())


def _shared(a: str, b: str) -> int:
    """The length of the prefix two words share."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


#: the endings a Russian noun in -ия takes after its -и- (Турция, Турции, Турцию, Турцией)
_IA_ENDINGS = frozenset(("я", "и", "ю", "ей", "ею", "ям", "ями", "ях"))
#: what a misspelling leaves in their place: the -и- bare (Турци) or with a vowel no -ия noun
#: takes (Турцие, Македониа); -ий-, -ец- and the like make other words (Колумбийский)
_IA_BROKEN = ("", "е", "а", "у", "ы", "о")


def broken_ia(word: str, forms: frozenset[str]) -> str:
    """The -ия name (``forms``: the release's words, lower case) that ``word`` declines with
    an ending no Russian noun in -ия takes (Турци, Турцие beside Турции): that name, or ""."""
    low = word.lower()
    for ending in _IA_BROKEN:
        base = low[: len(low) - len(ending)] if ending else low
        if (
            low.endswith(ending)
            and base.endswith("и")
            and len(base) >= 5
            and any(base + e in forms for e in _IA_ENDINGS)
        ):
            return base + "я"
    return ""


@check(
    "name-spelling",
    "warning",
    "A name is spelt two ways in the release's translations into one language (Уоррен, Уорен), "
    "or, in Russian, with a letter doubled that its source and English translation write once, "
    "or a name in -ия declined as no Russian noun is (Турци, Турцие beside Турции).",
    scope="catalog",
)
def name_spelling(units: list[Unit], ctx: Context) -> Iterator[Finding]:
    done = [u for u in units if u.translated]
    per_unit = [name_stems(u.msgstr) for u in done]
    stems = Counter(s for found in per_unit for _, s in found)
    odd = odd_spellings(done, per_unit, stems)
    once = Counter(s for found in per_unit for s in {s for _, s in found})
    russian = ctx.lang == "ru"
    others = list((ctx.parallel or {}).values()) if russian else []
    forms = frozenset(w.lower() for found in per_unit for w, _ in found) if russian else None
    for unit, found in zip(done, per_unit, strict=True):
        witness = next((texts[unit.msgid] for texts in others if unit.msgid in texts), "")
        for word, s in found:
            if s in odd:
                yield Finding(unit, f"name spelt two ways in this release: {word} ({odd[s]}…)")
                break
            if forms and (name := broken_ia(word, forms)):
                yield Finding(unit, f"a name declined as no Russian noun is: {word} ({name})")
                break
            if witness and once[s] == 1 and (near := doubled(word, unit.msgid, witness)):
                yield Finding(unit, f"a letter doubled in a name: {word} (source: {near})")
                break
