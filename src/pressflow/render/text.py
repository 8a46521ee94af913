"""A release in one language: each block's text as pieces of translation or marked source.

Pure: from the release, its units and the reviewed translations, decide what every block says in
a language and which units fall back to the source. Pages, indexes and templates only lay it out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise

from ..model import Block, Release, Segment
from .inline import Piece, placeholders_match, plain_text, strip_placeholders
from .model import ReleaseText

#: The segmenter's flag for a unit that is not in the source language.
FOREIGN = "foreign-text"
#: A paragraph shorter than this (in words) is not taken as the lead: a date line, a byline.
_LEAD_WORDS = 4
#: Block kinds that are not part of the article body (front matter fields, attributes of HTML,
#: the dateline's place).
NOT_BODY = frozenset({"meta", "attribute", "place"})


@dataclass(frozen=True)
class LocalBlock:
    """One block in one language: pieces to lay out, and how many units fell back to the source."""

    block: Block
    pieces: tuple[Piece, ...]
    missing: int = 0

    @property
    def text(self) -> str:
        return plain_text(self.pieces, self.block.inlines)


@dataclass(frozen=True)
class Localized:
    """A release in one language, ready to lay out."""

    release: Release
    lang: str
    blocks: tuple[LocalBlock, ...]
    title: str
    lead: str
    units: int
    missing: int
    warnings: tuple[str, ...] = ()
    hidden: tuple[Block, ...] = ()  # blocks with a role left off the page (credits, furniture)
    title_from: str = ""  # "" translated, "source" all source text, "mixed" partly
    lead_is_source: bool = False  # the lead is a source sentence standing in

    @property
    def place(self) -> str:
        """The dateline's place in this language (``Ош`` → ``Osh``), "" when there is none."""
        found = next((b for b in self.blocks if b.block.kind == "place"), None)
        return found.text.strip() if found is not None else ""

    @property
    def done(self) -> int:
        """Units with a reviewed translation on this page."""
        return self.units - self.missing

    @property
    def title_block(self) -> LocalBlock | None:
        return next((b for b in self.blocks if b.block.kind == "title"), None)

    @property
    def body(self) -> tuple[LocalBlock, ...]:
        """Blocks laid out as the article body (no title, front matter or attribute values)."""
        skip = NOT_BODY | {"title"}
        return tuple(b for b in self.blocks if b.block.kind not in skip and not b.block.attr)

    @property
    def description(self) -> str:
        """The front matter summary when the release has one, else the lead sentence."""
        summary = self._summary
        text = " ".join(summary.text.split()) if summary is not None else ""
        return _clip(text) if text else self.lead

    @property
    def description_is_source(self) -> bool:
        """Whether the description is source text standing in for a translation."""
        summary = self._summary
        if summary is not None and summary.text.strip():
            return _source_share(summary.pieces) != ""
        return self.lead_is_source

    @property
    def _summary(self) -> LocalBlock | None:
        return next((b for b in self.blocks if b.block.attr == "summary"), None)


def _source_share(pieces: tuple[Piece, ...]) -> str:
    """ "" when no visible text is source text standing in, "source" when all is, else "mixed"."""
    shown = [p for p in pieces if p.text.strip()]
    fallback = sum(1 for p in shown if p.fallback)
    if not fallback:
        return ""
    return "source" if fallback == len(shown) else "mixed"


def localize(
    text: ReleaseText,
    lang: str,
    *,
    source_lang: str,
    publish_foreign: bool = False,
    publish_roles: frozenset[str] | tuple[str, ...] = (),
) -> Localized:
    """Every block of ``text.release`` in ``lang``: the source itself, or reviewed translations
    joined with each unit's own following space, the source (marked) where a unit has none.

    Units the segmenter flagged as foreign text (scraped page junk glued to a release) are left
    out of every language's body paragraphs unless ``publish_foreign``; the build reports that
    they were. Titles, summaries and attributes are authored, not scraped: they always stay.
    Blocks with a role are published as written (contacts, and the roles in ``publish_roles``)
    or left out (``hidden``: credits, bylines, furniture); none counts as untranslated."""
    release = text.release
    by_block: dict[int, list[Segment]] = defaultdict(list)
    dropped: list[Segment] = []
    body = {b.index for b in release.blocks if b.kind == "paragraph" and not b.attr}
    for seg in text.segments:
        by_block[seg.block].append(seg)
        if FOREIGN in seg.flags and seg.block in body and not publish_foreign:
            dropped.append(seg)
    table = text.translations.get(lang, {}) if lang != source_lang else {}
    warnings: list[str] = []
    blocks: list[LocalBlock] = []
    units = missing = 0
    hidden: list[Block] = []
    for block in release.blocks:
        if block.role and block.role != "contact" and block.role not in publish_roles:
            hidden.append(block)
            continue
        segs = sorted(by_block.get(block.index, ()), key=lambda s: s.index)
        units += sum(1 for s in segs if s.text.strip() and s not in dropped)
        if lang == source_lang:
            kept = _without(block.text, [s for s in dropped if s.block == block.index])
            blocks.append(LocalBlock(block, (Piece(kept),)))
            continue
        local = _translate(
            block, segs, table, lang=lang, slug=release.slug, warnings=warnings, drop=dropped
        )
        missing += local.missing
        blocks.append(local)
    warnings.extend(
        f"{release.path}:{seg.line}: foreign text left out of the published page "
        "(fix the source, or set [site] publish_foreign = true)"
        for seg in dropped
    )
    title_block = next((b for b in blocks if b.block.kind == "title"), None)
    if title_block is not None and title_block.text.strip():
        title = title_block.text.strip()
        title_from = _source_share(title_block.pieces)
    else:
        found = table.get(release.title, "") if lang != source_lang else release.title
        title = strip_placeholders(found or release.title).strip() or release.slug
        title_from = "" if found else "source"
    lead, lead_is_source = _lead(blocks, by_block, table, lang=lang, source_lang=source_lang)
    return Localized(
        release=release,
        lang=lang,
        blocks=tuple(blocks),
        title=title,
        lead=lead,
        units=units,
        missing=missing,
        warnings=tuple(warnings),
        hidden=tuple(hidden),
        title_from=title_from,
        lead_is_source=lead_is_source,
    )


