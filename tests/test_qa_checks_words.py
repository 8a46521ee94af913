"""Checks that judge words: a name spelt two ways in one release, a name left with its Kyrgyz
case ending, a glossary term. Each case is a release a translator could hand in."""

from __future__ import annotations

import pytest

from pressflow.glossary import load_glossary
from pressflow.qa import CHECKS
from pressflow.qa.registry import Context
from pressflow.qa.runner import run_checks
from pressflow.qa.units import Unit
from test_qa_checks import ROOT

GLOSSARY = load_glossary(ROOT / "glossary.tsv")


def findings(rows: list[tuple[str, str]], lang: str, code: str) -> list[tuple[int, str]]:
    """(line, message) of the check ``code`` on a release of (source, translation) units."""
    ctx = Context(lang=lang, glossary=GLOSSARY, path=f"{lang}.po")
    units = [
        Unit(s, t, line=i + 1, index=i, references=(("r.txt", str(i)),))
        for i, (s, t) in enumerate(rows)
    ]
    return [
        (p.line, p.message)
        for p in run_checks(units, ctx, enabled=tuple(CHECKS))
        if p.check == code
    ]


def spelling(rows: list[tuple[str, str]], lang: str) -> list[tuple[int, str]]:
    return findings(rows, lang, "name-spelling")


def _said(name: str, times: int, then: str = "") -> list[tuple[str, str]]:
    """``times`` units that name Уоррен (Warren) as ``name``, and one more as ``then``."""
    rows = [("Уоррен келди.", f"Then {name} came.")] * times
    return rows + ([("Уоррен сөзүн бүтүрдү.", f"Then {then} ended.")] if then else [])


def test_the_rarer_spelling_is_reported_with_the_commoner_one() -> None:
    rows = [("Трамп келди.", "Then Trump came."), ("Трамп сүйлөдү.", "Then Trump spoke.")]
    rows.append(("Трамп кетти.", "Then Trunp left."))  # a five-letter name, one letter off
    assert spelling(rows, "en") == [(3, "name spelt two ways in this release: Trunp (trump…)")]


def test_two_spellings_as_common_as_each_other_are_both_reported() -> None:
    assert spelling(_said("Warren", 1, "Waren"), "en") == [
        (1, "name spelt two ways in this release: Warren (waren…)"),
        (2, "name spelt two ways in this release: Waren (warren…)"),
    ]


def test_an_english_possessive_is_the_name() -> None:
    assert spelling(_said("Warren", 2, "Warren's speech"), "en") == []
    assert spelling(_said("Warren", 2, "Waren's speech"), "en") == [
        (3, "name spelt two ways in this release: Waren's (warren…)")
    ]


def test_russian_case_forms_are_the_name() -> None:
    rows = [("Уорренди көрдүк.", "Мы видели Уоррена."), ("Уорренди уктук.", "Мы слышали Уоррена.")]
    assert spelling([*rows, ("Уорренге айттык.", "Мы сказали Уоррену.")], "ru") == []
    assert spelling([*rows, ("Уорренге айттык.", "Мы сказали Уорену.")], "ru") == [
        (3, "name spelt two ways in this release: Уорену (уоррен…)")
    ]
    # a five-letter name and its case form (Ирина, Ирине) are one name
    rows = [("Ирина келди.", "Приехала Ирина."), ("Ирина сүйлөдү.", "Слово предоставили Ирине.")]
    assert spelling(rows, "ru") == []
    # a case ending is cut only where four letters remain: Орлов is not Орл + ов
    rows = [("Орлов келди.", "Приехал Орлов."), ("Орлов сүйлөдү.", "Выступил Орлов.")]
    assert spelling([*rows, ("Орлов кетти.", "Уехал Орлав.")], "ru") == [
        (3, "name spelt two ways in this release: Орлав (орлов…)")
    ]


def test_a_four_letter_name_one_letter_off() -> None:
    rows = [("Ванн келди.", "Приехал Ванн."), ("Ванн сүйлөдү.", "Выступил Ванн.")]
    assert spelling([*rows, ("Ванн кетти.", "Уехал Ванн.")], "ru") == []
    assert spelling([*rows, ("Ванн кетти.", "Уехал Вамн.")], "ru") == [
        (3, "name spelt two ways in this release: Вамн (ванн…)")
    ]
    # a case form the stemmer leaves whole (Юань, Юаня: too short to cut) is the same name
    rows = [("Юань келди.", "Пришел Юань."), ("Юандын иши.", "Дело Юаня.")]
    assert spelling(rows, "ru") == []


