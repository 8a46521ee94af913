"""Negation: a translation that says "not" where the Kyrgyz source affirms has reversed it.

A dropped negation cannot be told from a paraphrase (``жокко чыгарды`` is "denied", ``күтүлбөгөн``
"flash"), so only the other direction is judged: the translation negates (not, never, no, n't)
and no word of the source may negate at all (``negation.source_negates``, generous on purpose).
Where the release's other translations are at hand (``Context.parallel``), a finding that
another translation of the unit corroborates (it negates too: the source does, in a way the
pattern missed) is not raised. Judged in English only: Russian negates where Kyrgyz and
English affirm (не удалось, не согласен, не дожив: 13 of 615 units of the tuning half, with the
English translation affirming), a rate no gate bears.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..negation import negation_in, source_negates
from ..registry import Context, check
from ..units import Unit

#: the target languages judged (others' negations still corroborate)
JUDGED = frozenset({"en"})


@check(
    "negation",
    "error",
    "The translation negates (not, never, n't) where no word of the source negates.",
    # off by default: with another translation to corroborate, it measured no false alarm in 615
    # English units of the tuning half and 1 in 693 of the validation half (0.14 per 100), for
    # 46% of the injected negations caught; without the corroboration, 1 and 8 false alarms
    opt_in=True,
)
def negation(unit: Unit, ctx: Context) -> Iterator[str]:
    if ctx.lang not in JUDGED:
        return
    found = negation_in(unit.msgstr, ctx.lang)
    if not found or source_negates(unit.msgid):
        return
    # another translation of the same source negates too: the source does, in a way the
    # Kyrgyz pattern missed, and this translation is right
    others = (ctx.parallel or {}).items()
    if any(negation_in(texts[unit.msgid], lang) for lang, texts in others if unit.msgid in texts):
        return
    yield f"the translation negates ({found!r}), the source does not"
