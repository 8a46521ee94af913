"""The linear-time segmenter gives exactly what the quadratic one gave.

Each function rewritten for linear time is compared, on arbitrary input, with the obvious
version it replaced (kept here as the reference): the line a unit starts on, whether a quoted
phrase names something, which positions protected spans cover, where placeholders pair. The
time itself is measured in benchmarks/pathological.py, never in a test.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right

from hypothesis import given, settings
from hypothesis import strategies as st

from pressflow.model import Block
from pressflow.segment import _boundaries, _boundaries_found, rules_for, split_spans
from pressflow.segment_lines import count_nonspace as _nonspace
from pressflow.segment_lines import line_counts as _line_counts
from pressflow.segment_lines import start_lines as _start_lines
from pressflow.segment_protect import (
    _FOLLOW,
    _Intervals,
    _is_name,
    _placeholder_interiors,
    _quote_marks,
    _title_quotes,
    _url_interiors,
)

MANY = settings(max_examples=300, deadline=None)


# --------------------------------------------------------------------------- the references


def old_start_line(block: Block, start: int, source_lines: list[str], counts: list[int]) -> int:
    text = block.text
    line = block.line + text.count("\n", 0, start)
    if not source_lines or "\n" in text or start == 0:
        return line
    rest = text[start:].split(None, 1)
    head = rest[0] if rest else ""
    want = _nonspace(text[:start])
    first = source_lines[block.line - 1] if block.line <= len(source_lines) else ""
    words = text.split(None, 1)
    lead = words[0] if words else ""
    at = first.find(lead) if lead else -1
    if at < 0:
        return line
    base = counts[block.line - 1] + _nonspace(first[:at])
    no = bisect_right(counts, want + base, block.line)
    if no < len(counts):
        return no if head and head in source_lines[no - 1] else line
    return line


def old_names_something(rest: str, speech: frozenset[str], openers: frozenset[str]) -> bool:
    rest = rest.lstrip()
    if rest[:1] in (",", ";"):
        rest = rest[1:].lstrip()
        if rest[:1] in openers:
            return True
    words = rest.split(None, 1)
    return bool(words) and rest[0].islower() and words[0] not in speech


def old_placeholder_interiors(text: str) -> list[tuple[int, int]]:
    import re

    spans = []
    for m in re.finditer(r"<(\d+)>", text):
        close = text.find(f"</{m[1]}>", m.end())
        if close != -1:
            spans.append((m.end(), close))
    return spans


# --------------------------------------------------------------------------- the comparisons

WORD = st.sampled_from(
    ["Бишкек", "деди", "жана", "САЛИЕВ", "3-июлда", "ж.", "«Таза", "шаар»", "Error", "x", "10.5"]
)
SPACE = st.sampled_from([" ", "  ", "\t", "\u00a0", "\u2009"])
LINE = st.lists(st.tuples(WORD, SPACE), min_size=0, max_size=8).map(
    lambda pairs: "".join(w + s for w, s in pairs).rstrip()
)


@MANY
@given(
    st.lists(LINE, min_size=1, max_size=12),
    st.integers(1, 4),
    st.sampled_from([".", "! ", ". ", "? "]),
)
def test_unit_lines_match_the_reference(lines: list[str], first: int, stop: str) -> None:
    """A block joined from wrapped source lines (as the text reader joins them), sentence ends
    sprinkled in so that it has several units: each unit's line is the reference's."""
    source = [
        "Аталыш",
        *[""] * (first - 1),
        *(ln + stop if i % 3 == 2 else ln for i, ln in enumerate(lines)),
    ]
    start_line = first + 1
    body = [ln for ln in source[start_line - 1 :]]
    text = " ".join(" ".join(ln.split()) for ln in body if ln.strip())
    if not text.strip():
        return
    block = Block(index=1, kind="paragraph", text=text, line=start_line)
    counts = _line_counts(source)
    starts = [s.start for s in split_spans(text, lang="ky")]
    got = _start_lines(block, starts, source, counts)
    assert got == [old_start_line(block, s, source, counts) for s in starts]


@MANY
@given(st.text(alphabet=" \n\tab.Ж", max_size=40), st.lists(st.integers(0, 40), max_size=6))
def test_unit_lines_of_any_text_match_the_reference(text: str, starts: list[int]) -> None:
    starts = sorted(s for s in set(starts) if s <= len(text))
    source = [*text.split("\n"), "tail"]
    block = Block(index=0, kind="paragraph", text=text, line=1)
    counts = _line_counts(source)
    if not text.strip() or not starts:
        return
    got = _start_lines(block, starts, source, counts)
    assert got == [old_start_line(block, s, source, counts) for s in starts]


@MANY
@given(st.text(alphabet=" \t\u00a0,;«“абвАБВ деп", max_size=20), st.integers(0, 20))
def test_names_something_reads_in_place_as_the_reference_read_a_copy(text: str, pos: int) -> None:
    rules = rules_for("ky")
    openers = _quote_marks(rules.quotes, rules.title_quote_max).openers
    pos = min(pos, len(text))
    comma, word = _FOLLOW.match(text, pos).groups()  # type: ignore[union-attr]
    assert _is_name(comma, word, rules, openers) == old_names_something(
        text[pos:], rules.speech_words, openers
    )


def old_title_quotes(text: str, rules) -> list[tuple[int, int]]:
    """The quotation scan as a loop of searches (3c69f96)."""
    import re

    pairs = rules.quotes
    openers = {o for o, _ in pairs}
    closing = {c for _, c in pairs}
    spans = []
    i = 0
    while True:
        found = [k for k in (text.find(o, i) for o in openers) if k >= 0]
        if not found:
            return spans
        i = min(found)
        mark = text[i]
        if mark in closing and i and not re.match(r"[\s(\[«„“‘\-–—/]", text[i - 1]):
            i += 1
            continue
        ends = {c for o, c in pairs if o == mark}
        window = text[i + 1 : i + 2 + rules.title_quote_max]
        close = [k for k in (window.find(c) for c in ends) if k >= 0]
        if not close:
            i += 1
            continue
        j = i + 1 + min(close)
        if text[i + 1 : j].strip() and old_names_something(
            text[j + 1 :], rules.speech_words, openers
        ):
            spans.append((i + 1, j))
        i = j + 1


@MANY
@given(
    st.lists(
        st.sampled_from(
            ["«", "»", "“", "”", "„", '"', "‹", "›", "‘", "’", " ", ", ", "-", "(", "ж"]
        )
        | st.sampled_from(["деп", "программасы", "Ал", "сөз", ". ", "\n", "ж" * 150]),
        max_size=30,
    ).map("".join),
    st.sampled_from(["ky", "en"]),
)
def test_quotations_are_found_as_the_loop_of_searches_found_them(text: str, lang: str) -> None:
    rules = rules_for(lang)
    assert _title_quotes(text, rules) == old_title_quotes(text, rules)


@MANY
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=12),
    st.integers(-2, 62),
)
def test_merged_intervals_answer_as_the_scan_did(spans: list[tuple[int, int]], pos: int) -> None:
    intervals = _Intervals(spans)
    assert intervals.inside(pos) == any(a < pos < b for a, b in spans)
    assert bool(intervals) == any(b - a > 1 for a, b in spans)


@MANY
@given(st.text(alphabet="<>/123 ab", max_size=40))
def test_placeholders_pair_as_the_scan_paired(text: str) -> None:
    assert _placeholder_interiors(text) == old_placeholder_interiors(text)


def test_a_long_block_with_quotes_addresses_and_placeholders_splits_as_its_pieces() -> None:
    """A paragraph of a thousand copies of a sentence mix splits into a thousand copies of that
    sentence mix's units: nothing in a long block depends on what stands far before it."""
    piece = (
        "«Таза шаар. Жашыл шаар» программасы kabar.kg сайтында <1>жарыяланды. Ал</1> "
        "Н. А. Салиев “Биз даярбыз” деди. Форум 3-июлда өтөт. Бүгүн www.gov.kg иштейт! "
    )
    one = [piece[s.start : s.end] for s in split_spans(piece, lang="ky")]
    many = piece * 1000
    got = [many[s.start : s.end] for s in split_spans(many, lang="ky")]
    assert len(one) > 2 and got == one * 1000


