"""Regex character classes from lists of characters, for patterns built from Unicode data."""

from __future__ import annotations

import re
from collections.abc import Sequence


def class_body(chars: Sequence[str]) -> str:
    """``chars`` (in code point order) as the body of a ``[...]`` class, each run of consecutive
    code points as one range (``a-z``), so that patterns over whole scripts stay short."""
    out: list[str] = []
    i = 0
    while i < len(chars):
        j = i
        while j + 1 < len(chars) and ord(chars[j + 1]) == ord(chars[j]) + 1:
            j += 1
        out.append(re.escape(chars[i]) + (f"-{re.escape(chars[j])}" if j > i else ""))
        i = j + 1
    return "".join(out)
