"""A line's role (contact, credit, byline, furniture) is decided the same however it is asked:
the shortcuts that keep prose lines cheap (the label-start screen, the memo) change no answer."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from pressflow.readers.roles import default_rules, structure_rules

DATA = Path(__file__).resolve().parent / "data" / "releases"
ROOT = Path(__file__).resolve().parent.parent


def _corpus_lines() -> list[str]:
    lines: list[str] = []
    for path in [*sorted(DATA.iterdir()), *sorted((ROOT / "releases").iterdir())]:
        if path.is_file():
            lines += [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return lines


LABELLED = [
    "Байланыш үчүн: +996 312 62 52 90",
    "БАЙЛАНЫШ ҮЧҮН — press@gov.kg",
    "байланыш телефону: 0312 30 00 00",
    "Тел.: +996 555 12 34 56",
    "ТЕЛ: 0312 62 52 90",
    "E-mail: info@mfa.gov.kg",
    "EMAIL info@mfa.gov.kg",
    "Сүрөт: Кабар",
    "Фото — Азаттык",
    "For more information: press@gov.kg",
    "Formore information: press@gov.kg",
    "Тектеш жаңылыктар",
    "Даярдаган: А. Асанова",
    "Теги: #Бишкек #шайлоо",
    "  Контакты: 0312 30 00 00",
    "Kontakt: 0312",  # not a label: prose
    "Телефондук сүйлөшүүдө министр билдирди.",  # a label's start, then prose
]


def _unscreened():
    """The shipped rules with the label screen switched off: every label pattern is tried."""
    return dataclasses.replace(default_rules(), label_starts=None)


def test_the_label_screen_changes_no_role_on_the_release_corpus() -> None:
    rules, plain = default_rules(), _unscreened()
    assert rules.label_starts  # the screen is on for the shipped labels
    lines = _corpus_lines() + LABELLED
    roles = [rules.classify(line) for line in lines]
    assert roles == [plain.classify(line) for line in lines]
    assert sum(r is not None for r in roles) >= 40  # the corpus has labelled lines to decide
    assert rules.classify("Тел.: +996 555 12 34 56").role == "contact"
    assert rules.classify("Формалдуу жыйынга 40 киши келди.") is None


@given(st.sampled_from(LABELLED), st.text(max_size=12))
def test_the_label_screen_agrees_on_any_tail(line: str, tail: str) -> None:
    rules, plain = default_rules(), _unscreened()
    for text in (line + tail, tail + line, line[:3] + tail):
        assert rules.classify(text) == plain.classify(text)


def test_a_newsroom_label_too_short_for_the_screen_turns_it_off() -> None:
    rules = structure_rules(labels={"phone": ["Т"]})
    assert rules.label_starts is None
    assert rules.classify("Т: 0312 62 52 90").role == "contact"


def test_a_remembered_role_is_the_role_decided_afresh() -> None:
    rules = default_rules()
    line = "Сүрөт: Кабар"
    first = rules.classify(line)
    assert rules.classify(line) == first == _unscreened().classify(line)
    assert first is not None and first.role == "credit"
