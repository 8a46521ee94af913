"""Quotes and brackets judged over whole paragraphs: what a translator writes across paragraphs
(a quotation opened in one and closed in the next, each paragraph of a long quotation opening it
again), the source's own quoting with apostrophes, nested brackets and quotations, and the unit a
problem is reported on."""

from __future__ import annotations

import pytest

from pressflow.qa.registry import Context
from pressflow.qa.runner import run_checks
from pressflow.qa.units import Unit

#: Kyrgyz paragraphs without quotation marks (reported speech after a colon): the translation
#: adds the quotation marks, so only the translation's own pairing is judged
SOURCE = ["Ал мындай деди: биз даярбыз.", "Форум эртең өтөт.", "Баары жакшы болот.",
          "Конокторду күтөбүз.", "Жыйын бүттү.", "Министр кетти."]  # fmt: skip
FILLER = ["Гостей ждём.", "Собрание закончилось.", "Министр уехал."]


def flagged(translations: list[str], *, lang: str = "ru", check: str = "quotes",
            sources: list[str] | None = None) -> list[int]:  # fmt: skip
    """The paragraphs (0-based) the check reports, each translation a paragraph of its own."""
    sources = sources or SOURCE[: len(translations)]
    units = [
        Unit(s, t, line=i, index=i, extracted="paragraph", references=(("r.txt", str(i)),))
        for i, (s, t) in enumerate(zip(sources, translations, strict=True))
    ]
    ctx = Context(lang=lang, path=f"{lang}.po")
    return [p.line for p in run_checks(units, ctx) if p.check == check]


@pytest.mark.parametrize(
    ("lang", "translations", "expected"),
    [
        # a quotation the translator opened in one paragraph and closed in the next
        ("ru", ["Он сказал: «Мы готовы.", "Форум пройдёт завтра»."], []),
        ("ru", ["Он сказал: «Мы готовы.", "Форум пройдёт завтра."], [0]),
        # closed before it opens: not one quotation
        ("ru", ["Он сказал: Мы готовы».", "«Форум пройдёт завтра."], [0, 1]),
        # straight and English quotation marks, told apart by the characters around them
        ("en", ['He said: "We are ready.', 'The forum will be held tomorrow."'], []),
        ("en", ['He said: We are ready."', '"The forum will be held tomorrow.'], [0, 1]),
        ("en", ['He said: We are ready."', 'The forum will be held tomorrow."'], [0, 1]),
        ("en", ["He said (“We are ready.", "The forum will be held tomorrow”)."], []),
        ("en", ['He said:"We are ready.', 'The forum will be held tomorrow."'], []),
        ("en", ['He said: We are ready".', 'The forum will be held tomorrow".'], [0, 1]),
        ("en", ['He said: We are ready"', 'The forum will be held tomorrow."'], [0, 1]),
        # later in the release, across balanced paragraphs, up to three paragraphs away
        ("ru", [*FILLER, "Он сказал: «Мы готовы.", "Форум пройдёт завтра»."], []),
        ("ru", ["Он сказал: «Мы готовы.", *FILLER[:2], "Всё будет хорошо»."], []),
        ("ru", ["Он сказал: «Мы готовы.", *FILLER, "Всё будет хорошо»."], [0, 4]),
        # closed in the next paragraph, which opens another quotation and never closes it
        ("ru", ["Он сказал: «Мы готовы.", 'Форум пройдёт завтра». Он добавил: "Всё будет.'],
         [0, 1]),
        # a quotation over two paragraphs, then one opened and never closed
        ("ru", ["Он сказал: «Мы готовы.", "Форум пройдёт завтра».", "Он добавил: «Всё будет."],
         [2]),
        # each paragraph of a long quotation opens it again, the last one closes it
        ("ru", ["Он сказал: «Мы готовы.", "«Форум пройдёт завтра.", "«Всё будет хорошо»."], []),
        ("en", ['"We are ready.', '"The forum will be held tomorrow."'], []),
        ("ru", ["Он сказал: «Мы готовы.", "«Форум пройдёт завтра."], [1]),  # never closed
        ("en", ['He said: "We are ready.', '"The forum will be held tomorrow.'], [1]),
        # …but a quotation followed by its attribution was closed: the closing mark is lost
        ("ru", ["«Мы готовы, — сказал он.", "«Форум пройдёт завтра»."], [0]),
        ("en", ['"We are ready, he said.', '"The forum will be held tomorrow."'], [0]),
        ("en", ['"We are ready, said Mr Kay.', '"The forum will be held tomorrow."'], [0]),
        ("en", ['"We are ready, he explained.', '"The forum will be held tomorrow."'], [0]),
        ("ru", ["«Мы готовы, — сказал он.", "Форум пройдёт завтра»."], [0, 1]),
        # a nested quotation closed with the outer one by one mark, but not two quotations
        ("ru", ["Он сказал: «Мы назвали его «Форум»."], []),
        ("ru", ["«Форум» открылся, он сказал: «Мы готовы."], [0]),
    ],
)  # fmt: skip
def test_quotations_across_paragraphs(
    lang: str, translations: list[str], expected: list[int]
) -> None:
    assert flagged(translations, lang=lang) == expected


