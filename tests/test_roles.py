"""A line's role (contact, credit, byline, furniture) is decided the same however it is asked:
the shortcuts that keep prose lines cheap (the label-start screen, the pattern hints, the memo)
change no answer."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pressflow.readers import roles
from pressflow.readers.roles import default_rules, structure_rules
from pressflow.regex_shape import needles

DATA = Path(__file__).resolve().parent / "data" / "releases"
ROOT = Path(__file__).resolve().parent.parent


def _corpus_lines() -> list[str]:
    lines: list[str] = []
    for path in [*sorted(DATA.iterdir()), *sorted((ROOT / "releases").iterdir())]:
        if path.is_file():
            lines += [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return lines


LABELLED = [
    "Байланыш үчүн: +996 312 62 52 90",
    "БАЙЛАНЫШ ҮЧҮН — press@gov.kg",
    "байланыш телефону: 0312 30 00 00",
    "Тел.: +996 555 12 34 56",
    "ТЕЛ: 0312 62 52 90",
    "E-mail: info@mfa.gov.kg",
    "EMAIL info@mfa.gov.kg",
    "Сүрөт: Кабар",
    "Фото — Азаттык",
    "For more information: press@gov.kg",
    "Formore information: press@gov.kg",
    "Тектеш жаңылыктар",
    "Даярдаган: А. Асанова",
    "Теги: #Бишкек #шайлоо",
    "  Контакты: 0312 30 00 00",
    "Kontakt: 0312",  # not a label: prose
    "Телефондук сүйлөшүүдө министр билдирди.",  # a label's start, then prose
]


def _unscreened():
    """The shipped rules with the label screen switched off: every label pattern is tried (and
    a memo of their own, or they would answer from the screened rules' memo)."""
    return dataclasses.replace(default_rules(), label_starts=None, _seen={})


def test_the_label_screen_changes_no_role_on_the_release_corpus() -> None:
    rules, plain = default_rules(), _unscreened()
    assert rules.label_starts  # the screen is on for the shipped labels
    lines = _corpus_lines() + LABELLED
    roles = [rules.classify(line) for line in lines]
    assert roles == [plain.classify(line) for line in lines]
    assert sum(r is not None for r in roles) >= 40  # the corpus has labelled lines to decide
    assert rules.classify("Тел.: +996 555 12 34 56").role == "contact"
    assert rules.classify("Формалдуу жыйынга 40 киши келди.") is None


@settings(deadline=None)  # under load (or a mutation run) an example can take a second
@given(st.sampled_from(LABELLED), st.text(max_size=12))
def test_the_label_screen_agrees_on_any_tail(line: str, tail: str) -> None:
    rules, plain = default_rules(), _unscreened()
    for text in (line + tail, tail + line, line[:3] + tail):
        assert rules.classify(text) == plain.classify(text)


def test_a_newsroom_label_too_short_for_the_screen_turns_it_off() -> None:
    rules = structure_rules(labels={"phone": ["Т"]})
    assert rules.label_starts is None
    assert rules.classify("Т: 0312 62 52 90").role == "contact"


def test_a_remembered_role_is_the_role_decided_afresh() -> None:
    rules = default_rules()
    line = "Сүрөт: Кабар"
    first = rules.classify(line)
    assert rules.classify(line) == first == _unscreened().classify(line)
    assert first is not None and first.role == "credit"


def _unhinted(rules: roles.StructureRules | None = None) -> roles.StructureRules:
    """Rules with the pattern hints and the anchored patterns' screen switched off: every
    pattern searches every line."""
    plain = dataclasses.replace(rules or default_rules(), _seen={})
    object.__setattr__(plain, "hints", (None,) * len(plain.patterns))
    object.__setattr__(plain, "anchored", (None, (False,) * len(plain.patterns)))
    return plain


FURNITURE = [
    "Бардык укуктар корголгон.",
    "© 2024 КАБАР. БАРДЫК УКУКТАР КОРГОЛГОН",
    "Все права защищены",
    "All Rights Reserved.",
    "Материалдарды колдонууда шилтеме берүү милдеттүү",
    "При использовании материалов ссылка на сайт обязательна",
    "Ссылка обязательна.",
    "By John Smith",
]
#: letters that ``re.IGNORECASE`` matches with a Cyrillic or Latin one although ``str.lower``
#: does not make them equal (or makes them two characters): a line holding one is searched
ODD_FOLDS = ["ſ", "\u212a", "\u1c80", "\u1c82", "\u1c83", "\u0130", "\u0131", "ﬀ", "ẞ"]


def test_the_pattern_hints_change_no_role() -> None:
    rules, plain = default_rules(), _unhinted()
    assert sum(hint is not None for hint in rules.hints) >= 2  # the two unanchored patterns
    lines = _corpus_lines() + LABELLED + FURNITURE
    found = [rules.classify(line) for line in lines]
    assert found == [plain.classify(line) for line in lines]
    assert [r.role if r else None for r in found[-len(FURNITURE) :]] == ["furniture"] * 7 + [
        "byline"
    ]


@settings(deadline=None)
@given(
    st.sampled_from(FURNITURE),
    st.text(
        alphabet=st.sampled_from(ODD_FOLDS + list("абвгдеёжзиклмнопрстуфхцчшщъыьэюяөүң")),
        max_size=6,
    ),
    st.integers(min_value=0, max_value=30),
)
def test_the_pattern_hints_agree_whatever_the_letters(line: str, odd: str, at: int) -> None:
    """A letter that folds oddly, anywhere, even inside the words a hint looks for."""
    rules, plain = default_rules(), _unhinted()
    for text in (line[:at] + odd + line[at:], line.replace("с", odd or "с"), odd + line.upper()):
        assert rules.classify(text) == plain.classify(text)
    assert rules.classify(line.replace("с", "\u1c83")) == plain.classify(
        line.replace("с", "\u1c83")
    )


def test_letters_that_fold_simply_match_case_blind_exactly_when_lower_case_equal() -> None:
    """What the hints rely on: among the characters ``_FOLDS_SIMPLY`` admits, a case-blind match
    of one letter by another is ``str.lower`` equality, and ``lower`` keeps one character."""
    admitted = [chr(c) for c in range(0x10000) if roles._FOLDS_SIMPLY.fullmatch(chr(c))]
    assert len(admitted) > 400
    letters = [c for c in admitted if c.lower() != c.upper()]
    for letter in letters:
        blind = re.compile(re.escape(letter), re.IGNORECASE)
        assert [c for c in admitted if blind.fullmatch(c)] == [
            c for c in admitted if c.lower() == letter.lower()
        ]
    assert all(len(c.lower()) == 1 for c in admitted)
    assert not any(roles._FOLDS_SIMPLY.fullmatch(c) for c in ODD_FOLDS)


ANCHORED = [
    "Фото пресс-службы МИД",
    "Сүрөт Кабардан алынды",
    "by John Smith",
    "© 2024 Кабар",
    "(c) Кабар",
    "copyright 2021",
    "#Бишкек #шайлоо",
    "Facebook Twitter Telegram",
    "3 мүн. окуу",
    "views: 1 234",
    "👁 1 234",
    "Жарыяланды: 12.03.2021",
    "Фото пресс-службы МИД.",  # a sentence: prose
]
NEWSROOM = {
    "furniture": ["^Жарыяланды:", r"(?m)^x$", r"^(\w)\1{3}", "(?x) ^ y z"],
    "byline": [r"^(?P<who>Кабар)\s*$"],
}


def test_the_start_anchored_patterns_screen_changes_no_role() -> None:
    """Only patterns that can match at the line's start alone join the screen (no group a back
    reference could name, no inline flag, no ``re.M``), and any line gets the role it had."""
    rules = structure_rules(patterns=NEWSROOM)
    screen, covered = rules.anchored
    assert screen is not None
    shown = {p.pattern: on for (_, p), on in zip(rules.patterns, covered, strict=True)}
    assert shown["^Жарыяланды:"] and shown[r"^\s*(?:©|\(c\)\s|copyright\b)"]
    assert not any(shown[p] for p in (r"(?m)^x$", r"^(\w)\1{3}", "(?x) ^ y z"))
    assert not shown[r"^(?P<who>Кабар)\s*$"]
    assert not shown["бардык укуктар корголгон|все права защищены|all rights reserved"]
    plain = _unhinted(rules)
    lines = _corpus_lines() + LABELLED + FURNITURE + ANCHORED
    lines += ["a\nx", "aaaa bb", "yz", "Кабар", "ſſſſ", "Жарыяланды"]
    found = [rules.classify(line) for line in lines]
    assert found == [plain.classify(line) for line in lines]
    assert [r.role if r else None for r in found[-19:-6]] == [
        *["credit"] * 2,
        "byline",
        *["furniture"] * 9,
        None,
    ]


@settings(deadline=None)
@given(st.sampled_from(ANCHORED + FURNITURE), st.text(max_size=8), st.text(max_size=8))
def test_the_anchored_screen_agrees_whatever_surrounds_the_line(
    line: str, before: str, after: str
) -> None:
    rules = structure_rules(patterns=NEWSROOM)
    plain = _unhinted(rules)
    for text in (before + line, line + after, before + line.upper() + after):
        assert rules.classify(text) == plain.classify(text)


def test_labels_are_compiled_only_for_a_line_that_may_hold_one() -> None:
    rules = structure_rules(labels={"credit": ["Сүрөттөгү"]})
    assert "labels" not in vars(rules)
    assert rules.classify("Министр жыйынга катышты.") is None
    assert "labels" not in vars(rules)  # no label starts so: none compiled
    assert rules.classify("Сүрөттөгү: Кабар") == roles.Role("credit")
    assert [g for g, _ in rules.labels] == [g for g, _ in rules.label_words]


def test_a_newsroom_pattern_without_plain_text_is_searched_on_every_line() -> None:
    rules = structure_rules(patterns={"furniture": [r"^\W+$", "(?i)Кабар|Kabar"]})
    assert rules.hints[-2:] == (None, ("кабар", "kabar"))
    assert rules.classify("*** ***") == roles.Role("furniture")
    assert rules.classify("КАБАР") == roles.Role("furniture")


def test_needles_are_the_plain_text_every_match_contains() -> None:
    assert needles("бардык укуктар|all rights") == ("бардык укуктар", "all rights")
    assert needles("шилтеме (?:берүү )?милдеттүү|x") == ("милдеттүү", "x")
    assert needles("ab|ac") == ("a",)  # (the parser takes the common start out)
    assert needles("abc*d") == ("ab",)
    assert needles("ab(?=c)def") == ("def",)
    assert needles("a|b") is None  # (a character class)
    assert needles("^(?:x|y)z?$") is None
    assert needles("(") is None
