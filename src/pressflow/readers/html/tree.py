"""The HTML reader's vocabulary and its one parse: which elements hold blocks, which end a run,
which are kept whole, and the tree every reader and renderer of a page gets from ``parse_html``
(or ``parse_or_fail``), with the element tests both sides share."""

from __future__ import annotations

import re
import threading
from typing import TYPE_CHECKING

from lxml import etree

from ...errors import ReaderError

if TYPE_CHECKING:
    import lxml.html


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
WS = re.compile(r"[ \t\n\r\f]+")  # ASCII whitespace as browsers collapse it; not U+00A0


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


def _parse(
    source: str, parser_class: type[etree.HTMLParser], encoded: bytes | None = None
) -> etree._Element:
    """``parse_html`` with elements of ``parser_class``'s kind: the reader only reads the tree,
    and lxml's plain elements, unlike ``lxml.html``'s, are made without a call into Python for
    every node touched (a fifth of reading a page). ``encoded``: ``source`` in UTF-8 when the
    caller has it (a release file's bytes), parsed instead of encoding the text again."""
    data = source.encode("utf-8") if encoded is None else encoded
    parser = _parser(parser_class)
    root = etree.fromstring(data, parser)
    if root is None:
        raise etree.ParserError("Document is empty")  # as lxml.html.document_fromstring says
    _unnest_void(root)
    for error in parser.error_log:
        if "Excessive depth" in error.message:
            raise _too_deep(error.line or 1)
    # Fewer elements cannot nest deeper; each is a start tag (a ``<``) but those libxml2
    # implies (``html``, ``head`` or ``body``, a ``p``): counting ``<`` is a cheaper bound
    # (in the text, which has fewer characters than the UTF-8 bytes to count).
    if source.count("<") + _IMPLIED <= MAX_DEPTH or _count_elements(root) <= MAX_DEPTH:
        return root
    depth = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth > MAX_DEPTH:
            raise _too_deep(element.sourceline or 1)
    return root


_LOCAL = threading.local()


def _parser(parser_class: type[etree.HTMLParser]) -> etree.HTMLParser:
    """This thread's parser of ``parser_class``, made once: a parser (and its libxml2
    context) made for every page cost a fourteenth of parsing it. lxml clears a parser's
    error log at each parse, and a parser serves one thread at a time."""
    parsers = _LOCAL.__dict__.setdefault("parsers", {})
    parser = parsers.get(parser_class)
    if parser is None:
        parser = parsers[parser_class] = parser_class(
            encoding="utf-8", remove_comments=False, remove_pis=False, huge_tree=True
        )
    return parser


_count_elements = etree.XPath("count(//*)")
#: The most elements libxml2 adds on one path from the root without a start tag for them.
_IMPLIED = 4


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


def is_element(node: object) -> bool:
    return isinstance(getattr(node, "tag", None), str)


#: An element's text without markup, as ``lxml.html``'s ``text_content`` (for plain elements).
text_content = etree.XPath("string()", smart_strings=False)


def skipped(el: lxml.html.HtmlElement) -> bool:
    """``translate="no"`` (and Google's ``notranslate`` class) excludes a whole subtree."""
    translate, classes = el.get("translate"), el.get("class")
    if translate is None and classes is None:
        return False  # most elements: asked several times each while a page is read
    return (translate or "").strip().lower() == "no" or "notranslate" in (classes or "").split()


def boundary(node: object) -> bool:
    return is_element(node) and node.tag in BLOCK_LEVEL and not skipped(node)


def empty_inline(el: lxml.html.HtmlElement) -> bool:
    """An inline element that a placeholder stands for whole (``<N/>``): void, opaque, skipped."""
    return el.tag in VOID or el.tag in OPAQUE or skipped(el)


def parse_or_fail(source: str, *, path: str, encoded: bytes | None = None) -> lxml.html.HtmlElement:
    """``parse_html`` with lxml's failures turned into one-line ``ReaderError``s (``encoded``:
    see ``_parse``)."""
    try:
        root = _parse(source, etree.HTMLParser, encoded)
    except TooDeep as exc:
        raise ReaderError(str(exc), path=path, line=exc.lineno) from None
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        line = getattr(exc, "lineno", None) or 1
        raise ReaderError(f"cannot parse HTML: {exc}", path=path, line=line) from None
    return root
