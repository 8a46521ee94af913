"""Markers that carry numbers, dates, URLs, e-mails, placeholders and glossary terms through MT.

Before a text is sent, every span that must come back unchanged is replaced by ``{N}``; after,
each marker is put back. Engines insert spaces (``{ 3 }``) or use full-width braces; the reader
tolerates both. A reply that lost, duplicated or invented a marker is refused, because writing it
would silently drop a figure or a link from a press release. Glossary terms are not merely kept:
an acronym (``ЖӨБ``) becomes a marker that comes back as the target language's preferred term
(``ОМСУ``); a phrase is written into the text already in the target language, so that the engine
can still inflect around it and MT follows the glossary either way.

Long texts are split for the provider's length limit at sentence, then clause, then word
boundaries (never inside a marker) and joined with the original separators.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..glossary import Glossary

#: (kind, pattern) in priority order: an earlier kind wins an overlap.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("marker", re.compile(r"[{｛][^{}｛｝]*[}｝]")),  # literal braces: keep ours unambiguous
    ("placeholder", re.compile(r"</?\d+/?>")),
    ("url", re.compile(r"(?:https?://|www\.)[^\s<>\"]+[^\s<>\".,;:!?)»”]", re.IGNORECASE)),
    ("email", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    # "1 000 000" (thousands split by a space, as in Kyrgyz and Russian) is one number
    (
        "number",
        re.compile(
            r"(?<!\d)\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?(?!\d)|\d+(?:[.,:/–-]\d+)*"
        ),
    ),
)

_MARKER = re.compile(r"[{｛]\s*(\d+)\s*[}｝]")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Protected:
    """A text with markers, and what each marker stands for in the target language."""

    source: str
    text: str
    values: tuple[str, ...]
    kinds: tuple[str, ...]

    @property
    def translatable(self) -> bool:
        """False when nothing but markers, digits and punctuation is left to translate."""
        return has_letters(self.text)


def has_letters(text: str) -> bool:
    """Whether a (protected) text holds anything for an engine to translate."""
    return bool(_LETTER.search(_MARKER.sub("", text)))


class LostMarker(ValueError):
    """An MT reply that does not hold every marker exactly once."""


def protect(text: str, *, lang: str, glossary: Glossary | None = None) -> Protected:
    """Replace protected spans of ``text`` by ``{0}``, ``{1}``… in order of appearance."""
    spans: list[tuple[int, int, str, str]] = []  # start, end, kind, value in the target

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e, _, _ in spans)

    for kind, pattern in PATTERNS[:4]:
        for m in pattern.finditer(text):
            if free(m.start(), m.end()):
                spans.append((m.start(), m.end(), kind, m.group()))
    inline: list[tuple[int, int, str]] = []  # glossary phrases written in the target language
    if glossary is not None:
        for term in glossary.find(text):
            variants = term.targets.get(lang, ())
            for m in term.pattern.finditer(text):
                if not free(m.start(), m.end()) or any(
                    m.start() < e and s < m.end() for s, e, _ in inline
                ):
                    continue
                value = _match_case(variants[0], m.group()) if variants else m.group()
                if _is_acronym(value) or _is_acronym(term.source) or not variants:
                    spans.append((m.start(), m.end(), "term", value))
                else:
                    inline.append((m.start(), m.end(), value))
    for m in PATTERNS[4][1].finditer(text):
        if free(m.start(), m.end()):
            spans.append((m.start(), m.end(), "number", m.group()))
    spans.sort()
    edits = sorted([(s, e, None) for s, e, _, _ in spans] + list(inline))
    out, pos, index = [], 0, 0
    for start, end, value in edits:
        out.append(text[pos:start])
        if value is None:
            out.append(f"{{{index}}}")
            index += 1
        else:
            out.append(value)
        pos = end
    out.append(text[pos:])
    return Protected(
        source=text,
        text="".join(out),
        values=tuple(v for _, _, _, v in spans),
        kinds=tuple(k for _, _, k, _ in spans),
    )


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters) and " " not in text.strip()


def _match_case(variant: str, found: str) -> str:
    """``Форум`` for ``Форуму`` but ``форум`` for ``форуму``; acronyms are left alone."""
    if _is_acronym(variant) or not variant or not found:
        return variant
    if found[0].islower() and variant[0].isupper():
        return variant[0].lower() + variant[1:]
    if found[0].isupper() and variant[0].islower():
        return variant[0].upper() + variant[1:]
    return variant


def markers_in(text: str) -> list[int]:
    return [int(m.group(1)) for m in _MARKER.finditer(text)]


def check_markers(sent: str, reply: str) -> None:
    """Raise LostMarker unless ``reply`` holds exactly the markers of ``sent``, once each."""
    expected, got = sorted(markers_in(sent)), sorted(markers_in(reply))
    if expected != got:
        lost = sorted(set(expected) - set(got))
        extra = sorted(set(got) - set(expected))
        dup = sorted({n for n in got if got.count(n) > 1})
        parts = []
        if lost:
            parts.append("lost " + ", ".join(f"{{{n}}}" for n in lost))
        if dup:
            parts.append("repeated " + ", ".join(f"{{{n}}}" for n in dup))
        if extra:
            parts.append("invented " + ", ".join(f"{{{n}}}" for n in extra))
        raise LostMarker("; ".join(parts) or "markers changed")


def restore(reply: str, protected: Protected) -> str:
    """Put the protected values back; raise LostMarker if any marker is missing or doubled."""
    check_markers(protected.text, reply)

    def value(m: re.Match[str]) -> str:
        return protected.values[int(m.group(1))]

    return _MARKER.sub(value, reply)


def describe_lost(reply: str, protected: Protected, *, among: str | None = None) -> str:
    """Which values a bad reply dropped, for the report: ``number '2018', url 'https://…'``.

    ``among`` is the piece that was sent, when the text went out in several pieces.
    """
    got = set(markers_in(reply))
    wanted = markers_in(protected.text if among is None else among)
    lost = [f"{protected.kinds[i]} {protected.values[i]!r}" for i in wanted if i not in got]
    return ", ".join(lost)


# --------------------------------------------------------------------------- splitting

_BOUNDARIES = (
    re.compile(r"(?<=[.!?…])[\"»”)]*\s+"),  # sentences
    re.compile(r"(?<=[;:,–—])\s+"),  # clauses
    re.compile(r"\s+"),  # words
)


@dataclass(frozen=True)
class Piece:
    text: str
    space: str  # the separator that followed it in the original


def split_for_limit(text: str, fits: Callable[[str], bool]) -> list[Piece]:
    """Cut ``text`` into pieces that each ``fits``, preferring the largest boundaries."""
    if fits(text):
        return [Piece(text, "")]
    return _split(text, "", fits, 0)


def _split(text: str, space: str, fits: Callable[[str], bool], level: int) -> list[Piece]:
    if fits(text):
        return [Piece(text, space)]
    if level >= len(_BOUNDARIES):
        return _hard_split(text, space, fits)
    parts: list[Piece] = []
    pos = 0
    for m in _BOUNDARIES[level].finditer(text):
        if m.start() > pos:
            parts.append(Piece(text[pos : m.start()], m.group()))
            pos = m.end()
    if pos < len(text):
        parts.append(Piece(text[pos:], ""))
    if len(parts) <= 1:
        return _split(text, space, fits, level + 1)
    pieces: list[Piece] = []
    current: Piece | None = None
    for part in parts:  # greedy: pack consecutive parts while they fit
        if current is not None and fits(current.text + current.space + part.text):
            current = Piece(current.text + current.space + part.text, part.space)
            continue
        if current is not None:
            pieces.extend(_split(current.text, current.space, fits, level + 1))
        current = part
    if current is not None:
        pieces.extend(_split(current.text, current.space, fits, level + 1))
    last = pieces[-1]
    pieces[-1] = Piece(last.text, last.space + space)
    return pieces


def _hard_split(text: str, space: str, fits: Callable[[str], bool]) -> list[Piece]:
    """A single 'word' longer than the limit: cut it, away from markers where possible."""
    pieces, rest = [], text
    while rest and not fits(rest):
        cut = len(rest) - 1
        while cut > 1 and not fits(rest[:cut]):
            cut = cut * 3 // 4
        markers = [m for m in _MARKER.finditer(rest) if m.start() < cut < m.end()]
        if markers and markers[0].start() > 0:
            cut = markers[0].start()
        pieces.append(Piece(rest[:cut], ""))
        rest = rest[cut:]
    pieces.append(Piece(rest, space))
    return pieces
