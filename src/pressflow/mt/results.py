"""The values prefill reports: counts per language, the dry-run plan, progress events.

Plain data, so that the CLI can draw a progress bar and a summary, and tests can assert numbers,
without prefill ever printing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from ..model import Problem


@dataclass
class LangCounts:
    """What happened to the empty entries of one language (counted per catalog entry)."""

    lang: str
    empty: int = 0  # empty entries found (the work to do)
    memory_exact: int = 0
    memory_fuzzy: int = 0
    cache: int = 0  # filled from the MT cache, no request
    mt: int = 0  # filled from a fresh MT answer
    failed: int = 0  # the engine failed (timeouts, errors) after retries
    rejected: int = 0  # an answer was refused: empty, the source back, or a lost marker
    stopped: int = 0  # not attempted: no network, or the circuit breaker opened
    skipped: int = 0  # not for MT: engine 'none', or nothing but numbers/markers to translate

    @property
    def memory(self) -> int:
        return self.memory_exact + self.memory_fuzzy

    @property
    def filled(self) -> int:
        return self.memory + self.cache + self.mt

    @property
    def left(self) -> int:
        return self.empty - self.filled

    def add(self, other: LangCounts) -> None:
        for f in fields(self):
            if f.name != "lang":
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


@dataclass(frozen=True)
class PlanRow:
    """Dry run: how many units and characters would be filled from ``source`` for ``lang``.

    ``source`` is ``memory``, ``cache``, or the engine name (the only row that costs requests).
    """

    lang: str
    source: str
    units: int
    characters: int
    requests: int = 0  # distinct texts the engine would receive


@dataclass(frozen=True)
class ProgressEvent:
    """A snapshot for a progress bar: ``done`` of ``total`` entries, by where they came from.

    ``phase`` is ``memory`` (memory and cache pass), ``mt`` (answers arriving) or ``done``.
    """

    phase: str
    total: int
    done: int
    memory: int = 0
    cache: int = 0
    mt: int = 0
    failed: int = 0  # failed + rejected + skipped so far
    requests: int = 0
    lang: str = ""
    message: str = ""


@dataclass(frozen=True)
class PrefillResult:
    """Everything a prefill run did (or, with ``dry_run``, would do)."""

    engine: str
    dry_run: bool
    langs: tuple[LangCounts, ...]
    total: LangCounts
    requests: int = 0  # HTTP requests sent, retries included
    texts: int = 0  # distinct texts sent to the engine
    characters: int = 0  # characters of those texts
    seconds: float = 0.0
    waited: float = 0.0  # seconds paused because the provider answered 429
    warnings: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()  # one per refused or failed unit
    stopped_reason: str = ""  # why the circuit breaker stopped MT, "" if it did not
    plan: tuple[PlanRow, ...] = ()
    written: tuple[str, ...] = field(default=())  # catalogs changed, relative to the root

    @property
    def filled(self) -> int:
        return self.total.filled

    @property
    def failed(self) -> int:
        """Entries that MT should have filled and did not (what ``--strict`` fails on)."""
        return self.total.failed + self.total.rejected + self.total.stopped

    def counts(self, lang: str) -> LangCounts:
        return next(c for c in self.langs if c.lang == lang)


class MTFailure(Exception):
    """One failed request, classified so that the pool knows whether to wait, retry or stop."""

    def __init__(self, kind: str, message: str, *, retry_after: float | None = None):
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.retry_after = retry_after