def test_a_word_and_its_longer_form_are_not_two_spellings() -> None:
    # Кремле and Кремль: the soft sign makes one stem a prefix of the other
    rows = [
        ("Жолугушуу Кремлде өттү.", "Встреча прошла в Кремле."),
        ("Бул тууралуу Кремлден билдиришти.", "Об этом сообщил Кремль."),
    ]
    assert spelling(rows, "ru") == []


def test_a_name_with_its_last_letter_typed_twice_is_spelt_two_ways() -> None:
    # a prefix of the other, but by a doubled last letter: not a case form (Кремл, Кремль)
    rows = [
        ("Хиллсборо округунда суу тазаланды.", "В округе Хиллсборо очистили воду."),
        ("Хиллсборого жаңы мектеп курулат.", "В Хиллсборо построят новую школу."),
    ]
    assert spelling(rows, "ru") == []
    doubled = [rows[0], (rows[1][0], "В Хиллсбороо построят новую школу.")]
    assert spelling(doubled, "ru") == [
        (1, "name spelt two ways in this release: Хиллсборо (хиллсбороо…)"),
        (2, "name spelt two ways in this release: Хиллсбороо (хиллсборо…)"),
    ]


def test_the_source_name_is_recognised_in_any_of_its_case_forms() -> None:
    rows = [
        ("Сенатор Уоррен сөз сүйлөдү.", "Then Senator Warren spoke."),
        ("Уорренге суроолор берилди.", "Questions were put to Senator Warren."),
        ("Уоррендин жообу кыска болду.", "The answer of Senator Waren was short."),
    ]
    assert spelling(rows, "en") == [(3, "name spelt two ways in this release: Waren (warren…)")]


@pytest.mark.parametrize(
    ("lang", "rows"),
    [
        # two people, two letters apart: a short name may differ by one letter only
        ("en", [("Асанов жана Асылов келишти.", "Both Asanov and Asylov came.")]),
        # two people, three letters apart in a long name
        ("ru", [("Кадырбеков менен Кадыркулов келишти.", "Приехали Кадырбеков и Кадыркулов.")]),
        # one letter apart, but from two names of the source in two units
        (
            "en",
            [("Садыров келди.", "Then Sadyrov came."), ("Садыков сүйлөдү.", "Then Sadykov spoke.")],
        ),
    ],
)
def test_two_people_with_alike_names_are_not_one_name_spelt_two_ways(
    lang: str, rows: list[tuple[str, str]]
) -> None:
    assert spelling(rows, lang) == []


def test_a_long_name_may_be_two_letters_off() -> None:
    rows = [
        ("Атамбаев келди.", "Then Atambaev came."),
        ("Атамбаев сүйлөдү.", "Then Atambaev spoke."),
    ]
    assert spelling([*rows, ("Атамбаев кетти.", "Then Atanbayev left.")], "en") == [
        (3, "name spelt two ways in this release: Atanbayev (atambaev…)")
    ]


def test_a_six_letter_name_may_be_two_letters_off_but_not_two_people() -> None:
    rows = [
        ("Мелроуз командасы утту.", "Команда Мелроуз победила."),
        ("Мелроуз кийинки оюнга даярданат.", "К следующей игре готовится Мелроуз."),
    ]
    assert spelling(rows, "ru") == []
    misspelt = [*rows, ("Мелроуз кетти.", "Уехала команда Мелуоз.")]  # a letter lost, two swapped
    assert spelling(misspelt, "ru") == [
        (3, "name spelt two ways in this release: Мелуоз (мелроуз…)")
    ]
    # two people the source names apart, two letters apart too
    two = [("Асанбек келди.", "Пришёл Асанбек."), ("Асылбек да келди.", "Пришёл и Асылбек.")]
    assert spelling(two, "ru") == []


