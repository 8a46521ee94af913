"""Sentence-boundary precision, recall and F1 of pressflow and other segmenters on Kyrgyz.

Why: translators judge a tool by its units, and no off-the-shelf segmenter handles Kyrgyz
initials, year abbreviations and ordinal-date sentence starts. This script keeps that claim
measured on the team's hand-checked gold file (tests/data/segmentation-gold.txt).

A boundary is the offset where a sentence starts, other than the first of its block; block
(paragraph) ends are not counted. Run: ``python benchmarks/segmentation.py [--errors]``.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from pressflow.segment import split_text

GOLD = Path(__file__).resolve().parent.parent / "tests" / "data" / "segmentation-gold.txt"
MARK = "‖"

Splitter = Callable[[str], Iterable[tuple[int, int]]]


def read_gold(path: Path) -> list[tuple[str, frozenset[int], str]]:
    """Blocks of the gold file: text, offsets where its inner sentences start, section name."""
    blocks = []
    section = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# section:"):
            section = line.split(":", 1)[1].strip()
        if not line.strip() or line.startswith("#"):
            continue
        text, starts = "", set()
        for i, part in enumerate(line.replace(f" {MARK} ", f"{MARK} ").split(MARK)):
            if i:
                starts.add(len(text) + len(part) - len(part.lstrip()))
            text += part
        blocks.append((text, frozenset(starts), section))
    return blocks


def spans_from_strings(text: str, pieces: Iterable[str]) -> list[tuple[int, int]]:
    """Offsets of sentences that a segmenter returned as strings (in order)."""
    spans, pos = [], 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        start = text.find(piece, pos)
        if start == -1:  # the segmenter changed the text: align on its first characters
            start = text.find(piece[:8], pos)
        if start == -1:
            continue
        spans.append((start, start + len(piece)))
        pos = start + len(piece)
    return spans


def starts_of(text: str, spans: Iterable[tuple[int, int]]) -> set[int]:
    """Inner sentence starts, normalised to the first non-space character."""
    out = set()
    for start, _end in spans:
        while start < len(text) and text[start].isspace():
            start += 1
        if text[:start].strip():
            out.add(start)
    return out


def segmenters() -> dict[str, Splitter]:
    """pressflow and the segmenters it is compared with (each skipped if not installed)."""
    found: dict[str, Splitter] = {"pressflow": lambda t: split_text(t, lang="ky")}
    try:
        import pysbd

        seg = pysbd.Segmenter(language="kk", clean=False, char_span=True)
        found["pysbd (kk)"] = lambda t: [(s.start, s.end) for s in seg.segment(t)]
    except ImportError:
        pass
    try:
        from segtok.segmenter import split_multi

        found["segtok"] = lambda t: spans_from_strings(t, split_multi(t))
    except ImportError:
        pass
    try:
        import spacy

        nlp = spacy.blank("ky")
        nlp.add_pipe("sentencizer")
        found["spaCy ky sentencizer"] = lambda t: [(s.start_char, s.end_char) for s in nlp(t).sents]
    except (ImportError, OSError):
        pass
    try:
        from translate.lang import factory

        ttk = factory.getlanguage("ky")
        found["translate-toolkit (ky)"] = lambda t: spans_from_strings(t, ttk.sentences(t))
    except ImportError:
        pass
    return found


Gold = list[tuple[str, frozenset[int], str]]


def score(gold: Gold, split: Splitter) -> dict[str, tuple[int, int, int, list]]:
    """Per section (and "all"): true and false positives, false negatives, blocks in error."""
    counts: dict[str, tuple[int, int, int, list]] = {}
    for text, truth, section in gold:
        got = starts_of(text, split(text))
        for key in ("all", section):
            tp, fp, fn, errors = counts.get(key, (0, 0, 0, []))
            if got != truth and key == "all":
                errors.append((text, sorted(got - truth), sorted(truth - got)))
            counts[key] = (
                tp + len(got & truth),
                fp + len(got - truth),
                fn + len(truth - got),
                errors,
            )
    return counts


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0 when undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--errors", action="store_true", help="show pressflow's errors")
    args = parser.parse_args()
    gold = read_gold(args.gold)
    sections = list(dict.fromkeys(section for _, _, section in gold if section))
    total = sum(len(b) for _, b, _ in gold)
    print(f"gold: {args.gold.name}: {len(gold)} blocks, {total} inner sentence boundaries")
    print(f"{'segmenter':<24}{'precision':>10}{'recall':>10}{'F1':>10}{'seconds':>10}")
    results = {}
    for name, split in segmenters().items():
        began = time.perf_counter()
        results[name] = counts = score(gold, split)
        took = time.perf_counter() - began
        p, r, f = prf(*counts["all"][:3])
        print(f"{name:<24}{p:>10.3f}{r:>10.3f}{f:>10.3f}{took:>10.2f}")
        if args.errors and name == "pressflow":
            for text, extra, missed in counts["all"][3]:
                print(
                    f"  extra {[text[i : i + 20] for i in extra]} missed "
                    f"{[text[i : i + 20] for i in missed]}"
                )
    if sections:
        print("\nF1 by section (boundaries):")
        print(f"{'segmenter':<24}" + "".join(f"{s:>18}" for s in sections))
        for name, counts in results.items():
            cells = []
            for section in sections:
                tp, fp, fn, _ = counts[section]
                cells.append(f"{prf(tp, fp, fn)[2]:>11.3f} ({tp + fn:>3})")
            print(f"{name:<24}" + "".join(cells))


if __name__ == "__main__":
    main()
