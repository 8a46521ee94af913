"""Plain-text releases as press services paste them: title, date line, title again, paragraphs.

The date line and the repeated title are page furniture scraped along with the text; keeping
them out of the blocks keeps them out of every catalog, where translators would see them as units.
"""

from __future__ import annotations

import re

from ..errors import ReaderError
from ..model import Block, Release
from .dates import match_date
from .placeholders import placeholder_problems
from .source import split_lines

_SPACES = re.compile(r"[ \t\f\v]+")  # not U+00A0: a no-break space is meant
_BULLET = re.compile(r"^(?:[-•*▪◦●·]|\d{1,3}[.)])\s+(?=\S)")
#: Opening quote -> closing quotes that may end a quotation paragraph.
QUOTES: dict[str, str] = {"«": "»", "“": "”“", "„": "“”", '"': '"', "‹": "›"}
_TRAILING_PUNCT = ".!?…;:"
_SENTENCE_END = re.compile(r"[.!?…][»”\"'’)\]]*$")
_HEADING_MAX = 60  # a shorter line without final punctuation, then a capital: a heading


def _clean(line: str) -> str:
    return _SPACES.sub(" ", line.strip())


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


def read_text(source: str, *, slug: str, path: str, lang: str) -> Release:
    """Read a plain-text release (``source`` already decoded) into a ``Release``."""
    lines = split_lines(source)
    numbered = [(i + 1, _clean(line)) for i, line in enumerate(lines)]
    filled = [(no, line) for no, line in numbered if line]
    if not filled:
        raise ReaderError("release is empty", path=path, line=1)

    date = None
    head = 0

    def take_date(pos: int) -> int:
        nonlocal date
        if pos < len(filled) and date is None:
            no, line = filled[pos]
            try:
                found = match_date(line)
            except ValueError as exc:
                raise ReaderError(f"date line {line!r}: {exc}", path=path, line=no) from None
            if found is not None:
                date = found
                return pos + 1
        return pos

    head = take_date(head)  # a date line may also precede the title
    if head >= len(filled):
        raise ReaderError("release holds only a date, no title or text", path=path, line=1)
    title_line, title = filled[head]
    head = take_date(head + 1)
    if head < len(filled) and _same(filled[head][1], title):
        head += 1  # the page heading repeats the title
    skip_until = filled[head][0] if head < len(filled) else len(lines) + 1

    blocks: list[Block] = [Block(index=0, kind="title", text=title, line=title_line)]
    current: list[str] = []
    start, kind, locator = 0, "paragraph", ""

    def flush() -> None:
        nonlocal current
        if current:
            text = " ".join(current)
            final = "quote" if kind == "paragraph" and is_quotation(text) else kind
            blocks.append(
                Block(index=len(blocks), kind=final, text=text, line=start, locator=locator)
            )
        current = []

    for no, line in numbered:
        if no < skip_until:
            continue
        if not line:
            flush()
            continue
        bullet = _BULLET.match(line)
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
    return Release(
        slug=slug,
        path=path,
        lang=lang,
        title=title,
        blocks=tuple(blocks),
        date=date,
        format="txt",
        source=source,
        problems=placeholder_problems(blocks, path=path),
    )
