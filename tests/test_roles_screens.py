"""The cheap paths of classifying a line give the answers of the full one: a line read as it is
(nothing to collapse, letters that fold simply) and the per-start label screens."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from pressflow.readers import roles
from pressflow.readers.roles import default_rules, structure_rules

SPACES = [" ", "  ", "\t", "\n", "\r", "\f", "\v", "\u00a0", "\u2009", "\u2028", "\u202f", "\u3000"]
LETTERS = [*"абвгөүңABCxyz1.:—«»", "ſ", "\u212a", "\u1c80", "\u0130", "№", "\u200b"]


def test_a_settled_character_is_one_that_folds_simply_and_is_no_space_but_the_space() -> None:
    for code in range(0x10000):
        char = chr(code)
        simple = roles._FOLDS_SIMPLY.fullmatch(char) is not None
        expected = simple and (char == " " or not char.isspace())
        assert (roles._SETTLED.fullmatch(char) is not None) == expected, hex(code)
    assert roles._SETTLED.fullmatch("\U0001f441") is None


@settings(deadline=None)
@given(st.lists(st.sampled_from(SPACES + LETTERS), max_size=20).map("".join))
def test_a_settled_line_is_read_as_it_is(text: str) -> None:
    settled = (
        roles._SETTLED.fullmatch(text) is not None
        and "  " not in text
        and text[:1] != " " != text[-1:]
    )
    if settled:
        assert " ".join(text.split()) == text
        assert roles._FOLDS_SIMPLY.fullmatch(text)


def _unscreened() -> roles.StructureRules:
    """The shipped rules with no per-start label screen: every group's pattern decides."""
    return dataclasses.replace(default_rules(), label_screens={}, _seen={})


LINES = [
    "Байланыш үчүн: +996 312 62 52 90",
    "байланыш телефону: 0312 30 00 00",
    "Тел.: +996 555 12 34 56",
    "E-mail: info@mfa.gov.kg",
    "Эл. почта: info@mfa.gov.kg",
    "Formore information: press@gov.kg",
    "Тектеш жаңылыктар",
    "Телефондук сүйлөшүүдө министр билдирди.",
    "Иш-чарага 250дөн ашык катышуучу келет.",
    "Сүрөттөр көргөзмөсү ачылды.",
    "Фото — Азаттык",
]


def test_the_label_screens_change_no_role() -> None:
    rules, plain = default_rules(), _unscreened()
    assert rules.label_screens and set(rules.label_screens) == rules.label_starts
    found = [rules.classify(line) for line in LINES]
    assert found == [plain.classify(line) for line in LINES]
    assert [r.role if r else None for r in found] == [
        *["contact"] * 6,
        "furniture",
        None,
        None,
        None,
        "credit",
    ]


@settings(deadline=None)
@given(st.sampled_from(LINES), st.text(max_size=12))
def test_the_label_screens_agree_on_any_tail(line: str, tail: str) -> None:
    rules, plain = default_rules(), _unscreened()
    for text in (line + tail, tail + line, line[:3] + tail, line[:2] + " " + line[2:]):
        assert rules.classify(text) == plain.classify(text)


def test_a_newsroom_label_is_screened_with_the_shipped_ones_of_its_start() -> None:
    rules = structure_rules(labels={"credit": ["Сүрөттө"]})
    assert rules.label_screens["сү"].match("СҮРӨТТӨ: Кабар")
    assert rules.classify("Сүрөттө: Кабар") == roles.Role("credit")
    assert rules.classify("Сүрөттөгү адамдар жылмайышат.") is None
