"""A newsroom's own page template: an HTML file whose marked elements pressflow fills.

Slots are elements with ``data-pressflow="title|date|body|switcher|alternates"``; ``body`` is
required, ``alternates`` (if present) must be in ``<head>`` and is replaced by pressflow's head
metadata. A template with an unknown or repeated slot, a script, or a slot whose element's content
is not ordinary HTML text (``style``, ``textarea``, ``title``, anything in ``svg``…, where a
translation would not stay text) is refused with its file and line. What is kept of a template is
decided by the same allowlist as every page (``sanitize``), once when it is loaded and again on
every page written from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import lxml.html
from lxml import etree

from ..errors import TemplateError
from .page import PageParts, drop_head_meta, el, tidy
from .sanitize import NOT_TEXT, SLOT_ATTR, sanitize_page

SLOTS = ("title", "date", "body", "switcher", "alternates")
_VOID = frozenset({"embed", "frame"})


@dataclass(frozen=True)
class Template:
    """A checked template: its text (parsed afresh per page, so pages never share nodes)."""

    source: str
    shown: str

    def render(self, parts: PageParts) -> etree._Element:
        """The template filled with ``parts``."""
        root = lxml.html.document_fromstring(self.source)
        root.set("lang", parts.lang.code)
        root.set("dir", parts.lang.dir)
        head = _head(root)
        drop_head_meta(head, extra=("meta[@charset]",))  # pages are written as UTF-8
        head.insert(0, el("meta", charset="utf-8"))
        if not head.xpath("meta[@name='viewport']"):
            head.insert(
                1, el("meta", name="viewport", content="width=device-width, initial-scale=1")
            )
        title = head.find("title")
        if title is None:
            title = etree.SubElement(head, "title")
        title.text = parts.doc_title
        slots = {node.get(SLOT_ATTR): node for node in root.iter() if node.get(SLOT_ATTR)}
        for name, node in slots.items():
            FILLERS[name](node, parts)
        if "alternates" not in slots:
            for meta in parts.head:
                meta.tail = "\n"
                head.append(meta)
        for node in root.iter():
            if isinstance(node.tag, str) and SLOT_ATTR in node.attrib:
                del node.attrib[SLOT_ATTR]
        return root


def _head(root: etree._Element) -> etree._Element:
    head = root.find("head")
    if head is None:
        head = etree.Element("head")
        root.insert(0, head)
    return head


def _clear(node: etree._Element) -> None:
    node.text = None
    for child in list(node):
        node.remove(child)


def _put(node: etree._Element, children: list[etree._Element]) -> None:
    _clear(node)
    node.text = (
        "\n" if any(c.tag in {"p", "article", "nav", "h1", "ul"} for c in children) else None
    )
    for child in children:
        tidy(child)
        child.tail = "\n"
        node.append(child)


def _fill_title(node: etree._Element, parts: PageParts) -> None:
    _clear(node)
    node.text = parts.heading.text
    for child in list(parts.heading):
        node.append(child)


def _fill_date(node: etree._Element, parts: PageParts) -> None:
    stamp = None if parts.date is None else next(parts.date.iter("time"), None)
    if stamp is None:
        _remove_keep_tail(node)
    elif node.tag == "time":
        _clear(node)
        node.set("datetime", stamp.get("datetime", ""))
        node.text = stamp.text
    else:
        _put(node, [stamp])


def _fill_body(node: etree._Element, parts: PageParts) -> None:
    _put(node, list(parts.content))


def _fill_switcher(node: etree._Element, parts: PageParts) -> None:
    if node.tag == "nav":
        for key, value in parts.switcher.attrib.items():
            if key not in node.attrib:
                node.set(key, value)
        _put(node, list(parts.switcher))
    else:
        _put(node, [parts.switcher])


def _fill_alternates(node: etree._Element, parts: PageParts) -> None:
    parent = node.getparent()
    position = parent.index(node)
    _remove_keep_tail(node)
    for offset, meta in enumerate(parts.head):
        meta.tail = "\n"
        parent.insert(position + offset, meta)


def _remove_keep_tail(node: etree._Element) -> None:
    parent = node.getparent()
    prev = node.getprevious()
    if node.tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)


FILLERS = {
    "title": _fill_title,
    "date": _fill_date,
    "body": _fill_body,
    "switcher": _fill_switcher,
    "alternates": _fill_alternates,
}


def load_template(path: Path, *, shown: str) -> Template:
    """Read and check a template; ``TemplateError`` (with file and line) when it cannot work."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise TemplateError(f"cannot read template: {exc.strerror or exc}", path=shown) from None
    try:
        source = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise TemplateError("template is not UTF-8 text", path=shown, line=line) from None
    if not source.strip():
        raise TemplateError("template is empty", path=shown, line=1)
    try:
        root = lxml.html.document_fromstring(source)
    except (etree.ParserError, ValueError) as exc:
        raise TemplateError(f"cannot parse template: {exc}", path=shown, line=1) from None
    seen = _check_slots(root, shown=shown)
    sanitize_page(root, slots=True)
    kept = {node.get(SLOT_ATTR) for node in root.iter() if isinstance(node.tag, str)}
    for name, (line, tag) in seen.items():
        if name not in kept:
            raise TemplateError(
                f"slot {name!r} is on <{tag}>, an element published pages may not hold",
                path=shown,
                line=line,
            )
    return Template(source=lxml.html.tostring(root, encoding="unicode"), shown=shown)


def _check_slots(root: etree._Element, *, shown: str) -> dict[str, tuple[int, str]]:
    """Every slot's line and tag; ``TemplateError`` for a script or a misplaced slot."""
    seen: dict[str, tuple[int, str]] = {}
    for node in root.iter():
        if not isinstance(node.tag, str):
            continue
        line = node.sourceline or 1
        if node.tag == "script" and node.get("type") != "application/ld+json":
            raise TemplateError(
                "templates may not hold scripts (pages ship none)", path=shown, line=line
            )
        name = node.get(SLOT_ATTR)
        if name is None:
            continue
        if name not in FILLERS:
            known = "|".join(SLOTS)
            raise TemplateError(
                f"unknown slot {SLOT_ATTR}={name!r} (known: {known})", path=shown, line=line
            )
        if name in seen:
            first = seen[name][0]
            raise TemplateError(
                f"slot {name!r} repeated (first on line {first})", path=shown, line=line
            )
        holder = node if node.tag in NOT_TEXT else None
        for parent in node.iterancestors():  # libxml2 may nest markup in a void <embed>
            if holder is None and parent.tag in NOT_TEXT and parent.tag not in _VOID:
                holder = parent
        if holder is not None:
            where = "on" if holder is node else "inside"
            raise TemplateError(
                f"slot {name!r} is {where} <{holder.tag}>, whose content is not HTML text "
                "(put it on an element such as <div>, <h1> or <time>)",
                path=shown,
                line=line,
            )
        if name == "alternates" and node.getparent() is not None and node.getparent().tag != "head":
            raise TemplateError(
                "the 'alternates' slot must be an element in <head>", path=shown, line=line
            )
        if name in {"body", "switcher", "date"} and node.tag in {"head", "title", "meta", "link"}:
            raise TemplateError(
                f"slot {name!r} must be an element in <body>", path=shown, line=line
            )
        seen[name] = (line, node.tag)
    if "body" not in seen:
        raise TemplateError(f'template has no {SLOT_ATTR}="body" element', path=shown, line=1)
    return seen
