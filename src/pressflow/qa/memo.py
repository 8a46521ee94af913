"""Memoised pure functions of one text or one word, which the checks ask for again and again.

A source unit's numbers, names and months are needed by several checks and, with the catalogs of
every target language checked in one run, once per language; a word's skeleton or month once per
occurrence. Each such function is computed once per distinct argument. ``PRESSFLOW_NO_MEMO=1`` in
the environment turns the memo off, so that a test shows the findings are the same without it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")
_CACHED: list[Any] = []
#: set in the environment, the memo is off from import on (a test compares the findings)
OFF = bool(os.environ.get("PRESSFLOW_NO_MEMO"))


def memo(maxsize: int = 8192) -> Callable[[F], F]:
    """Memoise a pure function of hashable arguments (its result must never be mutated)."""

    def wrap(func: F) -> F:
        if OFF:
            return func
        cached = lru_cache(maxsize=maxsize)(func)
        _CACHED.append(cached)
        return cached  # type: ignore[return-value]

    return wrap


def clear() -> None:
    """Forget every memoised result (each benchmark run then starts cold, as a CI run does)."""
    for cached in _CACHED:
        cached.cache_clear()


#: the one empty frozenset the readings give: CPython makes a new one for each ``frozenset()``,
#: which the garbage collector then tracks, and most texts have none of most things (a run's
#: collections walk every result the memo keeps: a third of them were empty sets)
NONE: frozenset[Any] = frozenset()


def frozen(values: Iterable[T]) -> frozenset[T]:
    """``frozenset(values)``, or the shared ``NONE`` when there are none."""
    return frozenset(values) or NONE
