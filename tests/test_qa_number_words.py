"""Numbers a translation spells out: which values a phrase offers the numbers check.

A translator writes 48 as «сорока восьми» or "forty-eight", 200 as "two hundred", 24 as "two
dozen"; the check must read those, and must not read more than is written: «в два-три раза» is
two or three, not five, and «столица» is no hundred.
"""

from __future__ import annotations

import pytest

from pressflow.qa.numbers import missing_numbers, number_words

PHRASES = [
    # tens and units are summed, and so is whatever fills the places a number leaves empty
    ("forty-eight", {40, 8, 48}),
    ("сто пять", {100, 5, 105}),
    ("сто двадцать пять", {100, 20, 5, 120, 125}),
    ("two hundred five", {2, 5, 100, 200, 205}),
    ("двадцать пять тысяч", {20, 5, 25, 1000, 25000}),
    ("сорока восьми", {40, 8, 48}),
    ("twenty-one", {20, 1, 21}),
    ("twenty-nine", {20, 9, 29}),
    # …but only tens and units: a range, a year read aloud
    ("в два-три раза", {2, 3}),
    ("twenty ten", {20, 10}),
    ("ten five", {10, 5}),
    ("двадцать полтора", {20, 1.5}),
    # hundreds, thousands, millions, billions and dozens are multiplied
    ("two hundred", {2, 100, 200}),
    ("три тысячи", {3, 1000, 3000}),
    ("two million", {2, 1e6, 2e6}),
    ("три миллиарда", {3, 1e9, 3e9}),
    ("two dozen", {2, 12, 24}),
    ("двух десятков", {2, 10, 20}),
    # a thousand and a hundred is eleven hundred, not a hundred thousand
    ("тысяча сто", {1000, 100, 1100}),
    ("сто тысяч", {100, 1000, 100000}),
    # a Russian stem: of four letters, any word it starts; of three, a word at most three longer
    ("двухэтажный", {2}),
    ("пятого", {5}),
    ("столицу", set()),
]


@pytest.mark.parametrize(("phrase", "values"), PHRASES)
def test_a_phrase_offers_the_numbers_it_spells(phrase: str, values: set[float]) -> None:
    assert number_words(phrase) == values


@pytest.mark.parametrize(
    ("source", "translation", "owed"),
    [
        ("48 адам келди.", "Пришли сорок восемь человек.", []),
        ("5 эсе өстү.", "Выросло в два-три раза.", ["5"]),
        ("2 кабаттуу үй салынды.", "Построен двухэтажный дом.", []),
        ("Жыйын 5-июлда өтөт.", "Собрание пройдёт пятого июля.", []),
        ("Шаарга 100 адам келди.", "В столицу приехали люди.", ["100"]),
        ("100 000 адам келди.", "Пришли тысяча сто человек.", ["100 000"]),
        ("105 адам келди.", "Пришли сто пять человек.", []),
        ("106 адам келди.", "Пришли сто пять человек.", ["106"]),
        ("2 025 адам келди.", "Пришли две тысячи двадцать пять человек.", []),
    ],
)
def test_a_spelled_number_pays_what_it_spells(source: str, translation: str, owed: list) -> None:
    assert missing_numbers(source, translation) == owed
