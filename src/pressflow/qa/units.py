"""A read-only view of one catalog entry, so that checks never touch the PO library's objects.

The runner builds one ``Unit`` per live entry (header and obsolete entries excluded); checks are
then pure functions of plain values and are tested without writing a PO file.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..po.reviewed import entry_msgstr

_IGNORE = re.compile(r"pressflow:\s*ignore-([\w-]+)")
_MT = re.compile(r"^\s*mt:", re.MULTILINE)


@dataclass(frozen=True)
class Unit:
    msgid: str
    msgstr: str = ""
    line: int = 0
    fuzzy: bool = False
    comment: str = ""  # translator comments (``# …``)
    extracted: str = ""  # extracted comments (``#. …``), pressflow's own
    references: tuple[tuple[str, str], ...] = ()
    flags: tuple[str, ...] = ()
    index: int = 0  # position in the catalog

    @property
    def translated(self) -> bool:
        """Reviewed: a translation that gettext would use (non-empty and not fuzzy)."""
        return bool(self.msgstr) and not self.fuzzy

    @property
    def machine(self) -> bool:
        return bool(_MT.search(self.comment))

    def ignores(self, code: str) -> bool:
        """A translator silenced ``code`` here: ``# pressflow: ignore-<code>`` or a flag."""
        if not self.flags and "pressflow" not in self.comment:
            return False  # most entries: nothing silenced
        if f"ignore-{code}" in self.flags or "ignore-all" in self.flags:
            return True
        silenced = set(_IGNORE.findall(self.comment))
        return code in silenced or "all" in silenced


def unit_from_entry(entry: Any, index: int = 0, *, line: int | None = None) -> Unit:
    """Build a Unit from a polib-like entry (duck-typed: the PO library stays in catalog.py);
    ``line`` replaces the entry's own line number."""
    flags = tuple(entry.flags or ())
    refs = tuple((str(f), str(n or "")) for f, n in (entry.occurrences or ()))
    return Unit(
        msgid=entry.msgid,
        msgstr=entry_msgstr(entry),
        line=_line(entry) if line is None else line,
        fuzzy="fuzzy" in flags,
        comment=entry.tcomment or "",
        extracted=entry.comment or "",
        references=refs,
        flags=flags,
        index=index,
    )


def msgid_lines(text: str) -> list[int]:
    """1-based numbers of the lines that open a live entry's msgid in a PO file's text."""
    return [n for n, line in enumerate(text.splitlines(), start=1) if line.startswith("msgid ")]


def _locate(po: Any) -> list[int]:
    """The msgid lines of the file the catalog was read from ([] when it has none on disk).

    A parser may number an entry by its first comment line; a translator and a pull-request
    annotation want the msgid line, so entry numbers are moved to the next msgid line. Read
    only for a catalog another parser read: pressflow's (``catalog.read_po``) gives each entry
    its ``msgid_line``, and the file is not read a second time.
    """
    path = getattr(po, "fpath", None)
    if not path:
        return []
    try:
        return msgid_lines(Path(path).read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return []


def units_of(po: Any) -> list[Unit]:
    """Live entries of a catalog in file order: no header, no obsolete (``#~``) entries."""
    lines: list[int] | None = None  # the file's msgid lines, read when an entry lacks its own
    units = []
    for i, entry in enumerate(po):
        if getattr(entry, "obsolete", False) or not entry.msgid:
            continue
        line = getattr(entry, "msgid_line", 0)
        if not line:
            line = _line(entry)
            lines = _locate(po) if lines is None else lines
            if lines and line:
                at = bisect_left(lines, line)
                if at < len(lines):
                    line = lines[at]
        units.append(unit_from_entry(entry, i, line=line))
    return units


def _line(entry: Any) -> int:
    return int(getattr(entry, "linenum", 0) or 0)
