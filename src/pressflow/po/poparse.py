"""A strict PO parser that reports the file and line of every defect, stdlib only.

polib's parser accepts some broken files silently, reports others without a line, strips comment
text and drops ``#~|`` previous msgids of obsolete entries. Translators edit PO files by hand, so
pressflow needs gettext's rules and a precise ``path:line: what is wrong``. This module yields
plain ``RawEntry`` values; catalog.py turns them into polib objects.
"""

from __future__ import annotations

import re

from ..errors import CatalogError
from .poentry import RawEntry, add_comment, quoted_string
from .pofast import read_prefix

__all__ = ["RawEntry", "decode", "parse_entries"]


_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr\[(\d+)\]|msgstr)(?=[\s\"]|$)")
_MO_MAGIC = (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde")


def decode(raw: bytes, *, path: str) -> str:
    """The text of a catalog file, or a one-line error for empty, binary and non-UTF-8 files."""
    if not raw.strip():
        raise CatalogError("empty file: not a PO catalog", path=path)
    if raw[:4] in _MO_MAGIC:
        raise CatalogError("compiled MO file, not a PO catalog", path=path)
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise CatalogError("binary data (NUL byte): not a PO catalog", path=path, line=line)
    try:
        text = raw.decode("utf-8")  # pragma: no mutate (UTF-8)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CatalogError(
            "not UTF-8 text (convert it with msgconv --to-code=UTF-8)", path=path, line=line
        ) from None
    return text.removeprefix("\ufeff")


class _Parser:
    def __init__(self, text: str, path: str, *, first_line: int = 1) -> None:
        self.lines = text.split("\n")
        self.first_line = first_line
        self.path = path
        self.entries: list[RawEntry] = []
        self.current: RawEntry | None = None
        self.last_field: tuple[str, str | int] | None = None  # where continuation lines go
        self.has_msgstr = False

    def fail(self, message: str, line: int) -> CatalogError:
        return CatalogError(message, path=self.path, line=line)

    def entry(self, number: int, obsolete: bool) -> RawEntry:
        if self.current is None:
            self.current = RawEntry(line=number)  # obsolete: set below
        elif self.current.obsolete != obsolete and (self.current.fields or self.current.previous):
            raise self.fail("inconsistent use of #~ (obsolete) within one entry", number)
        self.current.obsolete = obsolete
        return self.current

    def finish(self) -> None:
        entry = self.current
        if entry is None:
            return
        if "msgid" not in entry.fields:
            if entry.fields or entry.previous:
                raise self.fail("msgstr without msgid", entry.line)
            self.current = None  # trailing comments only: gettext ignores them
            return
        if not self.has_msgstr:
            raise self.fail("msgid without msgstr", entry.line)
        if "msgid_plural" in entry.fields and not entry.plural:
            raise self.fail("msgid_plural without msgstr[0]", entry.line)
        if "msgid_plural" not in entry.fields and entry.plural:
            raise self.fail("msgstr[N] without msgid_plural", entry.line)
        self.entries.append(entry)
        self.current = None
        self.last_field = None
        self.has_msgstr = False

    def keyword(self, body: str, number: int, *, obsolete: bool, previous: bool) -> None:
        match = _KEYWORD.match(body)
        if not match:
            word = body.split(None, 1)[0] if body.split() else body
            raise self.fail(f'unknown keyword "{word}"', number)
        name, index = match.group(1), match.group(2)
        rest = body[match.end() :].strip()
        if not rest.startswith('"'):
            raise self.fail(f"{name} must be followed by a quoted string", number)
        value = quoted_string(rest, path=self.path, line=number)
        if self.has_msgstr and (previous or name in ("msgctxt", "msgid")):
            self.finish()
        if previous:
            if name not in ("msgctxt", "msgid", "msgid_plural"):
                raise self.fail(f"#| previous lines take msgctxt/msgid only, not {name}", number)
            entry = self.entry(number, obsolete)
            if entry.fields:
                raise self.fail("#| previous msgid after msgid", number)
            entry.previous[name] = value
            self.last_field = ("previous", name)
            return
        entry = self.entry(number, obsolete)
        if name.startswith("msgstr"):
            if "msgid" not in entry.fields:
                raise self.fail("msgstr without msgid", number)
            if index is not None:
                entry.plural[int(index)] = value
                self.last_field = ("plural", int(index))
            else:
                if "msgstr" in entry.fields:
                    raise self.fail("second msgstr in one entry", number)
                entry.fields["msgstr"] = value
                self.last_field = ("fields", "msgstr")
            self.has_msgstr = True
            return
        if name in ("msgid", "msgctxt") and "msgid" in entry.fields:
            raise self.fail("msgid without msgstr", entry.line)
        if name in entry.fields:
            raise self.fail(f"second {name} in one entry", number)
        if name == "msgid_plural" and "msgid" not in entry.fields:
            raise self.fail("msgid_plural without msgid", number)
        if name == "msgid":
            entry.msgid_line = number
        entry.fields[name] = value
        self.last_field = ("fields", name)

    def continuation(self, body: str, number: int, *, previous: bool) -> None:
        if self.current is None or self.last_field is None:
            raise self.fail("string continuation line outside an entry", number)
        where, key = self.last_field
        if (where == "previous") != previous:
            raise self.fail("continuation line does not continue the line above", number)
        value = quoted_string(body, path=self.path, line=number)
        target = getattr(self.current, where)
        target[key] = target[key] + value

    def comment(self, line: str, number: int) -> None:
        kind = line[1:2]
        if self.has_msgstr or (self.current is not None and self.current.fields):
            if self.current is not None and not self.has_msgstr:
                raise self.fail("comment between msgid and msgstr", number)
            self.finish()
        entry = self.current
        if entry is None:
            entry = self.current = RawEntry(line=number)
        add_comment(entry, kind, line)

    def run(self) -> list[RawEntry]:
        for number, line in enumerate(self.lines, start=self.first_line):
            line = line.rstrip("\r")
            stripped = line.strip()
            if not stripped:
                continue
            obsolete = previous = False
            body = stripped
            if body.startswith("#~"):
                obsolete, body = True, body[2:].strip()
                if body.startswith("|"):
                    previous, body = True, body[1:].strip()
                if not body:
                    continue
                if body.startswith("#"):
                    self.comment(body, number)
                    continue
            elif body.startswith("#|"):
                previous, body = True, body[2:].strip()
            elif body.startswith("#"):
                self.comment(line.lstrip(), number)
                continue
            if body.startswith('"'):
                self.continuation(body, number, previous=previous)
            else:
                self.keyword(body, number, obsolete=obsolete, previous=previous)
        if self.current is not None:
            self.finish()
        return self.entries


def _fast_parse(text: str, path: str) -> list[RawEntry] | None:
    """The fast path's entries, the strict parser reading a tail of comments and obsolete
    entries; None when the strict parser must read the whole file."""
    prefix = read_prefix(text)
    if prefix is None:
        return None
    if prefix.pos >= len(text):
        return prefix.entries
    tail = text[prefix.pos :]
    if any(ln.strip() and not ln.lstrip().startswith("#") for ln in tail.split("\n")):
        return None  # a live entry the fast path could not read: the strict parser judges
    return prefix.entries + _Parser(tail, path, first_line=prefix.line).run()


def parse_entries(text: str, *, path: str) -> list[RawEntry]:
    """Entries of a PO file's text, in file order; ``CatalogError`` with a line on any defect."""
    entries = _fast_parse(text, path)
    if entries is None:
        entries = _Parser(text, path).run()
    seen: dict[tuple[bool, str | None, str], int] = {}
    for entry in entries:
        key = (entry.obsolete, entry.fields.get("msgctxt"), entry.fields["msgid"])
        if key in seen:
            raise CatalogError(
                f"duplicate message definition (first at line {seen[key]})",
                path=path,
                line=entry.line,
            )
        seen[key] = entry.line
    return entries
