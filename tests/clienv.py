"""The environment a test gives the pressflow it starts: no user settings, no colour, and this
tree's source first on the path (an explicit ``env`` does not inherit conftest's PYTHONPATH)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def cli_env(home: Path, **extra: str) -> dict[str, str]:
    env = {
        "PATH": "/usr/bin:/bin:/usr/local/bin",
        "HOME": str(home),
        "NO_COLOR": "1",
        "PYTHONPATH": os.environ.get("PYTHONPATH", ""),
    }
    env.update(extra)
    return env


def run_pressflow(
    cwd: Path, *args: str, timeout: float = 300, **extra: str
) -> subprocess.CompletedProcess[str]:
    """``python -m pressflow ARGS`` in ``cwd`` with :func:`cli_env`, output captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "pressflow", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=cli_env(cwd, **extra),
    )
