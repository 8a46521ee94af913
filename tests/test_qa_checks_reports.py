"""What each check reports, word for word, and the cases at the edge of its rule: completeness,
placeholders, e-mail addresses, dates, currencies, text left untranslated, final punctuation,
spacing, length, doubled words, glossary terms and negation."""

from __future__ import annotations

import pytest

from pressflow.glossary import load_glossary
from pressflow.model import Release
from pressflow.qa import CHECKS
from pressflow.qa.registry import Context
from pressflow.qa.runner import run_checks
from pressflow.qa.units import Unit
from test_qa_checks import ROOT

GLOSSARY = load_glossary(ROOT / "glossary.tsv")

LONG_KY = "Форумдун уюштуруучулары Швейцария ушул тапта жардам көрсөтүп келатканын белгилешет."


def said(
    source: str, translation: str, lang: str = "en", code: str = "", **unit: object
) -> list[str]:
    """The messages of one unit (of the check ``code``, or of every check)."""
    ctx = Context(lang=lang, glossary=GLOSSARY, path=f"{lang}.po")
    units = [Unit(source, translation, line=1, **unit)]  # type: ignore[arg-type]
    found = run_checks(units, ctx, enabled=tuple(CHECKS))
    return [p.message for p in found if not code or p.check == code]


def test_completeness_messages() -> None:
    units = [
        Unit("Бир.", "", line=1, index=0),
        Unit("Эки.", "Два.", line=2, fuzzy=True, index=1),
        Unit("Үч.", "Три.", line=3, fuzzy=True, comment="mt: google", index=2),
    ]
    found = run_checks(units, Context(lang="ru", path="ru.po"))
    assert [p.message for p in found] == [
        "not translated yet",
        "fuzzy: review the translation and remove the fuzzy flag",
        "machine translation not reviewed yet",
    ]


def test_a_placeholder_dropped_with_every_mark_of_markup() -> None:
    assert said("<1>Бишкек</1> шаары.", "The city of Bishkek.", code="placeholders") == [
        "placeholder missing or changed in the translation: </1>, <1>"
    ]


@pytest.mark.parametrize(
    ("translation", "expected"),
    [
        ("The city of <1>Bishkek</1> and <1>Osh</1>.", []),
        ("The city of </1>Bishkek<1> and <1>Osh</1>.", ["placeholder <1> closes before it opens"]),
        ("The city of <1>Bishkek</1> and </1>Osh<1>.", []),  # the first pair decides
    ],
)
def test_paired_placeholders_open_before_they_close(translation: str, expected: list[str]) -> None:
    assert said("<1>Бишкек</1> жана <1>Ош</1> шаарлары.", translation) == expected


def test_an_email_address_dropped_from_the_translation() -> None:
    assert said("Суроолор: info@ex.kg.", "Questions are welcome.") == [
        "e-mail address missing or changed in the translation: info@ex.kg"
    ]


@pytest.mark.parametrize(
    "source",
    [
        "3-июлда жыйын болот.",  # the day before the month, at the text's start
        "Жыйын июль 2018-жылы болот.",  # the year after it
    ],
)
def test_the_month_of_a_date_dropped_from_the_translation(source: str) -> None:
    assert said(source, "The meeting is on the 3rd, 2018.", code="dates") == [
        "month 7 of a date is missing in the translation"
    ]


def test_every_lost_figure_month_and_weekday_is_named() -> None:
    assert said("Жыйынга 100 адам 20 мүнөттө келди.", "People came.", code="numbers") == [
        "number(s) missing in the translation: 100, 20"
    ]
    assert said("Жыйын болот.", "The meeting is in June or July.", code="dates") == [
        "the translation names month 6, 7, the source does not"
    ]
    assert said("Жыйын болот.", "The meeting is on Monday or Tuesday.", code="dates") == [
        "the translation names weekday 1, 2, the source does not"
    ]


@pytest.mark.parametrize(
    ("source", "translation", "expected"),
    [
        # a dollar equivalent added beside the som is no change, a euro one is
        ("Баасы 100 сом.", "The price is 100 soms ($1.15).", []),
        ("Баасы 100 сом.", "The price is 100 soms (€0.95).", ["source -, translation euro"]),
        (
            "Баасы 14% жана 100 сом өстү.",
            "It rose by 14 and 100.",
            ["source percent, som, translation -"],
        ),
        # the source names no currency: the translation's own figure is not judged
        ("Баасы эки эсе өстү.", "Prices doubled, up 100%.", []),
    ],
)
def test_currency_changes(source: str, translation: str, expected: list[str]) -> None:
    found = said(source, translation, code="currency")
    assert found == [f"currency or percent changed: {e}" for e in expected]


