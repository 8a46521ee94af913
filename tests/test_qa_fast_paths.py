"""Issue 12, must-show 3: the speed-ups change no finding. Each fast path of the QA readings
gives what its plain definition gives, on the words of development documents and on generated
text (the memo's own identity is tested in test_qa_memo)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pressflow.qa.checks import alignment, scripts, spelling
from pressflow.qa.checks.spelling import _RU_ENDINGS, stem
from pressflow.qa.months import EN_MONTHS, month_of, month_words
from pressflow.qa.numbers import _word_value, word_heads
from pressflow.qa.registry import Context
from pressflow.qa.translit import FOLDS, skeleton
from pressflow.qa.units import Unit
from pressflow.qa.wordlists import number_word_table
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


def plain_stem(word: str) -> str:
    """The stem as first written: the possessive off, then the first ending that fits."""
    low = re.sub(r"['’]s$", "", word.lower())
    for ending in _RU_ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 4:
            return low[: -len(ending)]
    return low


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("аеиоуыяюйхмвгКS'’s"), max_size=9))
def test_stem_by_ending_length_is_the_first_ending_that_fits(word: str) -> None:
    assert stem(word) == plain_stem(word)


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
                "ſept",
                "ᲁекабрь",
                "МАЙ",
            ]
        )
    )
)
def test_month_words_of_generated_text(words: list[str]) -> None:
    text = " ".join(words)
    assert [(m.word, m.start, m.month) for m in month_words(text)] == plain_months(text)


def _release(doc: Path, lang: str, shift: int) -> tuple[list[Unit], Context]:
    """A release of the documents as units of ``lang``, the other language at hand, every
    third translation taken from ``shift`` units further (pasted into the wrong entry)."""

    def lines(path: Path) -> list[str]:
        return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]

    source = lines(doc)
    texts = {
        code: lines(doc.with_name(doc.name.replace(".ky.", f".{code}."))) for code in ("ru", "en")
    }
    rows = [(i, s) for i, s in enumerate(source) if s and texts[lang][i] and texts["ru"][i]]
    units = []
    for n, (i, s) in enumerate(rows):
        j = rows[(n + shift) % len(rows)][0] if shift and n % 3 == 0 else i
        units.append(Unit(s, texts[lang][j], line=n + 1, index=n))
    other = "en" if lang == "ru" else "ru"
    parallel = {other: {s: texts[other][i] for i, s in rows if texts[other][i]}}
    return units, Context(lang=lang, path=f"{lang}.po", parallel=parallel)


def plain_alignment(units: list[Unit], ctx: Context) -> tuple[list[int], list[tuple[int, int]]]:
    """Every pair of neighbours and every other unit fitted in full, as the checks define it."""
    done = [u for u in units if u.translated]
    fitter = alignment._Fitter(done, ctx)
    mine = [alignment._side(u.msgstr) for u in done]
    swaps = alignment.WITNESSED_MIN_GAIN if fitter.witnessed else alignment.MIN_GAIN
    moved = (alignment.WITNESSED_MIN_MISPLACED_GAIN if fitter.witnessed
             else alignment.MIN_MISPLACED_GAIN)  # fmt: skip
    exchanged = []
    for i in range(len(done) - 1):
        own = fitter.fit(i, mine[i]) + fitter.fit(i + 1, mine[i + 1])
        if fitter.fit(i, mine[i + 1]) + fitter.fit(i + 1, mine[i]) - own > swaps:
            exchanged += [done[i].index, done[i + 1].index]
    misplaced = []
    for i, unit in enumerate(done):
        own = fitter.fit(i, mine[i])
        best, where = max(((fitter.fit(j, mine[i]), j) for j in range(len(done)) if j != i),
                          default=(own, i))  # fmt: skip
        if best - own > moved:
            misplaced.append((unit.index, done[where].line))
    return exchanged, misplaced


def test_the_alignment_checks_prune_no_finding() -> None:
    found = 0
    for doc in sorted(DATA.glob("*.ky.txt"))[:12]:
        for lang in ("ru", "en"):
            for shift in (0, 4):
                units, ctx = _release(doc, lang, shift)
                for witnessed in (ctx, Context(lang=lang, path=ctx.path)):
                    exchanged = [f.unit.index for f in alignment.exchanged(units, witnessed)]
                    misplaced = [  # by the gain (a translation copied twice is not pruned)
                        (f.unit.index, int(f.message.split("unit ")[1].split("'")[0]))
                        for f in alignment.misplaced(units, witnessed)
                        if f.message.startswith("this translation fits")
                    ]
                    assert (exchanged, misplaced) == plain_alignment(units, witnessed)
                    found += len(exchanged) + len(misplaced)
    assert found > 20  # the shifted translations are found, pruned or not


def test_a_long_catalog_is_pruned_through_its_anchors_index_alike() -> None:
    """A catalog longer than ``INDEXED`` finds the units sharing an anchor by an index."""
    releases = [_release(doc, "ru", 4) for doc in sorted(DATA.glob("*.ky.txt"))[:14]]
    units = [
        Unit(u.msgid, u.msgstr, line=n + 1, index=n)
        for n, u in enumerate(u for release, _ in releases for u in release)
    ]
    assert len(units) > alignment.INDEXED
    parallel = {"en": {k: v for _, ctx in releases for k, v in (ctx.parallel or {})["en"].items()}}
    for ctx in (Context(lang="ru", parallel=parallel), Context(lang="ru")):
        misplaced = [
            (f.unit.index, int(f.message.split("unit ")[1].split("'")[0]))
            for f in alignment.misplaced(units, ctx)
            if f.message.startswith("this translation fits")
        ]
        assert len(misplaced) > 5
        assert misplaced == plain_alignment(units, ctx)[1]


def plain_odd_spellings(units: list[Unit]) -> dict[str, str]:
    """The name-spelling check's variants with every name's origins read, needed or not."""
    done = [u for u in units if u.translated]
    found = [(word, s, u.msgid) for u in done for word, s in spelling.name_stems(u.msgstr)]
    origins: dict[str, set[str]] = defaultdict(set)
    for word, s, source in found:
        origins[s] |= spelling._origins(word, source)
    return spelling._variants(Counter(s for _, s, _ in found), origins)


def _misspelt(text: str) -> str:
    """Every capitalised word of five letters or more with its third letter doubled."""
    return re.sub(r"\b([A-ZА-ЯЁ]\w)(\w)(\w{2,})", r"\1\2\2\3", text)


def test_name_spelling_reads_the_origins_of_the_alike_names_only() -> None:
    found = 0
    for doc in sorted(DATA.glob("*.ky.txt"))[:30]:
        for lang in ("ru", "en"):
            units, _ = _release(doc, lang, 0)
            units = [  # every fourth translation misspells its names
                Unit(u.msgid, _misspelt(u.msgstr) if u.index % 4 == 1 else u.msgstr,
                     line=u.line, index=u.index)
                for u in units
            ]  # fmt: skip
            done = [u for u in units if u.translated]
            per_unit = [spelling.name_stems(u.msgstr) for u in done]
            stems = Counter(s for found in per_unit for _, s in found)
            odd = spelling.odd_spellings(done, per_unit, stems)
            assert odd == plain_odd_spellings(units)
            found += len(odd)
    assert found > 100  # the misspelt names are found


def _opens_no_number_or_month(word: str) -> bool:
    """A word whose first two letters are no number word's nor month's is read as neither."""
    return word[:2] in word_heads() or (_word_value(word) is None and month_of(word) is None)


def test_a_word_of_the_documents_skipped_by_its_head_is_no_number_or_month() -> None:
    words = {w.lower() for text in _texts() for w in _WORD.findall(text)}
    assert len(words) > 1000
    assert [w for w in words if not _opens_no_number_or_month(w)] == []


NUMBERS_AND_MONTHS = [*number_word_table()[0], *(s for s, _ in number_word_table()[1]),
                      *EN_MONTHS, "сентябрь", "майда", "мая", "ноябрга", "Декабрь"]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from(sorted(NUMBERS_AND_MONTHS)),
    st.text(alphabet=st.sampled_from("аеиоуыяюйхмвгsyt"), max_size=4),
    st.integers(0, 3),
)
def test_a_number_word_or_month_cut_or_inflected_is_never_skipped_by_its_head(
    word: str, ending: str, cut: int
) -> None:
    assert _opens_no_number_or_month((word[cut:] + ending).lower())


def plain_untranslated(msgstr: str, lang: str) -> list[str]:
    """The untranslated-text check's leftovers as first written: every word searched."""
    cyrillic, kyrgyz_letters = re.compile(r"[\u0400-\u04ff]"), re.compile(r"[өүңӨҮҢ]")
    words = _WORD.findall(msgstr)
    if lang == "en":
        found = sorted({w.lower() for w in words if cyrillic.search(w.lower())})
        return [f"Cyrillic text in the translation: {' '.join(found[:5])}"] if found else []
    letters = sorted({w for w in words if kyrgyz_letters.search(w)})
    kyrgyz = sorted({w.lower() for w in words if w.lower() in scripts.kyrgyz_words()})
    if letters:
        return [f"Kyrgyz letters in the translation: {' '.join(letters[:5])}"]
    if len(kyrgyz) >= 2:
        return [f"Kyrgyz words in the translation: {' '.join(kyrgyz[:5])}"]
    return []


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["жана", "менен", "бул", "Өмүр", "аң", "Путин", "mосква", "Trump",
                              "҂5", "а\u0483", "x", "и", "ЖАНА", "1", ","])),
    st.sampled_from(["ru", "en"]),
)  # fmt: skip
def test_untranslated_text_reads_the_words_of_a_text_with_such_letters_only(
    words: list[str], lang: str
) -> None:
    """The text is searched for Cyrillic (Kyrgyz) letters once, its words only if it has some:
    a Cyrillic sign or accent (҂, a titlo) in no word of an English text is no finding."""
    unit = Unit("Булар башка", " ".join(words))
    found = list(scripts.untranslated_text(unit, Context(lang=lang)))
    assert found == plain_untranslated(unit.msgstr, lang)
