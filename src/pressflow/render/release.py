"""The parts of one release page in one language: heading, date, notice, body, head metadata."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lxml import etree

from ..config import Config
from .body import block_element, body_elements
from .lang import iso_datetime, lang_info
from .page import Links, PageParts, Version, el, head_meta, switcher, time_element
from .sanitize import safe_url
from .text import Localized
from .ui import language_name, say


def page_path(lang: str, slug: str) -> str:
    """Where a release page lives under the site root."""
    return f"{lang}/{slug}.html"


def news_article(loc: Localized, *, config: Config, links: Links, page: str) -> dict[str, Any]:
    """The schema.org NewsArticle for the page (JSON-LD); values are data, escaped on output."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": loc.title,
        "inLanguage": loc.lang,
    }
    if loc.release.date is not None:
        data["datePublished"] = iso_datetime(loc.release.date)
    if loc.description:
        data["description"] = loc.description
    if config.site.publisher:
        publisher: dict[str, str] = {"@type": "Organization", "name": config.site.publisher}
        url = safe_url(config.site.publisher_url) if config.site.publisher_url else None
        if url:
            publisher["url"] = url
        data["publisher"] = publisher
    if links.base_url:
        data["url"] = links.url(page, page=page)
    if loc.lang != config.source_lang:
        original = {"@type": "NewsArticle", "inLanguage": config.source_lang}
        if links.base_url:
            original["url"] = links.url(page_path(config.source_lang, loc.release.slug), page=page)
        data["translationOfWork"] = original
    return data


def release_parts(
    loc: Localized,
    *,
    config: Config,
    versions: Sequence[Version],
    links: Links,
    body: Sequence[etree._Element] | None = None,
) -> PageParts:
    """Everything a layout needs to show ``loc`` as a page; ``body`` replaces the block layout
    (a Markdown release's rebuilt body)."""
    lang = lang_info(loc.lang)
    page = page_path(loc.lang, loc.release.slug)
    source = config.source_lang
    title_block = loc.title_block
    if title_block is not None and title_block.text.strip():
        heading = block_element(title_block, source_lang=source, page_lang=loc.lang)
    else:
        heading = el("h1", loc.title)
    content: list[etree._Element] = []
    if loc.missing:
        notice = say(loc.lang, "partial", source=language_name(source, in_lang=loc.lang))
        content.append(el("p", notice, class_="notice", role="note"))
    if body is None:
        content += body_elements(loc.body, source_lang=source, page_lang=loc.lang)
    else:
        content += list(body)
    if loc.release.contact:
        content.append(el("p", loc.release.contact, class_="contact"))
    site_title = config.site.title
    return PageParts(
        path=page,
        lang=lang,
        doc_title=f"{loc.title} — {site_title}" if site_title else loc.title,
        heading=heading,
        content=content,
        head=head_meta(
            page=page,
            lang=lang,
            title=loc.title,
            description=loc.description,
            versions=versions,
            x_default=page_path(source, loc.release.slug),
            links=links,
            og_type="article",
            site_name=site_title,
            data=news_article(loc, config=config, links=links, page=page),
        ),
        switcher=switcher(versions, current=loc.lang, page=page, links=links),
        site_title=site_title,
        home=links.href(f"{loc.lang}/index.html", page=page),
        css=links.href("style.css", page=page),
        date=_date(loc, lang),
        footer=config.site.publisher,
    )


def _date(loc: Localized, lang: Any) -> etree._Element | None:
    """The dateline as news sites print it: «Ош, 12 марта 2021 г.» (place and date optional)."""
    place = loc.place
    if loc.release.date is None and not place:
        return None
    para = el("p", None, class_="date")
    if place:
        para.text = f"{place}, " if loc.release.date is not None else place
    if loc.release.date is not None:
        para.append(time_element(loc.release.date, lang))
    return para
