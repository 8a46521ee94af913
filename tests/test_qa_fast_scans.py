"""Issue 12, must-show 3: the speed-ups change no finding. A text is scanned by a costly pattern
only when it contains what every match of that pattern contains (a digit, a weekday's stem, a
clock phrase's first word): checked here on every line of the development documents and on
generated text in every case, with the letters that a case-insensitive pattern also takes for
them (ſ for s, ᲀ for в). And what is read another way than first written gives what its plain
definition gives: the names check's comparison of a word with a translation (every word of the
translation compared afresh), a Kyrgyz ending read off a word by its length (every ending tried
in turn), a catalog's reviewed translations (read off its units)."""

from __future__ import annotations

import re
from pathlib import Path

import polib
from hypothesis import given, settings
from hypothesis import strategies as st

from pressflow.po import catalog
from pressflow.po.reviewed import reviewed
from pressflow.qa import calendar, clock
from pressflow.qa import numbers as nums
from pressflow.qa.checks import names, orthography, scripts, wording
from pressflow.qa.checks.names import MIN_SCORE, SHORT_SCORE, names_check
from pressflow.qa.morphology import CASE_ENDINGS, is_accusative, is_genitive
from pressflow.qa.registry import Context
from pressflow.qa.translit import consonants, skeleton
from pressflow.qa.units import Unit, msgid_lines, units_of
from pressflow.qa.wordlists import exonyms
from pressflow.similarity import ratio

DATA = Path("/work/shared/data/ntrex128")


def _lines(lang: str) -> list[str]:
    out: list[str] = []
    for path in sorted(DATA.glob(f"*.{lang}.txt")):
        out += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def _weekday_part(text: str, lang: str) -> bool:
    if lang == "ky":
        return any(part in text.lower() for part in calendar._KY_DAY_PARTS)
    if lang == "en":
        return calendar._EN_DAY_PART in text
    return any(part in text.casefold() for part in calendar._RU_DAY_PARTS)


def _weekday_match(text: str, lang: str) -> bool:
    if lang == "ky":
        return bool(calendar._KY_DAY.search(text.lower()))
    if lang == "en" and calendar._EN_TITLE_DAY.search(text):  # a title (the Sunday Times)
        return True
    return bool((calendar._EN_DAYS if lang == "en" else calendar._RU_DAYS).search(text))


def _clock_phrase(text: str) -> bool:
    return any(pattern.search(text) for pattern, _, _ in clock._PHRASES)


def _clock_part(text: str) -> bool:
    return any(part in text.casefold() for part in clock._PHRASE_PARTS)


def test_no_text_of_the_documents_is_skipped_that_a_pattern_matches() -> None:
    matched = 0
    for lang in ("ky", "ru", "en"):
        for text in _lines(lang):
            if _weekday_match(text, lang):
                matched += 1
                assert _weekday_part(text, lang), text
            if _clock_phrase(text):
                matched += 1
                assert _clock_part(text), text
            digit = bool(re.search(r"\d", text))
            assert digit or not (nums._TOKEN.search(text) or calendar._NUMERIC_DATE.search(text)), (
                text
            )
            assert digit or not (clock._DIGITS.search(text) or nums._FEET_INCHES.search(text))
    assert matched > 20  # the documents do name weekdays and clock times


#: the words the patterns look for, in their cases and in the letters a case-insensitive
#: pattern takes for some of theirs (ſ: s, K: Kelvin sign, ᲀ ᲁ ᲂ ᲃ ᲄ: в д о с т)
PIECES = [
    "Среду", "СРЕДЫ", "среде", "ᲃреда", "воᲃкреᲃенье", "ВОСКРЕСЕНЬЯ", "ПЯТНИЦУ", "суббота",
    "вᲄорник", "поᲁнеделник", "понедельник", "четверг", "Четверг", "Monday", "SUNDAY",
    "Fridays", "Sunday Times", "дүйшөмбү", "Шаршембиде", "ЖУМАДА", "жекшемби", "ишемби",
    "базар күнү",
    "без", "БЕЗ", "четверти", "ЧЕТВЕРТЬ", "половине", "ПОЛОВИНА", "пяти", "семь", "half",
    "HALF", "Half", "past", "paſt", "quarter", "QUARTER", "to", "nine", "Nine", "6.45pm",
    "quarter past", "QUARTER TO", "Half paſt", "без четверти", "БЕЗ ДЕСЯТИ", "в половине",
    "18:45", "3.07.2018", "1 000", "в", "и", ",", "-", "  ",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=8), st.sampled_from([" ", "", "\n"]))
