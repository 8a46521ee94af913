"""Translations in the wrong entry, told by their anchors (figures, long words) when their
lengths say nothing: two neighbours of the same length exchanged."""

from __future__ import annotations

from pressflow.qa.registry import Context
from pressflow.qa.runner import run_checks
from pressflow.qa.units import Unit

ROWS = [
    ("2018-жылы Бишкекте 120 адам форумга катышты.",
     "In 2018, 120 people attended the forum in Bishkek."),
    ("2019-жылы Ошто 45 адам жыйынга келди.", "In 2019, 45 people came to the meeting in Osh."),
]  # fmt: skip


def exchanged(rows: list[tuple[str, str]]) -> list[int]:
    units = [Unit(s, t, line=i, index=i) for i, (s, t) in enumerate(rows)]
    found = run_checks(units, Context(lang="en", path="en.po"))
    return [p.line for p in found if p.check == "exchanged"]


def test_neighbours_of_the_same_length_exchanged_are_told_by_their_figures_and_names() -> None:
    assert exchanged(ROWS) == []
    (a, ta), (b, tb) = ROWS
    assert exchanged([(a, tb), (b, ta)]) == [0, 1]


# the sources name no place ("in the capital and around it", "in the south"); both translators do
WITNESSED = [
    ("Борбор шаарда жана анын жанында жаңы мектептер ачылды.",
     "New schools opened in Bishkek and Tokmok.", "Новые школы открылись в Бишкеке и Токмоке."),
    ("Түштүктө эки көпүрө курулду.", "Bridges were built in Batken and Isfana.",
     "Мосты построили в Баткене и Исфане."),
]  # fmt: skip


def found_with(rows: list[tuple[str, str, str]], *, witness: bool) -> list[tuple[str, int]]:
    """Alignment findings on the English, the Russian translations at hand with ``witness``."""
    units = [Unit(s, en, line=i, index=i) for i, (s, en, _) in enumerate(rows)]
    parallel = {"ru": {s: ru for s, _, ru in rows}} if witness else None
    found = run_checks(units, Context(lang="en", path="en.po", parallel=parallel))
    return [(p.check, p.line) for p in found if p.check in ("exchanged", "misplaced")]


def test_neighbours_exchanged_are_told_by_the_other_translation_when_the_source_cannot() -> None:
    assert found_with(WITNESSED, witness=True) == []
    (a, ea, ra), (b, eb, rb) = WITNESSED
    crossed = [(a, eb, ra), (b, ea, rb)]
    assert found_with(crossed, witness=False) == []  # the sources alone share nothing with either
    assert found_with(crossed, witness=True) == [("exchanged", 0), ("exchanged", 1)]


def test_a_translation_pasted_from_another_unit_is_caught_with_the_other_translation() -> None:
    rows = [
        ("Бишкекте жана Токмокто жаңы мектептер ачылды.",
         "New schools opened in Bishkek and Tokmok.", "Новые школы открылись в Бишкеке и Токмоке."),
        ("Жыйында бир нече маселе талкууланды.", "Several issues were discussed at the meeting.",
         "На встрече обсудили несколько вопросов."),
        ("Катышуучулар чечимди колдошту.", "The participants supported the decision.",
         "Участники поддержали решение."),
        ("Баткенде жана Исфанада көпүрөлөр курулду.", "Bridges were built in Batken and Isfana.",
         "Мосты построили в Баткене и Исфане."),
    ]  # fmt: skip
    assert found_with(rows, witness=True) == []
    pasted = [(rows[0][0], rows[3][1], rows[0][2]), *rows[1:]]  # unit 3's English in unit 0
    assert ("misplaced", 0) in found_with(pasted, witness=True)


def misplaced(rows: list[tuple[str, str]]) -> list[tuple[int, str]]:
    units = [Unit(s, t, line=i, index=i) for i, (s, t) in enumerate(rows)]
    found = run_checks(units, Context(lang="en", path="en.po"))
    return [(p.line, p.message) for p in found if p.check == "misplaced"]


