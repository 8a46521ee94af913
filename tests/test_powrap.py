"""Line wrapping as msgcat does it, for the characters Unicode's line-break rules single out.

``wrap-golden.po`` holds 120 entries mixing Kyrgyz text with zero-width spaces and joiners,
combining accents, Hebrew with its hyphen, regional-indicator flags, wide CJK punctuation, emoji,
a line separator, tabs and quotes: msgcat writes it byte for byte as it is. Wrapping is cached
per process, so each test starts from empty caches, as a fresh command does.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pressflow.po import catalog, fastchars, fastpath, linebreak, powrap

WRAP_GOLDEN = Path(__file__).resolve().parent / "data" / "wrap-golden.po"
needs_gettext = pytest.mark.usefixtures("gettext_tools")  # fails under CI without it


@pytest.fixture(autouse=True)
def cold_caches() -> None:
    powrap.cache_clear()
    linebreak.line_break_class.cache_clear()
    linebreak.char_width.cache_clear()


def test_special_characters_wrap_as_msgcat_wraps_them() -> None:
    raw = WRAP_GOLDEN.read_bytes()
    assert catalog.format_po(catalog.parse_po(raw, path="wrap-golden.po")).encode() == raw


@needs_gettext
def test_the_wrap_golden_file_is_still_what_msgcat_writes() -> None:
    out = subprocess.run(["msgcat", str(WRAP_GOLDEN)], capture_output=True, check=True).stdout
    assert out == WRAP_GOLDEN.read_bytes()


@pytest.mark.parametrize(
    ("char", "kind", "width"),
    [
        ("ж", "AL", 1),
        ("7", "NU", 1),
        (" ", "SP", 1),
        ("\u200b", "ZW", 0),
        ("\u0301", "CM", 0),
        ("\u05d0", "HL", 1),
        ("\u2028", "BK", 1),
        ("全", "ID", 2),
        ("\u3000", "BA", 2),
        ("\x07", "CM", -1),
        ("\x85", "BK", -1),
        ("\u1160", "JV", 0),
        ("\U0001f1f0", "RI", 1),
    ],
)
def test_each_character_has_its_line_break_class_and_column_width(
    char: str, kind: str, width: int
) -> None:
    assert (linebreak.line_break_class(char), linebreak.char_width(char)) == (kind, width)


PIECES = ["Кыргыз", "жергиликтүү", "өз-өзүнчө", "2018-жылдагы", "—", "–", "-", "(17)", "«Дон»",
          "…", ",", ".", "!", "?", "%", "$", "/", "10,5", '"', "'", "№", "°", "x" * 12, " ",
          "  "]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=30).map("".join))
@example("x—")  # punctuation right after the first character
@example("«Дон» (17)")  # the class before a space, not the one before it: no break after »
def test_the_fast_path_finds_the_breaks_the_general_algorithm_finds(text: str) -> None:
    assert powrap._ELIGIBLE.fullmatch(text)
    breaks = linebreak.possible_breaks(text)
    general = {i for i, kind in enumerate(breaks) if kind == linebreak.POSSIBLE}
    assert {i for i in range(len(text)) if powrap._opportunity(text, i)} == general


def test_the_fast_paths_characters_are_what_the_line_breaking_data_gives() -> None:
    """fastchars.py, which every process loads, is made by fastpath.py from linebreak.txt and
    must not drift from it (regenerate: ``python -m pressflow.po.fastpath``)."""
    assert fastpath.render() == Path(fastchars.__file__).read_text(encoding="utf-8")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=60).map("".join),
    st.integers(min_value=1, max_value=90),
    st.integers(min_value=0, max_value=20),
    st.sets(st.integers(min_value=0, max_value=200), max_size=20),
)
@example("x" * 100, 77, 6, set())  # a word longer than the line is never cut
@example("aa bb cc dd", 4, 0, {3})  # a prohibited break is skipped
@example("a-b c", 1, 2, set())  # no room on the first line: its first break, not its last
def test_the_fast_path_breaks_a_line_where_the_general_algorithm_does(
    text: str, width: int, start: int, prohibited: set[int]
) -> None:
    """Only the opportunities near each line's end are asked about: the lines are the same."""
    overrides = [
        linebreak.PROHIBITED if i in prohibited else linebreak.UNDEFINED for i in range(len(text))
    ]
    chosen = linebreak.width_breaks(text, overrides, width=width, start_column=start)
    general = [i for i, flag in enumerate(chosen) if flag]
    assert powrap._fast_breaks(text, prohibited, width=width, start=start) == general
    assert (
        powrap._fast_breaks(text, prohibited, width=width, start=start, first=True) == general[:1]
    )


