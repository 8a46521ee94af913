"""The names check on the spellings a translation really gives a name: a case ending that
changes its consonants (Жээнбековым, Анной), and a common word that is spelled like a name
(вера: faith) but written in lower case, which must not count as the name."""

from __future__ import annotations

import pytest

from test_qa_checks import one


@pytest.mark.parametrize(
    ("source", "ru"),
    [
        (
            "Президент Сооронбай Жээнбеков менен жолугушуу өттү.",
            "Прошла встреча с президентом Сооронбаем Жээнбековым.",
        ),
        ("Министр Анна Цой менен жолугушуу өттү.", "Прошла встреча с министром Анной Цой."),
    ],
)
def test_a_name_in_a_russian_case_form_is_found(source: str, ru: str) -> None:
    """The instrumental adds a consonant (-ым, -ой): the consonant outline differs, the stem
    does not; the name is there and there is no alarm. Dropped, it is one."""
    assert one(source, ru, "ru") == set()
    assert one(source, ru.split(" с ")[0] + ".", "ru") == {"names"}


def test_a_name_that_is_a_common_word_is_not_found_in_that_word_in_lower_case() -> None:
    """``Вера`` is a name and the word for faith: ``о вере`` is not Вера Ким."""
    source = "Жыйында Вера Ким ишеним тууралуу сүйлөдү."
    assert one(source, "На собрании Вера Ким говорила о вере.", "ru") == set()
    assert one(source, "На собрании говорили о вере.", "ru") == {"names"}