def test_a_short_english_name_may_be_two_letters_off_but_not_two_people() -> None:
    rows = [("Трамп келди.", "Then Trump came."), ("Трамп сүйлөдү.", "Then Trump spoke.")]
    assert spelling([*rows, ("Трамп кетти.", "Then Trummmp left.")], "en") == [
        (3, "name spelt two ways in this release: Trummmp (trump…)")
    ]
    # two people the source names apart, two letters apart in English
    two = [("Кейт келди.", "Then Kate came."), ("Кайл да келди.", "Then Kyle came too.")]
    assert spelling(two, "en") == []


def test_the_second_half_of_a_hyphenated_name_is_a_name_too() -> None:
    rows = [
        ("Милтон-Кейнс шаары.", "Город Милтон-Кейнс."),
        ("Милтон-Кейнсте жыйын өттү.", "В Милтон-Кейнсе прошла встреча."),
    ]
    assert spelling(rows, "ru") == []  # a case form of the second half is the name
    misspelt = [*rows, ("Милтон-Кейнс утту.", "Победил Милтон-Кенс.")]
    assert spelling(misspelt, "ru") == [(3, "name spelt two ways in this release: Кенс (кейнс…)")]


def test_a_name_in_ia_declined_as_no_russian_noun_is() -> None:
    rows = [
        ("Эстонияга делегация барды.", "Делегация поехала в Эстонию."),
        ("Эстониядагы жыйын.", "Встреча в Эстонии."),
    ]
    assert spelling(rows, "ru") == []
    for slip in ("Эстони", "Эстоние"):
        misspelt = [*rows, ("Эстониянын өкмөтү.", f"Правительство {slip} заявило.")]
        assert spelling(misspelt, "ru") == [
            (3, f"a name declined as no Russian noun is: {slip} (эстония)")
        ]
    # an adjective made from it is another word, not a case of it
    adjective = [*rows, ("Эстониялык делегация.", "Эстонийская делегация прибыла.")]
    adjective.append(("Эстониялык министр.", "Прибыл министр Эстонийской республики."))
    assert spelling(adjective, "ru") == []


def test_a_misspelling_is_found_among_other_names_on_the_same_letter() -> None:
    # sorted, Asel and Asiya fall between Asanov and its misspelling Asonov
    rows = [
        ("Асанов келди.", "Then Asanov came."),
        ("Асанов сүйлөдү.", "Then Asanov spoke."),
        ("Асель Бишкекке келди.", "Then Asel came to Bishkek."),
        ("Асия да келди.", "Then Asiya came too."),
        ("Асанов кетти.", "Then Asonov left."),
    ]
    assert spelling(rows, "en") == [(5, "name spelt two ways in this release: Asonov (asanov…)")]


def test_a_name_left_with_kyrgyz_zh_for_russian_dzh_is_spelt_two_ways() -> None:
    rows = [
        ("Жонни Иңлиш келди.", "Пришёл Джонни Инглиш."),
        ("Жонни Иңлиш сүйлөдү.", "Выступил Джонни Инглиш."),
        ("Жонни кетти.", "Потом Жонни ушёл."),
    ]
    assert spelling(rows, "ru") == [(3, "name spelt two ways in this release: Жонни (джонн…)")]
    # a Дж- name is still compared with the other Д- names (a letter after the Д typed wrong)
    rows[2] = ("Жонни кетти.", "Потом Дзонни ушёл.")
    assert spelling(rows, "ru") == [(3, "name spelt two ways in this release: Дзонни (джонн…)")]


def test_a_french_zh_and_an_english_dzh_from_one_kyrgyz_name_are_two_people() -> None:
    # Kyrgyz writes George Bush and Georges Danton alike (Жорж); Russian, Джордж and Жорж
    rows = [
        ("Жорж Буш келди.", "Приехал Джордж Буш."),
        ("Жорж Буш сүйлөдү.", "Выступил Джордж Буш."),
        ("Жорж Дантон жөнүндө.", "О Жорже Дантоне."),
    ]
    assert spelling(rows, "ru") == []


def orthography(source: str, translation: str, lang: str = "ru") -> list[str]:
    return [message for _, message in findings([(source, translation)], lang, "orthography")]


