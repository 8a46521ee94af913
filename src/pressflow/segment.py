"""Split release blocks into translation units: sentences, as a Kyrgyz translator expects them.

Why rules as data: every segmenter we measured fails on Kyrgyz initials, year abbreviations and
ordinal-date sentence starts, and each fix is a pattern, not an algorithm. The rules live in
``data/segment/<lang>.toml`` (SRX spirit: ordered break / no-break rules with a ``before`` and an
``after`` regex, plus abbreviation lists), so fixing a case or adding a language is a data change
with a test. This module only compiles those rules, walks the candidate positions, keeps inline
placeholders and quoted titles whole, and marks runs of foreign-script text.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .model import Block, Release, Segment

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

FOREIGN_FLAG = "foreign-text"

#: How far back a ``before`` pattern may look (characters); rules describe local context.
_WINDOW = 80

#: Unicode blocks per script, for the letter macros and the foreign-text test.
_SCRIPTS: dict[str, tuple[tuple[int, int], ...]] = {
    "Latin": ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F), (0x1E00, 0x1EFF)),
    "Greek": ((0x370, 0x3FF),),
    "Cyrillic": ((0x400, 0x52F),),
}

_WORD = re.compile(r"[^\W\d_]+")
_PAIRED = re.compile(r"<(\d+)>")
_OPENS_AFTER = re.compile(r"[\s(\[«„“‘\-–—/]")
_TERMINAL = re.compile(r"[.!?…,;:]\W*$")


@dataclass(frozen=True)
class Span:
    """One unit inside a text: offsets, and why it is special (``flags``/``note``) if it is."""

    start: int
    end: int
    flags: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Rule:
    """A compiled SRX-style rule: break (or not) where ``before`` ends and ``after`` begins."""

    name: str
    brk: bool
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None


@dataclass(frozen=True)
class Foreign:
    """How to tell text that is not in the release's language: letters of another script."""

    native: re.Pattern[str]
    other: re.Pattern[str]
    min_words: int
    max_native_share: float
    note: str


@dataclass(frozen=True)
class Rules:
    """Everything needed to segment one language."""

    lang: str
    candidate: re.Pattern[str]
    rules: tuple[Rule, ...]
    quotes: tuple[tuple[str, str], ...]
    title_quote_max: int
    foreign: Foreign | None
    urls: re.Pattern[str]


def _char_class(pred: Any, scripts: Iterable[str] = ("Latin", "Greek", "Cyrillic")) -> str:
    """The characters of ``scripts`` that satisfy ``pred``, as the body of a regex class."""
    chars = [
        chr(c) for s in scripts for lo, hi in _SCRIPTS[s] for c in range(lo, hi + 1) if pred(chr(c))
    ]
    out: list[str] = []
    i = 0
    while i < len(chars):
        j = i
        while j + 1 < len(chars) and ord(chars[j + 1]) == ord(chars[j]) + 1:
            j += 1
        out.append(re.escape(chars[i]) + ("-" + re.escape(chars[j]) if j > i else ""))
        i = j + 1
    return "".join(out)


def _abbrev_alternation(items: Iterable[str]) -> str:
    """Abbreviations without their final dot -> one alternation; inner dots allow a space."""
    pats = sorted({re.escape(a).replace(r"\.", r"\.\s?") for a in items}, key=len, reverse=True)
    return "|".join(pats) or r"(?!)"


def _load(lang: str) -> dict[str, Any]:
    path = resources.files("pressflow") / "data" / "segment" / f"{lang}.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _available(lang: str) -> bool:
    return (resources.files("pressflow") / "data" / "segment" / f"{lang}.toml").is_file()


@lru_cache(maxsize=16)
def rules_for(lang: str) -> Rules:
    """Compile the rules of ``lang`` (``ky``, ``ky-KG``…), falling back to the shared ones."""
    base = lang.lower().replace("_", "-").split("-")[0] or "common"
    if not _available(base):
        base = "common"
    own = _load(base)
    chain = [own]
    while "inherit" in chain[-1]:
        chain.append(_load(chain[-1]["inherit"]))
    common = chain[-1]
    abbrev = own.get("abbreviations", {})
    macros = {
        "Lu": _char_class(str.isupper),
        "Ll": _char_class(str.islower),
        "L": _char_class(str.isalpha),
        **common.get("macros", {}),
        "tld": "|".join(re.escape(t) for t in common.get("tlds", ())) or r"(?!)",
        "never": _abbrev_alternation(abbrev.get("never", ())),
        "lower": _abbrev_alternation(abbrev.get("lower", ())),
    }

    def expand(pattern: str) -> str:
        return re.sub(r"\{(\w+)\}", lambda m: macros.get(m[1], m[0]), pattern)

    compiled = []
    for data in chain:
        for r in data.get("rule", ()):
            before = r.get("before")
            after = r.get("after")
            compiled.append(
                Rule(
                    name=r.get("name", ""),
                    brk=bool(r["break"]),
                    before=re.compile(f"(?:{expand(before)})\\Z") if before else None,
                    after=re.compile(expand(after)) if after else None,
                )
            )
    foreign = None
    spec = own.get("foreign", {})
    if spec.get("script"):
        foreign = Foreign(
            native=re.compile(f"[{_char_class(str.isalpha, (spec['script'],))}]"),
            other=re.compile(f"[{_char_class(str.isalpha, spec.get('other', ()))}]"),
            min_words=int(spec.get("min_words", 2)),
            max_native_share=float(spec.get("max_native_share", 0.2)),
            note=str(spec.get("note", "")),
        )
    return Rules(
        lang=base,
        candidate=re.compile(expand(common["candidate"])),
        rules=tuple(compiled),
        quotes=tuple((q[0], q[1]) for q in common.get("quotes", ())),
        title_quote_max=int(common.get("title_quote_max", 150)),
        foreign=foreign,
        urls=re.compile(
            r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
            rf"|[\w-]+(?:\.[\w-]+)*\.(?:{macros['tld']})(?![A-Za-z])(?:/\S*)?"
        ),
    )


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

    A quotation counts as a name when it does not end with a terminator and a lower-case word
    follows it; a real multi-sentence quotation ends with one and is split at its sentence ends.
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
        inner = text[i + 1 : j].strip()
        if inner and not _TERMINAL.search(inner) and text[j + 1 :].lstrip()[:1].islower():
            spans.append((i + 1, j))
        i = j + 1
    return spans


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


def _mark_foreign(text: str, spans: list[Span], rules: Rules) -> list[Span]:
    """Merge each run of foreign-script units (and letterless tails like ``(17)``) into one."""
    foreign = rules.foreign
    assert foreign is not None
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
        is_foreign, n = _is_foreign(piece, foreign, rules.urls)
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
    start = len(text) - len(text.lstrip())
    for pos in [*_boundaries(text, rules), len(text)]:
        end = len(text[:pos].rstrip())
        if end > start:
            spans.append(Span(start, end))
        start = pos + len(text[pos:]) - len(text[pos:].lstrip())
    if rules.foreign is not None:
        spans = _mark_foreign(text, spans, rules)
    return spans


def split_text(text: str, *, lang: str = "ky") -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``, in order, covering all non-whitespace."""
    return [(s.start, s.end) for s in split_spans(text, lang=lang)]


def segment_block(block: Block, *, release: str, lang: str) -> tuple[Segment, ...]:
    """The units of one block, each knowing its line and the whitespace that followed it."""
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
                line=block.line + text.count("\n", 0, span.start),
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
    return tuple(
        seg
        for block in release.blocks
        for seg in segment_block(block, release=release.slug, lang=lang)
    )