def test_no_generated_text_is_skipped_that_a_pattern_matches(pieces: list[str], sep: str) -> None:
    text = sep.join(pieces)
    for lang in ("ky", "ru", "en"):
        assert _weekday_part(text, lang) or not _weekday_match(text, lang)
    assert _clock_part(text) or not _clock_phrase(text)


def _orthography_screened(text: str, lang: str) -> bool:
    """Is ``text`` passed on by the orthography check's screen wherever its case-blind patterns
    match it (the screen may pass more)?"""
    pattern = {"ru": orthography._SUSPECT_RU, "en": orthography._SUSPECT_EN}.get(lang)
    return orthography._suspect(text, lang) or not (pattern or orthography._TRIPLED).search(text)


def test_no_line_of_the_documents_passes_the_orthography_screen_that_a_rule_looks_at() -> None:
    for lang in ("ky", "ru", "en"):
        assert all(_orthography_screened(text, lang) for text in _lines(lang))


#: what the orthography rules look at, in their cases and in the letters a case-insensitive
#: pattern takes for theirs (ᲆ: ъ, ᲀ: в, ſ: s, ı: i; İ, two letters in lower case)
SPELLINGS = ["Вильгеьлм", "ЬЯ", "ьа", "Объект", "подЪезд", "ᲆе", "КЬАЕ", "Хеййген", "БЙ", "ᲀй",
             "Welхh", "ХW", "wХ", "Латинсской", "ЛАТИНССКОЙ", "Контрразведка", "Трамммп", "ТРАМММП",
             "Rssia", "Cngress", "SSumi", "Ssumi", "Twwitter", "Nethherlands", "AARON", "Hawaii",
             "ſſ", "Sſ", "İİİ", "iİ", "ıı", "KK", "Ķķ", "Ааа", "ооᲂ", "Мьй", "ЛЬУ", "in", "в", "и",
             ".", "-", "Mkh"]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(SPELLINGS), max_size=6), st.sampled_from([" ", ""]))
def test_no_generated_text_passes_the_orthography_screen_that_a_rule_looks_at(
    pieces: list[str], sep: str
) -> None:
    text = sep.join(pieces)
    for lang in ("ky", "ru", "en"):
        assert _orthography_screened(text, lang), (text, lang)


def plain_word_in(word: str, translation: str) -> bool:
    """``word_in`` as first written: every exonym stem tried, every word of the translation
    (repeated ones again) compared at every cut, its consonant outline read for each."""
    targets = [
        (skeleton(w), consonants(w), w[:1].isupper())
        for w in re.findall(r"[^\W\d_]+", translation)
        if skeleton(w)
    ]
    low = word.lower()
    for stem, spellings in exonyms().items():
        if low.startswith(stem):
            wanted = [skeleton(n) for n in spellings]
            if any(t[0].startswith(w) for w in wanted for t in targets):
                return True
    stems = names._stems(word, floor=3 if len(skeleton(word)) <= 5 else 4)
    for stem in (s for s in stems if len(s) >= 3):
        need = MIN_SCORE if len(stem) >= 6 else SHORT_SCORE
        for other, _, capital in targets:
            if len(stem) < 6 and not capital:
                if len(stem) >= 4 and other.startswith(stem):
                    return True
                continue
            if len(stem) >= 5 and stem in other:
                return True
            for cut in (len(stem) - 1, len(stem), len(stem) + 1, len(stem) + 2):
                if cut >= 3 and ratio(stem, other[:cut]) >= need:
                    return True
    outlines = {consonants(stem) for stem in names._stems(word, floor=3)}
    return any(capital and len(c) >= 2 and c in outlines for _, c, capital in targets)


def test_a_name_word_is_found_where_the_plain_definition_finds_it() -> None:
    answers = {True: 0, False: 0}
    for lang in ("ru", "en"):
        for source, translation in zip(_lines("ky")[:700], _lines(lang)[:700], strict=False):
            targets = names.targets_of(translation)
            for name in names.names(source):
                for word in name.words:
                    found = names.word_in(word, targets)
                    assert found is plain_word_in(word, translation), (word, translation)
                    answers[found] += 1
    assert min(answers.values()) > 20  # both answers are exercised


