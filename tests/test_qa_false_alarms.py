"""Behaviour added to keep the checks quiet on good human translations without missing errors."""

from __future__ import annotations

from pressflow.glossary import Glossary, Term
from pressflow.model import Problem
from pressflow.qa.checks.names import missing_names
from pressflow.qa.crosslang import attribute_to_source, is_source_problem
from pressflow.qa.numbers import missing_numbers
from pressflow.qa.registry import Context
from pressflow.qa.runner import run_checks
from pressflow.qa.units import Unit

YEAR = "Бүгүнкү күндөн 136 жыл мурун, 1982-жылы 30-сентябрда физик төрөлгөн."


def _number_problems(translations: dict[str, str], msgid: str = YEAR) -> list[Problem]:
    found = []
    for lang, text in translations.items():
        ctx = Context(lang=lang, path=f"{lang}.po")
        found += run_checks([Unit(msgid, text, line=3)], ctx, slug="r")
    return found


def _texts(translations: dict[str, str], msgid: str = YEAR) -> dict[tuple[str, str, str], str]:
    return {("r", lang, msgid): text for lang, text in translations.items()}


def test_a_fact_every_translation_corrects_is_a_source_problem() -> None:
    both = {
        "ru": "30 сентября 1882 года, 136 лет назад, родился физик.",
        "en": "September 30, 1882, 136 years ago, the physicist was born.",
    }
    found = attribute_to_source(_number_problems(both), ["ru", "en"], _texts(both))
    assert [p.check for p in found] == ["numbers", "numbers"]
    assert all(is_source_problem(p) and p.severity == "warning" for p in found)
    assert all("source problem?" in p.message for p in found)


def test_a_number_dropped_from_every_translation_is_still_their_error() -> None:
    # nothing written instead: machine translation dropping 1982 twice, not a typo in the source
    both = {"ru": "136 лет назад, 30 сентября, родился физик.", "en": "136 years ago on 30 Sept."}
    found = attribute_to_source(_number_problems(both), ["ru", "en"], _texts(both))
    assert found and not any(is_source_problem(p) for p in found)
    assert {p.severity for p in found if p.check == "numbers"} == {"error"}


def test_one_language_alone_is_never_attributed_to_the_source() -> None:
    one = {"ru": "30 сентября 1882 года, 136 лет назад, родился физик."}
    found = attribute_to_source(_number_problems(one), ["ru", "en"], _texts(one))
    assert found and not any(is_source_problem(p) for p in found)


def test_source_checks_are_marked_as_source_problems() -> None:
    ctx = Context(lang="ru", path="ru.po")
    found = run_checks([Unit("Белгилешет.Error. Page cannot be displayed.", index=0)], ctx)
    assert [p.check for p in found if is_source_problem(p)] == ["foreign-text"]


def test_a_headline_may_name_a_person_by_office() -> None:
    source = "Мексиканын Президенти Андрес Мануэл Лопез Обрадор убада берди."
    assert missing_names(source, "Президент Мексики обещает", headline=True) == []
    # in running text, and when the office is not named either, the name is still required
    assert missing_names(source, "Президент Мексики обещает")
    assert missing_names(source, "Мексика обещает", headline=True)


def test_a_height_in_feet_and_inches() -> None:
    assert missing_numbers("Бою 6,6 фут болгон", "A 6-foot-6 junior") == []
    assert missing_numbers("Бою 6,6 фут болгон", "A 6-foot-5 junior") == ["6,6"]


def test_a_glossary_symbol_is_found_against_its_number() -> None:
    term = Term("пайыз", {"ru": ("процент", "%"), "en": ("percent", "%")})
    ctx = Context(lang="ru", glossary=Glossary("ky", (term,)), path="ru.po")
    good = Unit("Аризонанын 40 пайызы кургак.", "Более 40% территории Аризоны.", line=3)
    bad = Unit("Аризонанын 40 пайызы кургак.", "Более 40 долей территории Аризоны.", line=3)
    assert run_checks([good], ctx) == []
    # the currency check sees the percent lost as well
    assert [p.check for p in run_checks([bad], ctx)] == ["currency", "glossary"]


def test_a_measure_converted_into_the_translations_unit() -> None:
    # the Kyrgyz keeps the original's Fahrenheit figure bare; the translator writes Celsius
    source = "Октябрда аба ырайы 80ге чейин жетет."
    assert missing_numbers(source, "В октябре температура достигнет 27 градусов.") == []
    assert missing_numbers(source, "В октябре температура достигнет 29 градусов.") == ["80"]
    # a bare number of the translation is no conversion: 45 miles is 72 km, not "72 people"
    assert missing_numbers("45 адам келди.", "Пришли 72 человека.") == ["45"]


