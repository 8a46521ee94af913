"""Bytes to text for every reader: one place that refuses empty, binary and non-UTF-8 releases.

Each refusal names the line of the first offending byte, because a communications officer who
pasted a release from a word processor needs to know *where* the stray bytes are, not just that
they exist.
"""

from __future__ import annotations

import codecs
import re

from ..errors import ReaderError

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_CONTROL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")  # C0 but tab and line breaks; DEL
#: Bytes to ``b"\x01"`` where ``_CONTROL`` matches, others to ``b"\x00"``: in UTF-8 such a
#: character is that one byte and no other character holds it, so one table pass over the bytes
#: tells (a scan the regex makes several times dearer) whether the text needs searching.
_CONTROL_BYTES = bytes(1 if _CONTROL.match(chr(b)) else 0 for b in range(256))


def _line_of(data: bytes, offset: int) -> int:
    """1-based line of byte ``offset``, counting LF, CRLF and lone CR as one break each."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def utf8_body(data: bytes) -> bytes:
    """The bytes of a release that ``decode_release`` decodes: without a leading UTF-8 BOM."""
    return data[len(codecs.BOM_UTF8) :] if data.startswith(codecs.BOM_UTF8) else data


def decode_release(data: bytes, *, path: str) -> str:
    """Return the UTF-8 text of a release (a leading BOM dropped) or raise ``ReaderError``."""
    if data.startswith(_UTF16_BOMS):
        raise ReaderError("file is UTF-16, not UTF-8: save it as UTF-8", path=path, line=1)
    data = utf8_body(data)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ReaderError(
            "binary file (NUL byte), not a text release", path=path, line=_line_of(data, nul)
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        raise ReaderError(
            f"not UTF-8 (byte 0x{bad:02x}): save the release as UTF-8",
            path=path,
            line=_line_of(data, exc.start),
        ) from None
    control = _CONTROL.search(text) if b"\x01" in data.translate(_CONTROL_BYTES) else None
    if control:  # a page cannot hold it (XML), and it would reach translators' terminals
        raise ReaderError(
            f"control character U+{ord(control.group()):04X} in the text; remove it",
            path=path,
            line=_line_of(text[: control.start()].encode("utf-8"), len(text)),
        )
    if not text or text.isspace():  # (``strip`` would copy the whole text)
        raise ReaderError("release is empty", path=path, line=1)
    return text


def split_lines(text: str) -> list[str]:
    """Lines as editors and gettext references count them (not ``str.splitlines``'s extras)."""
    return _LINE_BREAK.split(text) if "\r" in text else text.split("\n")
