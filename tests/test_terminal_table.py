"""``plain_table`` prints what Rich prints for the tables it takes, and declines the others."""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st
from rich import box
from rich.table import Table
from rich.text import Text

from pressflow.qa.gate import CheckResult
from pressflow.qa.report import NAME_COLUMNS, STATUS_COLUMNS, render, status_rows
from pressflow.qa.stats import CatalogStats
from pressflow.terminal import SafeConsole, plain_rows, plain_table


def rich_text(table: Table, width: int) -> str:
    buffer = io.StringIO()
    console = SafeConsole(
        file=buffer, width=width, highlight=False, soft_wrap=True, no_color=True, color_system=None
    )
    console.print(table)
    return buffer.getvalue()


slugs = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=30)


@given(
    rows=st.lists(
        st.tuples(slugs, st.sampled_from(["ru", "en", "pt_BR"]), st.integers(0, 10**6)),
        max_size=12,
    ),
    width=st.integers(20, 160),
)
def test_a_status_like_table_prints_as_rich_prints_it(rows, width) -> None:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("release", no_wrap=True)
    table.add_column("lang", no_wrap=True)
    table.add_column("translated", justify="right")
    for slug, lang, count in rows:
        table.add_row(Text(slug), Text(lang), str(count))
    fast = plain_table(table, width=width)
    if fast is not None:
        assert fast == rich_text(table, width)
    else:  # only when it does not fit
        assert 2 + sum(max(len(c) for c in col) for col in _cells(table)) + 6 > width


def _cells(table: Table) -> list[list[str]]:
    return [[str(column.header)] + [str(c) for c in column.cells] for column in table.columns]


def test_the_status_report_is_printed_as_rich_prints_it() -> None:
    catalogs = [
        CatalogStats(f"2018-{i:04d}-release", lang, 10 + i, i, 1, 9, 100.0 * i / (10 + i))
        for i in range(40)
        for lang in ("ru", "en")
    ]
    table = render(CheckResult(True, catalogs), "status")
    fast = plain_table(table, width=100)
    assert fast is not None and fast == rich_text(table, 100)
    assert plain_table(table, width=80) is None  # too wide: Rich squeezes it its own way
    right = [name not in NAME_COLUMNS for name in STATUS_COLUMNS]
    rows = status_rows(CheckResult(True, catalogs))  # the status command's way: no table made
    assert plain_rows(STATUS_COLUMNS, rows, right=right, width=100) == fast
    assert plain_rows(STATUS_COLUMNS, rows, right=right, width=80) is None
    odd = [("ё-release", *rows[0][1:])]  # not ASCII: left to Rich
    assert plain_rows(STATUS_COLUMNS, odd, right=right, width=100) is None


def test_styled_or_markup_cells_are_left_to_rich() -> None:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("a")
    table.add_row(Text("x", style="red"))
    assert plain_table(table, width=80) is None
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("a")
    table.add_row("[bold]x[/bold]")
    assert plain_table(table, width=80) is None
    assert plain_table(Table(box=box.ROUNDED), width=80) is None
