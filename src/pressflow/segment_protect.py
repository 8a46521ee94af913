"""Where a unit never ends: inside inline placeholders (``<1>…</1>``), quoted names and titles
(``«Таза шаар. Жашыл шаар» программасы``), and web or mail addresses.

Why apart from the splitter: these are spans of a block found by scanning it, asked about only
where a rule breaks; the splitter decides candidates, this module vetoes some of its breaks.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from .charclass import char_positions
from .segment_rules import Rules

__all__ = ["Protected"]

_PAIRED = re.compile(r"<(\d+)>")
_CLOSING = re.compile(r"</(\d+)>")
#: What a mark that can also close must follow to open: white space, a bracket, a dash…
_NOT_OPENS_AFTER = r"[^\s(\[«„“‘\-–—/]"


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
    Each quotation is a match of one pattern (``_Quotes.match``), tried at each opening mark
    after the last quotation's closing mark, as the reading goes on after a quotation (the
    matches of ``finditer``: every match starts on an opening mark, found with ``str.find``).
    """
    quotes = _quote_marks(rules.quotes, rules.title_quote_max)
    spans = []
    done = 0  # where the last quotation ended
    for at in char_positions(text, quotes.marks):
        if at < done:
            continue
        m = quotes.match(text, at)
        if m is None:
            continue
        done = m.end()  # (never empty: a mark and a closing mark at least)
        i, j = at, done - 1
        if not text[i + 1 : j].strip():
            continue
        if _is_name(m[1], m[2], rules, quotes.openers):
            spans.append((i + 1, j))
    return spans


@dataclass(frozen=True)
class _Quotes:
    """A language's quote pairs as the scanner uses them (compiled once per pair list)."""

    openers: frozenset[str]
    #: The opening marks, in order, as one string (for ``charclass.char_positions``).
    marks: str
    #: ``match`` of a quotation: an opening mark (one that can also close only at a word
    #: start: `сөз“ деди` closes), at most ``longest`` characters without one of its closing
    #: marks, then the first of them; followed by what ``_FOLLOW`` reads after it (its groups).
    match: Callable[[str, int], re.Match[str] | None]


#: After a closing mark: white space, maybe a comma or semicolon and white space, then a word.
_FOLLOW = re.compile(r"\s*(?:([,;])\s*)?(\S*)")


@lru_cache(maxsize=16)
def _quote_marks(pairs: tuple[tuple[str, str], ...], longest: int) -> _Quotes:
    def chars(marks: Iterable[str]) -> str:
        return "".join(re.escape(c) for c in sorted(set(marks)))

    openers = frozenset(o for o, _ in pairs)
    closing = frozenset(c for _, c in pairs)
    branches = []
    for o in sorted(openers):
        ends = chars(c for oo, c in pairs if oo == o)
        mark = re.escape(o)
        # (the guard behind the mark: each branch opening on its mark, the engine skips to one)
        guard = f"(?<!{_NOT_OPENS_AFTER}{mark})" if o in closing else ""
        branches.append(f"{mark}{guard}[^{ends}]{{0,{longest}}}[{ends}]")
    match = re.compile(f"(?:{'|'.join(branches)})(?={_FOLLOW.pattern})").match
    return _Quotes(openers, "".join(sorted(openers)), match)


def _is_name(comma: str | None, word: str, rules: Rules, openers: frozenset[str]) -> bool:
    """Does what follows a closing quote (``_FOLLOW``'s groups) make the quotation a name rather
    than speech: another quotation after a comma, or a lower-case word that is not speech."""
    if comma and word[:1] in openers:
        return True
    return bool(word) and word[0].islower() and word not in rules.speech_words


def _url_interiors(text: str, rules: Rules) -> list[tuple[int, int]]:
    """Web and mail addresses are never cut (``www.gov.kg``, ``e-salyk.kg``)."""
    spans: list[tuple[int, int]] = []
    for m in rules.addresses(text):
        end = m.end()
        while end > m.start() and text[end - 1] in ".,;:!?)»\"”'":
            end -= 1
        spans.append((m.start(), end))
    return spans


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Open intervals ``(a, b)``, merged: their starts and ends, in order (``_Intervals``)."""
    starts: list[int] = []
    ends: list[int] = []
    if len(spans) > 1:
        spans.sort()
    for a, b in spans:
        if b - a <= 1:
            continue  # (a, a+1) holds no integer
        if starts and a < ends[-1]:  # overlapping open intervals merge; touching ones don't
            if b > ends[-1]:
                ends[-1] = b
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


class _Intervals:
    """Open intervals ``(a, b)``, merged, answering "is ``pos`` strictly inside one?" by
    bisection: a long block has as many quotes and addresses as candidate breaks."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.starts, self.ends = _merged(list(spans))

    def __bool__(self) -> bool:
        return bool(self.starts)

    def inside(self, pos: int) -> bool:
        k = bisect_left(self.starts, pos) - 1  # the last interval starting before pos
        return k >= 0 and pos < self.ends[k]


class Protected:
    """Where a unit never ends (placeholders' insides, quoted names, addresses), found when a
    rule first breaks in a text, and its addresses only when a break is not followed by white
    space: an address holds none, so no break before white space is inside one.

    ``starts`` and ``ends`` are the placeholders' and quotations' merged open intervals, which
    ``inside`` bisects."""

    __slots__ = ("addresses", "ends", "rules", "starts", "text")

    def __init__(self, text: str, rules: Rules):
        self.text = text
        self.rules = rules
        spans = _placeholder_interiors(text) if "<" in text else []
        spans += _title_quotes(text, rules)
        self.starts, self.ends = _merged(spans)
        self.addresses: _Intervals | None = None

    def inside(self, pos: int) -> bool:
        starts = self.starts
        if starts:
            k = bisect_left(starts, pos) - 1  # the last interval starting before pos
            if k >= 0 and pos < self.ends[k]:
                return True
        return self.in_address(pos)

    def in_address(self, pos: int) -> bool:
        """Whether ``pos`` is inside an address (never, before white space)."""
        text = self.text
        if text[pos].isspace():
            return False
        if self.addresses is None:
            self.addresses = _Intervals(_url_interiors(text, self.rules))
        return bool(self.addresses) and self.addresses.inside(pos)
