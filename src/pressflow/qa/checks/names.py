"""Names: a person's or a place's name in the source must appear in the translation.

A name is a run of capitalised words in the Kyrgyz source (``Бахтияр САЛИЕВ``, ``Дональд Трамп``,
``Boston Globe-дун``), the first word of a sentence excluded unless the run goes on. It is found in
the translation when any one of its words is there in some spelling: Kyrgyz and Russian case
endings are ignored, and both sides are compared through a transliteration skeleton, so ``Өмүрбек``
matches ``Омурбек`` and ``Omurbek``, ``Бахтияр`` matches ``Bakhtiyar`` and ``Bahtiyar``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ...similarity import ratio
from ..memo import memo
from ..morphology import CASE_ENDINGS
from ..registry import Context, Finding, check
from ..translit import consonants, outline, skeleton, transliterate
from ..units import Unit
from ..wordlists import common_words, exonyms, roles
from ..words import words

_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|[.!?…:;]|[«»“”„\"]|\S")
_VOWELS = set("аеёиоөуүыэюяaeiouy")
_SENTENCE_END = set(".!?…:;")
_RESTART = set('«»“”„"—–-([')
_KYRGYZ_LETTERS = re.compile(r"[өүңӨҮҢ]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z'’-]+")
_PARTS = re.compile(r"[-'’]")
MIN_SCORE = 80.0
#: a stem under six letters is too easily like another word: it must match almost exactly
SHORT_SCORE = 90.0
#: a single capitalised word is too often a pronoun or a paraphrase in a good translation
#: ("Роза" → "ураган"); a full name (Бахтияр САЛИЕВ, Элизабет Уоррен) almost never is
MIN_WORDS = 2
#: also require a one-word name that the same release introduced as a full name? Measured on
#: the development corpus it catches a third of dropped one-word names but adds 1.5 false
#: alarms per 100 units (translators write "she" for Уоррен), so it is off by default
REPEATED = False


@dataclass(frozen=True)
class Name:
    words: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.words)


def _is_title(word: str) -> bool:
    """Title case: a capital then small letters (``Трамп``), not an acronym (``АКШнын``)."""
    parts = [p for p in _PARTS.split(word) if p]
    return bool(parts) and len(parts[0]) >= 3 and parts[0][0].isupper() and parts[0][1:].islower()


def _surname(word: str) -> bool:
    """An all-capitals word that is a surname (``САЛИЕВ``), not an acronym (``ЖӨБ``, ``КР``)."""
    return len(word) >= 4 and sum(c.lower() in _VOWELS for c in word) >= 2


# Kyrgyz adjectives and ordinals (Улуттук, Федералдык, Дүйнөлүк, Биринчи), capitalised inside
# names of institutions and events but translated: recognised by their derivational endings
_DERIVED = re.compile(
    r"(?:[дтл][ыиуү]к|[дтл][ыиуү]г[ыиуү]\w*|[ыи]нчы|[иү]нчи|[уү]нчу|[уү]нчү|чыл|чил)"
    r"(?:[тдн]?[ыиуү]н|[гк][аеоө]|[дт][аеоө]\w?)?$"
)


def _common(word: str) -> bool:
    """A Kyrgyz common word: a long stem starts it, a short one (эл, ак) is the whole word
    or takes a case ending (``элдин``), so that ``Элизабет`` or ``Акаев`` stay names."""
    low = word.lower()
    if len(low) >= 7 and _DERIVED.search(low):
        return True
    for stem in _common_by_head().get(low[:2], ()):
        if low.startswith(stem):
            rest = low[len(stem) :]
            if len(stem) > 3 or not rest or rest in CASE_ENDINGS:
                return True
    return False


@memo(1)
def _common_by_head() -> dict[str, tuple[str, ...]]:
    """The common-word stems by their first two letters (a word is tried against a few)."""
    heads: dict[str, list[str]] = {}
    for stem in common_words():
        heads.setdefault(stem[:2], []).append(stem)
    return {head: tuple(stems) for head, stems in heads.items()}


def names(text: str) -> list[Name]:
    """Runs of capitalised words that are names, sentence-initial and common words left out."""
    return list(_names(text))


@memo()
def _names(text: str) -> tuple[Name, ...]:
    """``names``, memoised: a source unit's names are asked for once per target language."""
    found: list[Name] = []
    run: list[tuple[str, bool]] = []  # (word, sentence-initial)
    initial = True

    def close() -> None:
        person = any(w.isupper() for w, _ in run) and any(_is_title(w) for w, _ in run)
        words = []
        for i, (word, first) in enumerate(run):
            if word.isupper():
                if person:
                    words.append(word)  # a surname in capitals: Бахтияр САЛИЕВ
                continue
            given = person and i + 1 < len(run) and run[i + 1][0].isupper()
            if given or not (first or _common(word) or _KYRGYZ_LETTERS.search(word)):
                words.append(word)
        if words:
            found.append(Name(tuple(words)))

    for token in _TOKEN.findall(text):
        if token[0].isalpha():
            # a lower-case word (most of them) is neither title case nor capitals
            head = token if token[0].islower() else _PARTS.split(token)[0]
            caps = not token[0].islower() and head.isupper() and _surname(head) and head == token
            if caps or (not token[0].islower() and _is_title(token)):
                run.append((token, initial))
            else:
                if run:
                    close()
                run = []
            initial = False
            continue
        if run:
            close()
        run = []
        if token in _SENTENCE_END or token in _RESTART:
            initial = True
        elif not token.isdigit():
            initial = False
    if run:
        close()
    return tuple(found)


