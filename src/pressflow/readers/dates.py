"""Release dates and datelines as newsrooms write them.

``03.07.2018 09:29``, ``12.03.21``, ``2018-07-03``, ``3-июль 2018-ж.``, ``2018-жылдын 3-июлу``,
``3 июля 2018 г.``, ``July 3, 2018``, with a city (``Ош, 12-март 2021``) or a weekday
(``Бейшемби, 12-март 2021``) in front and a time before or after. A plain-text release carries
its dateline on a line of its own; recognising it keeps that line out of the catalog. Month and
weekday names are data (``data/segment/structure.toml``), in every case form by their stems.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from functools import cache

from ..model import Dateline
from .roles import StructureRules, default_rules

_TIME = (
    r"(?:(?:саат|в|at)\s*)?(?P<H>\d{1,2})[:.](?P<M>\d{2})(?::(?P<S>\d{2}))?(?:\s*(?:ч\.?|саат))?"
)
_YEAR_MARK = r"(?:\s*-?\s*(?:ж\.?|жыл\w*|г\.?|год\w*))?"
_MONTH = r"(?P<mon>[^\W\d_]{3,}\.?)"
_SHAPES = (
    rf"(?P<d>\d{{1,2}})[./](?P<m>\d{{1,2}})[./](?P<y>\d{{4}}|\d{{2}}){_YEAR_MARK}",
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})",
    rf"(?P<d>\d{{1,2}})(?:\s*-\s*|\s+){_MONTH},?\s+(?P<y>\d{{4}}){_YEAR_MARK}",
    rf"(?P<y>\d{{4}}){_YEAR_MARK},?\s*(?P<d>\d{{1,2}})\s*-?\s*{_MONTH}",
    rf"{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})",
)
_SEP = r"(?:\s*[,T|/–—-]\s*|\s+)"
#: ``Place,`` or ``Weekday,`` in front of a date: one to three words of letters.
_NAME = r"[^\W\d_](?:[^\W\d_]|[’'-](?=[^\W\d_]))*"


class _Shapes:
    """The date shapes' patterns in order, each compiled when first tried: most datelines
    match the first, and compiling all ten was most of reading a first plain-text release."""

    def __init__(self, sources: Iterable[str]):
        self._sources = tuple(sources)
        self._compiled: list[re.Pattern[str] | None] = [None] * len(self._sources)

    def __iter__(self) -> Iterator[re.Pattern[str]]:
        for at, pattern in enumerate(self._compiled):
            if pattern is None:
                pattern = self._compiled[at] = re.compile(self._sources[at], re.I)
            yield pattern


class _Patterns:
    """The compiled patterns, made on the first line asked about (``_compiled``): compiling
    them was most of importing the readers, and an HTML release rarely needs them."""

    def __init__(self) -> None:
        self.dates = _Shapes(
            shape.format(date=date, time=_TIME, sep=_SEP)
            for date in _SHAPES
            for shape in (
                r"^{date}(?:{sep}{time})?[\s.,—–-]*$",
                r"^{time}{sep}{date}[\s.,—–-]*$",
            )
        )
        self.lead_word = re.compile(
            rf"^(?P<word>{_NAME}(?:\s{_NAME}){{0,2}}(?:\s[^\W\d_]{{1,3}}\.)?)\s*,\s*"
        )
        self.weekday_space = re.compile(r"^(?P<word>[^\W\d_]+)\.?\s+(?=\d)")
        self.mark = re.compile(r"ж|жж|жыл\w*|г|гг|год\w*|саат|в|at|ч")
        self.dateish = re.compile(r"\d{1,4}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{1,4}")
        self.digit = re.compile(r"\d")
        self.after_number = re.compile(r"(?<=\d)-")
        #: What every date shape holds (a year of four digits, or ``12.03``): a line without
        #: it is no dateline, told in one search instead of one match per pattern.
        self.needed = re.compile(r"\d{4}|\d[./]\d")


_compiled = cache(_Patterns)


class DateError(ValueError):
    """A line shaped like a date that is not one (``31.02.2018``)."""


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:  # `12.03.21`: this century up to 69, the last one from 70
        year += 2000 if year < 70 else 1900
    return year


def _core(text: str, rules: StructureRules) -> tuple[datetime, bool] | None:
    for pattern in _compiled().dates:
        found = pattern.match(text)
        if not found:
            continue
        parts = found.groupdict()
        if parts.get("mon") is not None:
            month = rules.month(parts["mon"])
            if month is None:
                continue
        else:
            month = int(parts["m"])
        try:
            value = datetime(
                _year(parts["y"]),
                month,
                int(parts["d"]),
                int(parts["H"] or 0),
                int(parts["M"] or 0),
                int(parts["S"] or 0),
            )
        except ValueError as exc:
            raise DateError(f"{text!r} is not a date that exists ({exc})") from None
        return value, parts["H"] is not None
    return None


def match_dateline(
    line: str, *, rules: StructureRules | None = None, line_no: int = 0
) -> Dateline | None:
    """The dateline a line holds when it holds nothing else (``None`` for any other line).

    Raises ``DateError`` for a line shaped like a date that cannot exist, so that the caller can
    report it (one line, with its place) instead of publishing it as a paragraph.
    """
    rules = rules or default_rules()
    compiled = _compiled()
    if compiled.needed.search(line) is None:  # (nor in any part of it: no dateline)
        return None
    text = " ".join(line.split())
    place = ""
    for _ in range(2):  # `Ош, бейшемби, 12-март 2021`
        found = compiled.lead_word.match(text) or compiled.weekday_space.match(text)
        if found is None:
            break
        word = found.group("word")
        if rules.is_weekday(word):
            text = text[found.end() :]
        elif not place and found.re is compiled.lead_word and rules.month(word) is None:
            place, text = word, text[found.end() :]
        else:
            break
    parsed = _core(text, rules)
    if parsed is None:
        return None
    return Dateline(place=place, date=parsed[0], has_time=parsed[1], line=line_no)


def looks_like_date(line: str, *, rules: StructureRules | None = None) -> bool:
    """A short line that reads as a date even if it is not one pressflow can place in time
    (``12-март`` without a year, ``32.13.2021``): worth a warning, never a unit."""
    rules = rules or default_rules()
    words = line.split()
    compiled = _compiled()
    if not words or len(words) > 7 or len(line) > 60 or not compiled.digit.search(line):
        return False
    month = bool(compiled.dateish.search(line))
    others = []  # words that are not part of a date: at most a place, capitalised
    for word in words:
        word = word.strip(",.;—–-")
        for part in compiled.after_number.split(word) if "-" in word else (word,):
            if (
                not part
                or compiled.digit.search(part)
                or compiled.mark.fullmatch(part.lower().rstrip("."))
            ):
                continue
            if rules.month(part) is not None:
                month = True
            elif not rules.is_weekday(part):
                others.append(part)
                if len(others) > 2:
                    return False  # a sentence, most often a headline: no need to read on
    return month and all(w[:1].isupper() for w in others)


def match_date(line: str, *, rules: StructureRules | None = None) -> datetime | None:
    """The date a line holds when it holds nothing else; ``None`` for any other line.

    Raises ``ValueError`` (``DateError``) for a line shaped like a date that is not one.
    """
    found = match_dateline(line, rules=rules)
    return found.date if found is not None and not found.place else None


def parse_date(value: str) -> datetime:
    """Parse a date written by a person (front matter, ``<meta>``): ISO first, then ``match_date``.

    Raises ``ValueError`` with a short reason when nothing fits.
    """
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is None:
        parsed = match_date(text)
    if parsed is None:
        raise ValueError(f"unrecognised date {value!r}")
    return parsed
