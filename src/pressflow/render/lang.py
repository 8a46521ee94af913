"""Language facts a page needs, all from CLDR through Babel: native name, direction, locale, dates.

Babel's ``long`` date format gives ``2018-ж., 3-июль`` (ky), ``3 июля 2018 г.`` (ru) and
``July 3, 2018`` (en); it is used as is so that every newsroom language gets CLDR's own form.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import format_date


@dataclass(frozen=True)
class Lang:
    """One site language: its code (``hreflang``/``lang``), name in itself, direction, OG locale."""

    code: str
    name: str
    dir: str
    og_locale: str

    def date_text(self, when: datetime) -> str:
        """The date as readers of this language write it (CLDR ``long`` format)."""
        try:
            return format_date(when, "long", locale=_babel_code(self.code))
        except (UnknownLocaleError, ValueError):
            return when.strftime("%Y-%m-%d")


def _babel_code(code: str) -> str:
    return code.replace("-", "_")


@cache
def lang_info(code: str) -> Lang:
    """Facts about ``code``; unknown codes degrade to the code itself, left-to-right."""
    try:
        locale = Locale.parse(_babel_code(code))
    except (UnknownLocaleError, ValueError, TypeError, LookupError):
        return Lang(code, code, "ltr", code.replace("-", "_"))
    name = locale.get_display_name(locale) or code
    name = name[:1].upper() + name[1:]
    direction = "rtl" if locale.text_direction == "rtl" else "ltr"
    return Lang(code, name, direction, _og_locale(locale))


def _og_locale(locale: Locale) -> str:
    """``ll_TT`` as Open Graph wants it: the language with its likely territory (ky -> ky_KG)."""
    if locale.territory:
        return f"{locale.language}_{locale.territory}"
    likely = get_global("likely_subtags").get(locale.language, "")
    parts = [p for p in likely.split("_") if len(p) == 2 and p.isupper()]
    return f"{locale.language}_{parts[0]}" if parts else locale.language


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
