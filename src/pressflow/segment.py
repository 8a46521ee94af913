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
from functools import lru_cache
from typing import NamedTuple

from . import segment_lines
from .model import Block, Release, Segment, value_from
from .segment_plan import Check, Plan
from .segment_protect import Protected
from .segment_rules import Foreign, Rules, rules_for

__all__ = [
    "FOREIGN_FLAG",
    "Span",
    "letterless",
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
_ANY_PLACEHOLDER = re.compile(r"</?\d+/?>")
_RUN = re.compile(r"\S*")
#: ``Span(start, end)`` without the named tuple's ``__new__``, a Python function of its own.
_TUPLE = tuple.__new__


class Span(NamedTuple):
    """One unit inside a text: offsets, and why it is special (``flags``/``note``) if it is.
    (A named tuple: made for every unit of every release, it costs a third of a dataclass.)"""

    start: int
    end: int
    flags: tuple[str, ...] = ()
    note: str = ""


def _boundaries(text: str, rules: Rules) -> list[int]:
    """Offsets where a unit ends (before the whitespace that separates it from the next)."""
    scan = rules.scan
    if scan is None:
        return _boundaries_found(text, rules)
    first = len(text) - len(text.lstrip())
    last = len(text.rstrip())
    found: list[int] = []
    protected: Protected | None = None
    plans, plan_of = rules._plans, rules.scan_plan
    n = len(text)
    backwards = ""  # read from a candidate back (see ``Plan.sieve``), reversed when first needed
    at = 0
    longer: re.Match[str] | None = None
    while True:
        if longer is not None:  # the longer candidate after an empty one at its place
            key, pos = ("", *longer.groups()), longer.end()
            at, longer = pos, None
        else:
            m = scan(text, at)
            pos = m.end()  # type: ignore[union-attr]  (the pattern always matches)
            key = m.groups()  # type: ignore[union-attr]
            if key[0] is None:  # no candidate starts on the character at ``pos``
                if pos >= n:
                    return found
                at = pos + 1
                continue
            at = pos
            if m.start(1) == pos:  # type: ignore[union-attr]
                # An empty candidate: ``finditer`` then tries a longer one at its place.
                scanner = rules.probed.scanner(text, pos)  # type: ignore[union-attr]
                scanner.match()
                longer = scanner.match()
                at = pos + 1
        if not first < pos < last:
            continue
        if not backwards:
            backwards = text[::-1]
        brk = _by_plan(text, backwards, pos, plans.get(key) or plan_of(key))
        if not brk or (found and found[-1] == pos):
            continue
        if protected is None:
            # (protected spans are asked about only where a rule breaks: they decide no other)
            protected = Protected(text, rules)
        if not protected.inside(pos):
            found.append(pos)


def _boundaries_found(text: str, rules: Rules) -> list[int]:
    """``_boundaries`` of rules without a ``scan``: the candidates found one by one."""
    first = len(text) - len(text.lstrip())
    last = len(text.rstrip())
    found: list[int] = []
    protected: Protected | None = None
    plans, plan_of = rules._plans, rules.plan
    probed = rules.probed is not None
    probe = None if probed else rules.after_probe  # (compiled only when not joined)
    backwards = ""  # read from a candidate back (see ``Plan.sieve``), reversed when first needed
    for m in rules.candidates(text):
        pos = m.end()
        if not first < pos < last:
            continue
        if not backwards:
            backwards = text[::-1]
        if not probed and probe is None:
            brk = _decide(text, backwards, pos, rules.checks)
        else:
            holds = m.groups() if probed else probe(text, pos).groups()  # type: ignore[misc]
            brk = _by_plan(text, backwards, pos, plans.get(holds) or plan_of(holds))
        if not brk or (found and found[-1] == pos):
            continue
        if protected is None:
            protected = Protected(text, rules)
        # (protected spans are asked about only where a rule breaks: they decide no other)
        if not protected.inside(pos):
            found.append(pos)
    return found


def _by_plan(text: str, backwards: str, pos: int, plan: Plan) -> bool | None:
    """Whether ``plan`` (the rules left by the probe's answer at ``pos``) breaks there: its
    sieve, when it has one, picks the first rule that can hold, and the rules from it decide."""
    sieve = plan.sieve
    if sieve is None:
        return _decide(text, backwards, pos, plan.checks) if plan.checks else None
    picked = sieve(backwards, len(text) - pos)
    if picked is None:
        return plan.default  # no ``before`` can end here: the last rule decides
    return _decide(text, backwards, pos, plan.checks[plan.picks[picked.lastindex] :])


def _decide(text: str, backwards: str, pos: int, checks: tuple[Check, ...]) -> bool | None:
    """Whether the first of ``checks`` that holds at ``pos`` breaks there (None: none holds)."""
    window = pos - _WINDOW if pos > _WINDOW else 0
    dot = -2  # the last full stop in the window, found when a rule first needs it
    n = len(text)
    for after, before, brk, reach, dot_reach, backward in checks:
        # ``after`` first: an anchored match is cheaper than the windowed ``before`` search.
        if after is not None and after(text, pos) is None:
            continue
        if before is not None:
            # One anchored try on the reversed text rules out almost every candidate.
            if backward is not None and backward(backwards, n - pos) is None:
                continue  # read backwards from the candidate, the pattern cannot match
            # A match cannot start further back than the pattern reaches: searching from
            # every position of the window is most of the cost of a rule.
            start = window
            if reach is not None and pos - reach > start:
                start = pos - reach
            if dot_reach is not None:
                if dot == -2:
                    dot = text.rfind(".", window, pos)
                if dot < 0:
                    continue  # no full stop: a rule ending in one cannot match
                if dot + 1 - dot_reach > start:
                    start = dot + 1 - dot_reach
            if before(text, start, pos) is None:
                continue
        return brk
    return None


def _is_foreign(text: str, foreign: Foreign, rules: Rules) -> tuple[bool, int]:
    """(mostly other-script letters, number of other-script words that are not acronyms)."""
    if not foreign.other.search(text):
        return False, 0  # no other-script word: the common case, decided without counting
    plain = rules.without_addresses(text)
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


def _mark_foreign(text: str, spans: list[Span], foreign: Foreign, rules: Rules) -> list[Span]:
    """Merge each run of foreign-script units (and letterless tails like ``(17)``) into one."""
    if not (foreign.held(text) and foreign.other.search(text)):
        return spans  # no letter of another script anywhere: no unit can be foreign
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
        is_foreign, n = _is_foreign(piece, foreign, rules)
        if is_foreign or (run and not _WORD.search(piece)):
            run.append(span)
            words += n
        else:
            flush()
            out.append(span)
    flush()
    return out


def split_spans(text: str, *, lang: str = "ky") -> list[Span]:
    """Units of ``text`` as spans with flags; the spans cover every non-whitespace character."""
    return list(_spans(text, lang))


@lru_cache(maxsize=8192)
def _spans(text: str, lang: str) -> tuple[Span, ...]:
    """``split_spans``, remembered: boilerplate paragraphs recur in release after release, and a
    scraped page may repeat one line thousands of times."""
    rules = rules_for(lang)
    spans: list[Span] = []
    start = 0
    ends = _boundaries(text, rules)
    ends.append(len(text))
    for pos in ends:
        piece = text[start:pos]
        body = piece.strip()  # (str.strip drops what str.isspace calls white space)
        if body:
            first = start + piece.find(body[0])  # what precedes it is white space
            spans.append(_TUPLE(Span, (first, first + len(body), (), "")))
        start = pos
    if rules.foreign is not None:
        spans = _mark_foreign(text, spans, rules.foreign, rules)
    return tuple(spans)


def split_text(text: str, *, lang: str = "ky") -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``, in order, covering all non-whitespace."""
    return [(s.start, s.end) for s in split_spans(text, lang=lang)]


def segment_block(
    block: Block,
    *,
    release: str,
    lang: str,
    source_lines: list[str] | None = None,
    line_counts: list[int] | None = None,
) -> tuple[Segment, ...]:
    """The units of one block, each knowing its line and the whitespace that followed it.

    ``source_lines`` (a plain-text release's lines) lets a unit of a hard-wrapped paragraph
    point at the line where it starts, so that ``#:`` references lead the translator there;
    ``line_counts`` (``segment_lines.line_counts(source_lines)``, or an empty list that
    ``start_lines`` fills when first needed) saves recounting them for every block.
    """
    lines = source_lines or []
    counts = line_counts
    if counts is None or (counts and len(counts) != len(lines) + 1):
        counts = []
    out: list[Segment] = []
    _add_units(out, block, release, lang, rules_for(lang), lines, counts)
    return tuple(out)


def _add_units(
    out: list[Segment],
    block: Block,
    release: str,
    lang: str,
    rules: Rules,
    lines: list[str],
    counts: list[int],
) -> None:
    """``segment_block``'s units, appended to ``out``: the loop of ``segment_release``, made
    for every block of every release, so each unit's value is built from one dict display
    (``model.value_from``)."""
    text = block.text
    spans = _spans(text, lang)
    if not lines and "\n" not in text:
        lines_of = None  # no source to look in: every unit starts on the block's line
        line = block.line
    else:
        lines_of = segment_lines.start_lines(block, [span.start for span in spans], lines, counts)
    plain_lead = rules.plain_lead
    index, kind, flags, note = block.index, block.kind, block.flags, block.note
    own = tuple(dict.fromkeys(flags)) if flags else ()
    last = len(spans) - 1
    number = 0
    for i, (start, end, span_flags, span_note) in enumerate(spans):
        piece = text[start:end]
        if not span_flags:
            if plain_lead(piece) is None and letterless(piece, rules):
                continue  # published as written; never a unit for translators or MT
            unit_flags = own
        else:
            unit_flags = tuple(dict.fromkeys((*flags, *span_flags)))
        made = value_from(
            Segment,
            {
                "release": release,
                "block": index,
                "index": number,
                "kind": kind,
                "text": piece,
                "line": line if lines_of is None else lines_of[i],
                "start": start,
                "end": end,
                "space": text[end : spans[i + 1][0] if i < last else len(text)],
                "flags": unit_flags,
                "note": span_note or note,
            },
        )
        out.append(made)
        number += 1


def letterless(text: str, rules: Rules) -> bool:
    """Nothing to translate: no letter outside placeholders and web or mail addresses
    (``300``, ``2021-06-17``, ``1 234``, ``12.03.21``, ``https://gov.kg``, ``<1/>``)."""
    if rules.plain_lead(text) is not None:
        return False  # it opens on a word that can be in no address (most units)
    plain = _ANY_PLACEHOLDER.sub(" ", text) if "<" in text else text
    word = _WORD.search(plain)
    if word is None:
        return True
    # A letter in a run of non-whitespace without an address hint is in no address (addresses
    # are looked for run by run): then no need to look at the rest.
    start = word.start()
    while start and not plain[start - 1].isspace():
        start -= 1
    end = _RUN.match(plain, word.start()).end()  # type: ignore[union-attr]
    if rules.url_hint.search(plain, start, end) is None:
        return False
    return _WORD.search(rules.without_addresses(plain)) is None


def segment_release(release: Release) -> tuple[Segment, ...]:
    """All units of a release, block by block, in source order. Blocks with a role (contacts,
    credits, furniture) are not units; nor is any text without letters."""
    lang = release.lang or "ky"
    rules = rules_for(lang)
    lines = release.source.split("\n") if release.format == "txt" and release.source else []
    counts: list[int] = []  # the lines' counts, made by the first block that needs them
    out: list[Segment] = []
    slug = release.slug
    for block in release.blocks:
        if not block.role:
            _add_units(out, block, slug, lang, rules, lines, counts)
    return tuple(out)