def test_glossary_variant_syntax_expands_alternatives_and_options() -> None:
    from pressflow.glossary import expand

    assert expand("(LSG|local self-government) bodies|LSGs") == (
        "LSG bodies",
        "local self-government bodies",
        "LSGs",
    )
    assert expand("Union of LSGs[ of the (KR|Kyrgyz Republic)]") == (
        "Union of LSGs of the KR",
        "Union of LSGs of the Kyrgyz Republic",
        "Union of LSGs",
    )


def test_a_negation_another_translation_shares_is_the_sources() -> None:
    # «Баасы кымбат» (the price is high) read as "not cheap" by both translators: the English
    # negation is corroborated by the Russian one, so the source must mean it
    source = "Министрдин айтымында, баасы кымбат."
    english = "According to the minister, the price is not cheap."

    def found(russian: str | None) -> set[str]:
        parallel = {"ru": {source: russian}} if russian is not None else None
        ctx = Context(lang="en", path="en.po", parallel=parallel)
        return {
            p.check for p in run_checks([Unit(source, english, line=3)], ctx, enabled=["negation"])
        }

    assert "negation" in found(None)  # alone, it alarms
    assert "negation" not in found("По словам министра, цена не низкая.")
    # the near miss: the Russian translation affirms, so the English "not" reversed the source
    assert "negation" in found("По словам министра, цена высокая.")


def _negation(source: str, english: str, russian: str | None) -> bool:
    parallel = {"ru": {source: russian}} if russian is not None else None
    ctx = Context(lang="en", path="en.po", parallel=parallel)
    units = [Unit(source, english, line=3)]
    return any(p.check == "negation" for p in run_checks(units, ctx, enabled=["negation"]))


def test_a_privative_rendered_with_not_beside_a_russian_that_negates_too() -> None:
    # beside another translation the source's privative (-сыз) is not counted: the Russian
    # не- word speaks for it, as the source alone did before
    source = "Ал өзүн күнөөсүз деп жарыялады."
    english = "He declared himself not guilty."
    assert not _negation(source, english, None)
    assert not _negation(source, english, "Он заявил о своей невиновности.")
    # the near miss: a "not" the Russian does not share reverses the statement
    assert _negation(source, "He did not declare himself guilty.", "Он признал себя виновным.")


def test_a_russian_ne_word_for_an_english_prefix_excuses_no_not() -> None:
    # «необоснованное» renders "unfounded": the English's own un- word explains it, so it does
    # not vouch for a "not" that the source (негизсиз: a privative, no sure negation) lacks
    source = "Бул негизсиз айыптоо жалган."
    russian = "Это необоснованное обвинение ложно."
    assert not _negation(source, "This unfounded accusation is false.", russian)
    assert _negation(source, "This unfounded accusation is not false.", russian)
    # the near miss: an English "not" that the Russian не- word renders (not founded,
    # необоснованно) with no affixed negative beside it is vouched for
    assert not _negation("Бул айыптоо негизсиз.", "This accusation is not founded.",
                         "Это обвинение необоснованно.")  # fmt: skip


def test_an_affirming_ne_word_vouches_for_no_not() -> None:
    # немало (a lot) and несмотря (despite) start like a negation and affirm
    source = "Анын көп баатырлары бар болчу."
    assert _negation(source, "He had not many heroes.", "У него было немало героев.")
    assert not _negation(source, "He had many heroes.", "У него было немало героев.")


def test_a_stem_that_only_looks_negative_excuses_no_not() -> None:
    # коопсуздук (security) and программасын (its programme) end like negated verbs: with the
    # Russian at hand they are not counted, and a "not" neither translation shares is caught
    source = "Министр коопсуздук программасын бекитти."
    russian = "Министр утвердил программу безопасности."
    assert not _negation(source, "The minister approved the security programme.", russian)
    assert _negation(source, "The minister did not approve the security programme.", russian)
    # alone, the source's look-alikes are still read as possible negations (no alarm)
    assert not _negation(source, "The minister did not approve the security programme.", None)


def test_russian_bez_does_not_vouch_for_an_english_not() -> None:
    # «без» renders "without" (or a Kyrgyz privative), never an English "not"
    source, russian = "Жыйын көйгөйсүз өттү.", "Встреча прошла без проблем."
    assert not _negation(source, "The meeting went without problems.", russian)
    assert _negation(source, "The meeting did not go well.", russian)
    # a Russian не does vouch for it: the source meant a negation the pattern missed
    assert not _negation(source, "The meeting did not go badly.", "Встреча прошла неплохо.")