def test_letters_no_russian_word_puts_together() -> None:
    source = "Уэльстин өкмөтү Хейгенди жана Вильгельмди чакырды."
    good = "Правительство Уэльса пригласило Хейгена и Вильгельма."
    assert orthography(source, good) == []
    for slip, right in (
        ("Уэлььса", "Уэльса"),  # a soft sign twice
        ("Хеййгена", "Хейгена"),  # й twice
        ("Вильгеьльма", "Вильгельма"),  # a soft sign after a vowel
        ("Уэльcа", "Уэльса"),  # a Latin c typed on the wrong keyboard layout
        ("Уэлсьа", "Уэльса"),  # a soft sign before а
    ):
        bad = good.replace(right, slip)
        assert orthography(source, bad) == [f"letters no Russian word puts together: {slip}"]


@pytest.mark.parametrize(
    "translation",
    [
        # ъ after a prefix, ь before a vowel, й after a vowel, Й opening a hyphen's half,
        # Kyrgyz names as Russian spells them
        "Подъезд к Нью-Йорку, бульон и Майкл: Айдай Кайратбековна Бейшеналиева.",
        # ь before я, ё, ю, е, и, о; ъ before е, ё, ю, я
        "Статья о въезде, объёме, вьюге, Ильиче, Кьеркегоре и бульоне, съёмке и объявлении.",
        # a final ъ, as some names keep the old spelling
        "Об этом пишет «Коммерсантъ».",
        # a Latin name beside Russian words, each whole
        "Компания Apple и iPhone-15.",
    ],
)
def test_russian_spellings_that_only_look_odd_are_no_alarm(translation: str) -> None:
    assert orthography("Бир сөз.", translation) == []


def test_a_kyrgyz_word_taken_into_russian_keeps_its_letters() -> None:
    """«айылные аймаки» renders айыл аймактар with Kyrgyz «йы», as Russian in Kyrgyzstan does; a
    «йы» the source does not have is still a slip."""
    source = "Шаарлар жана айыл аймактар катышат."
    assert orthography(source, "Участвуют города и айылные аймаки.") == []
    assert orthography("Шаарлар жана аймактар катышат.", "Участвуют города и айылные аймаки.") == [
        "letters no Russian word puts together: айылные"
    ]
    assert orthography(source, "Участвуют города и айылные аймаки, Вильгеьлм.") == [
        "letters no Russian word puts together: Вильгеьлм"
    ]


def test_a_russian_name_with_a_consonant_doubled_after_another() -> None:
    source = "Латын Америкасынын жана Блеммингстин сөзү."
    good = "Слова Латинской Америки и Блеммингса."
    assert orthography(source, good) == []
    for slip, right in (("Латинсской", "Латинской"), ("Блеммингсса", "Блеммингса")):
        assert orthography(source, good.replace(right, slip)) == [
            f"a consonant doubled after another in a name: {slip}"
        ]
    # across a prefix's edge it is Russian; a common word is no name; a source writing it so
    # (a name of its own) allows it
    assert orthography("Бир сөз.", "Контрразведка и Транссиб, посттравматический синдром.") == []
    assert orthography("Шмиддт келди.", "Пришёл Шмиддт.") == []


def test_an_english_name_opening_as_no_english_word_does() -> None:
    source = "Орусия жана Конгресс макул болду."
    assert orthography(source, "Russia and Congress agreed.", "en") == []
    assert orthography(source, "Rssia and Congress agreed.", "en") == [
        "a name opening as no English word does: Rssia"
    ]
    assert orthography(source, "Russia and Cngress agreed.", "en") == [
        "a name opening as no English word does: Cngress"
    ]


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        # the source's name opens so too, romanised (Мхитарян: Mkh-, Псков: Psk-)
        ("Мхитарян Псковго келди.", "Mkhitaryan came to Pskov."),
        # abbreviations have no vowel; two different letters open many languages' names
        ("Мырза Смит Руандага барды.", "Mr Smith and Lt Gwen Nguyen went to Rwanda."),
        # English openings of three letters, and ll, ff as Welsh names open
        ("Бир сөз.", "Strauss, Schwartz, Chloe, Thwaites, Lloyd and Ffion spoke."),
    ],
)
def test_english_names_opening_with_rare_consonants_are_no_alarm(
    source: str, translation: str
) -> None:
    assert orthography(source, translation, "en") == []


