"""Plain-text releases as press services paste them: title, date line, title again, paragraphs.

The date line and the repeated title are page furniture scraped along with the text; keeping
them out of the blocks keeps them out of every catalog, where translators would see them as units.
"""

from __future__ import annotations

import re

from ..errors import ReaderError
from ..model import Block, Dateline, Problem, Release, value_of
from .dates import DateError, looks_like_date, match_dateline
from .placeholders import placeholder_problems
from .roles import Role, StructureRules, default_rules, role_problem
from .source import split_lines

_SPACES = re.compile(r"[ \t\f\v]+")  # not U+00A0: a no-break space is meant
_BULLET = re.compile(r"^(?:[-•*▪◦●·]|\d{1,3}[.)])\s+(?=\S)")
#: Opening quote -> closing quotes that may end a quotation paragraph.
QUOTES: dict[str, str] = {"«": "»", "“": "”“", "„": "“”", '"': '"', "‹": "›"}
_TRAILING_PUNCT = ".!?…;:"
_SENTENCE_END = re.compile(r"[.!?…][»”\"'’)\]]*$")
_HEADING_MAX = 60  # a shorter line without final punctuation, then a capital: a heading


def _clean(line: str) -> str:
    line = line.strip()
    if "  " not in line and "\t" not in line and "\f" not in line and "\v" not in line:
        return line  # nothing to squeeze (most lines): no copy made piece by piece
    return _SPACES.sub(" ", line)


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def is_quotation(text: str) -> bool:
    """True when the whole paragraph is one quotation: ``«…»``, ``“…”.``, ``"…"``.

    The quote must close only at the very end (nested pairs allowed), so ``«A» деди ал.`` is a
    paragraph, not a quote.
    """
    if not text or text[0] not in QUOTES:
        return False
    opener, closers = text[0], QUOTES[text[0]]
    body = text.rstrip(_TRAILING_PUNCT + " ")
    if len(body) < 2 or body[-1] not in closers:
        return False
    if opener == '"':
        return body.count('"') == 2
    depth = 0
    for i, char in enumerate(body):
        if char == opener and (i == 0 or opener not in closers):
            depth += 1
        elif char in closers:
            depth -= 1
            if depth == 0:
                return i == len(body) - 1
    return False


def continues(previous: str, line: str) -> bool:
    """Whether ``line`` continues the paragraph of ``previous`` (a single line break between).

    Scraped releases usually put one paragraph per line; hand-wrapped ones break mid-sentence.
    A line that ends a sentence, or a short unpunctuated line (a subheading) before a capital,
    ends its paragraph; anything else (a break before a lower-case word) is wrapping.
    """
    if _SENTENCE_END.search(previous):
        return False
    first = line[:1]
    starts_new = first.isupper() or first.isdigit() or first in QUOTES or first in "—–"
    return not (starts_new and len(previous) < _HEADING_MAX)


def _list_kind(line: str) -> str:
    return "ol" if line[:1].isdigit() else "ul"


def _problem(check: str, message: str, *, path: str, line: int) -> Problem:
    return Problem(check=check, severity="warning", message=message, path=path, line=line)


def role_block(role: Role, text: str, *, index: int, line: int, rules: StructureRules) -> Block:
    """A block with a role; a contact keeps only its value (the page says the label)."""
    value = text
    if role.role == "contact" and role.label:
        for group, pattern in rules.labels:
            found = pattern.match(text) if group == role.label else None
            if found is not None:
                value = text[found.end() :].strip()
                break
    return Block(
        index=index, kind="paragraph", text=value, line=line, role=role.role, label=role.label
    )


