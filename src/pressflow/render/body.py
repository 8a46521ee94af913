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


def block_element(local: LocalBlock, *, source_lang: str, page_lang: str) -> etree._Element:
    """One block as its element, text and inline markup restored."""
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
