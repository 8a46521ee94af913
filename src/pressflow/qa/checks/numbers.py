"""Numbers, dates and times must survive translation, however each language writes them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import numbers as nums
from ..registry import Context, check
from ..units import Unit

_WORD = re.compile(r"[^\W\d_]+")


@check("numbers", "error", "A number of the source is missing or changed in the translation.")
def numbers(unit: Unit, ctx: Context) -> Iterator[str]:
    missing = nums.missing_numbers(unit.msgid, unit.msgstr)
    if missing:
        yield f"number(s) missing in the translation: {', '.join(missing)}"


def _dated_months(text: str) -> set[int]:
    """Months named next to a number (``3-июлда``, ``июль 2018``): a date, not a word."""
    months: set[int] = set()
    for m in _WORD.finditer(text):
        month = nums.month_of(m.group(0))
        if month is None:
            continue
        before = text[max(0, m.start() - 3) : m.start()]
        after = text[m.end() : m.end() + 3]
        if re.search(r"\d[\s-]*$", before) or re.match(r"[\s,]*\d", after):
            months.add(month)
    return months


@check("dates", "error", "A date of the source names another month in the translation.")
def dates(unit: Unit, ctx: Context) -> Iterator[str]:
    wanted = _dated_months(unit.msgid)
    if not wanted:
        return
    offered = {int(v) for v in nums.pool(unit.msgstr) if v.is_integer() and 1 <= v <= 12}
    lost = sorted(wanted - offered)
    if lost:
        yield f"month {', '.join(map(str, lost))} of a date is missing in the translation"