# sources that share nothing a fit could read: no figure, no name, lengths alike
COPIED = [
    ("Жыйында бир нече маселе талкууланды.", "Several issues were discussed at the meeting."),
    ("Катышуучулар чечимди бир добуштан колдошту.", "The participants backed the decision."),
    ("Кийинки жолугушуу күзүндө болот.", "The next meeting will take place in autumn."),
    ("Сүрөт: пресс-кызмат", "Photo: press service"),
    ("Сүрөттө: пресс-кызмат", "Photo: press service"),  # a short credit line twice
    ("Жыйында бир нече маселелер талкууланды.", "Several issues were discussed at the meeting."),
]  # fmt: skip


def test_the_same_translation_of_two_sources_is_pasted_into_the_entry_that_fits_it_worse() -> None:
    # a short credit line, and one sentence whose source was typed twice, may repeat
    assert misplaced(COPIED) == []
    # the near miss: unit 0's translation pasted into unit 2, whose source it fits worse
    pasted = [*COPIED[:2], (COPIED[2][0], COPIED[0][1]), *COPIED[3:]]
    (line, message), *more = misplaced(pasted)
    assert (line, more) == (2, [])
    assert message.startswith("the same translation as unit ")


def test_a_copy_edited_since_is_still_a_copy() -> None:
    rows = [
        ("Министр жыйында 120 мектеп курулганын айтты.",
         "The minister told the meeting that 120 schools had been built."),
        ("Министр жыйында жаңы бюджетти сунуштады.",
         "The minister told the meeting about the new budget."),  # opens alike, no copy
        ("Кийинки жолугушуу күзүндө болот.", "The next meeting will take place in autumn."),
        ("Катышуучулар чечимди бир добуштан колдошту.", "The participants backed the decision."),
    ]  # fmt: skip
    assert misplaced(rows) == []
    # the near miss: unit 0's translation pasted into unit 2, a figure of it changed since
    edited = rows[0][1].replace("120", "130")
    (line, message), *more = misplaced([*rows[:2], (rows[2][0], edited), rows[3]])
    assert (line, more) == (2, [])
    assert message.startswith("the same translation as unit ")


# no figure, name or loanword to tell them by, and lengths alike: a quotation and a question
QUOTED = [
    ('"Биз бул жолу сөзсүз жеңебиз" – деди машыктыруучу.',
     '"We will surely win this time," the coach said.',
     "«На этот раз мы точно победим», — сказал тренер."),
    ("Эмне үчүн команда мынчалык көп жолу утулду?", "Why has the team lost so many times?",
     "Почему команда проиграла так много раз?"),
]  # fmt: skip


def test_neighbours_exchanged_are_told_by_their_quotation_marks_question_and_speaker() -> None:
    (a, ea, ra), (b, eb, rb) = QUOTED
    assert found_with(QUOTED, witness=True) == []
    crossed = [(a, eb, ra), (b, ea, rb)]
    assert found_with(crossed, witness=False) == [("exchanged", 0), ("exchanged", 1)]
    assert ("exchanged", 0) in found_with(crossed, witness=True)
    # the near miss: the quotation retold as reported speech, in its own entry, is no alarm
    retold = [(a, "The coach said that they would surely win this time.", ra), (b, eb, rb)]
    assert found_with(retold, witness=True) == []
    assert found_with(retold, witness=False) == []


def test_a_text_with_no_character_has_no_shape() -> None:
    """Nothing opens a quotation or a dash in an empty (or blank) text: ``"" in "«»"`` is true
    in Python, and a blank translation read as opening a quotation was judged unlike its
    source's shape."""
    from pressflow.qa.checks.alignment import _shape

    for text in ("", " ", "\u00a0\n"):
        assert _shape(text) == 0, repr(text)  # no feature's bit
    assert _shape("«Жок»") & 1 and _shape("— Жок") & 1  # opens a quotation, a dash
