"""Checks that judge words: a glossary term. Each case is a release a translator could hand in."""

from __future__ import annotations

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
