"""What the text checks say, word for word, and where their rules stop: links and addresses,
the source's own problems, final punctuation, Cyrillic left in English, a currency's figure."""

from __future__ import annotations

import pytest

from pressflow.qa import CHECKS
from pressflow.qa.checks.numbers import value_units
from pressflow.qa.registry import Context
from pressflow.qa.runner import run_checks
from pressflow.qa.units import Unit


def messages(source: str, translation: str, lang: str = "en", code: str = "") -> list[str]:
    """The messages one unit raises (of the check ``code``, or of every check)."""
    ctx = Context(lang=lang, path=f"{lang}.po")
    found = run_checks([Unit(source, translation, line=1)], ctx, enabled=tuple(CHECKS))
    return [p.message for p in found if not code or p.check == code]


def test_every_lost_url_is_named_and_an_added_one_too() -> None:
    source = "Кара: https://ex.kg/a жана https://ex.kg/b."
    assert messages(source, "See the site.", code="urls") == [
        "URL missing or changed in the translation: https://ex.kg/a, https://ex.kg/b"
    ]
    added = "The meeting took place, see https://ex.kg/a and https://ex.kg/b."
    assert messages("Жыйын өттү.", added) == [
        "URL not in the source: https://ex.kg/a, https://ex.kg/b"
    ]


@pytest.mark.parametrize("altered", ["www.ex.com", "WWW.EX.COM"])
def test_a_url_without_a_scheme_is_checked_too(altered: str) -> None:
    source = "Толук маалымат: www.ex.kg."
    assert messages(source, "Details: www.ex.kg.") == []
    assert messages(source, f"Details: {altered}.") == [
        "URL missing or changed in the translation: www.ex.kg",
        f"URL not in the source: {altered}",
    ]


@pytest.mark.parametrize(
    "translation",
    ["Подробности (https://ex.kg/a)", "Подробности: https://ex.kg/a!", "См. https://ex.kg/a"],
)
def test_the_punctuation_after_a_url_is_not_part_of_it(translation: str) -> None:
    assert messages("Толук маалымат: https://ex.kg/a.", translation, "ru") == []


def test_an_email_address_added_by_the_translation() -> None:
    assert messages("Жыйын өттү.", "The meeting took place; write to a@ex.kg.") == [
        "e-mail address not in the source: a@ex.kg"
    ]


def test_foreign_text_says_whether_it_is_glued_and_quotes_its_start() -> None:
    glued = "Белгилешет.Error. Page cannot be displayed. Please try again later."
    assert messages(glued, "", code="foreign-text") == [
        "source problem: the Kyrgyz text ends with text in another script glued without a"
        " space: Error. Page cannot be displayed. Please …"
    ]
    spaced = "Белгилешет. Error page."
    assert messages(spaced, "", code="foreign-text") == [
        "source problem: the Kyrgyz text ends with text in another script: Error page.…"
    ]


def test_a_kyrgyz_sentence_that_opens_with_a_latin_acronym_is_not_foreign_text() -> None:
    source = "Долбоорду USAID каржылайт. USAID 2010-жылдан бери иштейт."
    assert messages(source, "", code="foreign-text") == []


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        # the source's question mark inside its closing quote
        (
            "Ал: «Форум эртең Бишкектеги мейманканада өтөбү?»",
            "He asked: «Will the forum take place tomorrow at a hotel in Bishkek»",
        ),
        # a trailing space on both sides (no whitespace warning) hides nothing
        (
            "Форум эртең Бишкектеги мейманканада өтөбү? ",
            "Will the forum take place tomorrow at a hotel in Bishkek ",
        ),
    ],
)
def test_a_lost_question_mark_is_found_behind_quotes_and_spaces(
    source: str, translation: str
) -> None:
    assert messages(source, translation) == [
        "the source ends with '?', the translation has no final punctuation"
    ]


def test_cyrillic_left_in_english_is_quoted_once_in_lower_case() -> None:
    assert messages("Бүгүн кала берүүгө болбойт.", "Today we cannot Кала, кала.") == [
        "Cyrillic text in the translation: кала"
    ]


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("5 сом", {"som"}),  # the figure is the text's first character
        ("14%", {"percent"}),
        ("$26,750", {"dollar"}),
        # "within a few words": sixteen characters between the figure and the currency
        ("2018-жылы, ошондо, доллар", {"dollar"}),
        ("2018-жылы ошондо да доллар", set()),  # seventeen
        ("доллардын курсу ошол 2018", {"dollar"}),
        ("доллардын курсу, ошол 2018", set()),
    ],
)
def test_a_currency_is_a_figures_within_sixteen_characters(text: str, units: set[str]) -> None:
    assert value_units(text) == units


def test_a_currency_lost_beside_a_figure_at_the_start() -> None:
    assert messages("5 сом айып салынат.", "A fine of 5 dollars is imposed.", code="currency") == [
        "currency or percent changed: source som, translation dollar"
    ]


def test_a_word_that_starts_like_a_currency_is_none() -> None:
    # Европа is no euro, Уэльсом no som, a pound's weight (фунт салмак, a 550 pound hog) no money
    assert value_units("2017-жылы Европада, Уэльсом 5 раз") == set()
    assert value_units("550 фунт салмактагы чочко") == set()
    assert value_units("the 550 pound hog") == set()
    assert value_units("5 евро, 6 фунт стерлинг") == {"euro", "pound"}
