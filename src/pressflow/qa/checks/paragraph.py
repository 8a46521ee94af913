"""Quotes and brackets, balanced over the whole paragraph (not per sentence unit).

A quotation may open in one sentence and close three sentences later, and the translation may
change quote style («…» → “…” or "…"): both are fine. What is reported is a paragraph whose source
is balanced but whose translation is not, at the unit where the translation's running depth first
departs from the source's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..paragraphs import paragraphs
from ..registry import Context, Finding, check
from ..units import Unit

_QUOTES = "«»„“”\"‟"
_OPEN_CONTEXT = re.compile(r"[\s(\[{—–\-/«„“\"']")


def quote_depths(text: str) -> list[int]:
    """Depth of double quotation after each mark, style-agnostic; ambiguous marks by context."""
    depth = 0
    depths = []
    for i, char in enumerate(text):
        if char not in _QUOTES:
            continue
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if char in "«„‟":
            opening = True
        elif char in "»”":
            opening = False
            if char == "”" and depth == 0 and _OPEN_CONTEXT.match(before) and not after.isspace():
                opening = True  # Kyrgyz and Russian typists often open with ”
        else:  # " and “ : opening after a space or a bracket, closing before one
            left_open = bool(_OPEN_CONTEXT.match(before)) and before not in "\"“"
            right_close = after.isspace() or after in ".,;:!?)]}…»”\"" or i + 1 == len(text)
            if left_open and not right_close:
                opening = True
            elif right_close and not left_open:
                opening = False
            elif char == "“" and depth > 0 and not left_open:
                opening = False  # „…“ style
            else:
                opening = depth == 0
        depth += 1 if opening else -1
        depths.append(depth)
    return depths


def quote_balance(text: str) -> int:
    depths = quote_depths(text)
    return depths[-1] if depths else 0


def quote_ok(text: str) -> bool:
    depths = quote_depths(text)
    return not depths or (depths[-1] == 0 and min(depths) >= 0)


def bracket_balance(text: str) -> int:
    return sum(text.count(c) for c in "([{") - sum(text.count(c) for c in ")]}")


def _bracket_ok(text: str) -> bool:
    depth = 0
    for char in text:
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _judge(
    units: list[Unit], ctx: Context, balance: Callable[[str], int], ok: Callable[[str], bool],
    what: str,
) -> Iterator[Finding]:
    seen: set[int] = set()
    for group in paragraphs(units, ctx.release):
        done = [u for u in group if u.translated]
        if not done:
            continue
        source = " ".join(u.msgid for u in done)
        target = " ".join(u.msgstr for u in done)
        if not ok(source) or ok(target):
            continue
        # the unit where the translation's running balance departs from the source's
        src_run = tgt_run = 0
        culprit = done[-1]
        for unit in done:
            src_run += balance(unit.msgid)
            tgt_run += balance(unit.msgstr)
            if src_run != tgt_run:
                culprit = unit
                break
        if culprit.index not in seen:
            seen.add(culprit.index)
            state = "unclosed" if tgt_run > src_run else "unopened"
            yield Finding(culprit, f"{state} {what} in the translation of this paragraph")


@check(
    "quotes",
    "error",
    "Quotation marks balanced in the source paragraph are unbalanced in its translation.",
    scope="catalog",
)
def quotes(units: list[Unit], ctx: Context) -> Iterator[Finding]:
    yield from _judge(units, ctx, quote_balance, quote_ok, "quotation")


@check(
    "brackets",
    "error",
    "Brackets balanced in the source paragraph are unbalanced in its translation.",
    scope="catalog",
)
def brackets(units: list[Unit], ctx: Context) -> Iterator[Finding]:
    yield from _judge(units, ctx, bracket_balance, _bracket_ok, "bracket")
