"""``build_site``: decide which language versions are published, lay them out, write the site.

The publishing policy lives here. A version is published when its catalog meets the site
threshold (or with ``allow_partial``) and ``check`` reports no problem at or above
``[site] block_on`` in it; otherwise nothing is written and the result says why. A page published
earlier is kept and reported stale, or removed when the build withdraws stale pages. Every file
goes through ``atomic_write``, so unchanged pages are not touched and the build is incremental;
the bytes depend on the releases, catalogs and config only, so alternating builds are stable.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from importlib import resources
from pathlib import Path

import lxml.html

from ..cache import Cache
from ..cache import key as cache_key
from ..config import Config
from ..errors import SlugError
from ..slugs import check_slug
from .body import body_elements
from .feed import atom_feed
from .index import (
    ROOT_PAGE,
    Entry,
    Listings,
    listing_parts,
    listings_of,
    newest_first,
    page_count,
    root_parts,
    years,
)
from .model import BuildResult, HeldBack, ReleaseText, Stale, UnderFolder
from .output import Writer, site_assets
from .page import STYLE_FILE, Site, Version, feed_path, serialize
from .pages import PAGE_BUILDERS, PageContext, listed_entry, page_layout, text_release
from .policy import decide
from .release import page_path
from .replay import remember, remove_old_listings, whole_key
from .reuse import (
    Reused,
    Share,
    entry_of,
    entry_row,
    intact,
    row_changed,
    row_slug,
    row_stamp,
    row_year,
)
from .sitemap import Group, sitemap
from .text import Localized, localize

NO_BASE_URL = (
    "[site] base_url is not set: no canonical links, no sitemap.xml, no og:url or og:image,"
    " and feed ids are derived from the project name"
)


class _Build:
    """One run of ``build_site``: the pages, index entries and findings collected so far."""

    def __init__(
        self,
        config: Config,
        out: Path,
        *,
        allow_partial: bool,
        withdraw: bool,
        cache: Cache | None = None,
        settings: str = "",
    ):
        assets = site_assets(config)
        site = Site.for_config(
            config,
            logo=assets.get("logo", ("", b""))[0],
            image=assets.get("image", ("", b""))[0],
        )
        layout, pretty = page_layout(config)
        self.ctx = PageContext(site, layout, pretty)
        self.out = out
        self.allow_partial = allow_partial
        self.withdraw = withdraw
        self.writer = Writer(out)
        self.assets = assets
        self.warnings: list[str] = []
        if config.site.base_url.strip() and not site.links.base_url:
            self.warnings.append(
                f"[site] base_url {config.site.base_url!r} is not an http(s) URL; ignored"
            )
        elif not site.links.base_url:
            self.warnings.append(NO_BASE_URL)
        self._warned = set(self.warnings)
        self.held: list[HeldBack] = []
        self.stale: list[Stale] = []
        self.withdrawn: list[Path] = []
        self.partial: list[tuple[str, str]] = []
        # each language's entries as record rows (``reuse.entry_row``): the listings are keyed
        # and ordered as rows, and only a listing made again decodes its entries
        self.entries: dict[str, list[list]] = {lang: [] for lang in config.languages}
        # each release's sitemap group as its record holds it: [[[lang, path], ...], x_default]
        self.groups: list[list] = []
        self.lastmod: dict[str, str] = {}
        self.slugs: dict[str, str] = {}
        self.cache = cache
        self.settings = settings  # a key over what every page depends on besides its release
        self._key = ""
        self.share = Share()  # what the release being built adds
        self.keys: list[str] = []  # each release's cache key, in order
        # each release's digest of what the listings take from it (``Share.record``), in order:
        # one key over them all names every listing's inputs (without reading thousands of rows)
        self.listed: list[str] = []

    def _warn(self, found: Sequence[str]) -> None:
        """Each warning once (a set beside the list: thousands of releases may each warn)."""
        self.share.warnings.extend(found)
        for warning in found:
            if warning not in self._warned:
                self._warned.add(warning)
                self.warnings.append(warning)

    def _localize(self, text: ReleaseText, lang: str) -> Localized:
        config = self.ctx.config
        return localize(
            text,
            lang,
            source_lang=config.source_lang,
            publish_foreign=config.site.publish_foreign,
            publish_roles=tuple(config.structure.publish),
        )

    def release(self, text: ReleaseText, *, record_key: str = "") -> None:
        """Every language version of one release: published, kept (stale), withdrawn or held;
        under ``record_key`` in the cache, what it added (unless it withdrew a page)."""
        self.share = Share()
        self._release(text)
        self.keys.append(record_key)
        record = self.share.record()
        self.listed.append(record["listed"])
        if self.cache is not None and record_key and not self.share.withdrew:
            self.cache.put("build", text.release.slug, record_key, record)

    def reuse(self, item: Reused) -> None:
        """A release as its record says the same inputs built it, its pages left as they are."""
        record = item.record
        self.listed.append(record["listed"])
        self.slugs[item.slug] = item.slug
        keep, entries = self.writer.keep, self.entries
        for rel, digest in record["pages"]:
            keep(rel, digest)
        for lang, row in record["entries"]:
            entries[lang].append(row)
        self.groups.append(record["group"])
        self.lastmod.update(record["lastmod"])  # [page, stamp] pairs
        # (most releases are held back nowhere, stale nowhere, and warn of nothing)
        if record["held"]:
            self.held.extend(HeldBack(*row) for row in record["held"])
        if record["stale"]:
            self.stale.extend(
                Stale(slug, lang, self.out / rel, reason)
                for slug, lang, rel, reason in record["stale"]
            )
        if record["warnings"]:
            self.share = Share()  # what ``_warn`` adds to: not the last built release's record
            self._warn(record["warnings"])
        if record["partial"]:
            self.partial.extend((slug, lang) for slug, lang in record["partial"])
        self.keys.append(item.key)

    def _release(self, text: ReleaseText) -> None:
        config, release = self.ctx.config, text.release
        slug = check_slug(release.slug, path=release.path)
        if slug in self.slugs:
            raise SlugError(
                f"slug {slug!r} is also the slug of {self.slugs[slug]}", path=release.path
            )
        self.slugs[slug] = release.path
        decisions = [
            decide(
                text,
                lang,
                config=config,
                exists=(self.out / page_path(lang, slug)).is_file(),
                allow_partial=self.allow_partial,
            )
            for lang in config.languages
        ]
        kept = [d for d in decisions if d.publish or (d.stale and not self.withdraw)]
        versions = tuple(Version(d.lang, page_path(d.lang, slug)) for d in kept)
        for decision in decisions:
            rel = page_path(decision.lang, slug)
            modified = text.revised.get(decision.lang) or release.date
            if modified is not None and (decision.publish or decision.stale):
                self.lastmod[rel] = self.ctx.site.clock.stamp(modified)
                self.share.lastmod.append([rel, self.lastmod[rel]])
            if decision.publish:
                self.publish(text, self._localize(text, decision.lang), versions)
                continue
            if not decision.stale:
                self.held.append(HeldBack(slug, decision.lang, decision.reason))
                self.share.held.append([slug, decision.lang, decision.reason])
            elif self.withdraw:
                (self.out / rel).unlink()
                self.withdrawn.append(self.out / rel)
                self.share.withdrew = True
            elif decision.stale:
                # listed as the page was: the same localization the publishing build made
                self.stale.append(Stale(slug, decision.lang, self.out / rel, decision.reason))
                self.share.stale.append([slug, decision.lang, rel, decision.reason])
                loc = self._localize(text, decision.lang)
                self._list(
                    decision.lang, listed_entry(loc, text=text, source_lang=config.source_lang)
                )
        self.share.group = [
            [[v.lang, v.path] for v in versions],
            page_path(config.source_lang, slug),
        ]
        self.groups.append(self.share.group)

    def _list(self, lang: str, entry: Entry) -> None:
        row = entry_row(entry)
        self.entries[lang].append(row)
        self.share.entries.append([lang, row])

    def publish(self, text: ReleaseText, loc: Localized, versions: tuple[Version, ...]) -> None:
        config = self.ctx.config
        self._warn(loc.warnings)
        if loc.missing:
            self.partial.append((loc.release.slug, loc.lang))
            self.share.partial.append([loc.release.slug, loc.lang])
        builder = PAGE_BUILDERS.get(loc.release.format, text_release)
        if not loc.release.source:
            builder = text_release
        html, problems = builder(loc, versions, self.ctx, text.revised.get(loc.lang))
        self.warnings.extend(problems)
        self._warned.update(problems)
        self.share.warnings.extend(problems)  # (not deduplicated: replayed the same way)
        rel = page_path(loc.lang, loc.release.slug)
        self.writer.write(rel, html)
        self.share.pages.append([rel, self.writer.digests[rel]])
        content = ""
        if config.site.feed == "full":
            nodes = body_elements(loc.body, source_lang=config.source_lang, page_lang=loc.lang)
            content = "".join(lxml.html.tostring(n, encoding="unicode") for n in nodes)
        entry = listed_entry(loc, text=text, source_lang=config.source_lang, content=content)
        self._list(loc.lang, entry)

    def site_pages(self) -> None:
        """Indexes, archives, feeds, the root page, the stylesheet, images, the sitemap: made
        from every release's entries, sitemap group and dates (and the site's settings), so
        taken as they are when those are what they were when they were made (and each file
        still holds what was written): one key over each release's digest of them. A release
        edited in its body leaves them as they are; one retitled makes again the few listing
        pages that show it."""
        languages = self.ctx.config.languages
        site_key = ""
        if self.cache is not None and self.settings:
            site_key = cache_key("site", self.settings, self.listed)
        if site_key and self.cache is not None:
            record = self.cache.get("site", "listings", site_key)
            if intact(record, self.out, self.cache):
                for rel, digest in record["pages"]:  # type: ignore[index]
                    self.writer.keep(rel, digest)
                remove_old_listings(self.out, languages, self.writer.produced)
                return
        before = set(self.writer.digests)
        self._site_pages()
        if site_key and self.cache is not None:
            pages = [[rel, d] for rel, d in self.writer.digests.items() if rel not in before]
            self.cache.put("site", "listings", site_key, {"pages": pages})

    def _site_pages(self) -> None:
        site, layout, pretty = self.ctx.site, self.ctx.layout, self.ctx.pretty
        languages = site.config.languages
        size = site.config.site.page_size
        rows = self.entries
        listings = Listings(
            pages={lang: page_count(len(rows[lang]), size) for lang in languages},
            years={lang: years(rows[lang], year_of=row_year) for lang in languages},
        )
        listing_groups: list[Group] = []
        for lang in languages:
            changed = [when for when in map(row_changed, rows[lang]) if when is not None]
            newest = site.clock.stamp(max(changed, key=site.clock.local)) if changed else ""
            ordered = newest_first(rows[lang], slug=row_slug, stamp=row_stamp)
            for item in listings_of(lang, ordered, size=size, listings=listings, year_of=row_year):
                if not self._kept("listings", item.page, repr(item), listings):
                    item = replace(item, entries=tuple(map(entry_of, item.entries)))
                    parts = listing_parts(item, site=site, listings=listings)
                    self._made("listings", item.page, serialize(layout(parts), pretty=pretty))
                if newest:
                    self.lastmod[item.page] = newest  # a listing changes with its newest entry
            feed = feed_path(lang)
            if not self._kept("listings", feed, rows[lang]):
                entries = [entry_of(row) for row in rows[lang]]
                self._made("listings", feed, atom_feed(lang, entries, site=site))
        for number in range(1, max(listings.pages.values()) + 1):
            listing_groups.append(Group(tuple(listings.versions(number=number)), ROOT_PAGE))
        for year in sorted({y for ys in listings.years.values() for y in ys}, reverse=True):
            listing_groups.append(Group(tuple(listings.versions(year=year)), ROOT_PAGE))
        root = root_parts(site=site, languages=languages)
        self.writer.write(ROOT_PAGE, serialize(layout(root), pretty=pretty))
        css = resources.files(__package__).joinpath(STYLE_FILE).read_bytes()
        self.writer.write(STYLE_FILE, css)
        for target, data in self.assets.values():
            self.writer.write(target, data)
        sitemap_key = (listing_groups, self.groups, self.lastmod)
        if site.links.base_url and not self._kept("listings", "sitemap.xml", *sitemap_key):
            releases = [Group(tuple(Version(*v) for v in vs), x) for vs, x in self.groups]
            groups = [listing_groups[0], *releases, *listing_groups[1:]]
            self._made(
                "listings", "sitemap.xml", sitemap(groups, links=site.links, lastmod=self.lastmod)
            )
        remove_old_listings(self.out, languages, self.writer.produced)

    def _kept(self, table: str, rel: str, *inputs: object) -> bool:
        """Whether the file ``rel`` made from ``inputs`` (with the site's settings) is on disk
        as the cache recorded it: then it is kept, not made again."""
        if self.cache is None or not self.settings:
            return False
        self._key = cache_key(table, self.settings, rel, *inputs)
        record = self.cache.get(table, rel, self._key)
        if intact(record, self.out, self.cache) and len(record["pages"]) == 1:  # type: ignore[index]
            self.writer.keep(rel, record["pages"][0][1])  # type: ignore[index]
            return True
        return False

    def _made(self, table: str, rel: str, data: str) -> None:
        self.writer.write(rel, data)
        if self.cache is not None and self.settings:
            self.cache.put(table, rel, self._key, {"pages": [[rel, self.writer.digests[rel]]]})

    def result(self) -> BuildResult:
        return BuildResult(
            out=self.out,
            written=tuple(self.out / rel for rel in self.writer.written),
            unchanged=UnderFolder(self.out, self.writer.unchanged),
            held_back=tuple(self.held),
            stale=tuple(self.stale),
            warnings=tuple(self.warnings),
            partial=tuple(self.partial),
            withdrawn=tuple(self.withdrawn),
        )


def build_site(
    config: Config,
    releases: Sequence[ReleaseText | Reused],
    *,
    out: Path,
    allow_partial: bool = False,
    withdraw_partial: bool = False,
    cache: Cache | None = None,
    keys: Mapping[str, str] | None = None,
    settings: str = "",
) -> BuildResult:
    """Write the site for ``releases`` under ``out``; see the module docstring for the policy.

    With ``cache``, what each release adds is recorded under its key in ``keys`` (slug -> key
    over every input of its pages), a ``Reused`` release is replayed from its record, and the
    listings are taken as they are when no release's key changed; else each listing page and
    feed whose entries and ``settings`` (a key over the config, template and options) did not
    change is kept.

    Raises ``SlugError`` for an unsafe or duplicate slug, ``TemplateError`` for a bad template
    and ``ConfigError`` for a missing logo or image (before anything is written in both cases).
    """
    build = _Build(
        config,
        Path(out),
        allow_partial=allow_partial,
        withdraw=withdraw_partial,
        cache=cache,
        settings=settings,
    )
    keys = keys or {}
    for item in sorted(releases, key=_slug):
        if isinstance(item, Reused):
            build.reuse(item)
        else:
            build.release(item, record_key=keys.get(item.release.slug, ""))
    build.site_pages()
    result = build.result()
    if cache is not None and settings and keys and all(build.keys):
        remember(cache, whole_key(settings, keys), result, build.writer.digests)
    return result


def _slug(item: ReleaseText | Reused) -> str:
    return item.slug if isinstance(item, Reused) else item.release.slug
