"""What a regular expression can match, read from its parse: the questions the segmenter asks
of a rule's pattern so that most candidate positions are decided without searching.

Why apart: it reads Python's own regex parser (``re._parser``), which no other module needs.
Every answer is conservative: when a pattern holds something this reading does not know, the
answer is None ("cannot tell"), and the caller does the full search.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from typing import Any

if sys.version_info >= (3, 11):
    from re import _parser as sre_parse
else:  # pragma: no cover - exercised on Python 3.10 only
    import sre_parse

__all__ = ["backward", "class_chars", "first_chars", "leads_with_start", "needles", "screen"]

_CATEGORIES = {
    sre_parse.CATEGORY_DIGIT: r"\d",
    sre_parse.CATEGORY_NOT_DIGIT: r"\D",
    sre_parse.CATEGORY_SPACE: r"\s",
    sre_parse.CATEGORY_NOT_SPACE: r"\S",
    sre_parse.CATEGORY_WORD: r"\w",
    sre_parse.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (sre_parse.AT, sre_parse.ASSERT, sre_parse.ASSERT_NOT)
_REPEATS = (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, getattr(sre_parse, "POSSESSIVE_REPEAT", -1))


def _char(code: int) -> str:
    """One character as a pattern (and in a class) matches it: itself, escaped when special.
    (Not as ``\\U`` escapes: a pattern ten times longer costs ten times its parse, and the
    combined probes are compiled at start-up.)"""
    return re.escape(chr(code))


def parsed(pattern: str) -> Any:
    """Python's parse of ``pattern``, for a caller that asks several questions below of it
    (parsing is most of the cost of compiling a pattern)."""
    return sre_parse.parse(pattern)


def longest(pattern: str | Any, most: int) -> int | None:
    """The longest text ``pattern`` (its source, or ``parsed``) can match (lookarounds match
    none), when it is at most ``most`` characters; else None."""
    shape = sre_parse.parse(pattern) if isinstance(pattern, str) else pattern
    width = shape.getwidth()[1]
    return width if width <= most else None


def backward(pattern: str | Any) -> re.Pattern[str] | None:
    """A pattern that matches, from its start, the reverse of every text ``pattern`` matches,
    and maybe more: matched on the reversed text at a candidate (to the end of the text, so
    that a lookbehind turned lookahead sees what it saw), it tells in one anchored try that no
    match of ``pattern`` can end there. Lookbehinds become lookaheads; lookaheads, anchors and
    a negative lookbehind that cannot be reversed exactly are dropped. None when ``pattern``
    holds what this reading does not know (a back reference, a conditional). ``pattern`` may
    be given parsed (``re._parser.parse``), when the caller reads it too."""
    parsed = sre_parse.parse(pattern) if isinstance(pattern, str) else pattern
    body = _reverse(parsed, [True])
    if body is None:
        return None
    return re.compile(body, parsed.state.flags & (re.IGNORECASE | re.ASCII))


def _reverse(items: Iterable[tuple[Any, Any]], exact: list[bool]) -> str | None:
    """The items reversed; ``exact[0]`` turns False when something was dropped."""
    parts = []
    for op, av in items:
        part = _reverse_one(op, av, exact)
        if part is None:
            return None
        parts.append(part)
    return "".join(reversed(parts))


def _reverse_one(op: Any, av: Any, exact: list[bool]) -> str | None:
    if op == sre_parse.LITERAL:
        return _char(av)
    if op == sre_parse.NOT_LITERAL:
        return f"[^{_char(av)}]"
    if op == sre_parse.ANY:
        return "(?s:.)"
    if op == sre_parse.IN:
        body = _class_body(av)
        return None if body is None else f"[{body}]"
    if op == sre_parse.SUBPATTERN:
        _, on, off, sub = av
        inner = _reverse(sub, exact)
        flags = ("i" if on & re.IGNORECASE else "") + ("-i" if off & re.IGNORECASE else "")
        return None if inner is None else f"(?{flags}:{inner})"
    if op == sre_parse.BRANCH:
        alternatives = [_reverse(sub, exact) for sub in av[1]]
        if any(alt is None for alt in alternatives):
            return None
        return "(?:" + "|".join(alternatives) + ")"  # type: ignore[arg-type]
    if op in _REPEATS:
        low, high, sub = av
        inner = _reverse(sub, exact)
        times = f"{{{low},}}" if high == sre_parse.MAXREPEAT else f"{{{low},{high}}}"
        return None if inner is None else f"(?:{inner}){times}"
    if op == getattr(sre_parse, "ATOMIC_GROUP", -1):
        inner = _reverse(av, exact)
        return None if inner is None else f"(?:{inner})"
    if op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT) and av[0] < 0:  # a lookbehind
        whole = [True]
        inner = _reverse(av[1], whole)
        if inner is not None and (op == sre_parse.ASSERT or whole[0]):
            return f"(?={inner})" if op == sre_parse.ASSERT else f"(?!{inner})"
    # A lookahead, an anchor, or a lookbehind not reversed exactly: it matches no text, and
    # dropped, the reversed pattern only matches more.
    exact[0] = False
    return "" if op in _ZERO_WIDTH else None


def _class_body(items: Iterable[tuple[Any, Any]]) -> str | None:
    """A parsed character class as the text between its brackets (``^`` first if negated)."""
    body = ""
    for kind, value in items:
        if kind == sre_parse.NEGATE:
            body = "^" + body
        elif kind == sre_parse.LITERAL:
            body += _char(value)
        elif kind == sre_parse.RANGE:
            body += f"{_char(value[0])}-{_char(value[1])}"
        elif kind == sre_parse.CATEGORY and value in _CATEGORIES:
            body += _CATEGORIES[value]
        else:
            return None
    return body


def leads_with_start(pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` opens on ``^`` (the start of the text, or of a line under ``re.M``:
    the caller asks about the flags)."""
    try:
        parsed = list(sre_parse.parse(pattern.pattern, pattern.flags))
    except re.error:  # pragma: no cover - it compiled
        return False
    return bool(parsed) and parsed[0] == (sre_parse.AT, sre_parse.AT_BEGINNING)


