"""Line wrapping of PO strings exactly as GNU gettext (0.21, libunistring 1.0) writes them.

Translators' tools and ``msgcat`` re-save catalogs with gettext's wrapping; if pressflow wrapped
differently (polib breaks only at spaces), every save would produce diff noise. gettext breaks a
string where the Unicode line breaking algorithm (UAX #14, as libunistring implements it with a
pair table) allows it: after spaces, after hyphens, between ``.`` and a letter… and fits each line
into 79 columns counting display width. This module is that algorithm, stdlib only.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from functools import lru_cache
from importlib import resources

PAGE_WIDTH = 79

# Break actions of libunistring's pair table: D direct, I indirect (only after a space), P none.
_CLASSES = "WJ GL B2 BA BB HY CL CP EX IN NS OP QU IS NU PO PR SY AL H2 H3 ID JL JV JT HL RI ZWJ EB EM OW"
_ORDER = {name: i for i, name in enumerate(_CLASSES.split())}
# Rows: class before the break; columns: class after it. Measured from libunistring 1.0, the
# library gettext 0.21 links (its table differs from the published UAX #14 pair table).
_TABLE = (
    "PIIIIIPPPIIIIPIIIPIIIIIIIIIIIII",  # WJ
    "PIIIIIPPPIIIIPIIIPIIIIIIIIIIIII",  # GL
    "PIPIDIPPPIIDIPDDDPDDDDDDDDDIDDD",  # B2
    "PDDIDIPPPIIDIPDDDPDDDDDDDDDIDDD",  # BA
    "PIIIIIPPPIIIIPIIIPIIIIIIIIIIIII",  # BB
    "PDDIDIPPPIIDIPIDDPDDDDDDDDDIDDD",  # HY
    "PIDIDIPPPIPDIPDIIPDDDDDDDDDIDDD",  # CL
    "PIDIDIPPPIIDIPIIIPIDDDDDDIDIDDD",  # CP
    "PIDIDIPPPIIDIPDDDPDDDDDDDDDIDDD",  # EX
    "PIDIDIPPPIIDIPDDDPDDDDDDDDDIDDD",  # IN
    "PIDIDIPPPIIDIPDDDPDDDDDDDDDIDDD",  # NS
    "PPPPPPPPPPPPPPPPPPPPPPPPPPPIPPP",  # OP
    "PIIIIIPPPIIPIPIIIPIIIIIIIIIIIIP",  # QU
    "PIDIDIPPPIIDIPIDDPDDDDDDDDDIDDD",  # IS
    "PIDIDIPPPIIIIPIIIPIDDDDDDIDIDDD",  # NU
    "PIDIDIPPPIIIIPIDDPIDDDDDDIDIDDI",  # PO
    "PIDIDIPPPIIIIPIDDPIIIIIIIIDIIII",  # PR
    "PIDIDIPPPIIDIPIDDPDDDDDDDIDIDDD",  # SY
    "PIDIDIPPPIIIIPIIIPIDDDDDDIDIDDD",  # AL
    "PIDIDIPPPIIDIPDIDPDDDDDIIDDIDDD",  # H2
    "PIDIDIPPPIIDIPDIDPDDDDDDIDDIDDD",  # H3
    "PIDIDIPPPIIDIPDIDPDDDDDDDDDIDDD",  # ID
    "PIDIDIPPPIIDIPDIDPDIIDIIDDDIDDD",  # JL
    "PIDIDIPPPIIDIPDIDPDDDDDIIDDIDDD",  # JV
    "PIDIDIPPPIIDIPDIDPDDDDDDIDDIDDD",  # JT
    "PIDIDIPPPIIIIPIIIPIDDDDDDIDIDDD",  # HL
    "PIDIDIPPPIIDIPDDDPDDDDDDDDIIDDD",  # RI
    "PIIIIIPPPIIIIPIIIPIIIIIIIIIIIII",  # ZWJ
    "PIDIDIPPPIIDIPDIDPDDDDDDDDDIDID",  # EB
    "PIDIDIPPPIIDIPDIDPDDDDDDDDDIDDD",  # EM
    "PPPPPPPPPPPPPPPPPPPPPPPPPPPIPPP",  # OW
)

PROHIBITED, POSSIBLE, MANDATORY, UNDEFINED = 0, 1, 2, -1


@lru_cache(maxsize=1)
def _ranges() -> tuple[list[int], list[int], list[str]]:
    starts: list[int] = []
    ends: list[int] = []
    names: list[str] = []
    text = resources.files("pressflow").joinpath("data/catalog/linebreak.txt").read_text("utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        first = int(parts[0], 16)
        last = int(parts[1], 16) if len(parts) == 3 else first
        starts.append(first)
        ends.append(last)
        names.append(parts[-1])
    return starts, ends, names


@lru_cache(maxsize=4096)
def line_break_class(char: str) -> str:
    """The resolved UAX #14 class of ``char`` (AL for anything the table does not list)."""
    starts, ends, names = _ranges()
    code = ord(char)
    i = bisect_right(starts, code) - 1
    if i >= 0 and code <= ends[i]:
        return names[i]
    return "AL"


