"""The POT template of one release: one entry per distinct unit, with the notes a translator
needs (the block's kind, what each placeholder stands for, text in another language).

Apart from catalog.py, which reads and writes any catalog: this is the one place that turns
segments into catalog entries, and its notes are written for translators, not for gettext.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import polib

from ..config import Config
from ..model import Inline, Release, Segment
from .catalog import (
    COMMENT_WIDTH,
    POT_HEADER_FIELDS,
    comment_key,
    format_header,
    new_entry,
    parse_po,
    plain_block,
)
from .dates import EPOCH, format_date, now_stamp, parse_date
from .powrap import PAGE_WIDTH

FOREIGN_FLAG = "foreign-text"

_PLACEHOLDER = re.compile(r"<(\d+)/>|<(\d+)>")
#: How a paired placeholder's element reads in a translator's note (others: ``<tag>``).
_PAIRED_NAMES = {
    "strong": "bold", "b": "bold", "em": "italic", "i": "italic", "u": "underlined",
    "s": "struck out", "del": "struck out", "sup": "superscript", "sub": "subscript",
    "mark": "highlighted", "q": "quotation", "cite": "title of a work",
}  # fmt: skip


def _placeholder_note(inline: Inline) -> str:
    """What one placeholder stands for, in the words a translator needs: where a link goes, the
    number an empty placeholder shows (Russian agreement depends on it)."""
    attrs = dict(inline.attrs)
    if inline.paired:
        head = f"<{inline.id}>…</{inline.id}>"
        if inline.tag == "a" and attrs.get("href"):
            return f"{head}: link to {attrs['href']}"
        if inline.tag == "abbr" and attrs.get("title"):
            return f"{head}: abbreviation of {attrs['title']}"
        return f"{head}: {_PAIRED_NAMES.get(inline.tag, f'<{inline.tag}>')}"
    head = f"<{inline.id}/>"
    text = " ".join(inline.text.split())
    if text:
        return f"{head}: {text}"
    if inline.tag == "br":
        return f"{head}: line break"
    if inline.tag == "img":
        return f"{head}: image {attrs.get('alt') or attrs.get('src', '')}".rstrip()
    return f"{head}: <{inline.tag}>"


def placeholder_notes(text: str, inlines: Sequence[Inline]) -> list[str]:
    """One note per placeholder of ``text``, in order of first appearance."""
    return _notes_of(text, {inline.id: inline for inline in inlines})


def _notes_of(text: str, by_id: dict[int, Inline]) -> list[str]:
    """``placeholder_notes`` with the block's inlines by number (made once per block)."""
    seen: list[int] = []
    for found in _PLACEHOLDER.finditer(text):
        number = int(found.group(1) or found.group(2))
        if number not in seen and number in by_id:
            seen.append(number)
    return [_placeholder_note(by_id[n]) for n in seen]


@dataclass
class _Unit:
    """One distinct unit text of a template: its references and notes, in order of first sight."""

    #: the references, in order (a dict: a text on 100,000 lines is no quadratic scan)
    occurrences: dict[tuple[str, str], None]
    notes: list[str]


def _units(release: Release, segments: Sequence[Segment]) -> dict[str, _Unit]:
    """One ``_Unit`` per distinct unit text (msgid), in source order, with every line it
    stands on and every note about it (the block's kind, then what is foreign, then what each
    placeholder stands for). Run for every unit of every release: the common case (a new unit
    without placeholders) appends its kind and reference and does nothing else."""
    units: dict[str, _Unit] = {}
    inlines = {b.index: b.inlines for b in release.blocks if b.inlines}
    by_id: dict[int, dict[int, Inline]] = {}  # block -> its inlines by number, when first needed
    path = release.path
    for seg in segments:
        text = seg.text
        if not text or text.isspace():
            continue
        ref = (path, str(seg.line))
        unit = units.get(text)
        if unit is None:  # (most units: a new text, its kind its first note)
            notes = [seg.kind] if seg.kind else []
            units[text] = _Unit({ref: None}, notes)
        else:
            unit.occurrences[ref] = None  # (a reference seen before keeps its place)
            notes = unit.notes
            if seg.kind and seg.kind not in notes:
                notes.append(seg.kind)
        if FOREIGN_FLAG in seg.flags:
            note = f"pressflow: {seg.note}" if seg.note else "pressflow: not Kyrgyz text"
            _add_notes(notes, [note])
        if "<" in text and seg.block in inlines:
            if seg.block not in by_id:
                by_id[seg.block] = {inline.id: inline for inline in inlines[seg.block]}
            _add_notes(notes, _notes_of(text, by_id[seg.block]))
    return units


def _add_notes(notes: list[str], texts: list[str]) -> None:
    """Each of ``texts`` as ``#.`` lines, those not among ``notes`` already."""
    for text in texts:
        for line in _comment_lines(text):
            if line and line not in notes:
                notes.append(line)


_NOTE_WIDTH = COMMENT_WIDTH - len("#. ")


def comment_lines(text: str) -> list[str]:
    """A generated ``#.`` comment as lines that fit in 79 columns with their ``#. ``: polib
    re-wraps longer ones and msgcat keeps them, so a short line is the form both agree on."""
    return list(_comment_lines(text))


#: What ``textwrap`` splits on and turns into spaces: a note without them, shorter than a line
#: and not ending in white space, is its own one line (most notes: ``<1>…</1>: link to …``).
_WRAP_SPACE = re.compile(r"[\t\n\x0b\x0c\r]|  ")


