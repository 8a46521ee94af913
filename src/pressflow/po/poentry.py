"""One PO message as the file wrote it, and the pieces of PO syntax both parsers share (string
escapes, comment lines, references): the strict line parser (poparse) and the fast path for
well-formed catalogs (pofast) must read them the same way, so they are written once, here."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import CatalogError

_ESCAPES = {
    "n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v",
    "\\": "\\", '"': '"',
}  # fmt: skip


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


_QUOTED = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"')
_UNESCAPE = re.compile(r'\\(?:([ntrabfv\\"])|([0-7]{1,3})|x([0-9A-Fa-f]+)|(.))')


def quoted_string(text: str, *, path: str, line: int) -> str:
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
        return unescape(body)
    except BadEscape as bad:
        message = f"invalid escape sequence \\{bad.args[0]} in string"
        raise CatalogError(message, path=path, line=line) from None


class BadEscape(ValueError):
    """An escape sequence gettext does not know; the caller decides what that means."""


def _unescape_one(m: re.Match[str]) -> str:
    if m.group(1):
        return _ESCAPES[m.group(1)]
    if m.group(2):
        return chr(int(m.group(2), 8))
    if m.group(3):
        return chr(int(m.group(3), 16))
    raise BadEscape(m.group(4))


def unescape(body: str) -> str:
    """C escapes of a PO string body (``\\n``, ``\\"``, octal, hex) to characters."""
    return _UNESCAPE.sub(_unescape_one, body)


def add_comment(entry: RawEntry, kind: str, line: str) -> None:
    """File one comment line (``#.``, ``#:``, ``#,`` or ``#``) into its place in ``entry``."""
    if kind == ".":
        entry.comment.append(line[3:] if line[2:3] == " " else line[2:])
    elif kind == ":":
        entry.occurrences.extend(references(line[2:]))
    elif kind == ",":
        entry.flags.extend(f.strip() for f in line[2:].split(",") if f.strip())
    else:
        entry.tcomment.append(line[2:] if line[1:2] == " " else line[1:])


def references(text: str) -> list[tuple[str, str]]:
    refs: list[tuple[str, str]] = []
    for token in text.split():
        name, sep, number = token.rpartition(":")
        if sep and number.isdigit() and name:
            refs.append((name, number))
        else:
            refs.append((token, ""))
    return refs
