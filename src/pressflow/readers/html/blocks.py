"""The blocks of a parsed page: one walk in document order, runs as placeholder text."""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from ...model import Block, Inline, value_from, value_of
from ..placeholders import PLACEHOLDER
from .tree import (
    BLOCK_LEVEL,
    GENERIC,
    KIND_OF,
    META_TEXT,
    OPAQUE,
    STRUCTURE,
    TEXT_ATTRS,
    VOID,
    WS,
    is_element,
    skipped,
    text_content,
)

#: What the walk does with an element, by tag (``_INLINE`` for any tag not named here).
_SKIP, _HEAD, _INLINE, _STRUCTURE, _CONTAINER = range(5)
_ACTION: dict[str, int] = {
    **{tag: _INLINE for tag in VOID},
    **{tag: _CONTAINER for tag in (*KIND_OF, *GENERIC)},
    **{tag: _STRUCTURE for tag in STRUCTURE},
    **{tag: _SKIP for tag in OPAQUE},
    "head": _HEAD,
}
#: Inline tags a placeholder stands for whole (with ``skipped`` elements).
_WHOLE = VOID | OPAQUE


class _Extractor:
    """Walks a parsed page once, in document order, collecting blocks.

    Speed matters here (every release of a newsroom goes through it on each extract): one dict
    lookup tells what to do with an element, attributes are looked at only on elements that
    have some, the whitespace between block-level children is passed over where it is met, a
    block-level child without children or attributes (most paragraphs) is read where it is met,
    and each block's fields are one dict, every field in order, made once and made the block
    (its index set at the end, when the first ``h1`` has decided which block is the title)."""

    def __init__(self, root: etree._Element, *, line_attr: str, image_kind: str):
        self.path = _paths(root)
        self.line_attr = line_attr
        self.image_kind = image_kind
        self.found: list[dict] = []  # each block's fields, in document order
        self.first_h1: int | None = None  # in ``found``: the block the page's title is

    def line(self, el: etree._Element, text: str = "") -> int:
        lead = text[: len(text) - len(text.lstrip())].count("\n") if text[:1].isspace() else 0
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

    def add(self, kind: str, text: str, line: int, locator: str, attr: str = "") -> None:
        self.found.append(_fields(kind, text, line, (), locator, attr))

    def blocks(self) -> tuple[Block, ...]:
        """The blocks, with exactly one ``title``: the first ``h1``, else ``<title>``."""
        found, h1 = self.found, self.first_h1
        if h1 is not None:
            for fields in found:
                if fields["kind"] == "title":
                    fields["kind"] = "meta"
            found[h1]["kind"] = "title"
        for at, fields in enumerate(found):
            fields["index"] = at
        return tuple([value_from(Block, fields) for fields in found])

    # -- attributes ---------------------------------------------------------------------------
    def attributes(self, el: etree._Element, tag: str, named: list[str]) -> None:
        """Blocks of the translatable attributes of ``el``, whose attribute names are ``named``."""
        if tag == "meta":
            key = (el.get("name") or el.get("property") or "").lower()
            if key in META_TEXT and _has_text(el.get("content", "")):
                self.add("meta", el.get("content"), self.line(el), self.path(el), "content")
            return
        if _TEXT_ATTR_SET.isdisjoint(named):
            return
        for name in TEXT_ATTRS:
            value = el.get(name)
            if value is not None and _has_text(value):
                kind = self.image_kind if tag == "img" and name in _IMAGE_TEXT else "attribute"
                self.add(kind, value, self.line(el), self.path(el), name)

    # -- walking ------------------------------------------------------------------------------
    def walk(self, el: etree._Element, kind: str) -> None:
        tag = el.tag
        if tag.__class__ is not str:
            return
        action = _ACTION.get(tag, _INLINE)
        if action == _SKIP:
            return
        named = el.keys()
        if named and skipped(el):
            return
        self.enter(el, tag, action, named, kind)

    def enter(self, el: etree._Element, tag: str, action: int, named: list, kind: str) -> None:
        """An element ``walk`` does not skip: its attributes' blocks, then its runs or its
        children's."""
        if named and action != _HEAD:
            self.attributes(el, tag, named)
        if action == _CONTAINER:
            self.container(el, KIND_OF.get(tag, kind))
        elif action == _HEAD:
            self.head(el)
        else:  # structure, or an inline element outside any container (rare)
            for child in el:
                self.walk(child, kind)

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
        lead = el.text or ""
        if not len(el):  # no children: one run, the element's own text
            if lead and not lead.isspace():
                self.plain(el, kind, lead)
            return
        index, anchor, nodes = 0, None, []
        for child in el:
            tag = child.tag
            if tag.__class__ is str and tag in BLOCK_LEVEL:
                named = child.keys()
                if not named or not skipped(child):
                    if nodes or (lead and not lead.isspace()):
                        self.run(el, kind, index, anchor, lead, nodes)
                        nodes = []
                    action = _ACTION[tag]
                    if action == _CONTAINER and not named and not len(child):
                        text = child.text  # (most paragraphs: read here, not walked)
                        if text and not text.isspace():
                            self.plain(child, KIND_OF.get(tag, kind), text)
                    elif action != _SKIP:
                        self.enter(child, tag, action, named, kind)
                    index, anchor, lead = index + 1, child, child.tail or ""
                    continue
            nodes.append(child)
        if nodes or (lead and not lead.isspace()):
            self.run(el, kind, index, anchor, lead, nodes)

    def plain(self, el: etree._Element, kind: str, text: str) -> None:
        """The block of an element without children, from its text (``run`` of one run
        without inline nodes, its first): most paragraphs and headings."""
        if ("<" in text or _ALNUM.search(text) is None) and not _has_text(text):
            return
        found = self.found
        if self.first_h1 is None and el.tag == "h1":
            self.first_h1 = len(found)
        line = self.line(el, text) if self.line_attr or text[:1].isspace() else el.sourceline or 1
        found.append(_fields(kind, _collapse(text), line, (), self.path(el), ""))

    def run(
        self,
        el: etree._Element,
        kind: str,
        index: int,
        anchor: etree._Element | None,
        lead: str,
        nodes: list,
    ) -> None:
        """The block of one run with text (``nodes``: its inline nodes, if any), then its
        inline elements' attributes (``img`` alt, ``a`` title: found while the run's text is
        made, placed after it)."""
        if not nodes:
            if index == 0:
                self.plain(el, kind, lead)
                return
            if not _has_text(lead):  # collapsing whitespace neither adds nor removes a letter
                return
        found = self.found
        at = len(found)
        line: int | None
        if nodes:
            inlines: list[Inline] = []
            text = self.inline_text(lead, nodes, inlines)
            if not text or not _has_text(text):
                return
            line = self.first_line(nodes) if not lead or lead.isspace() else None
            held = tuple(inlines)
        else:
            text, line, held = _collapse(lead), None, ()
        if index:
            locator = f"{self.path(el)}#{index}"
        else:
            locator = self.path(el)
            if el.tag == "h1" and self.first_h1 is None:
                self.first_h1 = at
        if line is None:
            if anchor is None:
                line = self.line(el, lead)
            else:
                inner = etree.tostring(anchor, encoding=str, with_tail=False)
                line = self.line(anchor, lead) + inner.count("\n")
        found.insert(at, _fields(kind, text, line, held, locator, ""))

    def inline_text(self, lead: str, nodes: list, inlines: list[Inline]) -> str:
        """A run as placeholder text, browser-style whitespace; its ``Inline``s appended to
        ``inlines`` and the blocks of its inline elements' attributes added, in one walk."""
        parts: list[str] = [lead]
        self.emit(nodes, parts, inlines)
        return _collapse("".join(parts))

    def emit(self, items: list | etree._Element, parts: list[str], inlines: list[Inline]) -> None:
        """Append the text of inline ``items`` to ``parts``, each element as its placeholder.

        A method, not a closure calling itself: such a closure is a reference cycle, which
        kept each page's whole tree (through ``self``) alive until the garbage collector ran,
        and freed the trees inside its runs (a fifth of reading a page)."""
        add = parts.append
        for node in items:
            tag = node.tag
            if tag.__class__ is str:
                number = len(inlines) + 1
                attrs = tuple(node.items())
                if attrs:
                    whole = skipped(node)
                    if not whole and tag not in OPAQUE:
                        named = node.keys()
                        if tag == "meta" or not _TEXT_ATTR_SET.isdisjoint(named):
                            self.attributes(node, tag, named)
                    whole = whole or tag in _WHOLE
                else:
                    whole = tag in _WHOLE
                if whole:
                    add(self.kept_whole(node, tag, number, attrs, inlines))
                else:
                    fields = {"id": number, "tag": tag, "attrs": attrs, "paired": True}
                    fields["text"] = fields["raw"] = ""  # (every field, in order)
                    inlines.append(value_from(Inline, fields))
                    add(f"<{number}>{node.text or ''}")
                    if len(node):
                        self.emit(node, parts, inlines)
                    add(f"</{number}>")
            tail = node.tail
            if tail:
                add(tail)

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

    def first_line(self, nodes: list) -> int:
        """Line of a run's first text when it starts with inline nodes: the first element's
        (or comment's)."""
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


def _fields(kind: str, text: str, line: int, inlines: tuple, locator: str, attr: str) -> dict:
    """A block's fields, every one in order (``model.value_from``); its index set later."""
    return {
        "index": 0,
        "kind": kind,
        "text": text,
        "line": line,
        "inlines": inlines,
        "locator": locator,
        "attr": attr,
        "flags": (),
        "note": "",
        "role": "",
        "label": "",
    }


def _paths(root: etree._Element) -> Callable[[etree._Element], str]:
    """The XPath of an element under ``root`` (a page from ``tree._parse``), as libxml2 writes
    it (``getpath``, with ``snprintf`` for each level: twice the cost): lxml's ElementPath of
    it, which numbers an element among its siblings by the same rule (from 1, when another
    element has its name), under libxml2's XPath of the root (``/html``, or ``/html[1]`` when
    the page has more than one)."""
    tree = root.getroottree()
    relative, top = tree.getelementpath, tree.getpath(root)

    def path(el: etree._Element) -> str:
        found = relative(el)
        return top if found == "." else f"{top}/{found}"

    return path


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
