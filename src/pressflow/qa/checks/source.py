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
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# the end of a Cyrillic sentence, with or without the space that should follow it: its stop,
# after a Cyrillic letter or a closing quote or bracket after one (read from the stop, which the
# engine skips to in its own fast scan: most characters are Cyrillic letters)
_BOUNDARY = re.compile(
    r"[.!?…](?:(?<=[\u0400-\u04ff].)|(?<=[\u0400-\u04ff][»”\")].))[.!?…]*\s*(?=[A-Z])"
)
_LETTER = re.compile(r"[^\W\d_]")


def _foreign(text: str) -> str:
    """A run of Latin-script sentences after the last Kyrgyz one (scraped page junk, a stray
    paste of the English original): everything after a Cyrillic sentence end is Latin."""
    for match in _BOUNDARY.finditer(text):
        tail = text[match.end() :]
        if not _CYRILLIC.search(tail) and _LATIN_WORD.search(tail):
            glued = "" if text[match.end() - 1].isspace() else " glued without a space"
            return f"the Kyrgyz text ends with text in another script{glued}: {tail[:40]}…"
    return ""


@check(
    "foreign-text",
    "warning",
    "The Kyrgyz source holds text in another script glued into it (page junk, a stray paste).",
    scope="source",
    about_source=True,
)
def foreign_text(unit: Unit, ctx: Context) -> Iterator[str]:
    if _NOT_KYRGYZ.search(unit.extracted):
        note = " ".join(_NOT_KYRGYZ.split(unit.extracted, maxsplit=1)[-1].split()).strip(" :-—")
        yield "source problem: not Kyrgyz" + (f" ({note})" if note else "")
        return
    if ctx.source_lang == "ky":
        reason = _foreign(unit.msgid)
        if reason:
            yield f"source problem: {reason}"


_HEAD_KINDS = frozenset({"title", "meta"})


def _is_title(unit: Unit) -> bool:
    return bool(re.search(r"\btitle\b", unit.extracted))


@check(
    "title-repeated",
    "warning",
    "The release's title appears again as a unit of the text (the page heading was extracted).",
    scope="catalog",
    about_source=True,
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
        # the title entry itself is fine unless it was extracted from more than one place of
        # the text: an HTML page's <title> (kind meta) that equals its <h1> is normal
        html_pair = {"title", "meta"} <= set(unit.extracted.splitlines()) <= _HEAD_KINDS
        if not is_title or (len(unit.references) > 1 and not html_pair):
            yield Finding(unit, "source problem: the title is repeated as a unit of the text")


@check(
    "empty-paragraph",
    "warning",
    "A paragraph of the source holds no text (only spaces or punctuation).",
    scope="catalog",
    about_source=True,
)
def empty_paragraph(units: list[Unit], ctx: Context) -> Iterator[Finding]:
    for unit in units:
        if not _LETTER.search(unit.msgid) and not re.search(r"\d", unit.msgid):
            yield Finding(unit, "source problem: an empty paragraph (no words)")
