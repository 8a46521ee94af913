"""Protection markers and splitting for length limits."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressflow.glossary import Glossary, Term
from pressflow.mt.protect import (
    LostMarker,
    describe_lost,
    protect,
    restore,
    split_for_limit,
)

GLOSSARY = Glossary(
    "ky",
    (
        Term("ЖӨБ", {"ru": ("ОМСУ",), "en": ("LSG",)}),
        Term("Форум", {"ru": ("Форум",), "en": ("Forum",)}),
    ),
)


def test_numbers_dates_urls_emails_placeholders_become_markers():
    text = (
        "03.07.2018 09:29 <1>Форумга</1> 100 ЖӨБ катышты, https://lsg.kg/forum?id=5 "
        "жана info@lsg.kg <2/>."
    )
    p = protect(text, lang="ru", glossary=GLOSSARY)
    assert p.text == ("{0} {1} {2}Форум{3} {4} {5} катышты, {6} жана {7} {8}.")
    assert p.values == (
        "03.07.2018", "09:29", "<1>", "</1>", "100", "ОМСУ", "https://lsg.kg/forum?id=5",
        "info@lsg.kg", "<2/>",
    )  # fmt: skip
    assert p.kinds[5] == "term" and p.kinds[6] == "url" and p.kinds[7] == "email"


def test_glossary_phrase_goes_inline_in_the_target_language_with_its_case():
    p = protect("Форумда сүйлөштү.", lang="en", glossary=GLOSSARY)
    assert p.text == "Forum сүйлөштү."
    assert protect("Эртең форумга барабыз.", lang="en", glossary=GLOSSARY).text == (
        "Эртең forum барабыз."
    )


def test_restore_tolerates_spaces_and_full_width_braces():
    p = protect("2018-жылы 100 киши https://a.kg/ келди", lang="en")
    reply = "In { 0 }, ｛1｝ people came to {2 }"
    assert restore(reply, p) == "In 2018, 100 people came to https://a.kg/"


def test_a_lost_or_doubled_marker_is_refused_and_named():
    p = protect("2018-жылы 100 киши келди", lang="en")
    with pytest.raises(LostMarker, match=r"lost \{1\}"):
        restore("In {0} people came", p)
    with pytest.raises(LostMarker, match="repeated"):
        restore("In {0} {0} {1} people came", p)
    with pytest.raises(LostMarker, match="invented"):
        restore("In {0} {1} {7} people came", p)
    assert describe_lost("In {0} people came", p) == "number '100'"


def test_literal_braces_in_the_source_are_protected_too():
    p = protect("Код {x} жана {0}", lang="en")
    assert p.text == "Код {0} жана {1}"
    assert restore("Code {0} and {1}", p) == "Code {x} and {0}"


def test_nothing_to_translate():
    assert not protect("03.07.2018 09:29", lang="ru").translatable
    assert protect("2018-жыл", lang="ru").translatable


def test_split_prefers_sentences_then_clauses_and_joins_back():
    text = "Биринчи сүйлөм. Экинчи сүйлөм, узун бөлүгү менен; үчүнчү бөлүк. Акыркы!"
    pieces = split_for_limit(text, lambda t: len(t) < 30)
    assert all(len(p.text) < 30 for p in pieces)
    assert pieces[0].text == "Биринчи сүйлөм."
    assert "".join(p.text + p.space for p in pieces) == text


def test_split_never_cuts_a_marker():
    text = "{0}" + "ж" * 40 + "{1}{2}{3}"
    pieces = split_for_limit(text, lambda t: len(t) < 12)
    joined = "".join(p.text + p.space for p in pieces)
    assert joined == text
    for piece in pieces:
        assert piece.text.count("{") == piece.text.count("}")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.text(alphabet="абвгдеңөү {}.,;!?0123456789 \n", min_size=1, max_size=30),
        min_size=1,
        max_size=12,
    ),
    st.integers(min_value=8, max_value=60),
)
def test_split_round_trips(parts, limit):
    text = " ".join(parts)
    pieces = split_for_limit(text, lambda t: len(t) < limit)
    assert "".join(p.text + p.space for p in pieces) == text
    assert all(len(p.text) < limit for p in pieces)


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet="Кыргызча сөз 0123456789.,:-/<>{}@ https://w.kg ｛｝", max_size=80))
def test_protect_then_restore_is_identity(text):
    p = protect(text, lang="ru")
    assert restore(p.text, p) == text
    assert len(p.values) == len(set(re.findall(r"\{(\d+)\}", p.text)))


def test_thousands_split_by_spaces_are_one_number():
    p = protect("Бюджет 1 250 000,5 сом, 2018 100 киши", lang="en")
    assert p.text == "Бюджет {0} сом, {1} {2} киши"
    assert p.values == ("1 250 000,5", "2018", "100")
