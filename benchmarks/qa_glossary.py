"""Build the benchmark glossary from the terms human translators really render consistently.

    python benchmarks/qa_glossary.py [--data DIR] [--min-occurrences N] [--min-documents D]
                                     [--write]

The candidates (``qa-glossary-candidates.tsv``) are a hand-made list of general press-news terms
(countries, capitals, institutions, offices, parties, common nouns), written without looking at any
one document, each with its accepted Russian and English renderings and, for the benchmark's
"non-glossary term" injection, a plausible synonym the glossary does not allow. A newsroom's real
glossary holds the terms its translators have agreed on; the benchmark stands for it with the
candidates that the Kyrgyz source and BOTH human translations render with an accepted variant at
every occurrence, observed at least N times in at least D different documents (translators of one
document repeat their own choice, so consistency is only shown across documents). A term that
translators often paraphrase or drop (police, the capital city, parliament) is a style choice, not
a term a project would enforce. ``--write`` writes ``qa-glossary.tsv``.

Selecting on the corpus that is then measured is optimistic (by construction no selected term
alarms on it), so a leave-one-document-out estimate is printed too: for each document, the terms
are chosen on the other documents and the glossary alarms counted on that one. That is the figure
to expect on documents the selection has not seen, such as a held-out set.
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from pathlib import Path

from pressflow.glossary import Term, load_glossary
from pressflow.qa.checks.terms import occurs, renders

HERE = Path(__file__).resolve().parent
CANDIDATES = HERE / "qa-glossary-candidates.tsv"
OUTPUT = HERE / "qa-glossary.tsv"
DEFAULT_DATA = Path("/work/shared/data/ntrex128")
LANGS = ("ru", "en")
#: the selection rule: at least this many occurrences, in at least this many documents
DEFAULTS = argparse.Namespace(min_occurrences=5, min_documents=3)


@dataclass
class Usage:
    """How often a term occurs in the source and how often each translation renders it."""

    occurrences: int = 0
    ru: int = 0
    en: int = 0
    documents: int = 0

    def add(self, other: Usage) -> None:
        self.occurrences += other.occurrences
        self.ru += other.ru
        self.en += other.en
        self.documents += other.occurrences > 0

    @property
    def consistent(self) -> bool:
        return self.ru == self.occurrences and self.en == self.occurrences


def aligned(folder: Path, doc: str) -> list[tuple[str, str, str]]:
    """(Kyrgyz, Russian, English) for every line with all three, a repeated source once."""
    texts = [(folder / f"{doc}.{lang}.txt").read_text("utf-8").split("\n") for lang in
             ("ky", *LANGS)]  # fmt: skip
    out, seen = [], set()
    for ky, ru, en in zip(*texts, strict=False):
        ky, ru, en = ky.strip(), ru.strip(), en.strip()
        if ky and ru and en and ky not in seen:
            seen.add(ky)
            out.append((ky, ru, en))
    return out


def usage(term: Term, rows: list[tuple[str, str, str]]) -> Usage:
    found = Usage()
    for ky, ru, en in rows:
        if occurs(term, ky):
            found.occurrences += 1
            found.ru += renders(term, ru, "ru")
            found.en += renders(term, en, "en")
    return found


def misses(terms: tuple[Term, ...], rows: list[tuple[str, str, str]]) -> list[set[int]]:
    """Per (unit, language) of ``rows``: the indexes of the terms occurring but not rendered."""
    out: list[set[int]] = []
    for ky, ru, en in rows:
        here = [i for i, t in enumerate(terms) if occurs(t, ky)]
        for lang, text in (("ru", ru), ("en", en)):
            out.append({i for i in here if not renders(terms[i], text, lang)})
    return out


def keep(u: Usage, args: argparse.Namespace) -> bool:
    return (
        u.consistent and u.occurrences >= args.min_occurrences and u.documents >= args.min_documents
    )


def leave_one_out(
    terms: tuple[Term, ...],
    per_doc: dict[str, list[tuple[str, str, str]]],
    args: argparse.Namespace,
) -> tuple[int, int]:
    """Glossary alarms on each document with the terms chosen on all the others; (alarms, units)."""
    stats = {doc: [usage(t, rows) for t in terms] for doc, rows in per_doc.items()}
    found = units = 0
    for doc, rows in per_doc.items():
        others = [Usage() for _ in terms]
        for other, usages in stats.items():
            if other != doc:
                for total, u in zip(others, usages, strict=True):
                    total.add(u)
        chosen = {i for i, u in enumerate(others) if keep(u, args)}
        found += sum(bool(missed & chosen) for missed in misses(terms, rows))
        units += 2 * len(rows)
    return found, units


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--min-occurrences", type=int, default=DEFAULTS.min_occurrences)
    parser.add_argument("--min-documents", type=int, default=DEFAULTS.min_documents)
    parser.add_argument("--write", action="store_true", help=f"write {OUTPUT.name}")
    args = parser.parse_args(argv)
    docs = sorted(p.name[: -len(".ky.txt")] for p in args.data.glob("*.ky.txt"))
    if not docs:
        print(f"no *.ky.txt documents in {args.data}", file=sys.stderr)
        return 2
    candidates = load_glossary(CANDIDATES).terms
    per_doc = {doc: aligned(args.data, doc) for doc in docs}
    kept = []
    totals: dict[str, Usage] = {}
    print(f"{'term':<24} {'occurs':>6} {'docs':>5} {'ru':>4} {'en':>4}  kept")
    for term in candidates:
        u = totals[term.source] = Usage()
        for doc in docs:
            u.add(usage(term, per_doc[doc]))
        if keep(u, args):
            kept.append(term)
        print(
            f"{term.source:<24} {u.occurrences:>6} {u.documents:>5} {u.ru:>4} {u.en:>4}  "
            f"{'yes' if keep(u, args) else ''}"
        )
    print(f"kept {len(kept)} of {len(candidates)} candidates")
    found, units = leave_one_out(candidates, per_doc, args)
    print(
        f"leave-one-document-out estimate on unseen documents: {found} glossary alarms in "
        f"{units} units ({100.0 * found / max(units, 1):.2f} per 100)"
    )
    if args.write:
        with OUTPUT.open("w", encoding="utf-8", newline="") as handle:
            out = csv.writer(handle, delimiter="\t", lineterminator="\n")
            out.writerow(["ky", "ru", "en", "note"])
            for term in kept:
                u = totals[term.source]
                note = (
                    f"rendered in ru {u.ru}/{u.occurrences}, en {u.en}/{u.occurrences} "
                    f"({u.documents} documents)"
                )
                out.writerow([term.source, *("|".join(term.targets[lang]) for lang in LANGS), note])
        print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
