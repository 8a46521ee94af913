"""Abbreviations written with spaces after their inner dots (``б. з. ч.``, ``м. а.``), and dotted
runs that end in a letter which is an abbreviation on its own (the ``с.`` of ``ж.б.у.с.``).

Single-letter spaced abbreviations are protected by other rules too; these are the cases where
only the abbreviation lists (an inner dot matching ``. ``) decide.
"""

from __future__ import annotations

import pytest

from pressflow.segment import split_text


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