def _translate(
    block: Block,
    segs: list[Segment],
    table: Mapping[str, str],
    *,
    lang: str,
    slug: str,
    warnings: list[str],
    drop: list[Segment],
) -> LocalBlock:
    """One block in a target language: reviewed translations where they exist, the marked
    source elsewhere, the block's own whitespace between units."""
    if not segs:  # nothing to translate: a contact, a number, a date, an address
        return LocalBlock(block, (Piece(block.text),))
    pieces: list[Piece] = []
    missing = 0
    gaps = _gaps(block.text, segs)
    if gaps[0]:
        pieces.append(Piece(gaps[0]))
    for seg, gap in zip(segs, gaps[1:], strict=True):
        if seg in drop:  # left out of the page, with the space that followed it
            continue
        msgstr = table.get(seg.text, "")
        if not seg.text.strip():  # nothing to translate (and no catalog entry)
            pieces.append(Piece(seg.text))
        elif not msgstr:
            pieces.append(Piece(seg.text, fallback=True, foreign=FOREIGN in seg.flags))
            missing += 1
        elif placeholders_match(seg.text, msgstr):
            pieces.append(Piece(msgstr))
        else:
            warnings.append(
                f"{slug} [{lang}] line {seg.line}: the translation's inline markup does not match"
                " the source; shown as plain text"
            )
            pieces.append(Piece(strip_placeholders(msgstr)))
        if gap:
            pieces.append(Piece(gap))
    return LocalBlock(block, _join_fallbacks(pieces), missing)


def _without(text: str, segs: list[Segment]) -> str:
    """The block's text with the given units cut out by their offsets (trailing space too)."""
    for seg in sorted(segs, key=lambda s: -s.start):
        if text[seg.start : seg.end] == seg.text:
            text = text[: seg.start].rstrip() + text[seg.end :]
    return text


def _gaps(text: str, segs: list[Segment]) -> list[str]:
    """What the block holds before, between and after its units: taken from the block by the
    units' offsets when they agree with it (a leading no-break space is kept that way), else
    each unit's own ``space``."""
    spans_ok = all(text[s.start : s.end] == s.text for s in segs) and all(
        a.end <= b.start for a, b in pairwise(segs)
    )
    if not spans_ok:
        return ["", *(s.space for s in segs)]
    ends = [s.end for s in segs]
    starts = [s.start for s in segs[1:]] + [len(text)]
    return [text[: segs[0].start], *(text[e:s] for e, s in zip(ends, starts, strict=True))]


def _join_fallbacks(pieces: list[Piece]) -> tuple[Piece, ...]:
    """The space between two fallback units belongs to the fallback: one marked run, not two."""
    out = list(pieces)
    for i in range(1, len(out) - 1):
        before, after = out[i - 1], out[i + 1]
        if before.fallback and after.fallback and not out[i].text.strip():
            out[i] = Piece(out[i].text, fallback=True, foreign=before.foreign and after.foreign)
    return tuple(out)


def _lead(
    blocks: list[LocalBlock],
    by_block: dict[int, list[Segment]],
    table: Mapping[str, str],
    *,
    lang: str,
    source_lang: str,
) -> tuple[str, bool]:
    """The first sentence of the first real paragraph (a date line or a byline is not one), and
    whether it is source text standing in for a translation."""
    for local in blocks:
        if (
            local.block.kind != "paragraph"
            or local.block.role
            or len(local.text.split()) < _LEAD_WORDS
        ):
            continue
        segs = sorted(by_block.get(local.block.index, ()), key=lambda s: s.index)
        if not segs:
            return _clip(local.text), _source_share(local.pieces) != ""
        first = segs[0].text
        translated = first if lang == source_lang else table.get(first, "")
        shown = translated or first
        return _clip(plain_text([Piece(shown)], local.block.inlines)), not translated
    return "", False


def _clip(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
