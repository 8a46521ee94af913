"""Catalogs re-saved by other tools stay up to date, and a translator's Weblate-style
``#, ignore-<check>`` flag survives every pressflow command."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from tests.clienv import run_pressflow

from fakes.mt_newsroom import make_newsroom
from fakes.mt_provider import FakeProvider
from pressflow.po.catalog import COMMENT_WIDTH, format_po, new_entry, read_po

ROOT = Path(__file__).resolve().parents[1]
SLUG = "2018-07-03-lsg-forum"


def pressflow(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_pressflow(root, *args, timeout=120)


def catalogs(root: Path) -> list[Path]:
    return sorted((root / "translations").rglob("*.po*"))


def save_with_polib(path: Path) -> None:
    polib.pofile(str(path)).save(str(path))


def save_with_translate_toolkit(path: Path) -> None:
    from translate.storage import po  # what Weblate reads and writes PO files with

    po.pofile.parsefile(str(path)).savefile(str(path))


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    root = tmp_path / "newsroom"
    root.mkdir()
    for name in ("releases", "translations"):
        shutil.copytree(ROOT / name, root / name)
    for name in ("pressflow.toml", "glossary.tsv"):
        shutil.copy(ROOT / name, root / name)
    return root


def test_generated_comments_fit_where_polib_leaves_them() -> None:
    for path in catalogs(ROOT):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#."):
                assert len(line) <= COMMENT_WIDTH, (path, line)


@pytest.mark.parametrize("save", [save_with_polib, save_with_translate_toolkit])
def test_a_file_saved_by_another_tool_is_up_to_date(newsroom: Path, save) -> None:
    assert pressflow(newsroom, "update").returncode == 0
    for path in catalogs(newsroom):
        save(path)
    saved = {path: path.read_bytes() for path in catalogs(newsroom)}
    if save is save_with_polib:  # polib wraps msgstr its own way: the bytes did change
        assert any(saved[p] != (ROOT / p.relative_to(newsroom)).read_bytes() for p in saved)
    checked = pressflow(newsroom, "update", "--check")
    assert checked.returncode == 0, checked.stderr
    assert "update --check: all 2 catalogs and 1 template up to date" in checked.stderr
    updated = pressflow(newsroom, "update")
    assert updated.returncode == 0, updated.stderr
    assert updated.stderr.endswith("update: 2 catalogs, 0 file(s) written\n")
    assert {path: path.read_bytes() for path in catalogs(newsroom)} == saved


def test_polib_rewrapped_long_comment_is_the_same_comment(newsroom: Path) -> None:
    """A comment longer than polib's width (a translator's, or one from an older pressflow)
    re-wrapped by polib: same words, other lines; update --check still agrees."""
    po_path = newsroom / "translations" / "ru" / f"{SLUG}.po"
    po = polib.pofile(str(po_path))
    entry = next(e for e in po if e.msgid and e.msgstr)
    entry.tcomment = "checked against the ministry's own Russian text, " * 4  # 200 characters
    po.save(str(po_path))
    assert pressflow(newsroom, "update").returncode == 0  # pressflow writes it msgcat's way
    save_with_polib(po_path)
    assert len(read_po(po_path).find(entry.msgid).tcomment.splitlines()) > 1
    assert pressflow(newsroom, "update", "--check").returncode == 0


def test_ignore_flag_survives_update_prefill_and_build(tmp_path: Path) -> None:
    root = make_newsroom(tmp_path / "room")
    shutil.copytree(ROOT / "releases", root / "releases")
    assert pressflow(root, "update").returncode == 0
    po_path = root / "translations" / "ru" / f"{SLUG}.po"
    po = polib.pofile(str(po_path))
    live = [e for e in po if e.msgid and not e.obsolete]
    live[1].msgstr = "Перевод переводчика со своим числом 1000."
    for entry in live[1:3]:  # one translated, one left for prefill to fill
        entry.flags.append("ignore-numbers")
    po.save(str(po_path))
    kept = {live[1].msgid, live[2].msgid}

    def flagged() -> set[str]:
        return {e.msgid for e in read_po(po_path) if "ignore-numbers" in e.flags}

    release = root / "releases" / f"{SLUG}.txt"  # an edit: update must rewrite the catalog
    release.write_text(release.read_text(encoding="utf-8") + "\nЖаңы абзац.\n", encoding="utf-8")
    before = po_path.read_bytes()
    assert pressflow(root, "update").returncode == 0
    assert po_path.read_bytes() != before and flagged() == kept
    with FakeProvider() as fake:
        filled = pressflow(root, "prefill", "--lang", "ru", "--engine-url", fake.url)
    assert filled.returncode == 0, filled.stderr
    assert read_po(po_path).find(live[2].msgid).msgstr  # prefill wrote this very entry
    assert flagged() == kept
    built = pressflow(root, "build", "--allow-partial")
    assert built.returncode == 0, built.stderr
    assert flagged() == kept


def test_ignore_flags_are_written_after_msgcats_own() -> None:
    po = polib.POFile()
    po.append(new_entry(msgid="a", msgstr="b", flags=["ignore-numbers", "fuzzy", "weird"]))
    assert '#, fuzzy, ignore-numbers\nmsgid "a"' in format_po(po)
