"""The placeholder syntax shared by every reader: ``<1>…</1>`` paired, ``<2/>`` empty.

Kept apart from the HTML reader so that plain text can be checked without lxml: a release whose
own text contains ``<1>`` would be misread by every later stage, so readers warn about it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Block, Problem

PLACEHOLDER = re.compile(r"<(\d+)/>|<(\d+)>|</(\d+)>")
_WS = re.compile(r"[ \t\n\r\f]+")  # ASCII whitespace as browsers collapse it; not U+00A0


def plain_text(text: str) -> str:
    """Block text without its placeholders (for titles, search, QA)."""
    if "<" in text:
        text = PLACEHOLDER.sub("", text)
    if "  " in text or "\n" in text or "\t" in text or "\r" in text or "\f" in text:
        text = _WS.sub(" ", text)  # (a lone space is replaced by itself: no need to)
    return text.strip(" ")


def placeholder_problems(blocks: Iterable[Block], *, path: str) -> tuple[Problem, ...]:
    """Warn about blocks whose source text itself looks like placeholders."""
    problems = []
    for block in blocks:
        text, inlines = block.text, block.inlines
        expected = sum(2 if inline.paired else 1 for inline in inlines) if inlines else 0
        found = text.count("<")
        if found and found != expected:  # a reader writes each of its placeholders whole, one
            found = len(PLACEHOLDER.findall(text))  # ``<`` each: any other ``<`` is the text's
        if found != expected:
            problems.append(
                Problem(
                    check="placeholder-text",
                    severity="warning",
                    message="the text contains '<N>'-like markup that reads as a placeholder; "
                    "write it differently (e.g. with a space: '< 1 >')",
                    path=path,
                    line=block.line,
                )
            )
    return tuple(problems)