def first_chars(pattern: str) -> re.Pattern[str] | None:
    """A character class holding the character at the start of every match of ``pattern``
    (the one a leading lookahead reads too: ``(?=\\n)`` matches before a newline), compiled with
    the pattern's flags. Searched for, it skips in one fast scan the positions where no match
    can start, which ``finditer`` tries one by one (the regex engine finds such a class itself
    only for a pattern that starts with a plain character or class). None when a match may
    start at any character or at the end of the text (an empty match, ``.``, a negated class,
    a flag changed inside the pattern)."""
    parsed = sre_parse.parse(pattern)
    found = _first(parsed)
    if found is None or found[1] or not found[0]:
        return None
    return re.compile(f"[{''.join(found[0])}]", parsed.state.flags & (re.IGNORECASE | re.ASCII))


def _first(items: Iterable[tuple[Any, Any]]) -> tuple[list[str], bool] | None:
    """The classes (as bodies) one of which the first character of a match of ``items`` is in,
    and whether a match may also take no character at all; None: cannot tell."""
    parts: list[str] = []
    for op, av in items:
        found = _first_one(op, av)
        if found is None:
            return None
        parts += found[0]
        if not found[1]:
            return parts, False
    return parts, True


def _first_one(op: Any, av: Any) -> tuple[list[str], bool] | None:
    if op == sre_parse.LITERAL:
        return [_char(av)], False
    if op == sre_parse.IN:
        body = _class_body(av)
        return None if body is None or body.startswith("^") else ([body], False)
    if op == sre_parse.SUBPATTERN:
        return None if av[1] or av[2] else _first(av[3])
    if op == getattr(sre_parse, "ATOMIC_GROUP", -1):
        return _first(av)
    if op == sre_parse.BRANCH:
        parts: list[str] = []
        empty = False
        for sub in av[1]:
            found = _first(sub)
            if found is None:
                return None
            parts += found[0]
            empty = empty or found[1]
        return parts, empty
    if op in _REPEATS:
        found = _first(av[2])
        return None if found is None else (found[0], found[1] or av[0] == 0)
    if op == sre_parse.ASSERT and av[0] > 0:  # a lookahead: the character it reads first
        found = _first(av[1])
        return found if found is not None and not found[1] else ([], True)
    if op in _ZERO_WIDTH:  # a lookbehind, a negative lookahead, an anchor: no character
        return [], True
    return None


