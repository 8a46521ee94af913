"""Slugs, the project lock, translators saving during a run, and files outside the project."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.fakes.mt_newsroom import Entry, make_newsroom, write_catalog
from tests.fakes.mt_provider import FakeProvider
from tests.test_cli_e2e import pressflow

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "releases" / "2018-07-03-lsg-forum.txt"


def tree(root: Path) -> dict[str, str]:
    """Every file under ``root`` (the lock file aside) by its hash."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.startswith("lock")
    }


def newsroom(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pressflow.toml").write_text(
        '[project]\nname = "safety"\nsource_lang = "ky"\ntarget_langs = ["ru", "en"]\n'
        '[mt]\nengine = "none"\n'
        # the stand-in translations below keep the Kyrgyz text, which check calls an error
        '[site]\nblock_on = "none"\n',
        encoding="utf-8",
    )
    (root / "releases").mkdir()
    return root


MD = """---
title: Биринчи жаңылык
slug: {slug}
date: 2018-07-03
---
Бишкекте форум өттү. Ага 250 адам катышты.
"""


def translate(po: Path, lang: str) -> None:
    """Play the translator: every empty msgstr gets a reviewed translation."""
    import polib

    catalog = polib.pofile(str(po))
    for entry in catalog:
        entry.msgstr = f"[{lang}] {entry.msgid}"
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalog.save()


# --------------------------------------------------------------------------- slugs


def test_custom_slug_names_catalogs_pages_and_links(tmp_path: Path) -> None:
    root = newsroom(tmp_path / "n")
    (root / "releases" / "first.md").write_text(MD.format(slug="custom-news"), encoding="utf-8")
    done = pressflow(root, "update")
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (root / "translations").rglob("*.po*")) == [
        "custom-news.po",
        "custom-news.po",
        "custom-news.pot",
    ]
    for lang in ("ru", "en"):
        translate(root / "translations" / lang / "custom-news.po", lang)
    built = pressflow(root, "build")
    assert built.returncode == 0, built.stderr
    for lang in ("ky", "ru", "en"):
        assert (root / "site" / lang / "custom-news.html").is_file()
        index = (root / "site" / lang / "index.html").read_text(encoding="utf-8")
        assert 'href="custom-news.html"' in index
    assert not list((root / "site").rglob("first*"))
    again = pressflow(root, "update")
    assert "0 file(s) written" in again.stderr


def test_slug_collision_exits_2_naming_both_files_and_writes_nothing(tmp_path: Path) -> None:
    root = newsroom(tmp_path / "n")
    (root / "releases" / "first.md").write_text(MD.format(slug="custom-news"), encoding="utf-8")
    assert pressflow(root, "update").returncode == 0
    translate(root / "translations" / "ru" / "custom-news.po", "ru")
    before = tree(root)
    (root / "releases" / "custom-news.txt").write_text("Башка\n\nТекст.\n", encoding="utf-8")
    for command in (("update",), ("build",), ("extract",)):
        done = pressflow(root, *command)
        assert done.returncode == 2, (command, done.stderr)
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in done.stderr
        assert "releases/custom-news.txt" in lines[0] and "releases/first.md" in lines[0]
        assert tree(root) == {
            **before,
            "releases/custom-news.txt": tree(root)["releases/custom-news.txt"],
        }
    (root / "releases" / "custom-news.txt").unlink()
    assert pressflow(root, "update").returncode == 0
    after = tree(root)
    assert after.pop(".pressflow/stamps.json") and before.pop(".pressflow/stamps.json")
    assert after == before  # the reviewed entries were never touched


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        ("index.txt", "Индекс\n\nТекст.\n", 1),
        ("sitemap.txt", "Карта\n\nТекст.\n", 1),
        ("Big_Name.txt", "Аты\n\nТекст.\n", 1),
        ("ok.md", MD.format(slug="rss"), 3),
        ("ok.md", MD.format(slug="Has Space"), 3),
        ("ok.md", MD.format(slug="../../etc/passwd"), 3),
        ("ok.md", MD.format(slug="x" * 101), 3),
    ],
)
def test_reserved_or_invalid_slug_exits_2_with_file_and_line(
    tmp_path: Path, name: str, text: str, line: int
) -> None:
    root = newsroom(tmp_path / "n")
    (root / "releases" / name).write_text(text, encoding="utf-8")
    before = tree(root)
    done = pressflow(root, "update")
    assert done.returncode == 2
    assert done.stderr.startswith(f"pressflow: error: releases/{name}:{line}: ")
    assert "slug" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert tree(root) == before


