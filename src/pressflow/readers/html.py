"""HTML releases: translatable blocks and attributes, inline markup as numbered placeholders.

The msgid a translator sees is ``Read <1>the report</1> on <2>kabar.kg</2>.``; the URLs and every
other attribute stay in ``Block.inlines`` so that they never reach a translator or an MT engine.
Each block carries an XPath ``locator`` into the tree ``parse_html`` builds from the same source, so
a renderer can find the element again and replace only its text (see ``locate_block``).

Conventions (the renderer relies on them):

* A *container* (``p``, ``h1``…, ``li``, ``td``, ``div``…) splits its children into *runs* at each
  block-level child; run 0 is ``container.text`` plus the inline children before the first
  block-level child, run k is ``boundary[k-1].tail`` plus the inline children after it. Every run
  with letters or digits becomes one block; its locator is the container's XPath, suffixed
  ``#k`` for k > 0.
* Placeholders are numbered from 1 per block, in document order of the inline elements' start
  tags (depth first). Paired ``<N>…</N>`` wraps translatable content; empty ``<N/>`` stands for a
  void element (``br``, ``img``), opaque content (``script``, ``svg``) or code and
  ``translate="no"`` content, whose text is kept in ``Inline.text`` and markup in ``Inline.raw``.
* Attribute blocks (``alt``, ``title``, ``aria-label``, ``placeholder``, meta ``content``) have
  kind ``attribute`` (``caption`` for images read from Markdown), ``locator`` the element's XPath
  and ``attr`` the attribute name.
* Exactly one block has kind ``title``: the first ``h1``, or ``<title>`` when there is no ``h1``
  (then ``<title>`` is kind ``meta``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from lxml import etree

from ..errors import ReaderError
from ..model import Block, Inline, Problem, Release
from .dates import parse_date
from .placeholders import PLACEHOLDER, placeholder_problems, plain_text
from .roles import StructureRules, assign_roles, default_rules

if TYPE_CHECKING:
    import lxml.html

__all__ = [
    "PLACEHOLDER",
    "Target",
    "extract",
    "locate_block",
    "parse_html",
    "plain_text",
    "read_html",
]


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: Block elements whose text is translatable, and the kind of block they make.
KIND_OF: dict[str, str] = {
    **{f"h{n}": "heading" for n in range(1, 7)},
    "li": "list_item",
    "blockquote": "quote",
    "figcaption": "caption",
    "caption": "caption",
    "td": "table_cell",
    "th": "table_cell",
    "dt": "term",
    "dd": "definition",
    "summary": "heading",
    "legend": "caption",
}
#: Containers that take the kind of the nearest ``KIND_OF`` ancestor ("paragraph" otherwise).
GENERIC = _names(
    "p div section article main header footer aside nav body figure address center "
    "details form fieldset dialog hgroup search"
)
#: Elements that end a run of inline content but hold no text of their own.
STRUCTURE = _names(
    "html head ul ol dl menu table thead tbody tfoot tr colgroup col hr pre frameset "
    "frame optgroup option"
)
BLOCK_LEVEL = frozenset(KIND_OF) | GENERIC | STRUCTURE
#: Never extracted, kept whole: inside a run they become empty placeholders.
OPAQUE = _names(
    "script style template noscript svg math iframe object embed video audio canvas "
    "textarea select pre code kbd samp var"
)
VOID = _names("br wbr img input area source track param meta link base col hr")
#: Attributes whose values are translatable text.
TEXT_ATTRS = ("alt", "title", "aria-label", "placeholder")
#: ``<meta name|property=…>`` whose ``content`` is translatable.
META_TEXT = _names("description og:title og:description twitter:title twitter:description")
META_DATE = ("date", "article:published_time", "dcterms.date", "dc.date", "pubdate")

#: Deeper pages are refused: libxml2 drops what lies past 2048 levels (256 without huge_tree),
#: and walking and rebuilding a page recurses once per level.
MAX_DEPTH = 500
_WS = re.compile(r"[ \t\n\r\f]+")  # ASCII whitespace as browsers collapse it; not U+00A0


#: Void elements libxml2's HTML parser does not know as void: it nests what follows inside them
#: (``<embed><p>…`` makes the paragraph the embed's child, lost with it).
_MISPARSED_VOID = ("embed", "source", "track", "wbr", "keygen")


class TooDeep(ValueError):
    """libxml2 stops building the tree past its depth limit and drops the rest of the page."""

    def __init__(self, message: str, lineno: int):
        super().__init__(message)
        self.lineno = lineno


def parse_html(source: str) -> lxml.html.HtmlElement:
    """Parse HTML exactly as the reader does, so that block locators resolve in the result.

    ``huge_tree`` lifts libxml2's nesting limit from 256 to 2048 levels (past it libxml2
    silently drops everything after the deep element); a page deeper than ``MAX_DEPTH`` raises
    ``TooDeep`` rather than losing text."""
    import lxml.html  # (the renderer's elements; reading a release needs none of it)

    return _parse(source, lxml.html.HTMLParser)  # type: ignore[return-value]


def _parse(source: str, parser_class: type[etree.HTMLParser]) -> etree._Element:
    """``parse_html`` with elements of ``parser_class``'s kind: the reader only reads the tree,
    and lxml's plain elements, unlike ``lxml.html``'s, are made without a call into Python for
    every node touched (a fifth of reading a page)."""
    parser = parser_class(encoding="utf-8", remove_comments=False, remove_pis=False, huge_tree=True)
    root = etree.fromstring(source.encode("utf-8"), parser)
    if root is None:
        raise etree.ParserError("Document is empty")  # as lxml.html.document_fromstring says
    _unnest_void(root)
    for error in parser.error_log:
        if "Excessive depth" in error.message:
            raise _too_deep(error.line or 1)
    if _count_elements(root) <= MAX_DEPTH:  # fewer elements cannot nest deeper
        return root
    depth = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth > MAX_DEPTH:
            raise _too_deep(element.sourceline or 1)
    return root


_count_elements = etree.XPath("count(//*)")


def _too_deep(line: int) -> TooDeep:
    return TooDeep(
        f"elements nested deeper than {MAX_DEPTH} levels; flatten the markup "
        "(nothing of the release was read)",
        line,
    )


def _unnest_void(root: lxml.html.HtmlElement) -> None:
    """Give back to their parents the nodes libxml2 put inside void elements, as browsers do."""
    for el in reversed(list(root.iter(*_MISPARSED_VOID))):
        parent = el.getparent()
        if parent is None or (not len(el) and not el.text):
            continue
        inner, text, tail = list(el), el.text or "", el.tail or ""
        el.text = None
        if not inner:
            el.tail = text + tail
            continue
        el.tail = text or None
        at = parent.index(el)
        for offset, child in enumerate(inner, start=1):
            parent.insert(at + offset, child)
        inner[-1].tail = (inner[-1].tail or "") + tail or None


def _is_element(node: object) -> bool:
    return isinstance(getattr(node, "tag", None), str)


#: An element's text without markup, as ``lxml.html``'s ``text_content`` (for plain elements).
_text_content = etree.XPath("string()", smart_strings=False)


def _skipped(el: lxml.html.HtmlElement) -> bool:
    """``translate="no"`` (and Google's ``notranslate`` class) excludes a whole subtree."""
    translate, classes = el.get("translate"), el.get("class")
    if translate is None and classes is None:
        return False  # most elements: asked several times each while a page is read
    return (translate or "").strip().lower() == "no" or "notranslate" in (classes or "").split()


def _boundary(node: object) -> bool:
    return _is_element(node) and node.tag in BLOCK_LEVEL and not _skipped(node)


def runs(container: lxml.html.HtmlElement) -> list[tuple[str, list]]:
    """The runs of ``container``: (leading text, inline child nodes) split at block-level children.

    Comments and processing instructions count as inline nodes (their tails carry text).
    """
    result: list[tuple[str, list]] = [(container.text or "", [])]
    for child in container:
        if _boundary(child):
            result.append((child.tail or "", []))
        else:
            result[-1][1].append(child)
    return result


def run_placeholders(nodes: list) -> list[lxml.html.HtmlElement]:
    """Elements that placeholders 1, 2… of a run stand for, in the reader's numbering order."""
    found: list[lxml.html.HtmlElement] = []

    def walk(items: list) -> None:
        for node in items:
            if not _is_element(node):
                continue
            found.append(node)
            if not _empty(node):
                walk(list(node))

    walk(nodes)
    return found


def _empty(el: lxml.html.HtmlElement) -> bool:
    return el.tag in VOID or el.tag in OPAQUE or _skipped(el)


@dataclass(frozen=True)
class Target:
    """Where a block lives in a parsed page: the element, the attribute or the run, the inlines."""

    element: lxml.html.HtmlElement
    attr: str = ""
    run: int = 0
    anchor: lxml.html.HtmlElement | None = None  # block-level child whose tail starts run > 0
    nodes: tuple = ()  # the run's child nodes, to be replaced by the translated run
    placeholders: tuple = ()  # placeholders[i] is the element for placeholder i + 1


def locate_block(root: lxml.html.HtmlElement, block: Block) -> Target:
    """Resolve ``block.locator`` in a tree from ``parse_html``; resolve all before changing any."""
    xpath, _, run = block.locator.partition("#")
    found = root.getroottree().xpath(xpath)
    if not found:
        raise LookupError(f"block {block.index}: {block.locator!r} not found")
    element = found[0]
    if block.attr:
        return Target(element=element, attr=block.attr)
    index = int(run or 0)
    _text, nodes = runs(element)[index]
    anchor = [c for c in element if _boundary(c)][index - 1] if index else None
    return Target(
        element=element,
        run=index,
        anchor=anchor,
        nodes=tuple(nodes),
        placeholders=tuple(run_placeholders(nodes)),
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
        return tuple(Block(index=at, **fields) for at, fields in enumerate(self.found))

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
        if named and _skipped(el):
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
            if child.tag.__class__ is str and child.tag in BLOCK_LEVEL and not _skipped(child):
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
        """The block of one run (when it has text), then its inline elements' attributes."""
        inlines: list[Inline] = []
        if nodes:
            text, inlines = _inline_text(lead, nodes)
        else:  # collapsing whitespace neither adds nor removes a letter: test before
            text = _collapse(lead) if _has_text(lead) else ""
        if text and (not nodes or _has_text(text)):
            if index:
                locator = f"{self.path(el)}#{index}"
            else:
                locator = self.path(el)
                if el.tag == "h1" and self.first_h1 is None:
                    self.first_h1 = len(self.found)
            line = self.run_line(el, anchor, lead, nodes)
            self.add(kind, text, line, locator, inlines=tuple(inlines))
        for node in nodes:
            self.walk_inline(node)

    def walk_inline(self, node: object) -> None:
        """Attributes of inline elements (``img`` alt, ``a`` title) become their own blocks."""
        tag = node.tag
        if tag.__class__ is not str or tag in OPAQUE:
            return
        named = node.keys()
        if named:
            if _skipped(node):
                return
            self.attributes(node, tag, named)
        if tag not in VOID:
            for child in node:
                self.walk_inline(child)

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
            if _is_element(node) or isinstance(node, etree._Comment):
                return self.line(node) if _is_element(node) else node.sourceline or 1
        return 1


_TEXT_ATTR_SET = frozenset(TEXT_ATTRS)
_IMAGE_TEXT = frozenset(("alt", "title"))
#: Inline elements kept whole whose text is not kept either (code's is: it stays as written).
_NO_TEXT = frozenset(("script", "style", "template"))
#: One character ``str.isalnum`` accepts (``\w`` matches exactly those, and ``_``).
_ALNUM = re.compile(r"[^\W_]")


def _has_text(text: str) -> bool:
    return _ALNUM.search(PLACEHOLDER.sub("", text) if "<" in text else text) is not None


def _collapse(text: str) -> str:
    """Whitespace as a browser shows it; most runs have no run of it to collapse."""
    if "  " in text or "\n" in text or "\t" in text or "\r" in text or "\f" in text:
        text = _WS.sub(" ", text)
    return text.strip(" ")


def _inline_text(lead: str, nodes: list) -> tuple[str, list[Inline]]:
    """Render a run as placeholder text plus the ``Inline`` list, browser-style whitespace."""
    parts: list[str] = [lead]
    inlines: list[Inline] = []

    def emit(items: Iterable) -> None:
        for node in items:
            tag = node.tag
            if tag.__class__ is str:
                number = len(inlines) + 1
                attrs = tuple(node.items())
                if tag in VOID or tag in OPAQUE or _skipped(node):
                    keep = "" if tag in _NO_TEXT else _text_content(node)
                    raw = etree.tostring(node, encoding=str, with_tail=False, method="html")
                    inlines.append(Inline(number, tag, attrs, paired=False, text=keep, raw=raw))
                    parts.append(f"<{number}/>")
                else:
                    inlines.append(Inline(number, tag, attrs))
                    parts.append(f"<{number}>{node.text or ''}")
                    emit(node)
                    parts.append(f"</{number}>")
            parts.append(node.tail or "")

    emit(nodes)
    return _collapse("".join(parts)), inlines


def _date(root: etree._Element, path: str) -> datetime | None:
    """``<meta name="date">`` and kin (a bad value is an error), else the first ``<time>``."""
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").lower()
        if key in META_DATE and meta.get("content"):
            try:
                return parse_date(meta.get("content"))
            except ValueError as exc:
                raise ReaderError(f"<meta {key}>: {exc}", path=path, line=meta.sourceline) from None
    for time in root.iter("time"):
        try:
            return parse_date(time.get("datetime") or _text_content(time))
        except ValueError:
            continue
    return None


def extract(
    root: etree._Element, *, line_attr: str = "", image_kind: str = "attribute"
) -> tuple[Block, ...]:
    """All blocks of a parsed page in document order, with exactly one ``title`` block at most."""
    walker = _Extractor(root, line_attr=line_attr, image_kind=image_kind)
    for child in root:
        walker.walk(child, "paragraph")
    return walker.blocks()


def parse_or_fail(source: str, *, path: str) -> lxml.html.HtmlElement:
    """``parse_html`` with lxml's failures turned into one-line ``ReaderError``s."""
    try:
        root = _parse(source, etree.HTMLParser)
    except TooDeep as exc:
        raise ReaderError(str(exc), path=path, line=exc.lineno) from None
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        line = getattr(exc, "lineno", None) or 1
        raise ReaderError(f"cannot parse HTML: {exc}", path=path, line=line) from None
    return root


def read_html(
    source: str, *, slug: str, path: str, lang: str, rules: StructureRules | None = None
) -> Release:
    """Read an HTML release (``source`` already decoded)."""
    root = parse_or_fail(source, path=path)
    blocks, roles = assign_roles(extract(root), rules or default_rules(), path=path)
    if not blocks:
        raise ReaderError("no translatable text in the page", path=path, line=1)
    title = next((plain_text(b.text) for b in blocks if b.kind == "title"), slug)
    return Release(
        slug=slug,
        path=path,
        lang=lang,
        title=title,
        blocks=blocks,
        date=_date(root, path),
        format="html",
        source=source,
        problems=(*roles, *_removed_embeds(root, path), *placeholder_problems(blocks, path=path)),
    )


#: Elements a published page never keeps: each is one warning with its line, once per release.
REMOVED = ("script", "iframe", "embed", "object", "frame", "applet")


def _removed_embeds(root: lxml.html.HtmlElement, path: str) -> list[Problem]:
    """Scripts, frames and embeds of the source (an analytics tag, a video) vanish from the
    rebuilt pages; say so once, naming the element and its line, instead of silently."""
    found = []
    for node in root.iter(*REMOVED):
        if node.tag == "script" and node.get("type") == "application/ld+json":
            continue  # structured data: pressflow writes its own
        where = node.get("src") or node.get("data") or ""
        shown = f"<{node.tag} src={where!r}>" if where else f"<{node.tag}>"
        found.append(
            Problem(
                check="removed-embed",
                severity="warning",
                message=f"source problem: {shown} is removed from the published pages",
                path=path,
                line=node.sourceline or 1,
            )
        )
    return found
