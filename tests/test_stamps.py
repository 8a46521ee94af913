"""Skipped releases are re-run when pressflow itself changes: its code or ANY file it ships.

The change is made the hardest way: the same size and the same modification time (``cp -p``, an
unpacked archive), on a copy of the package (end to end: one that a subprocess imports).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pressflow.cache import code_fingerprint, folder_fingerprint

SRC = Path(__file__).resolve().parents[1] / "src"


def _same_size_edit(path: Path, data: bytes) -> None:
    """Write ``data`` and put the modification time back as it was."""
    st = path.stat()
    path.write_bytes(data)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """A copy of pressflow's source (``<tmp>/src/pressflow``) with the modification times kept."""
    src = tmp_path / "src"
    shutil.copytree(
        SRC / "pressflow", src / "pressflow", ignore=shutil.ignore_patterns("__pycache__")
    )
    return src


def test_every_shipped_file_changes_the_fingerprint_even_keeping_size_and_time(
    package_copy: Path,
) -> None:
    package = package_copy / "pressflow"
    code_fingerprint.cache_clear()  # computed once per process: the tree may have moved since
    assert folder_fingerprint(SRC / "pressflow") == code_fingerprint()  # the one pressflow uses
    base = folder_fingerprint(package)
    files = sorted(p for p in package.rglob("*") if p.is_file() and p.stat().st_size)
    shipped = {str(p.relative_to(package)) for p in files if p.suffix != ".py"}
    assert {"data/segment/ky.toml", "data/qa/exonyms.tsv", "render/style.css"} <= shipped
    missed = []
    for path in files:
        raw = path.read_bytes()
        _same_size_edit(path, raw[:-1] + (b"X" if raw[-1:] != b"X" else b"Y"))
        if folder_fingerprint(package) == base:
            missed.append(str(path.relative_to(package)))
        _same_size_edit(path, raw)
    assert missed == [], f"a same-size, same-mtime edit of these goes unnoticed: {missed}"
    assert folder_fingerprint(package) == base  # content decides, nothing else
    (package / "data" / "qa" / "new-list.csv").write_text("a,b\n")
    assert folder_fingerprint(package) != base
    (package / "data" / "qa" / "new-list.csv").rename(package / "data" / "qa" / "other.csv")
    assert folder_fingerprint(package) not in (base, folder_fingerprint(SRC / "pressflow"))


def _env(src: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(src), "PYTHONDONTWRITEBYTECODE": "1"}


RELEASE = "Форум\n\n03.07.2018 09:29\n\nФорум 2019-ж. Бишкекте өттү. Ага жүз адам катышты.\n"


def test_a_rule_edit_makes_update_check_fail_until_update_runs(
    package_copy: Path, tmp_path: Path
) -> None:
    """Same size, same time: ``"ж"`` (year, never a sentence end) becomes ``"Ж"`` in ky.toml."""
    root = tmp_path / "newsroom"
    (root / "releases").mkdir(parents=True)
    (root / "releases" / "forum.txt").write_text(RELEASE, encoding="utf-8")
    config = (SRC.parent / "pressflow.toml").read_text(encoding="utf-8")
    (root / "pressflow.toml").write_text(config.replace('glossary = "glossary.tsv"\n', ""))

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pressflow", *args],
            cwd=root,
            capture_output=True,
            text=True,
            env={**_env(package_copy), "HOME": str(tmp_path), "NO_COLOR": "1"},
            timeout=120,
        )

    assert run("update").returncode == 0
    pot = root / "translations" / "templates" / "forum.pot"
    assert 'msgid "Форум 2019-ж. Бишкекте өттү."' in pot.read_text(encoding="utf-8")
    assert run("update", "--check").returncode == 0

    rules = package_copy / "pressflow" / "data" / "segment" / "ky.toml"
    raw = rules.read_bytes()
    edited = raw.replace('"ж", "жж"'.encode(), '"Ж", "жж"'.encode(), 1)
    assert edited != raw and len(edited) == len(raw)
    _same_size_edit(rules, edited)

    stale = run("update", "--check")
    assert stale.returncode == 1, stale.stdout + stale.stderr
    assert run("update").returncode == 0
    assert 'msgid "Бишкекте өттү."' in pot.read_text(encoding="utf-8")
    assert run("update", "--check").returncode == 0
