"""``pressflow status`` kept whole: printed again from the kept table while no file its check rests
on changed, without the CLI framework or the project loaded; worked out by the CLI (and kept
anew) once anything changed. Every case compares with ``pressflow -C . status``, which always
goes through the CLI."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.clienv import cli_env
from tests.test_entry import (
    _age,
    _answer_damaged,
    _catalog_deleted,
    _code_changed,
    _config_changed,
    _edit_release,
    _new_release,
    _orphan,
    _same_size_same_time,
    _translator_saved,
    both,
    imported,
    newsroom,  # noqa: F401 - the fixture
    pressflow,
)

from pressflow.answers import known_answer, remember_answer


def _kept_status(root: Path) -> subprocess.CompletedProcess[str]:
    """``status`` run so that its table is kept: every file aged first (not racy), then a
    moment later (after the file systems' clock tick) the command itself."""
    _age(root)
    time.sleep(0.1)
    first = pressflow(root, "status")
    assert first.returncode == 0 and imported(first, "typer")
    return first


def test_status_is_kept_and_printed_again_without_the_cli(newsroom: Path) -> None:  # noqa: F811
    first = _kept_status(newsroom)
    quick, full = both(newsroom, "status")
    assert not imported(quick, "typer") and not imported(quick, "pressflow.config")
    assert (quick.returncode, quick.stdout) == (full.returncode, full.stdout) == (0, first.stdout)
    assert " ru " in quick.stdout and " en " in quick.stdout  # (a table of both catalogs)
    assert quick.stderr.startswith("import time:") and "status" not in quick.stderr


def _untranslated(root: Path) -> None:
    """A translation emptied: the table itself changes."""
    po_path = next((root / "translations" / "ru").glob("*.po"))
    text = po_path.read_text("utf-8")
    po_path.write_text(re.sub(r'\nmsgstr ".+"\n', '\nmsgstr ""\n', text, count=1), "utf-8")


def _glossary_changed(root: Path) -> None:
    glossary = root / "glossary.tsv"
    glossary.write_text(glossary.read_text("utf-8") + "форум\tфорум\tforum\t\n", "utf-8")


def _wider(root: Path) -> None:
    """Nothing in the project: the table is asked for in another width (below)."""


@pytest.mark.parametrize(
    "change",
    [
        _untranslated,
        _translator_saved,
        _catalog_deleted,
        _edit_release,
        _same_size_same_time,
        _new_release,
        _orphan,
        _config_changed,
        _glossary_changed,
        _code_changed,
        _answer_damaged,
        _wider,
    ],
)
def test_a_kept_status_is_not_printed_once_anything_it_rests_on_changed(
    newsroom: Path,  # noqa: F811
    change: Callable[[Path], None],
) -> None:
    first = _kept_status(newsroom)
    assert not imported(pressflow(newsroom, "status"), "typer")
    change(newsroom)
    extra = {"COLUMNS": "150"} if change is _wider else {}
    quick, full = (
        subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "pressflow", *args],
            cwd=newsroom,
            capture_output=True,
            text=True,
            timeout=120,
            env=cli_env(newsroom, **extra),
        )
        for args in (("status",), ("-C", ".", "status"))
    )
    assert imported(quick, "typer")  # worked out again
    assert (quick.returncode, quick.stdout) == (full.returncode, full.stdout)
    if change in (_untranslated, _catalog_deleted, _wider):
        assert quick.stdout != first.stdout


def test_an_answer_resting_on_a_file_changed_since_it_was_read_is_not_kept(
    tmp_path: Path,
) -> None:
    """A file saved while the answer was worked out (after ``since``) may have been read before
    or after the save: nothing is kept, even when the save set its old times back."""
    read = tmp_path / "read.txt"
    read.write_text("first", "utf-8")
    os.utime(read, (1_600_000_000, 1_600_000_000))
    time.sleep(0.1)
    since = time.time_ns()
    remember_answer(tmp_path, "one", {"n": 1}, [str(read)], since=since)
    assert known_answer(tmp_path, "one") == {"n": 1}

    since = time.time_ns()
    read.write_text("other", "utf-8")  # saved meanwhile, its old times put back (cp -p)
    os.utime(read, (1_600_000_000, 1_600_000_000))
    remember_answer(tmp_path, "two", {"n": 2}, [str(read)], since=since)
    assert known_answer(tmp_path, "two") is None
    record = tmp_path / ".pressflow" / "cache" / "answers" / "one.json"
    assert json.loads(record.read_text("utf-8"))["answer"] == {"n": 1}
    assert known_answer(tmp_path, "one") is None  # (its ctime moved: no longer the same file)