def test_an_english_name_with_a_letter_doubled_as_no_english_name_is() -> None:
    source = "Твиттер жана Университет."
    assert orthography(source, "Twitter and the University.", "en") == []
    for right, slip in (("Twitter", "Twwitter"), ("University", "Univversity")):
        bad = "Twitter and the University.".replace(right, slip)
        assert orthography(source, bad, "en") == [
            f"a letter doubled as no English name doubles it: {slip}"
        ]
    # a vowel the name's own spelling doubles, which Russian and Kyrgyz keep (Аарон, Исаак);
    # an acronym in capitals (WWF)
    assert (
        orthography("Аарон менен Исаак WWFке барышты.", "Aaron and Isaac went to WWF.", "en") == []
    )
    # Russian and Kyrgyz write Hawaii's ii as -йи
    assert orthography("Гавайиде жер титиреди.", "An earthquake hit Hawaii.", "en") == []


def test_a_letter_three_times_over() -> None:
    assert orthography("Трамп келди.", "Then Trummmp came.", "en") == [
        "a letter three times over: Trummmp"
    ]
    # shouting in capitals, or a word the source itself draws out, is the writer's choice
    assert orthography("Ал «ЖОООК» деп кыйкырды.", "He shouted “NOOOO”.", "en") == []
    assert orthography("Ал «Жооооок» деп кыйкырды.", "He shouted “Noooo”.", "en") == []
    # a web address's www is no word
    assert orthography("Сайт: kabar.kg.", "Website: www.kabar.kg.", "en") == []


def kyrgyz_forms(rows: list[tuple[str, str]]) -> list[tuple[int, str]]:
    return findings(rows, "ru", "kyrgyz-form")


def test_a_four_letter_name_left_with_its_kyrgyz_ending() -> None:
    rows = [("Иран делегациясы келди.", "Делегация Ирана прибыла.")]
    assert kyrgyz_forms([*rows, ("Ирандын министри сүйлөдү.", "Выступил министр Ирандын.")]) == [
        (2, "a name left with its Kyrgyz ending: Ирандын")
    ]


def test_a_kyrgyz_ending_is_found_when_the_source_never_names_the_bare_stem() -> None:
    rows = [("Трампка кат жөнөтүлдү.", "Трампу отправили письмо.")]
    assert kyrgyz_forms([*rows, ("Трамптын жообу келди.", "Пришёл ответ Трамптын.")]) == [
        (2, "a name left with its Kyrgyz ending: Трамптын")
    ]


def test_a_kyrgyz_genitive_needs_no_other_form_in_the_release() -> None:
    source = "Нильсендин голу чечүүчү болду."
    assert kyrgyz_forms([(source, "Решающим стал гол Нильсена.")]) == []
    assert kyrgyz_forms([(source, "Решающим стал гол Нильсендин.")]) == [
        (1, "a name left with its Kyrgyz ending: Нильсендин")
    ]


def test_a_kyrgyz_accusative_on_a_consonant_needs_no_other_form_in_the_release() -> None:
    source = "Полиция Гендерсонду кармады."
    assert kyrgyz_forms([(source, "Полиция задержала Гендерсона.")]) == []
    assert kyrgyz_forms([(source, "Полиция задержала Гендерсонду.")]) == [
        (1, "a name left with its Kyrgyz ending: Гендерсонду")
    ]


