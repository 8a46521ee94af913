"""``kill -9`` during prefill, at different moments: catalogs stay valid, nothing is paid twice."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from fakes.mt_newsroom import Entry, config, make_newsroom, write_catalog
from fakes.mt_provider import FakeProvider
from pressflow.model import CatalogRef
from pressflow.mt.prefill import prefill
from pressflow.po.catalog import read_po

RUN = """
import sys
from pathlib import Path
from pressflow.config import load_config
from pressflow.model import CatalogRef
from pressflow.mt.prefill import prefill

root, url = Path(sys.argv[1]), sys.argv[2]
refs = [
    CatalogRef(p.stem, p.parent.name, str(p))
    for p in sorted((root / "translations").glob("*/*.po"))
]
result = prefill(load_config(root), refs, url=url)
print(result, file=sys.stderr)
"""

WORDS = (
    "айыл", "шаар", "район", "облус", "мектеп", "оорукана", "жол", "көпүрө", "суу", "жер", "токой",
    "тоо", "көл",
)  # fmt: skip
UNITS = 120
BATCH = 7


def refs_of(root: Path) -> list[CatalogRef]:
    return [
        CatalogRef(p.stem, p.parent.name, str(p))
        for p in sorted((root / "translations").glob("*/*.po"))
    ]


def cached(root: Path) -> dict[str, set[str]]:
    path = root / ".pressflow" / "mt-cache.sqlite"
    if not path.exists():
        return {}
    with sqlite3.connect(path) as db:
        if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'mt'").fetchone() is None:
            return {}  # killed after the file was made, before its table: nothing kept yet
        rows = db.execute("SELECT target, text FROM mt").fetchall()
    out: dict[str, set[str]] = {}
    for target, text in rows:
        out.setdefault(target, set()).add(text)
    return out


def reviewed(root: Path) -> dict[tuple[str, str], str]:
    found = {}
    for ref in refs_of(root):
        for e in read_po(Path(ref.path)):
            if e.msgid and e.msgstr and "fuzzy" not in e.flags:
                found[(ref.path, e.msgid)] = e.msgstr
    return found


def check_catalogs(root: Path, before: dict[tuple[str, str], str]) -> dict[str, int]:
    filled = {}
    for ref in refs_of(root):
        run = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", ref.path], capture_output=True)
        assert run.returncode == 0, run.stderr
        po = read_po(Path(ref.path))
        filled[ref.lang] = sum(1 for e in po if e.msgid and "mt: google" in (e.tcomment or ""))
    assert {k: v for k, v in reviewed(root).items() if k in before} == before
    return filled


def test_kill_9_at_different_moments_then_resume(tmp_path):
    # similar synthetic sentences: no fuzzy memory, so that every entry goes to MT
    root = make_newsroom(tmp_path / "room", concurrency=4, batch=BATCH, threshold=1.0)
    texts = [f"{a} {b} жөнүндө маалымат." for a in WORDS for b in WORDS][:UNITS]
    people = {7: "Перевод человека.", 42: "Ещё один перевод."}
    for lang in ("ru", "en"):
        write_catalog(
            root,
            lang,
            "big",
            [Entry(t, people.get(i, "")) if i in people else t for i, t in enumerate(texts)],
        )
    before = reviewed(root)
    assert len(before) == 4
    with FakeProvider(latency=0.01) as fake:
        # moments: during start-up, early, midway, late (by requests the provider has seen)
        for moment in (0, 15, 40, 70):
            proc = subprocess.Popen(
                [sys.executable, "-c", RUN, str(root), fake.url], stderr=subprocess.PIPE
            )
            deadline = time.monotonic() + 20
            start = len(fake.seen)
            while len(fake.seen) - start < moment and time.monotonic() < deadline:
                assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
                time.sleep(0.005)
            if moment == 0:
                time.sleep(0.2)
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            filled = check_catalogs(root, before)
            for lang, done in cached(root).items():
                # at most the batch in flight is missing from the catalog (the cache has it)
                assert filled[lang] >= len(done) - BATCH
        known = cached(root)
        assert sum(len(v) for v in known.values()) > 100
        seen_before = len(fake.seen)
        result = prefill(config(root), refs_of(root), url=fake.url)
        resent = fake.seen[seen_before:]
    assert not [s for s in resent if s.text in known.get(s.target, set())]
    assert result.total.left == 0 and result.failed == 0
    assert result.total.cache + result.total.mt == result.total.empty
    filled = check_catalogs(root, before)
    assert filled == {"ru": UNITS - 2, "en": UNITS - 2}


def test_ctrl_c_writes_what_had_arrived(tmp_path):
    root = make_newsroom(tmp_path / "room", concurrency=2, batch=50, threshold=1.0)
    texts = [f"{a} {b} жөнүндө кабар." for a in WORDS for b in WORDS][:60]
    write_catalog(root, "ru", "big", texts)
    with FakeProvider(latency=0.02) as fake:
        proc = subprocess.Popen(
            [sys.executable, "-c", RUN, str(root), fake.url], stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + 20
        while len(fake.seen) < 20 and time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            time.sleep(0.005)
        os.kill(proc.pid, signal.SIGINT)
        proc.wait(timeout=20)
    filled = check_catalogs(root, {})
    done = cached(root)["ru"]
    assert len(done) >= 15
    assert filled["ru"] >= len(done) - 1  # batch of 50 not reached: the interrupt saved them
