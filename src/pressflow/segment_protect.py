"""Where a unit never ends: inside inline placeholders (``<1>…</1>``), quoted names and titles
(``«Таза шаар. Жашыл шаар» программасы``), and web or mail addresses.

Why apart from the splitter: these are spans of a block found by scanning it, asked about only
where a rule breaks; the splitter decides candidates, this module vetoes some of its breaks.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .segment_rules import Rules

__all__ = ["Protected"]

_PAIRED = re.compile(r"<(\d+)>")
_CLOSING = re.compile(r"</(\d+)>")
_SPACE = re.compile(r"\s*")
_TOKEN = re.compile(r"\S+")
_OPENS_AFTER = re.compile(r"[\s(\[«„“‘\-–—/]")


def _placeholder_interiors(text: str) -> list[tuple[int, int]]:
    """Inside ``<1>…</1>``: a unit never ends there (markup spanning sentences stays whole).

    Each opening is paired with the first closing of its number after it, found by bisection
    in the closings' positions (one scan of the text, however many openings go unclosed)."""
    if "<" not in text:
        return []
    closings: dict[str, list[int]] = {}
    for m in _CLOSING.finditer(text):
        closings.setdefault(m[1], []).append(m.start())
    spans = []
    for m in _PAIRED.finditer(text):
        found = closings.get(m[1], ())
        k = bisect_left(found, m.end())
        if k < len(found):
            spans.append((m.end(), found[k]))
    return spans


def _title_quotes(text: str, rules: Rules) -> list[tuple[int, int]]:
    """Quoted names inside a sentence (``«Таза шаар. Жашыл шаар» программасы``) stay whole.

    A short quotation counts as a name when a lower-case word that is not reported speech follows
    it (``программасы``, not ``деп``); a quotation that is said is split at its sentence ends.
    """
    quotes = _quote_marks(rules.quotes)
    spans = []
    search = quotes.opener.search
    m = search(text)
    while m is not None:
        i = m.start()
        mark = text[i]
        # A mark that can also close opens only at a word start: `сөз“ деди` closes.
        if mark in quotes.closing and i and not _OPENS_AFTER.match(text[i - 1]):
            m = search(text, i + 1)
            continue
        close = quotes.closers[mark].search(text, i + 1, i + 2 + rules.title_quote_max)
        if close is None:
            m = search(text, i + 1)
            continue
        j = close.start()
        if text[i + 1 : j].strip() and _names_something(text, j + 1, rules, quotes.openers):
            spans.append((i + 1, j))
        m = search(text, j + 1)
    return spans


@dataclass(frozen=True)
class _Quotes:
    """A language's quote pairs as the scanner uses them (compiled once per pair list)."""

    openers: frozenset[str]
    closing: frozenset[str]
    opener: re.Pattern[str]
    closers: dict[str, re.Pattern[str]]


@lru_cache(maxsize=16)
def _quote_marks(pairs: tuple[tuple[str, str], ...]) -> _Quotes:
    def chars(marks: Iterable[str]) -> re.Pattern[str]:
        return re.compile("[" + "".join(re.escape(c) for c in sorted(set(marks))) + "]")

    openers = frozenset(o for o, _ in pairs)
    closers = {o: chars(c for oo, c in pairs if oo == o) for o in openers}
    return _Quotes(openers, frozenset(c for _, c in pairs), chars(openers), closers)


def _names_something(text: str, pos: int, rules: Rules, openers: frozenset[str]) -> bool:
    """Does the text from ``pos`` (after a closing quote) make the quotation a name rather than
    speech? Read in place: a copy of the rest at every quote is quadratic in a long block."""
    i = _SPACE.match(text, pos).end()  # type: ignore[union-attr]
    if text[i : i + 1] in (",", ";"):
        i = _SPACE.match(text, i + 1).end()  # type: ignore[union-attr]
        if text[i : i + 1] in openers:
            return True
    word = _TOKEN.match(text, i)
    return word is not None and text[i].islower() and word[0] not in rules.speech_words


def _url_interiors(text: str, rules: Rules) -> list[tuple[int, int]]:
    """Web and mail addresses are never cut (``www.gov.kg``, ``e-salyk.kg``)."""
    spans: list[tuple[int, int]] = []
    for m in rules.addresses(text):
        end = m.end()
        while end > m.start() and text[end - 1] in ".,;:!?)»\"”'":
            end -= 1
        spans.append((m.start(), end))
    return spans


class _Intervals:
    """Open intervals ``(a, b)``, merged, answering "is ``pos`` strictly inside one?" by
    bisection: a long block has as many quotes and addresses as candidate breaks."""

    def __init__(self, spans: list[tuple[int, int]]):
        starts: list[int] = []
        ends: list[int] = []
        for a, b in sorted(s for s in spans if s[1] - s[0] > 1):  # (a, a+1) holds no integer
            if starts and a < ends[-1]:  # overlapping open intervals merge; touching ones don't
                ends[-1] = max(ends[-1], b)
            else:
                starts.append(a)
                ends.append(b)
        self.starts = starts
        self.ends = ends

    def __bool__(self) -> bool:
        return bool(self.starts)

    def inside(self, pos: int) -> bool:
        k = bisect_left(self.starts, pos) - 1  # the last interval starting before pos
        return k >= 0 and pos < self.ends[k]


class Protected:
    """Where a unit never ends (placeholders' insides, quoted names, addresses), found when a
    rule first breaks in a text, and its addresses only when a break is not followed by white
    space: an address holds none, so no break before white space is inside one."""

    def __init__(self, text: str, rules: Rules):
        self.text = text
        self.rules = rules
        self.spans: _Intervals | None = None
        self.addresses: _Intervals | None = None

    def inside(self, pos: int) -> bool:
        text = self.text
        if self.spans is None:
            self.spans = _Intervals(_placeholder_interiors(text) + _title_quotes(text, self.rules))
        if self.spans and self.spans.inside(pos):
            return True
        if text[pos].isspace():
            return False
        if self.addresses is None:
            self.addresses = _Intervals(_url_interiors(text, self.rules))
        return bool(self.addresses) and self.addresses.inside(pos)
