"""Numbers, dates and times as values, so that each language may write them its own way.

``1 000`` / ``1000`` / ``1,000``, ``1,5`` / ``1.5``, ``3-июлда`` / ``3 июля`` / ``July 3``,
``2018-жылдагы`` / ``2018 году``, ``14%га``, ``09:29`` / ``9:29``, ``9 p.m.`` / ``21:00``,
``1,5 млн`` / ``1.5 million`` / ``1 500 000``. The source side says which values must appear;
the translation side offers every reading of each of its tokens (a pool), so ambiguity only ever
makes the check more tolerant, never noisier.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_SPACE = "\u0020\u00a0\u202f\u2009"
# a group of digits with separators; never glued to a preceding letter (G7, COVID-19 keep theirs)
_TOKEN = re.compile(
    rf"(?<![\w.,])(?:\d{{1,3}}(?:[{_SPACE}]\d{{3}})+(?![\d])|\d+(?:[.,:]\d+)*)"
)
_DATE = re.compile(r"^(\d{1,2})[.](\d{1,2})[.](\d{2,4})$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")
_SCALES = {
    "тыс": 1e3,
    "тысяч": 1e3,
    "миң": 1e3,
    "thousand": 1e3,
    "k": 1e3,
    "млн": 1e6,
    "миллион": 1e6,
    "million": 1e6,
    "m": 1e6,
    "mln": 1e6,
    "млрд": 1e9,
    "миллиард": 1e9,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "трлн": 1e12,
    "триллион": 1e12,
    "trillion": 1e12,
}
_SCALE_AFTER = re.compile(r"\s*([^\W\d_]+)")
_AMPM = re.compile(r"\s*(a\.?m\.?|p\.?m\.?)(?![\w])", re.IGNORECASE)

_EN_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "million": 1e6, "billion": 1e9, "first": 1, "second": 2, "third": 3, "fourth": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "twice": 2, "once": 1, "dozen": 12, "dozens": 12, "half": 50, "a": 1, "an": 1,
    "single": 1, "both": 2, "double": 2, "triple": 3, "quarter": 25, "noon": 12,
    "midnight": 0, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "hundredth": 100, "eleventh": 11, "twelfth": 12,
}
# Russian number words by stem: inflected forms (трёх, пятью, первого) share the stem
_RU_STEMS = (
    ("ноль", 0), ("нул", 0), ("один", 1), ("одна", 1), ("одно", 1), ("одни", 1), ("одн", 1),
    ("перв", 1), ("два", 2), ("две", 2), ("двух", 2), ("двум", 2), ("двое", 2), ("втор", 2),
    ("оба", 2), ("обе", 2), ("три", 3), ("трех", 3), ("трёх", 3), ("трем", 3), ("трое", 3),
    ("трет", 3), ("четыр", 4), ("четвер", 4), ("пят", 5), ("шест", 6), ("сем", 7),
    ("седьм", 7), ("восем", 8), ("восьм", 8), ("девят", 9), ("десят", 10), ("одиннадцат", 11),
    ("двенадцат", 12), ("тринадцат", 13), ("четырнадцат", 14), ("пятнадцат", 15),
    ("шестнадцат", 16), ("семнадцат", 17), ("восемнадцат", 18), ("девятнадцат", 19),
    ("двадцат", 20), ("тридцат", 30), ("сорок", 40), ("пятьдесят", 50), ("шестьдесят", 60),
    ("семьдесят", 70), ("восемьдесят", 80), ("девяност", 90), ("сто", 100), ("сотн", 100),
    ("тысяч", 1000), ("миллион", 1e6), ("миллиард", 1e9), ("дюжин", 12), ("полови", 50),
    ("пол", 50), ("полтора", 1.5), ("полтор", 1.5), ("двукрат", 2), ("трехкрат", 3),
    ("дважды", 2), ("трижды", 3), ("однажды", 1), ("единствен", 1), ("четверт", 25),
    ("двое", 2), ("полдень", 12), ("полноч", 0),
)
_WORD = re.compile(r"[^\W\d_]+")

#: Month stems per language, January first: Kyrgyz and Russian inflect (июлда, июля), English
#: abbreviates (Jul.). ``май``/``мая`` is also a Kyrgyz word (oil), so it counts only beside a number.
MONTHS: dict[str, tuple[str, ...]] = {
    "ky": ("январ", "феврал", "март", "апрел", "май", "июн", "июл", "август", "сентябр",
           "октябр", "ноябр", "декабр"),
    "ru": ("январ", "феврал", "март", "апрел", "ма[йяе]", "июн", "июл", "август", "сентябр",
           "октябр", "ноябр", "декабр"),
    "en": ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
}


def month_of(word: str) -> int | None:
    """The month (1-12) a word names in any of the three languages, else None."""
    low = word.lower()
    for stems in MONTHS.values():
        for number, stem in enumerate(stems, start=1):
            if re.match(stem, low) and (len(low) <= 10 or number in (9, 10, 11, 12)):
                if stem in ("mar", "may", "jun", "jul", "jan", "dec") and low not in _EN_MONTHS:
                    continue
                return number
    return None


_EN_MONTHS = {
    "jan", "jan.", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun",
    "june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
    "november", "dec", "december",
}


@dataclass(frozen=True)
class Number:
    """One number as written: its text, offset, and every value it may stand for."""

    text: str
    start: int
    values: frozenset[float]


def _key(value: float) -> float:
    return round(float(value), 6)


def _readings(token: str) -> list[set[float]]:
    """The values a token stands for; a date or a time yields one set per component."""
    compact = re.sub(f"[{_SPACE}]", "", token)
    if compact != token:  # 1 000 000: grouped thousands
        return [{float(compact)}]
    if m := _DATE.match(token):
        return [{float(g)} for g in m.groups()]
    if m := _TIME.match(token):  # 09:29; zero minutes (21:00 = 9 p.m.) need not be written
        return [{float(g)} for g in m.groups() if g is not None and int(g) != 0 or g == m[1]]
    if ":" in token:
        return [{float(p)} for p in token.split(":") if p]
    parts = re.split(r"([.,])", token)
    if len(parts) == 1:
        return [{float(token)}]
    seps = parts[1::2]
    groups = parts[0::2]
    values: set[float] = set()
    if len(set(seps)) == 1 and all(len(g) == 3 for g in groups[1:]):
        values.add(float("".join(groups)))  # 1,000,000 or 1.000
    if len(groups) == 2:
        values.add(float(f"{groups[0]}.{groups[1]}"))  # 1,5 or 1.5
    if len(set(seps)) == 2 and len(groups) >= 3:  # 1,234.5 or 1.234,5
        decimal = seps[-1]
        whole = "".join(groups[:-1])
        values.add(float(f"{whole}.{groups[-1]}"))
        del decimal
    if not values:  # 1.2.3: a version or a list: each component stands alone
        return [{float(g)} for g in groups if g]
    return [values]


def numbers(text: str) -> list[Number]:
    """Every number in ``text`` with all the values it may stand for (scale words applied)."""
    found: list[Number] = []
    for m in _TOKEN.finditer(text):
        token = m.group(0)
        scale = 1.0
        after = _SCALE_AFTER.match(text, m.end())
        if after:
            word = after.group(1).lower().rstrip(".")
            for stem, factor in _SCALES.items():
                if word == stem or (len(stem) > 2 and word.startswith(stem)):
                    scale = factor
                    break
        pm = _AMPM.match(text, m.end())
        for reading in _readings(token):
            values = set(reading)
            if scale != 1.0:
                values |= {v * scale for v in reading}
            if pm and pm.group(1).lower().startswith("p"):
                values |= {v + 12 for v in reading if v < 12}
            found.append(Number(token, m.start(), frozenset(_key(v) for v in values)))
    return found


def number_words(text: str) -> set[float]:
    """Values written as words (``three``, ``трёх``, ``first``): translations spell numbers out."""
    values: set[float] = set()
    for word in _WORD.findall(text.lower()):
        if word in _EN_WORDS:
            values.add(_key(_EN_WORDS[word]))
            continue
        month = month_of(word)
        if month is not None:
            values.add(_key(month))
        for stem, value in _RU_STEMS:
            if word.startswith(stem) and (len(stem) >= 4 or len(word) <= len(stem) + 3):
                values.add(_key(value))
    return values


def pool(text: str) -> set[float]:
    """Every value a translation offers, in any reading, including years shortened (90-е)."""
    offered = set(number_words(text))
    for number in numbers(text):
        for value in number.values:
            offered.add(value)
            if value.is_integer() and 1900 <= value < 2100:
                offered.add(_key(value % 100))
            if value.is_integer() and value in (12.0, 24.0):
                offered.add(0.0)
    return offered


def missing_numbers(source: str, translation: str) -> list[str]:
    """Numbers of the source that the translation lacks in every reading."""
    offered = pool(translation)
    missing = []
    seen: set[str] = set()
    for number in numbers(source):
        if number.values & offered:
            continue
        if number.text not in seen:
            seen.add(number.text)
            missing.append(number.text)
    return missing


def values_of(texts: Iterable[str]) -> set[float]:
    out: set[float] = set()
    for text in texts:
        out |= pool(text)
    return out
