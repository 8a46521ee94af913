"""PO and POT files: read them strictly, write them exactly as gettext's ``msgcat`` would.

polib lives behind this module (and update.py). polib parses; the writer is pressflow's own, a
port of gettext's ``write-po.c`` (see powrap), because polib wraps differently from gettext and
every translator tool that re-saves a catalog would otherwise leave diff noise.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache, lru_cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import polib

from ..errors import CatalogError
from ..files import WriteBatch, atomic_write, read_existing
from .powrap import PAGE_WIDTH, later_lines, wrap_field
from .references import reference_lines

if TYPE_CHECKING:
    from .poparse import RawEntry

#: gettext's format flags in the order ``msgcat`` prints them; other flags are dropped by msgcat,
#: so they are dropped here too (pressflow's own markers live in translator comments), except
#: Weblate-style ``ignore-<check>`` flags (IGNORE_PREFIX), which a translator put there.
FORMAT_LANGUAGES = (
    "c", "objc", "python", "python-brace", "java", "java-printf", "csharp", "javascript",
    "scheme", "lisp", "elisp", "librep", "ruby", "sh", "awk", "lua", "object-pascal",
    "smalltalk", "qt", "qt-plural", "kde", "kde-kuit", "boost", "tcl", "perl", "perl-brace",
    "php", "gcc-internal", "gfc-internal", "ycp",
)  # fmt: skip
_FORMAT_ORDER = {
    flag: i
    for i, lang in enumerate(FORMAT_LANGUAGES)
    for flag in (f"{lang}-format", f"no-{lang}-format", f"possible-{lang}-format")
}
IGNORE_PREFIX = "ignore-"
COMMENT_WIDTH = 78  # polib re-wraps a comment line longer than this (its default wrapwidth)

POT_HEADER_FIELDS = (
    "Project-Id-Version",
    "Report-Msgid-Bugs-To",
    "POT-Creation-Date",
    "PO-Revision-Date",
    "Last-Translator",
    "Language-Team",
    "Language",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
    "Generated-By",
)


# --------------------------------------------------------------------------- reading


def read_po(path: Path) -> polib.POFile:
    """Parse a PO/POT file; any defect is a ``CatalogError`` naming the file and line.

    The file is only read, never touched, so a translator's broken file survives for fixing.
    """
    raw = read_bytes(path)
    if raw is None:
        raise CatalogError("catalog file not found", path=str(path))
    return parse_po(raw, path=str(path))


def read_bytes(path: Path | str) -> bytes | None:
    """A catalog file's bytes, ``None`` when it does not exist (any other failure to read is a
    ``CatalogError``): for callers that parse them and also keep them (stamps.py)."""
    try:
        return read_existing(path)
    except OSError as exc:
        raise CatalogError(f"cannot read catalog: {exc.strerror}", path=str(path)) from None


@cache
def _parser() -> ModuleType:
    """The strict parser, loaded by the first catalog read (its patterns and entry class are a
    few milliseconds of every start): an extract that finds no template reads none."""
    from . import poparse

    return poparse


def parse_po(raw: bytes, *, path: str = "<string>") -> polib.POFile:
    """A catalog from bytes (see ``read_po``); the header becomes ``metadata``."""
    parser = _parser()
    po = polib.POFile(wrapwidth=PAGE_WIDTH)
    po.fpath = path
    for raw_entry in parser.parse_entries(parser.decode(raw, path=path), path=path):
        fields = raw_entry.fields
        if not raw_entry.obsolete and fields["msgid"] == "" and "msgctxt" not in fields:
            _set_header(po, raw_entry, path=path)
            continue
        po.append(_to_polib(raw_entry))
    return po


def parse_header(raw: bytes, *, path: str = "<string>") -> polib.POFile:
    """A catalog's header (its first entry) alone, the rest unread: what a template's previous
    version is needed for (its creation date) when its entries are compared as text."""
    end = raw.find(b"\n\n")
    return parse_po(raw if end < 0 else raw[: end + 1], path=path)


_ENTRY_DEFAULTS = vars(polib.POEntry())


def new_entry(**fields: object) -> polib.POEntry:
    """A ``polib.POEntry`` with ``fields`` set, without polib's slower keyword handling
    (catalogs with thousands of entries are parsed and merged on every update)."""
    entry = polib.POEntry.__new__(polib.POEntry)
    values = dict(_ENTRY_DEFAULTS, msgstr_plural={}, occurrences=[], flags=[])
    values.update(fields)
    entry.__dict__.update(values)
    return entry


def _to_polib(raw: RawEntry) -> polib.POEntry:
    fields = raw.fields
    previous = raw.previous
    return new_entry(
        msgid=fields["msgid"],
        msgstr=fields.get("msgstr", ""),
        msgid_plural=fields.get("msgid_plural", ""),
        msgstr_plural=dict(raw.plural),
        msgctxt=fields.get("msgctxt"),
        tcomment="\n".join(raw.tcomment),
        comment="\n".join(raw.comment),
        occurrences=raw.occurrences,
        flags=raw.flags,
        previous_msgctxt=previous.get("msgctxt"),
        previous_msgid=previous.get("msgid"),
        previous_msgid_plural=previous.get("msgid_plural"),
        obsolete=raw.obsolete,
        linenum=raw.line,
        msgid_line=raw.msgid_line,  # pressflow's own: where a finding about the entry points
    )


def _set_header(po: polib.POFile, raw: RawEntry, *, path: str) -> None:
    po.header = "\n".join(raw.tcomment)
    po.metadata_is_fuzzy = ["fuzzy"] if "fuzzy" in raw.flags else 0
    key = None
    for line in raw.fields.get("msgstr", "").split("\n"):
        if not line:
            continue
        name, sep, value = line.partition(":")
        if sep:
            key = name.strip()
            po.metadata[key] = value.strip()
        elif key is not None:
            po.metadata[key] += "\n" + line.strip()
    charset = po.metadata.get("Content-Type", "").partition("charset=")[2].strip()
    if charset and charset.upper() not in ("UTF-8", "UTF8", "CHARSET", "ASCII", "US-ASCII"):
        raise CatalogError(
            f"charset {charset}: pressflow catalogs are UTF-8 "
            "(convert with msgconv --to-code=UTF-8)",
            path=path,
            line=raw.line,
        )


# --------------------------------------------------------------------------- writing


def _flags_line(entry: polib.POEntry, *, obsolete: bool) -> str | None:
    if not entry.flags:
        return None
    msgstr = _first_msgstr(entry)
    fuzzy = "fuzzy" in entry.flags and bool(msgstr)
    formats = sorted({f for f in entry.flags if f in _FORMAT_ORDER}, key=_FORMAT_ORDER.__getitem__)
    extra: list[str] = []
    if not obsolete:
        extra = sorted(f for f in entry.flags if f.startswith("range:"))[:1]
    nowrap = ["no-wrap"] if "no-wrap" in entry.flags else []
    ignores = [f for f in entry.flags if f.startswith(IGNORE_PREFIX)]  # a translator's decision
    flags = (["fuzzy"] if fuzzy else []) + formats + extra + nowrap + ignores
    return "#, " + ", ".join(flags) if flags else None


def _first_msgstr(entry: polib.POEntry) -> str:
    if entry.msgid_plural:
        plural = entry.msgstr_plural or {}
        return plural.get(0, "") if plural else ""
    return entry.msgstr


def comment_block(text: str, mark: str = "#") -> list[str]:
    """A comment's lines as written (``#`` a translator's, ``#.`` an extracted one)."""
    if not text:
        return []
    return [f"{mark} {line}" if line else mark for line in text.split("\n")]


