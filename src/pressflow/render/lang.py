"""Language facts a page needs, from CLDR (see ``locales``): name, direction, locale, dates.

Babel's ``long`` date format gives ``2018-ж., 3-июль`` (ky), ``3 июля 2018 г.`` (ru) and
``3 July 2018`` (en_GB) or ``July 3, 2018`` (en_US), with the ``short`` time when the source gave
one; it is used as is so that every newsroom language gets CLDR's own form. A ``Clock`` puts a
release's local time in the newsroom's zone, so ``datetime`` attributes carry its offset.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo

from ..locales import locale_facts, long_date, long_datetime


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


def has_time(when: datetime) -> bool:
    """Whether the source gave a time of day: readers leave midnight for a date alone."""
    return bool(when.hour or when.minute or when.second) or when.tzinfo is not None


@dataclass(frozen=True)
class Clock:
    """The newsroom's time zone and English variant: how every date on the site is written."""

    timezone: str = "UTC"
    english: str = "GB"

    def local(self, when: datetime) -> datetime:
        """``when`` in the newsroom's zone: a naive time is taken as local, an aware one moved."""
        zone = ZoneInfo(self.timezone)
        return when.astimezone(zone) if when.tzinfo is not None else when.replace(tzinfo=zone)

    def locale(self, lang: str) -> str:
        """The CLDR locale dates of ``lang`` are written in (``en`` -> ``en_GB`` or ``en_US``)."""
        return f"en_{self.english}" if lang == "en" else lang

    def text(self, when: datetime, lang: str) -> str:
        """The date, and the time when the source has one, as readers of ``lang`` write them."""
        timed = has_time(when)
        shown = self.local(when) if timed else when
        return long_datetime(shown, self.locale(lang), with_time=timed)

    def iso(self, when: datetime) -> str:
        """The ``datetime`` attribute and JSON-LD value: the date alone, or the local time to
        the minute with the zone's offset (``2018-07-03T09:29+06:00``)."""
        return iso_datetime(self.local(when)) if has_time(when) else when.strftime("%Y-%m-%d")

    def stamp(self, when: datetime) -> str:
        """An RFC 3339 timestamp (Atom, sitemaps): always a time and an offset."""
        text = self.local(when).isoformat(timespec="seconds")
        return text[:-6] + "Z" if text.endswith("+00:00") else text
