"""Text for a terminal: control characters from a release never reach it raw.

A release (or a msgstr, or a file name) may hold escape sequences: ``ESC ] 0 ;`` retitles the
window, ``ESC [ 2 J`` clears the screen, C1 ``CSI`` does the same in one character, a carriage
return or a bidirectional override hides text. Whatever pressflow prints is passed through
``printable``, which writes each such character as a visible escape (``\\u001b``); line breaks
and tabs stay. ``SafeConsole`` applies it to everything Rich renders from a string, table cells
included.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def printable(text: str) -> str:
    """``text`` with every control character but line feed and tab as ``\\uXXXX``."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class SafeConsole(Console):
    """A Rich console that escapes control characters in every string it renders."""

    def render_str(self, text: str, **options: object) -> Text:  # type: ignore[override]
        return super().render_str(printable(text), **options)  # type: ignore[arg-type]


def plain_output() -> bool:
    """NO_COLOR (https://no-color.org: set and not empty) or TERM=dumb: no escape sequence at
    all, not even bold. A pipe or a file gets none either: rich sees it is not a terminal."""
    return bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"


def console(*, stderr: bool) -> SafeConsole:
    """The console every command prints on (the CLI's, and the entry's quick commands')."""
    plain = plain_output()
    return SafeConsole(  # release text may hold escape sequences: never raw to a terminal
        stderr=stderr,
        highlight=False,
        soft_wrap=True,
        no_color=plain,
        color_system=None if plain else "auto",
    )


def plain_table(table: object, *, width: int) -> str | None:
    """The text Rich prints for a plain ``box.SIMPLE_HEAD`` table without edge padding (single
    line, unstyled ASCII cells that fit ``width``), made directly: Rich measures and renders
    each of a status table's thousands of cells one by one, seconds where this takes
    milliseconds. None for any other table (the caller lets Rich print it)."""
    from rich import box
    from rich.table import Table

    if not isinstance(table, Table) or not _plain_layout(table, box.SIMPLE_HEAD):
        return None
    if any(column.justify not in ("left", "right") for column in table.columns):
        return None
    texts = [[_plain_cell(cell) for cell in column.cells] for column in table.columns]
    if any(t is None for cells in texts for t in cells):
        return None
    headers = [_plain_cell(column.header) for column in table.columns]
    if any(h is None for h in headers):
        return None
    return plain_rows(
        headers,  # type: ignore[arg-type]
        list(zip(*texts, strict=True)),  # type: ignore[arg-type]
        right=[column.justify == "right" for column in table.columns],
        width=width,
    )


def plain_rows(
    headers: Sequence[str], rows: Sequence[Sequence[str]], *, right: Sequence[bool], width: int
) -> str | None:
    """What ``plain_table`` prints for a table of these ``headers`` and ``rows`` of plain text
    (each column right-justified where ``right`` says so), without making the table at all;
    None when a cell is not single-line printable ASCII or the table does not fit ``width``."""
    columns = [[header, *(row[i] for row in rows)] for i, header in enumerate(headers)]
    if not all(t.isascii() and t.isprintable() for cells in columns for t in cells):
        return None  # (printable ASCII holds no control character: nothing to escape)
    widths = [max(len(t) for t in cells) for cells in columns]
    total = 2 + sum(widths) + 3 * (len(widths) - 1)
    if total > width:
        return None
    lines = [" " * total]
    for row in range(len(columns[0])):
        cells = [
            cells[row].rjust(w) if to_right else cells[row].ljust(w)
            for cells, w, to_right in zip(columns, widths, right, strict=True)
        ]
        lines.append(" " + "   ".join(cells) + " ")
        if row == 0:
            lines.append(" " + "─" * (total - 2) + " ")
    lines.append(" " * total)
    return "\n".join(lines) + "\n"


def _plain_layout(table: object, simple_head: object) -> bool:
    t = table
    return bool(
        t.box is simple_head  # type: ignore[attr-defined]
        and not t.pad_edge  # type: ignore[attr-defined]
        and t.show_header  # type: ignore[attr-defined]
        and t.show_edge  # type: ignore[attr-defined]
        and not t.show_lines  # type: ignore[attr-defined]
        and not t.show_footer  # type: ignore[attr-defined]
        and not t.expand  # type: ignore[attr-defined]
        and t.padding == (0, 1, 0, 1)  # type: ignore[attr-defined]
        and not t.title  # type: ignore[attr-defined]
        and not t.caption  # type: ignore[attr-defined]
        and not t.row_styles  # type: ignore[attr-defined]
        and t.columns  # type: ignore[attr-defined]
        and all(
            c.width is None and c.min_width is None and c.max_width is None and c.ratio is None
            for c in t.columns  # type: ignore[attr-defined]
        )
    )


def _plain_cell(cell: object) -> str | None:
    if isinstance(cell, Text):
        if cell.spans or cell.style:
            return None
        text = cell.plain
    elif isinstance(cell, str) and "[" not in cell:  # (Rich would read markup in it)
        text = cell
    else:
        return None
    return text if text.isascii() and text.isprintable() else None
