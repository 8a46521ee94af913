"""The blocks of a parsed page: one walk in document order, runs as placeholder text."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from ...model import Block, Inline, value_of
from ..placeholders import PLACEHOLDER
from .tree import (
    BLOCK_LEVEL,
    KIND_OF,
    META_TEXT,
    OPAQUE,
    STRUCTURE,
    TEXT_ATTRS,
    WS,
    empty_inline,
    is_element,
    skipped,
    text_content,
)


class _Extractor:
    """Walks a parsed page once, in document order, collecting blocks.

    Speed matters here (every release of a newsroom goes through it on each extract): tags are
    tested against sets once per element, attributes are looked at only on elements that have
    some, a childless container is one run without the general machinery, and the blocks are
    made once their kinds are known (the first ``h1`` decides which one is the title)."""

    def __init__(self, root: etree._Element, *, line_attr: str, image_kind: str):
        self.path = root.getroottree().getpath
        self.line_attr = line_attr
        self.image_kind = image_kind
        self.found: list[dict] = []  # each block's fields but its index, in document order
        self.first_h1: int | None = None  # in ``found``: the block the page's title is

    def line(self, el: etree._Element, text: str = "") -> int:
        lead = text[: len(text) - len(text.lstrip())].count("\n") if text else 0
        if self.line_attr:
            raw = f"{self.line_attr}-raw"  # raw HTML copied through: count lines from it
            for node in (el, *el.iterancestors()):
                if node.get(self.line_attr):
                    return int(node.get(self.line_attr)) + lead
                if node.get(raw):
                    delta = (el.sourceline or 0) - (node.sourceline or 0)
                    return int(node.get(raw)) + max(delta, 0) + lead
            return 1 + lead
        return (el.sourceline or 1) + lead

    def add(self, kind: str, text: str, line: int, locator: str, **extra: object) -> None:
        self.found.append({"kind": kind, "text": text, "line": line, "locator": locator, **extra})

    def blocks(self) -> tuple[Block, ...]:
        """The blocks, with exactly one ``title``: the first ``h1``, else ``<title>``."""
        h1 = self.first_h1
        if h1 is not None:
            for at, fields in enumerate(self.found):
                if at == h1:
                    fields["kind"] = "title"
                elif fields["kind"] == "title":
                    fields["kind"] = "meta"
        return tuple(
            value_of(Block, {"index": at, **fields}) for at, fields in enumerate(self.found)
        )

    # -- attributes ---------------------------------------------------------------------------
    def attributes(self, el: etree._Element, tag: str, named: list[str]) -> None:
        """Blocks of the translatable attributes of ``el``, whose attribute names are ``named``."""
        if tag == "meta":
            key = (el.get("name") or el.get("property") or "").lower()
            if key in META_TEXT and _has_text(el.get("content", "")):
                self.add("meta", el.get("content"), self.line(el), self.path(el), attr="content")
            return
        if _TEXT_ATTR_SET.isdisjoint(named):
            return
        for name in TEXT_ATTRS:
            value = el.get(name)
            if value is not None and _has_text(value):
                kind = self.image_kind if tag == "img" and name in _IMAGE_TEXT else "attribute"
                self.add(kind, value, self.line(el), self.path(el), attr=name)

    # -- walking ------------------------------------------------------------------------------
    def walk(self, el: etree._Element, kind: str) -> None:
        tag = el.tag
        if tag.__class__ is not str or tag in OPAQUE:
            return
        named = el.keys()
        if named and skipped(el):
            return
        if tag == "head":
            self.head(el)
            return
        if named:
            self.attributes(el, tag, named)
        if tag not in BLOCK_LEVEL:  # an inline element outside any container (rare)
            for child in el:
                self.walk(child, kind)
            return
        kind = KIND_OF.get(tag, kind)
        if tag in STRUCTURE:
            for child in el:
                self.walk(child, kind)
            return
        if len(el):
            self.container(el, kind)
            return
        text = el.text  # no children: one run, the element's own text
        if text:
            self.run(el, kind, index=0, anchor=None, lead=text, nodes=[])

    def head(self, head: etree._Element) -> None:
        """``<title>`` and the attributes of the head's elements (``<meta>`` descriptions)."""
        for child in head:
            tag = child.tag
            if tag.__class__ is not str:
                continue
            if tag == "title" and _has_text(child.text or ""):
                self.add("title", _collapse(child.text), self.line(child), self.path(child))
            else:
                self.attributes(child, tag, child.keys())

    def container(self, el: etree._Element, kind: str) -> None:
        """The runs of ``el`` in order, each block-level child walked between two runs."""
        index, anchor, lead, nodes = 0, None, el.text or "", []
        for child in el:
            tag = child.tag
            if tag.__class__ is str and tag in BLOCK_LEVEL and not skipped(child):
                self.run(el, kind, index=index, anchor=anchor, lead=lead, nodes=nodes)
                self.walk(child, kind)
                index, anchor, lead, nodes = index + 1, child, child.tail or "", []
            else:
                nodes.append(child)
        self.run(el, kind, index=index, anchor=anchor, lead=lead, nodes=nodes)

    def run(
        self,
        el: etree._Element,
        kind: str,
        *,
        index: int,
        anchor: etree._Element | None,
        lead: str,
        nodes: list,
    ) -> None:
        """The block of one run (when it has text), then its inline elements' attributes
        (``img`` alt, ``a`` title: found while the run's text is made, placed after it)."""
        if not nodes and (not lead or lead.isspace()):
            return  # the whitespace between block-level children: most runs of a page
        at = len(self.found)
        inlines: list[Inline] = []
        if nodes:
            text = self.inline_text(lead, nodes, inlines)
        else:  # collapsing whitespace neither adds nor removes a letter: test before
            text = _collapse(lead) if _has_text(lead) else ""
        if text and (not nodes or _has_text(text)):
            if index:
                locator = f"{self.path(el)}#{index}"
            else:
                locator = self.path(el)
                if el.tag == "h1" and self.first_h1 is None:
                    self.first_h1 = at
            line = self.run_line(el, anchor, lead, nodes)
            fields = {"kind": kind, "text": text, "line": line, "locator": locator}
            self.found.insert(at, {**fields, "inlines": tuple(inlines)})

    def inline_text(self, lead: str, nodes: list, inlines: list[Inline]) -> str:
        """A run as placeholder text, browser-style whitespace; its ``Inline``s appended to
        ``inlines`` and the blocks of its inline elements' attributes added, in one walk."""
        parts: list[str] = [lead]

        def emit(items: Iterable) -> None:
            for node in items:
                tag = node.tag
                if tag.__class__ is str:
                    number = len(inlines) + 1
                    attrs = tuple(node.items())
                    if attrs and tag not in OPAQUE and not skipped(node):
                        self.attributes(node, tag, node.keys())
                    if empty_inline(node):
                        parts.append(self.kept_whole(node, tag, number, attrs, inlines))
                    else:
                        inlines.append(value_of(Inline, {"id": number, "tag": tag, "attrs": attrs}))
                        parts.append(f"<{number}>{node.text or ''}")
                        emit(node)
                        parts.append(f"</{number}>")
                parts.append(node.tail or "")

        emit(nodes)
        return _collapse("".join(parts))

    @staticmethod
    def kept_whole(
        node: etree._Element, tag: str, number: int, attrs: tuple, inlines: list[Inline]
    ) -> str:
        """The empty placeholder of an element kept whole (void, opaque, not translated)."""
        keep = "" if tag in _NO_TEXT else text_content(node)
        raw = etree.tostring(node, encoding=str, with_tail=False, method="html")
        fields = {"id": number, "tag": tag, "attrs": attrs, "paired": False}
        inlines.append(value_of(Inline, {**fields, "text": keep, "raw": raw}))
        return f"<{number}/>"

    def run_line(self, el: etree._Element, anchor: object, lead: str, nodes: list) -> int:
        """Line of a run's first text: the container's, the first inline's, or past the anchor."""
        if nodes and not lead.strip():
            return self.first_line(nodes)
        if anchor is None:
            return self.line(el, lead)
        inner = etree.tostring(anchor, encoding=str, with_tail=False)
        return self.line(anchor, lead) + inner.count("\n")

    def first_line(self, nodes: list) -> int:
        for node in nodes:
            if is_element(node) or isinstance(node, etree._Comment):
                return self.line(node) if is_element(node) else node.sourceline or 1
        return 1


