"""The parts every page has, and the default layout that assembles them into a document.

A page is described by ``PageParts`` (heading, date, content, head metadata, switcher); a layout
turns parts into an lxml tree. The default layout is built here in code; ``template.py`` is the
other layout, filling a newsroom's own HTML. Serialization is one function, so bytes are stable.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import lxml.html
from lxml import etree

from ..config import Config
from .lang import Clock, Lang, lang_info
from .sanitize import json_ld, safe_url, sanitize_page, xml_text
from .ui import say

DOCTYPE = "<!DOCTYPE html>"
STYLE_FILE = "style.css"


@dataclass(frozen=True)
class Links:
    """Where pages are: relative links between them, absolute URLs when the site has a base URL."""

    base_url: str = ""

    @classmethod
    def for_site(cls, base_url: str) -> Links:
        url = safe_url(base_url.strip()) if base_url.strip() else ""
        if not url or not url.lower().startswith(("http://", "https://")):
            return cls("")
        return cls(url if url.endswith("/") else url + "/")

    def href(self, target: str, *, page: str) -> str:
        """``target`` (a path under the site root) as a relative link from ``page``."""
        return posixpath.relpath(target, posixpath.dirname(page) or ".")

    def url(self, target: str, *, page: str) -> str:
        """The absolute URL of ``target`` with a base URL; the relative link without one."""
        return self.base_url + target if self.base_url else self.href(target, page=page)


@dataclass(frozen=True)
class Site:
    """What every page of one build shares: the config, links, the clock, the copied images."""

    config: Config
    links: Links
    clock: Clock
    logo: str = ""  # path under the site root of the copied logo, "" without one
    image: str = ""  # path under the site root of the copied default image

    @classmethod
    def for_config(cls, config: Config, *, logo: str = "", image: str = "") -> Site:
        clock = Clock(config.site.timezone, config.site.english)
        return cls(config, Links.for_site(config.site.base_url), clock, logo, image)

    def title(self, lang: str) -> str:
        """The site's title in ``lang``: the newsroom's, else pressflow's "Press releases"."""
        return xml_text(self.config.site.title_in(lang)) or say(lang, "Press releases")

    def publisher(self, lang: str) -> str:
        return xml_text(self.config.site.publisher_in(lang))

    def feeds(self, langs: Sequence[str], *, page: str) -> list[etree._Element]:
        """``<link rel="alternate">`` to the Atom feed of each of ``langs``, titled in its own."""
        out = []
        for code in langs:
            link = el("link", rel="alternate", type="application/atom+xml")
            link.set("href", self.links.href(feed_path(code), page=page))
            link.set("title", f"{self.title(code)} — {say(code, 'Atom feed')}")
            if len(langs) > 1:
                link.set("lang", code)
            out.append(link)
        return out


def feed_path(lang: str) -> str:
    """Where a language's Atom feed lives under the site root."""
    return f"{lang}/feed.atom"


@dataclass(frozen=True)
class Version:
    """One language version of a page: its language and its path under the site root."""

    lang: str
    path: str


@dataclass
class PageParts:
    """Everything a layout needs; elements are fresh and owned by the page being built."""

    path: str
    lang: Lang
    doc_title: str
    heading: etree._Element
    content: list[etree._Element]
    head: list[etree._Element]
    switcher: etree._Element
    site_title: str
    home: str
    css: str
    date: etree._Element | None = None
    footer: str = ""
    article: bool = True
    logo: str = ""  # href of the site logo, "" without one


def el(tag: str, text: str | None = None, /, **attrs: str) -> etree._Element:
    """An HTML element with text and attributes (``class_`` for ``class``), text escaped by lxml."""
    node = lxml.html.Element(tag)
    for key, value in attrs.items():
        node.set(key.rstrip("_").replace("_", "-"), xml_text(value))
    if text is not None:
        node.text = xml_text(text)
    return node


def time_element(when: datetime, lang: Lang, clock: Clock) -> etree._Element:
    """``<time datetime="2018-07-03T09:29+06:00">`` with the date as the language writes it."""
    return el("time", clock.text(when, lang.code), datetime=clock.iso(when))


def switcher(
    versions: Sequence[Version], *, current: str, page: str, links: Links, label_lang: str = ""
) -> etree._Element:
    """A nav with every published language version, each named in its own language.

    ``current`` is the page's language ("" on the root page, where no version is current);
    ``label_lang`` the language of the nav's label (default: ``current``).
    """
    nav = el("nav", None, class_="switcher", aria_label=say(label_lang or current, "Language"))
    items = etree.SubElement(nav, "ul")
    for version in versions:
        info = lang_info(version.lang)
        item = etree.SubElement(items, "li")
        link = etree.SubElement(item, "a", href=links.href(version.path, page=page))
        link.set("hreflang", version.lang)
        link.set("lang", version.lang)
        if info.dir != lang_info(label_lang or current).dir:
            link.set("dir", info.dir)
        if version.lang == current:
            link.set("aria-current", "page")
        else:
            link.set("rel", "alternate")
        link.text = info.name
    return nav


