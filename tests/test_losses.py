"""The losses of issue 11 item 7: each test failed on the code before the fix."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import polib
import pytest
from tests.test_cli_e2e import pressflow
from tests.test_safety import _newsroom_of, newsroom, translate

from pressflow.config import Config
from pressflow.po import catalog, update

needs_gettext = pytest.mark.skipif(
    shutil.which("msgmerge") is None and not os.environ.get("CI"), reason="gettext not installed"
)

HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ru\\n"\n'
    '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && '
    'n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n'
)
POT = HEADER + '#: releases/a.txt:1\nmsgid "Бир алма"\nmsgstr ""\n'
PLURAL_PO = (
    HEADER + '#: releases/a.txt:1\nmsgid "Бир алма"\nmsgid_plural "Алмалар"\n'
    'msgstr[0] "Яблоко"\nmsgstr[1] "Яблока"\nmsgstr[2] "Яблок"\n'
)


@needs_gettext
def test_an_entry_edited_into_a_plural_keeps_its_translation_fuzzy_as_msgmerge(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.po").write_text(PLURAL_PO, encoding="utf-8")
    (tmp_path / "a.pot").write_text(POT, encoding="utf-8")
    done = subprocess.run(
        ["msgmerge", "--previous", "-q", "-o", "-", "a.po", "a.pot"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    expected = [e for e in polib.pofile(done.stdout) if e.msgid]
    merged = update.merge(
        catalog.parse_po(PLURAL_PO.encode()),
        catalog.parse_po(POT.encode()),
        lang="ru",
        config=Config(root=tmp_path),
    )
    got = [e for e in merged if e.msgid]
    assert [
        (e.msgid, e.msgstr, e.flags, e.previous_msgid, e.previous_msgid_plural) for e in got
    ] == [(e.msgid, e.msgstr, e.flags, e.previous_msgid, e.previous_msgid_plural) for e in expected]
    assert got[0].msgstr == "Яблоко" and "fuzzy" in got[0].flags


def test_undoing_an_edit_restores_the_reviewed_translation_and_the_page(tmp_path: Path) -> None:
    root = newsroom(tmp_path / "n")
    release = root / "releases" / "a.txt"
    original = "Форум\n\nБишкекте бүгүн форум ачылды. Ага эки жүз адам келди.\n"
    release.write_text(original, encoding="utf-8")
    assert pressflow(root, "update").returncode == 0
    for lang in ("ru", "en"):
        translate(root / "translations" / lang / "a.po", lang)
    assert pressflow(root, "build").returncode == 0
    page = (root / "site" / "ru" / "a.html").read_bytes()
    release.write_text(original.replace("бүгүн", "кечээ"), encoding="utf-8")
    assert pressflow(root, "update").returncode == 0
    fuzzy = [e for e in polib.pofile(str(root / "translations/ru/a.po")) if "fuzzy" in e.flags]
    assert len(fuzzy) == 1  # the edit made it fuzzy, as msgmerge does
    release.write_text(original, encoding="utf-8")
    for _ in range(2):
        assert pressflow(root, "update").returncode == 0
    po = polib.pofile(str(root / "translations/ru/a.po"))
    assert [e.msgid for e in po if "fuzzy" in e.flags or not e.msgstr] == []
    assert po.find("Бишкекте бүгүн форум ачылды.").msgstr == "[ru] Бишкекте бүгүн форум ачылды."
    built = pressflow(root, "build")
    assert built.returncode == 0 and "stale" not in built.stderr, built.stderr
    assert (root / "site" / "ru" / "a.html").read_bytes() == page


def _deep(depth: int) -> str:
    return (
        "<html><body><h1>Жаңылык</h1>\n"
        + "<div>" * depth
        + "\n<p>Терең абзац.</p>"
        + "</div>" * depth
        + "\n<p>Акыркы абзац.</p></body></html>\n"
    )


def test_html_nested_300_deep_is_processed(tmp_path: Path) -> None:
    (tmp_path / "deep.html").write_text(_deep(300), encoding="utf-8")
    done = pressflow(tmp_path, "segment", "deep.html")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["Жаңылык", "Терең абзац.", "Акыркы абзац."]


@pytest.mark.parametrize("depth", [501, 3000])
def test_html_nested_too_deep_is_refused_with_its_line(tmp_path: Path, depth: int) -> None:
    root = newsroom(tmp_path / "n")
    (root / "releases" / "deep.html").write_text(_deep(depth), encoding="utf-8")
    done = pressflow(root, "update")
    assert done.returncode == 2
    assert done.stderr.startswith("pressflow: error: releases/deep.html:2: elements nested deeper")
    assert not (root / "translations").exists()


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_kill_9_of_a_parallel_update_leaves_no_worker_and_no_temporary_file(
    tmp_path: Path,
) -> None:
    root = tmp_path / "n"
    _newsroom_of(root, 400)
    run = subprocess.Popen(
        [sys.executable, "-m", "pressflow", "update"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2:
        workers = _children(run.pid)
        time.sleep(0.02)
    assert len(workers) >= 2, "the update never started its workers"
    run.send_signal(signal.SIGKILL)
    run.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.05)
    assert not [w for w in workers if _alive(w)]
    stale = root / "translations" / "ru" / ".2018-000-news.po.99999.tmp"
    stale.parent.mkdir(parents=True, exist_ok=True)
    stale.write_text("half a catalog", encoding="utf-8")
    done = pressflow(root, "update")
    assert done.returncode == 0, done.stderr
    assert not list((root / "translations").rglob("*.tmp"))


SHOWN = "Жаңылык \x9b2J \u202eКызыл\u202c текст.\n\nЭкинчи \x85абзац.\n"


@pytest.mark.parametrize("fmt", ["text", "jsonl"])
def test_segment_escapes_control_characters(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "esc.txt").write_text(SHOWN, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pressflow", "segment", "esc.txt", "--format", fmt],
        cwd=tmp_path,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    for raw in ("\x9b", "\u202e", "\x85"):
        assert raw.encode() not in done.stdout + done.stderr
    assert b"\\u009b2J" in done.stdout


@pytest.mark.parametrize("command", [("segment", "releases/esc.txt"), ("update",)])
def test_a_release_with_terminal_escapes_is_refused_and_never_printed_raw(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    root = newsroom(tmp_path / "n")
    text = "Жаңылык\n\nАбзац \x1b]0;PWNED\x07 \x1b[31mКызыл\x1b[0m текст.\n"
    (root / "releases" / "esc.txt").write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pressflow", *command], cwd=root, capture_output=True, timeout=60
    )
    assert done.returncode == 2
    assert done.stderr.startswith(b"pressflow: error: releases/esc.txt:3: control character")
    assert b"\x1b" not in done.stdout + done.stderr


def test_error_messages_quoting_release_text_escape_control_characters(tmp_path: Path) -> None:
    root = newsroom(tmp_path / "n")
    (root / "releases" / "a.md").write_text(
        '---\ntitle: Аты\nslug: "bad\\e[2Jslug"\n---\nТекст.\n', encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-m", "pressflow", "update"], cwd=root, capture_output=True, timeout=60
    )
    assert done.returncode == 2
    assert b"\x1b" not in done.stderr and b"releases/a.md:3: " in done.stderr
