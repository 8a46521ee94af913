"""Line wrapping of PO strings exactly as GNU gettext (0.21, libunistring 1.0) writes them.

Translators' tools and ``msgcat`` re-save catalogs with gettext's wrapping; if pressflow wrapped
differently (polib breaks only at spaces), every save would produce diff noise. gettext breaks a
string where the Unicode line breaking algorithm (UAX #14, as libunistring implements it with a
pair table) allows it: after spaces, after hyphens, between ``.`` and a letter… and fits each line
into 79 columns counting display width. This module fits strings into lines with that
algorithm (linebreak.py), and with a fast path for ordinary text held to it; stdlib only.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from functools import lru_cache
from itertools import pairwise

from .fastchars import BODIES, CLASSES
from .linebreak import PROHIBITED, UNDEFINED, class_action, pair_action, width_breaks

PAGE_WIDTH = 79

_ESCAPES = {"\a": "a", "\b": "b", "\f": "f", "\n": "n", "\r": "r", "\t": "t", "\v": "v"}
_ESCAPE_RE = re.compile(r'[\a\b\f\n\r\t\v"\\]')
_PAIR = re.compile(r"\\.?", re.S)  # an escape pair, scanned left to right

# Fast path for ordinary text (Cyrillic, Latin, digits, punctuation, all one column wide, none of
# the classes with special rules): letters and digits never break against each other without a
# space, so only spaces and punctuation need the pair table, found with regular expressions.
# Its characters and the sets of them matched below are derived once, in fastpath.py, from the
# line-breaking data; every process loads them made (fastchars.py).

#: (the pair table's action depends on the two characters' classes only: each question below
#: is asked once of a class, of the some 20 the fast path's characters fall in, not of each)
_CLASS_OF = {
    chr(code): kind
    for kind, runs in CLASSES.items()
    for first, last in runs
    for code in range(first, last + 1)
}
_WORD_CLASSES = ("AL", "NU")

_ELIGIBLE = re.compile(f"[ {BODIES['eligible']}]*")
#: ``_ELIGIBLE`` text with nothing to escape (no quote, no backslash): written as it is.
_VERBATIM = re.compile(f"[ {BODIES['verbatim']}]*")
#: Letters and digits (classes AL and NU): the pair table never breaks between two of them
#: without a space (``_fast_breaks`` skips a run of them in one step).
_WORD_CHARS = frozenset(c for c, k in _CLASS_OF.items() if k in _WORD_CLASSES)
_WORDS_BODY = BODIES["words"]
_WORD_RUN = re.compile(f"[{_WORDS_BODY}]*")
#: Matched two characters before a word (or a sign before it) that follows a space: reaches
#: the end of the word when the line may break before it (else it ends before the word).
#: (``open_to_signs``: the characters after which, and a space, a quotation mark, an opening
#: bracket or a sign may start a line; ``before_words``: those signs, never broken from the
#: word after them; ``open_to_words``: the characters after which, and a space, a letter or a
#: digit may start a line: most, not an opening bracket.)
_BEFORE_WORD = re.compile(
    f"(?:[{BODIES['open_to_signs']}] [{BODIES['before_words']}]"
    f"|[{BODIES['open_to_words']}] )?[{_WORDS_BODY}]*"
)
#: Matched at a hyphen: reaches the end of the word after it when the line may break there.
_AFTER_HYPHEN = re.compile(f"-(?:[{BODIES['letters']}][{_WORDS_BODY}]*)?")


#: ``_action`` of two characters, by the pair: a wrapped line asks a few of each
_PAIRS: dict[str, str] = {}


def _opportunity(text: str, i: int) -> bool:
    """Whether text that ``_ELIGIBLE`` accepts may break before ``i``: the general algorithm's
    answer, since without special classes only the last non-space character before ``i``, the
    character at ``i`` and whether spaces stand between them matter."""
    char = text[i]
    if char == " ":
        return False  # never before a space
    j = i - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    if j < 0:
        return False  # nothing but spaces before: no break at the start of a text
    pair = text[j] + char
    action = _PAIRS.get(pair)
    if action is None:
        before, after = _CLASS_OF.get(text[j]), _CLASS_OF.get(char)
        found = class_action(before, after) if before and after else pair_action(text[j], char)
        action = _PAIRS[pair] = found
    return action == "D" or (action == "I" and j < i - 1)


def _line_break(text: str, prohibited: AbstractSet[int], line: int, limit: int) -> int:
    """Where the line of ``text`` that starts at ``line`` breaks: the last opportunity up to
    ``limit`` (before the word the limit is in, for most lines: asked of that position alone),
    else the first one after, however long the line gets; -1 for none."""
    if limit <= line:  # (no room at all: the first break there is)
        return _scan_break(text, prohibited, line, limit)
    at = text.rfind(" ", line, limit) + 1
    # (no break between two word characters: the one before the word is the last that fits)
    if at > line + 1 and _BEFORE_WORD.match(text, at - 2).end() > limit and at not in prohibited:
        return at
    return _harder_break(text, prohibited, line, limit)


def _harder_break(text: str, prohibited: AbstractSet[int], line: int, limit: int) -> int:
    """``_line_break`` (``limit`` after ``line``) of a line whose last word is not after a
    space: after a hyphen in it, most often (a hyphen breaks before a letter), else as
    ``_scan_break`` finds it."""
    at = text.rfind("-", line, limit) + 1
    if at > line and _AFTER_HYPHEN.match(text, at - 1).end() > limit and at not in prohibited:
        return at
    return _scan_break(text, prohibited, line, limit)


def _scan_break(text: str, prohibited: AbstractSet[int], line: int, limit: int) -> int:
    """``_line_break`` asking position after position: back from ``limit`` (a run of word
    characters in one step), then forward."""
    words, backwards, n = _WORD_CHARS, "", len(text)
    at = limit
    while at > line:
        if text[at] in words and text[at - 1] in words:  # (inside a word: to its start)
            backwards = backwards or text[::-1]
            back = n - at  # where ``text[at - 1]`` is in ``backwards``
            at -= _WORD_RUN.match(backwards, back).end() - back
            continue
        if at not in prohibited and _opportunity(text, at):
            return at
        at -= 1
    at = max(line, limit) + 1
    while at < n and (at in prohibited or not _opportunity(text, at)):
        at += 1
    return at if at < n else -1


def _fast_breaks(
    text: str, prohibited: AbstractSet[int], *, width: int, start: int, first: bool = False
) -> list[int]:
    """``u8_width_linebreaks`` for text that ``_ELIGIBLE`` accepts (every character one column
    wide), asking only about the positions it chooses among: each line breaks at the last
    opportunity that fits, or at the first one after, when none does; the opportunities in the
    middle of a line are never looked at (most of a long msgid)."""
    chosen: list[int] = []
    n = len(text)
    line, column = 0, start  # where the current line starts, and its column there
    while n - line + column > width:  # the rest does not fit on this line
        # the last break that keeps the line in width
        at = _line_break(text, prohibited, line, min(line + width - column, n - 1))
        if at < 0:
            break
        chosen.append(at)
        if first:
            break
        line, column = at, 0
    return chosen


def _portions(value: str) -> list[str]:
    """Split after each newline, as gettext prints one line per ``\\n``; never an empty tail."""
    if not value:
        return [""]
    parts = value.split("\n")
    out = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        out.append(parts[-1])
    return out


def _escape(portion: str) -> tuple[str, set[int]]:
    """The portion as written between quotes, and where gettext forbids a break."""
    if not _ESCAPE_RE.search(portion):
        return portion, set()
    text = _ESCAPE_RE.sub(lambda m: "\\" + _ESCAPES.get(m.group(), m.group()), portion)
    # Every backslash in ``text`` starts an escape pair: forbid a break inside each pair.
    prohibited = {m.start() + 1 for m in _PAIR.finditer(text)}
    if portion.endswith("\n"):
        prohibited.add(len(text) - 2)  # no break right before the final "\n"
    return text, prohibited


def _breaks(
    text: str, prohibited: AbstractSet[int], *, width: int, start: int, first: bool = False
) -> list[int]:
    """Where ``text`` (escaped) breaks from column ``start``; with ``first``, ordinary text is
    read only up to its first break (the caller asks whether there is one)."""
    if _ELIGIBLE.fullmatch(text):
        return _fast_breaks(text, prohibited, width=width, start=start, first=first)
    overrides = [PROHIBITED if i in prohibited else UNDEFINED for i in range(len(text))]
    chosen = width_breaks(text, overrides, width=width, start_column=start)
    return [i for i, flag in enumerate(chosen) if flag]


def wrap_field(
    name: str, value: str, *, prefix: str = "", wrap: bool = True, page_width: int = PAGE_WIDTH
) -> tuple[str, ...]:
    """Lines of ``name "value"`` as gettext's ``write-po.c`` prints them (no indented style)."""
    # Most values are one short line of one-column text with nothing to escape: written as is,
    # decided without the cache (a catalog of 100,000 units would only churn it).
    if (
        len(prefix) + len(name) + len(value) + 3 <= page_width
        and '"' not in value
        and "\\" not in value
        and _ELIGIBLE.fullmatch(value)
    ):
        return (f'{prefix}{name} "{value}"',)
    newline = value.find("\n")
    width = (page_width if wrap else 1 << 30) - len(prefix) - 2  # after the opening quote
    if -1 < newline < len(value) - 1:  # several lines (a header): each from column 0
        lines = [f'{prefix}{name} ""']
        for portion in _portions(value):
            lines.extend(_later_portion(portion, prefix, width))
        return tuple(lines)
    return _wrap_field(name, value, prefix, width)


