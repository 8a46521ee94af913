"""The one slug rule: what names a release's catalogs and pages.

A slug becomes a file name in three folders (``templates/<slug>.pot``, ``<lang>/<slug>.po``,
``site/<lang>/<slug>.html``) and part of a public URL, so it is kept to what is safe everywhere:
lowercase ASCII letters, digits, hyphens and underscores, at most ``MAX_LENGTH`` characters,
starting and ending with a letter or digit, and not one of the names the site itself uses
(``index`` would overwrite a language's index page).
"""

from __future__ import annotations

import re

from .errors import SlugError

MAX_LENGTH = 100
# Underscores too: file names such as release_0001.txt name newsrooms' catalogs already.
_PATTERN = re.compile(r"[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?")

#: Names the site (or a web server in front of it) uses for itself.
RESERVED = frozenset(
    {
        "index",
        "sitemap",
        "feed",
        "feeds",
        "atom",
        "rss",
        "assets",
        "static",
        "css",
        "js",
        "img",
        "images",
        "style",
        "robots",
        "favicon",
        "404",
        "500",
    }
)


def slug_problem(slug: str) -> str:
    """Why ``slug`` is not a valid slug ("" when it is)."""
    if not slug:
        return "empty slug"
    shown = slug if len(slug) <= 40 else slug[:40] + "…"
    if len(slug) > MAX_LENGTH:
        return f"slug {shown!r} is longer than {MAX_LENGTH} characters"
    if not _PATTERN.fullmatch(slug):
        return (
            f"invalid slug {shown.encode('unicode_escape').decode('ascii')!r}: use lowercase "
            "ASCII letters, digits, hyphens and underscores (a letter or digit at each end)"
        )
    if slug in RESERVED:
        return f"slug {slug!r} is reserved by the site ({', '.join(sorted(RESERVED))})"
    return ""


def check_slug(slug: str, *, path: str | None = None, line: int | None = None) -> str:
    """``slug`` if it follows the rule, else a ``SlugError`` at ``path``:``line``."""
    problem = slug_problem(slug)
    if problem:
        raise SlugError(problem, path=path, line=line)
    return slug


def is_slug(slug: str) -> bool:
    return not slug_problem(slug)
