"""``regex_shape.backward``: a rule's ``before`` pattern read backwards from a candidate.

The segmenter skips a rule's search wherever the backward pattern fails, so it must match
wherever the pattern can end (sound); and where nothing was dropped (no lookahead, anchor or
inexact lookbehind) it must match nowhere else (exact), or the shortcut rules out nothing.
Checked on every short text over a small alphabet, for a pattern of each kind the reader knows.
"""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pressflow.charclass import char_positions
from pressflow.regex_shape import backward, class_chars, first_chars, needles, screen

ALPHABET = "abAB1\n."
TEXTS = ["".join(t) for n in range(5) for t in itertools.product(ALPHABET, repeat=n)]

#: (pattern, reversed exactly): each piece of regex syntax the reader turns around
PATTERNS = [
    ("ab", True),
    ("(?s:a.)", True),  # any character, a newline too
    ("a.", False),  # read as any character: a newline too, so more
    ("[^a]b", True),
    ("[a-b1]A", True),
    ("[^a-b\n]", True),
    (r"\d\s", True),
    (r"\D\S", True),
    (r"\w\W", True),
    ("(?:ab)+", True),
    ("a{2,3}b", True),
    ("1a?b", True),  # at most one: `1aab` ends no match
    ("[a\\d]b", True),  # a class of a character and a category keeps both
    ("b*?a", True),
    ("ab|Ab|1", True),
    ("(?i:a)B", True),
    ("(?i)aB", True),  # a flag of the whole pattern
    ("(?i:a(?-i:b))", True),
    ("(a)b", True),  # a group: only its text counts
    ("(?<=a)b", True),
    ("(?<![aA])b", True),
    ("(?<=a|1)b", True),
    ("b(?=a)", False),  # a lookahead is dropped
    ("(?!a)b", False),
    (r"\bab", False),  # an anchor is dropped
    ("(?:^|a)b", False),
    ("(?<!a(?=b))b", False),  # a negative lookbehind not read exactly is dropped whole
    ("(a(?!b))", False),  # something dropped inside a group, a repeat, an atomic group
    ("(?:a(?!b))+", False),
    ("(?>a(?!b))", False),
    ("(?>a)b", True),
    ("a*+b", False),  # possessive: read as greedy, which matches more
]


@pytest.mark.parametrize(("pattern", "exact"), PATTERNS)
def test_a_pattern_read_backwards_matches_where_it_can_end_and_exactly_when_nothing_was_dropped(
    pattern: str, exact: bool
) -> None:
    whole, body = re.fullmatch(r"(\(\?[ai]+\))?(.*)", pattern, re.S).groups()  # type: ignore[union-attr]
    ends = re.compile(f"{whole or ''}(?:{body})\\Z")  # a flag of the whole pattern stays first
    back = backward(pattern)
    assert back is not None
    for text in TEXTS:
        backwards = text[::-1]
        for pos in range(len(text) + 1):
            can_end = ends.search(text, 0, pos) is not None
            read_back = back.match(backwards, len(text) - pos) is not None
            if exact:
                assert can_end == read_back, (pattern, text, pos)
            elif can_end:
                assert read_back, (pattern, text, pos)


def test_a_dropped_part_lets_the_backward_pattern_match_more() -> None:
    """What the reader drops (it matches no text of its own) widens the pattern, never narrows."""
    assert backward("b(?=a)").match("b")  # type: ignore[union-attr]
    assert backward("(?<!a(?=b))b").match("ba")  # type: ignore[union-attr]
    assert backward("(?:^|a)b").match("b")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "pattern",
    [
        r"(a)\1",
        "(a)?(?(1)b|c)",
        r"(?P<x>a)(?P=x)",
        r"((a)\2)",  # inside a group, a repeat, an atomic group: the whole is unknown too
        r"(?:(a)\1)+",
        r"(?>(a)\1)",
    ],
)
def test_what_the_reader_does_not_know_is_no_pattern(pattern: str) -> None:
    assert backward(pattern) is None


