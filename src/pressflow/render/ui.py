"""The words pressflow itself puts on a page, from its own gettext catalogs (``locale/``).

A newsroom adding a language adds ``locale/<lang>/LC_MESSAGES/pressflow.po``; a language with no
catalog reads English. Messages are English msgids with ``{name}`` fields filled after lookup.
"""

from __future__ import annotations

from ..locales import language_name as _language_name
from ..locales import ui_translations

#: A contact line's label (``Block.label``, set by the structure rules) -> its message.
CONTACT_LABELS: dict[str, str] = {
    "contact": "Contacts",
    "phone": "Tel.",
    "fax": "Fax",
    "email": "E-mail",
    "address": "Address",
    "website": "Website",
}


def say(lang: str, message: str, /, **values: object) -> str:
    """``message`` in ``lang``, its ``{fields}`` filled from ``values``."""
    return ui_translations(lang).gettext(message).format(**values)


def say_n(lang: str, singular: str, plural: str, count: int, /, **values: object) -> str:
    """The form of ``singular``/``plural`` that ``lang`` uses for ``count``, fields filled."""
    return ui_translations(lang).ngettext(singular, plural, count).format(**values)


def language_name(code: str, *, in_lang: str) -> str:
    """The name of language ``code`` as written in ``in_lang`` (``ky`` in ru: киргизский)."""
    return _language_name(code, in_lang=in_lang)