def comment_text(text: str, mark: str = "#") -> str:
    """``comment_block``'s lines joined, made in one replacement when no line but the last
    is empty (a header's comment: every catalog has one)."""
    body, end = (text[:-1], f"\n{mark}") if text.endswith("\n") else (text, "")
    if not body or body[0] == "\n" or body[-1] == "\n" or "\n\n" in body:
        return "\n".join(comment_block(text, mark))
    return f"{mark} " + body.replace("\n", f"\n{mark} ") + end


def _entry_lines(entry: polib.POEntry) -> list[str]:
    # Called once per entry of every catalog written: the common case (no translator comment,
    # no flag, no previous msgid) does no work for what it lacks.
    obsolete = bool(entry.obsolete)
    wrap = "no-wrap" not in entry.flags
    lines = comment_block(entry.tcomment) if entry.tcomment else []
    if entry.comment:
        lines += comment_block(entry.comment, "#.")
    if entry.occurrences:
        lines += reference_lines(entry.occurrences)
    flags = _flags_line(entry, obsolete=obsolete) if entry.flags else None
    if flags:
        lines.append(flags)
    previous = (
        ("msgctxt", getattr(entry, "previous_msgctxt", None)),
        ("msgid", getattr(entry, "previous_msgid", None)),
        ("msgid_plural", getattr(entry, "previous_msgid_plural", None)),
    )
    prev = "#~| " if obsolete else "#| "
    for name, value in previous:
        if value is not None:
            lines += wrap_field(name, value, prefix=prev, wrap=wrap)
    prefix = "#~ " if obsolete else ""
    if entry.msgctxt is not None:
        lines += wrap_field("msgctxt", entry.msgctxt, prefix=prefix, wrap=wrap)
    lines += wrap_field("msgid", entry.msgid, prefix=prefix, wrap=wrap)
    if entry.msgid_plural:
        lines += wrap_field("msgid_plural", entry.msgid_plural, prefix=prefix, wrap=wrap)
        plural = entry.msgstr_plural or {0: ""}
        for index in sorted(plural):
            name = f"msgstr[{index}]"
            lines += wrap_field(name, plural[index], prefix=prefix, wrap=wrap)
    else:
        lines += wrap_field("msgstr", entry.msgstr, prefix=prefix, wrap=wrap)
    return lines


