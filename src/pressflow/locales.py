"""Facts about languages from CLDR, through Babel: validity, plural forms, names, direction, dates.

Babel lives behind this module only, so that every language fact pressflow uses (the Plural-Forms
header, the date on a page, the name in the language switcher) has one source.
"""

from __future__ import annotations

import gettext
import importlib.util
import io
import os
import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale

# Babel is imported where used: every command validates the configured languages (most often
# without Babel, see ``is_known``), few format a date or a Plural-Forms header.

_BAD = (ValueError, TypeError, LookupError)


def _bad() -> tuple[type[Exception], ...]:
    """What Babel raises for a code it does not know (evaluated only when something is raised)."""
    from babel import UnknownLocaleError

    return (UnknownLocaleError, *_BAD)


_CODE = re.compile(r"[A-Za-z]{2,3}(?:_[A-Za-z0-9]{1,8})*")


def _parse(code: str) -> Locale | None:
    from babel import Locale

    try:
        return Locale.parse(code.replace("-", "_"))
    except _bad():
        return None


def is_known(code: str) -> bool:
    """True for a language code CLDR knows (``ky``, ``ru``, ``en``, ``pt_BR``, ``sr-Latn``…).

    A code that names one of Babel's locale files as it is (most configs: ``ky``, ``ru``,
    ``en``) is known without loading Babel and CLDR's global data, which ``update --check``
    would otherwise spend most of its time on; any other code is asked of Babel."""
    name = code.replace("-", "_")
    folder = _locale_data()
    if folder and _CODE.fullmatch(name) and os.path.isfile(os.path.join(folder, name + ".dat")):
        return True
    return _parse(code) is not None


@cache
def _locale_data() -> str:
    """Babel's folder of CLDR locale files, found without importing Babel ("" if not found)."""
    spec = importlib.util.find_spec("babel")
    places = list(spec.submodule_search_locations or ()) if spec is not None else []
    return os.path.join(places[0], "locale-data") if places else ""


@cache
def plural_forms(lang: str) -> str:
    """The Plural-Forms header for ``lang``; English's rule when CLDR has none."""
    from babel.messages.plurals import get_plural

    try:
        return get_plural(lang.replace("-", "_")).plural_forms
    except _bad():
        return "nplurals=2; plural=(n != 1);"


@cache
def plural_count(lang: str) -> int:
    from babel.messages.plurals import get_plural

    try:
        return get_plural(lang.replace("-", "_")).num_plurals
    except _bad():
        return 2


@cache
def english_name(lang: str) -> str:
    """``Kyrgyz`` for ``ky``: the Language-Team header and messages use it."""
    locale = _parse(lang)
    return (locale.english_name if locale else None) or lang


def language_name(code: str, *, in_lang: str) -> str:
    """The name of language ``code`` as written in ``in_lang`` (``ky`` in ru: киргизский)."""
    locale = _parse(in_lang)
    return locale.languages.get(code, code) if locale else code


@dataclass(frozen=True)
class LocaleFacts:
    """What a page needs: the name in the language itself, direction, and the OG locale."""

    name: str
    dir: str
    og_locale: str


@cache
def locale_facts(code: str) -> LocaleFacts:
    """Facts about ``code``; an unknown code degrades to itself, left-to-right."""
    locale = _parse(code)
    if locale is None:
        return LocaleFacts(code, "ltr", code.replace("-", "_"))
    name = locale.get_display_name(locale) or code
    direction = "rtl" if locale.text_direction == "rtl" else "ltr"
    return LocaleFacts(name[:1].upper() + name[1:], direction, _og_locale(locale))


def _og_locale(locale: Locale) -> str:
    """``ll_TT`` as Open Graph wants it: the language with its likely territory (ky -> ky_KG)."""
    if locale.territory:
        return f"{locale.language}_{locale.territory}"
    from babel.core import get_global

    likely = get_global("likely_subtags").get(locale.language, "")
    parts = [p for p in likely.split("_") if len(p) == 2 and p.isupper()]
    return f"{locale.language}_{parts[0]}" if parts else locale.language


def long_date(when: datetime, code: str) -> str:
    """The date as readers of ``code`` write it: CLDR's ``long`` format (``3 июля 2018 г.``)."""
    from babel.dates import format_date

    try:
        return format_date(when, "long", locale=code.replace("-", "_"))
    except _bad():
        return when.strftime("%Y-%m-%d")


def long_datetime(when: datetime, code: str, *, with_time: bool) -> str:
    """The date (and time) as readers of ``code`` write it: CLDR's ``long`` date, its ``short``
    time joined by the locale's own pattern (``3 июля 2018 г., 09:29``; en_US ``9:29 AM``)."""
    if not with_time:
        return long_date(when, code)
    from babel.dates import format_time

    locale = _parse(code)
    if locale is None:
        return when.strftime("%Y-%m-%d %H:%M")
    pattern = str(locale.datetime_formats.get("long", "{1} {0}"))
    time = format_time(when, "short", locale=locale)
    joined = pattern.replace("{0}", "\0").replace("{1}", long_date(when, code))
    return re.sub(r"'([^']*)'", r"\1", joined).replace("\0", time)


#: pressflow's own interface catalogs: ``locale/<lang>/LC_MESSAGES/pressflow.po`` in the package.
UI_DOMAIN = "pressflow"


@cache
def ui_translations(lang: str) -> gettext.NullTranslations:
    """pressflow's interface strings in ``lang`` (``en_GB`` falls back to ``en``; a language with
    no catalog to the English msgids). The PO file is compiled here, in memory, with Babel: the
    same bytes in give the same catalog, and an editable install needs no build step."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    base = resources.files(__package__).joinpath("locale")
    for candidate in dict.fromkeys((lang.replace("-", "_"), lang.split("-")[0].split("_")[0])):
        po = base.joinpath(candidate, "LC_MESSAGES", f"{UI_DOMAIN}.po")
        if po.is_file():
            with po.open("rb") as handle:
                catalog = read_po(handle, locale=candidate, domain=UI_DOMAIN)
            compiled = io.BytesIO()
            write_mo(compiled, catalog, use_fuzzy=False)
            compiled.seek(0)
            return gettext.GNUTranslations(compiled)
    return gettext.NullTranslations()
