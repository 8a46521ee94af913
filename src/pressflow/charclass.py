"""Regex character classes and word alternations from lists, for patterns built from data
(Unicode blocks, abbreviation lists)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

#: Unicode blocks per script, for the segmenter's letter macros and its foreign-text test.
_SCRIPTS: dict[str, tuple[tuple[int, int], ...]] = {
    "Latin": ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F), (0x1E00, 0x1EFF)),
    "Greek": ((0x370, 0x3FF),),
    "Cyrillic": ((0x400, 0x52F),),
}


def script_class(
    pred: Callable[[str], bool], scripts: Iterable[str] = ("Latin", "Greek", "Cyrillic")
) -> str:
    """The characters of ``scripts`` that satisfy ``pred``, as the body of a regex class."""
    chars = [
        chr(c) for s in scripts for lo, hi in _SCRIPTS[s] for c in range(lo, hi + 1) if pred(chr(c))
    ]
    return class_body(chars)


def class_body(chars: Sequence[str]) -> str:
    """``chars`` (in code point order) as the body of a ``[...]`` class, each run of consecutive
    code points as one range (``a-z``), so that patterns over whole scripts stay short."""
    out: list[str] = []
    i = 0
    while i < len(chars):
        j = i
        while j + 1 < len(chars) and ord(chars[j + 1]) == ord(chars[j]) + 1:
            j += 1
        out.append(re.escape(chars[i]) + (f"-{re.escape(chars[j])}" if j > i else ""))
        i = j + 1
    return "".join(out)


def word_trie(items: Iterable[str], *, from_end: bool = False) -> str:
    """Words (abbreviations without their final dot) -> one alternation; inner dots allow a space.

    Written as a trie (``к(?:в(?:\\.\\s?м)?|г|м)?``), which matches the same strings as a flat
    list but lets the engine reject a position on its first letter instead of trying every
    abbreviation: the rules are searched at every candidate sentence end. ``from_end`` writes
    the trie of their last letters first (``(?:(?:к\\.\\s?)?в|к)м``): the same strings, whose
    reversal (``regex_shape.backward``) rejects a candidate on the letter before its dot.
    """
    trie: dict = {}
    for item in set(items):
        node = trie
        for char in reversed(item) if from_end else item:
            node = node.setdefault(r"\.\s?" if char == "." else re.escape(char), {})
        node[""] = {}  # an abbreviation ends here
    return _trie_pattern(trie, from_end=from_end) if trie else r"(?!)"


def _trie_pattern(node: dict, *, from_end: bool = False) -> str:
    ends = "" in node
    alts = [
        _trie_pattern(child, from_end=True) + token if from_end else token + _trie_pattern(child)
        for token, child in sorted(node.items())
        if token
    ]
    if not alts:
        return ""
    if len(alts) == 1 and not ends:
        return alts[0]
    return "(?:" + "|".join(alts) + ")" + ("?" if ends else "")


def char_positions(text: str, chars: str) -> list[int]:
    """Where any of ``chars`` stands in ``text``, in order: a ``str.find`` scan per character
    costs a few per cent of a regex scan for their class (the engine tests every position)."""
    found: list[int] = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1)
    if len(chars) > 1:
        found.sort()
    return found
