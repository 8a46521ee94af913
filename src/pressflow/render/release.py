"""The parts of one release page in one language: heading, date, notice, body, head metadata.

Honest about fallback: source text standing in for a translation is marked with the source
language wherever it shows, and where it cannot be marked (``<title>``, Open Graph, JSON-LD) the
language's "title not yet translated" label stands in for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from lxml import etree

from .body import block_element, body_elements
from .lang import lang_info
from .page import PageParts, Site, Version, el, head_meta, switcher, time_element
from .sanitize import safe_url
from .text import Localized
from .ui import language_name, say, say_n

UNTITLED = "Press release (title not yet translated)"


def page_path(lang: str, slug: str) -> str:
    """Where a release page lives under the site root."""
    return f"{lang}/{slug}.html"


def shown_title(loc: Localized) -> str:
    """The title where no ``lang`` can mark it: the translation, or the language's label."""
    return loc.title if not loc.title_from else say(loc.lang, UNTITLED)


def publisher_data(site: Site, lang: str) -> dict[str, Any] | None:
    """schema.org Organization for the publisher, with its logo when the site has one."""
    name = site.publisher(lang)
    if not name:
        return None
    data: dict[str, Any] = {"@type": "Organization", "name": name}
    url = safe_url(site.config.site.publisher_url) if site.config.site.publisher_url else None
    if url:
        data["url"] = url
    if site.logo and site.links.base_url:
        data["logo"] = {"@type": "ImageObject", "url": site.links.url(site.logo, page="")}
    return data


def news_article(
    loc: Localized, *, site: Site, page: str, modified: datetime | None = None
) -> dict[str, Any]:
    """The schema.org NewsArticle for the page (JSON-LD); values are data, escaped on output."""
    links, clock, source = site.links, site.clock, site.config.source_lang
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": shown_title(loc),
        "inLanguage": loc.lang,
    }
    if loc.release.date is not None:
        data["datePublished"] = clock.iso(loc.release.date)
    if modified is not None:
        data["dateModified"] = clock.stamp(modified)
    if loc.description and not loc.description_is_source:
        data["description"] = loc.description
    author = loc.release.author
    if author:
        data["author"] = {"@type": "Person", "name": author}
    publisher = publisher_data(site, loc.lang)
    if publisher:
        data["publisher"] = publisher
    if site.image and links.base_url:
        data["image"] = links.url(site.image, page=page)
    if links.base_url:
        data["url"] = links.url(page, page=page)
    if loc.lang != source:
        original = {"@type": "NewsArticle", "inLanguage": source}
        if links.base_url:
            original["url"] = links.url(page_path(source, loc.release.slug), page=page)
        data["translationOfWork"] = original
    return data


def notice(loc: Localized, *, source_lang: str) -> str:
    """What the page says about its translation: nothing, not yet, or partly (N of M)."""
    if not loc.missing:
        return ""
    source = language_name(source_lang, in_lang=loc.lang)
    done = max(0, loc.done)
    if done == 0:
        return say(
            loc.lang,
            "Not yet translated: this press release is shown in the original language ({source}).",
            source=source,
        )
    return say_n(
        loc.lang,
        "Partly translated: {done} of {total} passage translated and reviewed; the rest is"
        " shown in the original language ({source}).",
        "Partly translated: {done} of {total} passages translated and reviewed; the rest is"
        " shown in the original language ({source}).",
        loc.units,
        done=done,
        total=loc.units,
        source=source,
    )


def release_parts(
    loc: Localized,
    *,
    site: Site,
    versions: Sequence[Version],
    body: Sequence[etree._Element] | None = None,
    modified: datetime | None = None,
) -> PageParts:
    """Everything a layout needs to show ``loc`` as a page; ``body`` replaces the block layout
    (a Markdown release's rebuilt body)."""
    lang = lang_info(loc.lang)
    page = page_path(loc.lang, loc.release.slug)
    source, links = site.config.source_lang, site.links
    title_block = loc.title_block
    if title_block is not None and title_block.text.strip():
        heading = block_element(title_block, source_lang=source, page_lang=loc.lang)
    else:
        heading = el("h1", loc.title)
        if loc.title_from:
            heading.set("lang", source)
    content: list[etree._Element] = []
    told = notice(loc, source_lang=source)
    if told:
        content.append(el("p", told, class_="notice", role="note"))
    author = loc.release.author
    if author:
        content.append(_byline(author, lang=loc.lang, source_lang=source))
    if body is None:
        content += body_elements(loc.body, source_lang=source, page_lang=loc.lang)
    else:
        content += list(body)
    if loc.release.contact:
        content.append(el("h2", say(loc.lang, "Contacts"), class_="contacts"))
        contact = el("p", loc.release.contact, class_="contact")
        if loc.lang != source:
            contact.set("lang", source)  # written once, in the source's front matter
        content.append(contact)
    site_title = site.title(loc.lang)
    title = shown_title(loc)
    described = loc.description if not loc.description_is_source else ""
    head = head_meta(
        page=page,
        lang=lang,
        title=title,
        description=described,
        versions=versions,
        x_default=page_path(source, loc.release.slug),
        links=links,
        og_type="article",
        site_name=site_title,
        data=news_article(loc, site=site, page=page, modified=modified),
        image=site.image,
    )
    return PageParts(
        path=page,
        lang=lang,
        doc_title=f"{title} — {site_title}",
        heading=heading,
        content=content,
        head=[*head, *site.feeds([loc.lang], page=page)],
        switcher=switcher(versions, current=loc.lang, page=page, links=links),
        site_title=site_title,
        home=links.href(f"{loc.lang}/index.html", page=page),
        css=links.href("style.css", page=page),
        date=_date(loc, site),
        footer=site.publisher(loc.lang),
        logo=links.href(site.logo, page=page) if site.logo else "",
    )


def _byline(author: str, *, lang: str, source_lang: str) -> etree._Element:
    """``By {author}`` in the page's language; the name as the source wrote it, marked so."""
    before, _, after = say(lang, "By {author}", author="\0").partition("\0")
    para = el("p", before, class_="byline")
    name = el("span", author)
    if lang != source_lang:
        name.set("lang", source_lang)
    name.tail = after or None
    para.append(name)
    return para


def _date(loc: Localized, site: Site) -> etree._Element | None:
    """The dateline as news sites print it: «Ош, 12 марта 2021 г., 09:29» (place and date
    optional); a place not translated yet is marked with the source language."""
    place = loc.place
    date = loc.release.date
    if date is None and not place:
        return None
    para = el("p", None, class_="date")
    if place:
        local = next(b for b in loc.blocks if b.block.kind == "place")
        if any(piece.fallback for piece in local.pieces):
            para.append(el("span", place, lang=site.config.source_lang))
            para[-1].tail = ", " if date is not None else None
        else:
            para.text = f"{place}, " if date is not None else place
    if date is not None:
        para.append(time_element(date, lang_info(loc.lang), site.clock))
    return para
