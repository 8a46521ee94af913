"""The rules of a language as the splitter's loop applies them at a candidate: bound checks, and
the plans that say which of them are left to try there and how to skip to the first that may
decide (``Rules.plan`` makes them, per kind of candidate).

Why apart from the rule compiler: this is the hot path's view of the rules, built at run time
from what a text holds; the compiler reads rule files once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

__all__ = ["Check", "Plan", "sieved"]


class Check(NamedTuple):
    """One rule as the segmenter's loop applies it (see ``Rule``)."""

    after: Callable[..., object] | None
    before: Callable[..., object] | None
    brk: bool
    reach: int | None
    dot_reach: int | None
    #: ``backward.match``, or None.
    backward: Callable[..., re.Match[str] | None] | None


class Plan(NamedTuple):
    """The rules that may decide at a kind of candidate (``Rules.plan``), and how to skip to the
    first of them whose ``before`` may end there."""

    checks: tuple[Check, ...]
    #: Matched on the reversed text at a candidate: None when no check's ``before`` can end
    #: there (then ``default`` decides), else ``picks[lastindex]`` is the first check that may.
    #: None itself when some ``backward`` pattern cannot be combined: try ``checks`` in turn.
    sieve: Callable[..., re.Match[str] | None] | None
    picks: tuple[int, ...]
    #: ``brk`` of the last check when it has no ``before`` (it holds wherever it is reached),
    #: else None: no rule decides.
    default: bool | None


def sieved(checks: tuple[Check, ...]) -> Plan:
    """``checks`` with one ordered alternation of their ``backward`` patterns: each branch ends in
    an empty group, so the first that matches names its check. A branch equal to an earlier one
    is left out (it matches only where the earlier did); a check without a ``backward`` pattern
    always may (an empty branch). One anchored match rules out all of them at almost every
    candidate, where trying each costs as much as the rest of the segmenter."""
    default = checks[-1].brk if checks and checks[-1].before is None else None
    branches: list[str] = []
    picks = [-1]
    for i, check in enumerate(checks):
        if check.before is None:
            break
        back = check.backward.__self__ if check.backward is not None else None  # type: ignore[attr-defined]
        if back is None:
            body = ""
        elif back.groups:
            return Plan(checks, None, (), default)  # numbered groups would shift
        else:
            flags = ("i" if back.flags & re.IGNORECASE else "") + (
                "a" if back.flags & re.ASCII else ""
            )
            body = f"(?{flags}:{back.pattern})" if flags else back.pattern
        branch = f"{body}()"
        if branch in branches:
            continue
        branches.append(branch)
        picks.append(i)
    if not branches:
        return Plan(checks, None, (), default)  # nothing to sieve: the default, or no rule
    return Plan(checks, re.compile("|".join(branches)).match, tuple(picks), default)
