"""Split release blocks into translation units: sentences, as a Kyrgyz translator expects them.

Why rules as data: every segmenter we measured fails on Kyrgyz initials, year abbreviations and
ordinal-date sentence starts, and each fix is a pattern, not an algorithm. The rules live in
``data/segment/<lang>.toml`` (SRX spirit: ordered break / no-break rules with a ``before`` and an
``after`` regex, plus abbreviation lists; compiled by ``segment_rules``), so fixing a case or
adding a language is a data change with a test. This module walks the candidate positions, keeps
inline placeholders, addresses and quoted titles whole, and marks runs of foreign-script text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Block, Release, Segment
from .segment_rules import Foreign, Rules, rules_for

__all__ = [
    "FOREIGN_FLAG",
    "Span",
    "rules_for",
    "segment_block",
    "segment_release",
    "split_spans",
    "split_text",
]

FOREIGN_FLAG = "foreign-text"

#: How far back a ``before`` pattern may look (characters); rules describe local context.
_WINDOW = 80

_WORD = re.compile(r"[^\W\d_]+")
_PAIRED = re.compile(r"<(\d+)>")
_OPENS_AFTER = re.compile(r"[\s(\[«„“‘\-–—/]")


@dataclass(frozen=True)
class Span:
    """One unit inside a text: offsets, and why it is special (``flags``/``note``) if it is."""

    start: int
    end: int
    flags: tuple[str, ...] = ()
    note: str = ""


def _placeholder_interiors(text: str) -> list[tuple[int, int]]:
    """Inside ``<1>…</1>``: a unit never ends there (markup spanning sentences stays whole)."""
    spans = []
    for m in _PAIRED.finditer(text):
        close = text.find(f"</{m[1]}>", m.end())
        if close != -1:
            spans.append((m.end(), close))
    return spans


def _title_quotes(text: str, rules: Rules) -> list[tuple[int, int]]:
    """Quoted names inside a sentence (``«Таза шаар. Жашыл шаар» программасы``) stay whole.

    A short quotation counts as a name when a lower-case word that is not reported speech follows
    it (``программасы``, not ``деп``); a quotation that is said is split at its sentence ends.
    """
    spans = []
    openers = {o for o, _ in rules.quotes}
    closing = {c for _, c in rules.quotes}
    i = 0
    while i < len(text):
        mark = text[i]
        # A mark that can also close opens only at a word start: `сөз“ деди` closes.
        if mark not in openers or (mark in closing and i and not _OPENS_AFTER.match(text[i - 1])):
            i += 1
            continue
        closers = {c for o, c in rules.quotes if o == mark}
        stop = min(len(text), i + 2 + rules.title_quote_max)
        j = next((k for k in range(i + 1, stop) if text[k] in closers), -1)
        if j == -1:
            i += 1
            continue
        if text[i + 1 : j].strip() and _names_something(text[j + 1 :], rules, openers):
            spans.append((i + 1, j))
        i = j + 1
    return spans


def _names_something(rest: str, rules: Rules, openers: set[str]) -> bool:
    """Does the text after a closing quote make the quotation a name rather than speech?"""
    rest = rest.lstrip()
    if rest[:1] in (",", ";"):
        rest = rest[1:].lstrip()
        if rest[:1] in openers:
            return True
    words = rest.split(None, 1)
    return bool(words) and rest[0].islower() and words[0] not in rules.speech_words


def _url_interiors(text: str, urls: re.Pattern[str]) -> list[tuple[int, int]]:
    """Web and mail addresses are never cut (``www.gov.kg``, ``e-salyk.kg``)."""
    spans = []
    for m in urls.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in ".,;:!?)»\"”'":
            end -= 1
        spans.append((m.start(), end))
    return spans


def _boundaries(text: str, rules: Rules) -> list[int]:
    """Offsets where a unit ends (before the whitespace that separates it from the next)."""
    protected = (
        _placeholder_interiors(text) + _title_quotes(text, rules) + _url_interiors(text, rules.urls)
    )
    first = len(text) - len(text.lstrip())
    last = len(text.rstrip())
    found: list[int] = []
    for m in rules.candidate.finditer(text):
        pos = m.end()
        if pos <= first or pos >= last:
            continue
        if any(a < pos < b for a, b in protected):
            continue
        for rule in rules.rules:
            if rule.before and not rule.before.search(text, max(0, pos - _WINDOW), pos):
                continue
            if rule.after and not rule.after.match(text, pos):
                continue
            if rule.brk and (not found or found[-1] != pos):
                found.append(pos)
            break
    return found


def _is_foreign(text: str, foreign: Foreign, urls: re.Pattern[str]) -> tuple[bool, int]:
    """(mostly other-script letters, number of other-script words that are not acronyms)."""
    plain = urls.sub(" ", text)
    native = other = words = 0
    for w in _WORD.findall(plain):
        n = len(foreign.native.findall(w))
        o = len(foreign.other.findall(w))
        native += n
        other += o
        if o and not n and not w.isupper():
            words += 1
    total = native + other
    return bool(words) and native <= foreign.max_native_share * total, words


def _mark_foreign(
    text: str, spans: list[Span], foreign: Foreign, urls: re.Pattern[str]
) -> list[Span]:
    """Merge each run of foreign-script units (and letterless tails like ``(17)``) into one."""
    out: list[Span] = []
    run: list[Span] = []
    words = 0

    def flush() -> None:
        nonlocal words
        if run and words >= foreign.min_words:
            out.append(Span(run[0].start, run[-1].end, (FOREIGN_FLAG,), foreign.note))
        else:
            out.extend(run)
        run.clear()
        words = 0

    for span in spans:
        piece = text[span.start : span.end]
        is_foreign, n = _is_foreign(piece, foreign, urls)
        letterless = not _WORD.search(piece)
        if is_foreign or (run and letterless):
            run.append(span)
            words += n
        else:
            flush()
            out.append(span)
    flush()
    return out


def split_spans(text: str, *, lang: str = "ky") -> list[Span]:
    """Units of ``text`` as spans with flags; the spans cover every non-whitespace character."""
    rules = rules_for(lang)
    spans: list[Span] = []
    start = 0
    for pos in [*_boundaries(text, rules), len(text)]:
        while start < pos and text[start].isspace():
            start += 1
        end = pos
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append(Span(start, end))
        start = pos
    if rules.foreign is not None:
        spans = _mark_foreign(text, spans, rules.foreign, rules.urls)
    return spans


def split_text(text: str, *, lang: str = "ky") -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``, in order, covering all non-whitespace."""
    return [(s.start, s.end) for s in split_spans(text, lang=lang)]