@lru_cache(maxsize=4096)
def char_width(char: str) -> int:
    """Columns ``char`` takes, like libunistring's ``uc_width`` in a UTF-8 locale."""
    code = ord(char)
    if code < 0x20 or 0x7F <= code < 0xA0:
        return -1
    category = unicodedata.category(char)
    if category in ("Mn", "Me", "Cf") or 0x1160 <= code < 0x1200:
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def possible_breaks(text: str) -> list[int]:
    """Break opportunities before each character of ``text`` (libunistring's algorithm)."""
    result = [PROHIBITED] * len(text)
    last = "BK"  # class of the last non-space character
    prev = "BK"  # class of the previous character
    seen_space = False
    for i, char in enumerate(text):
        prop = line_break_class(char)
        if prop == "BK":
            result[i] = MANDATORY
            last, prev, seen_space = "BK", "BK", False
            continue
        if prop == "SP":
            seen_space = True
        elif prop == "ZW":
            last, seen_space = "ZW", False
        elif prop == "CM":
            if last == "BK":
                last, seen_space = "AL", False
            elif last == "ZW" or seen_space:
                result[i] = POSSIBLE
                last, seen_space = "AL", False
        else:
            if last == "ZW":
                result[i] = POSSIBLE
            elif last != "BK" and prev != "HL_BA":  # no break after Hebrew + hyphen (LB21a)
                action = _TABLE[_ORDER[last]][_ORDER[prop]]
                if action == "D" or (action == "I" and seen_space):
                    result[i] = POSSIBLE
            last, seen_space = prop, False
        prev = "HL_BA" if prev == "HL" and prop in ("HY", "BA") else prop
    return result


def width_breaks(text: str, overrides: list[int], *, width: int, start_column: int) -> list[bool]:
    """Where to break ``text`` so that lines fit ``width`` (libunistring ``u8_width_linebreaks``)."""
    breaks = possible_breaks(text)
    chosen = [False] * len(text)
    last_p = -1
    last_column = start_column
    piece_width = 0
    for i, char in enumerate(text):
        kind = overrides[i] if overrides[i] != UNDEFINED else breaks[i]
        if kind in (POSSIBLE, MANDATORY) and last_p >= 0 and last_column + piece_width > width:
            chosen[last_p] = True
            last_column = 0
        if kind == MANDATORY:
            last_p, last_column, piece_width = -1, 0, 0
            continue
        if kind == POSSIBLE:
            last_p = i
            last_column += piece_width
            piece_width = 0
        w = char_width(char)
        if w >= 0:
            piece_width += w
    if last_p >= 0 and last_column + piece_width > width:
        chosen[last_p] = True
    return chosen


_ESCAPES = {"\a": "a", "\b": "b", "\f": "f", "\n": "n", "\r": "r", "\t": "t", "\v": "v"}


def _portions(value: str) -> list[str]:
    """Split after each newline, as gettext prints one line per ``\\n``; never an empty tail."""
    if not value:
        return [""]
    parts = value.split("\n")
    out = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        out.append(parts[-1])
    return out


def wrap_field(
    name: str, value: str, *, prefix: str = "", wrap: bool = True, page_width: int = PAGE_WIDTH
) -> list[str]:
    """Lines of ``name "value"`` as gettext's ``write-po.c`` prints them (no indented style)."""
    lines: list[str] = []
    first_line = True
    portions = _portions(value)
    after_break = len(prefix) + 1
    width = (page_width if wrap else 1 << 30) - 1 - after_break
    for index, portion in enumerate(portions):
        more = index < len(portions) - 1
        chars: list[str] = []
        overrides: list[int] = []
        for char in portion:
            if char in _ESCAPES or char in '"\\':
                chars += ["\\", _ESCAPES.get(char, char)]
                overrides += [UNDEFINED, PROHIBITED]
            else:
                chars.append(char)
                overrides.append(UNDEFINED)
        if portion.endswith("\n"):
            overrides[-2] = PROHIBITED
        text = "".join(chars)
        total = sum(w for w in map(char_width, chars) if w > 0)
        while True:
            start = len(prefix) + (len(name) + 1 if first_line else 0) + 1 - after_break
            if not more and start + total <= width:
                chosen = [False] * len(chars)  # fits: gettext would not break either
            else:
                chosen = width_breaks(text, overrides, width=width, start_column=start)
            if first_line and chars and (more or start > width or any(chosen)):
                lines.append(f'{prefix}{name} ""')
                first_line = False
                continue
            break
        head = f"{prefix}{name} " if first_line else prefix
        first_line = False
        current = [head, '"']
        for i, char in enumerate(chars):
            if chosen[i]:
                current.append('"')
                lines.append("".join(current))
                current = [prefix, '"']
            current.append(char)
        current.append('"')
        lines.append("".join(current))
    return lines
