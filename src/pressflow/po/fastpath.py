"""The characters of powrap's fast path, derived from the line-breaking data: one column wide,
of no line-breaking class with rules of its own (Cyrillic, Latin, digits, punctuation), and
the sets of them powrap's patterns match. Deriving them classifies some 1,700 code points, so
it is done here once and written to ``fastchars.py`` (``python -m pressflow.po.fastpath``),
which every process loads instead; tests/test_powrap.py checks that the two agree."""

from __future__ import annotations

import sys
from collections.abc import Collection

from ..charclass import class_body
from .linebreak import char_width, class_action, line_break_class

#: Where the fast path's characters are looked for
RANGES = ((0x20, 0x7E), (0xA0, 0x52F), (0x1E00, 0x1EFF), (0x2010, 0x2027), (0x2030, 0x205E),
          (0x2070, 0x20CF), (0x2100, 0x218F))  # fmt: skip
SPECIAL_CLASSES = ("CM", "ZW", "ZWJ", "BK", "HL", "RI", "SP")
ESCAPED = '"\\'  # the one-column characters written escaped
WORD_CLASSES = ("AL", "NU")

Runs = tuple[tuple[int, int], ...]


def derive() -> tuple[dict[str, Runs], dict[str, str]]:  # pragma: no mutate block
    """The fast path's characters by line-breaking class (runs of code points), and the class
    bodies (``charclass.class_body``) of the sets powrap matches, by name."""
    chars = [
        chr(code)
        for first, last in RANGES
        for code in range(first, last + 1)
        if char_width(chr(code)) == 1 and line_break_class(chr(code)) not in SPECIAL_CLASSES
    ]
    class_of = {c: line_break_class(c) for c in chars}
    classes = set(class_of.values())

    def chars_of(kinds: Collection[str]) -> list[str]:
        return [c for c, k in class_of.items() if k in kinds and c != " "]

    signs = {
        k
        for k in classes & {"QU", "OP", "PR", "PO", "GL"}
        if all(class_action(k, w) != "D" for w in WORD_CLASSES)
    }
    bodies = {
        "eligible": class_body(chars),
        "verbatim": class_body([c for c in chars if c not in ESCAPED]),
        "words": class_body(chars_of(WORD_CLASSES)),
        "open_to_words": class_body(
            chars_of({k for k in classes if all(class_action(k, w) in "ID" for w in WORD_CLASSES)})
        ),
        "before_words": class_body(chars_of(signs)),
        "open_to_signs": class_body(
            chars_of({k for k in classes if all(class_action(k, q) in "ID" for q in signs)})
        ),
        "letters": class_body(chars_of(("AL",))),
    }
    runs: dict[str, list[tuple[int, int]]] = {}
    for char, kind in class_of.items():
        code, found = ord(char), runs.setdefault(kind, [])
        if found and found[-1][1] == code - 1:
            found[-1] = (found[-1][0], code)
        else:
            found.append((code, code))
    return {k: tuple(v) for k, v in sorted(runs.items())}, bodies


def render() -> str:
    """The text of ``fastchars.py``."""
    classes, bodies = derive()
    lines = [
        '"""The characters of powrap\'s fast path, by line-breaking class, and the class bodies of',
        "the sets its patterns match: made by fastpath.py (``python -m pressflow.po.fastpath``),",
        'not by hand; tests/test_powrap.py checks them."""',
        "",
        "# fmt: off",
        "CLASSES: dict[str, tuple[tuple[int, int], ...]] = {",
    ]
    for kind, runs in classes.items():
        lines.append(f"    {kind!r}: (")
        lines.extend(f"        ({first:#x}, {last:#x})," for first, last in runs)
        lines.append("    ),")
    lines += ["}", "BODIES: dict[str, str] = {"]
    for name, body in bodies.items():  # (in pieces: a line holds some 60 characters)
        lines.append(f"    {name!r}: (")
        lines.extend(f"        {body[i : i + 60]!r}" for i in range(0, len(body), 60))
        lines.append("    ),")
    lines += ["}", "# fmt: on", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.stdout.write(render())
