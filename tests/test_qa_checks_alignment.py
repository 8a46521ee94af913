"""Translations in the wrong entry, told by their anchors (figures, long words) when their
lengths say nothing: two neighbours of the same length exchanged."""

from __future__ import annotations

from pressflow.qa.registry import Context
from pressflow.qa.runner import run_checks
from pressflow.qa.units import Unit

ROWS = [
    ("2018-жылы Бишкекте 120 адам форумга катышты.",
     "In 2018, 120 people attended the forum in Bishkek."),
    ("2019-жылы Ошто 45 адам жыйынга келди.", "In 2019, 45 people came to the meeting in Osh."),
]  # fmt: skip


def exchanged(rows: list[tuple[str, str]]) -> list[int]:
    units = [Unit(s, t, line=i, index=i) for i, (s, t) in enumerate(rows)]
    found = run_checks(units, Context(lang="en", path="en.po"))
    return [p.line for p in found if p.check == "exchanged"]


def test_neighbours_of_the_same_length_exchanged_are_told_by_their_figures_and_names() -> None:
    assert exchanged(ROWS) == []
    (a, ta), (b, tb) = ROWS
    assert exchanged([(a, tb), (b, ta)]) == [0, 1]