@pytest.mark.parametrize(
    ("text", "breaks"),
    [
        ("a\u200bb", [0, 0, 1]),  # after a zero-width space (LB8)
        ("a \u200bb", [0, 0, 0, 1]),
        ("\u05d0-\u05d1", [0, 0, 0]),  # never after a Hebrew letter and a hyphen (LB21a)
        ("\u05d0 -\u05d1", [0, 0, 1, 1]),
        ("\u05d0-\u05d1-\u05d2 \u05d3", [0, 0, 0, 0, 0, 0, 1]),
        ("a-b", [0, 0, 1]),  # after a hyphen otherwise
        ("a\u2028b", [0, 2, 0]),  # a line separator is a mandatory break
        ("x\u2028\u200bb", [0, 2, 0, 1]),
        ("\u2028\u0301b", [2, 0, 0]),  # a combining mark after it is a letter
        ("a\u200b\u0301b", [0, 0, 1, 0]),  # after a zero-width space: a break before it
        ("a \u0301b", [0, 0, 1, 0]),  # after a space too
        ("ab cd", [0, 0, 0, 1, 0]),
    ],
)
def test_break_opportunities_around_the_special_classes(text: str, breaks: list[int]) -> None:
    """``possible_breaks`` per character (0 none, 1 possible, 2 mandatory), pinned as the port
    of libunistring's algorithm gives them today; the golden file shows msgcat wraps alike."""
    assert linebreak.possible_breaks(text) == breaks


#: characters at the edges of libunistring's width table: control characters take -1 column,
#: enclosing and format marks and the Hangul medial jamo 0, U+1200 (Ethiopic) one
WIDTH_EDGES = "\x7f\x80\u20dd\u0488\u00ad\u115f\u1160\u11ff\u1200"


def _edge_values() -> list[str]:
    values = ["a " + "b" * n + char * 3 + " cc dd" for char in WIDTH_EDGES for n in range(64, 76)]
    for n in range(72, 80):
        values += [
            "\u0301 " + "b" * n + " c",  # a combining mark first is a letter: a break after " "
            "\u05d0" * n + "\u2010\u05d1 \u05d2",  # Hebrew then U+2010 (BA): no break (LB21a)
            "b " * (n // 2) + "\n",  # never a break right before a final \n
            "b " * (n // 2 - 1) + "bb\n",
            "first line\n" + "c" * n,  # a later line starts at column 0
            "first line\n" + "c " * (n // 2) + "d",
        ]
    for n in (70, 78, 90):  # a word longer than the line is never cut
        values += ["b" * n + " cc dd", "全" + "b" * n + " cc dd", "b" * n + "全 cc dd"]
        values.append("a\u2028" + "b" * n + "全 cc dd")  # also after a mandatory break
    return values


@needs_gettext
def test_characters_at_the_edges_of_the_tables_wrap_as_msgcat_wraps_them(tmp_path: Path) -> None:
    """Each value written on one line, msgcat's wrapping of it is the reference."""
    head = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    entries = (
        f'\nmsgid "{i}"\nmsgstr "{value.replace(chr(10), chr(92) + "n")}"\n'
        for i, value in enumerate(_edge_values())
    )
    path = tmp_path / "edges.po"
    path.write_text(head + "".join(entries), encoding="utf-8")
    reference = subprocess.run(["msgcat", str(path)], capture_output=True, check=True).stdout
    written = catalog.format_po(catalog.parse_po(path.read_bytes(), path="edges.po"))
    assert written.encode() == reference


#: Kyrgyz words and the punctuation next to them that the line breaks turn on: hyphens inside a
#: word, quotes and brackets before one, numbers, signs.
WORDS = ["Кыргыз", "жергиликтүү", "3-июлда", "Парк-отель", "“Парк-отель”", "“Кырг", "№102", "(17)",
         "«Дон»", "Иш-чарага", "а/б", "сөз,сөз", "—", "…", ",", ".", ":", "10,5", "x" * 80, " ",
         "  ", '"', "\\", "ү\u0301", "全"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=60).map("".join))
@example("а " * 35 + "бв")  # 72 characters: fits from column 0, not after ``msgid "``
@example("а " * 35 + "б")  # 71: fits after it
@example("а " * 38 + "б")  # 77 and 78: one line from column 0, or two
@example("а " * 38 + "бв")
@example(" " + "x" * 80 + " аа")  # no break after a space that starts the text
@example("x" * 75)  # no break anywhere: one line, however long
@example("аа " + "x" * 76)
def test_a_templates_msgid_is_the_general_algorithms(text: str) -> None:
    """``msgid_text`` (one pass, nothing remembered) writes the lines the general algorithm
    writes, with ``_ELIGIBLE``'s fast path turned off."""
    made = powrap.msgid_text(text)
    with patch.object(powrap, "_ELIGIBLE", re.compile("(?!)")):
        powrap.cache_clear()
        general = "\n".join(powrap.wrap_field("msgid", text))
    powrap.cache_clear()
    assert made == general
