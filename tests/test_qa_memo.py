"""The memoised readings (numbers, number words, value pools, names, months, skeletons) change
nothing: the findings on real human translations are identical with the memo cold, warm, and
off (``PRESSFLOW_NO_MEMO=1``: every function computed afresh, in a fresh interpreter)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pressflow.qa import memo
from pressflow.qa.registry import Context
from pressflow.qa.runner import run_checks
from pressflow.qa.units import Unit
from qa_sample_translations import EN, RU

DATA = Path("/work/shared/data/ntrex128")
ROOT = Path(__file__).resolve().parents[1]


def _units(lang: str) -> list[Unit]:
    """The sample release's translations and, where present, two development documents."""
    units = [
        Unit(f"Бирдик {i}: {t[:20]}", t, line=i, index=i)
        for i, t in enumerate(RU if lang == "ru" else EN)
    ]
    for doc in sorted(DATA.glob("*.ky.txt"))[:2]:
        source = doc.read_text(encoding="utf-8").splitlines()
        target = doc.with_name(doc.name.replace(".ky.", f".{lang}.")).read_text(encoding="utf-8")
        for src, tgt in zip(source, target.splitlines(), strict=False):
            if src.strip() and tgt.strip():
                units.append(Unit(src, tgt, line=len(units), index=len(units)))
    return units


def _findings() -> list[tuple[str, str, str, str]]:
    out = []
    for lang in ("ru", "en"):
        for p in run_checks(_units(lang), Context(lang=lang, path=f"{lang}.po")):
            out.append((lang, p.check, p.msgid, p.message))
    return out


def test_findings_identical_with_and_without_the_memo() -> None:
    memo.clear()
    cold = _findings()
    warm = _findings()
    assert cold == warm
    assert cold  # the comparison is about something: these texts do have findings
    # the memo off from import on, in a fresh interpreter
    script = "import json, tests.test_qa_memo as t; print(json.dumps(t._findings()))"
    paths = [str(ROOT / "src"), str(ROOT / "tests"), str(ROOT)]
    env = {**os.environ, "PRESSFLOW_NO_MEMO": "1", "PYTHONPATH": os.pathsep.join(paths)}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert [tuple(f) for f in json.loads(done.stdout)] == cold
    off = "import pressflow.qa.memo as m; print(m.OFF)"
    assert (
        subprocess.run(
            [sys.executable, "-c", off], env=env, capture_output=True, text=True
        ).stdout.strip()
        == "True"
    )
