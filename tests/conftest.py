"""Every pressflow the tests start runs this tree's own source, not whatever is installed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

SRC = str(Path(__file__).resolve().parents[1] / "src")

# Subprocesses that inherit the environment (``python -m pressflow``, ``python -c …``) see it.
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (SRC, os.environ.get("PYTHONPATH", "")) if p)


@pytest.fixture
def gettext_tools() -> None:
    """gettext's msgcat, msgfmt and msgmerge: skipped without them, but under CI a failure."""
    missing = [t for t in ("msgcat", "msgfmt", "msgmerge") if shutil.which(t) is None]
    if not missing:
        return
    message = f"{', '.join(missing)} not installed (Debian: gettext; see .ci/run)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)
