"""Where each table and key of a TOML text is written: tomllib keeps no positions, and an error
in pressflow.toml must name the line of its key."""

from __future__ import annotations

import json
import re

_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_DOTTED = rf"{_PART}(?:[ \t]*\.[ \t]*{_PART})*"
_HEADER = re.compile(rf"[ \t]*\[\[?[ \t]*({_DOTTED})[ \t]*\]")
_ASSIGN = re.compile(rf"[ \t]*({_DOTTED})[ \t]*=")


def _parts(dotted: str) -> tuple[str, ...]:
    names = re.findall(_PART, dotted)
    return tuple(json.loads(n) if n[0] == '"' else n.strip("'") for n in names)


class KeyLines:
    """The line of every table header and key of a TOML text that tomllib accepted."""

    def __init__(self, text: str):
        self.lines: dict[tuple[str, ...], int] = {}
        table: tuple[str, ...] = ()
        quote = ""  # the open multi-line string's delimiter
        depth = 0  # open arrays and inline tables
        for number, line in enumerate(text.splitlines(), 1):
            rest = line
            if not quote and depth == 0:
                header = _HEADER.match(line)
                assign = None if header else _ASSIGN.match(line)
                if header:
                    table = _parts(header.group(1))
                    self._note(table, number)
                    continue
                if assign:
                    self._note((*table, *_parts(assign.group(1))), number)
                    rest = line[assign.end() :]
            quote, depth = _scan(rest, quote, depth)

    def _note(self, path: tuple[str, ...], number: int) -> None:
        for end in range(1, len(path) + 1):
            self.lines.setdefault(path[:end], number)

    def of(self, *path: str) -> int | None:
        """The line of ``path``, else of its nearest enclosing key or table that is written."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return None


def _scan(text: str, quote: str, depth: int) -> tuple[str, int]:
    """The open multi-line string and bracket depth after ``text`` (strings and comments
    skipped), so that a line inside a multi-line value is never taken for a key."""
    i = 0
    while i < len(text):
        if quote:
            end = text.find(quote, i)
            if end < 0:
                return quote, depth
            i, quote = end + 3, ""
            continue
        c = text[i]
        if c == "#":
            break
        if text.startswith(('"""', "'''"), i):
            quote, i = text[i : i + 3], i + 3
            continue
        if c in "\"'":
            pattern = r'"(?:[^"\\]|\\.)*"' if c == '"' else r"'[^']*'"
            found = re.compile(pattern).match(text, i)
            i = found.end() if found else len(text)
            continue
        depth += (c in "[{") - (c in "]}")
        i += 1
    return quote, depth
