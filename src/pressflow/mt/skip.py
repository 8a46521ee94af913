"""What the incremental cache lets prefill skip: catalogs known, by content, to have no empty
entry (not read, no memory built) and an engine known to take the languages (not loaded).

A hash decides: a catalog's entry is keyed by its content digest, so an edit by a translator,
or a fill, makes the cache forget it; the cache is only ever a short-cut.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..cache import Cache
from ..cache import key as cache_key
from ..model import CatalogRef
from .recall import keys
from .spec import NO_ENGINE

if TYPE_CHECKING:
    from .spec import EngineSpec


def engine_spec_if_needed(
    engine: str, source: str, targets: tuple[str, ...], cache: Cache | None, *, needed: bool
) -> EngineSpec | None:
    """The engine's spec, checked for the languages; None when no entry needs the engine and
    the cache knows this engine takes these languages (the MT clients are not even loaded)."""
    check = cache_key("engine", engine, source, targets)
    if not needed and cache is not None and cache.get("prefill", "engine", check) is True:
        return None
    if engine == NO_ENGINE.name:  # no client to load, every language pair welcome
        return NO_ENGINE
    from .engines import engine_spec

    spec = engine_spec(engine, source=source, targets=targets)
    if cache is not None:
        cache.put("prefill", "engine", check, True)
    return spec


def empty_key(digest: str) -> str:
    """The cache key under which a catalog's count of empty entries is kept."""
    return keys("empty entries")(digest)


def known_full(cache: Cache | None, ref: CatalogRef, digests: dict[str, str]) -> bool:
    """Whether the cache knows ``ref``'s catalog, by its content, to have no empty entry
    (its digest kept in ``digests``: the memory's key asks for it again)."""
    if cache is None:
        return False
    digest = digests.get(ref.path)
    if digest is None:
        digest = digests[ref.path] = cache.digest(ref.path)
    return cache.get("prefill", ref.path, empty_key(digest)) == 0


def all_full(cache: Cache | None, refs: Sequence[CatalogRef], digests: dict[str, str]) -> bool:
    """Whether every catalog of ``refs`` is known, by its content, to have no empty entry."""
    if cache is None or not refs:
        return False
    return all(known_full(cache, ref, digests) for ref in refs)
