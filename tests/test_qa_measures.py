"""Numbers with units of measure: a translator may convert them (inches to centimetres, miles to
kilometres, Fahrenheit to Celsius), and the numbers check must tell a conversion from a figure
lost. The table pins each way a number may be kept, converted or owed."""

from __future__ import annotations

import pytest

from pressflow.qa.numbers import _readings, missing_numbers

CASES = [
    # (source, translation, owed): the unit after the number, converted or kept
    ("Экрандын өлчөмү 10 дюйм.", "Размер экрана 25 см.", []),
    ("Экрандын өлчөмү 10 дюйм.", "Размер экрана 10 дюймов.", []),
    ("Экрандын өлчөмү 10 дюйм.", "Размер экрана 12 дюймов.", ["10"]),  # the unit kept: owed
    ("Экрандын өлчөмү 10 дюйм.", "Экран большой.", ["10"]),  # no number at all
    ("Аралык 45 миль.", "The distance is 72 km.", []),
    ("Аралык 45 миль.", "The distance is 40 miles.", ["45"]),
    ("Салмагы 100 фунт.", "Вес 45 кг.", []),
    ("Салмагы 100 фунт.", "Вес 90 фунтов.", ["100"]),
    ("Бийиктиги 20 фут.", "Высота 6 метров.", []),
    ("Бийиктиги 20 фут.", "Высота 18 футов.", ["20"]),
    # a bracketed equivalent may be left out
    ("Экрандын өлчөмү 10 дюйм (25 см).", "The screen is 10 inches.", []),
    # degrees: Fahrenheit and Celsius share the word
    ("Аба ырайы 80 градуска жетет.", "Температура достигнет 27 градусов.", []),
    # a bare number of the source given converted into the unit the translation writes
    ("Аралык 45ке жетти.", "Расстояние достигло 72 км.", []),
    ("Аралык 45ке жетти.", "Расстояние достигло 80 км.", ["45"]),
    ("Бийиктиги 100гө жетти.", "The height reached 328 feet.", []),
    ("Бийиктиги 100гө жетти.", "The height reached 30 metres.", []),
    ("Бийиктиги 100гө жетти.", "The height reached 40 metres.", ["100"]),
    ("Салмагы 100гө жетти.", "Вес достиг 45 кг.", []),
    ("Салмагы 45ке жетти.", "The weight reached 99 pounds.", []),
    ("Узундугу 10го жетти.", "Длина достигла 25 см.", []),
    ("Узундугу 25ке жетти.", "The length reached 10 inches.", []),
    ("Аралык 72ге жетти.", "The distance reached 45 miles.", []),
    ("Аралык 100гө жетти.", "The distance reached 109 yards.", []),
    ("Аба ырайы 27ге жетет.", "The temperature will reach 80 degrees.", []),
    # the unit not named at all: taken as converted, whatever the figure (a number is there)
    ("Экрандын өлчөмү 10 дюйм.", "Размер экрана 30 см.", []),
    ("Экрандын өлчөмү 10 дюйм.", "Размер экрана двадцать пять сантиметров.", []),
    # a decade, a Latin name, an afternoon hour
    ("1990-жылдары экономика өстү.", "В 90-е годы экономика росла.", []),
    ("1995-жылы экономика өстү.", "В 95-м экономика росла.", ["1995"]),
    ("Маалыматты 247Sports басылмасы жазды.", "Об этом написало спортивное издание.", []),
    ("Жыйын түшкү 3тө башталат.", "Собрание начнётся в 15:00.", []),
    ("Жыйын түшкү 3тө башталат.", "Собрание начнётся в 16:00.", ["3"]),
    ("Жыйын эртең менен 3тө башталат.", "Собрание начнётся в 15:00.", ["3"]),
    # a rough bracketed equivalent left out, though its unit is named for another figure
    (
        "(Бишкек) Экрандын диагоналы 10 дюйм (30 см), калыңдыгы 2 см.",
        "The screen is 10 inches across and 2 cm thick.",
        [],
    ),
    # degrees: any figure (Fahrenheit or Celsius); a bare figure must convert within half a degree
    ("Аба ырайы 80 градуска жетет.", "Температура достигнет 30 градусов.", []),
    (
        "Октябрда аба ырайы 80ге чейин жетет.",
        "В октябре температура достигнет 28 градусов.",
        ["80"],
    ),
    # every number is looked at: one excused does not excuse the next
    ("1990-жылдары 45 адам келди.", "В 90-е годы пришли 72 человека.", ["45"]),
    ("Маалыматты 247Sports жана 45 адам жазды.", "Об этом написали 72 человека.", ["45"]),
    ("Жыйын түшкү 3тө, 45 адам менен.", "Собрание в 15:00, с 72 людьми.", ["45"]),
    ("Экрандын өлчөмү 10 дюйм, 45 адам.", "Размер экрана 25 см, 72 человека.", ["45"]),
    ("Аралык 45ке жетти, 30 адам келди.", "Расстояние достигло 72 км, пришли 20 человек.", ["30"]),
    ("5 адам келди, 5 адам кетти.", "Пришли и ушли люди.", ["5"]),  # owed once
    ("10 адам келди, 45 адам кетти.", "Пришли 10 человек, ушли 72.", ["45"]),
    # bracketed means only digits between the bracket and the number, the bracket before it
    ("Экрандын өлчөмү 10 дюйм (25 см).", "The screen is 12 inches.", ["10"]),
    ("(25 см) экрандын калыңдыгы.", "(30 cm) is the thickness of the screen.", []),
    ("10 дюйм экран.", "A 12 inch screen.", ["10"]),
    ("(Бишкек) Экран 10 дюйм.", "(Bishkek) The screen is 12 inches.", ["10"]),
    ("Экран 20 дюйм (51см), калыңдыгы 3 см.", "The screen is big and 3 cm thick.", []),
    # the translation's unit is the one right after its number, wherever that stands
    ("Аралык 45ке жетти.", "Расстояние достигло «72 км».", []),
    # a bare figure converted: within half a unit or 1% (212 °F is 100 °C)
    ("Температура 212ге жетти.", "Температура достигла 101 градуса.", []),
    ("Температура 212ге жетти.", "Температура достигла 102 градусов.", ["212"]),
    # a year written whole pays its decade; 12 and 24 o'clock pay midnight, no other hour does
    ("90-жылдары экономика өстү.", "In the 1990s the economy grew.", []),
    ("90-жылдары экономика өстү.", "In the 1980s the economy grew.", ["90"]),
    ("50 адам келди.", "Пришли 150 человек.", ["50"]),  # only a year pays its last two digits
    # …a year from 1900 to 2099, its first and last included
    ("Көпүрө 00-жылы курулган.", "The bridge was built in 1900.", []),
    ("Көпүрө 99-жылы курулган.", "The bridge was built in 2099.", []),
    ("Көпүрө 00-жылы курулган.", "The bridge was built in 2100.", ["00"]),
    ("Көпүрө 99-жылы курулган.", "The bridge was built in 1899.", ["99"]),
    # a magnitude word, whole (bn) or inflected (миңден), scales the number before it
    ("Бюджет 5 млрд сом.", "The budget is 5 bn soms.", []),
    ("Бюджет 5 млн сом.", "The budget is 5 bn soms.", ["5"]),
    ("Жыйынга 5 миңден ашык адам келди.", "На собрание пришло более 5000 человек.", []),
    # p.m. adds the afternoon hour to the figure, it does not replace it
    ("Концерт 9 p.m. башталат.", "Концерт начнётся в 9 вечера.", []),
    ("Жыйын саат 0:00дө башталат.", "Собрание начнётся в 12 часов ночи.", []),
    ("Жыйын саат 0:00дө башталат.", "Собрание начнётся в 24 часа.", []),
    ("Жыйын саат 0:00дө башталат.", "The meeting starts at 9 p.m.", ["0:00"]),
]


