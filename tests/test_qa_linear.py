"""The spelling check reads each word's left context backwards, in linear time; it must decide
exactly as the regex over the whole prefix that it replaced."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pressflow.qa.checks.spelling import after_stop, name_stems

# The pattern name_stems ran on text[:start] for every capitalised word (quadratic in the text),
# anchored with \A and \Z: ``^$`` also took a lone "\n" for an empty prefix, and other white
# space before the first word did not count as the text's start; now any does. A hyphen right
# after a letter and right before the word joins the halves of one name (Милтон-Кейнс): no
# opener; one after a space, or before one, is a dash.
AFTER_STOP = re.compile(r"(?:\A\s*|[.!?…:]\s+|[«“\"„(—–]\s*|(?<![^\W\d_])-\s*|-\s+)\Z")

ALPHABET = st.sampled_from(list('аб Уоррен.!?…:«“"„(—–-\u00a0\t\nAb x'))


@settings(max_examples=400, deadline=None)
@given(st.text(ALPHABET, max_size=40), st.data())
def test_after_stop_decides_as_the_regex_did(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    assert after_stop(text, start) == bool(AFTER_STOP.search(text[:start]))


def test_names_after_a_stop_a_quote_or_a_dash_are_not_taken() -> None:
    text = "Встреча с Уорреном. Уоррен сказал: «Кавардарков — Асанов» и — Бекова"
    assert [w for w, _ in name_stems(text)] == ["Уорреном"]
    assert [w for w, _ in name_stems("Уоррен и Пэйлин")] == ["Пэйлин"]
    # a hyphenated name's second half is a name; a word after a dash between spaces is not
    assert [w for w, _ in name_stems("Город Милтон-Кейнс - Уоррен")] == ["Милтон", "Кейнс"]
