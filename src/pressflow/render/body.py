"""Blocks of a release laid out as HTML elements: each kind has its element, runs of list items
and terms are grouped. The text goes through ``inline.fill`` so placeholders become elements and
fallback units are marked with the source language.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from .inline import fill
from .lang import lang_info
from .page import el
from .text import LocalBlock
from .ui import CONTACT_LABELS, say

#: kind -> (element, class). Kinds not listed are laid out as paragraphs.
KIND_TAGS: dict[str, tuple[str, str]] = {
    "title": ("h1", ""),
    "heading": ("h2", ""),
    "paragraph": ("p", ""),
    "quote": ("blockquote", ""),
    "caption": ("p", "caption"),
    "list_item": ("li", ""),
    "table_cell": ("p", "cell"),
    "term": ("dt", ""),
    "definition": ("dd", ""),
}
#: kind -> the element that groups a run of blocks of that kind.
GROUPS: dict[str, str] = {"list_item": "ul", "term": "dl", "definition": "dl"}


#: Elements that may stand empty (a table cell keeps its table's shape; void elements).
_KEEP = (
    "td th br hr img input source track wbr col area meta link base html head body title "
    "script style iframe video audio canvas svg object embed textarea select option"
)
KEEP_EMPTY = frozenset(_KEEP.split())


def prune_empty(root: etree._Element) -> None:
    """Remove elements left with no text and no content (a paragraph whose only unit was left
    out): an empty ``<p></p>`` is a gap on the page and a finding of every HTML checker."""
    for node in reversed(list(root.iter())):
        if not isinstance(node.tag, str) or node.tag in KEEP_EMPTY or node.getparent() is None:
            continue
        if len(node) or (node.text or "").strip():
            continue
        parent = node.getparent()
        tail = (node.text or "") + (node.tail or "")  # its spaces still part words: keep them
        if tail:
            previous = node.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        parent.remove(node)


def contact_element(local: LocalBlock, *, page_lang: str, source_lang: str) -> etree._Element:
    """A contact line: its label in the page's language, the value (phone, e-mail) as written,
    marked with the source language when it has words (an address) on another language's page."""
    node = el("p", None, class_="contact")
    value = local.block.text.strip()
    message = CONTACT_LABELS.get(local.block.label, "")
    label = say(page_lang, message) if message else ""
    if label:
        etree.SubElement(node, "span", {"class": "label"}).text = label + (": " if value else ":")
    if value:
        holder = etree.SubElement(node, "span", {"class": "value", "translate": "no"})
        holder.text = value
        if page_lang != source_lang and any(c.isalpha() for c in value):
            holder.set("lang", source_lang)
    return node


def block_element(local: LocalBlock, *, source_lang: str, page_lang: str) -> etree._Element:
    """One block as its element, text and inline markup restored."""
    if local.block.role == "contact":
        return contact_element(local, page_lang=page_lang, source_lang=source_lang)
    tag, cls = KIND_TAGS.get(local.block.kind, ("p", ""))
    node = el(tag, None, class_=cls) if cls else el(tag)
    src, page = lang_info(source_lang), lang_info(page_lang)
    fill(
        node,
        local.pieces,
        local.block.inlines,
        fallback_lang=source_lang,
        fallback_dir=src.dir if src.dir != page.dir else "",
    )
    return node


def body_elements(
    blocks: Iterable[LocalBlock], *, source_lang: str, page_lang: str
) -> list[etree._Element]:
    """The article body: blocks in order, runs of list items (and of terms) in one list."""
    out: list[etree._Element] = []
    group: etree._Element | None = None
    group_tag = ""
    for local in blocks:
        node = block_element(local, source_lang=source_lang, page_lang=page_lang)
        if not node.text_content().strip() and not len(node):
            continue  # nothing left to show (its only unit was left out): no empty element
        wanted = GROUPS.get(local.block.kind, "")
        if not wanted:
            group, group_tag = None, ""
            out.append(node)
            continue
        if group is None or group_tag != wanted:
            group, group_tag = el(wanted), wanted
            out.append(group)
        group.append(node)
    return out
