"""Wording slips a translator's eye skips: a word typed twice (``в в``, "the the").

A double the source writes too (``Роа Роа`` as Roa Roa, a hotel's name), or that the release's
other translation of the unit writes as well (two translators do not make one slip: "Canada plus
plus" for Канада++ in both), is the text's own, compared through a spelling-neutral skeleton.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..registry import Context, check
from ..translit import skeleton
from ..units import Unit
from ..words import words

#: a word then white space then the word again; possessive (``++``): only a whole word then all
#: the white space can be followed by the word, so no shorter one is tried (a third of the time)
_DOUBLED = re.compile(r"(?<![\w-])([^\W\d_]++)\s++\1(?![\w-])", re.IGNORECASE)
#: doubles that grammar allows: "had had", "that that", "carried on on Monday", reduplication
#: for emphasis (very very, очень очень), interjections and Russian pairs usually hyphenated but
#: found written apart (так так, нет нет). A word that is only ever doubled by a slip (is is,
#: ещё ещё; чуть чуть and so so are written чуть-чуть and so-so) is not here
LEGITIMATE_DOUBLES = frozenset(
    ["had", "that", "very", "no", "yes", "ha", "bye", "on",
     "так", "да", "нет", "очень", "ну", "ха", "ой", "ай"]
)  # fmt: skip


def doubled_words(text: str) -> list[str]:
    """Words written twice in a row, legitimate doubles and an all-capitals pair left out."""
    if not _may_double(text):
        return []
    return [
        m.group(1)
        for m in _DOUBLED.finditer(text)
        if m.group(1).lower() not in LEGITIMATE_DOUBLES and m.group(0) == m.group(0)
    ]


@check("doubled-word", "error", "A word is written twice in a row (в в, the the).")
def doubled_word(unit: Unit, ctx: Context) -> Iterator[str]:
    found = doubled_words(unit.msgstr)
    if not found:
        return
    witnesses = [unit.msgid]
    witnesses += [
        texts[unit.msgid] for texts in (ctx.parallel or {}).values() if unit.msgid in texts
    ]
    theirs = {skeleton(w) for text in witnesses for w in doubled_words(text)}
    found = [w for w in found if skeleton(w) not in theirs]
    if found:
        yield f"word written twice: {' '.join(found[:3])}"


#: letters whose lower case ``str.lower`` writes otherwise than the pattern's back reference
#: compares them (letter by letter: İ is i, a final Σ is σ)
_CASED_OTHERWISE = ("İ", "Σ")


def _may_double(text: str) -> bool:
    """Could ``_DOUBLED`` match? Only where one of the text's words (runs of letters, read by
    other checks too) is the next one in another case: a pair of them is compared far faster
    than the pattern scans the text, and most texts have none."""
    if any(map(text.__contains__, _CASED_OTHERWISE)):
        return True
    low = list(map(str.lower, words(text)))
    return any(map(str.__eq__, low, low[1:]))