def format_header(
    comment: str, metadata: Mapping[str, str], *, fuzzy: bool | list[str] | int = False
) -> str:
    """The header entry (``msgid ""`` with the metadata as msgstr) as ``format_po`` writes it,
    without the blank line after it; from values, so a new catalog's needs no ``POFile``."""
    flags = tuple(fuzzy) if isinstance(fuzzy, list) else (("fuzzy",) if fuzzy else ())
    lines = comment_block(comment)
    lines += _header_start(flags, bool(metadata))
    if len(metadata) > 1 and "no-wrap" not in flags:
        # a msgstr of several lines, wrapped field by field (``wrap_field`` alike): most fields
        # are the same in every catalog of a run, the others differ in a date or a name
        lines.append('msgstr ""')
        for key, value in metadata.items():
            lines += later_lines(f"{key}: {value}\n")
    else:
        msgstr = "".join(f"{key}: {value}\n" for key, value in metadata.items())
        lines += wrap_field("msgstr", msgstr, wrap="no-wrap" not in flags)
    return "\n".join(lines)


@lru_cache(maxsize=16)
def _header_start(flags: tuple[str, ...], translated: bool) -> tuple[str, ...]:
    """The header's lines between its comment and its msgstr (its flags, ``msgid ""``), as
    ``_entry_lines`` writes them."""
    entry = new_entry(msgid="", msgstr="-" if translated else "", flags=list(flags))
    return tuple(_entry_lines(entry)[:-1])


def format_po(po: polib.POFile) -> str:
    """The catalog as ``msgcat`` writes it: same wrapping, escaping, order and final newline.

    Obsolete entries go last (gettext sorts them to the end); an obsolete entry without a
    translation is dropped, the fuzzy flag of an empty msgstr is omitted, and flags other than
    fuzzy, the format flags, ``range:`` and ``no-wrap`` are dropped, all as msgcat does, except
    Weblate-style ``ignore-<check>`` flags: a translator silenced a check there, and losing that
    decision is worse than differing from msgcat, which drops them (written last). A file
    without any entry keeps its header (``msgcat`` alone would write nothing: ``--force-po``).
    Not ported: gettext's refusal to break inside printf directives of ``c-format`` entries.
    """
    blocks: list[str] = []
    if po.metadata or po.header or po.metadata_is_fuzzy:
        blocks.append(format_header(po.header or "", po.metadata, fuzzy=po.metadata_is_fuzzy))
    for entry in po:
        if not entry.obsolete:
            blocks.append(_entry_block(entry))
    for entry in po:
        if entry.obsolete and _first_msgstr(entry):
            blocks.append("\n".join(_entry_lines(entry)))
    return "\n".join(block + "\n" for block in blocks)