def test_a_name_missing_from_one_translation_only_is_reported_there() -> None:
    """Through the check: the distinct words of a translation stand for all of it."""
    source = "Бүгүн Бахтияр Салиев менен Айгүл Алымбекова жолугушту."
    found = "Сегодня Бахтияр Салиев встретился с Айгуль Алымбековой, Салиев доволен."
    units = [Unit(source, found, index=0), Unit(source + " ", "Сегодня встретились.", index=1)]
    flagged = [(f.unit.index, f.message) for f in names_check(units, Context(lang="ru"))]
    assert flagged == [(1, "name not found in the translation: Бахтияр Салиев")]


def plain_inflected(word: str, vocabulary: frozenset[str]) -> bool:
    """``_inflected`` as first written: every ending of the table tried in turn."""
    low = word.lower()
    if len(low) >= 7 and (is_genitive(low) or is_accusative(low)):
        return True
    if any(low.endswith("ия" + ending) for ending in CASE_ENDINGS if len(ending) > 1):
        return True
    for ending in sorted(e for e in CASE_ENDINGS if len(e) > 1 and e[0] not in "аеиоуыөүс"):
        stem = word[: -len(ending)]
        if (
            word.endswith(ending)
            and len(stem) >= 4
            and (
                stem in vocabulary
                or any(stem + e in vocabulary for e in CASE_ENDINGS if e != ending)
            )
        ):
            return True
    return False


STEMS = ["Трамп", "Герман", "Милл", "Калифорния", "Ош", "Лев", "Бишкек", "Асанов", "Германия"]


@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from(STEMS),
    st.sampled_from([*sorted(CASE_ENDINGS), "", "ер", "ии", "ией", "а"]),
    st.lists(st.sampled_from([*STEMS, *(s + "тын" for s in STEMS), "Миллер"]), max_size=4),
)
def test_a_kyrgyz_ending_is_read_as_every_ending_tried_in_turn(
    stem: str, ending: str, vocabulary: list[str]
) -> None:
    word = stem + ending
    assert scripts._inflected(word, frozenset(vocabulary)) is plain_inflected(
        word, frozenset(vocabulary)
    )


def test_the_reviewed_translations_are_those_of_the_reviewed_units(tmp_path: Path) -> None:
    """Read without building units, as the units would give them: no fuzzy, empty or obsolete
    entry, and a plural entry by its first form."""
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid="Бир", msgstr="Один"))
    po.append(polib.POEntry(msgid="Эки", msgstr="Два", flags=["fuzzy"]))
    po.append(polib.POEntry(msgid="Үч", msgstr=""))
    po.append(polib.POEntry(msgid="Төрт", msgstr="Четыре", obsolete=True))
    po.append(
        polib.POEntry(
            msgid="алма", msgid_plural="алмалар", msgstr_plural={0: "яблоко", 1: "яблока"}
        )
    )
    po.append(polib.POEntry(msgid="Беш", msgstr="Пять", flags=["python-format"]))
    path = tmp_path / "ru.po"
    po.save(str(path))
    read = catalog.read_po(path)
    units = units_of(read)
    assert reviewed(read) == {u.msgid: u.msgstr for u in units if u.translated}
    assert reviewed(read) == {"Бир": "Один", "алма": "яблоко", "Беш": "Пять"}
    assert [u.line for u in units] == msgid_lines(path.read_text(encoding="utf-8"))[1:]  # header


#: the doubled-word pattern as first written, backtracking into the word and the white space
PLAIN_DOUBLED = re.compile(r"(?<![\w-])([^\W\d_]+)\s+\1(?![\w-])", re.IGNORECASE)


def _doubles(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(1)) for m in pattern.finditer(text)]


def test_the_doubled_words_of_the_documents_are_those_the_plain_pattern_finds() -> None:
    for lang in ("ky", "ru", "en"):
        for text in _lines(lang):
            assert _doubles(wording._DOUBLED, text) == _doubles(PLAIN_DOUBLED, text), text


DOUBLING = ["в", "В", "ᲀ", "the", "The", "THE", "theme", "-", " ", "  ", "\n", "1", "_", "ſ", "s",
            "S", "в-в", "ab", "a"]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(DOUBLING), max_size=10))
def test_generated_doubled_words_are_those_the_plain_pattern_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _doubles(wording._DOUBLED, text) == _doubles(PLAIN_DOUBLED, text)
