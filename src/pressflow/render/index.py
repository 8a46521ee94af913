"""The listing pages of each language and the root page.

A language's index lists its releases newest first with their dates and leads, ``page_size`` to a
page (``index.html``, then ``page/2.html``…, linked with ``rel="prev"``/``"next"``), and every
year with a dated release has an archive page (``archive/2018.html``). The root page lets a reader
choose a language and redirects nowhere by itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from operator import attrgetter
from typing import Any, TypeVar

from lxml import etree

from .lang import Lang, lang_info
from .page import PageParts, Site, Version, el, head_meta, switcher, time_element
from .ui import say

T = TypeVar("T")
ROOT_PAGE = "index.html"
LISTING = "Press releases"


def index_path(lang: str, number: int = 1) -> str:
    """Page ``number`` of a language's index."""
    return f"{lang}/index.html" if number == 1 else f"{lang}/page/{number}.html"


def year_path(lang: str, year: int) -> str:
    return f"{lang}/archive/{year}.html"


@dataclass(frozen=True)
class Entry:
    """One release as listed in a language's index and feed.

    ``title_lang``/``lead_lang`` name the source language when that text stands in for a
    translation (the listing marks it); ``modified`` is the catalog's revision."""

    slug: str
    path: str
    title: str
    lead: str = ""
    date: datetime | None = None
    title_lang: str = ""
    lead_lang: str = ""
    modified: datetime | None = None
    author: str = ""
    content: str = ""  # the body as HTML, for a feed that carries full text


def newest_first(
    items: Sequence[T],
    *,
    slug: Callable[[T], str] = attrgetter("slug"),
    stamp: Callable[[T], str] | None = None,
) -> list[T]:
    """Newest first by the date to the second as written (its time zone aside), undated
    releases last, ties by slug so the order is stable. ``items`` are entries, or anything
    with a ``slug`` and a ``stamp``: a listing orders its record rows without decoding them.
    Two stable sorts (by slug, then by date downwards) cost a key each, not a key per date
    digit."""
    by_slug = sorted(items, key=slug)
    return sorted(by_slug, key=stamp or _entry_stamp, reverse=True)


def _entry_stamp(entry: Entry) -> str:
    return entry.date.isoformat()[:19] if entry.date is not None else ""


