"""Issue 12, must-show 3: patterns rewritten for speed find what they were first written to find.

A pattern that opens on a class of the letters its words open with is scanned by the regex
engine's own fast loop; each is compared here with its plain form on the lines of development
documents and on generated text, and the letters it opens with are checked against every
character the engine takes for one of them when ignoring case.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pressflow.qa import negation
from pressflow.qa.checks import alignment, source, spelling, typography, wording

DATA = Path("/work/shared/data/ntrex128")


def _lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(DATA.glob("*.txt"))[:60]:
        lines += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines


def _any_case(letters: set[str]) -> set[str]:
    """Every character the engine takes for one of ``letters`` when it ignores case."""
    either = re.compile("|".join(map(re.escape, sorted(letters))), re.IGNORECASE)
    return set(filter(either.fullmatch, map(chr, range(0x110000))))


PLAIN_SAID = re.compile(
    r"\b(?:деди|дейт|деп айтты|сказал\w*|заявил\w*|рассказ\w*|говорит|отметил\w*|добавил\w*|"
    r"said|says|told|added)\b",
    re.IGNORECASE,
)


def test_the_speaker_words_open_with_their_initials_in_every_case() -> None:
    assert set(alignment.SAID_INITIALS) == _any_case({w[0] for w in alignment.SAID})


PLAIN_DOUBLED = re.compile(r"(?<![\w-])([^\W\d_]++)\s++\1(?![\w-])", re.IGNORECASE)
GENERATED_DOUBLES = ["в", "В", "the", "The", "THE", "İ", "i", "ΑΣ", "Ασ", "ας", "K", "k", "ſ",
                     "s", " ", "  ", "-", "1", ".", "\n", "is"]  # fmt: skip


def test_a_doubled_word_is_looked_for_only_where_the_plain_pattern_may_find_one() -> None:
    for line in _lines():
        found = bool(PLAIN_DOUBLED.search(line))
        assert not found or wording._may_double(line), line


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(GENERATED_DOUBLES), max_size=6))
@example(["ΑΣ", " ", "Ασ"])  # the back reference reads Σ as σ, str.lower as ς (a final sigma)
@example(["İ", " ", "i"])  # the back reference reads İ as i, str.lower as i and a dot
@example(["в", " ", "В"])
def test_doubled_words_of_generated_text_are_the_plain_patterns(words: list[str]) -> None:
    text = "".join(words)
    plain = [m.group(1) for m in PLAIN_DOUBLED.finditer(text)
             if m.group(1).lower() not in wording.LEGITIMATE_DOUBLES]  # fmt: skip
    assert wording.doubled_words(text) == plain
    assert not PLAIN_DOUBLED.search(text) or wording._may_double(text)


_W, _E = r"(?<![^\W\d_])", r"(?![^\W\d_])"
PLAIN = {
    "sure-en": re.compile(
        _W + r"(?:not|never|no|cannot)" + _E + r"(?!\s+(?:only|less|more\s+than|doubt)\b)"
        r"(?!\.\s*\d)|n't" + _E,
        re.IGNORECASE,
    ),
    "name": re.compile(r"(?<!\w)[A-ZА-ЯЁ][a-zа-яё]{3,}(?:'s|’s)?(?!\w)"),
    "boundary": re.compile(r"[\u0400-\u04ff][»”\")]?[.!?…]+\s*(?=[A-Z])"),
    "said": PLAIN_SAID,
}
FAST = {
    "sure-en": negation.SURE["en"],
    "name": spelling._NAME,
    "boundary": source._BOUNDARY,
    "said": alignment._SAID,
}


def _found(kind: str, pattern: re.Pattern[str], text: str) -> list[tuple[int, str]]:
    """What the checks read of the matches: where they start and what they hold, of a sentence
    boundary where it ends (its start, the Cyrillic letter or the stop, no check reads)."""
    if kind == "boundary":
        return [(m.end(), "") for m in pattern.finditer(text)]
    return [(m.start(), m.group(0)) for m in pattern.finditer(text)]


def test_the_negations_open_with_their_initials_in_every_case() -> None:
    assert set(negation.SURE_EN_INITIALS) == _any_case({"n", "c"})


@pytest.mark.parametrize("kind", sorted(PLAIN))
def test_each_fast_pattern_finds_in_the_documents_what_its_plain_form_finds(kind: str) -> None:
    lines = _lines()
    found = [_found(kind, FAST[kind], line) for line in lines]
    assert found == [_found(kind, PLAIN[kind], line) for line in lines]
    assert any(found)  # (a sentence boundary before Latin text: one line has one)


GENERATED = ["not", "NOT", "No", "never", "cannot", "can't", "don't", "n't", "only", "doubt",
             "Trump's", "Путин", "Уоррен", "ИИ", "Ёлка", "я", "Я", "ь", "»", ")", ".", "...",
             "!", "?", "…", " ", "  ", "\n", "A", "The", "x", "1", ".5", "-", "_", "said",
             "SAID", "ſaid", "Says", "деди", "ДЕДИ", "ᲁеди", "деп", "айтты", "сказала", "told",
             "toldx", "addeds", "рассказ1", "«"]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(GENERATED), max_size=8))
def test_each_fast_pattern_finds_in_generated_text_what_its_plain_form_finds(
    words: list[str],
) -> None:
    text = "".join(words)
    for kind, plain in PLAIN.items():
        assert _found(kind, FAST[kind], text) == _found(kind, plain, text), kind


PLAIN_OPEN_CLAUSE = typography._OPEN_CLAUSE
CLAUSES = [", they", ", что", "— это", "and she", "but it", "because", "it", ",", "saying",
           "Yes", " ", "  ", "\n", "x", "—", "he", "I", "that"]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(CLAUSES), max_size=8), st.sampled_from(["ru", "en"]))
def test_an_open_clause_is_searched_in_the_last_two_words_alike(
    words: list[str], lang: str
) -> None:
    text = "".join(words)
    pattern = PLAIN_OPEN_CLAUSE[lang]
    fast = pattern.search(text, typography._last_two_words(text))
    plain = pattern.search(text)
    assert (fast and (fast.start(), fast.group(0))) == (plain and (plain.start(), plain.group(0)))


def plain_anchors(text: str) -> frozenset[str]:
    """The anchors as first written: every alphanumeric run of the text in lower case."""
    out = set()
    for word in re.findall(r"[^\W_]+", text.lower()):
        if word.isdigit():
            out.add("#" + word)
        elif len(word) >= 5:
            head = word[:6].translate(alignment._FOLD)[:4]
            if len(head) == 4:
                out.add(head)
    return frozenset(out)


ANCHOR_PIECES = ["Президент", "президенти", "ПАРЛАМЕНТ", "İstanbul", "ΑΣΣΟΣ", "ΟΔΟΣ", "²²²²²",
                 "x²", "2018", "COVID", "19", "5млн", "Sh", " ", "-", "_", ".", "ъъъъъъ",
                 "Ωmega", "Ⓐ"]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(ANCHOR_PIECES), max_size=6))
@example(["İstanbul"])  # İ is two characters in lower case, and the second no letter
@example(["ъΑΒΓΣ", "Ⓐ"])  # a Σ before a cased character (Ⓐ) is no final one in the text
def test_anchors_read_off_the_words_of_a_text_without_figures_are_the_plain_ones(
    pieces: list[str],
) -> None:
    text = "".join(pieces)
    alignment.anchors.cache_clear()
    assert alignment.anchors(text) == plain_anchors(text)


def test_the_anchors_of_the_documents_are_the_plain_ones() -> None:
    assert [alignment.anchors(line) for line in _lines()] == list(map(plain_anchors, _lines()))