PIECES = [
    *("kabar", ".kg", ".KGга", "www.", "https://", "@", "mail", ".ru", "-", "+", "/", "a", "Ж"),
    *(" ", "\n", "\xa0", ".", ",", "»", "'"),
]
ADDRESSY = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@MANY
@given(ADDRESSY, st.sampled_from(["ky", "ru", "en"]))
def test_addresses_are_found_run_by_run_as_in_the_whole_text(text: str, lang: str) -> None:
    rules = rules_for(lang)
    spans = [(m.start(), m.end()) for m in rules.addresses(text)]
    assert spans == [(m.start(), m.end()) for m in rules.urls.finditer(text)]
    assert rules.without_addresses(text) == rules.urls.sub(" ", text)


@MANY
@given(ADDRESSY, st.sampled_from(["ky", "ru", "en"]))
def test_no_address_holds_white_space(text: str, lang: str) -> None:
    """So a break before white space is never inside one: the segmenter looks for addresses
    only when a rule breaks where no white space follows."""
    for a, b in _url_interiors(text, rules_for(lang)):
        assert not any(char.isspace() for char in text[a + 1 : b]), (text, a, b)


def test_a_long_run_without_an_address_is_not_searched() -> None:
    """A pasted blob of 200,000 letters beside an address: the address is still found."""
    rules = rules_for("ky")
    text = "Ж" * 200_000 + " kabar.kg сайтында."
    assert [m[0] for m in rules.addresses(text)] == ["kabar.kg"]


