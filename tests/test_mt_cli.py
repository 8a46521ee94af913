"""The prefill command on the shipped release: a hanging provider, --strict, and run going on."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

from tests.clienv import cli_env

from fakes.mt_newsroom import make_newsroom
from fakes.mt_provider import FakeProvider
from pressflow.po.catalog import read_po

ROOT = Path(__file__).resolve().parents[1]


def pressflow(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pressflow", "-C", str(root), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=cli_env(root),
    )


def test_hanging_provider_strict_prefill_fails_and_run_goes_on(tmp_path):
    root = make_newsroom(tmp_path / "room", timeout=0.3, retries=1, concurrency=2, breaker=3)
    shutil.copytree(ROOT / "releases", root / "releases")
    assert pressflow(root, "update").returncode == 0
    with FakeProvider(default="hang") as fake:
        started = time.monotonic()
        strict = pressflow(root, "prefill", "--strict", "--engine-url", fake.url)
        elapsed = time.monotonic() - started
        asked = len(fake.seen)
        ran = pressflow(root, "run", "--engine-url", fake.url)
    assert strict.returncode == 1, strict.stderr
    assert "failures in a row" in strict.stderr and "skipped for" in strict.stderr
    # the breaker stops after 3 failures in a row: a few requests (two at a time), not one or
    # two per unit (54 here); the time bound only says it did not wait out every unit
    assert 3 <= asked <= 12, asked
    assert elapsed < 60
    assert ran.returncode == 0, ran.stderr
    for lang in ("ru", "en"):
        po = read_po(root / "translations" / lang / "2018-07-03-lsg-forum.po")
        assert all(not e.msgstr for e in po if e.msgid)


def test_dry_run_prints_the_plan_and_sends_nothing(tmp_path):
    root = make_newsroom(tmp_path / "room")
    shutil.copytree(ROOT / "releases", root / "releases")
    assert pressflow(root, "update").returncode == 0
    with FakeProvider() as fake:
        result = pressflow(root, "prefill", "--dry-run", "--engine-url", fake.url)
        assert fake.texts() == []
    assert result.returncode == 0, result.stderr
    assert "google" in result.stderr and "characters" in result.stderr
