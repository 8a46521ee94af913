"""sitemap.xml with ``xhtml:link`` alternates, so search engines see every language version."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lxml import etree

from .page import Links, Version

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


@dataclass(frozen=True)
class Group:
    """The language versions of one page (a release, or the indexes) and its x-default."""

    versions: tuple[Version, ...]
    x_default: str


def sitemap(
    groups: Sequence[Group], *, links: Links, lastmod: Mapping[str, str] | None = None
) -> bytes:
    """One ``<url>`` per page, each listing all versions of its group (itself included), with
    ``<lastmod>`` where ``lastmod`` has the page's path."""
    lastmod = lastmod or {}
    urlset = etree.Element(f"{{{SITEMAP_NS}}}urlset", nsmap={None: SITEMAP_NS, "xhtml": XHTML_NS})
    for group in groups:
        for version in group.versions:
            url = etree.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
            etree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = links.base_url + version.path
            if version.path in lastmod:
                etree.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = lastmod[version.path]
            for other in group.versions:
                _alternate(url, other.lang, links.base_url + other.path)
            _alternate(url, "x-default", links.base_url + group.x_default)
    etree.indent(urlset, space=" ")
    return etree.tostring(urlset, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _alternate(url: etree._Element, lang: str, href: str) -> None:
    link = etree.SubElement(url, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=lang)
    link.set("href", href)
