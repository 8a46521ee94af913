"""Abbreviations written with spaces after their inner dots (``б. з. ч.``, ``м. а.``), and dotted
runs that end in a letter which is an abbreviation on its own (the ``с.`` of ``ж.б.у.с.``).

Single-letter spaced abbreviations are protected by other rules too; these are the cases where
only the abbreviation lists (an inner dot matching ``. ``) decide.
"""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressflow.charclass import script_class, word_trie
from pressflow.regex_shape import backward as _backward
from pressflow.regex_shape import longest
from pressflow.segment import _boundaries, rules_for, split_text
from pressflow.segment_rules import _REACH_MAX, Rule, _never_a_dot


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


@pytest.mark.parametrize("from_end", [False, True])
def test_an_abbreviation_list_compiles_to_exactly_its_words(from_end: bool) -> None:
    items = ["ж", "жж", "ж.б", "ж.б.у.с", "кв", "кв.м", "р-н", "№", "к", "ок", "т.б"]
    pattern = re.compile(word_trie(items, from_end=from_end))
    for item in items:
        assert pattern.fullmatch(item), item
        assert pattern.fullmatch(item.replace(".", ". ")), item  # an inner dot may take a space
    for other in ["", "б", "жжж", "ж.", "ж.б.у", "кв.", "квм", "р", "р-", "н", "к.в", "ж б"]:
        assert not pattern.fullmatch(other), other
    assert not re.search(word_trie([], from_end=from_end), "ж.б. anything")


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
    assert longest(pattern, _REACH_MAX) == reach


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
    for lang, sieve_after in (("ky", 1), ("ky", 256), ("ru", 1), ("en", 1)):
        rules = dataclasses.replace(
            rules_for(lang), sieve_after=sieve_after, _plans={}, _unsieved={}
        )
        plain = dataclasses.replace(rules)
        plain.__dict__["after_probe"] = None  # a cached property, set as it is cached
        plain.__dict__["checks"] = tuple(c._replace(backward=None) for c in rules.checks)
        assert _boundaries(text, rules) == _boundaries(text, plain), (lang, text)


# Texts with a candidate of every kind: abbreviations (spaced and not), initials, list markers,
# line breaks, addresses, quotes, dashes, numbers after an ellipsis, scripts running together.
PLAN_TEXTS = [
    "Шаар б. з. ч. IV кылымда негизделген. Ал эми азыр чоң!",
    "Бул маселелер ж.б.у.с. Ал эми биз келдик... 12 киши келди.",
    "Н. А. Салиев “Биз даярбыз” деди. Форум 3-июлда өтөт? Бүгүн www.gov.kg иштейт!",
    "Тизме:\n1. Биринчи.\n2. Экинчи;\n- үчүнчү\nжана төртүнчү. — деди ал.",
    "Маалымат Kabar..KG сайтында, www. Kabar.kg жана info@mail.kg. Error.Кийин",
    "Эл «Алга, Кыргызстан!» , — деп кыйкырышты. Баасы 1 кг. 80 сом. (12-б.) бүттү.",
    "Заседание вёл и. о. министра Асанов. Затем т. н. эксперт сказал: 1. да; 2. нет.",
    "Mr. Smith went to Washington D.C. on Jan. 5. He met Dr. Jones... 30 people came.",
    "Сүйлөмдөр.Жабышкан! Андан кийин…» деди. K° жана К». Ооба",
]


def _plan_by_rule(rules, text: str, pos: int) -> tuple:
    """What a plan must hold, read rule by rule: the checks, in order, whose ``after`` holds at
    ``pos``, up to and including the first without a ``before``; stripped of the ``after``
    the probe already decided."""
    kept = []
    for rule, check in zip(rules.rules, rules.checks, strict=True):
        if rule.after is not None and rule.after.match(text, pos) is None:
            continue
        kept.append(check._replace(after=None))
        if rule.before is None:
            break
    return tuple(kept)


def _first_that_may_end(plan, backwards: str, q: int) -> int | None:
    """The first check of a plan, read one by one, whose ``before`` may end at the candidate."""
    for i, check in enumerate(plan.checks):
        if check.before is None:
            return None
        if check.backward is None or check.backward(backwards, q) is not None:
            return i
    return None


def _sieve_pick(plan, backwards: str, q: int) -> int | None:
    assert plan.sieve is not None or _first_that_may_end(plan, backwards, q) is None
    found = plan.sieve(backwards, q) if plan.sieve is not None else None
    return None if found is None else plan.picks[found.lastindex]