@pytest.mark.parametrize(("source", "translation", "owed"), CASES)
def test_a_measure_is_kept_converted_or_owed(source: str, translation: str, owed: list) -> None:
    assert missing_numbers(source, translation) == owed


@pytest.mark.parametrize(
    ("token", "readings"),
    [
        ("1\u00a0000\u00a0000", [{1000000}]),  # thousands grouped by spaces
        ("12.03.2021", [{12}, {3}, {2021}]),  # a date: each component
        ("09:29", [{9}, {29}]),  # a time
        ("21:00", [{21}]),  # zero minutes need not be written (9 p.m.)
        ("00:30", [{0}, {30}]),  # but a zero hour is an hour
        ("3:1", [{3}, {1}]),  # a score
        ("5", [{5}]),
        ("1,000,000", [{1000000}]),
        ("1.500", [{1500, 1.5}]),  # thousands or a decimal: both readings
        ("1.000", [{1000}]),  # but nobody writes 1.0 as 1.000 (350,000 is never 350)
        ("1,5", [{1.5}]),
        ("1,234.5", [{1234.5}]),
        ("1.234.567,89", [{1234567.89}]),
        ("1.2.3", [{1}, {2}, {3}]),  # a version or a list: each component alone
        ("1,23,456", [{1}, {23}, {456}]),
    ],
)
def test_a_number_is_read_in_every_way_it_may_be_meant(token: str, readings: list) -> None:
    assert _readings(token) == readings
