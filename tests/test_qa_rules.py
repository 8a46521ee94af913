"""QA rules on whole tables, not one example: every month in each language, names of short words.

A check tested on one month or on long names only lets a bug through for the rest: December
left out of the month comparison raises a false error on every correct December date, and a
name made only of short words (``Анна Цой``) is where a length condition goes wrong.
"""

from __future__ import annotations

import pytest

from pressflow.qa.months import month_of
from test_qa_checks import one

# The twelve months: Kyrgyz locative (14-июлда), Russian genitive (14 июля), English.
KY = ("январда", "февралда", "мартта", "апрелде", "майда", "июнда", "июлда", "августта",
      "сентябрда", "октябрда", "ноябрда", "декабрда")  # fmt: skip
RU = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
      "октября", "ноября", "декабря")  # fmt: skip
EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December")  # fmt: skip
MONTHS = list(range(1, 13))


@pytest.mark.parametrize("month", MONTHS)
def test_every_month_is_read_in_every_language(month: int) -> None:
    i = month - 1
    words = (KY[i], KY[i].capitalize(), RU[i], RU[i].upper(), EN[i], EN[i].lower())
    assert [month_of(w) for w in words] == [month] * len(words)
    if len(EN[i]) > 4:  # Sept. and the three-letter forms
        assert month_of(EN[i][:3] + ".") == month


@pytest.mark.parametrize("month", MONTHS)
def test_a_correct_date_passes_and_the_next_month_is_an_error(month: int) -> None:
    i, wrong = month - 1, month % 12
    source = f"Жыйын 14-{KY[i]} өтөт."
    assert one(source, f"Собрание пройдёт 14 {RU[i]}.", "ru") == set()
    assert one(source, f"The meeting is on {EN[i]} 14.", "en") == set()
    assert one(source, f"Собрание пройдёт 14 {RU[wrong]}.", "ru") == {"dates"}
    assert one(source, f"The meeting is on {EN[wrong]} 14.", "en") == {"dates"}


@pytest.mark.parametrize("month", MONTHS)
def test_a_full_date_with_the_year_passes_in_both_languages(month: int) -> None:
    i = month - 1
    source = f"Мыйзам 2023-жылдын 5-{KY[i]} кабыл алынган."
    assert one(source, f"Закон принят 5 {RU[i]} 2023 года.", "ru") == set()
    assert one(source, f"The law was adopted on {EN[i]} 5, 2023.", "en") == set()


SHORT_NAMES = [
    # (source, ru kept, en kept)
    (
        "Жыйынды Анна Цой ачты.",
        "Собрание открыла Анна Цой.",
        "The meeting was opened by Anna Tsoi.",
    ),
    ("Сөздү Анна Цой алды.", "Слово взяла Анна Цой.", "Anna Tsoi took the floor."),
]


@pytest.mark.parametrize(("source", "ru", "en"), SHORT_NAMES)
def test_a_name_of_short_words_kept_is_no_alarm_and_dropped_is_one(
    source: str, ru: str, en: str
) -> None:
    assert one(source, ru, "ru") == set()
    assert one(source, en, "en") == set()
    assert one(source, ru.replace("Анна Цой", "она"), "ru") == {"names"}
    assert one(source, en.replace("Anna Tsoi", "she"), "en") == {"names"}