CANDIDATE_PIECES = [
    *("Ж", "ж", "Abc", "a", ".", "!", "…", "»", "</1>", "<2/>", " ", "\t", "\n", "“ "),
]
#: a pattern that matches empty and then longer at one place (``finditer`` yields both)
EMPTY_THEN_LONGER = r"(?=\n)|\n+\.?|(?<=ж)(?=A)|A+"


@MANY
@given(
    st.lists(st.sampled_from(CANDIDATE_PIECES), max_size=30).map("".join),
    st.sampled_from(["ky", "ru", "en", "empty-then-longer"]),
)
def test_candidates_are_where_the_pattern_tried_everywhere_ends(text: str, lang: str) -> None:
    """Tried only where a match can start, the candidate pattern ends where ``finditer``'s
    matches end, empty ones and a longer one at the same place included; each match holds the
    after probe's answer at its end."""
    if lang == "empty-then-longer":
        rules = dataclasses.replace(rules_for("ky"), candidate=re.compile(EMPTY_THEN_LONGER))
    else:
        rules = rules_for(lang)
    assert rules.candidate_starts is not None
    found = rules.candidates(text)
    assert [m.end() for m in found] == [m.end() for m in rules.candidate.finditer(text)]
    assert rules.probed is not None and rules.after_probe is not None
    assert [m.groups() for m in found] == [rules.after_probe(text, m.end()).groups() for m in found]


@MANY
@given(
    st.lists(st.sampled_from(CANDIDATE_PIECES), max_size=30).map("".join),
    st.sampled_from(["ky", "ru", "en", "empty-then-longer"]),
    st.booleans(),
)
def test_the_scan_to_each_candidate_splits_as_the_candidates_found_one_by_one(
    text: str, lang: str, everywhere: bool
) -> None:
    """``Rules.scan`` reads from one candidate to the next in one match, empty candidates and a
    longer one at the same place included; with a rule that breaks at every candidate, every
    one of them (that white space does not edge) is a boundary, so none is missed or added."""
    rules = rules_for("ky" if lang == "empty-then-longer" else lang)
    if lang == "empty-then-longer":
        rules = dataclasses.replace(rules, candidate=re.compile(EMPTY_THEN_LONGER))
    if everywhere:
        always = dataclasses.replace(rules.rules[-1], name="always", before=None, after=None)
        rules = dataclasses.replace(rules, rules=(always,), _plans={}, _unsieved={})
    assert rules.scan is not None
    assert _boundaries(text, rules) == _boundaries_found(text, rules)
