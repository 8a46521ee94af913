"""``cli.base.say`` writes what ``console.print(text, markup=False)`` writes, byte for byte,
whether it writes the text itself (into a file or a pipe) or leaves it to Rich (a terminal, a
tab, something like an emoji code)."""

from __future__ import annotations

import io

import pytest

from pressflow.cli.base import say
from pressflow.terminal import SafeConsole

TEXTS = [
    "check: release_0001 [ru] 100% translated (8/8, 0 fuzzy), 10 problem(s)\ncheck: x",
    "x" * 300 + " a line longer than any terminal",
    "trailing spaces   ",
    "  leading spaces",
    "wide 漢字 " * 40,
    "a tab\there",
    "an emoji code :smile: here",
    "a:b:c",
    "an escape \x1b[2J and a bidi override \u202e and a return \r",
    "",
    "lines\n\nwith a blank one\n",
    "[bold]not markup[/]",
    "ru: 3:4 5:6",
    "\u00a0no-break space, ligature ﬁ",
]


def _console(*, terminal: bool) -> SafeConsole:
    return SafeConsole(
        file=io.StringIO(),
        highlight=False,
        soft_wrap=True,
        no_color=True,
        force_terminal=terminal,
        width=80,
    )


@pytest.mark.parametrize("terminal", [False, True])
@pytest.mark.parametrize("text", TEXTS)
def test_say_writes_what_rich_prints(text: str, terminal: bool) -> None:
    said, printed = _console(terminal=terminal), _console(terminal=terminal)
    say(said, text)
    printed.print(text, markup=False)
    assert said.file.getvalue() == printed.file.getvalue()  # type: ignore[attr-defined]
