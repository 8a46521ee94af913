"""HTML and Markdown releases rebuilt from their own source: the same structure and attributes,
with only the translatable text replaced, placeholders restored as copies of the source elements.

The readers' ``parse_html``/``locate_block`` give the same tree and the same run boundaries the
blocks were read from (for Markdown, the tree of markdown-it's rendering, ``body_html``); every
target is resolved before anything changes. What the page may keep of the result (no scripts,
handlers or unsafe URLs) is decided when it is written (``sanitize``). An HTML release keeps its
whole page and gets pressflow's head metadata and a language switcher; a Markdown release's body
goes into the site layout.
"""

from __future__ import annotations

import copy
import json

from lxml import etree

from ..model import Inline
from ..readers.html import boundary, parse_html
from ..readers.html.locate import Target, locate_block
from ..readers.markdown import body_html
from .body import prune_empty
from .inline import Piece, fill, plain_text
from .lang import lang_info
from .page import PageParts, drop_head_meta
from .sanitize import json_ld, settable_attrs, settable_tag, xml_text
from .text import LocalBlock, Localized

#: Also replaced in an HTML release's head: pressflow writes its own charset and viewport first.
_REPLACED = ("meta[@charset]", "meta[@name='viewport']")


_ASCII_WS = " \t\n\r\f"


def html_page(
    loc: Localized, parts: PageParts, *, source_lang: str
) -> tuple[etree._Element, list[str]]:
    """An HTML release's own page in ``loc.lang``; returns the tree and any warnings."""
    root = parse_html(loc.release.source)
    warnings = translate_tree(root, loc, source_lang=source_lang)
    _localize_root(root, parts)
    return root, warnings


def markdown_body(loc: Localized, *, source_lang: str) -> tuple[list[etree._Element], list[str]]:
    """A Markdown release's body in ``loc.lang``, as elements for the site layout.

    A first ``# heading`` that repeats the front matter title is the page heading the layout
    already shows, so it is left out.
    """
    root = parse_html(body_html(loc.release.source, path=loc.release.path))
    warnings = translate_tree(root, loc, source_lang=source_lang)
    body = root.find("body")
    children = [c for c in body if isinstance(c.tag, str)] if body is not None else []
    title = loc.title_block
    first = next((b for b in loc.blocks if b.block.locator), None)
    if (
        children
        and children[0].tag == "h1"
        and title is not None
        and first is not None
        and first.block.locator == body.getroottree().getpath(children[0])
        and first.block.text == title.block.text
    ):
        children = children[1:]
    return children, warnings


def translate_tree(root: etree._Element, loc: Localized, *, source_lang: str) -> list[str]:
    """Replace the text of every located block of ``loc`` in ``root``."""
    warnings: list[str] = []
    targets = []
    gone = []
    for block in loc.hidden:
        try:
            target = locate_block(root, block)
        except (LookupError, ValueError, IndexError, etree.XPathError):
            continue
        if not target.attr and target.run == 0 and not [c for c in target.element if boundary(c)]:
            gone.append(target.element)
    for local in loc.blocks:
        if not local.block.locator:
            continue  # front matter: laid out by the page, not found in the body
        try:
            targets.append((local, locate_block(root, local.block)))
        except (LookupError, ValueError, IndexError, etree.XPathError) as exc:
            warnings.append(f"{loc.release.slug} [{loc.lang}]: cannot place block: {exc}")
    for local, target in targets:  # attributes first: copied inline elements then carry them
        if target.attr:
            text = plain_text(local.pieces, local.block.inlines)
            target.element.set(target.attr, xml_text(text))
    for local, target in targets:
        if not target.attr:
            _replace_run(target, local, page_lang=loc.lang, source_lang=source_lang)
    for element in gone:  # credits, bylines, furniture: left out of the page
        if element.getparent() is not None:
            element.getparent().remove(element)
    prune_empty(root)
    return warnings


def _replace_run(target: Target, local: LocalBlock, *, page_lang: str, source_lang: str) -> None:
    """Put the translated run where the source run was, between the same block-level children."""
    element = target.element
    nodes = list(target.nodes)
    originals = list(target.placeholders)
    boundaries = [c for c in element if boundary(c)]  # the reader's rule: both sides agree
    run = target.run
    anchor = None if run == 0 else boundaries[run - 1]
    lead = (element.text if anchor is None else anchor.tail) or ""
    trail = (nodes[-1].tail if nodes else lead) or ""
    # the reader trims ASCII whitespace only (a leading no-break space is text): keep the rest
    before = lead[: len(lead) - len(lead.lstrip(_ASCII_WS))]
    after = trail[len(trail.rstrip(_ASCII_WS)) :]
    for node in nodes:
        element.remove(node)
    holder = etree.Element("holder")

    def make(container: etree._Element, inline: Inline) -> etree._Element:
        source = originals[inline.id - 1] if 0 < inline.id <= len(originals) else None
        if source is None:
            new = etree.SubElement(container, "span")
        elif inline.paired:
            attrs = dict(settable_attrs(source.attrib.items()))
            new = etree.SubElement(container, settable_tag(source.tag), attrs)
        else:
            new = copy.deepcopy(source)
            new.tail = None
            container.append(new)
        return new

    src, page = lang_info(source_lang), lang_info(page_lang)
    pieces = [Piece(before), *local.pieces, Piece(after)]
    fill(
        holder,
        pieces,
        local.block.inlines,
        fallback_lang=source_lang,
        fallback_dir=src.dir if src.dir != page.dir else "",
        make=make,
    )
    if anchor is None:
        element.text = holder.text
        position = 0
    else:
        anchor.tail = holder.text
        position = element.index(anchor) + 1
    for offset, child in enumerate(list(holder)):
        element.insert(position + offset, child)
    if page_lang != source_lang and element.get("lang") == source_lang:
        element.set("lang", page_lang)


def _localize_root(root: etree._Element, parts: PageParts) -> None:
    """``lang``/``dir`` on ``<html>``, pressflow's head metadata, the switcher atop the body."""
    root.set("lang", parts.lang.code)
    root.set("dir", parts.lang.dir)
    head = root.find("head")
    if head is None:
        head = etree.Element("head")
        root.insert(0, head)
    described = head.xpath("meta[@name='description']/@content")
    drop_head_meta(head, extra=_REPLACED)
    charset = etree.Element("meta", charset="utf-8")
    viewport = etree.Element("meta", name="viewport")
    viewport.set("content", "width=device-width, initial-scale=1")
    head.insert(0, charset)
    head.insert(1, viewport)
    charset.tail = viewport.tail = "\n"
    if head.find("title") is None:
        title = etree.SubElement(head, "title")
        title.text = parts.doc_title
    for node in parts.head:
        node.tail = "\n"
        describes = node.get("name") == "description" or node.get("property") == "og:description"
        if described and describes:
            node.set("content", str(described[0]))  # the source's own, translated
        if described and node.tag == "script" and node.text:
            data = json.loads(node.text)
            data["description"] = str(described[0])
            node.text = json_ld(data)
        head.append(node)
    body = root.find("body")
    if body is None:
        body = etree.SubElement(root, "body")
    parts.switcher.tail = "\n"
    body.insert(0, parts.switcher)
    body.text = "\n" if not (body.text or "").strip() else body.text
