"""The memoised readings (numbers, number words, value pools, names, months, skeletons) change
nothing: the findings on real human translations are identical with the memo cold, warm, and
bypassed (every memoised function computed afresh)."""

from __future__ import annotations

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
    with memo.bypassed():
        bypassed = _findings()
    assert cold == warm == bypassed
    assert cold  # the comparison is about something: these texts do have findings
