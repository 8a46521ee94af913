"""``build_site``: decide which language versions are published, lay them out, write the site.

The publishing policy lives here: a version is published when its catalog meets the site
threshold (or with ``allow_partial``); below it nothing is written and the result says why; a
page published earlier is never deleted, it stays and is reported stale. Every file goes through
``atomic_write``, so unchanged pages are not touched and the build is incremental.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import lxml.html
from lxml import etree

from ..config import Config
from ..errors import SlugError
from ..files import atomic_write
from ..model import Release
from ..slugs import check_slug
from .htmlsource import html_page, markdown_body
from .index import ROOT_PAGE, Entry, index_parts, index_path, root_parts
from .model import BuildResult, HeldBack, ReleaseText, Stale
from .page import STYLE_FILE, Links, PageParts, Version, default_layout, serialize
from .release import page_path, release_parts
from .sitemap import Group, sitemap
from .template import load_template
from .text import Localized, localize

Layout = Callable[[PageParts], etree._Element]


@dataclass(frozen=True)
class _Decision:
    lang: str
    publish: bool
    stale: bool = False
    reason: str = ""


class _Writer:
    """Writes files under ``out`` and remembers which changed."""

    def __init__(self, out: Path):
        self.out = out
        self.written: list[Path] = []
        self.unchanged: list[Path] = []

    def write(self, rel: str, data: str | bytes) -> None:
        path = self.out / rel
        (self.written if atomic_write(path, data) else self.unchanged).append(path)


def reviewed_percent(text: ReleaseText, lang: str) -> float:
    """Percent of distinct units with a reviewed translation (when the caller gave no stats)."""
    ids = {seg.text for seg in text.segments if seg.text.strip()}  # blank units have no entry
    if not ids:
        return 100.0
    table = text.translations.get(lang, {})
    return 100.0 * sum(1 for i in ids if table.get(i)) / len(ids)


def _decide(
    text: ReleaseText, lang: str, *, config: Config, out: Path, allow_partial: bool
) -> _Decision:
    if lang == config.source_lang:
        return _Decision(lang, publish=True)
    percent = text.stats.get(lang)
    percent = reviewed_percent(text, lang) if percent is None else float(percent)
    threshold = config.site.threshold
    if percent >= threshold or allow_partial:
        return _Decision(lang, publish=True)
    reason = f"{percent:.1f}% translated and reviewed, below the site threshold of {threshold:g}%"
    exists = (out / page_path(lang, text.release.slug)).is_file()
    return _Decision(lang, publish=False, stale=exists, reason=reason)


def _layout(config: Config) -> tuple[Layout, bool]:
    """The page layout (the built-in one, or the newsroom's template) and whether to tidy it."""
    if not config.site.template:
        return default_layout, True
    template = load_template(config.root / config.site.template, shown=config.site.template)
    return template.render, False


def _stale_entry(path: Path, *, release: Release, rel: str) -> Entry:
    """A kept page in its index: the title and lead it shows (the current catalog may lack them),
    the release's date."""
    slug = release.slug
    try:
        root = lxml.html.fromstring(path.read_bytes())
    except (OSError, etree.ParserError, ValueError):
        return Entry(slug=slug, path=rel, title=slug, date=release.date)
    heading = root.find(".//h1")
    lead = root.xpath("//meta[@name='description']/@content")
    title = " ".join(heading.text_content().split()) if heading is not None else ""
    return Entry(slug, rel, title or slug, str(lead[0]) if lead else "", release.date)


def _entry(loc: Localized) -> Entry:
    rel = page_path(loc.lang, loc.release.slug)
    return Entry(
        slug=loc.release.slug, path=rel, title=loc.title, lead=loc.lead, date=loc.release.date
    )


@dataclass(frozen=True)
class _Context:
    """What every page of one build shares."""

    config: Config
    links: Links
    layout: Layout
    pretty: bool


def _html_release(
    loc: Localized, versions: tuple[Version, ...], ctx: _Context
) -> tuple[str, list[str]]:
    """An HTML release keeps its own page: structure, attributes, styles; only the text changes."""
    parts = release_parts(loc, config=ctx.config, versions=versions, links=ctx.links)
    root, problems = html_page(loc, parts, source_lang=ctx.config.source_lang)
    return serialize(root, pretty=False), problems


def _markdown_release(
    loc: Localized, versions: tuple[Version, ...], ctx: _Context
) -> tuple[str, list[str]]:
    """A Markdown release's body keeps markdown-it's structure inside the site layout."""
    if not any(b.locator for b in loc.release.blocks):
        return _text_release(loc, versions, ctx)
    body, problems = markdown_body(loc, source_lang=ctx.config.source_lang)
    parts = release_parts(loc, config=ctx.config, versions=versions, links=ctx.links, body=body)
    return serialize(ctx.layout(parts), pretty=ctx.pretty), problems


def _text_release(
    loc: Localized, versions: tuple[Version, ...], ctx: _Context
) -> tuple[str, list[str]]:
    """A plain-text release is laid out block by block."""
    parts = release_parts(loc, config=ctx.config, versions=versions, links=ctx.links)
    return serialize(ctx.layout(parts), pretty=ctx.pretty), []


#: Release format -> page builder (formats without a source document use the block layout).
PAGE_BUILDERS: dict[str, Callable[..., tuple[str, list[str]]]] = {
    "html": _html_release,
    "md": _markdown_release,
}


class _Build:
    """One run of ``build_site``: the pages, index entries and findings collected so far."""

    def __init__(self, config: Config, out: Path, *, allow_partial: bool):
        links = Links.for_site(config.site.base_url)
        layout, pretty = _layout(config)
        self.ctx = _Context(config, links, layout, pretty)
        self.out = out
        self.allow_partial = allow_partial
        self.writer = _Writer(out)
        self.warnings: list[str] = []
        if config.site.base_url.strip() and not links.base_url:
            self.warnings.append(
                f"[site] base_url {config.site.base_url!r} is not an http(s) URL; ignored"
            )
        self.held: list[HeldBack] = []
        self.stale: list[Stale] = []
        self.partial: list[tuple[str, str]] = []
        self.entries: dict[str, list[Entry]] = {lang: [] for lang in config.languages}
        self.groups: list[Group] = []
        self.slugs: dict[str, str] = {}

    def release(self, text: ReleaseText) -> None:
        """Every language version of one release: published, kept (stale) or held back."""
        config, release = self.ctx.config, text.release
        slug = check_slug(release.slug, path=release.path)
        if slug in self.slugs:
            raise SlugError(
                f"slug {slug!r} is also the slug of {self.slugs[slug]}", path=release.path
            )
        self.slugs[slug] = release.path
        decisions = [
            _decide(text, lang, config=config, out=self.out, allow_partial=self.allow_partial)
            for lang in config.languages
        ]
        versions = tuple(
            Version(d.lang, page_path(d.lang, slug)) for d in decisions if d.publish or d.stale
        )
        for decision in decisions:
            rel = page_path(decision.lang, slug)
            if decision.stale:
                self.stale.append(Stale(slug, decision.lang, self.out / rel, decision.reason))
                entry = _stale_entry(self.out / rel, release=release, rel=rel)
                self.entries[decision.lang].append(entry)
            elif not decision.publish:
                self.held.append(HeldBack(slug, decision.lang, decision.reason))
            else:
                self.publish(
                    localize(
                        text,
                        decision.lang,
                        source_lang=config.source_lang,
                        publish_foreign=config.site.publish_foreign,
                        publish_roles=tuple(config.structure.publish),
                    ),
                    versions,
                )
        self.groups.append(Group(versions, page_path(config.source_lang, slug)))

    def publish(self, loc: Localized, versions: tuple[Version, ...]) -> None:
        self.warnings.extend(w for w in loc.warnings if w not in self.warnings)
        if loc.missing:
            self.partial.append((loc.release.slug, loc.lang))
        builder = PAGE_BUILDERS.get(loc.release.format, _text_release)
        if not loc.release.source:
            builder = _text_release
        html, problems = builder(loc, versions, self.ctx)
        self.warnings.extend(problems)
        self.writer.write(page_path(loc.lang, loc.release.slug), html)
        self.entries[loc.lang].append(_entry(loc))

    def site_pages(self) -> None:
        """Indexes, the root page, the stylesheet and (with a base URL) the sitemap."""
        config, links, layout, pretty = (
            self.ctx.config,
            self.ctx.links,
            self.ctx.layout,
            self.ctx.pretty,
        )
        languages = config.languages
        for lang in languages:
            parts = index_parts(
                lang, self.entries[lang], config=config, languages=languages, links=links
            )
            self.writer.write(index_path(lang), serialize(layout(parts), pretty=pretty))
        root = root_parts(config=config, languages=languages, links=links)
        self.writer.write(ROOT_PAGE, serialize(layout(root), pretty=pretty))
        css = resources.files(__package__).joinpath(STYLE_FILE).read_bytes()
        self.writer.write(STYLE_FILE, css)
        if links.base_url:
            indexes = Group(tuple(Version(lang, index_path(lang)) for lang in languages), ROOT_PAGE)
            self.writer.write("sitemap.xml", sitemap([indexes, *self.groups], links=links))

    def result(self) -> BuildResult:
        return BuildResult(
            out=self.out,
            written=tuple(self.writer.written),
            unchanged=tuple(self.writer.unchanged),
            held_back=tuple(self.held),
            stale=tuple(self.stale),
            warnings=tuple(self.warnings),
            partial=tuple(self.partial),
        )


def build_site(
    config: Config,
    releases: Sequence[ReleaseText],
    *,
    out: Path,
    allow_partial: bool = False,
) -> BuildResult:
    """Write the site for ``releases`` under ``out``; see the module docstring for the policy.

    Raises ``SlugError`` for an unsafe or duplicate slug and ``TemplateError`` for a bad template
    (before anything is written in the latter case).
    """
    build = _Build(config, Path(out), allow_partial=allow_partial)
    for text in sorted(releases, key=lambda t: t.release.slug):
        build.release(text)
    build.site_pages()
    return build.result()