def _probe_plans(rules, text: str) -> None:
    """At every position of ``text``: the probe answers rule by rule, each plan is the one read
    rule by rule, and its sieve picks the check that reading rule by rule does (asked twice,
    so a remembered plan is checked too)."""
    rules = dataclasses.replace(rules, sieve_after=1, _plans={}, _unsieved={})
    backwards, n = text[::-1], len(text)
    for pos in range(n + 1):
        holds = rules.after_probe(text, pos).groups()
        assert holds == tuple(
            "" if r.after.match(text, pos) else None for r in rules.rules if r.after is not None
        ), (text, pos)
        for _ in range(2):
            plan = rules.plan(holds)
            assert plan.checks == _plan_by_rule(rules, text, pos), (text, pos)
            assert _sieve_pick(plan, backwards, n - pos) == _first_that_may_end(
                plan, backwards, n - pos
            ), (text, pos)
            last = plan.checks[-1] if plan.checks else None
            assert plan.default == (last.brk if last and last.before is None else None)


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_a_plan_keeps_the_rules_that_can_decide_in_order_up_to_the_first_without_a_before(
    lang: str,
) -> None:
    rules = rules_for(lang)
    assert rules.after_probe is not None
    for text in PLAN_TEXTS:
        _probe_plans(rules, text)


def test_a_plan_of_a_few_rules_sieves_even_one() -> None:
    """Every prefix of the rule list, down to one rule with a ``before`` (one sieve branch)."""
    rules = rules_for("ky")
    for k in range(1, len(rules.rules) + 1):
        few = dataclasses.replace(rules, rules=rules.rules[:k], _plans={}, _unsieved={})
        for text in PLAN_TEXTS[:3]:
            _probe_plans(few, text)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(TAILS, st.sampled_from([". Ал", "! ал", ".\n1. ", " Х. "])), max_size=5))
def test_plans_of_any_text_are_the_rules_that_can_decide(pieces: list[str]) -> None:
    _probe_plans(rules_for("ky"), "".join(pieces))


def _rule(name: str, *, before: str | None, after: str | None, flags: int = 0) -> Rule:
    return Rule(
        name,
        brk=True,
        before=re.compile(f"{before}\\Z", flags) if before else None,
        after=re.compile(after, flags) if after else None,
        backward=_backward(before) if before else None,
    )


def test_a_probe_or_sieve_is_not_built_from_patterns_it_cannot_combine() -> None:
    """Groups of its own or flags would change a combined probe: then there is none, and the
    segmenter tries each rule in turn; a pattern that cannot be read backwards always may end
    at a candidate (an empty branch of the sieve); a backward pattern with groups of its own
    leaves a plan without a sieve."""
    rules = rules_for("common")
    plain = _rule("plain", before=r"\.", after=r"\s")
    grouped = _rule("grouped", before=None, after=r"(\s)")
    folded = _rule("folded", before=None, after=r"\s[a-z]", flags=re.IGNORECASE)
    backref = _rule("backref", before=r"(a)\1\.", after=None)
    assert backref.backward is None
    for after_rule in (grouped, folded):
        few = dataclasses.replace(rules, rules=(plain, after_rule), _plans={}, _unsieved={})
        assert few.after_probe is None, after_rule.name
    few = dataclasses.replace(rules, rules=(plain, backref, folded), _plans={}, sieve_after=1)
    plan = few.plan(("", ""))
    assert [c.brk for c in plan.checks] == [True, True, True] and plan.default is True
    assert _sieve_pick(plan, ".", 0) == 0
    assert _sieve_pick(plan, "x", 0) == 1
    numbered = dataclasses.replace(plain, backward=re.compile(r"(\.)"))
    one = dataclasses.replace(rules, rules=(numbered,), _plans={}, sieve_after=1)
    assert one.plan(("",)).sieve is None


def test_a_plan_is_sieved_from_its_sieve_after_th_time_on() -> None:
    """Before, its checks alone (tried in turn); then, the same checks with a sieve, kept."""
    rules = dataclasses.replace(rules_for("ky"), sieve_after=3, _plans={}, _unsieved={})
    holds = rules.after_probe("Ал келди. Биз", 9).groups()
    first, second, third, fourth = (rules.plan(holds) for _ in range(4))
    assert first.sieve is None and second.sieve is None and first.checks == second.checks
    assert third.sieve is not None and third.checks == first.checks and fourth is third
    assert first.default is third.default is True