@pytest.mark.parametrize(
    ("lang", "translations", "expected"),
    [
        # a nested quotation closes inside an outer one that runs on into the next paragraph
        ("ru", ["Он сказал: «Мы готовы к «Форуму» завтра.", "Всё будет хорошо»."], []),
        ("en", ['He said: "We are ready for the "Forum" tomorrow.', 'All will be well."'], []),
        # …but words of attribution after the outer quotation show it closed: a mark is lost
        ("ru", ["«Мы готовы к «Форуму» завтра, — сказал он.", "Всё будет хорошо»."], [1]),
        ("en", ['"We are ready for the "Forum" tomorrow, he said.', 'All will be well."'],
         [0, 1]),
        # …and an outer quotation nothing closes is still open
        ("en", ['He said: "We are ready for the "Forum" tomorrow.', "All will be well."], [0]),
    ],
)  # fmt: skip
def test_a_quotation_runs_on_past_a_nested_one(
    lang: str, translations: list[str], expected: list[int]
) -> None:
    assert flagged(translations, lang=lang) == expected


@pytest.mark.parametrize(
    ("translation", "expected"),
    [
        # an English possessive's apostrophe typed as a double quote after a name in -s
        ('Police searched the Jones" house on Monday.', []),
        ('Police searched the "Jones" house on Monday.', []),
        # …but a quotation that lost a mark is still one: a name not in -s, a small letter
        ('Police searched the Smith" house on Monday.', [0]),
        ('Police called it a ghost towns" problem on Monday.', [0]),
        ('Fans of "Star Wars queued on Monday.', [0]),
        # …and a mark that pairs with another is a quotation mark
        ('He said "the Jones" house was empty.', []),
    ],
)
def test_a_possessive_apostrophe_typed_as_a_quote(translation: str, expected: list[int]) -> None:
    assert flagged([translation], lang="en") == expected


def test_one_mark_closes_two_quotations_only_where_the_source_nests_them() -> None:
    """«…«…» is a nested quotation closed with the outer one, or two quotations side by side
    that lost a closing mark: the source, which nests its quotations or not, tells."""
    apart = ['"Жаңылыктар" гезити боюнча министр "биз даярбыз" деди.']
    nested = ["Министр “биз “Форумга” даярбыз” деди."]
    assert flagged(["По данным «Новостей, министр сказал: «мы готовы»."], sources=apart) == [0]
    assert flagged(["По данным «Новостей», министр сказал: «мы готовы»."], sources=apart) == []
    assert flagged(["Министр сказал: «мы готовы к «Форуму»."], sources=nested) == []


def _witnessed(ru: list[str], en: list[str], sources: list[str]) -> list[int]:
    """The Russian paragraphs the quotes check reports beside an English translation."""
    units = [
        Unit(s, t, line=i, index=i, extracted="paragraph", references=(("r.txt", str(i)),))
        for i, (s, t) in enumerate(zip(sources, ru, strict=True))
    ]
    ctx = Context(lang="ru", path="ru.po", parallel={"en": dict(zip(sources, en, strict=True))})
    return [p.line for p in run_checks(units, ctx) if p.check == "quotes"]


def test_a_quotation_runs_on_only_where_the_source_or_the_other_translation_lets_it() -> None:
    """A source that closes its quotation inside the paragraph, beside an English translation
    that closes it there too: a Russian quotation left open there and closed a paragraph later
    lost a mark. Where the English runs on as well, both translators read the next paragraph
    as the speaker's words."""
    sources = ['Ал: "Биз даярбыз" деди.', "Форум эртең өтөт."]
    ru = ["Он сказал: «Мы готовы.", "Форум пройдёт завтра»."]
    assert _witnessed(ru, ['He said: "We are ready."', "The forum is tomorrow."], sources) == [0]
    assert _witnessed(ru, ['He said: "We are ready.', 'The forum is tomorrow."'], sources) == []
    assert flagged(ru, sources=sources) == []  # no other translation to tell: as before