@pytest.mark.parametrize(
    ("source", "lang", "kept"),
    [
        ("Бишкекте жыйын болот.", "ru", True),  # three words: a sentence
        ("Бүгүн жыйын.", "ru", True),  # two words, one with a Kyrgyz letter
        ("Асан Усенов", "ru", False),  # a name stays as it is in Russian
        ("Асан Усенов", "en_GB", True),  # but not in a Latin-script language
    ],
)
def test_a_translation_equal_to_the_source(source: str, lang: str, kept: bool) -> None:
    found = said(source, source, lang, code="untranslated-text")
    assert found == (["the translation is the Kyrgyz source, untranslated"] if kept else [])


def test_cyrillic_in_a_regional_english() -> None:
    assert said("Бүгүн кала берүүгө болбойт.", "Today we cannot кала.", "en_GB") == [
        "Cyrillic text in the translation: кала"
    ]


def test_untranslated_words_are_listed_five_at_most() -> None:
    english = "Today а б в г д е stay."
    assert said("Бүгүн кала берүүгө болбойт.", english, code="untranslated-text") == [
        "Cyrillic text in the translation: а б в г д"
    ]
    russian = "Сегодня өнүгүү, үй, күн, түн, бөлүм, көл обсуждали."
    assert said("Бүгүн өнүгүү талкууланды.", russian, "ru", code="untranslated-text") == [
        "Kyrgyz letters in the translation: бөлүм күн көл түн үй"
    ]


def test_kyrgyz_function_words_left_in_russian() -> None:
    source = "Министр жана депутаттар менен жолугушту."
    assert said(source, "Министр встретился жана с депутатами менен.", "ru") == [
        "Kyrgyz words in the translation: жана менен"
    ]
    assert said(source, "Министр встретился жана с депутатами.", "ru") == []  # one: a name?


def test_kyrgyz_letters_are_judged_in_russian_only() -> None:
    # Kazakh writes ө ү ң too
    assert said("Бүгүн өнүгүү талкууланды.", "Бүгін дамуды талқылады, өнүгүү.", "kk") == []


def test_a_name_with_its_kyrgyz_ending_is_judged_in_reviewed_units_only() -> None:
    ctx = Context(lang="ru", path="ru.po")

    def forms(units: list[Unit]) -> list[tuple[int, str]]:
        return [(p.line, p.message) for p in run_checks(units, ctx) if p.check == "kyrgyz-form"]

    first = Unit("Трамп келди.", "Трамп приехал.", line=1, index=0)
    copied = ("Трамптын жана Ирандын сөзү угулду.", "Слова Трамптын и Ирандын услышали.")
    assert forms([first, Unit("Иран.", "", line=2, index=1), Unit(*copied, line=3, index=2)]) == [
        (3, "a name left with its Kyrgyz ending: Трамптын Ирандын")
    ]
    assert forms([first, Unit(*copied, line=3, fuzzy=True, index=1)]) == []


@pytest.mark.parametrize(
    ("source", "translation", "lang", "extracted"),
    [
        # a heading may drop its question mark
        ("Форум эртең Бишкектеги мейманканада өтөбү?", "Will the forum take place", "en", "title"),
        # a source with no final punctuation asks for none
        ("Форумдун катышуучулары", "The participants of the forum are the following", "en", ""),
        # one sentence of about the source's length: a full stop dropped, not text
        (LONG_KY, "The organisers of the Forum note that Switzerland helps a lot now", "en", ""),
        # no measured bound for German: a short translation is not judged cut short
        (LONG_KY, "Die Organisatoren des Forums sagen", "de", ""),
    ],
)
def test_final_punctuation_left_alone(
    source: str, translation: str, lang: str, extracted: str
) -> None:
    assert said(source, translation, lang, "final-punctuation", extracted=extracted) == []


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        ("Форум эртең өтөбү?", "Will the forum happen"),  # four words are enough to judge
        ("Форум эртең өтөт. Ага 100 адам катышат.", "The forum is tomorrow. 100 people attend"),
        (LONG_KY, "The organisers of the Forum note that Switzerland"),  # cut short
    ],
)
def test_final_punctuation_lost(source: str, translation: str) -> None:
    assert said(source, translation, code="final-punctuation") == [
        f"the source ends with {source[-1]!r}, the translation has no final punctuation"
    ]


