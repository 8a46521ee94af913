"""Every pressflow the tests start runs this tree's own source, not whatever is installed."""

from __future__ import annotations

import os
from pathlib import Path

SRC = str(Path(__file__).resolve().parents[1] / "src")

# Subprocesses that inherit the environment (``python -m pressflow``, ``python -c …``) see it.
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (SRC, os.environ.get("PYTHONPATH", "")) if p)
