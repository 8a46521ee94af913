"""The Unicode line breaking algorithm (UAX #14) as libunistring 1.0 implements it, which
gettext 0.21 wraps PO strings with: each character's class and column width, and where a text
may, or must, break (the general algorithm: powrap's fast path for ordinary text is held to it).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from functools import lru_cache
from importlib import resources

# Break actions of libunistring's pair table: D direct, I indirect (only after a space), P none.
_CLASSES = (
    "WJ GL B2 BA BB HY CL CP EX IN NS OP QU IS NU PO PR SY AL H2 H3 ID JL JV JT HL RI ZWJ EB EM OW"
)
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
    # the class of the last non-space character and of the previous one (read only as: Hebrew,
    # or Hebrew then a hyphen); seen_space is never read while ``last`` is BK or ZW
    last = prev = "BK"
    seen_space = False
    for i, char in enumerate(text):
        prop = line_break_class(char)
        if prop == "BK":
            result[i] = MANDATORY
            last = prev = "BK"
            continue
        if prop == "SP":
            seen_space = True
        elif prop == "ZW":
            last = "ZW"
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
    """Where to break ``text`` to fit ``width``: libunistring's ``u8_width_linebreaks``."""
    breaks = possible_breaks(text)
    chosen = [False] * len(text)
    last_p = 0  # the last break opportunity; 0: none yet (never one before the first character)
    last_column = start_column
    piece_width = 0
    for i, char in enumerate(text):
        kind = overrides[i] if overrides[i] != UNDEFINED else breaks[i]
        if kind in (POSSIBLE, MANDATORY) and last_p and last_column + piece_width > width:
            chosen[last_p] = True
            last_column = 0
        if kind == MANDATORY:
            last_p, last_column, piece_width = 0, 0, 0
            continue
        if kind == POSSIBLE:
            last_p = i
            last_column += piece_width
            piece_width = 0
        piece_width += max(char_width(char), 0)  # a control character (-1) takes no column
    if last_p and last_column + piece_width > width:
        chosen[last_p] = True
    return chosen


def pair_action(before: str, after: str) -> str:
    """The pair table's action between two characters (``D``, ``I`` or ``P``)."""
    return class_action(line_break_class(before), line_break_class(after))


def class_action(before: str, after: str) -> str:
    """The pair table's action between two classes: what ``pair_action`` gives for any two
    characters of them (a question about every character of a class is asked once)."""
    return _TABLE[_ORDER[before]][_ORDER[after]]
