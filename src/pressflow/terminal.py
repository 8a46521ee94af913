"""Text for a terminal: control characters from a release never reach it raw.

A release (or a msgstr, or a file name) may hold escape sequences: ``ESC ] 0 ;`` retitles the
window, ``ESC [ 2 J`` clears the screen, C1 ``CSI`` does the same in one character, a carriage
return or a bidirectional override hides text. Whatever pressflow prints is passed through
``printable``, which writes each such character as a visible escape (``\\u001b``); line breaks
and tabs stay. ``SafeConsole`` applies it to everything Rich renders from a string, table cells
included.
"""

from __future__ import annotations

import re

from rich.console import Console
from rich.text import Text

_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def printable(text: str) -> str:
    """``text`` with every control character but line feed and tab as ``\\uXXXX``."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class SafeConsole(Console):
    """A Rich console that escapes control characters in every string it renders."""

    def render_str(self, text: str, **options: object) -> Text:  # type: ignore[override]
        return super().render_str(printable(text), **options)  # type: ignore[arg-type]