def test_stamps_notice_a_slug_change(tmp_path: Path) -> None:
    root = newsroom(tmp_path / "n")
    release = root / "releases" / "first.md"
    release.write_text(MD.format(slug="old-name"), encoding="utf-8")
    assert pressflow(root, "update").returncode == 0
    stat = release.stat()
    release.write_text(MD.format(slug="new-name"), encoding="utf-8")
    os.utime(release, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size, same time
    check = pressflow(root, "update", "--check")
    assert check.returncode == 1, check.stderr
    assert pressflow(root, "update").returncode == 0
    assert (root / "translations" / "ru" / "new-name.po").is_file()
    assert pressflow(root, "update", "--check").returncode == 0


# --------------------------------------------------------------------------- the project lock

HOLD = """
import sys, time
from pathlib import Path
from pressflow.lock import project_lock
with project_lock(Path(sys.argv[1]), "hold"):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def test_a_second_writer_waits_then_exits_2_naming_the_holder(tmp_path: Path) -> None:
    root = newsroom(tmp_path / "n")
    (root / "releases" / "a.txt").write_text("Аты\n\nТекст.\n", encoding="utf-8")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(root), "600"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        started = time.monotonic()
        for command in (("update",), ("build",), ("prefill",), ("run",)):
            done = pressflow(root, *command, env={"PRESSFLOW_LOCK_TIMEOUT": "1"})
            assert done.returncode == 2, done.stderr
            assert f"pid {holder.pid}" in done.stderr and "hold" in done.stderr
            assert len(done.stderr.strip().splitlines()) == 1
        assert time.monotonic() - started < 120  # each waited about a second
        assert not (root / "translations").exists()
        assert pressflow(root, "update", "--check").returncode == 1  # a reader does not wait
    finally:
        holder.kill()
        holder.wait()
    assert pressflow(root, "update").returncode == 0  # the kernel released the lock


def test_the_lock_is_released_when_the_holder_waits_less_than_the_timeout(tmp_path: Path) -> None:
    root = newsroom(tmp_path / "n")
    (root / "releases" / "a.txt").write_text("Аты\n\nТекст.\n", encoding="utf-8")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(root), "1"], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    done = pressflow(root, "update", env={"PRESSFLOW_LOCK_TIMEOUT": "30"})
    holder.wait()
    assert done.returncode == 0, done.stderr


def test_two_concurrent_prefills_send_each_text_once(tmp_path: Path) -> None:
    with FakeProvider("google", latency=0.05) as provider:
        root = make_newsroom(tmp_path / "n", url=provider.url, concurrency=2, batch=2)
        words = "алма өрүк жүзүм шабдалы алча коон дарбыз жаңгак бадам анар лимон карагат"
        texts = [f"Бүгүн {word} бышты." for word in words.split()]
        for lang in ("ru", "en"):
            write_catalog(root, lang, "a", [Entry(t) for t in texts])
        env = {**os.environ, "PRESSFLOW_LOCK_TIMEOUT": "120"}
        runs = [
            subprocess.Popen(
                [sys.executable, "-m", "pressflow", "prefill"],
                cwd=root,
                env=env,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        for run in runs:
            _, stderr = run.communicate(timeout=240)
            assert run.returncode == 0, stderr
        sent = [(s.target, s.text) for s in provider.seen]
    assert len(sent) == 24 and len(set(sent)) == len(sent)


# --------------------------------------------------------------------------- translators saving

TRANSLATOR = """
import os, random, sys, time
from pathlib import Path
folder, stop, log = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
rng = random.Random(7)
paths = sorted(folder.glob("*/*.po"))
saves = 0
while not stop.exists():
    path = rng.choice(paths)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        continue
    at = text.find('msgstr ""\\n\\n')
    if at < 0:
        continue
    marker = f"SAVED-{saves}"
    text = text[:at] + f'msgstr "{marker}"\\n\\n' + text[at + len('msgstr ""\\n\\n'):]
    tmp = path.with_name(f".{path.name}.editor")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)  # as Poedit and most editors save
    saves += 1
    time.sleep(0.002)
