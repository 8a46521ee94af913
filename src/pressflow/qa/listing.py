"""``pressflow check --list-checks``: what each check finds, how severe, an example, and its
measured false-alarm rate, as a table for a wide terminal or as text for a pipe."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from functools import partial

from rich import box
from rich.table import Table
from rich.text import Text

from .registry import CHECKS
from .report import severity_style


@dataclass(frozen=True)
class CheckListing:
    """What ``check --list-checks`` says about one check."""

    code: str
    severity: str
    finds: str
    example: str
    false_alarms: str


def check_listings() -> list[CheckListing]:
    """Every registered check: code, severity, what it finds, an example, and its false alarms
    per 100 units measured on human translations it was not tuned on (for translators'
    silencing and for trusting the gate)."""
    from .wordlists import check_examples, false_alarm_rates

    examples, rates = check_examples(), false_alarm_rates()
    listings = []
    for code in sorted(CHECKS):
        check = CHECKS[code]
        note = " (completeness: gated by --min-translated)" if check.completeness else ""
        if check.opt_in:
            note += f' (off by default: [check] enable = ["{code}"])'
        listings.append(
            CheckListing(
                code=code,
                severity=check.severity,
                finds=check.explanation + note,
                example=examples.get(code, ""),
                false_alarms=rates.get(code, "not measured"),
            )
        )
    return listings


#: narrower than this, the five columns wrap word by word: the listing is printed as text
CHECKS_TABLE_WIDTH = 120


def checks_table(listings: list[CheckListing]) -> Table:
    """The listing as a table, for a wide terminal."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("check", no_wrap=True)
    table.add_column("severity", no_wrap=True)
    table.add_column("finds")
    table.add_column("example")
    table.add_column("false alarms /100 units", no_wrap=True)
    for item in listings:
        table.add_row(
            Text(item.code),
            Text(item.severity, style=severity_style(item.severity)),
            Text(item.finds),
            Text(item.example),
            Text(item.false_alarms),
        )
    return table


def checks_text(listings: list[CheckListing], *, width: int = 80) -> str:
    """The listing as plain text, one block per check, for a pipe or a narrow terminal
    (``pofilter --listfilters`` style: the code first, so ``grep`` finds a check)."""
    indent = "    "
    blocks = []
    for item in listings:
        lines = [f"{item.code} ({item.severity}); false alarms per 100 units: {item.false_alarms}"]
        wrap = partial(
            textwrap.wrap, width=max(width, 40), subsequent_indent=indent, break_on_hyphens=False
        )
        lines += wrap(item.finds, initial_indent=indent)
        if item.example:
            lines += wrap(item.example, initial_indent=f"{indent}example: ")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"
