"""Issue 12, must-show 3: the speed-ups change no finding. Each fast path of the QA readings
gives what its plain definition gives, on the words of development documents and on generated
text (the memo's own identity is tested in test_qa_memo)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pressflow.qa.numbers import month_of, month_words
from pressflow.qa.translit import FOLDS, skeleton
from pressflow.translit import transliterate

DATA = Path("/work/shared/data/ntrex128")
_WORD = re.compile(r"[^\W\d_]+")


def plain_skeleton(word: str) -> str:
    """The skeleton as first written: transliterate, fold accents, keep a-z, fold, undouble."""
    text = word.lower()
    if re.search(r"[\u0400-\u04ff]", text):
        text = transliterate(text)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"[^a-z]", "", text)
    text = re.sub(r"^u(?=[aeio])", "v", text)
    for old, new in FOLDS:
        text = text.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", text)


def plain_months(text: str) -> list[tuple[str, int, int]]:
    """Every word of the text asked whether it names a month."""
    return [(m.group(0), m.start(), n) for m in _WORD.finditer(text) if (n := month_of(m.group(0)))]


def _texts() -> list[str]:
    lines: list[str] = []
    for path in sorted(DATA.glob("*.txt"))[:30]:
        lines += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines


LETTERS = st.text(
    alphabet=st.sampled_from("абвгдеёжзийклмнңоөпрстуүфхцчшщъыьэюяАӨҮЖЁabcdeuwyzAUßéñİ3 -"),
    max_size=14,
)


def test_skeleton_of_every_word_of_the_documents() -> None:
    words = {w for text in _texts() for w in _WORD.findall(text)}
    assert len(words) > 1000
    assert [w for w in words if skeleton(w) != plain_skeleton(w)] == []


@settings(max_examples=300, deadline=None)
@given(LETTERS)
def test_skeleton_of_generated_words(word: str) -> None:
    assert skeleton(word) == plain_skeleton(word)


def test_month_words_of_every_line_of_the_documents() -> None:
    for text in _texts():
        found = [(m.word, m.start, m.month) for m in month_words(text)]
        assert found == plain_months(text), text


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "3-июлда",
                "Мая",
                "may",
                "Sept.",
                "декабрь",
                "Марта",
                "сентябрга",
                "ноябрь2018",
                "майда",
                "Jul",
                "июнь",
                "ыя",
                "ок",
                "ау",
            ]
        )
    )
)
def test_month_words_of_generated_text(words: list[str]) -> None:
    text = " ".join(words)
    assert [(m.word, m.start, m.month) for m in month_words(text)] == plain_months(text)
