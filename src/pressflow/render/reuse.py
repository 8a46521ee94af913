"""A release's share of the site as a record for the incremental cache, and replayed from one.

One release contributes its pages, its entries in each language's index and feed, its sitemap
group and dates, and what the build says about it (held back, stale, warnings). A build that
finds a release's inputs unchanged (see ``pipeline``) replays that record instead of reading,
segmenting and rendering the release again: the listing pages, feeds and sitemap are made from
the same entries, so the site is byte-identical to a full build's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..cache import Cache, content_digest
from .index import Entry
from .replay import intact as pages_intact

#: Entry fields in record order; dates as ISO 8601 text
ENTRY_FIELDS = (
    "slug",
    "path",
    "title",
    "lead",
    "date",
    "title_lang",
    "lead_lang",
    "modified",
    "author",
    "content",
)
DATES = ("date", "modified")


@dataclass(frozen=True)
class Reused:
    """A release whose share of the site is taken from its record (see the module doc)."""

    slug: str
    key: str
    record: dict


@dataclass
class Share:
    """What one release adds to the site while it is built: becomes its record."""

    pages: list[list[str]] = field(default_factory=list)  # [path under the site, digest]
    entries: list[list] = field(default_factory=list)  # [lang, entry row]
    group: list = field(default_factory=list)  # [[[lang, path], ...], x_default]
    lastmod: list[list[str]] = field(default_factory=list)
    held: list[list[str]] = field(default_factory=list)
    stale: list[list[str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    partial: list[list[str]] = field(default_factory=list)
    withdrew: bool = False  # removed a page: not replayable (the removal is not recorded)

    def record(self) -> dict:
        listed = [self.entries, self.group, self.lastmod]  # all the listings take from it
        return {
            "listed": content_digest(repr(listed).encode("utf-8", "surrogatepass")),
            "pages": self.pages,
            "entries": self.entries,
            "group": self.group,
            "lastmod": self.lastmod,
            "held": self.held,
            "stale": self.stale,
            "warnings": self.warnings,
            "partial": self.partial,
        }


SHARE_FIELDS = frozenset(Share().record())


def entry_row(entry: Entry) -> list:
    return [
        value.isoformat() if name in DATES and value is not None else value
        for name, value in ((n, getattr(entry, n)) for n in ENTRY_FIELDS)
    ]


def entry_of(row: list) -> Entry:
    values = dict(zip(ENTRY_FIELDS, row, strict=True))
    for name in DATES:
        if values[name] is not None:
            values[name] = datetime.fromisoformat(values[name])
    return Entry(**values)


# An entry row read without decoding it (``index.newest_first``, ``index.listings_of``): the
# listings of thousands of releases are ordered and keyed as rows, and only a page made again
# decodes its own.
_SLUG, _DATE, _MODIFIED = (ENTRY_FIELDS.index(name) for name in ("slug", "date", "modified"))


def row_slug(row: list) -> str:
    return row[_SLUG]


def row_stamp(row: list) -> str:
    """The date to the second as written (``Entry``'s order: see ``index.newest_first``)."""
    return row[_DATE][:19] if row[_DATE] is not None else ""


def row_year(row: list) -> int | None:
    return int(row[_DATE][:4]) if row[_DATE] is not None else None


def row_changed(row: list) -> datetime | None:
    """When the entry last changed: its catalog's revision, else its release's date."""
    when = row[_MODIFIED] or row[_DATE]
    return datetime.fromisoformat(when) if when is not None else None


def intact(
    record: object, out: Path, cache: Cache, *, known: Mapping[str, str] | None = None
) -> bool:
    """Whether ``record`` is well formed and every page it names is still, by content, the page
    it recorded (a page edited or removed by hand is made again; ``known``: see
    ``replay.intact``)."""
    if isinstance(record, dict) and len(record) > 1 and record.keys() != SHARE_FIELDS:
        return False  # a release's, half there
    return pages_intact(record, out, cache, known=known)
