"""Clock times however a translation writes them: ``18:45`` is "6.45pm", "6:45 p.m.", «18.45»,
«без четверти семь вечера», "quarter to seven"; ``9:30`` is «в половине десятого», "half past nine".

Each time found offers its hour (also in the other half of the day: a translator may drop
"p.m." or «вечера») and its minutes, so the numbers check finds the source's 18 and 45.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .words import has_digit

_DIGITS = re.compile(r"(?<![\d.,])(\d{1,2})[.:h](\d{2})(?!\d)(?:\s*([ap])\.?m\.?)?", re.IGNORECASE)
_W = r"([^\W\d_]+)"
#: phrase -> (the named hour's offset, minutes); the hour is a number word (семь, десятого)
_PHRASES: tuple[tuple[re.Pattern[str], int, int], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), offset, minutes)
    for pattern, offset, minutes in (
        (rf"без\s+четверти\s+{_W}", -1, 45),
        (rf"без\s+пяти\s+{_W}", -1, 55),
        (rf"без\s+десяти\s+{_W}", -1, 50),
        (rf"без\s+двадцати\s+{_W}", -1, 40),
        (rf"половин\w*\s+{_W}", -1, 30),
        (rf"(?<!без )четверть\s+{_W}", -1, 15),
        (rf"half\s+past\s+{_W}", 0, 30),
        (rf"quarter\s+past\s+{_W}", 0, 15),
        (rf"quarter\s+to\s+{_W}", -1, 45),
    )
)


#: what a time in digits (a digit: ``has_digit``), and each phrase, contains (the phrases in the
#: case-folded text): a text without any is not scanned
_PHRASE_PARTS = ("без", "половин", "четверт", "half", "quarter")


def _both_halves(hour: float) -> set[float]:
    hour = hour % 24
    return {hour, (hour + 12) % 24 if hour < 12 else hour - 12}


def clock_values(text: str, word_value: Callable[[str], set[float]]) -> set[float]:
    """Hours and minutes of the clock times in ``text``; ``word_value`` reads a number word."""
    values: set[float] = set()
    for hours, minutes, half in _DIGITS.findall(text) if has_digit(text) else ():
        h, mm = int(hours), int(minutes)
        if h < 24 and mm < 60:
            values |= _both_halves(h) if half or h <= 12 else {float(h)}
            values.add(float(mm))
    folded = text.casefold()
    if not any(part in folded for part in _PHRASE_PARTS):
        return values
    for pattern, offset, minutes in _PHRASES:
        for m in pattern.finditer(text):
            for named in word_value(m.group(1)):
                if 1 <= named <= 12 and float(named).is_integer():
                    values |= _both_halves(named + offset)
                    values.add(float(minutes))
    return values
