"""Errors the checks catch by reading the unit as a press translator writes it: a weekday kept
in a title, a weekday changed into another the source also names. Each case has its good
translation, which must pass."""

from __future__ import annotations

from pressflow.model import Problem
from pressflow.qa.crosslang import attribute_to_source, is_source_problem
from pressflow.qa.registry import Context
from pressflow.qa.runner import run_checks
from pressflow.qa.units import Unit


def found(
    source: str, translation: str, lang: str = "en", other: str = "", *, title: bool = False
) -> set[str]:
    """The codes the checks report on one unit, beside the other translation if given."""
    witness = {"ru" if lang == "en" else "en": {source: other}} if other else None
    ctx = Context(lang=lang, path=f"{lang}.po", parallel=witness)
    unit = Unit(source, translation, line=3, extracted="title" if title else "paragraph")
    return {p.check for p in run_checks([unit], ctx)}


def test_a_weekday_in_a_title_is_read_unless_the_title_is_kept_from_elsewhere() -> None:
    source = "Премьер-министр гезитке маек берди."
    russian = "Премьер-министр дал интервью газете Sunday Times."
    assert "dates" not in found(
        source, "The prime minister spoke to the Sunday Times.", other=russian
    )
    assert "dates" in found(source, "The prime minister spoke to the Monday Times.", other=russian)
    # the source spells the title out in Cyrillic
    source = "Премьер-министр Санди Таймс гезитине маек берди."
    assert "dates" not in found(source, "The prime minister spoke to the Sunday Times.")
    assert "dates" in found(source, "The prime minister spoke to the Friday Times.")
    # a Russian translation may keep an English title too, a weekday in it read alike
    source = "Премьер-министр гезитке маек берди."
    assert "dates" in found(source, "Премьер-министр дал интервью Friday Times.", lang="ru")


def test_a_weekday_of_the_source_changed_into_another_it_also_names() -> None:
    source = "Жыйын шейшемби күнү башталып, шаршемби күнү бүтөт."
    assert "dates" not in found(source, "The meeting opens on Tuesday and closes on Wednesday.")
    assert "dates" in found(source, "The meeting opens on Tuesday and closes on Tuesday.")
    # жума is a week as often as Friday: only «жума күнү» must be there
    source = "Жыйын ушул жумада шейшемби күнү өтөт."
    assert "dates" not in found(source, "The meeting is on Tuesday this week.")
    # a day named by an adjective (за пятничное поражение)
    source = "Жума күнү утулган команда ишемби күнү жеңди."
    good = "Проигравшая в пятничном матче команда победила в субботу."
    assert "dates" not in found(source, good, lang="ru")
    assert "dates" in found(source, good.replace("в субботу", "в воскресенье"), lang="ru")


def test_a_sentence_cut_after_a_possessive_or_a_contracted_auxiliary() -> None:
    source = "Ал өзүнүн жаңы альбомун кийинки жумада жарыялай турганын айтты."
    assert "final-punctuation" in found(source, "He said he would announce his.")
    assert "final-punctuation" in found(source, "He said that next week they've.")
    assert "final-punctuation" not in found(source, "He said he would announce his album.")
    # a possessive 's may end a sentence: at his mother's (house)
    assert "final-punctuation" not in found(source, "He said they would stay at his mother's.")


def test_degrees_are_converted_or_kept_not_changed() -> None:
    source = "Шаар 80 градуска чейин жылыйт."
    assert "numbers" not in found(source, "The city could reach 80 degrees.")
    assert "numbers" not in found(source, "The city could reach 27 degrees.")  # 26.7 °C
    assert "numbers" in found(source, "The city could reach 60 degrees.")
    # a difference of 10 °F is 5.6 °C
    source = "Бул орточодон 10 градуска жогору."
    assert "numbers" not in found(source, "Это на 5,5 градуса выше среднего.", lang="ru")
    assert "numbers" in found(source, "Это на 70 градусов выше среднего.", lang="ru")


def test_a_score_of_one_figure_twice_keeps_it_twice() -> None:
    source = "Командалар 2-2 эсеп менен тең чыгышты."
    assert "numbers" not in found(source, "Команды сыграли вничью 2:2.", lang="ru")
    assert "numbers" not in found(source, "The teams drew 2-2.")
    assert "numbers" in found(source, "The teams drew 2-5.")
    assert "numbers" in found(source, "Команды сыграли вничью 0:2.", lang="ru")


def test_a_dates_day_the_source_gives_as_a_word_is_read_by_the_other_translation() -> None:
    source = "Сот биринчи октябрда өкүм чыгарат."
    russian = "Суд вынесет решение 1 октября."
    assert "dates" not in found(source, "The court will rule on 1 October.", other=russian)
    assert "dates" in found(source, "The court will rule on 18 October.", other=russian)
    assert "dates" not in found(source, "The court will rule on 18 October.")  # nothing to tell
    # the source's own figure is enough, whatever the other translation says
    source = "Сот 1-октябрда өкүм чыгарат."
    assert "dates" not in found(source, "The court will rule on 1 October.", other="В октябре.")


