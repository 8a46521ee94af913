"""Writing fills into catalogs: only empty entries, provenance comments, batched atomic saves.

A fill lands only in an entry whose msgstr is empty, so nothing a person wrote, reviewed or
fuzzy, is ever replaced. Provenance goes in a translator comment (``# mt: google``,
``# tm: <slug> (87%)``) because msgcat drops unknown ``#,`` flags but keeps comments. Saves are
atomic, and a catalog is replaced only if it is still the version read (checked just before the
rename): one a translator saved during a long run is read again and the fills re-applied to
what is still empty.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..cache import content_digest
from ..errors import CatalogError, ChangedOnDisk
from ..files import read_snapshot, replace_checked
from ..model import CatalogRef
from ..po.catalog import format_po, parse_po
from ..po.dates import now_stamp

_PROVENANCE = ("mt:", "tm:")


@dataclass(frozen=True)
class Fill:
    msgstr: str
    comment: str
    fuzzy: bool
    previous: str = ""


def needs_fill(entry: Any) -> bool:
    """An entry prefill may fill: live, not the header, singular, and with an empty msgstr."""
    return bool(
        entry.msgid and not entry.obsolete and not entry.msgid_plural and entry.msgstr == ""
    )


def apply_fill(entry: Any, fill: Fill) -> bool:
    """Fill one entry if it is still empty; keep the translator's own comments."""
    if not needs_fill(entry):
        return False
    entry.msgstr = fill.msgstr
    lines = entry.tcomment.split("\n") if entry.tcomment else []
    kept = [line for line in lines if not line.startswith(_PROVENANCE)]  # stale provenance
    entry.tcomment = "\n".join([*kept, fill.comment])
    if fill.fuzzy and "fuzzy" not in entry.flags:
        entry.flags.insert(0, "fuzzy")
    elif not fill.fuzzy and "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
    if fill.previous:
        entry.previous_msgid = fill.previous
    return True


class CatalogFile:
    """One PO file being filled: its entries by msgid, fills made, and batched atomic saves."""

    def __init__(self, ref: CatalogRef):
        self.ref = ref
        self.path = Path(ref.path)
        self.fills: dict[str, Fill] = {}
        self.pending = 0
        self.written = False
        self.problem = ""
        self._load()

    def _load(self) -> None:
        try:
            raw, self._read = read_snapshot(self.path)
        except OSError as exc:
            problem = f"cannot read catalog: {exc.strerror}"
            raise CatalogError(problem, path=str(self.path)) from None
        if raw is None:
            raise CatalogError("catalog file not found", path=str(self.path))
        self.digest = content_digest(raw)  # what the incremental cache knows it by
        self.po = parse_po(raw, path=str(self.path))
        self.index: dict[str, list[Any]] = {}  # msgid -> empty entries (one per msgctxt)
        for entry in self.po:
            if needs_fill(entry):
                self.index.setdefault(entry.msgid, []).append(entry)

    def fill(self, msgid: str, fill: Fill) -> None:
        filled = [apply_fill(entry, fill) for entry in self.index.get(msgid, ())]
        if any(filled):
            self.fills[msgid] = fill
            self.pending += 1

    def save(self) -> None:
        """Write pending fills; if the file changed on disk, re-read it first and fill again.

        A file that cannot be read back (an editor half-way through a save, or a translator's
        syntax error) is retried briefly, then left alone with ``problem`` set: never clobbered.
        """
        if not self.pending:
            return
        for _ in range(6):
            # the file changes: its revision date says when (gettext's convention for any editor)
            self.po.metadata["PO-Revision-Date"] = now_stamp()
            text = format_po(self.po)
            try:  # replaced only if it is still the version read: checked just before the rename
                self._read = replace_checked(self.path, text, expect=self._read)
            except ChangedOnDisk:  # someone saved the file while we worked
                if not self._reload():
                    return
                continue
            self.written = True
            self.pending = 0
            self.problem = ""
            return
        self.problem = f"{self.ref.path}: saved again and again during prefill; fills not written"

    def _reload(self) -> bool:
        """Read the file as saved now and fill again what is still empty (False: unreadable)."""
        for attempt in range(6):
            try:
                self._load()
                break
            except CatalogError as exc:
                if attempt == 5:
                    self.problem = f"{exc} (changed during prefill; fills not written)"
                    return False
                time.sleep(0.05 * (attempt + 1))
        for msgid, fill in self.fills.items():
            for entry in self.index.get(msgid, ()):
                apply_fill(entry, fill)
        return True
