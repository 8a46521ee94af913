"""A careless or hostile pressflow.toml, through the real command: exit 2, one line
``pressflow: error: pressflow.toml:LINE: …`` naming the key's line, no traceback, and every file
of the project byte-identical afterwards. (The sweep over every key is in test_config.py.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.shipped import ROOT, copy_newsroom, pressflow

SLUG = "2018-07-03-lsg-forum"
SHIPPED = (ROOT / "pressflow.toml").read_text(encoding="utf-8")


def set_key(text: str, section: str | None, line: str) -> str:
    """``text`` with ``line`` (``key = value``) in ``section``, replacing the key if written."""
    name = line.split("=")[0].strip()
    if section is None:
        return line + "\n" + text
    if f"[{section}]\n" not in text:
        return text + f"\n[{section}]\n{line}\n"
    head, body = text.split(f"[{section}]\n", 1)
    rest = re.sub(rf"(?m)^#?\s*{re.escape(name)}\s*=.*\n", "", body.split("\n[", 1)[0], count=1)
    tail = body[len(body.split("\n[", 1)[0]) :]
    return f"{head}[{section}]\n{line}\n{rest}{tail}"


# (section, line written, command, message) from the list and a few more
CASES = [
    ("mt", "engine = 5", "update", "[mt] engine must be a string, not 5"),
    ("site", 'threshold = "all"', "build", "[site] threshold must be a number from 0 to 100"),
    ("check", 'min_translated = "all"', "check", "[check] min_translated must be a number"),
    (None, "foo = 1", "update", "unknown key 'foo' outside any section"),
    (None, "releases = 5", "update", "unknown key 'releases' outside any section; it belongs"),
    ("paths", "releases = 5", "update", "[paths] releases must be a non-empty string, not 5"),
    (
        "site",
        "title = 5",
        "build",
        "[site] title must be a string, or a table of strings by language, not 5",
    ),
    ("tm", 'threshold = "high"', "update", "[tm] threshold must be a number from 0 to 1"),
    ("site", 'publish_foreign = "no"', "build", 'must be true or false, not "no"'),
    (
        "site",
        "threshold = 150",
        "build",
        "[site] threshold must be a number from 0 to 100, not 150",
    ),
    ("sitee", 'title = "x"', "build", "unknown section [sitee]; did you mean 'site'?"),
    ("paths", 'glossary = "glosary.tsv"', "check", "[paths] glossary: no file 'glosary.tsv'"),
    ("check", 'disable = ["numbres"]', "check", "unknown check code 'numbres'; did you mean"),
    ("check", 'enable = ["nope"]', "update", "[check] enable: unknown check code 'nope'"),
    ("mt", "concurency = 8", "prefill", "unknown key 'concurency' in [mt]; did you mean"),
    ("mt", "timeout = -1", "prefill", "[mt] timeout must be a number > 0, not -1"),
    ("project", 'target_langs = ["ru", "xx"]', "status", "target_langs must be an array of lang"),
    ("project", 'target_langs = ["ky"]', "update", "source language 'ky' is also a target"),
    ("check", "min_translated = { de = 90 }", "check", "names 'de', which is not a target"),
    ("check", "strict = 1", "segment", "[check] strict must be true or false, not 1"),
    ("structure", 'headline = "first"', "update", '[structure] headline must be one of ""'),
    ("structure.labels", 'phnoe = ["Тел."]', "update", "[structure.labels] unknown group 'phnoe'"),
    (
        "structure.patterns",
        "furniture = ['(']",
        "build",
        "patterns.furniture must be an array of regular",
    ),
]


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_newsroom(tmp_path_factory.mktemp("hostile") / "newsroom")
    assert pressflow(root, "update").returncode == 0
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != "pressflow.toml"
    }


ARGS = {
    "segment": ("segment", f"releases/{SLUG}.txt"),
    "prefill": ("prefill", "--dry-run"),
    "status": ("status",),
}


@pytest.mark.parametrize(("section", "line", "command", "said"), CASES, ids=[c[1] for c in CASES])
def test_a_bad_value_stops_the_command_with_one_line_on_its_line(
    newsroom: Path, section: str | None, line: str, command: str, said: str
) -> None:
    text = set_key(SHIPPED, section, line)
    (newsroom / "pressflow.toml").write_text(text, encoding="utf-8")
    about_section = said.startswith("unknown section")  # on the header's line, else the key's
    expected = text.splitlines().index(f"[{section}]" if about_section else line) + 1
    before = snapshot(newsroom)
    try:
        result = pressflow(newsroom, *ARGS.get(command, (command,)))
    finally:
        (newsroom / "pressflow.toml").write_text(SHIPPED, encoding="utf-8")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"pressflow: error: pressflow.toml:{expected}: "), (
        result.stderr,
        expected,
    )
    assert said in result.stderr
    assert snapshot(newsroom) == before


def test_a_quick_update_refuses_what_the_full_one_refuses(newsroom: Path) -> None:
    """``update`` with nothing to do answers before loading the CLI; it checks the file the same."""
    text = set_key(SHIPPED, "check", 'disable = ["numbres"]')
    (newsroom / "pressflow.toml").write_text(text, encoding="utf-8")
    try:
        quick, full = pressflow(newsroom, "update"), pressflow(newsroom, "-C", ".", "update")
    finally:
        (newsroom / "pressflow.toml").write_text(SHIPPED, encoding="utf-8")
    assert quick.returncode == full.returncode == 2 and quick.stderr == full.stderr