_TEXT_ATTR_SET = frozenset(TEXT_ATTRS)
_IMAGE_TEXT = frozenset(("alt", "title"))
#: Inline elements kept whole whose text is not kept either (code's is: it stays as written).
_NO_TEXT = frozenset(("script", "style", "template"))
#: One character ``str.isalnum`` accepts (``\w`` matches exactly those, and ``_``).
_ALNUM = re.compile(r"[^\W_]")
#: A letter: never part of a placeholder (``<``, ``/``, ``>`` and digits), so one is enough.
_LETTER = re.compile(r"[^\W\d_]")


def _has_text(text: str) -> bool:
    """A letter or digit outside the placeholders: a run worth translating."""
    if "<" not in text:
        return _ALNUM.search(text) is not None
    return _LETTER.search(text) is not None or _ALNUM.search(PLACEHOLDER.sub("", text)) is not None


def _collapse(text: str) -> str:
    """Whitespace as a browser shows it; most runs have no run of it to collapse."""
    if "  " in text or "\n" in text or "\t" in text or "\r" in text or "\f" in text:
        text = WS.sub(" ", text)
    return text.strip(" ")


def extract(
    root: etree._Element, *, line_attr: str = "", image_kind: str = "attribute"
) -> tuple[Block, ...]:
    """All blocks of a parsed page in document order, with exactly one ``title`` block at most."""
    walker = _Extractor(root, line_attr=line_attr, image_kind=image_kind)
    for child in root:
        walker.walk(child, "paragraph")
    return walker.blocks()