def test_a_sieve_keeps_a_backward_pattern_case_and_ascii_flags() -> None:
    rules = rules_for("common")
    www = _rule("www", before=r"(?i)www\.", after=None)
    digit = _rule("digit", before=r"(?a)\d\.", after=None)
    same = _rule("same", before=r"(?i)www\.", after=None)
    few = dataclasses.replace(rules, rules=(www, same, digit), _plans={}, sieve_after=1)
    plan = few.plan(())
    assert plan.default is None and len(plan.checks) == 3
    assert _sieve_pick(plan, ".WWW", 0) == 0
    assert _sieve_pick(plan, ".1", 0) == 2
    assert _sieve_pick(plan, ".\u0661", 0) is None  # an Arabic-Indic digit


@pytest.mark.parametrize(
    "text",
    [
        "www.gov.kg сайтында",  # an address at the very start
        "www.kabar сайты",  # its only hint at the very start
        "@kabar эч нерсе",
        ".kg деген домен",
        "kabar.kg/www.x.kg жана https://24.kg, e-mail: a@b.kg",  # two hints in one run
        "Сайттар:kabar.kg,gov.kg  (akipress.org)жана\nwww.mfa.gov.kg",
        "Жок дарек: www жана kg. Бирок mail.ru!",
        "a.kg b.kg c.kg",
        "x.kgz www.",
    ],
)
def test_addresses_are_found_run_by_run_exactly_as_in_the_whole_text_wherever_they_stand(
    text: str,
) -> None:
    for lang in ("ky", "en"):
        rules = rules_for(lang)
        spans = [(m.start(), m.end()) for m in rules.addresses(text)]
        assert spans == [(m.start(), m.end()) for m in rules.urls.finditer(text)], text
        assert rules.without_addresses(text) == rules.urls.sub(" ", text), text
        assert rules.without_addresses(text) == rules.urls.sub(" ", text), text


def test_an_abbreviation_trie_has_no_group_it_does_not_need() -> None:
    """The trie of the docstring, written as the engine rejects it fastest: a group only where
    a word ends inside it or branches."""
    assert word_trie(["к", "кв", "кв.м", "кг", "км"]) == r"к(?:в(?:\.\s?м)?|г|м)?"
    assert word_trie(["ж.б"]) == r"ж\.\s?б"
    # From the end: read backwards (``regex_shape.backward``), a trie again.
    assert word_trie(["к", "кв", "кв.м", "кг", "км"], from_end=True) == (
        r"(?:кв|кг|к|(?:кв\.\s?|к)м)"
    )
    # each branch opens on a last letter
    assert _backward(word_trie(["ок", "кв.м", "км", "т"], from_end=True)).pattern == (
        r"(?:ко|м(?:(?:[\s]){0,1}\.в|)к|т)"
    )


def test_a_brace_that_names_no_macro_is_left_as_written() -> None:
    """``{2}`` in a rule is a repeat, not a macro: it stays in the compiled pattern."""
    (rule,) = [r for r in rules_for("common").rules if r.name == "script-change"]
    assert rule.after is not None and rule.after.pattern == "[A-Z][a-z]{2}"


def test_the_letter_classes_reach_the_last_letter_of_each_block_and_no_further() -> None:
    for script, inside, outside in (
        ("Latin", "\u024f\u1eff\u1e00zA", "\u0250\u1f00"),
        ("Greek", "\u03fb\u03b1", "\u1f00"),
        ("Cyrillic", "\u052f\u0400", "\u0531"),
    ):
        letters = re.compile(f"[{script_class(str.isalpha, (script,))}]")
        for char in inside:
            assert letters.fullmatch(char), (script, hex(ord(char)))
        for char in outside:
            assert not letters.fullmatch(char), (script, hex(ord(char)))


def test_the_rules_read_the_same_whatever_the_locale() -> None:
    """The rule files are UTF-8: a command under a C locale (ASCII) splits Kyrgyz as usual."""
    text = ascii("Ал келди. Бул жакшы.")  # the command line itself in ASCII
    code = f"from pressflow.segment import split_text; print(len(split_text({text})))"
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONCOERCECLOCALE": "0"}
    env.pop("PYTHONUTF8", None)
    done = subprocess.run(
        [sys.executable, "-X", "utf8=0", "-c", code], env=env, capture_output=True, text=True
    )
    assert (done.returncode, done.stdout.strip()) == (0, "2"), done.stderr[-300:]
