"""The notes a template gives a translator about a unit, as ``#.`` lines: what each placeholder
stands for (where a link goes, the number an empty placeholder shows), wrapped to fit."""

from __future__ import annotations

import re
import textwrap
from functools import lru_cache

from ..model import Inline
from .catalog import COMMENT_WIDTH

_PLACEHOLDER = re.compile(r"<(\d+)/?>")  # <1/> or <1> (never </1>)
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


def notes_of(text: str, by_id: dict[int, Inline]) -> list[str]:
    """One note per placeholder of ``text``, in order of first appearance; ``by_id``: the
    block's inlines by number (made once per block)."""
    seen: list[int] = []
    for digits in _PLACEHOLDER.findall(text):
        number = int(digits)
        if number not in seen and number in by_id:
            seen.append(number)
    return [_placeholder_note(by_id[n]) for n in seen]


def add_placeholder_notes(notes: list[str], text: str, by_id: dict[int, Inline]) -> None:
    """``add_notes(notes, notes_of(text, by_id))``, the notes of the placeholders that recur
    in every release (``<1>…</1>: bold``) made once. (A number met again adds its lines again,
    each of them among ``notes`` already: nothing.)"""
    for digits in _PLACEHOLDER.findall(text):
        inline = by_id.get(int(digits))
        if inline is None:
            continue
        if inline.paired and inline.tag not in _ATTRIBUTED:
            lines = _paired_lines(inline.id, inline.tag)
        else:
            lines = note_lines(_placeholder_note(inline))
        for line in lines:
            if line and line not in notes:
                notes.append(line)


#: Paired elements whose note names an attribute's value (the others': the element's name).
_ATTRIBUTED = ("a", "abbr")


@lru_cache(maxsize=1024)
def _paired_lines(number: int, tag: str) -> tuple[str, ...]:
    return note_lines(_placeholder_note(Inline(number, tag)))


def add_notes(notes: list[str], texts: list[str]) -> None:
    """Each of ``texts`` as ``#.`` lines, those not among ``notes`` already."""
    for text in texts:
        for line in note_lines(text):
            if line and line not in notes:
                notes.append(line)


_NOTE_WIDTH = COMMENT_WIDTH - len("#. ")


def comment_lines(text: str) -> list[str]:
    """A generated ``#.`` comment as lines that fit in 79 columns with their ``#. ``: polib
    re-wraps longer ones and msgcat keeps them, so a short line is the form both agree on."""
    return list(note_lines(text))


#: What ``textwrap`` splits on and turns into spaces: a note without them, shorter than a line
#: and not ending in white space, is its own one line (most notes: ``<1>…</1>: link to …``).
_WRAP_SPACE = re.compile(r"[\t\n\x0b\x0c\r]|  ")


@lru_cache(maxsize=4096)
def note_lines(text: str) -> tuple[str, ...]:
    """``comment_lines``, remembered: the same placeholder notes (``<1>…</1>: bold``) recur in
    every release, and wrapping each again cost a fifth of making an HTML release's template."""
    if 0 < len(text) <= _NOTE_WIDTH and not text[-1].isspace() and not _WRAP_SPACE.search(text):
        return (text,)  # (textwrap drops at a line's end what ``str.strip`` would)
    return tuple(
        textwrap.wrap(text, _NOTE_WIDTH, break_long_words=False, break_on_hyphens=False) or [text]
    )
