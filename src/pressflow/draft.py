"""A new release for the communications officer: the file name, front matter and skeleton that
the readers expect, so nobody has to know the format, the slug rules or the date line by heart.

The slug is the Kyrgyz title romanised with the same table the names check uses
(``Жергиликтүү өз алдынча башкаруу форуму`` → ``zhergiliktuu-oz-aldyncha-bashkaruu-forumu``),
after the date in the newsroom's own time zone (``[site] timezone``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .config import Config
from .errors import ConfigError, UsageError
from .files import atomic_write
from .readers import READERS
from .slugs import check_slug
from .translit import slugify

FORMATS = ("md", "txt")

# The body: a lead to overwrite, and (Markdown) guidance as HTML comments, which are never
# extracted, translated or published.
LEAD = "Бул жерге негизги маалыматты жазыңыз: ким, эмне, качан жана кайда болду."
MARKDOWN_BODY = f"""\
{LEAD}

<!-- Кийинки абзацтар: чоо-жайы, цитата («…», — деди …), сандар жана даталар. -->

<!-- Акыркы абзац: кошумча маалымат үчүн байланыш. -->
"""


@dataclass(frozen=True)
class Draft:
    path: Path
    slug: str
    text: str


def newsroom_now(config: Config, *, now: datetime | None = None) -> datetime:
    """The newsroom's wall clock (naive, as people write a release's date line)."""
    try:
        zone = ZoneInfo(config.site.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"[site] timezone {config.site.timezone!r} is not a known time zone "
            "(an IANA name such as 'Asia/Bishkek')"
        ) from None
    moment = now if now is not None else datetime.now(tz=zone)
    if moment.tzinfo is not None:
        moment = moment.astimezone(zone)
    return moment.replace(tzinfo=None, second=0, microsecond=0)


def _markdown(title: str, when: datetime, slug: str) -> str:
    quoted = json.dumps(title, ensure_ascii=False)  # a YAML double-quoted scalar
    return (
        f'---\ntitle: {quoted}\ndate: {when:%Y-%m-%d %H:%M}\nslug: {slug}\nsummary: ""\n---\n\n'
        + MARKDOWN_BODY
    )


def _text(title: str, when: datetime, slug: str) -> str:
    """Plain text as a news site gives it: title, the date line, then paragraphs."""
    del slug  # the file name carries it
    return f"{title}\n\n{when:%d.%m.%Y %H:%M}\n\n{LEAD}\n"


RENDERERS = {"md": _markdown, "txt": _text}


def make_draft(
    config: Config,
    title: str,
    *,
    fmt: str = "md",
    slug: str | None = None,
    now: datetime | None = None,
) -> Draft:
    """The file a new release starts as (nothing written)."""
    title = " ".join(title.split())
    if not title:
        raise UsageError("a release needs a title")
    if fmt not in RENDERERS:
        raise UsageError(f"unknown release format {fmt!r} (use {' or '.join(FORMATS)})")
    when = newsroom_now(config, now=now)
    words = slug if slug is not None else slugify(title)
    if not words:
        raise UsageError("the title has no letter or digit to make a slug from: give --slug")
    full = check_slug(f"{when:%Y-%m-%d}-{words}" if slug is None else words)
    path = config.releases_dir / f"{full}.{fmt}"
    return Draft(path, full, RENDERERS[fmt](title, when, full))


def existing_release(config: Config, slug: str) -> Path | None:
    """A release file that already has this slug, whatever its format."""
    for suffix in READERS:
        candidate = config.releases_dir / f"{slug}{suffix}"
        if candidate.exists():
            return candidate
    return None


def create_release(
    config: Config,
    title: str,
    *,
    fmt: str = "md",
    slug: str | None = None,
    now: datetime | None = None,
) -> Draft:
    """Create ``releases/<date>-<slug>.<fmt>`` for ``title``; never replaces a release."""
    draft = make_draft(config, title, fmt=fmt, slug=slug, now=now)
    if not config.releases_dir.is_dir():
        raise ConfigError("releases folder does not exist", path=config.rel(config.releases_dir))
    taken = existing_release(config, draft.slug)
    if taken is not None:
        raise UsageError(
            "a release with this slug exists already; 'pressflow new' never overwrites "
            "(edit that file, or choose another --slug)",
            path=config.rel(taken),
        )
    atomic_write(draft.path, draft.text, expect=None)  # None: it must still be missing
    return draft