# no mutate: a default of 1 (re.TEMPLATE) changes no parse
def needles(pattern: str, flags: int = 0) -> tuple[str, ...] | None:  # pragma: no mutate
    """Texts, as written in ``pattern``, one of which every match of it contains: of each top
    alternative, its longest run of plain characters outside any group. A text holding none of
    them cannot match, which a substring test tells faster than a search (the search with
    ``re.IGNORECASE`` tries the pattern at every position). None when some alternative has no
    such run (or the pattern cannot be read)."""
    try:
        parsed = sre_parse.parse(pattern, flags)
    except re.error:
        return None
    items = list(parsed)
    if len(items) == 1 and items[0][0] == sre_parse.BRANCH:
        alternatives = [list(sub) for sub in items[0][1][1]]
    else:
        alternatives = [items]
    found = []
    for alternative in alternatives:
        best = run = ""
        for op, av in alternative:
            run = run + chr(av) if op == sre_parse.LITERAL else ""
            if len(run) > len(best):  # pragma: no mutate (a tie: either run is in every match)
                best = run
        if not best:
            return None
        found.append(best)
    return tuple(found)


def class_chars(pattern: re.Pattern[str], most: int = 16) -> str | None:
    """The characters a one-class pattern (``first_chars``'s) matches, when at most ``most``;
    None when more, or when it holds a category, a negation or a flag."""
    ranges = _class_ranges(pattern)
    if ranges is None or sum(hi - lo + 1 for lo, hi in ranges) > most:
        return None
    return "".join(chr(c) for lo, hi in ranges for c in range(lo, hi + 1))


def screen(pattern: re.Pattern[str]) -> Callable[[str], bool] | None:
    """For a one-class pattern: a test that is False only when a text holds no character of the
    class, read on the text's UTF-8 bytes (the leading byte of each such character): encoding
    and deleting bytes cost half the regex scan of a text, which a script's class (Latin in
    Cyrillic text) would read to its end. None when the class cannot be read."""
    ranges = _class_ranges(pattern)
    if ranges is None:
        return None
    leads: set[int] = set()
    for lo, hi in ranges:  # the leading byte grows with the code point
        leads.update(range(_lead(lo), _lead(hi) + 1))
    delete = bytes(b for b in range(256) if b not in leads)

    def holds(text: str) -> bool:
        return bool(text.encode("utf-8", "surrogatepass").translate(None, delete))

    return holds


def _lead(code: int) -> int:
    """The first byte of the UTF-8 encoding of ``code``."""
    if code < 0x80:
        return code
    if code < 0x800:
        return 0xC0 | code >> 6
    if code < 0x10000:
        return 0xE0 | code >> 12
    return 0xF0 | code >> 18


def _class_ranges(pattern: re.Pattern[str]) -> list[tuple[int, int]] | None:
    """The code point ranges of a pattern that is one plain class (or one character)."""
    if pattern.flags & ~re.UNICODE:
        return None
    items = list(sre_parse.parse(pattern.pattern))
    if len(items) != 1:
        return None
    op, av = items[0]
    if op == sre_parse.LITERAL:
        return [(av, av)]
    if op != sre_parse.IN:
        return None
    ranges = []
    for kind, value in av:
        if kind == sre_parse.LITERAL:
            ranges.append((value, value))
        elif kind == sre_parse.RANGE:
            ranges.append(value)
        else:
            return None  # a negation or a category
    return ranges
