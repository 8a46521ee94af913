"""Release dates as newsrooms write them: ``03.07.2018 09:29``, ``2018-07-03``, ``3-июль 2018``.

A plain-text release carries its date on a line of its own; recognising the usual variants keeps
that line out of the catalog. Month names are data, so another language is a dict entry away.
"""

from __future__ import annotations

import re
from datetime import datetime

#: Month-name stems (lower case, matched as prefixes): Kyrgyz and Russian share them; English.
MONTHS: dict[str, int] = {
    stem: number
    for stems in (
        "январ феврал март апрел май июн июл август сентябр октябр ноябр декабр",
        "jan feb mar apr may jun jul aug sep oct nov dec",
    )
    for number, stem in enumerate(stems.split(), start=1)
} | {"мая": 5}

_TIME = r"(?P<H>\d{1,2})[:.](?P<M>\d{2})(?::(?P<S>\d{2}))?"
_YEAR_MARK = r"(?:\s*-?\s*(?:ж\.?|жыл\w*|г\.?|год\w*))?"
_NUMERIC = (
    rf"(?P<d>\d{{1,2}})[./](?P<m>\d{{1,2}})[./](?P<y>\d{{4}}){_YEAR_MARK}",
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})",
    rf"(?P<d>\d{{1,2}})[-\s]*(?P<mon>[^\W\d_]+)\.?,?\s+(?P<y>\d{{4}}){_YEAR_MARK}",
    rf"(?P<y>\d{{4}}){_YEAR_MARK},?\s*(?P<d>\d{{1,2}})\s*-?\s*(?P<mon>[^\W\d_]+)",
    r"(?P<mon>[^\W\d_]+)\.?\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})",
)
_SEP = r"(?:\s*[,T|/–—-]\s*|\s+)"
_PATTERNS = tuple(
    re.compile(shape.format(date=date, time=_TIME, sep=_SEP), re.I)
    for date in _NUMERIC
    for shape in (
        r"^\s*{date}(?:{sep}(?:саат\s*)?{time})?\s*$",
        r"^\s*{time}{sep}{date}\s*$",
    )
)


def _month(name: str) -> int | None:
    name = name.lower()
    # Longest stem first, so that "май"/"may" (stem "ма") does not swallow "март"/"mar".
    for stem in sorted(MONTHS, key=len, reverse=True):
        if name.startswith(stem):
            return MONTHS[stem]
    return None


def match_date(line: str) -> datetime | None:
    """The date a line holds when it holds nothing else; ``None`` for any other line.

    Raises ``ValueError`` for a line shaped like a date that is not one (``31.02.2018``), so that
    the caller can report it instead of publishing it as a paragraph.
    """
    for pattern in _PATTERNS:
        found = pattern.match(line)
        if not found:
            continue
        parts = found.groupdict()
        if parts.get("mon") is not None:
            month = _month(parts["mon"])
            if month is None:
                continue
        else:
            month = int(parts["m"])
        return datetime(
            int(parts["y"]),
            month,
            int(parts["d"]),
            int(parts["H"] or 0),
            int(parts["M"] or 0),
            int(parts["S"] or 0),
        )
    return None


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
