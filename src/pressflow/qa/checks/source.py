"""Problems of the Kyrgyz source itself, reported so the editor fixes the release, not the PO.

Text in another script glued into the release (``белгилешет.Error. Page cannot be displayed…``),
a title repeated as a unit, an empty paragraph. Warnings: the translator cannot fix them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..registry import Context, Finding, check
from ..units import Unit

_NOT_KYRGYZ = re.compile(r"pressflow:\s*not Kyrgyz", re.IGNORECASE)
# a Latin sentence glued to Cyrillic text, or three Latin words after sentence punctuation
_GLUED = re.compile(r"[\u0400-\u04ff][.!?…]\s*[A-Z][a-z]+[.!?]?(?:\s+[A-Za-z]+){2,}")
_LATIN_TAIL = re.compile(r"[\u0400-\u04ff][^\n]*?[.!?…]\s*((?:[A-Za-z][\w'’-]*[\s.,;:!?()0-9]*){4,})$")
_LETTER = re.compile(r"[^\W\d_]")


def _foreign(text: str) -> str:
    if _GLUED.search(text):
        return "Latin-script text glued to the Kyrgyz sentence (scraped page junk?)"
    tail = _LATIN_TAIL.search(text)
    if tail:
        return f"the unit ends with text in another script: {tail.group(1)[:40].strip()}…"
    return ""


@check(
    "foreign-text",
    "warning",
    "The Kyrgyz source holds text in another script glued into it (page junk, a stray paste).",
    scope="source",
)
def foreign_text(unit: Unit, ctx: Context) -> Iterator[str]:
    if _NOT_KYRGYZ.search(unit.extracted):
        note = _NOT_KYRGYZ.split(unit.extracted, maxsplit=1)[-1].strip(" :-—\n")
        yield "source problem: not Kyrgyz" + (f" ({note})" if note else "")
        return
    if ctx.source_lang == "ky":
        reason = _foreign(unit.msgid)
        if reason:
            yield f"source problem: {reason}"


def _is_title(unit: Unit) -> bool:
    return bool(re.search(r"\btitle\b", unit.extracted))


@check(
    "title-repeated",
    "warning",
    "The release's title appears again as a unit of the text (the page heading was extracted).",
    scope="catalog",
)
def title_repeated(units: list[Unit], ctx: Context) -> Iterator[Finding]:
    titles = set()
    if ctx.release is not None and ctx.release.title:
        titles.add(ctx.release.title.strip())
    titles.update(u.msgid.strip() for u in units if _is_title(u))
    for unit in units:
        text = unit.msgid.strip()
        if text not in titles:
            continue
        is_title = _is_title(unit) or (ctx.release is not None and text == ctx.release.title)
        # the title entry itself is fine unless it was extracted from more than one place
        if len(unit.references) > 1 or not is_title:
            yield Finding(unit, "source problem: the title is repeated as a unit of the text")


@check(
    "empty-paragraph",
    "warning",
    "A paragraph of the source holds no text (only spaces or punctuation).",
    scope="catalog",
)
def empty_paragraph(units: list[Unit], ctx: Context) -> Iterator[Finding]:
    for unit in units:
        if not _LETTER.search(unit.msgid) and not re.search(r"\d", unit.msgid):
            yield Finding(unit, "source problem: an empty paragraph (no words)")