def _start_line(block: Block, start: int, source_lines: list[str]) -> int:
    """The source line where a unit starts, for a block a reader joined from wrapped lines.

    Counted in non-whitespace characters, which a reader keeps while it normalises spaces and
    line breaks; any doubt (the unit's first word is not on that line) keeps the block's line.
    """
    text = block.text
    line = block.line + text.count("\n", 0, start)
    if not source_lines or "\n" in text or start == 0:
        return line
    head = text[start:].split(None, 1)[0] if text[start:].strip() else ""
    want = sum(1 for c in text[:start] if not c.isspace())
    first = source_lines[block.line - 1] if block.line <= len(source_lines) else ""
    lead = text.split(None, 1)[0] if text.strip() else ""
    at = first.find(lead) if lead else -1
    if at < 0:
        return line
    seen = -sum(1 for c in first[:at] if not c.isspace())
    for no in range(block.line, len(source_lines) + 1):
        here = sum(1 for c in source_lines[no - 1] if not c.isspace())
        if seen + here > want:
            return no if head and head in source_lines[no - 1] else line
        seen += here
    return line


def segment_block(
    block: Block, *, release: str, lang: str, source_lines: list[str] | None = None
) -> tuple[Segment, ...]:
    """The units of one block, each knowing its line and the whitespace that followed it.

    ``source_lines`` (a plain-text release's lines) lets a unit of a hard-wrapped paragraph
    point at the line where it starts, so that ``#:`` references lead the translator there.
    """
    text = block.text
    spans = split_spans(text, lang=lang)
    out = []
    for i, span in enumerate(spans):
        nxt = spans[i + 1].start if i + 1 < len(spans) else len(text)
        flags = tuple(dict.fromkeys((*block.flags, *span.flags)))
        out.append(
            Segment(
                release=release,
                block=block.index,
                index=i,
                kind=block.kind,
                text=text[span.start : span.end],
                line=_start_line(block, span.start, source_lines or []),
                start=span.start,
                end=span.end,
                space=text[span.end : nxt],
                flags=flags,
                note=span.note or block.note,
            )
        )
    return tuple(out)


def segment_release(release: Release) -> tuple[Segment, ...]:
    """All units of a release, block by block, in source order."""
    lang = release.lang or "ky"
    lines = release.source.split("\n") if release.format == "txt" and release.source else []
    return tuple(
        seg
        for block in release.blocks
        for seg in segment_block(block, release=release.slug, lang=lang, source_lines=lines)
    )
