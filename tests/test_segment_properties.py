"""Invariants of segmentation on arbitrary text: nothing lost, nothing empty, always the same.

Why: a unit boundary that drops or duplicates a character corrupts the rebuilt page, and a
non-deterministic split churns every catalog. These hold for any input, so hypothesis hunts.
"""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from pressflow.model import Block, Release
from pressflow.segment import letterless, rules_for, segment_release, split_spans, split_text

# Pieces that exercise the rules: terminators, quotes, dashes, initials, abbreviations,
# numbers, domains, placeholders, foreign words, odd whitespace.
PUNCT = [*".!?…«»“”„\"'()—–-,:", "...", " ", "  ", "\u00a0", "\n"]
WORDS = (  # noqa: SIM905 - one readable line of pieces
    "Н. А.Ж. ж.б. т.б. млн. 2019-ж. 14-августта 03.07.2018 12.5 1,5 № kabar.kg www.gov.kg "
    "<1> </1> <2/> Error Page cannot Ал эми келди Бишкек ш. САЛИЕВ деди x 1. •"
).split()
PIECES = PUNCT + WORDS
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=40).map("".join)
LANGS = st.sampled_from(["ky", "ru", "en", "xx"])
FAST = settings(max_examples=150, deadline=None)


def rebuild(text: str, spans: list[tuple[int, int]]) -> str:
    """Leading whitespace, then each unit followed by the whitespace that stood after it."""
    if not spans:
        return text
    out = text[: spans[0][0]]
    for i, (start, end) in enumerate(spans):
        nxt = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        gap = text[end:nxt]
        assert not gap.strip(), f"non-whitespace lost between units: {gap!r}"
        out += text[start:end] + gap
    return out


@FAST
@given(TEXT, LANGS)
def test_units_and_whitespace_give_back_the_text(text: str, lang: str) -> None:
    spans = split_text(text, lang=lang)
    assert rebuild(text, spans) == text
    assert not text[: spans[0][0] if spans else len(text)].strip()


@FAST
@given(TEXT, LANGS)
def test_no_unit_is_empty_or_padded(text: str, lang: str) -> None:
    spans = split_text(text, lang=lang)
    assert all(start < end for start, end in spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    for start, end in spans:
        unit = text[start:end]
        assert unit.strip() and unit == unit.strip()
    assert bool(spans) == bool(text.strip())


@FAST
@given(TEXT, LANGS)
def test_deterministic(text: str, lang: str) -> None:
    assert split_spans(text, lang=lang) == split_spans(text, lang=lang)
    assert split_text(text, lang=lang) == split_text(text, lang=lang)


SENTENCE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)


@FAST
@given(st.lists(st.tuples(SENTENCE, st.booleans()), min_size=1, max_size=6))
def test_paired_placeholders_are_never_cut_through(parts: list[tuple[str, bool]]) -> None:
    text, inside = "", []
    for n, (sentence, wrap) in enumerate(parts, start=10):
        piece = sentence.replace("<1>", "").replace("</1>", "") + ". "
        if wrap:
            inside.append((len(text) + len(f"<{n}>"), len(text) + len(f"<{n}>") + len(piece)))
            piece = f"<{n}>{piece}</{n}>"
        text += piece
    for start, _end in split_text(text)[1:]:
        assert not any(a < start < b for a, b in inside), (text, start)


@FAST
@given(st.lists(TEXT, min_size=1, max_size=4))
def test_segment_release_rebuilds_every_block(texts: list[str]) -> None:
    blocks = tuple(
        Block(index=i, kind="paragraph", text=t, line=1 + 3 * i) for i, t in enumerate(texts)
    )
    release = Release(slug="s", path="releases/s.txt", lang="ky", title="T", blocks=blocks)
    segs = segment_release(release)
    for block in blocks:
        mine = [s for s in segs if s.block == block.index]
        assert [s.index for s in mine] == list(range(len(mine)))
        assert all(block.text[s.start : s.end] == s.text and s.text.strip() for s in mine)
        # what no unit covers is whitespace or has nothing to translate (numbers, addresses)
        rules = rules_for("ky")
        rest, pos = [], 0
        for s in mine:
            rest.append(block.text[pos : s.start])
            pos = s.end
        rest.append(block.text[pos:])
        assert all(letterless(gap, rules) for gap in rest)
        assert not any(letterless(s.text, rules) and not s.flags for s in mine)


ADDRESSY = st.lists(
    st.sampled_from(["kabar.kg", "www.", "a@b.kg", "https://x", ".kg", "ж", "1", " ", "-", "<1>"]),
    max_size=8,
).map("".join)


@FAST
@given(st.one_of(TEXT, ADDRESSY), LANGS)
def test_letterless_answers_as_the_whole_text_without_its_addresses(text: str, lang: str) -> None:
    """Deciding from the first letter's run (when it holds no address hint) is the same as
    removing every address and looking for a letter."""
    import re

    rules = rules_for(lang)
    plain = re.sub(r"</?\d+/?>", " ", text)
    expected = re.search(r"[^\W\d_]", rules.without_addresses(plain)) is None
    assert letterless(text, rules) is expected