_MSGID_WIDTH = PAGE_WIDTH - 2  # after a line's opening quote
_MSGID_FITS = _MSGID_WIDTH - len("msgid ")  # the longest value on the line of ``msgid``
_NO_BREAK: frozenset[int] = frozenset()


def msgid_text(value: str) -> str:
    """``wrap_field("msgid", value)`` joined into one string, for a template's units: text
    with nothing to escape, every character one column wide (most units) is broken line by
    line here, with nothing remembered (each unit is written once)."""
    n = len(value)
    if not _VERBATIM.fullmatch(value):
        return "\n".join(wrap_field("msgid", value))
    if n <= _MSGID_FITS:
        return f'msgid "{value}"'
    if n <= 2 * _MSGID_WIDTH:  # (most: two lines, when the first break leaves a line's worth)
        at = value.rfind(" ", 0, _MSGID_WIDTH) + 1
        if not (at > 1 and _BEFORE_WORD.match(value, at - 2).end() > _MSGID_WIDTH):
            at = _harder_break(value, _NO_BREAK, 0, _MSGID_WIDTH) if n > _MSGID_WIDTH else -1
        if at > 0 and n - at <= _MSGID_WIDTH:
            return f'msgid ""\n"{value[:at]}"\n"{value[at:]}"'
    pieces: list[str] = []
    line = 0
    before_word = _BEFORE_WORD.match
    while n - line > _MSGID_WIDTH:  # the rest does not fit on a line of its own
        limit = line + _MSGID_WIDTH
        at = value.rfind(" ", line, limit) + 1  # (``_line_break``'s first question, asked here)
        if not (at > line + 1 and before_word(value, at - 2).end() > limit):
            at = _harder_break(value, _NO_BREAK, line, limit)
            if at < 0:
                break
        pieces.append(value[line:at])
        line = at
    if not pieces and (n > _MSGID_WIDTH or _line_break(value, _NO_BREAK, 0, _MSGID_FITS) < 0):
        return f'msgid "{value}"'  # (no break anywhere: the line of ``msgid``, however long)
    pieces.append(value[line:])
    return 'msgid ""\n"' + '"\n"'.join(pieces) + '"'


