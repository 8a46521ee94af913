"""Negation: a translation that says "not" more often than the Kyrgyz source may negate.

Negations are counted (``qa.negation``): the translation's sure ones (not, never, no, n't) against
the Kyrgyz source's and, where the release's other translations are at hand (``Context.parallel``),
against the words of each that may negate (``witness_negations``: of a Russian one, its particles
and the не- words no un-, non- or -less word of the English explains). A "not" the source and the
other translators' words do not account for has reversed a statement. Alone, the source is counted
generously (a privative -сыз may be "not guilty"); beside another translation, only its sure
negations count, for that translation's words (невиновен) speak for the rest: on the tuning half
that caught 60% of added negations instead of 54%, with no false alarm added.

A dropped negation cannot be told from a paraphrase (``жокко чыгарды`` is "denied",
``күтүлбөгөн`` "flash"): a Russian or English translation with fewer negations than both the
source's sure ones and the other translation's raised 5 and 23 false alarms in 615 units of the
tuning half, so only the added one is judged. Judged in English only: Russian negates where
Kyrgyz and English affirm (не удалось, не согласен, не дожив, пока … не, ещё не, не стало).
Counting only не before a finite verb, with such verbs left out, raised no false alarm on the
tuning half but 7 in 693 units of the validation half: a rate no gate bears. Session 12 measured
the ceiling: 3.6% (tuning) and 4.0% (validation) of good Russian units hold more particles не/ни
than both witnesses' negations; demanding a finite verb, no Kyrgyz negation at all and no English
negative word still leaves 0 and 3 alarms (41.6% and 45.5% caught). An English drop judged
against both witnesses catches 10 of 11 on tuning for 19 alarms in 615 units (English negates
by words: unbeaten, short of, denied), and placing each "not" by its position against the
witnesses' negations gave 77.7% for 2 alarms on tuning, 5 on validation: none of it kept.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..negation import (
    source_negations,
    sure_negations,
    sure_source_negations,
    witness_negations,
)
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
    others = [(lang, texts[unit.msgid]) for lang, texts in (ctx.parallel or {}).items()
              if unit.msgid in texts]  # fmt: skip
    counted = sure_source_negations if others else source_negations
    # a source that quotes English keeps its own "not"
    may = counted(unit.msgid) + len(sure_negations(unit.msgid, ctx.lang))
    if len(found) <= may:
        return
    # another translation of the same source negates as often: the source does, in a way the
    # Kyrgyz pattern missed, and this translation is right
    if any(witness_negations(text, lang, unit.msgstr) >= len(found) for lang, text in others):
        return
    if may:
        yield f"the translation negates {len(found)} times ({found[-1]!r}), the source {may}"
    else:
        yield f"the translation negates ({found[-1]!r}), the source does not"
