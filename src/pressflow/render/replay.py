"""A build whose every input is unchanged, answered from one record without rendering anything.

The daily build of a newsroom usually finds that no release, catalog, check finding, template or
setting changed. Each release's inputs already have a key (see ``pipeline``); one key over all
of them names the whole site. The build stores, under that key, every file it produced with the
digest of its bytes and what it reported (held back, stale, warnings, partial). The next build
with the same key checks that each of those files still holds those bytes and reports the same
result: no page layout, lxml or listing is loaded. A file edited or removed by hand, or any
changed key, sends the build down its usual way, so the site is byte-identical either way.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from ..cache import Cache
from ..cache import key as cache_key
from .model import BuildResult, HeldBack, Stale, UnderFolder

TABLE, NAME = "site", "build"
#: Folders of listing pages pressflow writes and owns: pages no longer produced are removed.
LISTING_DIRS = ("page", "archive")


def whole_key(settings: str, keys: Mapping[str, str]) -> str:
    """One key over the site's settings and every release's key (by slug)."""
    return cache_key("whole build", settings, sorted(keys.items()))


def intact(
    record: object, out: Path | str, cache: Cache, *, known: Mapping[str, str] | None = None
) -> bool:
    """Whether ``record`` is well formed and every page it names is still, by content, the page
    it recorded (a page edited or removed by hand is made again). ``known``: digests this
    build already took of some of them (by path), not taken again."""
    if not isinstance(record, dict) or not isinstance(record.get("pages"), list):
        return False
    folder, known = os.fspath(out), known or {}

    def now(path: str) -> str:
        found = known.get(path)
        return found if found is not None else cache.digest(path)

    try:
        return all(now(f"{folder}/{rel}") == digest for rel, digest in record["pages"])
    except (TypeError, ValueError):  # a damaged row
        return False


def remember(cache: Cache, whole: str, result: BuildResult, digests: Mapping[str, str]) -> None:
    """Store what a build under ``whole`` produced (``digests``: file under the site -> digest)
    and reported. A build that withdrew pages is not stored: its removals are not replayable."""
    if result.withdrawn:
        cache.drop(TABLE, NAME)
        return
    out = result.out
    record = {
        "pages": [[rel, digest] for rel, digest in sorted(digests.items())],
        "held": [[h.release, h.lang, h.reason] for h in result.held_back],
        "stale": [[s.release, s.lang, _under(s.path, out), s.reason] for s in result.stale],
        "warnings": list(result.warnings),
        "partial": [list(pair) for pair in result.partial],
    }
    cache.put(TABLE, NAME, whole, record)


def replay(
    cache: Cache,
    whole: str,
    out: Path,
    languages: Sequence[str],
    *,
    known: Mapping[str, str] | None = None,
) -> BuildResult | None:
    """The result of the build stored under ``whole`` when every file it produced is intact
    (``known``: see ``intact``), with the listing pages it did not produce removed as that
    build removed them; else None."""
    record = cache.get(TABLE, NAME, whole)
    if not intact(record, out, cache, known=known):
        return None
    try:
        pages = [rel for rel, _ in record["pages"]]  # type: ignore[index]
        result = BuildResult(
            out=out,
            unchanged=UnderFolder(out, pages),
            held_back=tuple(HeldBack(*row) for row in record["held"]),  # type: ignore[index]
            stale=tuple(
                Stale(slug, lang, out / rel, reason)
                for slug, lang, rel, reason in record["stale"]  # type: ignore[index]
            ),
            warnings=tuple(record["warnings"]),  # type: ignore[index]
            partial=tuple((slug, lang) for slug, lang in record["partial"]),  # type: ignore[index]
        )
    except (KeyError, TypeError, ValueError):
        return None
    remove_old_listings(out, languages, set(pages))
    return result


def remove_old_listings(out: Path, languages: Iterable[str], produced: set[str]) -> None:
    """Index and archive pages an earlier build wrote that this one did not (fewer pages)."""
    for lang in languages:
        for folder in LISTING_DIRS:
            where = f"{lang}/{folder}"
            try:
                with os.scandir(out / where) as listing:
                    names = sorted(e.name for e in listing if e.name.endswith(".html"))
            except (FileNotFoundError, NotADirectoryError):
                continue
            for name in names:
                if f"{where}/{name}" not in produced:
                    (out / where / name).unlink()


def _under(path: Path, out: Path) -> str:
    return Path(path).relative_to(out).as_posix()