def page_count(entries: int, size: int) -> int:
    """Index pages a language needs (one even when it has nothing yet)."""
    return max(1, -(-entries // size))


def _entry_year(entry: Entry) -> int | None:
    return entry.date.year if entry.date is not None else None


def years(items: Sequence[T], *, year_of: Callable[[T], int | None] = _entry_year) -> list[int]:
    """Years with a dated release, newest first."""
    return sorted({y for y in map(year_of, items) if y is not None}, reverse=True)


@dataclass(frozen=True)
class Listings:
    """What each language's listing pages are: how many index pages, which years."""

    pages: Mapping[str, int]
    years: Mapping[str, Sequence[int]]

    def versions(self, *, number: int = 0, year: int = 0) -> list[Version]:
        """Every language that has index page ``number`` (or archive ``year``)."""
        if year:
            return [
                Version(code, year_path(code, year))
                for code, ys in self.years.items()
                if year in ys
            ]
        return [
            Version(code, index_path(code, number)) for code, n in self.pages.items() if number <= n
        ]


def _entry_element(entry: Entry, *, lang: Lang, site: Site, page: str) -> etree._Element:
    item = el("article", None, class_="entry")
    title = etree.SubElement(item, "h2")
    link = el("a", entry.title, href=site.links.href(entry.path, page=page))
    if entry.title_lang:
        link.set("lang", entry.title_lang)
    title.append(link)
    if entry.date is not None:
        para = etree.SubElement(item, "p", {"class": "date"})
        para.append(time_element(entry.date, lang, site.clock))
    if entry.lead:
        lead = el("p", entry.lead, class_="lead")
        if entry.lead_lang:
            lead.set("lang", entry.lead_lang)
        item.append(lead)
    return item


def _listing(
    *,
    page: str,
    lang: Lang,
    heading: str,
    doc_title: str,
    content: list[etree._Element],
    versions: Sequence[Version],
    site: Site,
    extra_head: Sequence[etree._Element] = (),
    feeds: Sequence[str] = (),
    current: str | None = None,
) -> PageParts:
    """A page that lists: a website, no description of its own, the root as x-default.

    ``feeds`` are the languages whose feed the head links (default: the page's);
    ``current`` the switcher's current language ("" on the root page: none is)."""
    links = site.links
    here = lang.code if current is None else current
    home = index_path(lang.code) if here else ROOT_PAGE
    head = head_meta(
        page=page,
        lang=lang,
        title=doc_title,
        description="",
        versions=versions,
        x_default=ROOT_PAGE,
        links=links,
        og_type="website",
        site_name=site.title(lang.code),
        image=site.image,
    )
    return PageParts(
        path=page,
        lang=lang,
        doc_title=doc_title,
        heading=el("h1", heading),
        content=content,
        head=[*head, *extra_head, *site.feeds(feeds or [lang.code], page=page)],
        switcher=switcher(versions, current=here, page=page, links=links, label_lang=lang.code),
        site_title=site.title(lang.code),
        home=links.href(home, page=page),
        css=links.href("style.css", page=page),
        footer=site.publisher(lang.code),
        article=False,
        logo=links.href(site.logo, page=page) if site.logo else "",
    )


def _titled(*parts: str) -> str:
    """``A — B — C`` without repeats (an index of "Press releases" titled "Press releases")."""
    return " — ".join(dict.fromkeys(p for p in parts if p))


def _years_nav(lang: str, found: Sequence[int], *, site: Site, page: str, current: int = 0):
    label = say(lang, "Archive by year")
    nav = el("nav", None, class_="years", aria_label=label)
    nav.append(el("h2", label))
    items = etree.SubElement(nav, "ul")
    for year in found:
        link = el("a", str(year), href=site.links.href(year_path(lang, year), page=page))
        if year == current:
            link.set("aria-current", "page")
        etree.SubElement(items, "li").append(link)
    return nav


def _pages_nav(lang: str, number: int, count: int, *, site: Site, page: str):
    nav = el("nav", None, class_="pages", aria_label=say(lang, "Pages"))
    if number > 1:
        href = site.links.href(index_path(lang, number - 1), page=page)
        nav.append(el("a", say(lang, "Newer"), href=href, rel="prev"))
    nav.append(el("span", say(lang, "Page {number} of {count}", number=number, count=count)))
    if number < count:
        href = site.links.href(index_path(lang, number + 1), page=page)
        nav.append(el("a", say(lang, "Older"), href=href, rel="next"))
    return nav


@dataclass(frozen=True)
class Listing:
    """One listing page to make (an index page, or a year's archive when ``year`` is set) with
    every input of its bytes but the site. ``entries``: what it lists, as entries or as their
    record rows (``render.reuse``), which key it in the incremental cache cheaply and are
    decoded only for a page made again."""

    lang: str
    page: str
    entries: tuple[Any, ...]
    years: tuple[int, ...]
    number: int = 0
    count: int = 0
    year: int = 0


def listings_of(
    lang_code: str,
    ordered: Sequence[T],
    *,
    size: int,
    listings: Listings,
    year_of: Callable[[T], int | None] = _entry_year,
) -> list[Listing]:
    """A language's index pages of ``ordered`` (newest first), then one archive page per year
    (``year_of``: an item's year, or None)."""
    count = listings.pages[lang_code]
    found = tuple(listings.years[lang_code])
    out = [
        Listing(
            lang_code,
            index_path(lang_code, number),
            tuple(ordered[(number - 1) * size : number * size]),
            found,
            number=number,
            count=count,
        )
        for number in range(1, count + 1)
    ]
    by_year: dict[int | None, list[T]] = {}
    for item in ordered:
        by_year.setdefault(year_of(item), []).append(item)
    for year in found:
        dated = tuple(by_year.get(year, ()))
        out.append(Listing(lang_code, year_path(lang_code, year), dated, found, year=year))
    return out


def listing_parts(item: Listing, *, site: Site, listings: Listings) -> PageParts:
    """The page of one listing."""
    lang_code, page, found = item.lang, item.page, list(item.years)
    lang = lang_info(lang_code)
    content = [_entry_element(e, lang=lang, site=site, page=page) for e in item.entries]
    if item.year:
        content.append(_years_nav(lang_code, found, site=site, page=page, current=item.year))
        heading = say(lang_code, "Press releases of {year}", year=item.year)
        return _listing(
            page=page,
            lang=lang,
            heading=heading,
            doc_title=_titled(heading, site.title(lang_code)),
            content=content,
            versions=listings.versions(year=item.year),
            site=site,
        )
    number, count = item.number, item.count
    heading = say(lang_code, LISTING)
    if not content:
        content.append(el("p", say(lang_code, "No press releases yet."), class_="empty"))
    extra: list[etree._Element] = []
    if count > 1:
        content.append(_pages_nav(lang_code, number, count, site=site, page=page))
        for rel, other in (("prev", number - 1), ("next", number + 1)):
            if 1 <= other <= count:
                href = site.links.url(index_path(lang_code, other), page=page)
                extra.append(el("link", rel=rel, href=href))
    if found:
        content.append(_years_nav(lang_code, found, site=site, page=page))
    of = say(lang_code, "Page {number} of {count}", number=number, count=count)
    return _listing(
        page=page,
        lang=lang,
        heading=heading,
        doc_title=_titled(heading, of if count > 1 else "", site.title(lang_code)),
        content=content,
        versions=listings.versions(number=number),
        site=site,
        extra_head=extra,
    )


def root_parts(*, site: Site, languages: Sequence[str]) -> PageParts:
    """The language chooser at the site root, in the source language, each choice in its own."""
    links = site.links
    source = lang_info(site.config.source_lang)
    title = site.title(source.code)
    choose = el("ul", None, class_="languages")
    for code in languages:
        info = lang_info(code)
        item = etree.SubElement(choose, "li", lang=code)
        if info.dir != source.dir:
            item.set("dir", info.dir)
        link = etree.SubElement(item, "a", href=links.href(index_path(code), page=ROOT_PAGE))
        link.set("hreflang", code)
        link.text = info.name
        item.append(el("span", say(code, "Choose a language"), class_="hint"))
    return _listing(
        page=ROOT_PAGE,
        lang=source,
        heading=title,
        doc_title=title,
        content=[choose],
        versions=[Version(code, index_path(code)) for code in languages],
        site=site,
        feeds=languages,
        current="",
    )
