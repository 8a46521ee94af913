"""Where each unit of a plain-text release starts: the source line a ``#:`` reference shows.

Apart from the splitter: a reader joins hard-wrapped lines into one block, and finding the line
of each unit again is bookkeeping on the source's lines, not a question of sentences.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .model import Block

__all__ = ["count_nonspace", "line_counts", "start_lines"]

_SPACE = re.compile(r"\s*")
_TOKEN = re.compile(r"\S+")


def count_nonspace(text: str) -> int:
    """How many characters of ``text`` are not whitespace (``str.split``'s whitespace)."""
    return sum(map(len, text.split()))


def _whole_line(line: str, text: str) -> bool:
    """Whether ``text`` has as many non-whitespace characters as ``line``: at once when it is
    the line as written (a paragraph on a line of its own, most of them), else by counting."""
    return text == line.strip() or count_nonspace(line) == count_nonspace(text)


def line_counts(source_lines: list[str]) -> list[int]:
    """Non-whitespace characters before each line: ``counts[n]`` covers lines 1..n."""
    counts = [0]
    total = 0
    for line in source_lines:
        total += count_nonspace(line)
        counts.append(total)
    return counts


def start_lines(
    block: Block, starts: list[int], source_lines: list[str], counts: list[int]
) -> list[int]:
    """The source line where each unit (starting at ``starts``, in order) begins, for a block a
    reader joined from wrapped lines.

    Counted in non-whitespace characters, which a reader keeps while it normalises spaces and
    line breaks; any doubt (the unit's first word is not on that line) keeps the block's line.
    ``counts`` is ``line_counts(source_lines)``, so each unit costs a bisection, not a scan;
    the characters before a unit are counted on from the previous unit, never from the start.
    An empty ``counts`` is filled here when first needed: shared by the blocks of a release, it
    is counted once, and not at all when every paragraph is on a line of its own.
    """
    if starts == [0]:
        return [block.line]  # a block of one unit starts where the block does
    text = block.text
    if "\n" not in text and (
        not source_lines
        or (0 < block.line <= len(source_lines) and _whole_line(source_lines[block.line - 1], text))
    ):
        # No source to look in, or the block is its first line whole (a paragraph on one line,
        # as most releases have them): every unit starts on the block's line.
        return [block.line] * len(starts)
    if not counts:
        counts.extend(line_counts(source_lines))
    out: list[int] = []
    newlines = nonspace = done = 0
    lead = _TOKEN.search(text)
    first = source_lines[block.line - 1] if block.line <= len(source_lines) else ""
    at = first.find(lead[0]) if lead else -1
    located = bool(source_lines) and "\n" not in text and at >= 0
    base = -1  # counted when first needed: a block of one unit never needs it
    seen = (0, 0, 0)  # (line, column, its non-whitespace before) where a head was last found
    for start in starts:
        newlines += text.count("\n", done, start)
        nonspace += count_nonspace(text[done:start])
        done = start
        line = block.line + newlines
        if located and start:
            if base < 0:
                base = counts[block.line - 1] + count_nonspace(first[:at])
            head = _TOKEN.match(text, _SPACE.match(text, start).end())  # type: ignore[union-attr]
            # The first line ``no >= block.line`` whose end passes the characters before it.
            no = bisect_right(counts, nonspace + base, block.line)
            if no < len(counts) and head:
                # Is the head on that line? Looked for first from the earliest column it can
                # stand at (a line of one long paragraph is not searched from its start for
                # every unit), and in the whole line only if it is not there.
                source = source_lines[no - 1]
                before = max(0, nonspace + base - counts[no - 1])
                from_ = (
                    seen[1] + before - seen[2] if seen[0] == no and before >= seen[2] else before
                )
                found = source.find(head[0], max(from_, 0))
                if found >= 0:
                    seen = (no, found, before)
                if found >= 0 or head[0] in source:
                    line = no
        out.append(line)
    return out