def _stems(word: str, *, floor: int = 4) -> list[str]:
    """The skeleton of a word and of the word without up to five letters of ending."""
    sk = skeleton(word)
    floor = min(len(sk), floor)
    return [sk[:n] for n in range(len(sk), max(floor, len(sk) - 5) - 1, -1)]


@dataclass(frozen=True)
class Targets:
    """A translation's distinct words as names are compared: each one's skeleton and whether it
    is capitalised, in two tuples (plain strings and flags: not an object per word, which the
    garbage collector would walk as long as the memo keeps them)."""

    skeletons: tuple[str, ...]
    capitals: tuple[bool, ...]


def targets_of(translation: str) -> Targets:
    return _targets(translation)


@memo()
def _targets(translation: str) -> Targets:
    """The translation's distinct words as targets (a repeated word is compared once)."""
    kinds = {
        (sk, word[:1].isupper()): None for word in words(translation) if (sk := skeleton(word))
    }
    return Targets(tuple(sk for sk, _ in kinds), tuple(capital for _, capital in kinds))


@dataclass(frozen=True)
class _Reading:
    """What ``word_in`` compares of a source word, read once per word (a source unit's names
    are looked for in every target language's translation)."""

    exonyms: tuple[str, ...]  # skeletons of the spellings English and Russian use instead
    stems: tuple[str, ...]  # the stems compared, three letters or more
    outlines: frozenset[str]


@memo()
def _reading(word: str) -> _Reading:
    low = word.lower()
    wanted = [
        skeleton(n) for stem, names_ in exonyms().items() if low.startswith(stem) for n in names_
    ]
    # a short name loses its last vowel to a Russian case ending (Пеппа, Пеппу): stem of three
    # (a skeleton under three letters, Ли, is too short to compare: only its outline counts)
    stems = _stems(word, floor=3 if len(skeleton(word)) <= 5 else 4)
    return _Reading(
        tuple(wanted),
        tuple(s for s in stems if len(s) >= 3),
        frozenset(consonants(stem) for stem in _stems(word, floor=3)),
    )


