"""The console entry point's short answer to ``update`` / ``update --check`` with nothing to do.

Every case runs the real command twice: as ``pressflow update`` (which may take the short path)
and as ``pressflow -C . update`` (always the Typer CLI); both must print the same and exit alike.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.clienv import cli_env
from tests.shipped import copy_newsroom

ROOT = Path(__file__).resolve().parents[1]
SLUG = "2018-07-03-lsg-forum"


def pressflow(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it, with the modules it imported listed on stderr."""
    return subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "pressflow", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env=cli_env(cwd),
    )


def said(result: subprocess.CompletedProcess[str]) -> str:
    """stderr without the import timings."""
    return "".join(
        line for line in result.stderr.splitlines(True) if not line.startswith("import time:")
    )


def imported(result: subprocess.CompletedProcess[str], module: str) -> bool:
    return any(
        line.startswith("import time:") and line.rsplit("|", 1)[-1].strip() == module
        for line in result.stderr.splitlines()
    )


def both(cwd: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], ...]:
    """(the command as typed, the same through the Typer CLI), in that order."""
    return pressflow(cwd, *args), pressflow(cwd, "-C", ".", *args)


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    """The shipped newsroom (release, reviewed catalogs, config), updated once."""
    root = copy_newsroom(tmp_path / "newsroom")
    assert pressflow(root, "update").returncode == 0
    return root


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (("update",), "update: 2 catalogs, 0 file(s) written\n"),
        (("update", "--check"), "update --check: all 2 catalogs and 1 template up to date\n"),
    ],
)
def test_nothing_to_do_is_answered_without_the_cli_and_says_the_same(
    newsroom: Path, args: tuple[str, ...], line: str
) -> None:
    quick, full = both(newsroom, *args)
    assert (quick.returncode, said(quick), quick.stdout) == (0, line, "")
    assert (full.returncode, said(full), full.stdout) == (0, line, "")
    assert not imported(quick, "typer") and not imported(quick, "polib")
    assert imported(full, "typer")


def test_a_changed_release_goes_to_the_cli(newsroom: Path) -> None:
    source = newsroom / "releases" / f"{SLUG}.txt"
    source.write_text(source.read_text("utf-8").replace("100 ЖӨБ", "120 ЖӨБ"), "utf-8")
    check = pressflow(newsroom, "update", "--check")
    assert check.returncode == 1 and imported(check, "typer")
    assert f"translations/ru/{SLUG}.po: out of date with its release" in said(check)
    done = pressflow(newsroom, "update")
    assert done.returncode == 0  # the release is read again: its scraped junk is reported
    assert said(done).endswith("[foreign-text]\nupdate: 2 catalogs, 3 file(s) written\n")
    assert said(pressflow(newsroom, "update")) == "update: 2 catalogs, 0 file(s) written\n"


def test_a_translators_save_is_merged_and_a_touch_is_remembered(newsroom: Path) -> None:
    po_path = newsroom / "translations" / "ru" / f"{SLUG}.po"
    text = po_path.read_text("utf-8")
    po_path.write_text(text.replace("# ", "# Проверено редактором.\n# ", 1), "utf-8")
    saved = pressflow(newsroom, "update")
    assert imported(saved, "typer") and saved.returncode == 0  # the release was processed
    assert "Проверено редактором." in po_path.read_text("utf-8")  # and the comment kept

    stamps = newsroom / ".pressflow" / "stamps.json"
    before = stamps.read_bytes()
    os.utime(po_path, (1_000_000_000, 1_000_000_000))  # a checkout: new time, same bytes
    touched = pressflow(newsroom, "update")
    assert not imported(touched, "typer") and not imported(touched, "polib")
    assert stamps.read_bytes() != before  # the new time is recorded: no hashing next time
    assert said(touched) == "update: 2 catalogs, 0 file(s) written\n"


def test_an_orphaned_template_is_reported_by_the_cli(newsroom: Path) -> None:
    orphan = newsroom / "translations" / "templates" / "2017-01-01-gone.pot"
    shutil.copy(newsroom / "translations" / "templates" / f"{SLUG}.pot", orphan)
    quick, full = both(newsroom, "update")
    assert imported(quick, "typer")
    assert said(quick) == said(full)
    assert (
        "2017-01-01-gone.pot: warning: release releases/2017-01-01-gone.* no longer exists"
        in said(quick)
    )


def test_errors_are_the_clis_one_line_and_exit_code(tmp_path: Path, newsroom: Path) -> None:
    nowhere = tmp_path / "empty"
    nowhere.mkdir()
    quick, full = both(nowhere, "update")
    assert quick.returncode == full.returncode == 2
    assert said(quick) == said(full) and said(quick).count("\n") == 1
    assert said(quick).startswith("pressflow: error: ")

    (newsroom / "pressflow.toml").write_text("[project\n", "utf-8")
    quick, full = both(newsroom, "update", "--check")
    assert quick.returncode == full.returncode == 2
    assert said(quick) == said(full) and "pressflow.toml:1" in said(quick)


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_is_remembered_and_printed_again_without_typer(tmp_path: Path, flag: str) -> None:
    """The first ``--help`` is Typer's; the next ones print the same bytes without loading it,
    until the terminal's settings change (another width: Typer's again)."""
    first, again = pressflow(tmp_path, flag), pressflow(tmp_path, flag)
    assert (first.returncode, again.returncode) == (0, 0)
    assert imported(first, "typer") and not imported(again, "typer")
    assert again.stdout == first.stdout and "Usage: pressflow" in again.stdout
    wide = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "pressflow", flag],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env=cli_env(tmp_path, COLUMNS="150"),
    )
    assert imported(wide, "typer") and wide.stdout != first.stdout
