"""The names check on the spellings a translation really gives a name: a case ending that
changes its consonants (Жээнбековым, Анной), and a common word that is spelled like a name
(вера: faith) but written in lower case, which must not count as the name."""

from __future__ import annotations

import pytest

from pressflow.qa.checks.names import known_names, missing_names, names, targets_of, word_in
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


AMLO = "Мексиканын Президенти Андрес Мануэл Лопез Обрадор убада берди."
PLASCO = "Бул тууралуу Линси Пласко-Флаксман күйөөсүнө жазган."

# (what the translator did, source, translation): the name is there, in some spelling
FOUND = [
    ("initials in Latin", AMLO, "Mexico's AMLO made a promise."),
    ("initials in Cyrillic", AMLO, "АМЛО дал обещание."),
    ("initials of three words", "Америкалык активист Мартин Лютер Кинг 1963-жылы сүйлөгөн.",
     "American activist MLK spoke in 1963."),
    ("a short name losing its vowel to a case ending", "Балдар Торопой Пеппа мультфильмин көрүштү.",
     "Детям показали свинку Пеппу."),
    ("a double surname, the given name left out", PLASCO,
     "Mrs Plasco-Flaxman wrote this to her husband."),
    ("a title written in lower case",
     "Анын Лорд Коргоочу катары жетишкендиктери эскерүүгө татыктуу.",
     "Его достижения в качестве лорда-протектора заслуживают уважения."),
    ("a country by its English adjective",
     "Ага Шотландиянын Жарганаттарды сактоо уюму жардам берди.",
     "The Scottish Bat Conservation Trust helped him."),
    ("one letter of six spelt otherwise", "Испаниялык Серхио Гарсиа 25,5 упай топтоду.",
     "Spain's Sergio Garcia scored 25.5 points."),
    ("a surname of three letters", "Мэй Айымга Торини жактаган тараптар кошулду.",
     "Mrs May is joined by pro-Remain Tories."),
    ("a name in Latin letters given its Russian name", "Германия Nord Stream долбоорун колдоду.",
     "Германия поддержала «Северный поток»."),
]  # fmt: skip

