"""Language facts a page needs, from CLDR (see ``locales``): name, direction, locale, dates.

Babel's ``long`` date format gives ``2018-ж., 3-июль`` (ky), ``3 июля 2018 г.`` (ru) and
``July 3, 2018`` (en); it is used as is so that every newsroom language gets CLDR's own form.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache

from ..locales import locale_facts, long_date


@dataclass(frozen=True)
class Lang:
    """One site language: its code (``hreflang``/``lang``), name in itself, direction, OG locale."""

    code: str
    name: str
    dir: str
    og_locale: str

    def date_text(self, when: datetime) -> str:
        """The date as readers of this language write it (CLDR ``long`` format)."""
        return long_date(when, self.code)


@cache
def lang_info(code: str) -> Lang:
    """Facts about ``code``; unknown codes degrade to the code itself, left-to-right."""
    facts = locale_facts(code)
    return Lang(code, facts.name, facts.dir, facts.og_locale)


def iso_datetime(when: datetime) -> str:
    """The ``datetime`` attribute: minutes precision, a date alone when the time is midnight."""
    if when.hour == when.minute == when.second == 0 and when.tzinfo is None:
        return when.strftime("%Y-%m-%d")
    text = when.strftime("%Y-%m-%dT%H:%M")
    if when.second:
        text += when.strftime(":%S")
    if when.tzinfo is not None:
        offset = when.strftime("%z")
        text += "Z" if offset in {"+0000", "-0000"} else f"{offset[:3]}:{offset[3:]}"
    return text