def word_in(word: str, targets: Targets, *, score: float = MIN_SCORE) -> bool:
    """Is ``word`` (any script, inflected) among the translation's words in some spelling?"""
    reading = _reading(word)
    skeletons, capitals = targets.skeletons, targets.capitals
    if any(other.startswith(w) for w in reading.exonyms for other in skeletons):
        return True
    for stem in reading.stems:
        size = len(stem)
        # a short stem must match almost exactly and only a capitalised word (САЛИЕВ ≠ said)
        short = size < 6
        need = SHORT_SCORE if short else score
        cuts = [cut for cut in (size - 1, size, size + 1, size + 2) if cut >= 3]
        for other, capital in zip(skeletons, capitals, strict=True):
            if short and not capital:
                # a lower-case word (лорда-протектора, немецкие) counts on an exact stem only
                if size >= 4 and other.startswith(stem):
                    return True
                continue
            if size >= 5 and stem in other:
                return True
            for cut in cuts:
                if ratio(stem, other[:cut]) >= need:
                    return True
                if cut >= len(other):
                    break  # a longer cut is the same whole word again
    # consonant outline, for names English spells unlike Kyrgyz (Daley / Дейли, Dwyer / Дуайер)
    return any(
        capital and len(found := outline(other)) >= 2 and found in reading.outlines
        for other, capital in zip(skeletons, capitals, strict=True)
    )


def _initials(name: Name, translation: str) -> bool:
    """A long name may be written by its initials (Андрес Мануэл Лопез Обрадор: AMLO, АМЛО)."""
    if len(name.words) < 3:
        return False
    cyrillic = "".join(w[0] for w in name.words).upper()
    latin = "".join(transliterate(w)[0] for w in name.words).upper()
    tokens = set(re.findall(r"[^\W\d_]+", translation))
    return cyrillic in tokens or latin in tokens


def _by_role(name: Name, source: str, translation: str) -> bool:
    """In a headline, a name right after its holder's office (``Мексиканын Президенти Андрес
    Мануэл Лопез Обрадор``) may be rendered by the office alone ("Президент Мексики"): accepted
    when the translation names that office. Only in headlines: in running text the same
    leniency would hide a dropped name far more often than it spares a good translation."""
    # the words before the name; an office (one or two words) must end them
    before = " ".join(re.findall(r"[^\W\d_]+", source[: source.find(name.words[0])])).lower()
    for stem, renderings in roles().items():
        if re.search(rf"(?<!\w){re.escape(stem)}\w*$", before):
            return any(
                re.search(rf"(?<!\w){re.escape(r)}", translation, re.IGNORECASE) for r in renderings
            )
    return False


def missing_names(
    source: str,
    translation: str,
    *,
    known: frozenset[str] = frozenset(),
    headline: bool = False,
) -> list[Name]:
    """Names of the source not found in the translation: full names (two words or more), and
    one-word names that the release introduced in full elsewhere (``known`` stems)."""
    cyrillic = bool(_CYRILLIC.search(translation))
    missing = []
    targets: Targets | None = None  # the translation's words, read only when needed
    for name in names(source):
        if cyrillic and all(_LATIN.fullmatch(w) for w in name.words):
            continue  # kept in the original in Kyrgyz, Russian has its own name (Nord Stream)
        full = len(name.words) >= MIN_WORDS
        if not full and not any(_stems(w)[-1] in known for w in name.words):
            continue
        if targets is None:
            targets = targets_of(translation)
        if any(word_in(w, targets) for w in name.words) or _initials(name, translation):
            continue
        if headline and _by_role(name, source, translation):
            continue
        missing.append(name)
    return missing


def known_names(texts: Iterable[str]) -> frozenset[str]:
    """Stems of the words of every full name in ``texts``: a person introduced as Элизабет
    Уоррен is Уоррен later on, and a later mention without the name is then a problem."""
    stems: set[str] = set()
    for text in texts:
        for name in names(text):
            if len(name.words) >= MIN_WORDS:
                stems.update(_stems(w)[-1] for w in name.words)
    return frozenset(stems)


@check(
    "names",
    "error",
    "A name (capitalised in the source) is missing from the translation in every spelling.",
    scope="catalog",
)
def names_check(units: list[Unit], ctx: Context) -> Iterator[Finding]:
    known = known_names(u.msgid for u in units) if REPEATED else frozenset()
    for unit in units:
        if not unit.translated:
            continue
        headline = bool(re.search(r"\b(title|heading)\b", unit.extracted))
        for name in missing_names(unit.msgid, unit.msgstr, known=known, headline=headline):
            yield Finding(unit, f"name not found in the translation: {name.text}")
