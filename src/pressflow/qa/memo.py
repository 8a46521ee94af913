"""Memoised pure functions of one text or one word, which the checks ask for again and again.

A source unit's numbers, names and months are needed by several checks and, with the catalogs of
every target language checked in one run, once per language; a word's skeleton or month once per
occurrence. Each such function is computed once per distinct argument. ``bypassed`` turns the memo
off, so that a test shows the findings are the same with and without it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache, wraps
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
_CACHED: list[Any] = []
_ON = [True]


def memo(maxsize: int = 8192) -> Callable[[F], F]:
    """Memoise a pure function of hashable arguments (its result must never be mutated)."""

    def wrap(func: F) -> F:
        cached = lru_cache(maxsize=maxsize)(func)
        _CACHED.append(cached)

        @wraps(func)
        def call(*args: Any) -> Any:
            return cached(*args) if _ON[0] else func(*args)

        return call  # type: ignore[return-value]

    return wrap


def clear() -> None:
    """Forget every memoised result."""
    for cached in _CACHED:
        cached.cache_clear()


@contextmanager
def bypassed() -> Iterator[None]:
    """Compute everything afresh inside the block (the memo neither read nor filled)."""
    _ON[0] = False
    try:
        yield
    finally:
        _ON[0] = True