def test_a_translation_below_half_the_source_is_short_whatever_the_other_says() -> None:
    """The other translation may have lost its own half: far below the source alone is enough."""
    source = (
        "Министр ишемби күнү Бишкекте өткөн жыйында өлкөнүн экономикасы быйыл беш пайызга "
        "өсөрүн жана бюджет толук аткарыларын айтты."
    )
    cut = "Министр сказал на встрече в Бишкеке."  # the witness cut as well
    assert "length-ratio" in found(source, "The minister told a meeting in Bishkek.", other=cut)
    fair = "The minister told a meeting in Bishkek on Saturday that the economy would grow."
    assert "length-ratio" not in found(source, fair, other=cut)
    # a headline compresses more: below FLOOR only
    source = "Министр экономиканын өсүшү жана бюджеттин аткарылышы тууралуу маалымат берди"
    cut = "Министр о росте"
    assert "length-ratio" in found(source, "Minister on growth", other=cut, title=True)
    fair = "Minister briefs on growth and budget"
    assert "length-ratio" not in found(source, fair, other=cut, title=True)


def _attributed(source: str, translations: dict[str, str]) -> list[Problem]:
    """Every language's findings on one unit, those all translations share put on the source."""
    problems = []
    for lang, text in translations.items():
        ctx = Context(lang=lang, path=f"{lang}.po")
        problems += run_checks([Unit(source, text, line=3)], ctx, slug="r")
    texts = {("r", lang, source): text for lang, text in translations.items()}
    return attribute_to_source(problems, list(translations), texts)


def test_a_weekday_the_source_names_is_no_correction_the_translations_share() -> None:
    """Both translations lose the score's 5 and name the source's own Saturday: that is no
    value they agree on against the source, so the lost figure stays their error; where both
    write another figure instead, the source is the likelier culprit."""
    source = "Команда ишемби күнү 5-3 эсеби менен жеңди."
    lost = {"ru": "Команда победила в субботу со счётом 9-3.", "en": "The team won -3 on Saturday."}
    problems = _attributed(source, lost)
    assert any(p.check == "numbers" and not is_source_problem(p) for p in problems)
    both = {
        "ru": "Команда победила в субботу со счётом 6-3.",
        "en": "The team won 6-3 on Saturday.",
    }
    problems = _attributed(source, both)
    assert all(is_source_problem(p) for p in problems if p.check == "numbers")


def test_a_weekday_every_translation_moves_is_not_lost() -> None:
    """Saturday in the source, Sunday in both translations (a time zone): not one translator's
    change; the same change in one translation alone is."""
    source = "Азыр ишемби күнү эртең менен, биз аны жекшемби күнү чечебиз."
    russian = "Там уже воскресенье, утро, а решим мы это в воскресенье."
    assert "dates" not in found(source, "It is Sunday morning there; we will decide on Sunday.",
                                other=russian)  # fmt: skip
    english = "It is Saturday morning there; we will decide on Sunday."
    assert "dates" in found(source, russian, lang="ru", other=english)


def test_a_clock_times_minutes_changed_from_the_sources() -> None:
    """11:00 asks for 11 alone (zero minutes need not be written): 11:04 kept the hour."""
    source = "Полиция саат 11:00дө маалымат жыйын өткөрдү."
    assert "numbers" not in found(source, "Police held a news conference at 11:00.")
    assert "numbers" not in found(source, "Police held a news conference at 11 a.m.")
    assert "numbers" in found(source, "Police held a news conference at 11:04.")
    # a decimal is no clock time
    source = "Баасы 3.25 сомго жетти, саат 9:30да жарыяланды."
    assert "numbers" not in found(source, "The price reached 3.25 soms, announced at 9:30.")


def _messages(source: str, translation: str) -> list[str]:
    ctx = Context(lang="ru", path="ru.po")
    return [p.message for p in run_checks([Unit(source, translation, line=3)], ctx)]


def test_a_figure_deleted_from_russian_leaves_its_unit_or_range_stranded() -> None:
    """Where the source's figure is not the translation's (miles converted to km, a range), a
    deleted figure is seen by what it leaves: до км/ч, -й категории, от до, в :00."""
    source = "Бороон 1-категорияга жетти, шамалдын ылдамдыгы саатына 85 миль."
    good = "Циклон достиг 1-й категории, ветер до 135 км/ч."
    assert _messages(source, good) == []
    assert _messages(source, good.replace("135 ", "")) == [
        "'км/ч' in the translation has lost its figure"
    ]
    assert "'-й' in the translation has lost its figure" in _messages(
        source.replace("1-категорияга", "биринчи категорияга"), good.replace("1-й", "-й")
    )
    source = "Айып пул 2 000 сомдон 5 000 сомго чейин болот."
    good = "Штраф составит от 2 000 до 5 000 сомов."
    assert _messages(source, good) == []
    assert _messages(source, good.replace("2 000 ", "")) == [
        "'от до' in the translation has lost its figure"
    ]
    source = "Участоктор эртең мененки сегизде ачылат."
    assert _messages(source, "Участки откроются в 8:00 утра.") == []
    assert _messages(source, "Участки откроются в :00 утра.") == [
        "':00' in the translation has lost its figure"
    ]


def test_a_unit_counted_by_a_word_or_a_hanging_hyphen_is_no_lost_figure() -> None:
    source = "Айыл шаардан бир нече чакырым алыс жайгашкан."
    for good in (
        "Село находится в нескольких км от города.",
        "Село находится в паре км от города.",
    ):
        assert _messages(source, good) == []
    source = "Шаарда 5 жана 7 кабаттуу үйлөр курулат."
    assert _messages(source, "В городе построят 5- и 7-этажные дома.") == []
