"""The values that flow through the pipeline: a release, its blocks, their segments, problems.

Stdlib only, frozen, so that every stage is a pure function of the one before it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import MISSING, dataclass, field, fields
from datetime import datetime
from typing import Any, Literal, TypeVar

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
    "place",
)

#: Roles of blocks that are part of a release but not text to translate. ``contact`` blocks are
#: published as written (labels through the site's UI strings); ``credit``, ``byline`` and
#: ``furniture`` (share bars, hashtags, read time, ©, related news) are source problems left
#: out of catalogs and pages unless configured; ``foreign`` is scraped text in another language.
ROLES = ("contact", "credit", "byline", "furniture", "foreign")


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
    #: Not translatable when set (one of ``ROLES``); ``label`` names a contact line's label
    #: (``phone``, ``email``…) so the page can say it in each language.
    role: str = ""
    label: str = ""


@dataclass(frozen=True)
class Dateline:
    """Where and when a release was issued, as its dateline says: ``Ош, 12-март 2021, 10:15``.

    Each part is optional: ``date`` is None for a place alone; ``has_time`` tells a written
    ``00:00`` from no time at all. ``line`` is the source line (0 when it came from metadata).
    """

    place: str = ""
    date: datetime | None = None
    has_time: bool = False
    line: int = 0


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
    dateline: Dateline | None = None
    author: str = ""  # a person's name, as written in the source (not translated)

    @property
    def translatable(self) -> tuple[Block, ...]:
        """The blocks that become units (no role); contacts and furniture are not among them."""
        return tuple(b for b in self.blocks if not b.role)

    @property
    def lead(self) -> Block | None:
        """The first body paragraph: what a news site shows under the headline."""
        return next((b for b in self.blocks if b.kind == "paragraph" and not b.role), None)


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


def foreign_warnings(release: Release, segments: Sequence[Segment]) -> list[Problem]:
    """A warning for each unit the segmenter found glued in from another language."""
    return [
        Problem(
            check="foreign-text",
            severity="warning",
            message=seg.note or "text in another language glued into the release",
            release=release.slug,
            msgid=seg.text,
            path=release.path,
            line=seg.line,
        )
        for seg in segments
        if "foreign-text" in seg.flags
    ]


Value = TypeVar("Value")
_NEW, _SET = object.__new__, object.__setattr__


def value_of(kind: type[Value], given: dict[str, Any]) -> Value:
    """``kind(**given)`` for ``Block``, ``Inline``, ``Release`` and ``Segment`` (frozen, no
    default factory, no ``__post_init__``: a test holds them to it), made without the generated
    ``__init__``, which sets each field through ``object.__setattr__``: the same value at a third
    of the cost, and blocks, placeholders and units are most of what reading a release makes."""
    made = _NEW(kind)
    _SET(made, "__dict__", {**_FIELDS[kind], **given})
    return made


def value_from(kind: type[Value], every: dict[str, Any]) -> Value:
    """``value_of`` for a caller whose dict names every field of ``kind``, in order: it becomes
    the value's own, without the copy that merges the defaults (a reader's blocks: made once
    each, the dict dropped by its maker)."""
    made = _NEW(kind)
    _SET(made, "__dict__", every)
    return made


#: Every field of each, in order, with its default (None for the ones without).
_FIELDS: dict[type, dict[str, Any]] = {
    kind: {f.name: None if f.default is MISSING else f.default for f in fields(kind)}
    for kind in (Block, Inline, Release, Segment)
}
