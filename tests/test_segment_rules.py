"""Abbreviations written with spaces after their inner dots (``б. з. ч.``, ``м. а.``), and dotted
runs that end in a letter which is an abbreviation on its own (the ``с.`` of ``ж.б.у.с.``).

Single-letter spaced abbreviations are protected by other rules too; these are the cases where
only the abbreviation lists (an inner dot matching ``. ``) decide.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressflow.regex_shape import backward as _backward
from pressflow.segment import _boundaries, rules_for, split_text
from pressflow.segment_rules import (
    _REACH_MAX,
    _abbrev_alternation,
    _never_a_dot,
    _reach,
)


@pytest.fixture(autouse=True)
def compiled_afresh() -> None:
    """The rules compiled in this test, not taken from an earlier one (a mutation run tells)."""
    rules_for.cache_clear()


def units(text: str, lang: str = "ky") -> list[str]:
    return [text[a:b] for a, b in split_text(text, lang=lang)]


@pytest.mark.parametrize(
    "text",
    [
        "Шаар б. з. ч. IV кылымда негизделген.",
        "Ал б. з. IV кылымда жашаган.",
        "Шаар б.з.ч. IV кылымда негизделген.",
        "Министр м. а. Асанов келди.",
        "Министр м.а. Асанов келди.",
        "Жыйынга вр. и. о. Асанов катышты.",
        "Жыйынга в. и. о. Асанов катышты.",
        "Иш б. а. Бишкекте башталат.",
        "Бул т. а. Нарын облусуна тиешелүү.",
        "Жыйын 2019-ж. ж. т. 14-майда өттү.",
        "Эл ж. б. у. с. маселелер талкууланды.",
    ],
)
def test_a_spaced_abbreviation_before_a_capital_or_a_number_is_no_sentence_end(text: str) -> None:
    assert units(text) == [text]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Бул маселелер ж.б.у.с.", "Ал эми биз келдик."),
        ("Бул маселелер ж. б. у. с.", "Ал эми биз келдик."),
        ("Ооруларды ж. б.", "Ал эми биз келдик."),
        ("Шаар б. з. ч. IV кылымда негизделген.", "Ал эми азыр чоң."),
        ("Аянты 20 кв. м.", "Ал эми бак чоң."),
    ],
)
def test_a_spaced_lower_abbreviation_ends_a_sentence_before_a_capital(
    first: str, second: str
) -> None:
    assert units(f"{first} {second}") == [first, second]


def test_russian_spaced_abbreviations() -> None:
    text = "Заседание вёл и. о. министра Асанов. Затем выступил т. н. эксперт."
    assert units(text, "ru") == [
        "Заседание вёл и. о. министра Асанов.",
        "Затем выступил т. н. эксперт.",
    ]


# One case per rule of data/segment/*.toml that only it decides: remove the rule and the case
# fails (benchmarks/mutation.py segment_rules removes each rule in turn).
@pytest.mark.parametrize(
    ("rule", "text", "expected"),
    [
        # A hard-wrapped paragraph: a line break is no boundary, even before a capital or a digit.
        (
            "line",
            "Министрликтин маалыматына караганда, жыйынга\nБишкек жана Ош шаарларынын жана\n"
            "7 облустун өкүлдөрү катышты.",
            None,
        ),
        # A unit abbreviation goes on before a number, a quotation or a dash.
        ("abbreviation-lower-continues", "Баасы 1 кг. 80 сомго чейин төмөндөдү.", None),
        ("abbreviation-lower-continues", "Жолдун 5 км. «Бишкек–Ош» бөлүгү оңдолот.", None),
        ("abbreviation-lower-continues", "Тыныгуу 3 мин. — 5 мин. созулат.", None),
        # A lone lower-case letter with a dot (12-б.: page 12) before a quotation or a dash.
        ("single-letter-abbreviation", "Китептин 12-б. «Тарых» бөлүмүндө жазылган.", None),
        ("single-letter-abbreviation", "Маалымат 12-б. – 15-б. аралыгында берилген.", None),
        # Punctuation after a stray space goes on with the sentence.
        ("punctuation-continues", "Эл «Алга, Кыргызстан!» , — деп кыйкырышты.", None),
        ("punctuation-continues", "Курулуш (2019-жылы башталган. ) быйыл бүтөт.", None),
        # An address typed with a space after ``www.`` or with its dot doubled.
        ("www", "Сайттын дареги: www. Kabar.kg", None),
        ("domain", "Маалымат Kabar..KG сайтында жарыяланды.", None),
    ],
)
def test_each_rule_decides_its_case(rule: str, text: str, expected: list[str] | None) -> None:
    assert units(text) == (expected or [text]), rule


@pytest.mark.parametrize("quote", ["“", "”", "»"])
def test_a_closing_quote_standing_apart_acts_as_one_glued_to_its_sentence(quote: str) -> None:
    """``Баары жакшы. “`` is ``Баары жакшы.“``: reported speech after it stays in the sentence,
    a capital after it starts the next one."""
    opening = "«" if quote == "»" else "“"
    for after in ("деп айтты.", "Андан кийин кетти."):
        glued = f"Ал: {opening}Биз даярбыз. Баары жакшы.{quote} {after}"
        apart = f"Ал: {opening}Биз даярбыз. Баары жакшы. {quote} {after}"
        assert [u.replace(f". {quote}", f".{quote}") for u in units(apart)] == units(glued)
    assert units(f"Ал: {opening}Баары жакшы. {quote} деп айтты.") == [
        f"Ал: {opening}Баары жакшы. {quote} деп айтты."
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Кененирээк маалымат kabar.kg жана www.gov.kg сайттарында, суроолор info@mail.kg дарегине.",
        "Шилтеме:https://24.kg/archive/2021?id=5&x=1;(Kaktus.Media)жана(AKIpress.org).",
        "Эч кандай дарек жок. Бир гана сүйлөм.",
        "Дарек: mfa.gov.kg/ru/news.html, тел.: +996 312 62 05 45, e-mail: press@mfa.gov.kg",
    ],
)
def test_addresses_are_found_run_by_run_exactly_as_in_the_whole_text(text: str) -> None:
    rules = rules_for("ky")
    spans = [(m.start(), m.end()) for m in rules.addresses(text)]
    assert spans == [(m.start(), m.end()) for m in rules.urls.finditer(text)]
    assert rules.without_addresses(text) == rules.urls.sub(" ", text)


@pytest.mark.parametrize(
    ("lang", "base"),
    [("ky", "ky"), ("ky-KG", "ky"), ("KY_kg", "ky"), ("ru", "ru"), ("en-US", "en"),
     ("xx", "common"), ("k", "common"), ("../ky", "common")],
)  # fmt: skip
def test_a_language_code_finds_its_rules_or_the_shared_ones(lang: str, base: str) -> None:
    assert rules_for(lang).lang == base


def test_the_rule_data_is_read_as_written() -> None:
    ky, common = rules_for("ky"), rules_for("common")
    assert ky.rules[0].name == "single-letter-abbreviation"  # the language's own rules first
    assert [r.name for r in ky.rules[1:]] == [r.name for r in common.rules]
    assert ky.title_quote_max == 150 and "деди" in ky.speech_words and "деп" in ky.speech_words
    assert ("«", "»") in ky.quotes and ("“", "”") in ky.quotes
    assert ky.foreign is not None and common.foreign is None
    assert (ky.foreign.min_words, ky.foreign.max_native_share) == (2, 0.2)
    assert ky.foreign.note.startswith("not Kyrgyz: Latin-script text")
    assert ky.foreign.native.fullmatch("ө") and not ky.foreign.native.fullmatch("q")
    assert ky.foreign.other.fullmatch("q") and not ky.foreign.other.fullmatch("ө")


def test_an_abbreviation_list_compiles_to_exactly_its_words() -> None:
    items = ["ж", "жж", "ж.б", "ж.б.у.с", "кв", "кв.м", "р-н", "№", "к"]
    pattern = re.compile(_abbrev_alternation(items))
    for item in items:
        assert pattern.fullmatch(item), item
        assert pattern.fullmatch(item.replace(".", ". ")), item  # an inner dot may take a space
    for other in ["", "б", "жжж", "ж.", "ж.б.у", "кв.", "квм", "р", "р-", "н", "к.в", "ж б"]:
        assert not pattern.fullmatch(other), other
    assert not re.search(_abbrev_alternation([]), "ж.б. anything")


@pytest.mark.parametrize(
    ("close", "safe"),
    [
        ("[»”\"')\\]]*", True),
        (r"\s*", True),  # white space is never a full stop
        (r"\w?", True),
        ("", False),  # no macro: nothing to judge
        (".?", False),
        ("[^«]*", False),
        (r"\S*", False),
        (r"\W?", False),
        (r"\D?", False),
    ],
)
def test_a_close_macro_is_trusted_to_match_no_full_stop_only_when_it_surely_cannot(
    close: str, safe: bool
) -> None:
    """The last-full-stop shortcut of a ``before`` search is sound only if ``{close}`` never
    matches a dot: whatever might (a dot, a negated class, ``\\S``, ``\\W``, ``\\D``) turns
    it off."""
    assert _never_a_dot(close) is safe
    if safe:  # and the judgement is right: one character of the macro is never a dot
        assert not re.search(close.rstrip("*?"), ".")


@pytest.mark.parametrize(
    ("pattern", "reach"),
    [
        ("abc", 3),
        ("a{2,5}", 5),
        ("(?<=x)ab", 2),  # a lookbehind matches no text of its own
        ("a*", None),  # unbounded: the whole window is searched
        (f"a{{{_REACH_MAX}}}", _REACH_MAX),
        (f"a{{{_REACH_MAX + 1}}}", None),
    ],
)
def test_a_before_pattern_reaches_back_as_far_as_its_longest_match(
    pattern: str, reach: int | None
) -> None:
    assert _reach(pattern) == reach


TAILS = st.lists(
    st.sampled_from([*'аж.бт-Ж WwК»"“ \n1;:', "млн", "ж.б", "р-н", "www", "жана", "и", "т.б"]),
    max_size=14,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(TAILS, st.sampled_from(["ky", "ru", "en"]))
def test_a_before_pattern_read_backwards_matches_wherever_it_can_end(text: str, lang: str) -> None:
    """Where a rule's ``before`` matches text ending at a position, its backward pattern
    matches the reversed text from there: so a failed backward try may skip the search."""
    backwards = text[::-1]
    for rule in rules_for(lang).rules:
        if rule.before is None or rule.backward is None:
            continue
        for pos in range(len(text) + 1):
            if rule.before.search(text, 0, pos) is not None:
                assert rule.backward.match(backwards, len(text) - pos), (rule.name, text, pos)


@pytest.mark.parametrize(
    ("pattern", "text", "matches"),
    [
        (r"(?i:www)\.", ".WWW", True),
        (r"(?<![\w\-])[А-Я]\.", ".Ж", True),  # a lookbehind becomes a lookahead
        (r"(?<![\w\-])[А-Я]\.", ".Жж", False),
        (r"(?<=a)b", "ba", True),
        (r"(?<=a)b", "bc", False),
        (r"b(?=c)", "b", True),  # a lookahead is dropped
        (r"(?:^|\n)\s*\d{1,3}\.", ".7 \n", True),
        (r"ab+c", "cbba", True),
        (r"ab+c", "abbc", False),
        (r"[^a]\.", ".b", True),
        (r"[^a]\.", ".a", False),
    ],
)
def test_a_pattern_is_read_backwards(pattern: str, text: str, matches: bool) -> None:
    found = _backward(pattern)
    assert found is not None
    assert bool(found.match(text)) is matches


def test_a_back_reference_cannot_be_read_backwards() -> None:
    assert _backward(r"(a)\1") is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(TAILS, st.sampled_from([". Ал", "! ал", ".\n1. ", " Х. "])), max_size=6))
def test_the_probes_and_plans_split_as_every_rule_tried_in_turn(pieces: list[str]) -> None:
    """The fast path (both probes, remembered plans, backward tries) finds the boundaries that
    trying every rule in order with its windowed searches finds."""
    text = "".join(pieces)
    for lang in ("ky", "ru", "en"):
        rules = rules_for(lang)
        plain = dataclasses.replace(rules)
        plain.__dict__["after_probe"] = None  # a cached property, set as it is cached
        plain.__dict__["checks"] = tuple(c._replace(backward=None) for c in rules.checks)
        assert _boundaries(text, rules) == _boundaries(text, plain), (lang, text)