@lru_cache(maxsize=4096)
def _comment_lines(text: str) -> tuple[str, ...]:
    """``comment_lines``, remembered: the same placeholder notes (``<1>…</1>: bold``) recur in
    every release, and wrapping each again cost a fifth of making an HTML release's template."""
    if 0 < len(text) <= _NOTE_WIDTH and not text[-1].isspace() and not _WRAP_SPACE.search(text):
        return (text,)  # (textwrap drops at a line's end what ``str.strip`` would)
    return tuple(
        textwrap.wrap(text, _NOTE_WIDTH, break_long_words=False, break_on_hyphens=False) or [text]
    )


def entries_signature(po: polib.POFile | None) -> list[tuple]:
    """What a template's content is, for "has it changed?" (header dates excluded)."""
    if po is None:
        return []
    return [
        (
            e.msgctxt,
            e.msgid,
            e.msgid_plural,
            comment_key(e.comment),
            tuple(e.occurrences),
            tuple(e.flags),
        )
        for e in po
        if not e.obsolete
    ]


def _creation_date(release: Release, previous: polib.POFile | None) -> str:
    """POT-Creation-Date: the release's own date when it has one; else the date the template was
    first extracted (``SOURCE_DATE_EPOCH`` when set, the reproducible-builds convention, else the
    clock), kept from then on, so that re-extracting gives the same bytes."""
    if release.date is not None:
        return format_date(release.date)
    before = previous.metadata.get("POT-Creation-Date", "") if previous is not None else ""
    old = parse_date(before) if before else None
    if old is not None and old != EPOCH:
        return format_date(old)
    return now_stamp()


def _header_values(
    release: Release, *, config: Config, previous: polib.POFile | None
) -> tuple[str, dict[str, str]]:
    """A template's header comment and fields, in the order they are written."""
    comment = (
        f"Translation template for the press release {release.slug}.\n"
        f"Generated by pressflow from {release.path}; translate the PO files, not this one.\n"
    )
    values = {
        "Project-Id-Version": f"{config.name} {config.version}".strip(),
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": _creation_date(release, previous),
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
        "Language-Team": "LANGUAGE <LL@li.org>",
        "Language": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Generated-By": "pressflow",
    }
    return comment, {key: values[key] for key in POT_HEADER_FIELDS}


@dataclass
class Template:
    """A release's template, its units gathered once: the text ``extract`` and a first catalog
    are made of, and the polib entries only a merge or a judgement of a re-saved file needs.
    Its entries hold a msgid, notes and references, nothing else: a first catalog copies them
    as they are (``update.first_from_text``)."""

    comment: str  # the header's
    fields: dict[str, str]  # the header's, in the order they are written
    units: dict[str, _Unit]
    _entries: polib.POFile | None = None

    @property
    def size(self) -> int:
        """Its number of entries."""
        return len(self.units)

    @property
    def text(self) -> str:
        """``format_po(self.catalog())``, written straight from the header's values and the
        units (formatted again at each call)."""
        head = format_header(self.comment, self.fields, fuzzy=True) + "\n"  # a block's end
        return head + "".join(
            [
                f"\n{plain_block(msgid, chr(10).join(unit.notes), tuple(unit.occurrences))}\n"
                for msgid, unit in self.units.items()
            ]
        )

    def catalog(self) -> polib.POFile:
        """The template as polib entries (made once): one per distinct msgid, in source order,
        all references."""
        if self._entries is None:
            pot = polib.POFile(wrapwidth=PAGE_WIDTH)
            pot.header, pot.metadata_is_fuzzy = self.comment, ["fuzzy"]
            pot.metadata.update(self.fields)
            pot.extend(
                new_entry(
                    msgid=msgid, occurrences=list(unit.occurrences), comment="\n".join(unit.notes)
                )
                for msgid, unit in self.units.items()
            )
            self._entries = pot
        return self._entries


def template_of(
    release: Release,
    segments: Sequence[Segment],
    *,
    config: Config,
    previous: polib.POFile | None = None,
) -> Template:
    """The template of one release (``previous``: the one on disk, for its creation date)."""
    comment, fields = _header_values(release, config=config, previous=previous)
    return Template(comment, fields, _units(release, segments))


def make_template(
    release: Release,
    segments: Sequence[Segment],
    *,
    config: Config,
    previous: polib.POFile | None = None,
) -> polib.POFile:
    """The POT of one release: one entry per distinct msgid, in source order, all references."""
    return template_of(release, segments, config=config, previous=previous).catalog()


def template_text(
    release: Release,
    segments: Sequence[Segment],
    *,
    config: Config,
    previous: polib.POFile | None = None,
) -> str:
    """``format_po(make_template(...))``, written straight from the units: what ``extract``
    writes, without a polib entry per unit."""
    return template_of(release, segments, config=config, previous=previous).text


@dataclass
class StoredTemplate:
    """A template as ``extract`` wrote it, taken from its file: what ``update`` merges when the
    extract cache vouches (by content, under the same config and code) that the file is what
    reading and segmenting its release again would make. The same ``comment``, ``fields`` and
    ``text`` as the ``Template`` it was written from, and its entries parsed only when a merge
    needs them: a first catalog is made of the text alone."""

    comment: str
    fields: dict[str, str]
    text: str
    path: str  # the template file, named by a parse error
    _entries: polib.POFile | None = None

    @property
    def size(self) -> int:
        """Its number of entries: a block each after the header's, none holding a blank line."""
        return self.text.count("\n\n")

    def catalog(self) -> polib.POFile:
        if self._entries is None:
            self._entries = parse_po(self.text.encode("utf-8"), path=self.path)
        return self._entries


def stored_template(
    raw: bytes, comment: str, fields: dict[str, str], *, path: str
) -> StoredTemplate | None:
    """The template of ``raw`` (its bytes), made with this header's ``comment`` and ``fields``;
    None for bytes pressflow did not write (not UTF-8, no header)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not (comment or fields) or "\r" in text:
        return None
    return StoredTemplate(comment, dict(fields), text, path)
