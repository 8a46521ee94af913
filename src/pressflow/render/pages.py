"""One release's page in one language, by the release's format, and its line in the listings.

Kept apart from ``site`` (which decides what is published and lays out the listings) so that a
build that renders no page, every release taken from the cache, never loads the readers and
markdown-it behind the HTML and Markdown pages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from lxml import etree

from ..config import Config
from .index import Entry
from .model import ReleaseText
from .page import PageParts, Site, Version, default_layout, serialize
from .release import page_path, release_parts
from .template import load_template
from .text import Localized

Layout = Callable[[PageParts], etree._Element]
Versions = tuple[Version, ...]


@dataclass(frozen=True)
class PageContext:
    """What every page of one build shares."""

    site: Site
    layout: Layout
    pretty: bool

    @property
    def config(self) -> Config:
        return self.site.config


def page_layout(config: Config) -> tuple[Layout, bool]:
    """The page layout (the built-in one, or the newsroom's template) and whether to tidy it."""
    if not config.site.template:
        return default_layout, True
    template = load_template(config.root / config.site.template, shown=config.site.template)
    return template.render, False


def listed_entry(
    loc: Localized, *, text: ReleaseText, source_lang: str, content: str = ""
) -> Entry:
    """How ``loc`` is listed: source text standing in is marked, a half-translated title is
    replaced by the label (a link text cannot be half one language, half another)."""
    title, title_lang = loc.title, ""
    if loc.title_from == "source":
        title_lang = source_lang
    elif loc.title_from:
        from .release import shown_title

        title = shown_title(loc)
    return Entry(
        slug=loc.release.slug,
        path=page_path(loc.lang, loc.release.slug),
        title=title,
        lead=loc.lead,
        date=loc.release.date,
        title_lang=title_lang,
        lead_lang=source_lang if loc.lead_is_source else "",
        modified=text.revised.get(loc.lang),
        author=loc.release.author,
        content=content,
    )


def _html_release(
    loc: Localized, versions: Versions, ctx: PageContext, modified: datetime | None
) -> tuple[str, list[str]]:
    """An HTML release keeps its own page: structure, attributes, styles; only the text changes."""
    from .htmlsource import html_page  # the HTML reader: only for a build that renders one

    parts = release_parts(loc, site=ctx.site, versions=versions, modified=modified)
    root, problems = html_page(loc, parts, source_lang=ctx.config.source_lang)
    return serialize(root, pretty=False), problems


def _markdown_release(
    loc: Localized, versions: Versions, ctx: PageContext, modified: datetime | None
) -> tuple[str, list[str]]:
    """A Markdown release's body keeps markdown-it's structure inside the site layout."""
    if not any(b.locator for b in loc.release.blocks):
        return text_release(loc, versions, ctx, modified)
    from .htmlsource import markdown_body  # markdown-it: only for a build that renders one

    body, problems = markdown_body(loc, source_lang=ctx.config.source_lang)
    parts = release_parts(loc, site=ctx.site, versions=versions, body=body, modified=modified)
    return serialize(ctx.layout(parts), pretty=ctx.pretty), problems


def text_release(
    loc: Localized, versions: Versions, ctx: PageContext, modified: datetime | None
) -> tuple[str, list[str]]:
    """A plain-text release is laid out block by block."""
    parts = release_parts(loc, site=ctx.site, versions=versions, modified=modified)
    return serialize(ctx.layout(parts), pretty=ctx.pretty), []


#: Release format -> page builder (formats without a source document use the block layout).
PAGE_BUILDERS: dict[str, Callable[..., tuple[str, list[str]]]] = {
    "html": _html_release,
    "md": _markdown_release,
}
