"""An Atom feed (RFC 4287) per language: every published release, newest first.

Written with lxml, so that the bytes depend on the releases and catalogs only (no build time in
them): ``updated`` is the newest revision or release date. Without a base URL the ids are
``urn:uuid`` values derived from the newsroom's name and the page, and links are relative to the
feed (resolved against its address, as RFC 4287 says).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timezone

from lxml import etree

from .index import Entry, index_path, newest_first
from .page import Site, feed_path

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: The ``updated`` of a feed or entry with no date at all (RFC 4287 requires one).
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str):
    node = etree.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        node.text = text
    return node


def _id(site: Site, path: str) -> str:
    if site.links.base_url:
        return site.links.base_url + path
    name = f"pressflow:{site.config.name}:{path}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def _updated(entry: Entry) -> datetime:
    return entry.modified or entry.date or EPOCH


def atom_feed(lang: str, entries: Sequence[Entry], *, site: Site) -> bytes:
    """The feed of ``lang``: title, id, updated, author, links; an entry per release."""
    page = feed_path(lang)
    links, clock = site.links, site.clock
    ordered = newest_first(entries)
    root = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
    root.set(XML_LANG, lang)
    _sub(root, "id", _id(site, page))
    _sub(root, "title", site.title(lang))
    stamps = [_updated(e) for e in ordered]
    _sub(root, "updated", clock.stamp(max(stamps, key=clock.local) if stamps else EPOCH))
    author = _sub(root, "author")
    _sub(author, "name", site.publisher(lang) or site.title(lang))
    _sub(root, "link", rel="self", type="application/atom+xml", href=links.url(page, page=page))
    alternate = links.url(index_path(lang), page=page)
    _sub(root, "link", rel="alternate", type="text/html", hreflang=lang, href=alternate)
    _sub(root, "generator", "pressflow")
    if site.logo:
        _sub(root, "logo", links.url(site.logo, page=page))
    for entry in ordered:
        item = _sub(root, "entry")
        _sub(item, "id", _id(site, entry.path))
        title = _sub(item, "title", entry.title)
        if entry.title_lang:
            title.set(XML_LANG, entry.title_lang)
        _sub(item, "updated", clock.stamp(_updated(entry)))
        if entry.date is not None:
            _sub(item, "published", clock.stamp(entry.date))
        if entry.author:
            _sub(_sub(item, "author"), "name", entry.author)
        href = links.url(entry.path, page=page)
        _sub(item, "link", rel="alternate", type="text/html", hreflang=lang, href=href)
        if entry.lead:
            summary = _sub(item, "summary", entry.lead)
            if entry.lead_lang:
                summary.set(XML_LANG, entry.lead_lang)
        if entry.content:
            _sub(item, "content", entry.content, type="html")
    etree.indent(root, space=" ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
