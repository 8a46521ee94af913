"""The benchmark's corpus, its fixed split and the placement of injected errors (for ``qa.py``).

Each document ``DIR/<doc>.{ky,ru,en}.txt`` is line-aligned; one catalog per document and target
language is filled with the human translations. ``halves`` splits the documents by sorted id
(even positions tune, odd ones validate); ``inject`` places errors of every kind of
``qa_inject.KINDS`` into units of one catalog, two units apart, the kinds injected least so far
in the half first, a kind preferring units it has not had in earlier rounds. The wrong
glossary terms come from ``qa-glossary-candidates.tsv``.
"""

from __future__ import annotations

import csv
import random
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import polib

from pressflow.glossary import Glossary
from qa_inject import KINDS

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = Path("/work/shared/data/ntrex128")
GLOSSARY = HERE / "qa-glossary.tsv"
LANGS = ("ru", "en")
CANDIDATES = HERE / "qa-glossary-candidates.tsv"


def wrong_terms(path: Path = CANDIDATES) -> dict[str, dict[str, str]]:
    """Per source term and language, a plausible synonym that the glossary does not allow."""
    rows = list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"))
    return {
        row["ky"]: {lang: row[f"wrong-{lang}"] for lang in LANGS if row.get(f"wrong-{lang}")}
        for row in rows
    }


WRONG_TERMS = wrong_terms()


@dataclass
class Injected:
    kind: str
    msgid: str
    before: str
    after: str
    also: tuple[str, ...] = ()  # other units the same error changed (a swap changes two)


# --------------------------------------------------------------------------- corpus


def documents(folder: Path) -> list[str]:
    return sorted(p.name[: -len(".ky.txt")] for p in folder.glob("*.ky.txt"))


def pairs(folder: Path, doc: str, lang: str) -> list[tuple[int, str, str]]:
    """(line, Kyrgyz, translation) for every non-empty aligned line; a repeated msgid once."""
    ky = (folder / f"{doc}.ky.txt").read_text(encoding="utf-8").split("\n")
    tr = (folder / f"{doc}.{lang}.txt").read_text(encoding="utf-8").split("\n")
    out, seen = [], set()
    for number, (src, tgt) in enumerate(zip(ky, tr, strict=False), start=1):
        src, tgt = src.strip(), tgt.strip()
        if src and tgt and src not in seen:
            seen.add(src)
            out.append((number, src, tgt))
    return out


def make_po(doc: str, lang: str, rows: list[tuple[int, str, str]]) -> polib.POFile:
    po = polib.POFile(wrapwidth=79)
    po.metadata = {
        "Project-Id-Version": "ntrex128",
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    for line, src, tgt in rows:
        po.append(
            polib.POEntry(
                msgid=src,
                msgstr=tgt,
                occurrences=[(f"releases/{doc}.txt", str(line))],
                comment="title" if line == 1 else "paragraph",
            )
        )
    return po


# --------------------------------------------------------------------------- injection


def halves(docs: list[str]) -> dict[str, list[str]]:
    """The fixed split by document: in sorted order, even positions tune, odd ones validate.

    Rules are designed and thresholds chosen on ``tuning`` only; ``validation`` is measured.
    """
    ordered = sorted(docs)
    return {"tuning": ordered[0::2], "validation": ordered[1::2]}


def inject(
    rows: list[tuple[int, str, str]],
    rng: random.Random,
    *,
    lang: str,
    glossary: Glossary,
    tried: dict[str, set[int]],
    placed: Counter[str],
) -> tuple[list[tuple[int, str, str]], list[Injected]]:
    """Errors of as many kinds as fit into units of one catalog, two units apart at least (so
    that each finding can be told apart), a kind preferring units it has not had before
    (``tried``, updated, carries that over rounds)."""
    rows = list(rows)
    busy: set[int] = set()
    done: list[Injected] = []
    kinds = list(KINDS)
    rng.shuffle(kinds)
    # the kinds injected least so far first: a kind with few spots would otherwise find them
    # taken (with their neighbours) by the common kinds in most rounds
    kinds.sort(key=lambda kind: placed[kind])
    for kind in kinds:
        order = list(range(len(rows)))
        rng.shuffle(order)
        seen = tried.setdefault(kind, set())
        order.sort(key=lambda i: i in seen)
        extra = {"glossary": glossary, "wrong": WRONG_TERMS} if kind == "glossary-term" else {}
        for i in order:
            if any(j in busy for j in (i - 1, i, i + 1, i + 2)):
                continue
            change = KINDS[kind](rows, i, rng, lang, **extra)
            if not change:
                continue
            seen.add(i)
            placed[kind] += 1
            src, tgt = change[i]
            also = tuple(change[j][0] for j in change if j != i)
            done.append(Injected(kind, src, rows[i][2], tgt, also))
            for j, (new_src, new_tgt) in change.items():
                busy.add(j)
                rows[j] = (rows[j][0], new_src, new_tgt)
            break
    return rows, done
