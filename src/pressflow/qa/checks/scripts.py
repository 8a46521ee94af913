"""Untranslated leftovers: Kyrgyz text left in a Russian translation, Cyrillic in an English one.

Kyrgyz and Russian share the Cyrillic script, so a Russian translation is judged by the letters
only Kyrgyz has (ө ү ң) and by Kyrgyz function words that are not Russian words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..registry import Context, check
from ..units import Unit

_KYRGYZ_LETTERS = re.compile(r"[өүңӨҮҢ]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_WORD = re.compile(r"[^\W\d_]+")
#: frequent Kyrgyz words that no Russian sentence contains
KYRGYZ_WORDS = frozenset(
    """жана менен деп боюнча тарабынан болуп болот болгон бирок анткени ошондуктан ошол ушул
    бул мындай андай ал алар анын алардын биз биздин сиз алган берген келет кетет керек
    эмес жок бар дагы эле гана да аркылуу жатат жаткан турган экен эч кандай кайсы ар бир
    ошондой эле жыл жылы айы күнү шаарында өлкө мамлекет""".split()
)
_NOT_RU = KYRGYZ_WORDS - {"да", "бар", "ал", "ар", "бир", "жок", "гана"}
_LATIN_LANGS = {"en", "fr", "de", "es", "it", "pt", "tr", "uz", "kk_Latn"}


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _same(unit: Unit) -> bool:
    return unit.msgstr.strip() == unit.msgid.strip()


@check(
    "untranslated-text",
    "error",
    "Source text left in the translation: equal to the source, Kyrgyz letters or words in Russian,"
    " Cyrillic in a Latin-script language.",
)
def untranslated_text(unit: Unit, ctx: Context) -> Iterator[str]:
    words = _words(unit.msgid)
    cyrillic_words = [w for w in words if _CYRILLIC.search(w)]
    if _same(unit):
        # a name or a figure may legitimately stay as it is; a sentence may not
        if len(cyrillic_words) >= 3 or _KYRGYZ_LETTERS.search(unit.msgid) and len(words) >= 2:
            yield "the translation is the Kyrgyz source, untranslated"
        return
    if ctx.lang in _LATIN_LANGS or ctx.lang.split("_")[0] in _LATIN_LANGS:
        found = sorted({w for w in _words(unit.msgstr) if _CYRILLIC.search(w)})
        if found:
            yield f"Cyrillic text in the translation: {' '.join(found[:5])}"
        return
    if ctx.lang != "ru":
        return
    target = _words(unit.msgstr)
    letters = sorted({w for w in target if _KYRGYZ_LETTERS.search(w)})
    kyrgyz = sorted({w for w in target if w in _NOT_RU})
    if letters:
        yield f"Kyrgyz letters in the translation: {' '.join(letters[:5])}"
    elif len(kyrgyz) >= 2:
        yield f"Kyrgyz words in the translation: {' '.join(kyrgyz[:5])}"
