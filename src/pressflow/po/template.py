"""The POT template of one release: one entry per distinct unit, with the notes a translator
needs (the block's kind, what each placeholder stands for, text in another language).

Apart from catalog.py, which reads and writes any catalog: this is the one place that turns
segments into catalog entries, and its notes are written for translators, not for gettext.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polib

from ..config import Config
from ..model import BLOCK_KINDS, Inline, Release, Segment
from .catalog import comment_block, new_entry, parse_po
from .notes import add_notes, add_placeholder_notes
from .pothead import head_text, header_values
from .powrap import PAGE_WIDTH, msgid_text
from .references import file_references

FOREIGN_FLAG = "foreign-text"
#: Kinds written as they are on a ``#.`` line of their own (a kind from elsewhere: as
#: ``comment_block`` writes it)
_PLAIN_KINDS = frozenset(BLOCK_KINDS)

_BETWEEN = "\n\n"  # a blank line between entries
_NOTE_BREAK = "\n#. "  # between two notes of one line each
_REFS_WIDTH = PAGE_WIDTH - len("#: ")  # references that fit on one line
#: A unit's segments: the one it comes from, or the several (in order) when its text recurs.
Found = Segment | list[Segment]


def _gather(segments: Sequence[Segment]) -> dict[str, Found]:
    """The segments of each distinct unit text (msgid), in source order. Run for every unit of
    every release: a new text (most) is one dictionary entry, its segment."""
    units: dict[str, Found] = {}
    for seg in segments:
        text = seg.text
        if text in units:
            first = units[text]
            if type(first) is list:
                first.append(seg)
            else:
                units[text] = [first, seg]
        elif text and not text.isspace():
            units[text] = seg
    return units


class _Placeholders:
    """A release's blocks' placeholders by number, made when a unit first needs them."""

    def __init__(self, release: Release) -> None:
        self.blocks = release.blocks
        self.inlines: dict[int, tuple[Inline, ...]] | None = None
        self.by_id: dict[int, dict[int, Inline]] = {}

    def add(self, notes: list[str], seg: Segment) -> None:
        """Add to ``notes`` what each placeholder of ``seg`` stands for (``add_notes``)."""
        by_id = self.by_id.get(seg.block)
        if by_id is None:
            if self.inlines is None:
                self.inlines = {b.index: b.inlines for b in self.blocks if b.inlines}
            inlines = self.inlines.get(seg.block, ())
            by_id = self.by_id[seg.block] = {i.id: i for i in inlines}
        if by_id:
            add_placeholder_notes(notes, seg.text, by_id)


def _unit(found: Found, placeholders: _Placeholders) -> tuple[list[str], dict[str, None]]:
    """A unit's notes (the block's kind, then what is foreign, then what each placeholder
    stands for, each once) and the lines it stands on (each once), in order of first sight."""
    notes: list[str] = []
    lines: dict[str, None] = {}
    for seg in found if type(found) is list else (found,):
        lines[str(seg.line)] = None
        kind = seg.kind
        if kind and kind not in notes:
            notes.append(kind)
        if FOREIGN_FLAG in seg.flags:
            note = f"pressflow: {seg.note}" if seg.note else "pressflow: not Kyrgyz text"
            add_notes(notes, [note])
        if "<" in seg.text:
            placeholders.add(notes, seg)
    return notes, lines


def _body(release: Release, units: dict[str, Found]) -> list[str]:
    """Each unit's entry as ``format_po`` writes it (without the blank line between entries),
    in one pass over the units: one formatted string for a unit found once, of a known kind,
    without flags or placeholders (most); the others from their notes and lines."""
    name = release.path
    while name.startswith("./"):
        name = name[2:]
    placeholders = _Placeholders(release)
    plain = _PLAIN_KINDS
    blocks: list[str] = []
    add = blocks.append
    for text, found in units.items():
        if type(found) is not list and found.kind in plain and not found.flags:
            if "<" not in text:
                add(f'#. {found.kind}\n#: {name}:{found.line}\n{msgid_text(text)}\nmsgstr ""')
                continue
            notes = [found.kind]  # (then what each placeholder stands for)
            placeholders.add(notes, found)
            head = f"#. {_NOTE_BREAK.join(notes)}\n#: {name}:{found.line}"
        elif type(found) is list:
            head = _repeated(found, name) or _head(found, name, placeholders)
        else:
            head = _head(found, name, placeholders)
        add(f'{head}\n{msgid_text(text)}\nmsgstr ""')
    return blocks


def _repeated(found: list[Segment], name: str) -> str:
    """The notes and references of a unit found more than once, when it is all of one known
    kind, without flags or placeholders and its references fit on one line; else ""."""
    kind = found[0].kind
    if kind not in _PLAIN_KINDS or "<" in found[0].text:
        return ""
    refs: dict[str, None] = {}
    for seg in found:
        if seg.kind != kind or seg.flags:
            return ""
        refs[f"{name}:{seg.line}"] = None
    joined = " ".join(refs)
    return f"#. {kind}\n#: {joined}" if len(refs) == 1 or len(joined) <= _REFS_WIDTH else ""


def _head(found: Found, name: str, placeholders: _Placeholders) -> str:
    """A unit's notes and references (``#.`` and ``#:`` lines), from its notes and lines."""
    notes, lines = _unit(found, placeholders)
    comment = "\n".join(comment_block("\n".join(notes), "#.")) + "\n" if notes else ""
    return comment + file_references(name, lines)


@dataclass
class Template:
    """A release's template, its units gathered once: the text ``extract`` and a first catalog
    are made of, and the polib entries only a merge or a judgement of a re-saved file needs.
    Its entries hold a msgid, notes and references, nothing else: a first catalog copies them
    as they are (``header.first_from_data``, from the template's bytes)."""

    comment: str  # the header's
    fields: dict[str, str]  # the header's, in the order they are written
    release: Release
    units: dict[str, Found]
    _text: str | None = None
    _entries: polib.POFile | None = None

    @property
    def size(self) -> int:
        """Its number of entries."""
        return len(self.units)

    @property
    def text(self) -> str:
        """``format_po(self.catalog())``, written straight from the header's values and the
        units (made once)."""
        if self._text is None:
            head = head_text(self.comment, self.fields)
            blocks = _body(self.release, self.units)
            if blocks:  # (joined once: the body is not copied into the text again)
                blocks[-1] += "\n"
                self._text = _BETWEEN.join([head, *blocks])
            else:
                self._text = f"{head}\n"
        return self._text

    def catalog(self) -> polib.POFile:
        """The template as polib entries (made once): one per distinct msgid, in source order,
        all references."""
        if self._entries is None:
            pot = polib.POFile(wrapwidth=PAGE_WIDTH)
            pot.header, pot.metadata_is_fuzzy = self.comment, ["fuzzy"]
            pot.metadata.update(self.fields)
            path, placeholders = self.release.path, _Placeholders(self.release)
            for msgid, found in self.units.items():
                notes, lines = _unit(found, placeholders)
                occurrences = [(path, line) for line in lines]
                comment = "\n".join(notes)
                pot.append(new_entry(msgid=msgid, occurrences=occurrences, comment=comment))
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
    comment, fields = header_values(release, config=config, previous=previous)
    return Template(comment, fields, release, _gather(segments))


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