def test_apostrophes_quoting_in_the_source_count_as_its_quotation_marks() -> None:
    """``Ал 'Ташу' деди`` is a balanced quotation; ``Мен 'Ташу,`` is the source's own slip."""
    assert flagged(["Он сказал «Ташу."], sources=["Ал 'Ташу' деп айтты."]) == [0]
    assert flagged(["Он сказал «Ташу»."], sources=["Ал 'Ташу' деп айтты."]) == []
    assert flagged(["Я сказал «Ташу."], sources=["Мен 'Ташу, деп айттым."]) == []


@pytest.mark.parametrize(
    ("source", "translation", "expected"),
    [
        ("Форум (Бишкек) өттү.", "The forum took place in Bishkek.", []),  # brackets dropped
        ("Форум (Бишкек) өттү.", "The forum )Bishkek( took place.", [0]),
        ("Форум (Бишкек (Кыргызстан)) өттү.", "The forum (Bishkek (Kyrgyzstan)) took place.", []),
        ("Форум (Бишкек (Кыргызстан)) өттү.", "The forum (Bishkek (Kyrgyzstan) took place.", [0]),
        ("Рим Папасы Бенедикт 16 (Йозеф Ратцингер) келди.",
         "Pope Benedict XVI (Joseph Ratzinger) arrived.", []),
        ("Форум [Бишкек] {2024} өттү.", "The forum [Bishkek] {2024} took place.", []),
        ("Форум [Бишкек] {2024} өттү.", "The forum [Bishkek {2024} took place.", [0]),
    ],
)  # fmt: skip
def test_brackets(source: str, translation: str, expected: list[int]) -> None:
    assert flagged([translation], lang="en", check="brackets", sources=[source]) == expected


def test_the_unit_where_the_translation_departs_from_the_source_is_reported() -> None:
    """One paragraph of three sentences: the second lost its closing bracket."""
    rows = [("Форум өттү.", "The forum took place."),
            ("Жыйын (Ош) болду.", "The meeting (Osh was held."),
            ("Конок [Бишкек] келди.", "A guest [Bishkek] came.")]  # fmt: skip
    units = [
        Unit(s, t, line=i, index=i, references=(("r.txt", "3"),)) for i, (s, t) in enumerate(rows)
    ]
    found = [(p.check, p.line) for p in run_checks(units, Context(lang="en", path="en.po"))]
    assert found == [("brackets", 1)]


def _culprits(rows: list[tuple[str, str]], lang: str = "en") -> list[tuple[str, int]]:
    units = [
        Unit(s, t, line=i, index=i, references=(("r.txt", "3"),)) for i, (s, t) in enumerate(rows)
    ]
    return [(p.check, p.line) for p in run_checks(units, Context(lang=lang, path=f"{lang}.po"))]


def test_the_culprit_in_a_paragraph_whose_quotation_or_bracket_spans_units() -> None:
    # a bracket opened in one sentence and closed in the next, in both: the third lost its own
    rows = [("Форум (Бишкек,", "The forum (Bishkek,"), ("Ош) өттү.", "Osh) took place."),
            ("Жыйын (Ош) болду.", "The meeting (Osh was held.")]  # fmt: skip
    assert _culprits(rows) == [("brackets", 2)]
    # a quotation the translator added is balanced: the sentence that lost a mark is reported
    rows = [("Ал мындай деди: биз даярбыз.", "He said: “We are ready.”"),
            ("Ал “Форум” деди.", "He said “Forum.")]  # fmt: skip
    assert _culprits(rows) == [("quotes", 1)]
    # both closing brackets lost: the count, not only its parity, departs
    rows = [("Форум (Бишкек (Ош)) өттү.", "The forum (Bishkek (Osh took place."),
            ("Бүттү.", "It ended.")]  # fmt: skip
    assert _culprits(rows) == [("brackets", 0)]
    # brackets in the wrong order change no count: the paragraph's last unit is reported
    rows = [("Форум (Бишкек) өттү.", "The forum )Bishkek( took place."), ("Бүттү.", "It ended.")]
    assert _culprits(rows) == [("brackets", 1)]
