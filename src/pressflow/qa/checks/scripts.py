"""Untranslated leftovers: Kyrgyz text left in a Russian translation, Cyrillic in an English one.

Kyrgyz and Russian share the Cyrillic script, so a Russian translation is judged by the letters
only Kyrgyz has (ө ү ң) and by Kyrgyz function words that are not Russian words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..registry import Context, check
from ..units import Unit
from ..wordlists import kyrgyz_words

_KYRGYZ_LETTERS = re.compile(r"[өүңӨҮҢ]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_WORD = re.compile(r"[^\W\d_]+")
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
    latin = ctx.lang in _LATIN_LANGS or ctx.lang.split("_")[0] in _LATIN_LANGS
    if _same(unit):
        words = _words(unit.msgid)
        cyrillic = [w for w in words if _CYRILLIC.search(w)]
        # a name or a figure may stay as it is in Russian; a sentence may not
        if (
            (latin and cyrillic)
            or len(cyrillic) >= 3
            or (_KYRGYZ_LETTERS.search(unit.msgid) and len(words) >= 2)
        ):
            yield "the translation is the Kyrgyz source, untranslated"
        return
    if latin:
        found = sorted({w for w in _words(unit.msgstr) if _CYRILLIC.search(w)})
        if found:
            yield f"Cyrillic text in the translation: {' '.join(found[:5])}"
        return
    if ctx.lang != "ru":
        return
    raw = _WORD.findall(unit.msgstr)
    # any word, capitalised or not: Russian spells Kyrgyz names without ө ү ң (Омурбек)
    letters = sorted({w for w in raw if _KYRGYZ_LETTERS.search(w)})
    kyrgyz = sorted({w.lower() for w in raw if w.lower() in kyrgyz_words()})
    copied = kyrgyz_forms(unit.msgid, raw)
    if letters:
        yield f"Kyrgyz letters in the translation: {' '.join(letters[:5])}"
    elif copied:
        yield f"a name left with its Kyrgyz ending: {' '.join(copied[:5])}"
    elif len(kyrgyz) >= 2:
        yield f"Kyrgyz words in the translation: {' '.join(kyrgyz[:5])}"


#: the Kyrgyz genitive after a hard vowel (Трамптын, Уоррендин has -дин, which Russian names
#: share: Путин, Ленин): the one case ending no Russian or foreign name ends with
_KY_CASE = re.compile(r"[нтд][ыу]н$")


def kyrgyz_forms(source: str, words: list[str]) -> list[str]:
    """Capitalised words of the translation copied from the source with a Kyrgyz case ending
    (``Трамптын``, ``Лондондон``) whose bare stem is not itself a word of the translation."""
    source_words = {w for w in _WORD.findall(source) if w[:1].isupper()}
    out = []
    for word in words:
        if word in source_words and word[1:].islower() and len(word) >= 6:
            m = _KY_CASE.search(word)
            if m and len(word) - len(m.group(0)) >= 3:
                out.append(word)
    return out
