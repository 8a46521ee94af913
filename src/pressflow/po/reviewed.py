"""What counts as a reviewed translation: translated, not fuzzy, not obsolete.

One definition for every stage that reads a translator's work (the site publishes only these,
the checks judge them and hold them up beside each other). Entries are read duck-typed (polib's,
or the parser's own), so nothing here imports the PO library.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def entry_msgstr(entry: Any) -> str:
    """A polib-like entry's translation (of a plural entry, its first form)."""
    msgstr = entry.msgstr or ""
    plural = getattr(entry, "msgstr_plural", None)
    if not msgstr and plural:
        msgstr = plural.get(0, "") or ""
    return msgstr


def reviewed_msgstr(entry: Any) -> str:
    """A polib-like entry's translation if reviewed, else "" (fuzzy: a suggestion)."""
    return "" if "fuzzy" in (entry.flags or ()) else entry_msgstr(entry)


def reviewed(entries: Iterable[Any]) -> dict[str, str]:
    """msgid -> translation of a catalog's reviewed entries (the header and obsolete ones left
    out)."""
    return {
        e.msgid: text
        for e in entries
        if e.msgid and not getattr(e, "obsolete", False) and (text := reviewed_msgstr(e))
    }
