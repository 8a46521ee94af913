"""The index of each language (newest first, localized dates, lead sentence) and the root page,
which lets a reader choose a language and redirects nowhere by itself."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from lxml import etree

from ..config import Config
from .lang import Lang, lang_info
from .page import Links, PageParts, Version, el, head_meta, switcher, time_element
from .ui import say

ROOT_PAGE = "index.html"


def index_path(lang: str) -> str:
    return f"{lang}/index.html"


@dataclass(frozen=True)
class Entry:
    """One release as listed in a language's index."""

    slug: str
    path: str
    title: str
    lead: str = ""
    date: datetime | None = None

    def sort_key(self) -> tuple[int, str, str]:
        """Newest first; undated releases last; ties by slug so the order is stable."""
        stamp = self.date.strftime("%Y%m%d%H%M%S") if self.date else ""
        return (0 if self.date else 1, _invert(stamp), self.slug)


def _invert(stamp: str) -> str:
    return "".join(chr(ord("9") - ord(c) + ord("0")) for c in stamp)


def _listing_head(
    page: str, lang: Lang, title: str, *, versions: Sequence[Version], links: Links, site: str
) -> list[etree._Element]:
    """The head of a page that lists (an index, the root): a website, no description of its own,
    the root as x-default."""
    return head_meta(
        page=page,
        lang=lang,
        title=title,
        description="",
        versions=versions,
        x_default=ROOT_PAGE,
        links=links,
        og_type="website",
        site_name=site,
    )


def index_parts(
    lang_code: str,
    entries: Sequence[Entry],
    *,
    config: Config,
    languages: Sequence[str],
    links: Links,
) -> PageParts:
    """A language's list of its published releases."""
    lang = lang_info(lang_code)
    page = index_path(lang_code)
    versions = [Version(code, index_path(code)) for code in languages]
    heading = say(lang_code, "releases")
    content: list[etree._Element] = []
    for entry in sorted(entries, key=Entry.sort_key):
        item = el("article", None, class_="entry")
        title = etree.SubElement(item, "h2")
        title.append(el("a", entry.title, href=links.href(entry.path, page=page)))
        if entry.date is not None:
            para = etree.SubElement(item, "p", {"class": "date"})
            para.append(time_element(entry.date, lang))
        if entry.lead:
            item.append(el("p", entry.lead, class_="lead"))
        content.append(item)
    if not content:
        content.append(el("p", say(lang_code, "empty"), class_="empty"))
    site = config.site.title
    return PageParts(
        path=page,
        lang=lang,
        doc_title=f"{heading} — {site}" if site else heading,
        heading=el("h1", heading),
        content=content,
        head=_listing_head(page, lang, heading, versions=versions, links=links, site=site),
        switcher=switcher(versions, current=lang_code, page=page, links=links),
        site_title=site,
        home=links.href(page, page=page),
        css=links.href("style.css", page=page),
        footer=config.site.publisher,
        article=False,
    )


def root_parts(*, config: Config, languages: Sequence[str], links: Links) -> PageParts:
    """The language chooser at the site root, in the source language, each choice in its own."""
    source = lang_info(config.source_lang)
    versions = [Version(code, index_path(code)) for code in languages]
    site = config.site.title or say(config.source_lang, "releases")
    choose = el("ul", None, class_="languages")
    for code in languages:
        info = lang_info(code)
        item = etree.SubElement(choose, "li", lang=code)
        if info.dir != source.dir:
            item.set("dir", info.dir)
        link = etree.SubElement(item, "a", href=links.href(index_path(code), page=ROOT_PAGE))
        link.set("hreflang", code)
        link.text = info.name
        item.append(el("span", say(code, "choose"), class_="hint"))
    return PageParts(
        path=ROOT_PAGE,
        lang=source,
        doc_title=site,
        heading=el("h1", site),
        content=[choose],
        head=_listing_head(ROOT_PAGE, source, site, versions=versions, links=links, site=site),
        switcher=switcher(
            versions, current="", page=ROOT_PAGE, links=links, label_lang=config.source_lang
        ),
        site_title=site,
        home=ROOT_PAGE,
        css="style.css",
        footer=config.site.publisher,
        article=False,
    )