log.write_text(str(saves))
"""


def _newsroom_of(root: Path, count: int) -> None:
    import random
    import re

    newsroom(root)
    sentences = [
        s for s in re.split(r"(?<=[.!?])\s+", SAMPLE.read_text(encoding="utf-8")) if len(s) > 20
    ]
    rng = random.Random(3)
    for i in range(count):
        body = "\n\n".join(
            " ".join(rng.choice(sentences) for _ in range(3)) for _ in range(rng.randint(2, 4))
        )
        (root / "releases" / f"2018-{i:03d}-news.txt").write_text(
            f"Жаңылык {i}\n\n{body}\n", encoding="utf-8"
        )


def test_a_translator_saving_during_update_loses_no_save(tmp_path: Path) -> None:
    root = tmp_path / "n"
    _newsroom_of(root, 300)
    assert pressflow(root, "update").returncode == 0
    for release in sorted((root / "releases").glob("*.txt")):  # every catalog must be merged
        with release.open("a", encoding="utf-8") as handle:
            handle.write("\nЖаңы абзац кошулду.\n")
    stop, log = tmp_path / "stop", tmp_path / "saves"
    translator = subprocess.Popen(
        [sys.executable, "-c", TRANSLATOR, str(root / "translations"), str(stop), str(log)]
    )
    try:
        time.sleep(0.5)
        done = pressflow(root, "update")
    finally:
        stop.touch()
        translator.wait(timeout=60)
    assert done.returncode == 0, done.stderr
    saves = int(log.read_text())
    kept = sum(
        po.read_text(encoding="utf-8").count('msgstr "SAVED-')
        for po in (root / "translations").glob("*/*.po")
    )
    assert saves > 50
    assert kept == saves, f"{saves - kept} of {saves} saves lost"
    final = pressflow(root, "update")  # whatever was left as saved is merged now
    assert final.returncode == 0, final.stderr
    for po in (root / "translations").glob("*/*.po"):
        assert "Жаңы абзац кошулду." in po.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- outside the project


def test_a_release_linked_outside_the_project_is_refused(tmp_path: Path) -> None:
    root = newsroom(tmp_path / "n")
    secret = tmp_path / "secret.txt"
    secret.write_text("Жашыруун\n\nБул текст жарыяланбашы керек.\n", encoding="utf-8")
    (root / "releases" / "leak.txt").symlink_to(secret)
    before = tree(root)
    for command in ("update", "build", "check", "extract"):
        done = pressflow(root, command)
        assert done.returncode == 2, (command, done.stderr)
        assert done.stderr.startswith("pressflow: error: releases/leak.txt: ")
        assert "outside the project" in done.stderr and "Traceback" not in done.stderr
    assert tree(root) == before
    assert not (root / "site").exists()


def test_a_catalog_linked_outside_the_project_is_never_sent_to_mt(tmp_path: Path) -> None:
    with FakeProvider("google") as provider:
        root = make_newsroom(tmp_path / "n", url=provider.url)
        (root / "releases").mkdir()
        (root / "releases" / "a.txt").write_text("Бул текст сыр.\n", encoding="utf-8")
        outside = write_catalog(tmp_path / "other", "ru", "a", ["Бул текст сыр."])
        (root / "translations" / "ru").mkdir(parents=True)
        (root / "translations" / "ru" / "a.po").symlink_to(outside.path)
        before = Path(outside.path).read_bytes()
        for command in (("prefill",), ("prefill", "--dry-run"), ("check",)):
            done = pressflow(root, *command)
            assert done.returncode == 2, done.stderr
            assert "translations/ru/a.po: " in done.stderr and "outside the project" in done.stderr
        assert provider.seen == []
    assert Path(outside.path).read_bytes() == before


def test_a_release_linked_inside_the_project_is_read(tmp_path: Path) -> None:
    root = newsroom(tmp_path / "n")
    (root / "drafts").mkdir()
    (root / "drafts" / "a.txt").write_text("Аты\n\nТекст.\n", encoding="utf-8")
    (root / "releases" / "a.txt").symlink_to(root / "drafts" / "a.txt")
    done = pressflow(root, "update")
    assert done.returncode == 0, done.stderr


def test_underscored_file_names_are_slugs_and_capitals_are_not() -> None:
    from pressflow.slugs import is_slug

    assert is_slug("release_0001") and is_slug("2018-07-03-lsg-forum")
    assert not is_slug("Release_0001") and not is_slug("_x") and not is_slug("x_")


@pytest.mark.parametrize("command", ["prefill", "update"])
def test_a_catalog_a_killed_write_had_taken_aside_is_back_after_the_next_command(
    tmp_path: Path, command: str
) -> None:
    """``kill -9`` between taking a catalog aside and putting the new one in its place leaves
    the path missing: the next command that writes catalogs puts the translator's file back
    before anything reads the folder (it is never deleted as a temporary)."""
    root = newsroom(tmp_path / "n")
    (root / "releases" / "a.txt").write_text("Аты\n\nБиринчи сүйлөм.\n", encoding="utf-8")
    assert pressflow(root, "update").returncode == 0
    po = root / "translations" / "ru" / "a.po"
    saved = po.read_text(encoding="utf-8").replace(
        'msgstr ""\n\n', 'msgstr "Название"\n\n', 1
    )  # the translator's work, then the killed write
    po.write_text(saved, encoding="utf-8")
    po.rename(po.with_name(".a.po.4242.aside"))
    (po.parent / ".a.po.4242.tmp").write_text("half of a new vers", encoding="utf-8")
    done = pressflow(root, command)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in po.parent.iterdir()) == ["a.po"]
    assert 'msgstr "Название"' in po.read_text(encoding="utf-8")


def test_where_flock_is_refused_the_lock_is_still_taken(tmp_path: Path, monkeypatch) -> None:
    """A file system without ``flock`` (some network ones): filelock takes the lock its way
    (its own lock file, which the refused attempt must not leave behind), twice in a row."""
    import errno
    import fcntl
    import warnings

    from pressflow.lock import project_lock

    def refuse(fd: int, operation: int) -> None:
        raise OSError(errno.ENOSYS, "function not implemented")

    monkeypatch.setattr(fcntl, "flock", refuse)
    monkeypatch.setenv("PRESSFLOW_LOCK_TIMEOUT", "1")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # filelock says it falls back
        for command in ("first", "second"):
            with project_lock(tmp_path, command):
                holder = (tmp_path / ".pressflow" / "lock.holder").read_text(encoding="utf-8")
                assert holder.startswith("pid ") and command in holder
    assert not (tmp_path / ".pressflow" / "lock.holder").exists()
