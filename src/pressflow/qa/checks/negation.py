"""Negation: a translation that says "not" more often than the Kyrgyz source may negate.

Negations are counted (``qa.negation``): the translation's sure ones (not, never, no, n't) against
every Kyrgyz word that may negate, and, where the release's other translations are at hand
(``Context.parallel``), against every word of each that may negate. A "not" the source and the
other translators' words do not account for has reversed a statement. A dropped negation
cannot be told from a paraphrase (``жокко чыгарды`` is "denied", ``күтүлбөгөн`` "flash"), so
only the added one is judged. Judged in English only: Russian negates where Kyrgyz and English
affirm (не удалось, не согласен, не дожив); counting only не before a finite verb, it still
raised 1.7 false alarms per 100 units of the validation half, a rate no gate bears.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..negation import possible_negations, source_negations, sure_negations
from ..registry import Context, check
from ..units import Unit

#: the target languages judged (others' negations still account for a negation)
JUDGED = frozenset({"en"})


@check(
    "negation",
    "error",
    "The translation negates (not, never, n't) more often than the source may.",
)
def negation(unit: Unit, ctx: Context) -> Iterator[str]:
    if ctx.lang not in JUDGED:
        return
    found = sure_negations(unit.msgstr, ctx.lang)
    if not found:
        return
    # a source that quotes English keeps its own "not"
    may = source_negations(unit.msgid) + len(sure_negations(unit.msgid, ctx.lang))
    if len(found) <= may:
        return
    # another translation of the same source negates as often: the source does, in a way the
    # Kyrgyz pattern missed, and this translation is right
    others = (ctx.parallel or {}).items()
    if any(
        possible_negations(texts[unit.msgid], lang) >= len(found)
        for lang, texts in others
        if unit.msgid in texts
    ):
        return
    if may:
        yield f"the translation negates {len(found)} times ({found[-1]!r}), the source {may}"
    else:
        yield f"the translation negates ({found[-1]!r}), the source does not"
