"""Months and weekdays named as words, in Kyrgyz, Russian and English, with or without a number.

A translation that names a month or a weekday the source does not name has changed a date
(``шаршемби күнү`` → "on Thursday", ``июлда`` → «в июне»). Ambiguous words count on the side
where ambiguity makes the check more tolerant: Kyrgyz ``май`` (oil, or May) and ``жума`` (week,
or Friday) always offer the month or day in the source; English ``May`` (Theresa May, may) and
Russian ``среда`` (an environment) count in the translation only where a date reads them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .memo import NONE, frozen, memo
from .translit import consonants
from .words import has_digit
from .words import words as words_of

#: Kyrgyz weekdays (дүйшөмбү … жекшемби); ``жума`` is Friday or a week
_KY_DAYS = ("дүйшөмбү", "шейшемби", "шаршемби", "бейшемби", "жума", "ишемби", "жекшемби")
#: a word starting with a weekday's stem (its last letter off: шаршембиде, жумада)
_KY_DAY = re.compile(r"(?<![^\W\d_])(" + "|".join(d[:-1] for d in _KY_DAYS) + r")[^\W\d_]*")
_KY_DAY_OF = {day[:-1]: number for number, day in enumerate(_KY_DAYS, start=1)}
_RU_DAYS = re.compile(
    r"(?<!\w)(?:(понедельник)|(вторник)|(сред)|(четверг)|(пятниц)"
    r"|(суббот)|(воскресень))(?:ами|ам|ой|ей|ом|ем|а|ы|е|у|я|ю|и)?(?!\w)",
    re.IGNORECASE,
)
_EN_DAYS = re.compile(
    r"(?<![\w'])(?:(Mondays?)|(Tuesdays?)|(Wednesdays?)|(Thursdays?)|(Fridays?)|(Saturdays?)"
    r"|(Sundays?))(?!\w)"
)
#: the words before «среду», «среды», «среде» that make it Wednesday, not an environment
#: (создать среду обучения, окружающей среды, в среде молодёжи): в среду, до среды, к среде,
#: каждую среду, утром в среду, вечера среды
_RU_WEDNESDAY_BEFORE = {
    "среду": frozenset(("в", "во", "на", "каждую", "эту", "прошлую", "следующую", "ближайшую",
                        "всю", "ту", "одну")),
    "среды": frozenset(("до", "со", "с", "утра", "вечера", "ночи", "дня", "середины", "конца")),
    "среде": frozenset(("к", "ко")),
}  # fmt: skip
_LAST_WORD = re.compile(r"([^\W\d_]+)\s+$")
#: what every weekday's name contains, per language (for Russian, whose pattern ignores case,
#: in the case-folded text): a text without it names no weekday and is not scanned for one
_KY_DAY_PARTS = ("мб", "жум")
_EN_DAY_PART = "day"
_RU_DAY_PARTS = ("понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресень")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.\d{2,4}\b")


def _wednesday(text: str, start: int, word: str) -> bool:
    """Is «среда» in this form Wednesday? Its plural dative (по средам) always is; another
    form when a date reads it: a word before it that takes a day, or a number after it."""
    if word == "средам" or re.match(r",?\s*\d", text[start + len(word) : start + len(word) + 4]):
        return True
    before = _LAST_WORD.search(text[max(0, start - 16) : start])
    return bool(before) and before.group(1).lower() in _RU_WEDNESDAY_BEFORE.get(word, ())


def _ky_days(text: str) -> set[int]:
    low = text.lower()
    out = {7} if "базар күн" in low else set()  # Sunday, "market day"
    if not any(map(low.__contains__, _KY_DAY_PARTS)):
        return out
    for m in _KY_DAY.finditer(low):
        day = _KY_DAY_OF[m.group(1)]
        if len(m.group(0)) <= len(_KY_DAYS[day - 1]) + 6:
            out.add(day)
    return out


@memo()
def weekdays(text: str, lang: str) -> frozenset[int]:
    """Weekdays (1 = Monday) that ``text`` in ``lang`` names."""
    if lang == "ky":
        return frozen(_ky_days(text))
    if lang == "en" and _EN_DAY_PART not in text:
        return NONE
    if lang != "en":
        folded = text.casefold()
        if not any(map(folded.__contains__, _RU_DAY_PARTS)):
            return NONE
    pattern = _EN_DAYS if lang == "en" else _RU_DAYS
    out = set()
    for m in pattern.finditer(text):
        day = next(i for i, g in enumerate(m.groups(), start=1) if g)
        if lang == "en" and re.match(r"\s+[A-Z]", text[m.end() :]):
            continue  # the Sunday Times, "Sunday Morning": a title, not a date
        if lang == "ru" and day == 3 and not _wednesday(text, m.start(), m.group(0).lower()):
            continue  # «среда»: an environment unless a date reads it
        out.add(day)
    return frozen(out)


def may_name_weekday(text: str, lang: str) -> bool:
    """Could ``unnamed_weekdays`` or ``lost_weekdays`` find anything in this translation? Only
    if it names a weekday, or holds an English title that may name one (the Sunday Times)."""
    return bool(weekdays(text, lang)) or _EN_DAY_PART in text


def unnamed_weekdays(
    source: str, translation: str, lang: str, witnesses: tuple[str, ...] = ()
) -> list[int]:
    """Weekdays the translation names and the source does not. A weekday in a title (the
    Sunday Times, Saturday Night Live) counts too unless the source or another translation of
    the unit (``witnesses``) writes that title as well, or the source spells its weekday out
    in Cyrillic (Санди Таймс): a title is kept, not translated."""
    named = set(weekdays(translation, lang))
    titles = _EN_TITLE_DAY.finditer(translation) if _EN_DAY_PART in translation else ()
    for m in titles:
        title, day = m.group(0), m.group(1)
        if title in source or any(title in text for text in witnesses):
            continue
        if not _spelt_out(title, source):
            named.add(_EN_DAY_NAMES.index(day) + 1)
    return sorted(named - weekdays(source, "ky")) if named else []


def _spelt_out(title: str, source: str) -> bool:
    """Does the source spell the two words of ``title`` out in its own script, one after the
    other (Санди Таймс for the Sunday Times)? Both words: one short word's consonants alone
    match too many others."""
    wanted = [consonants(word) for word in title.split()]
    words = [consonants(word) for word in words_of(source)]
    return any(words[i : i + 2] == wanted for i in range(len(words) - 1))


def lost_weekdays(
    source: str, translation: str, lang: str, witnesses: Mapping[str, str] | None = None
) -> list[int]:
    """Weekdays the source names that a translation naming other weekdays leaves out (a day
    changed into another, not a date left out), and that every other translation of the unit
    (``witnesses``: language -> text) names: translators who all move a date by a day across
    time zones (Saturday in Bishkek, Sunday in Sydney) read the source alike. ``жума`` is a
    week as often as Friday: only ``жума күнү`` must be there."""
    named = _days_named(translation, lang)
    if not named:
        return []
    wanted = set(weekdays(source, "ky"))
    if not _KY_FRIDAY.search(source.lower()):
        wanted.discard(5)
    for other, text in (witnesses or {}).items():
        wanted &= _days_named(text, other)
    return sorted(wanted - named)


def _days_named(text: str, lang: str) -> frozenset[int]:
    """Weekdays named as nouns, or by a Russian adjective (за пятничное поражение)."""
    named = weekdays(text, lang)
    if not named or lang != "ru":
        return named
    return named | {
        _RU_DAY_ADJECTIVES.index(m) + 1 for m in _RU_DAY_ADJECTIVE.findall(text.lower())
    }


_EN_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: an English weekday followed by a capitalised word: a title (the Sunday Times), which
#: ``weekdays`` leaves out, with the word that follows it
_EN_TITLE_DAY = re.compile(r"(?<![\w'])(" + "|".join(_EN_DAY_NAMES) + r")\s+[A-Z]\w*")
_RU_DAY_ADJECTIVES = ("понедельничн", "вторничн", "средов", "четвергов", "пятничн", "субботн",
                      "воскресн")  # fmt: skip
_RU_DAY_ADJECTIVE = re.compile(r"(?<![^\W\d_])(" + "|".join(_RU_DAY_ADJECTIVES) + r")")
_KY_FRIDAY = re.compile(r"(?<![^\W\d_])жума\s+күн")


_EN_MAY_DATE = re.compile(
    # the preposition may open a sentence ("In May, the Commission…")
    r"(?:\b(?i:in|of|since|until|till|by|last|next|early|late|mid|from|through|this|on)[\s-]+May\b"
    r"|\bMay\s+\d|\d\s+May\b)"
)


@memo()
def translation_months(text: str, lang: str) -> frozenset[int]:
    """Months a translation names as words; English ``May`` only where a date reads it."""
    from .months import month_words

    out = set()
    for m in month_words(text):
        month = m.month
        if lang == "ru" and m.word[:1].isupper() and month == 3:
            continue  # Марта: a woman's name in Russian as often as March
        if (
            lang == "en"
            and month == 5
            and not _EN_MAY_DATE.search(text[max(0, m.start - 8) : m.end + 4])
        ):
            continue
        if lang == "en" and m.word[:1].islower():
            continue  # march, august: verbs and adjectives in English
        out.add(month)
    return frozen(out)


@memo()
def source_months(text: str) -> frozenset[int]:
    """Months the Kyrgyz source names as words or in a numeric date (03.07.2018); asked once
    per target language."""
    from .months import month_words

    out = {m.month for m in month_words(text)}
    if has_digit(text):  # a numeric date (most sources have no digit to scan for one)
        for _day, month in _NUMERIC_DATE.findall(text):
            if 1 <= int(month) <= 12:
                out.add(int(month))
    return frozen(out)
