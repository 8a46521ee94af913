"""A catalog's ``Language`` header against the folder it is in: a Russian catalog saved into
``en/`` (an editor's "save as", a copy) would otherwise be merged and published as English."""

from __future__ import annotations

from pathlib import Path

from ..config import Config
from ..errors import CatalogError


def check_language_header(
    po: object, lang: str, path: Path, *, config: Config, raw: bytes = b""
) -> None:
    """Refuse a catalog whose Language header names another language than its folder."""
    declared = (getattr(po, "metadata", {}) or {}).get("Language", "").strip()
    if declared and _base(declared) != _base(lang):
        at = raw.find(b'"Language:')
        raise CatalogError(
            f"Language header says {declared!r} but the file is in the {lang!r} folder; "
            "move it or fix the header (nothing was changed)",
            path=config.rel(path),  # only now: resolving a path costs more than merging
            line=raw.count(b"\n", 0, at) + 1 if at >= 0 else None,
        )


def _base(code: str) -> str:
    """The language of a code without its territory or script: ``ru`` of ``ru_RU`` and ``ru-RU``
    (a folder may be named either way, and pressflow writes the folder's name in the header)."""
    return code.replace("-", "_").split("_")[0]
