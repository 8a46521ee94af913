"""The console entry point's short answer to ``update`` / ``update --check`` with nothing to do,
and its ``extract`` without the CLI framework.

Every case runs the real command twice: as ``pressflow update`` (which may take the short path)
and as ``pressflow -C . update`` (always the Typer CLI); both must print the same and exit alike.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.clienv import cli_env
from tests.shipped import copy_newsroom

import pressflow as pressflow_package

ROOT = Path(__file__).resolve().parents[1]
SLUG = "2018-07-03-lsg-forum"


def pressflow(cwd: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it, with the modules it imported listed on stderr."""
    return subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "pressflow", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env=cli_env(cwd, **extra),
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


def _age(*paths: Path) -> None:
    """Files and folders last modified long ago (a checkout an hour old): not racy, so an
    answer resting on them may be kept."""
    for path in paths:
        for each in [path, *path.rglob("*")] if path.is_dir() else [path]:
            os.utime(each, (1_600_000_000, 1_600_000_000))


def _keep_answer(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``args`` so that its answer is kept: everything aged, the new times stamped by an
    ``update``, the stamps aged in turn (they were just written), then the command itself."""
    _age(root)
    assert pressflow(root, "update").returncode == 0
    _age(root / ".pressflow" / "stamps.json")
    first = pressflow(root, *args)
    assert imported(first, "pressflow.config")  # worked out from the stamps
    return first


@pytest.mark.parametrize("args", [("update",), ("update", "--check")])
def test_an_answer_is_kept_and_given_again_without_loading_the_project(
    newsroom: Path, args: tuple[str, ...]
) -> None:
    first = _keep_answer(newsroom, *args)
    again = pressflow(newsroom, *args)
    assert not imported(again, "pressflow.config") and not imported(again, "pressflow.pipeline")
    assert not imported(again, "pressflow.files") and not imported(again, "hashlib")
    assert (again.returncode, said(again)) == (first.returncode, said(first)) == (0, said(first))
    assert said(again).startswith("update")


def _edit_release(root: Path) -> None:
    source = root / "releases" / f"{SLUG}.txt"
    source.write_text(source.read_text("utf-8").replace("100 ЖӨБ", "120 ЖӨБ"), "utf-8")


def _same_size_same_time(root: Path) -> None:
    """Bytes changed, size and modification time kept (``cp -p``): a new inode still tells."""
    source = root / "releases" / f"{SLUG}.txt"
    st = source.stat()
    text = source.read_text("utf-8").replace("100 ЖӨБ", "200 ЖӨБ")
    source.unlink()
    source.write_text(text, "utf-8")
    os.utime(source, ns=(st.st_atime_ns, st.st_mtime_ns))


def _new_release(root: Path) -> None:
    shutil.copy(root / "releases" / f"{SLUG}.txt", root / "releases" / "2019-01-01-new.txt")


def _catalog_deleted(root: Path) -> None:
    (root / "translations" / "en" / f"{SLUG}.po").unlink()


def _orphan(root: Path) -> None:
    templates = root / "translations" / "templates"
    shutil.copy(templates / f"{SLUG}.pot", templates / "2017-01-01-gone.pot")


def _config_changed(root: Path) -> None:
    config = root / "pressflow.toml"
    config.write_text(config.read_text("utf-8").replace('"ru"', '"ru", "de"', 1), "utf-8")


def _translator_saved(root: Path) -> None:
    po_path = root / "translations" / "ru" / f"{SLUG}.po"
    po_path.write_text(po_path.read_text("utf-8").replace("# ", "# Проверено.\n# ", 1), "utf-8")


def _code_changed(root: Path) -> None:
    """pressflow's own code edited: each kept answer names it with the project's files."""
    for kept in (root / ".pressflow" / "cache" / "answers").glob("*.json"):
        record = json.loads(kept.read_text("utf-8"))
        package = os.path.dirname(os.path.realpath(pressflow_package.__file__))
        names, stats = record["files"][package]
        packed = bytearray(bytes.fromhex(stats))  # 32 bytes a file: size, times, inode
        at = names.split("\n").index("cache.py") * 32
        packed[at : at + 8] = (len(packed) + 1).to_bytes(8, "little")  # as if rewritten
        record["files"][package] = [names, packed.hex()]
        kept.write_text(json.dumps(record), "utf-8")


def _answer_damaged(root: Path) -> None:
    for kept in (root / ".pressflow" / "cache" / "answers").glob("*.json"):
        kept.write_bytes(b'{"format": 1, "code": [], "files": 3')


@pytest.mark.parametrize(
    "change",
    [
        _edit_release,
        _same_size_same_time,
        _new_release,
        _catalog_deleted,
        _orphan,
        _config_changed,
        _translator_saved,
        _code_changed,
        _answer_damaged,
    ],
)
def test_a_kept_answer_is_not_given_once_anything_it_rests_on_changed(
    newsroom: Path, change: Callable[[Path], None]
) -> None:
    assert _keep_answer(newsroom, "update", "--check").returncode == 0
    assert not imported(pressflow(newsroom, "update", "--check"), "pressflow.config")
    change(newsroom)
    quick, full = both(newsroom, "update", "--check")
    assert imported(quick, "pressflow.config")  # worked out again
    assert (quick.returncode, said(quick)) == (full.returncode, said(full))
    if change not in (_answer_damaged, _code_changed):  # (the project itself is unchanged)
        assert said(quick) != "update --check: all 2 catalogs and 1 template up to date\n"


def test_prefill_without_an_engine_loads_no_mt_client(newsroom: Path) -> None:
    """Engine ``none`` (the memory alone, the offline default): an entry to fill loads neither
    deep-translator nor requests, and says so in its summary."""
    _edit_release(newsroom)
    assert pressflow(newsroom, "update").returncode == 0
    filled = pressflow(newsroom, "prefill", "--engine", "none")
    assert filled.returncode == 0 and "MT (none)" in said(filled)
    assert not imported(filled, "deep_translator") and not imported(filled, "requests")
    assert imported(filled, "pressflow.mt.prefill")


def _templates(root: Path) -> dict[str, bytes]:
    return _files(root / "translations" / "templates")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _twin_rooms(tmp_path: Path, releases: dict[str, str]) -> list[Path]:
    """Two copies of the newsroom holding only ``releases`` (name -> text), nothing made yet:
    one for the command as typed, one for the same through the Typer CLI."""
    rooms = [copy_newsroom(tmp_path / name) for name in ("quick", "full")]
    for root in rooms:
        shutil.rmtree(root / "translations")
        for old in (root / "releases").iterdir():
            old.unlink()
        for name, text in releases.items():
            (root / "releases" / name).write_text(text, "utf-8")
    return rooms


def _in_twins(rooms: list[Path], *args: str) -> tuple[subprocess.CompletedProcess[str], ...]:
    """The command as typed in the first room, and through the Typer CLI in the second, on one
    clock: a template of a release without a date is stamped with the minute it is made, and
    the two runs may fall on either side of a minute's turn (a loaded machine: seen in CI)."""
    clock = {"SOURCE_DATE_EPOCH": "1600000000"}
    return pressflow(rooms[0], *args, **clock), pressflow(rooms[1], "-C", ".", *args, **clock)


CLEAN = "Бишкекте жыйын өттү\n\nКатышуучулар көп болду. Кийинки жыйын Ош шаарында өтөт.\n"
JUNK = "<p>Бишкек шаарында жыйын өттү.</p><script src='x.js'></script>"


def test_extract_runs_without_the_cli_and_says_and_writes_the_same(tmp_path: Path) -> None:
    """From scratch with a finding to report (printed by the CLI's console), again with nothing
    changed and nothing to report (no CLI framework loaded at all), and in error."""
    rooms = _twin_rooms(tmp_path, {"2019-01-01-clean.txt": CLEAN, "2019-01-02-junk.html": JUNK})

    def run(*args: str) -> tuple[subprocess.CompletedProcess[str], ...]:
        return _in_twins(rooms, *args)

    quick, full = run("extract")
    assert (quick.returncode, said(quick), quick.stdout) == (0, said(full), full.stdout)
    assert "<script src='x.js'> is removed from the published pages [removed-embed]" in said(quick)
    assert said(quick).endswith("\nextract: 2 templates, 4 units, 2 written\n")
    assert imported(full, "typer") and imported(quick, "typer")  # (its console, to report)
    assert _templates(rooms[0]).keys() == _templates(rooms[1]).keys()

    for root in rooms:
        (root / "releases" / "2019-01-02-junk.html").unlink()
        (root / "translations" / "templates" / "2019-01-02-junk.pot").unlink()
    quick, full = run("extract")
    assert said(quick) == said(full) == "extract: 1 templates, 3 units, 0 written\n"
    assert quick.returncode == full.returncode == 0
    assert not imported(quick, "typer") and not imported(quick, "rich")

    nowhere = tmp_path / "empty"
    nowhere.mkdir()
    quick, full = pressflow(nowhere, "extract"), pressflow(nowhere, "-C", ".", "extract")
    assert quick.returncode == full.returncode == 2
    assert said(quick) == said(full) and said(quick).startswith("pressflow: error: ")


def test_update_with_work_to_do_runs_without_the_cli_and_says_and_writes_the_same(
    tmp_path: Path,
) -> None:
    """``update`` and ``update --check`` with releases to work on: the same output, exit code
    and files as through the Typer CLI; the framework loaded only to report a finding."""
    rooms = _twin_rooms(tmp_path, {"2019-01-01-clean.txt": CLEAN})

    def run(*args: str) -> tuple[subprocess.CompletedProcess[str], ...]:
        return _in_twins(rooms, *args)

    quick, full = run("update", "--check")  # stale: every catalog listed, exit 1
    assert (quick.returncode, said(quick), quick.stdout) == (1, said(full), full.stdout)
    assert "ru/2019-01-01-clean.po: out of date with its release" in said(quick)
    assert not imported(quick, "typer")

    quick, full = run("update")
    assert (quick.returncode, said(quick), quick.stdout) == (0, said(full), full.stdout)
    assert said(quick).endswith("written\n") and not imported(quick, "typer")
    assert _templates(rooms[0]) == _templates(rooms[1])
    for lang in ("ru", "en"):
        assert _files(rooms[0] / "translations" / lang) == _files(rooms[1] / "translations" / lang)

    for root in rooms:  # a finding to report: printed by the CLI's console
        (root / "releases" / "2019-01-02-junk.html").write_text(JUNK, "utf-8")
    quick, full = run("update")
    assert (quick.returncode, said(quick), quick.stdout) == (0, said(full), full.stdout)
    assert "[removed-embed]" in said(quick) and imported(quick, "typer")

    for root in rooms:  # an error: the CLI's one line and exit code
        (root / "releases" / "2019-01-03-bad.txt").write_bytes(b"\xff\xfe\x00bad")
    quick, full = run("update")
    assert quick.returncode == full.returncode != 0
    assert said(quick) == said(full) and said(quick).startswith("pressflow: error: ")


@pytest.mark.parametrize("command", ["extract", "update"])
def test_a_run_with_stdout_closed_ends_as_with_it_open(tmp_path: Path, command: str) -> None:
    """A hook may start pressflow with no stdout at all (``>&-``: Python's ``sys.stdout`` is
    None): the work is done, its line said on stderr and the exit code 0, no traceback."""
    root = _twin_rooms(tmp_path, {"2019-01-01-clean.txt": CLEAN})[0]
    result = subprocess.run(
        [sys.executable, "-m", "pressflow", command],
        cwd=root,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        env=cli_env(root),
        preexec_fn=lambda: os.close(1),  # (a closed stdout is the point)
    )
    assert (result.returncode, result.stderr.count("\n")) == (0, 1), result.stderr
    assert result.stderr.startswith(f"{command}: ")
    assert (root / "translations" / "templates" / "2019-01-01-clean.pot").exists()
