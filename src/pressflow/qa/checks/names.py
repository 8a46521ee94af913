"""Names: a person's or a place's name in the source must appear in the translation.

A name is a run of capitalised words in the Kyrgyz source (``Бахтияр САЛИЕВ``, ``Дональд Трамп``,
``Boston Globe-дун``), the first word of a sentence excluded unless the run goes on. It is found in
the translation when any one of its words is there in some spelling: Kyrgyz and Russian case
endings are ignored, and both sides are compared through a transliteration skeleton, so ``Өмүрбек``
matches ``Омурбек`` and ``Omurbek``, ``Бахтияр`` matches ``Bakhtiyar`` and ``Bahtiyar``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from rapidfuzz.fuzz import ratio

from ..registry import Context, check
from ..translit import consonants, skeleton
from ..units import Unit

_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|[.!?…:;]|[«»“”„\"]|\S")
_VOWELS = set("аеёиоөуүыэюяaeiouy")
_SENTENCE_END = set(".!?…:;")
_RESTART = set("«»“”„\"—–-([")
_KYRGYZ_LETTERS = re.compile(r"[өүңӨҮҢ]")
MIN_SCORE = 80.0
#: a single capitalised word is too often a pronoun or a paraphrase in a good translation
#: ("Роза" → "ураган"); a full name (Бахтияр САЛИЕВ, Элизабет Уоррен) almost never is
MIN_WORDS = 2
#: Kyrgyz common words that are capitalised inside official names (Башкы Ассамблея, Ак үй,
#: Улуттук Лига) and translated, not transliterated: they need not appear in the translation.
COMMON_STEMS = tuple(
    """айым мырза мистер миссис башкы ак кара кызыл көк жашыл сары алтын федерал улут түштүк
    түндүк чыгыш батыш борбор аскер тышкы ички жогорку төмөнкү эмгек тынч бириккен дүйнө
    биринчи экинчи үчүнчү жарык эл өкүл жалпы курултай кеңеш коопсуз жакынкы сот мамлекет
    жаран республика өкмөт союз элчи министр агенттик комитет кызмат департамент университет
    академия партия лига кубок ассамбле парламент конгресс сенат палата банк фонд уюм бирикме
    кеңсе мэрия шаар облус район аймак жергиликтүү президент премьер сенатор губернатор мэр
    генерал королева король принц ханзада улуу кичи жаңы эски ыйык океан деңиз көл тоо дарыя
    арал жума ишемби жекшемби дүйшөмбү шейшемби шаршемби бейшемби форум конференция акт мыйзам
    конституция жыйнак сыйлык кылмыш жашыруун базар балык биржа интернет рождество мода
    жылдын жыл апта ай күн эгер бул ошол ушул анча бирок ал алар биз мен сен сиз ооба жок
    макул калган кетүү баштапкы жалган жаман көз иш министрлик мекеме институт борбору
    мектеп бөлүм башкарма прокурор прокуратура полиция армия флот аба станция стадион
    клуб команда сыйлык чемпионат олимпиада кубогу оюн фестиваль кинофестиваль майрам
    премия орден медаль ассоциация кампания компания корпорация кошмо der the""".split()
)
#: names that English and Russian do not spell like Kyrgyz (exonyms), as Latin skeleton targets
EXONYMS: dict[str, tuple[str, ...]] = {
    "кытай": ("china", "chinese", "kitai"),
    "орусия": ("russia", "rossia", "russian"),
    "орус": ("russia", "russian", "rossia", "russk"),
    "германия": ("germany", "german", "germania", "nemec"),
    "немец": ("german", "nemec"),
    "греция": ("greece", "greek", "grecia"),
    "англия": ("england", "english", "anglia"),
    "пекин": ("beijing", "pekin"),
    "түркия": ("turkey", "turkish", "turcia"),
    "жапония": ("japan", "japanese", "iaponia"),
    "испания": ("spain", "spanish", "ispania"),
    "швейцария": ("switzerland", "swiss", "shveicaria"),
    "швеция": ("sweden", "swedish", "shvecia"),
    "нидерланд": ("netherlands", "dutch", "niderland"),
    "голландия": ("holland", "dutch", "netherlands", "gollandia"),
    "венгрия": ("hungary", "hungarian", "vengria"),
    "польша": ("poland", "polish", "polsha"),
    "чехия": ("czech", "chehia"),
    "грузия": ("georgia", "georgian", "grusia"),
    "египет": ("egypt", "egipet"),
    "мексика": ("mexico", "mexican", "mecsica"),
    "британия": ("britain", "british", "uk", "u.k", "britania"),
    "шотландия": ("scotland", "scottish", "shotlandia"),
    "уэльс": ("wales", "welsh", "uels"),
    "ирландия": ("ireland", "irish", "irlandia"),
    "европа": ("europe", "european", "evropa"),
    "москва": ("moscow", "moskva"),
    "вена": ("vienna", "vena"),
    "рим": ("rome", "roman", "rim"),
    "афина": ("athens", "afin"),
    "варшава": ("warsaw", "varshav"),
    "прага": ("prague", "prag"),
    "киев": ("kyiv", "kiev"),
    "мюнхен": ("munich", "miunhen"),
    "кельн": ("cologne", "keln"),
    "көлн": ("cologne", "keln"),
    "сауд": ("saudi", "saud"),
    "сирия": ("syria", "siria"),
    "кувейт": ("kuwait", "cuveit"),
    "корея": ("korea", "corea"),
    "индия": ("india", "indian"),
    "инжил": ("bible", "bibli"),
    "штат": ("state", "shtat"),
    "твиттер": ("twitter", "tviter"),
    "фейсбук": ("facebook", "feisbuc"),
}


@dataclass(frozen=True)
class Name:
    words: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.words)


def _is_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _is_title(word: str) -> bool:
    """Title case: a capital then small letters (``Трамп``), not an acronym (``АКШнын``)."""
    parts = [p for p in re.split(r"[-'’]", word) if p]
    return bool(parts) and len(parts[0]) >= 3 and parts[0][0].isupper() and parts[0][1:].islower()


def _surname(word: str) -> bool:
    """An all-capitals word that is a surname (``САЛИЕВ``), not an acronym (``ЖӨБ``, ``КР``)."""
    return len(word) >= 4 and sum(c.lower() in _VOWELS for c in word) >= 2


def _common(word: str) -> bool:
    low = word.lower()
    return low.startswith(COMMON_STEMS)


def names(text: str) -> list[Name]:
    """Runs of capitalised words that are names, sentence-initial and common words left out."""
    found: list[Name] = []
    run: list[tuple[str, bool]] = []  # (word, sentence-initial)
    initial = True

    def close() -> None:
        person = any(_is_caps(w) for w, _ in run) and any(_is_title(w) for w, _ in run)
        words = []
        for word, first in run:
            if _is_caps(word) and not person:
                continue
            if not person and (first or _common(word) or _KYRGYZ_LETTERS.search(word)):
                continue
            words.append(word)
        if words:
            found.append(Name(tuple(words)))

    for token in _TOKEN.findall(text):
        if token[0].isalpha():
            head = re.split(r"[-'’]", token)[0]
            caps = _is_caps(head) and _surname(head) and head == token
            if _is_title(token) or caps:
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
    return found


def _stems(word: str, *, floor: int = 4) -> list[str]:
    """The skeleton of a word and of the word without up to five letters of ending."""
    sk = skeleton(word)
    floor = min(len(sk), floor)
    return [sk[:n] for n in range(len(sk), max(floor, len(sk) - 5) - 1, -1)]


@dataclass(frozen=True)
class Target:
    """A word of the translation as names are compared: skeleton, consonants, capitalised."""

    skeleton: str
    consonants: str
    capital: bool


def targets_of(translation: str) -> list[Target]:
    out = []
    for word in re.findall(r"[^\W\d_]+", translation):
        sk = skeleton(word)
        if sk:
            out.append(Target(sk, consonants(word), word[:1].isupper()))
    return out


def word_in(word: str, targets: list[Target], *, score: float = MIN_SCORE) -> bool:
    """Is ``word`` (any script, inflected) among the translation's words in some spelling?"""
    low = word.lower()
    for stem, names_ in EXONYMS.items():
        if low.startswith(stem):
            wanted = [skeleton(n) for n in names_]
            if any(t.skeleton.startswith(w) for w in wanted for t in targets):
                return True
    for stem in _stems(word):
        if len(stem) < 3:
            continue
        # a short stem must match almost exactly and only a capitalised word (САЛИЕВ ≠ said)
        need = score if len(stem) >= 6 else 90.0
        for target in targets:
            if len(stem) < 6 and not target.capital:
                continue
            other = target.skeleton
            if len(stem) >= 5 and stem in other:
                return True
            for cut in (len(stem) - 1, len(stem), len(stem) + 1, len(stem) + 2):
                if cut >= 3 and ratio(stem, other[:cut]) >= need:
                    return True
    # consonant outline, for names English spells unlike Kyrgyz (Daley / Дейли, Dwyer / Дуайер)
    outlines = {consonants(stem) for stem in _stems(word, floor=3)}
    for target in targets:
        if not target.capital or len(target.consonants) < 2:
            continue
        if target.consonants in outlines:
            return True
    return False


def missing_names(source: str, translation: str) -> list[Name]:
    targets = targets_of(translation)
    return [
        n
        for n in names(source)
        if len(n.words) >= MIN_WORDS and not any(word_in(w, targets) for w in n.words)
    ]


@check(
    "names",
    "error",
    "A name (capitalised in the source) is missing from the translation in every spelling.",
)
def names_check(unit: Unit, ctx: Context) -> Iterator[str]:
    for name in missing_names(unit.msgid, unit.msgstr):
        yield f"name not found in the translation: {name.text}"