# (what the translator did, source, translation, the name reported)
MISSING = [
    ("dropped, a name that looks like it kept", "Симпсон Уэйд Симсти атканын мойнуна алды.",
     "Симпсон признался, что стрелял.", "Уэйд Симсти"),
    ("misspelt, the given name left out", PLASCO,
     "Mrs Plabco-Flaxman wrote this to her husband.", "Линси Пласко-Флаксман"),
    ("replaced by the office in running text", AMLO, "The Mexican president made a promise.",
     "Андрес Мануэл Лопез Обрадор"),
    ("dropped, the nationality kept",
     "Биз жеңишти күтөбүз, деди Роберто Калзадилла, Боливиянын дипломаты.",
     "Мы ждём победы, — сказал боливийский дипломат.", "Роберто Калзадилла"),
    ("dropped after a one-word name", "Бүгүн Бишкекке канцлер Ангела Меркель келди.",
     "Сегодня в Бишкек приехала канцлер.", "Ангела Меркель"),
    ("dropped after a name Russian translates",
     "Германия Nord Stream долбоорун, канцлер Ангела Меркель аны колдоду.",
     "Германия и канцлер поддержали «Северный поток».", "Ангела Меркель"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("word", "translation", "found"),
    [
        ("Бирмингемдеги", "Peter Bone told the march in Birmingham that we would be out.", True),
        ("Уорсестершир", "В тюрьме Лонг-Лартин (Вустершир) с воскресенья продолжаются беспорядки.",
         True),
        ("Бичтин", "The attack occurred near Beacon's Beach in Encinitas.", True),
        ("Руждун", "The Baton Rouge Police Department announced the arrest.", True),
        ("Таундун", "Because of the structure and facilities at this club, it fits.", False),
    ],
)  # fmt: skip
def test_one_word_of_a_name_in_a_translation(word: str, translation: str, found: bool) -> None:
    """A name's word in the Kyrgyz case (Бирмингемде: in Birmingham) against the translation."""
    assert word_in(word, targets_of(translation)) is found


@pytest.mark.parametrize(
    ("source", "translation"), [c[1:] for c in FOUND], ids=[c[0] for c in FOUND]
)
def test_a_name_written_as_translators_write_it_is_found(source: str, translation: str) -> None:
    assert missing_names(source, translation) == []


@pytest.mark.parametrize(
    ("source", "translation", "name"), [c[1:] for c in MISSING], ids=[c[0] for c in MISSING]
)
def test_a_name_dropped_or_misspelt_is_reported(source: str, translation: str, name: str) -> None:
    assert [n.text for n in missing_names(source, translation)] == [name]


def test_a_headline_is_excused_only_by_the_office_just_before_the_name() -> None:
    """``Президент Садыр Жапаров`` may be "Президент" in a headline; a name with no office
    before it may not, even when the translation names some office."""
    for office, rendered in [("Президент", "Президент"), ("Өкмөт башчысы", "Глава правительства")]:
        source = f"{office} Адылбек Касымалиев жаштар менен жолукту."
        assert missing_names(source, f"{rendered} встретился с молодёжью", headline=True) == []
    # the office excuses its holder only, not the next name
    source = "Президент Садыр Жапаров жана Ангела Меркель жолугушту."
    found = missing_names(source, "Президент провёл встречу", headline=True)
    assert [n.text for n in found] == ["Ангела Меркель"]
    source = "Бишкекте Адылбек Касымалиев жаштар менен жолукту."
    found = missing_names(source, "Президент встретился с молодёжью в Бишкеке", headline=True)
    assert [n.text for n in found] == ["Адылбек Касымалиев"]


@pytest.mark.parametrize(
    ("source", "found"),
    [
        # common words and adjectives capitalised inside a name are translated, not names
        ("Жеңишти Даниялык Турбьёрн Олесен алды.", ["Турбьёрн Олесен"]),
        ("Жыйынга Бишкек Коомдук Кеңешинин мүчөлөрү келди.", ["Бишкек"]),
        ("Рейнжерс командасы Европа Лигасында ойнойт.", ["Европа"]),
        ("Команда Райдер Кубогунда жеңди.", ["Райдер"]),
        ("Бүгүн Элдин Үнү гезити чыкты.", []),
        # an acronym with a case ending is not title case
        ("Жыйынга КРнын Президенти Садыр Жапаров келди.", ["Садыр Жапаров"]),
        # a name that starts like a short common word (жок: no) is still a name
        ("Президент Жоко Видодо жекшембиде Палуга барат.", ["Жоко Видодо", "Палуга"]),
        # a surname in capitals, even a short one, but not an acronym
        ("Актёр Жан РЕНО бүгүн келди.", ["Жан РЕНО"]),
        ("Кытай жана Орусия БУУ тууралуу талкуулашты.", ["Орусия"]),
        ("Маекти КТРК Азамат Бекмуратов менен курду.", ["Азамат Бекмуратов"]),
    ],
)
def test_the_names_of_a_source(source: str, found: list[str]) -> None:
    assert [n.text for n in names(source)] == found


def test_a_one_word_name_introduced_in_full_is_required_when_asked() -> None:
    """With ``known`` (the release's full names), a later ``Жапаров`` alone is a name too."""
    later = "Бүгүн Жапаров жаштар менен жолукту."
    known = known_names(["Президент Садыр Жапаров бүгүн келди.", later])
    assert missing_names(later, "Сегодня он встретился с молодёжью.") == []
    assert [n.text for n in missing_names(later, "Сегодня он встретился.", known=known)] == [
        "Жапаров"
    ]
    assert missing_names(later, "Сегодня Жапаров встретился с молодёжью.", known=known) == []