@lru_cache(maxsize=32768)
def _wrap_field(name: str, value: str, prefix: str, width: int) -> tuple[str, ...]:
    """A value of one line (perhaps ending with a newline): on the field's line when it fits,
    else from column 0 of the lines after ``name ""``, as gettext does."""
    text, prohibited = _escape(value)
    start = len(name) + 1
    if text and (start > width or _breaks(text, prohibited, width=width, start=start, first=True)):
        # (its lines as ``_later_portion`` makes them, from the escaping done here: a msgid is
        # seldom wrapped twice, a header's field often)
        return (f'{prefix}{name} ""', *_portion_lines(text, prohibited, prefix, width))
    return (f'{prefix}{name} "{text}"',)


@lru_cache(maxsize=8192)
def _later_portion(portion: str, prefix: str, width: int) -> tuple[str, ...]:
    """The lines of a portion that starts a line of its own (column 0 after the prefix).

    Cached apart from whole values: a header is made of them, and headers recur across
    catalogs that differ in a field or two (a date, a name), so none is wrapped again.
    """
    body = portion[:-1] if portion.endswith("\n") else portion
    if len(body) < width and '"' not in body and "\\" not in body and _ELIGIBLE.fullmatch(body):
        # one-column text with nothing to escape but its final newline (a date in a header)
        text = f"{body}\\n" if len(body) < len(portion) else body
        if len(text) <= width:
            return (f'{prefix}"{text}"',)
    return _portion_lines(*_escape(portion), prefix, width)


def _portion_lines(text: str, prohibited: set[int], prefix: str, width: int) -> tuple[str, ...]:
    """The lines of an escaped portion from column 0 (what ``_later_portion`` makes of one that
    does not fit on one line as it is; one that does fits here too)."""
    cuts = [0, *_breaks(text, prohibited, width=width, start=0), len(text)]
    return tuple(f'{prefix}"{text[a:b]}"' for a, b in pairwise(cuts))


def field_text(value: str) -> str:
    """``later_lines`` of a header field (``Key: value`` and its newline) joined: one line as
    it is when it fits and has nothing to escape (a date: a template for each release)."""
    body = value[:-1]
    if len(body) <= _MSGID_WIDTH - 2 and value[-1:] == "\n" and _VERBATIM.fullmatch(body):
        return f'"{body}\\n"'
    return "\n".join(later_lines(value))


def later_lines(value: str) -> tuple[str, ...]:
    """The lines of ``value`` (unprefixed, wrapped) after the first of a field of several lines
    (``name ""``): a part of such a field, from the start of one of its lines to a newline."""
    width = PAGE_WIDTH - 2
    if value.endswith("\n") and value.find("\n") == len(value) - 1:  # (a header field)
        return _later_portion(value, "", width)
    return tuple(line for part in _portions(value) for line in _later_portion(part, "", width))


def cache_clear() -> None:
    """Forget every cached wrapping (what a fresh process starts with; for benchmarks)."""
    _wrap_field.cache_clear()
    _later_portion.cache_clear()