class _Head:
    """The lines above the body: date line, title, date line, repeated title."""

    def __init__(self, filled: list[tuple[int, str]], *, path: str, rules: StructureRules):
        self.filled, self.path, self.rules = filled, path, rules
        self.dateline: Dateline | None = None
        self.problems: list[Problem] = []

    def take_date(self, pos: int) -> int:
        """Skip a dateline at ``pos`` (or a date-like line it cannot read, with a warning)."""
        if pos >= len(self.filled) or self.dateline is not None:
            return pos
        no, line = self.filled[pos]
        try:
            found = match_dateline(line, rules=self.rules, line_no=no)
        except DateError as exc:
            self.problems.append(
                _problem("date", f"date line: {exc}; left out", path=self.path, line=no)
            )
            return pos + 1
        if found is not None:
            self.dateline = found
            return pos + 1
        if looks_like_date(line, rules=self.rules):
            self.problems.append(
                _problem(
                    "date",
                    f"date line {line!r} not understood (no year?); left out",
                    path=self.path,
                    line=no,
                )
            )
            return pos + 1
        return pos


def read_text(
    source: str, *, slug: str, path: str, lang: str, rules: StructureRules | None = None
) -> Release:
    """Read a plain-text release (``source`` already decoded) into a ``Release``."""
    rules = rules or default_rules()
    lines = split_lines(source)
    numbered = [(i + 1, _clean(line)) for i, line in enumerate(lines)]
    filled = [(no, line) for no, line in numbered if line]
    if not filled:
        raise ReaderError("release is empty", path=path, line=1)

    head_reader = _Head(filled, path=path, rules=rules)
    head = head_reader.take_date(0)  # a date line may also precede the title
    if head >= len(filled):
        raise ReaderError("release holds only a date, no title or text", path=path, line=1)
    title_line, title = filled[head]
    head = head_reader.take_date(head + 1)
    if head < len(filled) and _same(filled[head][1], title):
        head += 1  # the page heading repeats the title
    head = head_reader.take_date(head)
    skip_until = filled[head][0] if head < len(filled) else len(lines) + 1
    problems = head_reader.problems

    # (blocks and the release made by ``value_of``: the same values, without the frozen
    # dataclasses' __init__, a fifth of reading a release)
    title_block = {"index": 0, "kind": "title", "text": title, "line": title_line}
    blocks: list[Block] = [value_of(Block, title_block)]
    current: list[str] = []
    start, kind, locator = 0, "paragraph", ""
    related = False  # inside a related-news list: lines are furniture up to a blank line

    def flush() -> None:
        nonlocal current
        if current:
            text = " ".join(current)
            final = "quote" if kind == "paragraph" and is_quotation(text) else kind
            fields = {"index": len(blocks), "kind": final, "text": text, "line": start}
            blocks.append(value_of(Block, {**fields, "locator": locator}))
        current = []

    for no, line in numbered:
        if no < skip_until:
            continue
        if not line:
            flush()
            related = related and bool(current)
            continue
        bullet = _BULLET.match(line)
        role = rules.classify(line[bullet.end() :] if bullet else line)
        if role is None and related:
            role = Role("furniture", "related")
        if role is not None:
            flush()
            related = related or role.related
            blocks.append(role_block(role, line, index=len(blocks), line=no, rules=rules))
            found = role_problem(role, line, path=path, line=no)
            if found is not None:
                problems.append(found)
            continue
        related = False
        if bullet:
            flush()
            start, kind, locator = no, "list_item", _list_kind(line)
            current = [line[bullet.end() :]]
            continue
        if current and not continues(current[-1], line):
            flush()
        if not current:
            start, kind, locator = no, "paragraph", ""
        current.append(line)
    flush()
    dateline = head_reader.dateline
    if dateline is not None and dateline.place:  # translated like any name: Өзгөн → Узген
        blocks.append(Block(len(blocks), "place", dateline.place, dateline.line))
    fields = {"slug": slug, "path": path, "lang": lang, "title": title, "blocks": tuple(blocks)}
    return value_of(
        Release,
        {
            **fields,
            "date": dateline.date if dateline is not None else None,
            "format": "txt",
            "source": source,
            "problems": (*problems, *placeholder_problems(blocks, path=path)),
            "dateline": dateline,
        },
    )
