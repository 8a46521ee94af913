"""A check's problems, each catalog's read only when someone looks at them.

A newsroom's check finds tens of thousands of problems, and most reports show only how many
there are per catalog and severity (``run``'s summary, ``status``, the gate's verdict). When the
check comes from the incremental cache, each catalog's problems stay as stored, with their
counts beside them, until a report lists them one by one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import overload

from ..model import Problem

#: (release, language, check code, severity): what the counts of a report are made of
Kind = tuple[str, str, str, str]
Counts = dict[Kind, int]


def kind(p: Problem) -> Kind:
    return (p.release, p.lang, p.check, p.severity)


def count(problems: Iterable[Problem]) -> Counts:
    """How many problems of each kind (for ``Findings``, without reading them)."""
    if isinstance(problems, Findings):
        return problems.counts()
    found: Counts = {}
    for p in problems:
        k = kind(p)
        found[k] = found.get(k, 0) + 1
    return found


class Findings(Sequence[Problem]):
    """Problems in order, made of parts: each its counts and how to read its problems (once,
    on first use of any problem). Compares equal to a list of the same problems."""

    def __init__(self, parts: Iterable[tuple[Counts, Callable[[], list[Problem]]]] = ()):
        self._parts = list(parts)
        self._all: list[Problem] | None = None
        self._counts: Counts | None = None

    @classmethod
    def of(cls, problems: Sequence[Problem]) -> Findings:
        """Problems already read, as one part."""
        if isinstance(problems, Findings):
            return problems
        read = list(problems)
        return cls([(count(read), lambda: read)])

    def counts(self) -> Counts:
        """The parts' counts summed (once: the verdict and each report line ask again)."""
        if self._counts is None:
            total: Counts = {}
            for counts, _ in self._parts:
                for k, n in counts.items():
                    total[k] = total.get(k, 0) + n
            self._counts = total
        return dict(self._counts)

    def problems(self) -> list[Problem]:
        if self._all is None:
            self._all = [p for _, read in self._parts for p in read()]
        return self._all

    def __len__(self) -> int:
        if self._all is not None:
            return len(self._all)
        return sum(n for counts, _ in self._parts for n in counts.values())

    @overload
    def __getitem__(self, index: int) -> Problem: ...
    @overload
    def __getitem__(self, index: slice) -> list[Problem]: ...
    def __getitem__(self, index: int | slice) -> Problem | list[Problem]:
        return self.problems()[index]

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.problems())

    def __add__(self, other: Sequence[Problem]) -> Findings:
        return Findings([*self._parts, *Findings.of(other)._parts])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Findings | list):
            return self.problems() == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Findings({self.problems()!r})"
