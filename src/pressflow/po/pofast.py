"""The fast path of PO parsing: well-formed live entries, the way gettext and pressflow write
them, are matched whole by one regular expression, most fields without an unescape. It reads
as far as entries fit and says where it stopped; poparse's strict line parser judges the rest
(a tail of comments and obsolete entries), or the whole file when anything here is unusual."""

from __future__ import annotations

import re
from typing import NamedTuple

from .poentry import BadEscape, RawEntry, add_comment, unescape

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


def _value(block: str) -> str:
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
        return unescape(value)
    except BadEscape:
        raise _Unusual from None


def _entry(m: re.Match[str], line: int) -> RawEntry:
    comments, ctxt, msgid, msgid_plural, msgstr, strs = m.group(
        "comments", "ctxt", "id", "idp", "str", "strs"
    )
    entry = RawEntry(line=line)
    # one line a comment, one a msgctxt keyword, one more each string its value continues on
    entry.msgid_line = line + comments.count("\n") + (ctxt.count("\n") + 1 if ctxt else 0)
    fields = entry.fields
    if ctxt is not None:
        fields["msgctxt"] = _value(ctxt)
    fields["msgid"] = _value(msgid)
    if msgstr is not None and msgid_plural is None:
        fields["msgstr"] = _value(msgstr)
    elif strs is not None:
        _msgstrs(entry, strs, plural=msgid_plural is not None)
    else:
        raise _Unusual  # a plural entry with a plain msgstr
    if msgid_plural is not None:
        fields["msgid_plural"] = _value(msgid_plural)
    if comments:
        _comments(entry, comments)
    return entry


def _msgstrs(entry: RawEntry, strs: str, *, plural: bool) -> None:
    for sm in _FAST_MSGSTR.finditer(strs):
        if (sm.group(1) is not None) != plural:
            raise _Unusual
        if sm.group(1) is None:
            if "msgstr" in entry.fields:
                raise _Unusual
            entry.fields["msgstr"] = _value(sm.group(2))
        else:
            entry.plural[int(sm.group(1))] = _value(sm.group(2))


def _comments(entry: RawEntry, comments: str) -> None:
    previous_key = ""
    for text in comments.split("\n")[:-1]:
        kind = text[1:2]
        if kind == "|":
            body = text[2:].strip()
            if body.startswith('"') and previous_key:
                if not _FAST_STR.fullmatch(body):
                    raise _Unusual  # text after the string: the strict parser says where
                entry.previous[previous_key] += _value(body)
                continue
            match = _FAST_PREVIOUS.fullmatch(text.strip())
            if not match or not _FAST_STR.fullmatch(match.group(2).strip()):
                raise _Unusual
            previous_key = match.group(1)
            entry.previous[previous_key] = _value(match.group(2))
        else:
            add_comment(entry, kind, text)


class Prefix(NamedTuple):
    """The entries read, and where the first one that did not fit starts (offset and line)."""

    entries: list[RawEntry]
    pos: int
    line: int


def read_prefix(text: str) -> Prefix | None:
    """The well-formed entries from the start of ``text``; None when the strict parser must
    read the whole file (carriage returns, or an entry the fast path may not judge)."""
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
            entries.append(_entry(m, line))
            line += text.count("\n", pos, m.end())
            pos = m.end()
    except _Unusual:
        return None
    return Prefix(entries, pos, line)