def head_meta(
    *,
    page: str,
    lang: Lang,
    title: str,
    description: str,
    versions: Sequence[Version],
    x_default: str,
    links: Links,
    og_type: str,
    site_name: str,
    data: dict[str, Any] | None = None,
    image: str = "",
) -> list[etree._Element]:
    """Description, canonical, hreflang alternates, Open Graph and JSON-LD for one page.

    ``image`` (a path under the site root) becomes ``og:image`` only with a base URL: Open Graph
    wants an absolute URL."""
    out: list[etree._Element] = []
    if description:
        out.append(el("meta", name="description", content=description))
    if links.base_url:
        out.append(el("link", rel="canonical", href=links.url(page, page=page)))
    for version in versions:
        link = el("link", rel="alternate", hreflang=version.lang)
        link.set("href", links.url(version.path, page=page))
        out.append(link)
    out.append(
        el("link", rel="alternate", hreflang="x-default", href=links.url(x_default, page=page))
    )
    og = [("og:title", title), ("og:type", og_type), ("og:locale", lang.og_locale)]
    if description:
        og.append(("og:description", description))
    if site_name:
        og.append(("og:site_name", site_name))
    if links.base_url:
        og.append(("og:url", links.url(page, page=page)))
        if image:
            og.append(("og:image", links.url(image, page=page)))
    og += [
        ("og:locale:alternate", lang_info(v.lang).og_locale)
        for v in versions
        if v.lang != lang.code
    ]
    out += [el("meta", property=prop, content=value) for prop, value in og]
    if data is not None:
        out.append(el("script", json_ld(data), type="application/ld+json"))
    return out


#: Head elements pressflow writes itself; a source page's or template's own are removed first.
HEAD_META = (
    "meta[@name='description']",
    "meta[starts-with(@property, 'og:')]",
    "link[@rel='canonical']",
    "link[@rel='alternate' and @hreflang]",
    "link[@rel='alternate' and @type='application/atom+xml']",
    "link[@rel='prev' or @rel='next']",
    "script[@type='application/ld+json']",
)


def drop_head_meta(head: etree._Element, *, extra: Sequence[str] = ()) -> None:
    """Remove the head elements pressflow is about to write, so none is there twice."""
    for query in (*HEAD_META, *extra):
        for node in head.xpath(query):
            if node.get("data-pressflow") is None:
                node.getparent().remove(node)


def default_layout(parts: PageParts) -> etree._Element:
    """The built-in page: header with the site name and language switcher, main, footer."""
    root = el("html", lang=parts.lang.code, dir=parts.lang.dir)
    head = etree.SubElement(root, "head")
    head.append(el("meta", charset="utf-8"))
    head.append(el("meta", name="viewport", content="width=device-width, initial-scale=1"))
    head.append(el("title", parts.doc_title))
    head.append(el("link", rel="stylesheet", href=parts.css))
    head.extend(parts.head)
    body = etree.SubElement(root, "body")
    body.append(el("a", say(parts.lang.code, "Skip to content"), class_="skip", href="#content"))
    header = etree.SubElement(body, "header", {"class": "site"})
    home = el("a", None, class_="home", href=parts.home)
    if parts.logo:
        home.append(el("img", src=parts.logo, alt="", class_="logo"))
        home[-1].tail = parts.site_title
    else:
        home.text = parts.site_title
    header.append(home)
    header.append(parts.switcher)
    main = etree.SubElement(body, "main", id="content")
    box = etree.SubElement(main, "article") if parts.article else main
    box.append(parts.heading)
    if parts.date is not None:
        box.append(parts.date)
    box.extend(parts.content)
    if parts.footer:
        footer = etree.SubElement(body, "footer", {"class": "site"})
        footer.append(el("p", parts.footer))
    return root


_BLOCK_LEVEL = frozenset(
    {
        *("html", "head", "body", "header", "main", "article", "footer", "nav", "section"),
        *("ul", "ol", "li", "dl", "dt", "dd", "p", "h1", "h2", "h3", "h4", "h5", "h6"),
        *("blockquote", "figure", "figcaption", "div", "table", "tr", "td", "th"),
        *("title", "meta", "link", "script"),
    }
)

#: Blocks whose content is text: a line break inside them would add visible whitespace.
_TEXT_BLOCKS = frozenset({"p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "title"})


def serialize(root: etree._Element, *, pretty: bool = True) -> str:
    """The document as HTML5 text: doctype, one block-level element per line, final newline.

    ``pretty`` is off for pages rebuilt from a source or a template, whose whitespace is theirs.
    Every page is written only as the allowlist keeps it (``sanitize_page``).
    """
    sanitize_page(root)
    if pretty:
        tidy(root)
    text = lxml.html.tostring(root, doctype=DOCTYPE, encoding="unicode", method="html")
    return text if text.endswith("\n") else text + "\n"


def tidy(root: etree._Element) -> None:
    """Line breaks between block-level elements only, never inside text (deterministic)."""
    for node in root.iter():
        if not isinstance(node.tag, str) or node.tag not in _BLOCK_LEVEL or node.tag == "html":
            continue
        if len(node) and node[0].tag in _BLOCK_LEVEL and not (node.text or "").strip():
            node.text = "\n"
        parent = node.getparent()
        if (
            parent is not None
            and parent.tag in _BLOCK_LEVEL
            and parent.tag not in _TEXT_BLOCKS
            and not (node.tail or "").strip()
        ):
            node.tail = "\n"
