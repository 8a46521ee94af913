"""``pressflow new``: a release the officer starts from a Kyrgyz title, that every later command
takes as it is."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from tests.clienv import run_pressflow

from pressflow import translit
from pressflow.qa import translit as names_translit

ROOT = Path(__file__).resolve().parents[1]
TITLE = "Жергиликтүү өз алдынча башкаруу форуму"
SLUG_RULE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def pressflow(root: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return run_pressflow(root, *args, timeout=120, **env)


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    root = tmp_path / "newsroom"
    (root / "releases").mkdir(parents=True)
    shutil.copy(ROOT / "pressflow.toml", root / "pressflow.toml")
    return root


def bishkek_now() -> datetime:
    return datetime.now(ZoneInfo("Asia/Bishkek")).replace(tzinfo=None)


def test_new_release_has_latin_slug_and_now_and_goes_through_update_and_build(
    newsroom: Path,
) -> None:
    before = bishkek_now()
    made = pressflow(newsroom, "new", TITLE)
    after = bishkek_now()
    assert made.returncode == 0, made.stderr
    (path,) = (newsroom / "releases").iterdir()
    date = before.strftime("%Y-%m-%d")
    assert path.name in {
        f"{day}-zhergiliktuu-oz-aldyncha-bashkaruu-forumu.md"
        for day in (date, after.strftime("%Y-%m-%d"))
    }
    assert f"created releases/{path.name}" in made.stderr
    assert f"pressflow segment releases/{path.name}" in made.stderr  # the next commands
    assert "pressflow update" in made.stderr
    text = path.read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---\n")[1])
    assert meta["title"] == TITLE and meta["slug"] == path.stem
    when = datetime.strptime(str(meta["date"]), "%Y-%m-%d %H:%M")
    assert before - timedelta(minutes=1) <= when <= after
    updated = pressflow(newsroom, "update")
    assert updated.returncode == 0, updated.stderr
    assert "warning" not in updated.stderr and "2 catalogs, 3 file(s) written" in updated.stderr
    built = pressflow(newsroom, "build")
    assert built.returncode == 0, built.stderr
    # the shipped config has no base_url: build says once what that disables, nothing else
    warned = [line for line in built.stderr.splitlines() if "warning" in line]
    assert len(warned) == 1 and "base_url is not set" in warned[0], built.stderr
    page = (newsroom / "site" / "ky" / f"{path.stem}.html").read_text(encoding="utf-8")
    assert TITLE in page and "<!--" not in page  # the guidance comments are not published


def test_txt_format_and_the_same_romanisation_as_the_names_check(newsroom: Path) -> None:
    made = pressflow(newsroom, "new", "--format", "txt", "Жогорку Кеңеш: «Өмүрбек» 2026")
    assert made.returncode == 0, made.stderr
    (path,) = (newsroom / "releases").iterdir()
    assert path.name.endswith("-zhogorku-kengesh-omurbek-2026.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "Жогорку Кеңеш: «Өмүрбек» 2026"
    assert re.fullmatch(r"\d\d\.\d\d\.\d{4} \d\d:\d\d", lines[2])  # the date line
    assert pressflow(newsroom, "update").returncode == 0
    assert translit.TABLE is names_translit.TABLE  # one table, below both users


@pytest.mark.parametrize(
    "title",
    [TITLE, "Ёлка, щётка & ъ — 100%!", "Бишкек " * 30, "Кыргызстан-Россия: жаңы келишим"],
)
def test_slugs_follow_the_slug_rule(title: str) -> None:
    slug = translit.slugify(title)
    assert SLUG_RULE.match(slug), slug
    assert len(slug) <= translit.SLUG_WORDS_MAX


def test_new_refuses_to_overwrite_and_opens_the_editor(newsroom: Path, tmp_path: Path) -> None:
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import sys\nopen(sys.argv[1], 'a', encoding='utf-8').write('Редактор ачты.\\n')\n",
        encoding="utf-8",
    )
    made = pressflow(newsroom, "new", "--edit", TITLE, EDITOR=f"{sys.executable} {editor}")
    assert made.returncode == 0, made.stderr
    (path,) = (newsroom / "releases").iterdir()
    written = path.read_bytes()
    assert written.decode("utf-8").endswith("Редактор ачты.\n")
    again = pressflow(newsroom, "new", "--format", "txt", TITLE)
    assert again.returncode == 2
    assert again.stderr.startswith(f"pressflow: error: releases/{path.name}: a release with")
    assert list((newsroom / "releases").iterdir()) == [path] and path.read_bytes() == written
    nothing = pressflow(newsroom, "new", "!!!")
    assert nothing.returncode == 2 and "--slug" in nothing.stderr
