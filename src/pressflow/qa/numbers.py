"""Numbers, dates and times as values, so that each language may write them its own way.

``1 000`` / ``1000`` / ``1,000``, ``1,5`` / ``1.5``, ``3-июлда`` / ``3 июля`` / ``July 3``,
``2018-жылдагы`` / ``2018 году``, ``14%га``, ``09:29`` / ``9:29``, ``9 p.m.`` / ``21:00``,
``1,5 млн`` / ``1.5 million`` / ``1 500 000``. The source side says which values must appear;
the translation side offers every reading of each of its tokens (a pool), so ambiguity only ever
makes the check more tolerant, never noisier.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from .clock import clock_values
from .memo import NONE, frozen, memo
from .months import EN_MONTHS, MONTH_HEADS, month_of
from .wordlists import number_word_table
from .words import has_digit

_SPACE = "\u0020\u00a0\u202f\u2009"
# a group of digits with separators; never glued to a preceding letter (G7, COVID-19 keep theirs)
_TOKEN = re.compile(rf"(?<![\w.,])(?:\d{{1,3}}(?:[{_SPACE}]\d{{3}})+(?![\d])|\d+(?:[.,:]\d+)*)")
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
_SCALE_AFTER = re.compile(r"\s*-?([^\W\d_]+)")
_AMPM = re.compile(r"\s*(a\.?m\.?|p\.?m\.?)(?![\w])", re.IGNORECASE)

_WORD = re.compile(r"[^\W\d_]+")
#: a number needs a digit (``has_digit``): most texts have none and are not scanned at all

#: the text-level readings are pure functions of one text, asked for by several checks and,
#: for a source unit, once per target language: computed once per text (memoised)
_MEMO = 8192


@dataclass(frozen=True)
class Number:
    """One number as written: its text, offset, and every value it may stand for."""

    text: str
    start: int
    values: frozenset[float]
    #: with a magnitude word after it (5 млн), only the values it makes (5 000 000): a
    #: translation that writes 5 млрд offers 5 too, and must not pass for it
    scaled: frozenset[float] = frozenset()


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
        return [{float(g)} for g in m.groups() if (g is not None and int(g) != 0) or g == m[1]]
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
    if len(groups) == 2 and not (len(groups[1]) == 3 and groups[1] == "000"):
        values.add(float(f"{groups[0]}.{groups[1]}"))  # 1,5 or 1.5 (350,000 is never 350.0)
    if len(set(seps)) == 2 and len(groups) >= 3:  # 1,234.5 or 1.234,5
        whole = "".join(groups[:-1])
        values.add(float(f"{whole}.{groups[-1]}"))
    if not values:  # 1.2.3: a version or a list: each component stands alone
        return [{float(g)} for g in groups if g]
    return [values]


def numbers(text: str) -> list[Number]:
    """Every number in ``text`` with all the values it may stand for (scale words applied)."""
    return list(_numbers(text))


@memo(_MEMO)
def _numbers(text: str) -> tuple[Number, ...]:
    if not has_digit(text):
        return ()
    found: list[Number] = []
    for m in _TOKEN.finditer(text):
        token = m.group(0)
        scale = 1.0
        after = _SCALE_AFTER.match(text, m.end())
        if after:
            word = after.group(1).lower()  # letters only: no full stop to strip
            for stem, factor in _SCALES.items():
                if word == stem or (len(stem) > 2 and word.startswith(stem)):
                    scale = factor
                    break
        pm = _AMPM.match(text, m.end())
        for reading in _readings(token):
            values = set(reading)
            scaled = frozenset(_key(v * scale) for v in reading) if scale != 1.0 else NONE
            values |= scaled
            if pm and pm.group(1).lower().startswith("p"):
                values |= {v + 12 for v in reading if v < 12}
            found.append(Number(token, m.start(), frozenset(_key(v) for v in values), scaled))
    return tuple(found)


@memo(65536)
def _word_value(word: str) -> float | None:
    """The number a lower-case word names (a whole English word, a Russian stem), or None."""
    words, _ = number_word_table()
    value = words.get(word)
    if value is None:
        for stem, stem_value in _stems_by_head().get(word[:2], ()):
            if word.startswith(stem) and (len(stem) >= 4 or len(word) <= len(stem) + 3):
                return stem_value
    return value


@memo(1)
def _stems_by_head() -> dict[str, tuple[tuple[str, float], ...]]:
    """The number-word stems by their first two letters, longest first within each."""
    heads: dict[str, list[tuple[str, float]]] = {}
    for stem, value in number_word_table()[1]:
        heads.setdefault(stem[:2], []).append((stem, value))
    return {head: tuple(stems) for head, stems in heads.items()}


@memo(1)
def word_heads() -> frozenset[str]:
    """The first two letters of every number word and stem and of every month's name and stem
    (``_word_value`` and ``month_of`` give None for a word opening otherwise)."""
    words, stems = number_word_table()
    return frozenset([*(w[:2] for w in words), *(s[:2] for s, _ in stems), *MONTH_HEADS,
                      *(n[:2] for n in EN_MONTHS)])  # fmt: skip


def number_words(text: str) -> set[float]:
    """Values written as words (see ``_number_words``)."""
    return set(_number_words(text))


@memo(_MEMO)
def _number_words(text: str) -> frozenset[float]:
    """Values written as words (``three``, ``трёх``, ``forty-eight``, ``two hundred``).

    Translations spell numbers out; compounds are summed (forty-eight, сорока восьми) and
    multiplied (two hundred, три тысячи) as well as taken one by one.
    """
    values: set[float] = set()
    total: float | None = None  # the number the words so far spell together
    heads = word_heads()
    for word in _WORD.findall(text.lower()):
        if word[:2] not in heads:
            total = None  # most words: neither a number nor a month, nothing to look up
            continue
        value = _word_value(word)
        month = month_of(word)
        if month is not None:
            values.add(_key(month))
        if value is None:
            total = None
            continue
        values.add(_key(value))
        if total is not None:
            # two hundred, три тысячи; двух десятков, пару десятков, two dozen: multiplied
            counted = word.startswith("десятк") or word.startswith("dozen")
            if (value in (100, 1000, 1e6, 1e9) or counted) and 1 <= total < 1000:
                value = total * value
            else:
                value = _summed(total, value) or value
            values.add(_key(value))
        total = value
    return frozen(values)


def _summed(total: float, value: float) -> float | None:
    """``total + value`` when ``value`` fills places ``total`` leaves empty (forty-eight, сто
    пять, две тысячи двадцать четыре), else None: «двадцать десять», a year read aloud, and
    «два-три», a range, are no sums."""
    if total < 20 or value < 1 or value != int(value):
        return None
    place = next((p for p in (1000, 100, 10) if total % p == 0), 0)
    return total + value if value < place else None


#: a height in feet and inches as English sports news writes it (``6-foot-6``, ``6 ft 6 in``),
#: which a Kyrgyz text renders as ``6,6 фут``
_FEET_INCHES = re.compile(r"(\d+)[\s-]*(?:-foot|foot|feet|ft\.?|')[\s-]*(\d{1,2})(?!\d)")


def pool(text: str) -> set[float]:
    """Every value a translation offers, in any reading, including years shortened (90-е)."""
    return set(_pool(text))


@memo(_MEMO)
def _pool(text: str) -> frozenset[float]:
    offered = set(number_words(text))
    offered |= {_key(v) for v in clock_values(text, number_words)}
    if has_digit(text):
        for feet, inches in _FEET_INCHES.findall(text):
            offered.add(_key(float(f"{feet}.{inches}")))
    for number in numbers(text):
        for value in number.values:
            offered.add(value)
            if value.is_integer() and 1900 <= value < 2100:
                offered.add(_key(value % 100))
            if value.is_integer() and value in (12.0, 24.0):
                offered.add(0.0)
    return frozen(offered)


#: units of measure a translator may convert (10 дюйм → 25 см, 130 миль → 209 км), by kind:
#: a number with a unit needs no match when the translation expresses it in another unit
UNITS: dict[str, str] = {
    "inch": r"дюйм|дюм|inch",
    "mile": r"миль|миля|mile|mph",
    "foot": r"фут|foot|feet|ft\b",
    "pound": r"фунт(?!\w*\s+стерлинг)|pound(?!s?\s+sterling)|lbs?\b",
    "yard": r"ярд|yard",
    "ounce": r"унци|ounce",
    "gallon": r"галлон|gallon",
    "degree": r"градус|°|degree",
    "cm": r"см\b|сантиметр|cm\b|centimet",
    "km": r"км\b|километр|km\b|kilomet",
    "m": r"м\b|метр|meter|metre",
    "kg": r"кг\b|килограмм|kg\b|kilogram",
}
_UNIT = "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in UNITS.items())
# a unit right after the number (10 дюймга, 27см), or after a range (2ден 4 дюймга, 2-4 миль)
_MEASURE = re.compile(
    r"(?:-?[^\W\d_]{0,3}\s*(?:-|–|—)?\s*\d+(?:[.,]\d+)?)?\s*-?\s*(?<![^\W\d_])(?:" + _UNIT + ")",
    re.IGNORECASE,
)
#: the unit named anywhere: a translation that keeps the source's unit (2-4 дюйм → "2 to 4
#: inches") has not converted the figure, and owes it
_UNIT_WORD = {
    kind: re.compile(r"(?<![^\W\d_])(?:" + pattern + ")", re.IGNORECASE)
    for kind, pattern in UNITS.items()
}


def _converted(source: str, end: int, translation: str) -> bool:
    """A number with a unit the translation does not name at all: converted, not lost.
    Degrees are always convertible (Fahrenheit and Celsius share the word)."""
    match = _MEASURE.match(source, end)
    if match is None:
        return False
    kind = match.lastgroup or ""
    start = source.rfind("(", 0, end)
    in_brackets = start >= 0 and not re.search(r"[^\d\s.,]", source[start + 1 : end - 1])
    # "10 дюйм (27 см)": the bracketed equivalent may be left out or recomputed
    return kind == "degree" or in_brackets or not _UNIT_WORD[kind].search(translation)


#: per unit of a translation's number, how a value in the source's unit becomes it
#: (miles → km, feet → m, inches → cm, pounds → kg, and back; Fahrenheit → Celsius and back)
_INTO: dict[str, tuple[Callable[[float], float], ...]] = {
    "km": (lambda v: v * 1.609344,),
    "mile": (lambda v: v / 1.609344,),
    "m": (lambda v: v * 0.3048, lambda v: v * 0.9144),
    "foot": (lambda v: v / 0.3048,),
    "yard": (lambda v: v / 0.9144,),
    "cm": (lambda v: v * 2.54,),
    "inch": (lambda v: v / 2.54,),
    "kg": (lambda v: v * 0.453592,),
    "pound": (lambda v: v / 0.453592,),
    "degree": (lambda v: (v - 32) * 5 / 9, lambda v: v * 9 / 5 + 32),
}


def _measures(translation: str) -> list[tuple[float, str]]:
    """(value, unit kind) of each number of the translation written with a unit."""
    out = []
    for number in numbers(translation):
        match = _MEASURE.match(translation, number.start + len(number.text))
        if match is not None and match.lastgroup in _INTO:
            out.extend((v, match.lastgroup) for v in number.values)
    return out


def _converted_value(values: frozenset[float], measures: list[tuple[float, str]]) -> bool:
    """Does the translation give one of ``values`` converted into the unit it writes, rounded as
    a translator rounds (``80ге чейин`` → "до 27 градусов": 80 °F is 26.7 °C)?"""
    return any(
        abs(into(v) - t) <= max(0.5, 0.01 * abs(into(v)))
        for v in values
        for t, kind in measures
        for into in _INTO[kind]
    )


_AFTERNOON = re.compile(r"(?:түшкү|түштөн кийин\w*|кечки|кечинде|кечкы)\s*(?:саат\s*)?$")


def missing_numbers(source: str, translation: str) -> list[str]:
    """Numbers of the source that the translation lacks in every reading.

    A number with a unit of measure may be converted by the translator (inches to centimetres),
    so it only needs some number in the translation.
    """
    # an HTML entity (&#39;) is a character, not a number
    source, translation = html.unescape(source), html.unescape(translation)
    wanted = numbers(source)
    if not wanted:
        return []  # most units: nothing to look for, the translation need not be read
    offered = pool(translation)
    offered |= {float(d) for d in re.findall(r"\d+", translation)}
    any_number = bool(re.search(r"\d", translation)) or bool(number_words(translation))
    measures = _measures(translation)
    missing = []
    seen: set[str] = set()
    for number in wanted:
        if (number.scaled or number.values) & offered:
            continue
        if any(
            v.is_integer() and 1900 <= v < 2100 and v % 10 == 0 and v % 100 in offered
            for v in number.values
        ):
            continue  # a decade: 1990-жылдары is «90-е годы», "the '90s"
        end = number.start + len(number.text)
        if re.match(r"[A-Za-z]{2,}", source[end : end + 2]):
            continue  # part of a Latin name (247sports, 3M): not a figure of the Kyrgyz text
        # a measure right after the number or after a range (2ден 4 дюймга) may be converted
        if any_number and _converted(source, end, translation):
            continue
        if measures and _converted_value(number.values, measures):
            continue
        # 3 in the afternoon (түшкү 3тө) is 15:00 in a translation
        if _AFTERNOON.search(source[max(0, number.start - 24) : number.start]) and any(
            _key(v + 12) in offered for v in number.values if v < 12
        ):
            continue
        if number.text not in seen:
            seen.add(number.text)
            missing.append(number.text)
    return missing
