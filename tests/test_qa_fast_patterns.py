"""Issue 12, must-show 3: patterns rewritten for speed find what they were first written to find.

A pattern that opens on a class of the letters its words open with is scanned by the regex
engine's own fast loop; each is compared here with its plain form on the lines of development
documents and on generated text, and the letters it opens with are checked against every
character the engine takes for one of them when ignoring case.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pressflow.qa.checks import alignment

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


def test_a_speaker_is_found_in_the_documents_as_the_plain_pattern_finds_one() -> None:
    lines = _lines()
    found = [bool(alignment._SAID.search(line)) for line in lines]
    assert found == [bool(PLAIN_SAID.search(line)) for line in lines]
    assert 20 < sum(found) < len(found)


GENERATED_SPEECH = ["said", "SAID", "ſaid", "Says", "деди", "ДЕДИ", "ᲁеди", "деп", "айтты",
                    "сказала", "told", "toldx", "addeds", "рассказ1", "x", "1", "_", " ", "  ",
                    "-", "«"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(GENERATED_SPEECH), max_size=6))
def test_a_speaker_is_found_in_generated_text_as_the_plain_pattern_finds_one(
    words: list[str],
) -> None:
    text = "".join(words)
    assert bool(alignment._SAID.search(text)) == bool(PLAIN_SAID.search(text))