@pytest.mark.parametrize(
    ("source", "translation", "lang", "word"),
    [
        ("Машина үйгө кирип кетти.", "Машина врезалась в.", "ru", "в"),
        ("Машина үйгө кирип кетти.", "A car crashed into the.", "en", "the"),
        ("Рэпер атын өзгөртүүдө.", "Rapper Kanye West is changing their.", "en", "their"),
        ("Алар эртеге чейин күтүштү.", "They waited until.", "en", "until"),
        ("Бул ушундай болду.", "Так случилось, что мы не.", "ru", "не"),
        ("Министр Ошко барды.", "The minister travelled to.", "en", "to"),
        ("Министр Ошко барды.", "The minister travelled to Osh as.", "en", "as"),
        ("Министр Ошко барды.", "Министр рассказал о том.", "ru", "том"),
        # a clause opened and left, though each word alone may end a sentence
        ("Министр Ошко барды.", "Министр сообщил, что.", "ru", ", что"),
        ("Министр Ошко барды.", "То есть я — это.", "ru", "— это"),
        ("Министр Ошко барды.", "В Оше проживает самая.", "ru", "самая"),
        ("Министр Ошко барды.", "Это путь, на котором.", "ru", "котором"),
        ("Министр Ошко барды.", "When they landed in Osh, they.", "en", ", they"),
        ("Министр Ошко барды.", 'I said, "Tashi, I.', "en", ", I"),
        ("Министр Ошко барды.", "The minister was tired but it.", "en", "but it"),
        ("Министр Ошко барды.", "Police issued a report Friday, saying.", "en", ", saying"),
    ],
)
def test_a_translation_that_stops_on_a_word_no_sentence_ends_on(
    source: str, translation: str, lang: str, word: str
) -> None:
    assert said(source, translation, lang, "final-punctuation") == [
        f"the translation stops on {word!r}: something may be missing"
    ]


@pytest.mark.parametrize(
    ("translation", "lang"),
    [
        ("Машина врезалась в дом.", "ru"),
        ("Это не то, кто мы такие.", "ru"),  # такие, a pronoun, may end a sentence
        ("Residents will be allowed back in.", "en"),  # a particle may too
        ("The invention that bears his name lives on.", "en"),
        ("He said he would.", "en"),  # an elliptical sentence may end on an auxiliary
        ("Не знаю, где.", "ru"),
        ("Оказалось, что нет.", "ru"),  # нет may end one, не may not
        ("They waited until dawn.", "en"),
        ("Machines crashed into the house in 2018.", "en"),
        ("The minister travelled to Osh as planned.", "en"),
        ("Министр рассказал о том, что видел.", "ru"),
        ("Не знаю что.", "ru"),  # что without a clause to open
        ("Я сделал это.", "ru"),  # это, the object
        ("They did it, and so did we.", "en"),  # an auxiliary before the pronoun: elliptical
        ("He is taller than I.", "en"),
        ("Nobody expected it.", "en"),
    ],
)
def test_a_sentence_may_end_on_a_particle_or_a_pronoun(translation: str, lang: str) -> None:
    assert said("Машина үйгө кирип кетти.", translation, lang, "final-punctuation") == []


def test_spacing_messages_and_what_the_source_already_has() -> None:
    assert said("Форум өтөт.", "The  forum is held.", code="double-space") == [
        "doubled space in the translation"
    ]
    assert said("Форум  өтөт.", "The  forum is held.", code="double-space") == []
    assert said("Форум өтөт.", " The forum is held.", code="whitespace") == [
        "leading or trailing whitespace differs from the source"
    ]
    assert said(" Форум өтөт.", " The forum is held.", code="whitespace") == []


@pytest.mark.parametrize(
    ("source", "translation", "lang", "extracted", "expected"),
    [
        (LONG_KY, "The organisers say Switzerland helps.", "en", "", ["45% …missing"]),
        (LONG_KY, "The organisers of the Forum note that Swiss aid.", "en", "", ["58% …missing"]),
        (LONG_KY, "The organisers of the Forum note that Swiss aid.", "de", "", []),
        (LONG_KY, "Die Organisatoren sagen es.", "de", "", ["33% …missing"]),
        (LONG_KY, "Thanks.", "en", "heading", []),
        # sixty characters are long enough to judge, fifty-nine are not
        ("Форумдун уюштуруучулары Швейцарияга ыраазычылык билдиришкен.", "Thanks.", "en", "",
         ["12% …missing"]),
        ("Форумдун уюштуруучулары Швейцарияга ыраазычылык билдиришет.", "Thanks.", "en", "", []),
    ],
)  # fmt: skip
def test_length_ratio(
    source: str, translation: str, lang: str, extracted: str, expected: list[str]
) -> None:
    found = said(source, translation, lang, "length-ratio", extracted=extracted)
    expected = [
        f"the translation is {e.split()[0]} of the source's length: something may be missing"
        for e in expected
    ]
    assert found == expected


def test_doubled_words_are_listed_three_at_most_and_the_sources_own_are_kept() -> None:
    assert said("Ал келди.", "Он в в город на на день и и по по делу.", "ru", "doubled-word") == [
        "word written twice: в на и"
    ]
    # a place name doubled in the source too (Walla Walla)
    assert said("Ал Уолла Уолла шаарында.", "Он в городе Уолла Уолла.", "ru", "doubled-word") == []


