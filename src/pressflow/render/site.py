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
from ..files import atomic_write, check_slug
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
    ids = {seg.text for seg in text.segments}
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


def _stale_entry(path: Path, *, slug: str, rel: str) -> Entry:
    """What a kept page says about itself (its heading, description and date), for the index."""
    try:
        root = lxml.html.fromstring(path.read_bytes())
    except (OSError, etree.ParserError, ValueError):
        return Entry(slug=slug, path=rel, title=slug)
    heading = root.find(".//h1")
    description = root.xpath("//meta[@name='description']/@content")
    title = " ".join(heading.text_content().split()) if heading is not None else slug
    return Entry(
        slug=slug, path=rel, title=title or slug, lead=description[0] if description else ""
    )


def _entry(loc: Localized) -> Entry:
    rel = page_path(loc.lang, loc.release.slug)
    return Entry(
        slug=loc.release.slug, path=rel, title=loc.title, lead=loc.lead, date=loc.release.date
    )


def _release_page(
    loc: Localized,
    config: Config,
    versions: tuple[Version, ...],
    links: Links,
    layout: Layout,
    pretty: bool,
    warnings: list[str],
) -> str:
    """One release page: HTML releases keep their own page, Markdown bodies keep their structure,
    text releases are laid out block by block."""
    release = loc.release
    source = config.source_lang
    if release.format == "html" and release.source:
        parts = release_parts(loc, config=config, versions=versions, links=links)
        root, problems = html_page(loc, parts, source_lang=source)
        warnings.extend(problems)
        return serialize(root, pretty=False)
    body = None
    if release.format == "md" and release.source and any(b.locator for b in release.blocks):
        body, problems = markdown_body(loc, source_lang=source)
        warnings.extend(problems)
    parts = release_parts(loc, config=config, versions=versions, links=links, body=body)
    return serialize(layout(parts), pretty=pretty)


def build_site(
    config: Config,
    releases: Sequence[ReleaseText],
    *,
    out: Path,
    allow_partial: bool = False,
) -> BuildResult:
    """Write the site for ``releases`` under ``out``; see the module docstring for the policy."""
    out = Path(out)
    links = Links.for_site(config.site.base_url)
    layout, pretty = _layout(config)
    languages = config.languages
    writer = _Writer(out)
    warnings: list[str] = []
    if config.site.base_url.strip() and not links.base_url:
        warnings.append(f"[site] base_url {config.site.base_url!r} is not an http(s) URL; ignored")
    held: list[HeldBack] = []
    stale: list[Stale] = []
    partial: list[tuple[str, str]] = []
    entries: dict[str, list[Entry]] = {lang: [] for lang in languages}
    groups: list[Group] = []
    seen: dict[str, str] = {}
    for text in sorted(releases, key=lambda t: t.release.slug):
        release = text.release
        slug = check_slug(release.slug, path=release.path)
        if slug in seen:
            raise SlugError(f"slug {slug!r} is also the slug of {seen[slug]}", path=release.path)
        seen[slug] = release.path
        decisions = [
            _decide(text, lang, config=config, out=out, allow_partial=allow_partial)
            for lang in languages
        ]
        versions = tuple(
            Version(d.lang, page_path(d.lang, slug)) for d in decisions if d.publish or d.stale
        )
        for decision in decisions:
            rel = page_path(decision.lang, slug)
            if decision.stale:
                stale.append(Stale(slug, decision.lang, out / rel, decision.reason))
                entries[decision.lang].append(_stale_entry(out / rel, slug=slug, rel=rel))
                continue
            if not decision.publish:
                held.append(HeldBack(slug, decision.lang, decision.reason))
                continue
            loc = localize(text, decision.lang, source_lang=config.source_lang)
            warnings.extend(w for w in loc.warnings if w not in warnings)
            if loc.missing:
                partial.append((slug, decision.lang))
            writer.write(rel, _release_page(loc, config, versions, links, layout, pretty, warnings))
            entries[decision.lang].append(_entry(loc))
        groups.append(Group(versions, page_path(config.source_lang, slug)))
    for lang in languages:
        parts = index_parts(lang, entries[lang], config=config, languages=languages, links=links)
        writer.write(index_path(lang), serialize(default_layout(parts)))
    writer.write(
        ROOT_PAGE,
        serialize(default_layout(root_parts(config=config, languages=languages, links=links))),
    )
    writer.write(STYLE_FILE, resources.files(__package__).joinpath(STYLE_FILE).read_bytes())
    if links.base_url:
        indexes = Group(tuple(Version(lang, index_path(lang)) for lang in languages), ROOT_PAGE)
        writer.write("sitemap.xml", sitemap([indexes, *groups], links=links))
    return BuildResult(
        out=out,
        written=tuple(writer.written),
        unchanged=tuple(writer.unchanged),
        held_back=tuple(held),
        stale=tuple(stale),
        warnings=tuple(warnings),
        partial=tuple(partial),
    )