def test_a_kyrgyz_ending_after_ia_needs_no_other_form_in_the_release() -> None:
    source = "Делегация Эстониядан келди."
    assert kyrgyz_forms([(source, "Делегация прибыла из Эстонии.")]) == []
    assert kyrgyz_forms([(source, "Делегация прибыла из Эстониядан.")]) == [
        (1, "a name left with its Kyrgyz ending: Эстониядан")
    ]


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        # names that end like a Kyrgyz accusative, but not as Kyrgyz shapes one: -ни after a
        # vowel (Муссолини), a doubled consonant (Бенедетти), -ди against -ды harmony (Моранди)
        ("Муссолини, Бенедетти жана Моранди.", "Муссолини, Бенедетти и Моранди."),
        # a name in -ия kept in its Kyrgyz nominative is Russian too (Македония)
        ("Македония жана Мариянын", "Македония и Мария"),
    ],
)
def test_a_name_that_ends_like_an_accusative_or_in_ia_is_no_alarm(
    source: str, translation: str
) -> None:
    assert kyrgyz_forms([(source, translation)]) == []


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        # Russian surnames that end like a genitive, but not as Kyrgyz harmony shapes one
        # (-дин, -тин after a vowel) or in -нин (Калинин)
        ("Бородин, Распутин жана Калинин келишти.", "Приехали Бородин, Распутин и Калинин."),
        # -ко is a Kyrgyz ending, but Шевчен is no name of the release
        ("Посол Шевченко менен жолугушту.", "Встреча с послом Шевченко."),
        # Асанбек is Асан and -бек, which is no case ending
        (
            "Асан Усенов жана Асанбек Токтогулов келишти.",
            "Приехали Асан Усенов и Асанбек Токтогулов.",
        ),
        # Алина is Али and -на, but a stem of three letters is too short to judge
        ("Али Токтосунов жана Алина Бекова келишти.", "Приехали Али Токтосунов и Алина Бекова."),
    ],
)
def test_a_name_that_only_ends_like_a_kyrgyz_case_is_no_alarm(
    source: str, translation: str
) -> None:
    assert kyrgyz_forms([(source, translation)]) == []


def glossary(source: str, translation: str) -> list[str]:
    return [message for _, message in findings([(source, translation)], "en", "glossary")]


def test_a_hyphenated_glossary_term_is_checked() -> None:
    # Парк-отель, inflected as Kyrgyz inflects a loanword: the soft sign drops (отелде)
    for source in ("Жыйын Парк-отелде өттү.", "Жыйын Парк-отель мейманканасында өттү."):
        assert glossary(source, "The meeting was held at the Park Hotel.") == []
        assert glossary(source, "The meeting was held at the hotel.") == [
            "glossary: 'Парк-отель' should be translated as Park Hotel"
        ]


def test_another_word_on_the_stem_of_a_term_is_not_the_term() -> None:
    # саясий (political) is not саясат (policy): only the second phrase is the term
    both = "Мамлекеттик саясий кызматкерлер мамлекеттик саясатты талкуулашты."
    assert glossary(both, "Political officials of the state discussed state policy.") == []
    assert glossary(both, "Political officials of the state discussed its course.") == [
        "glossary: 'мамлекеттик саясат' should be translated as state policy"
    ]
    assert glossary("Мамлекеттик саясий кызматкерлер чогулушту.", "Political officials met.") == []


def test_an_acronym_with_a_hyphenated_ending_is_the_term_and_a_derived_word_is_not() -> None:
    # ЖӨБ-дүн (of the LSG) names the LSG; ЖӨБ-дүк (municipal) is an adjective made from it
    assert glossary("ЖӨБ-дүн кызматкерлери окуудан өтүштү.", "Municipal staff were trained.") == [
        "glossary: 'ЖӨБ' should be translated as LSG | local self-government | local government"
    ]
    assert glossary("ЖӨБ-дүк кызматкерлер окуудан өтүштү.", "Municipal staff were trained.") == []


@pytest.mark.parametrize("form", ["Дэвис", "Дэвиске", "Дэвистин", "Дэвисин", "Дэвисти"])
def test_a_name_in_any_case_form_has_the_same_source_stem(form: str) -> None:
    """The possessive accusative -ын/-ин/-ун/-үн is a case ending like the others (its template
    once held a Latin n, so no Cyrillic word could end in it and ``Дэвисин`` kept an и)."""
    from pressflow.qa.checks.spelling import source_stem

    assert source_stem(form) == "дэвис"


def test_every_kyrgyz_ending_is_written_in_cyrillic() -> None:
    from pressflow.qa.morphology import CASE_ENDINGS, DERIVATIONS

    assert all(set(e) <= set("абвгдеёжзийклмнңопрстуүфхцчшщъыьэюяө") for e in CASE_ENDINGS)
    assert all(set(e) <= set("абвгдеёжзийклмнңопрстуүфхцчшщъыьэюяө") for e in DERIVATIONS)
