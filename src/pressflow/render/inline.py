"""Placeholders back into elements: ``<1>…</1>`` and ``<2/>`` in a text become the inline markup
the reader recorded for them (``Block.inlines``), built with lxml so that the text stays text.

A translation whose placeholders do not match its source is shown as text only: nothing a
translator (or an MT engine) writes can open an element the source did not have.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from lxml import etree

from ..model import Inline
from .sanitize import inline_tag, settable_attrs, xml_text

_VOID = frozenset({"br", "img", "wbr"})
_TOKEN = re.compile(r"<(\d+)>|</(\d+)>|<(\d+)/>")


@dataclass(frozen=True)
class Token:
    """A piece of a text: ``kind`` is text, open, close or empty; ``id`` for placeholders."""

    kind: str
    value: str = ""
    id: int = 0


@dataclass(frozen=True)
class Piece:
    """Text with placeholders; ``fallback`` marks source text standing in for a translation.

    ``foreign`` fallback text is not in the source language either (the segmenter flagged it,
    e.g. scraped junk), so it is marked ``lang=""``: language unknown, rather than wrongly ky.
    """

    text: str
    fallback: bool = False
    foreign: bool = False


def tokens(text: str) -> list[Token]:
    """Split a text into text runs and placeholder tokens."""
    out: list[Token] = []
    pos = 0
    for match in _TOKEN.finditer(text):
        if match.start() > pos:
            out.append(Token("text", text[pos : match.start()]))
        opened, closed, empty = match.groups()
        if opened is not None:
            out.append(Token("open", id=int(opened)))
        elif closed is not None:
            out.append(Token("close", id=int(closed)))
        else:
            out.append(Token("empty", id=int(empty)))
        pos = match.end()
    if pos < len(text):
        out.append(Token("text", text[pos:]))
    return out


def strip_placeholders(text: str) -> str:
    """The text with every placeholder tag removed (their content kept)."""
    return _TOKEN.sub("", text)


def placeholders_match(source: str, translation: str) -> bool:
    """True when the translation has the source's placeholders, each pair opened before closed."""
    src = [t for t in tokens(source) if t.kind != "text"]
    dst = [t for t in tokens(translation) if t.kind != "text"]
    if Counter(src) != Counter(dst):
        return False
    seen_open: set[int] = set()
    paired_in_source = {t.id for t in src if t.kind == "open"} & {
        t.id for t in src if t.kind == "close"
    }
    for tok in dst:
        if tok.kind == "open":
            seen_open.add(tok.id)
        elif tok.kind == "close" and tok.id in paired_in_source and tok.id not in seen_open:
            return False
    return True


def plain_text(pieces: Iterable[Piece], inlines: Sequence[Inline] = ()) -> str:
    """The visible text of pieces: placeholders dropped, fixed inline content (code) kept."""
    by_id = {i.id: i for i in inlines}
    out: list[str] = []
    for piece in pieces:
        for tok in tokens(piece.text):
            if tok.kind == "text":
                out.append(tok.value)
            elif tok.kind == "empty" and tok.id in by_id:
                out.append(by_id[tok.id].text)
    return "".join(out)


def fill(
    parent: etree._Element,
    pieces: Iterable[Piece],
    inlines: Sequence[Inline],
    *,
    fallback_lang: str,
    fallback_dir: str = "",
    make: Callable[[etree._Element, Inline], etree._Element] | None = None,
) -> None:
    """Append pieces to ``parent`` as text and restored inline elements.

    Fallback text goes inside ``<span lang=fallback_lang>`` (split around inline elements, which
    keeps the tree valid even when a placeholder pair spans two units). Unknown ids and closing
    tags without an opening are ignored; elements still open at the end are closed there.
    ``make`` builds the element for a placeholder (default: safe tag and attributes from the
    ``Inline``; HTML releases copy the source element instead).
    """
    make = make or _element
    by_id = {i.id: i for i in inlines}
    stack: list[tuple[int, etree._Element]] = []
    span: etree._Element | None = None
    for piece in pieces:
        for tok in tokens(piece.text):
            container = stack[-1][1] if stack else parent
            if tok.kind == "text":
                if not piece.fallback:
                    _append_text(container, tok.value)
                    span = None
                    continue
                lang = "" if piece.foreign else fallback_lang
                if (
                    span is None
                    or len(container) == 0
                    or container[-1] is not span
                    or span.get("lang") != lang
                ):
                    span = etree.SubElement(container, "span", lang=lang)
                    if fallback_dir and not piece.foreign:
                        span.set("dir", fallback_dir)
                span.text = (span.text or "") + xml_text(tok.value)
                continue
            span = None
            inline = by_id.get(tok.id)
            if tok.kind == "open" and inline is not None and inline.paired:
                stack.append((tok.id, make(container, inline)))
            elif tok.kind == "close" and any(i == tok.id for i, _ in stack):
                while stack and stack.pop()[0] != tok.id:
                    pass
            elif tok.kind == "empty" and inline is not None and not inline.paired:
                el = make(container, inline)
                if inline.text and el.tag not in _VOID and make is _element:
                    el.text = inline.text


def _element(container: etree._Element, inline: Inline) -> etree._Element:
    el = etree.SubElement(container, inline_tag(inline.tag))
    for name, value in settable_attrs(inline.attrs):
        el.set(name, value)
    return el


def _append_text(container: etree._Element, text: str) -> None:
    text = xml_text(text)
    if not text:
        return
    if len(container):
        last = container[-1]
        last.tail = (last.tail or "") + text
    else:
        container.text = (container.text or "") + text
