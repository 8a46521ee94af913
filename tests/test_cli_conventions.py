"""The CLI as other tools and CI logs expect it: version, -h, completion, one problem per line
on a pipe, no escape sequences, GitHub's annotation limits and the step summary."""

from __future__ import annotations

import os
import pty
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.clienv import cli_env, run_pressflow

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "releases" / "2018-07-03-lsg-forum.txt"
ESCAPE = "\x1b"
LINE = re.compile(r"^(translations/[a-z]{2}/[\w-]+\.po):(\d+): (error|warning): .+ \[[\w-]+\]$")


def pressflow(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return run_pressflow(cwd, *args, timeout=300, **env)


@pytest.fixture(scope="module")
def busy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A newsroom of 20 releases with untranslated catalogs: 60 problems (40 catalogs below the
    gate, errors; 20 scraped-junk units, warnings: a source problem is said once per release)."""
    root = tmp_path_factory.mktemp("busy")
    shutil.copy(ROOT / "pressflow.toml", root / "pressflow.toml")
    (root / "releases").mkdir()
    for number in range(1, 21):
        shutil.copy(SAMPLE, root / "releases" / f"2018-07-03-forum-{number:02d}.txt")
    assert pressflow(root, "update").returncode == 0
    return root


@pytest.mark.parametrize("args", [("--version",), ("-V",), ("-C", ".", "--version")])
def test_version_exits_0(tmp_path: Path, args: tuple[str, ...]) -> None:
    from pressflow import __version__

    done = pressflow(tmp_path, *args)
    assert (done.returncode, done.stdout) == (0, f"pressflow {__version__}\n")


@pytest.mark.parametrize("args", [("-h",), ("check", "-h"), ("update", "-h"), ("new", "-h")])
def test_short_help_is_help(tmp_path: Path, args: tuple[str, ...]) -> None:
    short, long = pressflow(tmp_path, *args), pressflow(tmp_path, *args[:-1], "--help")
    assert short.returncode == 0, short.stderr
    assert short.stdout == long.stdout
    assert "Usage: pressflow" in short.stdout


def test_show_completion_prints_a_bash_script(tmp_path: Path) -> None:
    # typed in bash, as a user does: the shell is found among pressflow's parent processes
    # (run straight from a test runner whose parent has gone, no shell is, and Typer refuses)
    # ("; exit $?": a lone command would replace bash instead of running under it)
    command = f"{shlex.quote(sys.executable)} -m pressflow --show-completion; exit $?"
    done = subprocess.run(
        ["bash", "-c", command],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env=cli_env(tmp_path),
    )
    assert done.returncode == 0, done.stderr
    assert "complete -o default -F _pressflow_completion pressflow" in done.stdout
    assert "_PRESSFLOW_COMPLETE=complete_bash" in done.stdout
    # the script's callback answers: the shell asks for "ch<TAB>"
    answer = pressflow(
        tmp_path, _PRESSFLOW_COMPLETE="complete_bash", COMP_WORDS="pressflow ch", COMP_CWORD="1"
    )
    assert answer.stdout.split() == ["check"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pressflow --install-completion" in readme
    assert "pressflow --show-completion" in readme


def test_check_through_a_pipe_prints_one_line_per_problem(busy: Path) -> None:
    for env in ({}, {"NO_COLOR": ""}):  # plain because of the pipe, with or without NO_COLOR
        done = pressflow(busy, "check", **env)
        assert done.returncode == 1
        assert ESCAPE not in done.stdout + done.stderr
        *problems, verdict = done.stdout.splitlines()
        assert len(problems) == 60
        for line in problems:
            assert LINE.match(line), line
            assert (busy / LINE.match(line).group(1)).is_file()  # relative to the project
        assert verdict.startswith("check FAILED: 40 catalog(s), 40 error(s)")


def test_no_color_on_a_terminal_carries_no_escape_sequence(busy: Path) -> None:
    """stdout is a terminal (the rich table), NO_COLOR=1: not even bold."""
    leader, follower = pty.openpty()
    with os.fdopen(leader, "rb", buffering=0) as screen:
        proc = subprocess.Popen(
            [sys.executable, "-m", "pressflow", "check", "-r", "2018-07-03-forum-01"],
            cwd=busy,
            stdout=follower,
            stderr=subprocess.DEVNULL,
            env=cli_env(busy, COLUMNS="200", TERM="xterm-256color"),
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = screen.read(65536)
            except OSError:  # the terminal closes with the process
                break
            if not chunk:
                break
            chunks.append(chunk)
        proc.wait(timeout=120)
    shown = b"".join(chunks).decode("utf-8")
    assert "Problems" in shown and "min-translated" in shown  # the table, not the lines
    assert ESCAPE not in shown


def test_github_format_caps_annotations_and_counts_the_rest(busy: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    done = pressflow(busy, "check", "--format", "github", GITHUB_STEP_SUMMARY=str(summary))
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    kinds = [line.split(" ", 1)[0] for line in lines if line.startswith("::")]
    assert kinds.count("::error") == 10 and kinds.count("::warning") == 10
    assert kinds.index("::warning") > max(i for i, k in enumerate(kinds) if k == "::error")
    notices = [line for line in lines if line.startswith("::notice")]
    assert len(notices) == 1 and "40 more problem(s)" in notices[0]
    assert "30 error(s), 10 warning(s)" in notices[0]
    rest = [line for line in lines if LINE.match(line)]
    assert len(rest) == 40  # nothing vanishes: the rest are in the log
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("earlier step\n### pressflow check failed")
    rows = [row for row in written.splitlines() if row.startswith("| 2018-07-03-forum-")]
    assert len(rows) == 40
    assert "| 2018-07-03-forum-01 | ru | 0% | 1 | 1 |" in rows
    assert "| release | language | translated | errors | warnings |" in written


PROGRESS = re.compile(r"^(update|check|status|build): (\d+)/(\d+) (releases|catalogs)$")


@pytest.mark.parametrize("command", ["update", "check", "status", "build"])
def test_progress_in_a_log_is_plain_lines(busy: Path, command: str) -> None:
    if command == "update":  # forget the stamps: every release is looked at again
        (busy / ".pressflow" / "stamps.json").unlink(missing_ok=True)
    done = pressflow(busy, command, PRESSFLOW_PROGRESS_SECONDS="0")
    assert done.returncode in (0, 1), done.stderr
    lines = [m for m in map(PROGRESS.match, done.stderr.splitlines()) if m]
    assert lines and {m.group(1) for m in lines} == {command}
    assert int(lines[-1].group(2)) == int(lines[-1].group(3)) in (20, 40)  # to the end
    assert ESCAPE not in done.stderr and "\r" not in done.stderr


def test_progress_on_a_terminal_is_a_bar(busy: Path) -> None:
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "pressflow", "check"],
        cwd=busy,
        stdout=subprocess.DEVNULL,
        stderr=follower,
        env=cli_env(busy, TERM="xterm", COLUMNS="100", NO_COLOR=""),
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    proc.wait(timeout=120)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert "check" in shown and "━" in shown and "catalogs" in shown
