"""An entry's ``#:`` lines (its references), as ``msgcat`` writes them: file:line pairs, each
once, filled into lines of at most 79 columns."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from .powrap import PAGE_WIDTH


def reference_lines(occurrences: Sequence[tuple[str, str]]) -> list[str]:
    """The ``#:`` lines of ``occurrences`` ((file, line) pairs, a file's ``./`` dropped)."""
    if len(occurrences) == 1:  # most units: one reference, one line
        name, line = occurrences[0]
        while name.startswith("./"):
            name = name[2:]
        return [f"#: {name}:{line}" if str(line) else f"#: {name}"]
    lines: list[str] = []
    current = "#:"
    column = 2
    seen: set[tuple[str, str]] = set()
    for name, line in occurrences:
        if (name, str(line)) in seen:
            continue
        seen.add((name, str(line)))
        while name.startswith("./"):
            name = name[2:]
        ref = f"{name}:{line}" if str(line) else name
        width = len(ref) + 1
        if column > 2 and column + width > PAGE_WIDTH:
            lines.append(current)
            current, column = "#:", 2
        current += " " + ref
        column += width
    lines.append(current)
    return lines


def file_references(name: str, lines: Collection[str]) -> str:
    """``reference_lines`` (joined) of distinct ``lines`` of one file, ``name`` (without a
    leading ``./``): one line when they fit in one (the references of a release's units)."""
    refs = [f"{name}:{line}" if line else name for line in lines]
    if len(refs) == 1 or 2 + sum(map(len, refs)) + len(refs) <= PAGE_WIDTH:
        return "#: " + " ".join(refs)
    return "\n".join(reference_lines([(name, line) for line in lines]))
