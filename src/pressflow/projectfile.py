"""Where a project is: its ``pressflow.toml`` in a folder or the nearest one above it.

Apart from the file writer and the config so that the quick answers (``update --check`` with
nothing changed) find their project with no import beyond the standard library's smallest.
"""

from __future__ import annotations

from pathlib import Path

CONFIG_NAME = "pressflow.toml"


def find_config(start: Path) -> Path | None:
    """The project file in ``start`` or the nearest folder above it."""
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None
