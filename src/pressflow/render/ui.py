"""The few words pressflow itself puts on a page, per language (English for any other language).

Kept as data so that a newsroom adding a language adds one entry here, nothing else.
"""

from __future__ import annotations

from ..locales import language_name as _language_name

UI: dict[str, dict[str, str]] = {
    "en": {
        "language": "Language",
        "releases": "Press releases",
        "all": "All press releases",
        "choose": "Choose a language",
        "empty": "No press releases yet.",
        "partial": "Parts of this translation have not been reviewed yet; they are shown in the"
        " original language ({source}).",
        "contact-contact": "Contacts",
        "contact-phone": "Tel.",
        "contact-fax": "Fax",
        "contact-email": "E-mail",
        "contact-address": "Address",
        "contact-website": "Website",
    },
    "ru": {
        "language": "Язык",
        "releases": "Пресс-релизы",
        "all": "Все пресс-релизы",
        "choose": "Выберите язык",
        "empty": "Пресс-релизов пока нет.",
        "partial": "Часть перевода ещё не проверена; эти места показаны на языке оригинала"
        " ({source}).",
        "contact-contact": "Контакты",
        "contact-phone": "Тел.",
        "contact-fax": "Факс",
        "contact-email": "Эл. почта",
        "contact-address": "Адрес",
        "contact-website": "Сайт",
    },
    "ky": {
        "language": "Тил",
        "releases": "Пресс-релиздер",
        "all": "Бардык пресс-релиздер",
        "choose": "Тилди тандаңыз",
        "empty": "Азырынча пресс-релиздер жок.",
        "partial": "Котормонун айрым бөлүктөрү али текшериле элек; алар түп нускадагыдай"
        " ({source}) берилди.",
        "contact-contact": "Байланыш",
        "contact-phone": "Тел.",
        "contact-fax": "Факс",
        "contact-email": "Эл. почта",
        "contact-address": "Дарек",
        "contact-website": "Сайт",
    },
}


def say(lang: str, key: str, **values: str) -> str:
    """The UI text ``key`` in ``lang`` (English when the language has no entry)."""
    table = UI.get(lang.split("-")[0].split("_")[0], UI["en"])
    return table.get(key, UI["en"][key]).format(**values)


def language_name(code: str, *, in_lang: str) -> str:
    """The name of language ``code`` as written in ``in_lang`` (``ky`` in ru: киргизский)."""
    return _language_name(code, in_lang=in_lang)