#: (msgid, comment, references) -> the lines of an entry with nothing else: a release's new
#: units are written three times in a row (its template, then each language's catalog).
_PLAIN_BLOCKS: dict[tuple[str, str, tuple[tuple[str, str], ...]], str] = {}
_PLAIN_MAX = 20_000


def _entry_block(entry: polib.POEntry) -> str:
    """``_entry_lines`` joined; remembered for an untranslated entry without flags, context,
    translator comment, plural or previous msgid, which is the same text in every catalog."""
    if (
        entry.msgstr
        or entry.tcomment
        or entry.flags
        or entry.msgid_plural
        or entry.msgctxt is not None
        or getattr(entry, "previous_msgid", None) is not None
        or getattr(entry, "previous_msgctxt", None) is not None
        or getattr(entry, "previous_msgid_plural", None) is not None
    ):
        return "\n".join(_entry_lines(entry))
    return plain_block(entry.msgid, entry.comment, tuple(entry.occurrences))


def plain_block(msgid: str, comment: str, occurrences: tuple[tuple[str, str], ...]) -> str:
    """The lines (joined) of an untranslated entry with only ``#.`` notes, references and its
    msgid, as ``_entry_lines`` writes it: the whole of a template entry, so a template is
    written from its units' values without building polib entries."""
    key = (msgid, comment, occurrences)
    block = _PLAIN_BLOCKS.get(key)
    if block is None:
        if len(_PLAIN_BLOCKS) >= _PLAIN_MAX:
            _PLAIN_BLOCKS.clear()
        lines = comment_block(comment, "#.") if comment else []
        if occurrences:
            lines += reference_lines(occurrences)
        lines += wrap_field("msgid", msgid)
        lines.append('msgstr ""')
        block = _PLAIN_BLOCKS[key] = "\n".join(lines)
    return block


def comment_key(text: str) -> str:
    """A comment without its whitespace: polib re-wraps long comment lines (at spaces and after
    hyphens), msgcat never does, and both mean the same comment."""
    return "".join(text.split()) if text else ""


def _same_comment(a: str, b: str) -> bool:
    return a == b or comment_key(a) == comment_key(b)


def _same_entry(a: polib.POEntry, b: polib.POEntry) -> bool:
    """Field by field, cheapest first; comments compared without their wrapping."""
    return (
        a.msgid == b.msgid
        and a.msgstr == b.msgstr
        and a.occurrences == b.occurrences
        and a.flags == b.flags
        and a.obsolete == b.obsolete
        and a.msgctxt == b.msgctxt
        and a.msgid_plural == b.msgid_plural
        and (a.msgstr_plural or {}) == (b.msgstr_plural or {})
        and a.previous_msgctxt == b.previous_msgctxt
        and a.previous_msgid == b.previous_msgid
        and a.previous_msgid_plural == b.previous_msgid_plural
        and _same_comment(a.tcomment, b.tcomment)
        and _same_comment(a.comment, b.comment)
    )


def equivalent(a: polib.POFile, b: polib.POFile) -> bool:
    """Same header and entries, field by field (cheaper than formatting both and comparing);
    stops at the first difference, which in an edited release of 100,000 units comes early."""
    return (
        len(a) == len(b)
        and a.header == b.header
        and bool(a.metadata_is_fuzzy) == bool(b.metadata_is_fuzzy)
        and list(a.metadata.items()) == list(b.metadata.items())
        and all(map(_same_entry, a, b))
    )


def write_po(
    po: polib.POFile,
    path: Path,
    *,
    batch: WriteBatch | None = None,
    previous: polib.POFile | None = None,
) -> bool:
    """Write ``po`` atomically; False (nothing touched) when the bytes would not change.

    With a ``batch`` the write is staged and made durable with the batch's single flush, which
    is what a stage rewriting many catalogs wants (one fsync per file costs more than merging).
    ``previous`` is the catalog as read from ``path``: when ``po`` holds exactly the same
    content the file is left as it is, without formatting, even if a translator's tool wrapped
    it differently (nothing changed, so pressflow adds no diff).
    """
    if previous is not None and equivalent(po, previous):
        return False
    text = format_po(po)
    return batch.write(Path(path), text) if batch is not None else atomic_write(Path(path), text)
