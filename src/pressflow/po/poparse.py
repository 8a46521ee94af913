"""A strict PO parser that reports the file and line of every defect, stdlib only.

polib's parser accepts some broken files silently, reports others without a line, strips comment
text and drops ``#~|`` previous msgids of obsolete entries. Translators edit PO files by hand, so
pressflow needs gettext's rules and a precise ``path:line: what is wrong``. This module yields
plain ``RawEntry`` values; catalog.py turns them into polib objects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import CatalogError

_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr\[(\d+)\]|msgstr)(?=[\s\"]|$)")
_ESCAPES = {
    "n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v",
    "\\": "\\", '"': '"',
}  # fmt: skip
_MO_MAGIC = (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde")


@dataclass(slots=True)
class RawEntry:
    """One message as written in the file (previous fields are ``None`` when absent)."""

    line: int
    obsolete: bool = False
    #: the line of the ``msgid`` keyword (``line`` is the entry's first, a comment's perhaps)
    msgid_line: int = 0
    tcomment: list[str] = field(default_factory=list)
    comment: list[str] = field(default_factory=list)
    occurrences: list[tuple[str, str]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    previous: dict[str, str] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)
    plural: dict[int, str] = field(default_factory=dict)


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


_QUOTED = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"')
_UNESCAPE = re.compile(r'\\(?:([ntrabfv\\"])|([0-7]{1,3})|x([0-9A-Fa-f]+)|(.))')


def _string(text: str, *, path: str, line: int) -> str:
    """Unescape one ``"..."`` token that starts at ``text[0]``; the rest must be blank."""
    match = _QUOTED.match(text)
    if match is None:
        raise CatalogError("string not terminated (missing closing quote)", path=path, line=line)
    rest = text[match.end() :].strip()
    if rest:
        message = f"unexpected text after the string: {rest[:20]!r}"
        raise CatalogError(message, path=path, line=line)
    body = match.group(1)
    if "\\" not in body:
        return body
    try:
        return _unescape(body)
    except _BadEscape as bad:
        message = f"invalid escape sequence \\{bad.args[0]} in string"
        raise CatalogError(message, path=path, line=line) from None


class _BadEscape(ValueError):
    """An escape sequence gettext does not know; the caller decides what that means."""


def _unescape_one(m: re.Match[str]) -> str:
    if m.group(1):
        return _ESCAPES[m.group(1)]
    if m.group(2):
        return chr(int(m.group(2), 8))
    if m.group(3):
        return chr(int(m.group(3), 16))
    raise _BadEscape(m.group(4))


def _unescape(body: str) -> str:
    """C escapes of a PO string body (``\\n``, ``\\"``, octal, hex) to characters."""
    return _UNESCAPE.sub(_unescape_one, body)


def _add_comment(entry: RawEntry, kind: str, line: str) -> None:
    """File one comment line (``#.``, ``#:``, ``#,`` or ``#``) into its place in ``entry``."""
    if kind == ".":
        entry.comment.append(line[3:] if line[2:3] == " " else line[2:])
    elif kind == ":":
        entry.occurrences.extend(_references(line[2:]))
    elif kind == ",":
        entry.flags.extend(f.strip() for f in line[2:].split(",") if f.strip())
    else:
        entry.tcomment.append(line[2:] if line[1:2] == " " else line[1:])


def _references(text: str) -> list[tuple[str, str]]:
    refs: list[tuple[str, str]] = []
    for token in text.split():
        name, sep, number = token.rpartition(":")
        if sep and number.isdigit() and name:
            refs.append((name, number))
        else:
            refs.append((token, ""))
    return refs


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
        value = _string(rest, path=self.path, line=number)
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
        value = _string(body, path=self.path, line=number)
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
        _add_comment(entry, kind, line)

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


# Fast path: well-formed live entries, the way gettext and pressflow write them, are matched
# whole by one regular expression; the first entry that does not fit hands over to the strict
# line parser (for a tail of comments and obsolete entries), or the whole file goes to it.
_STR = r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"'
_STRS = rf"{_STR}(?:\n{_STR})*"
_FAST_ENTRY = re.compile(
    rf"(?P<comments>(?:#(?!~)[^\n]*\n)*)"
    rf"(?:msgctxt (?P<ctxt>{_STRS})\n)?"
    rf"msgid (?P<id>{_STRS})\n"
    rf"(?:msgid_plural (?P<idp>{_STRS})\n)?"
    rf"(?:msgstr (?P<str>{_STRS})(?:\n|\Z)(?!msgstr)"
    rf"|(?P<strs>(?:msgstr(?:\[\d+\])? {_STRS}(?:\n|\Z))+))"
    rf"\n*"
)
_FAST_STR = re.compile(r'"([^"\\\n]*(?:\\.[^"\\\n]*)*)"')
_FAST_MSGSTR = re.compile(rf"msgstr(?:\[(\d+)\])? ({_STRS})")
_FAST_PREVIOUS = re.compile(r"#\|\s*(msgctxt|msgid_plural|msgid)\s+(.*)")


class _Unusual(Exception):
    """The fast path met something only the strict parser may judge."""


_SIMPLE = (("\\n", "\n"), ('\\"', '"'), ("\\t", "\t"), ("\\r", "\r"))
_NOT_SIMPLE = re.compile(r'\\[^ntr"\\]')


def _simple_unescape(value: str) -> str:
    """Only ``\\n \\" \\t \\r \\\\``: split at escaped backslashes, then pairs can't overlap."""
    parts = value.split("\\\\")
    for i, part in enumerate(parts):
        if "\\" in part:
            for escaped, char in _SIMPLE:
                part = part.replace(escaped, char)
            parts[i] = part
    return "\\".join(parts)


def _fast_value(block: str) -> str:
    # One string on one line (most fields): its body, without a pattern scan. A block of
    # several (``_STRS``, which matched it) holds one whole string on each line: their bodies.
    if "\n" not in block:
        value = block[1:-1]
    else:
        value = "".join([line[1:-1] for line in block.split("\n")])
    if "\\" not in value:
        return value
    if not _NOT_SIMPLE.search(value) and not value.endswith("\\"):
        return _simple_unescape(value)
    try:
        return _unescape(value)
    except _BadEscape:
        raise _Unusual from None


def _fast_entry(m: re.Match[str], line: int) -> RawEntry:
    comments, ctxt, msgid, msgid_plural, msgstr, strs = m.group(
        "comments", "ctxt", "id", "idp", "str", "strs"
    )
    entry = RawEntry(line=line)
    # one line a comment, one a msgctxt keyword, one more each string its value continues on
    entry.msgid_line = line + comments.count("\n") + (ctxt.count("\n") + 1 if ctxt else 0)
    fields = entry.fields
    if ctxt is not None:
        fields["msgctxt"] = _fast_value(ctxt)
    fields["msgid"] = _fast_value(msgid)
    if msgstr is not None and msgid_plural is None:
        fields["msgstr"] = _fast_value(msgstr)
    elif strs is not None:
        _fast_msgstrs(entry, strs, plural=msgid_plural is not None)
    else:
        raise _Unusual  # a plural entry with a plain msgstr
    if msgid_plural is not None:
        fields["msgid_plural"] = _fast_value(msgid_plural)
    if comments:
        _fast_comments(entry, comments)
    return entry


def _fast_msgstrs(entry: RawEntry, strs: str, *, plural: bool) -> None:
    for sm in _FAST_MSGSTR.finditer(strs):
        if (sm.group(1) is not None) != plural:
            raise _Unusual
        if sm.group(1) is None:
            if "msgstr" in entry.fields:
                raise _Unusual
            entry.fields["msgstr"] = _fast_value(sm.group(2))
        else:
            entry.plural[int(sm.group(1))] = _fast_value(sm.group(2))


def _fast_comments(entry: RawEntry, comments: str) -> None:
    previous_key = ""
    for text in comments.split("\n")[:-1]:
        kind = text[1:2]
        if kind == "|":
            body = text[2:].strip()
            if body.startswith('"') and previous_key:
                if not _FAST_STR.fullmatch(body):
                    raise _Unusual  # text after the string: the strict parser says where
                entry.previous[previous_key] += _fast_value(body)
                continue
            match = _FAST_PREVIOUS.fullmatch(text.strip())
            if not match or not _FAST_STR.fullmatch(match.group(2).strip()):
                raise _Unusual
            previous_key = match.group(1)
            entry.previous[previous_key] = _fast_value(match.group(2))
        else:
            _add_comment(entry, kind, text)


def _fast_parse(text: str, path: str) -> list[RawEntry] | None:
    if "\r" in text:
        return None
    entries: list[RawEntry] = []
    pos = len(text) - len(text.lstrip("\n"))
    line = 1 + pos
    try:
        while pos < len(text):
            m = _FAST_ENTRY.match(text, pos)
            if m is None:
                break
            entries.append(_fast_entry(m, line))
            line += text.count("\n", pos, m.end())
            pos = m.end()
    except _Unusual:
        return None
    if pos >= len(text):
        return entries
    tail = text[pos:]
    if any(ln.strip() and not ln.lstrip().startswith("#") for ln in tail.split("\n")):
        return None  # a live entry the fast path could not read: the strict parser judges
    return entries + _Parser(tail, path, first_line=line).run()


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
