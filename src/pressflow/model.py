"""The values that flow through the pipeline: a release, its blocks, their segments, problems.

Stdlib only, frozen, so that every stage is a pure function of the one before it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

Severity = Literal["error", "warning"]

#: Block kinds a reader may produce. The kind becomes an extracted comment in the catalog.
BLOCK_KINDS = (
    "title",
    "heading",
    "paragraph",
    "quote",
    "caption",
    "list_item",
    "table_cell",
    "term",
    "definition",
    "attribute",
    "meta",
)


@dataclass(frozen=True)
class Inline:
    """One inline element that a placeholder stands for: ``<N>…</N>`` (paired) or ``<N/>`` (empty).

    ``attrs`` keeps the original attribute values (URLs included) so that they never reach a
    translator or an MT engine and are restored exactly on rebuild. ``text`` is the fixed content
    of an empty placeholder (inline code), ``raw`` the source markup for readers that keep it.
    """

    id: int
    tag: str
    attrs: tuple[tuple[str, str], ...] = ()
    paired: bool = True
    text: str = ""
    raw: str = ""


@dataclass(frozen=True)
class Block:
    """A translatable block of a release: a title, a paragraph, a quote, a caption…

    ``text`` may hold inline placeholders described by ``inlines``. ``line`` is the 1-based line
    of the block in the release file. ``locator`` addresses the block in an HTML source (an XPath,
    with ``attr`` for an attribute value) so that the page can be rebuilt with its structure.
    """

    index: int
    kind: str
    text: str
    line: int
    inlines: tuple[Inline, ...] = ()
    locator: str = ""
    attr: str = ""
    flags: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Release:
    """One press release as read from ``releases/``: metadata plus its blocks in source order."""

    slug: str
    path: str
    lang: str
    title: str
    blocks: tuple[Block, ...]
    date: datetime | None = None
    format: str = "txt"
    summary: str = ""
    tags: tuple[str, ...] = ()
    contact: str = ""
    source: str = ""
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Segment:
    """A translatable unit: one sentence (or a whole short block) of one block.

    ``start``/``end`` are offsets into the block's text; ``space`` is the whitespace that followed
    the segment in the block, so that joining ``text + space`` over a block gives it back exactly.
    """

    release: str
    block: int
    index: int
    kind: str
    text: str
    line: int
    start: int = 0
    end: int = 0
    space: str = ""
    flags: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Problem:
    """A finding of a reader, a check or a gate, with enough location to act on it."""

    check: str
    severity: Severity
    message: str
    release: str = ""
    lang: str = ""
    msgid: str = ""
    path: str = ""
    line: int = 0
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class CatalogRef:
    """Where one release's catalog for one language lives (``lang`` is "" for the POT)."""

    release: str
    lang: str
    path: str
    source: str = ""  # the release file, relative to the project root