def test_every_glossary_term_of_a_unit_is_judged() -> None:
    # ЖӨБ органдары rendered, ЖӨБ inside it judged by it, КР missing
    assert said("КРдагы ЖӨБ органдары жыйналды.", "LSG bodies of the country met.") == [
        "glossary: 'КР' should be translated as KR | Kyrgyz Republic"
    ]
    both = "ЖӨБ органдары мамлекеттик саясатты талкуулашты."
    assert said(both, "Local authorities discussed state policy.") == [
        "glossary: 'ЖӨБ органдары' should be translated as LSG bodies | local self-government"
        " bodies | local government bodies | LSGs"
    ]


def with_russian(source: str, english: str, russian: str, code: str) -> list[str]:
    """The messages of ``code`` on one English unit, the Russian translation at hand."""
    ctx = Context(lang="en", path="en.po", parallel={"ru": {source: russian}})
    return [p.message for p in run_checks([Unit(source, english, line=1)], ctx) if p.check == code]


def test_a_percent_lost_beside_one_of_two_figures() -> None:
    source = "Катышуу 16 пайызга жетти, 2016-жылы 34 пайыз болгон."
    russian = "Явка составила 16 процентов, в 2016 году 34 процента."
    good = "Turnout reached 16 percent, against 34 percent in 2016."
    assert with_russian(source, good, russian, "currency") == []
    bad = "Turnout reached 16, against 34 percent in 2016."
    assert with_russian(source, bad, russian, "currency") == [
        "currency or percent changed: source percent, translation -"
    ]


def test_a_currency_both_translations_name_is_the_sources() -> None:
    # both translators read the figure as euros: the source's own word was misread by the
    # pattern, not by them; where the Russian keeps the som, the English euro is the error
    source = "Баасы 100 сом болот."
    english = "The price is 100 euros."
    assert with_russian(source, english, "Цена 100 евро.", "currency") == []
    assert with_russian(source, english, "Цена 100 сомов.", "currency") == [
        "currency or percent changed: source som, translation euro"
    ]


def test_negation_counted_against_the_other_translation() -> None:
    source = "Министр бүгүн келген жок."
    english = "The minister did not come today and did not call."
    # the Russian negates twice too: the source does, in a way the pattern did not count
    assert with_russian(source, english, "Министр не приехал и не позвонил.", "negation") == []
    assert with_russian(source, english, "Министр сегодня не приехал.", "negation") == [
        "the translation negates 2 times ('not'), the source 1"
    ]


def test_negation_with_another_translation_that_lacks_the_unit() -> None:
    ctx = Context(lang="en", path="en.po", parallel={"ru": {}})
    units = [Unit("Министр келди.", "The minister did not come.", line=1)]
    assert [p.message for p in run_checks(units, ctx, enabled=("negation",))] == [
        "the translation negates ('not'), the source does not"
    ]


@pytest.mark.parametrize(
    ("extracted", "expected"),
    [
        (
            "paragraph\npressflow: not Kyrgyz:   an  English   quote",
            "not Kyrgyz (an English quote)",
        ),
        ("paragraph\npressflow: not Kyrgyz", "not Kyrgyz"),
    ],
)
def test_a_unit_marked_not_kyrgyz_says_why(extracted: str, expected: str) -> None:
    found = said("Text", "", code="foreign-text", extracted=extracted)
    assert found == [f"source problem: {expected}"]


def repeated_titles(units: list[Unit], release: Release | None = None) -> list[tuple[int, str]]:
    ctx = Context(lang="en", path="en.po", release=release)
    return [(p.line, p.message) for p in run_checks(units, ctx) if p.check == "title-repeated"]


REPEATED = "source problem: the title is repeated as a unit of the text"


def test_the_title_repeated_as_a_paragraph() -> None:
    units = [
        Unit("Бишкекте форум өттү.", "A forum took place.", line=1, extracted="paragraph"),
        Unit("Форум өттү", "Forum held", line=2, extracted="title", references=(("r.txt", "1"),)),
        Unit("Форум өттү", "Forum held", line=3, extracted="paragraph"),
    ]
    assert repeated_titles(units) == [(3, REPEATED)]


def test_the_release_title_is_the_title_entry_and_elsewhere_a_repetition() -> None:
    release = Release("r", "r.txt", "ky", "Форум өттү", ())
    title = Unit("Форум өттү", "Forum held", line=1, references=(("r.txt", "1"),))
    assert repeated_titles([title], release) == []
    twice = Unit("Форум өттү", "Forum held", line=1, references=(("r.txt", "1"), ("r.txt", "5")))
    assert repeated_titles([twice], release) == [(1, REPEATED)]