@pytest.mark.parametrize("pattern", ["[ab]", "[^ab]", r"[a\d]", r"[\w.]", r"[^\s1]", r"\W"])
def test_a_character_class_read_backwards_holds_exactly_its_characters(pattern: str) -> None:
    """Checked on characters outside the small alphabet too: a letter, an underscore, a space,
    an Arabic-Indic digit."""
    ends = re.compile(f"(?:{pattern})\\Z")
    back = backward(pattern)
    assert back is not None
    for text in map("".join, itertools.product("abX_ 1\u0663.\n", repeat=2)):
        for pos in range(3):
            can_end = ends.search(text, 0, pos) is not None
            assert can_end == (back.match(text[::-1], 2 - pos) is not None), (pattern, text, pos)


def test_needles_are_read_with_the_flags_the_pattern_is_compiled_with() -> None:
    """Verbose, the white space and comment of a pattern are no text a match must contain."""
    assert needles("all rights  # reserved") == ("all rights  # reserved",)
    assert needles("all rights  # reserved", re.VERBOSE) == ("allrights",)


#: patterns whose every match starts at a character ``first_chars`` can name, and what it names
STARTS = [
    ("ab|1", "a1"),
    ("[a.]+b?", "a."),
    ("(?=\n)|(?<=a)(?=[AB]b)|\\.+", "\nAB."),  # zero-width matches: the character read next
    ("a*b", "ab"),
    ("(?:a|)1", "a1"),
    ("(?>a)|(b)", "ab"),
    ("(?!a)b", "b"),
    (r"\bab", "a"),
    ("(?i)a", "aA"),
]


@pytest.mark.parametrize(("pattern", "chars"), STARTS)
def test_every_match_starts_at_a_character_of_the_first_class(pattern: str, chars: str) -> None:
    """Sound (no match starts elsewhere, so a scan for the class misses none) and no wider than
    the pattern reads."""
    first = first_chars(pattern)
    assert first is not None
    compiled = re.compile(pattern)
    for text in TEXTS:
        for pos in range(len(text) + 1):
            if compiled.match(text, pos) is not None:
                assert pos < len(text) and first.match(text, pos), (pattern, text, pos)
    assert {c for c in ALPHABET if first.match(c)} == set(chars)


@pytest.mark.parametrize("pattern", ["a?", "(?<=a)", "$", "a|", ".b", "[^a]", "(?i:a)", "(?=a?)b?"])
def test_a_pattern_that_may_start_anywhere_has_no_first_class(pattern: str) -> None:
    """An empty match, any character, a negated class, a flag changed inside: no class to scan."""
    assert first_chars(pattern) is None


SCREENED = ["[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ]", "[.!?…\\n]", "[A-Z]", "x", "[\U0001f600-\U0001f64f]"]


@given(st.text(alphabet="абвөүAzéɏḀ.!?…\n😀 \ud800", max_size=30), st.sampled_from(SCREENED))
def test_a_screen_says_no_only_for_a_text_without_a_character_of_the_class(
    text: str, pattern: str
) -> None:
    compiled = re.compile(pattern)
    held = screen(compiled)
    assert held is not None
    if compiled.search(text):
        assert held(text)
    without = "".join(c for c in text if not compiled.match(c))
    assert not held(without) or any(ord(c) > 0x7F for c in without)  # (ASCII: told exactly)


def test_a_screen_tells_cyrillic_text_from_latin_and_is_none_for_what_it_cannot_read() -> None:
    held = screen(re.compile("[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ]"))
    assert held is not None and not held("Кыргыз тили… 2021-ж.") and held("Кыргыз é")
    assert screen(re.compile(r"[\w]")) is None and screen(re.compile("[^a]")) is None
    assert screen(re.compile("[a]", re.IGNORECASE)) is None


def test_class_chars_lists_a_small_class_and_gives_up_on_a_large_one() -> None:
    assert class_chars(re.compile("[.!?…\\nA-C]")) == ".!?…\nABC"
    assert class_chars(re.compile("[A-Z]"), most=25) is None
    assert class_chars(re.compile(r"[\d]")) is None


@given(st.text(alphabet="абв.!?«»“\n xп", max_size=40), st.sampled_from(["", ".", "!?.", "«“\n"]))
def test_char_positions_are_where_the_class_matches(text: str, chars: str) -> None:
    expected = [m.start() for m in re.finditer(f"[{re.escape(chars)}]", text)] if chars else []
    assert char_positions(text, chars) == expected
