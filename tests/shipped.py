"""The shipped newsroom copied for a test, and pressflow run on it as a user runs it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def copy_newsroom(root: Path, *, catalogs: bool = True) -> Path:
    """The shipped release, config and glossary (and reviewed catalogs) in ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("releases", "translations") if catalogs else ("releases",):
        shutil.copytree(ROOT / name, root / name)
    for name in ("pressflow.toml", "glossary.tsv"):
        shutil.copy(ROOT / name, root / name)
    return root


def pressflow(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pressflow", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )
