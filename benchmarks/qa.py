"""Measure pressflow's QA checks, and pofilter's, on real human translations and injected errors.

    python benchmarks/qa.py [--data DIR] [--seed N] [--rounds N] [--half H] [--verbose]

Builds one catalog per document and target language from ``DIR/<doc>.{ky,ru,en}.txt``
(line-aligned human translations of the same news), fills it with the human translations, and
reports, for the tuning and the validation half of the documents separately (``qa_corpus.halves``:
sorted document ids, even positions tune, odd ones validate), per language:

1. false alarms per 100 units on these good translations, and by check code;
2. recall: the share of seeded injected errors (``qa_inject``, one kind per unit, several kinds
   per catalog two units apart) that add a finding to their unit, per kind. Each language's
   injected catalog is checked beside the OTHER languages' untouched translations: errors are
   injected into the languages independently, so about a third of the units injected in one
   language had the other's translation of the same unit injected too, which no real pair of
   translators does that often and which took from the cross-language checks their witness
   (until session 11, when those misses were counted against pressflow). An error injected
   again, the same text into the same unit in a later round, is counted once: the counts are of
   distinct errors. The kinds are placed least-injected first (``qa_corpus.inject``), so a kind
   with few spots in the documents (magnitude, day, bracket) gets them in every round instead of
   finding them taken by the common kinds; until session 12 those kinds had 5 to 20 errors a half
   and language, now 25 to 60 (the documents hold no more: the counts are printed).

translate-toolkit's pofilter runs on the very same files in the same run, and the two tools'
times on them are printed as a ratio. A false alarm is a unit with at least one finding of any
severity, completeness aside. The human translations hold real errors too: a unit listed in
``qa-translator-errors.tsv`` (read by a developer who designs no rule) is a confirmed error of the
translator, and false alarms are printed twice, all of them and with those units set aside, for
both tools. Findings pressflow attributes to the Kyrgyz source (text in another
script pasted into it; a number or date that BOTH human translations render the same way and
differently from the source) are alarms on the source, for the editor, not on the translations.

The benchmark glossary ``qa-glossary.tsv`` is built by ``qa_glossary.py`` from the candidate terms
both human translations render consistently here (see there).
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import polib

from pressflow.glossary import Glossary, load_glossary
from pressflow.model import Problem
from pressflow.po import catalog
from pressflow.po.reviewed import reviewed
from pressflow.qa import check_catalog, memo
from pressflow.qa.crosslang import attribute_to_source, is_source_problem
from pressflow.qa.registry import CHECKS
from qa_corpus import (
    DEFAULT_DATA,
    GLOSSARY,
    KINDS,
    LANGS,
    Injected,
    documents,
    halves,
    inject,
    make_po,
    pairs,
)

#: per language, per document: msgid -> check codes
Flags = dict[str, dict[str, dict[str, set[str]]]]
TOOLS = ("pressflow", "pofilter")


def _pressflow_doc(
    paths: dict[str, Path],
    glossary: Glossary,
    enabled: tuple[str, ...] = (),
    good: dict[str, list[Problem]] | None = None,
) -> tuple[dict[str, dict[str, set[str]]], dict[str, list[Problem]]]:
    """One document's catalogs (every language): msgid -> codes per language, and the raw
    problems per language.

    With ``good`` (the raw problems of the untouched catalogs, whose paths are ``paths`` with
    the state folder renamed ``good``), each injected catalog is checked beside the OTHER
    languages' good translations and findings, as if only its translator had erred: an error
    is injected once per unit, not into both translations of a unit at once."""
    catalogs = {lang: catalog.read_po(path) for lang, path in paths.items()}
    if good is None:
        _PARSED.update({path: catalogs[lang] for lang, path in paths.items()})
        return _judged(catalogs, paths, glossary, enabled, {})
    witnesses = {lang: _witness(_good_path(path)) for lang, path in paths.items()}
    flagged: dict[str, dict[str, set[str]]] = {}
    raw: dict[str, list[Problem]] = {}
    for lang in paths:
        alone = {other: po if other == lang else witnesses[other] for other, po in catalogs.items()}
        found, problems = _judged(alone, paths, glossary, enabled, good, only=lang)
        flagged[lang], raw[lang] = found[lang], problems[lang]
    return flagged, raw


#: the untouched catalogs as the good set parsed them: a witness is read once, as pofilter reads
#: each catalog of a set once (re-parsing both witnesses for every injected set would time
#: four catalogs a document against pofilter's two)
_PARSED: dict[Path, polib.POFile] = {}


def _witness(path: Path) -> polib.POFile:
    if path not in _PARSED:
        _PARSED[path] = catalog.read_po(path)
    return _PARSED[path]


def _good_path(path: Path) -> Path:
    return path.parents[2] / "good" / path.parent.name / path.name


def _judged(
    catalogs: dict[str, polib.POFile],
    paths: dict[str, Path],
    glossary: Glossary,
    enabled: tuple[str, ...],
    known: dict[str, list[Problem]],
    only: str | None = None,
) -> tuple[dict[str, dict[str, set[str]]], dict[str, list[Problem]]]:
    """Check the catalogs (each beside the others' reviewed translations, as check_project
    does); a language in ``known`` other than ``only`` takes its problems from there."""
    raw: dict[str, list[Problem]] = {}
    translations: dict[tuple[str, str, str], str] = {}
    parallel = {lang: reviewed(po) for lang, po in catalogs.items()}
    for lang, po in catalogs.items():
        translations.update((("", lang, e.msgid), e.msgstr) for e in po)
        if lang != only and lang in known:
            raw[lang] = known[lang]
            continue
        others = {other: texts for other, texts in parallel.items() if other != lang}
        found = check_catalog(
            po,
            release=None,
            lang=lang,
            glossary=glossary,
            path=str(paths[lang]),
            enabled=enabled,
            parallel=others,
        )
        raw[lang] = [p for p in found if not CHECKS[p.check].completeness]
    problems = [p for lang in catalogs for p in raw[lang]]
    flagged: dict[str, dict[str, set[str]]] = {lang: {} for lang in catalogs}
    for p in attribute_to_source(problems, list(catalogs), translations):
        if not is_source_problem(p):
            flagged[p.lang].setdefault(p.msgid, set()).add(p.check)
    return flagged, raw


def _pofilter(folder: Path, out: Path, lang: str) -> dict[str, dict[str, set[str]]]:
    """Run pofilter once over a folder; doc -> msgid -> failed tests."""
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["pofilter", "--progress=none", f"--language={lang}", "-i", str(folder), "-o", str(out)],
        check=True,
        capture_output=True,
    )
    result: dict[str, dict[str, set[str]]] = {}
    for path in out.glob("*.po"):
        flagged: dict[str, set[str]] = {}
        for entry in polib.pofile(str(path)):
            tests = set(re.findall(r"\(pofilter\) (\w+)", entry.tcomment or ""))
            if tests:
                flagged[entry.msgid] = tests
        result[path.stem] = flagged
    return result


def run_tool(
    tool: str,
    root: Path,
    state: str,
    docs: list[str],
    glossary: Glossary,
    enabled: tuple[str, ...] = (),
) -> Flags:
    """Translation findings of ``tool`` on every catalog of ``state`` (good, bad0, …)."""
    if tool == "pofilter":
        return {lang: _pofilter(root / state / lang, root / f"pf-{state}" / lang, lang)
                for lang in LANGS}  # fmt: skip
    out: Flags = {lang: {} for lang in LANGS}
    good = _GOOD.setdefault((root, enabled), {})  # the untouched catalogs' problems, per doc
    for doc in docs:
        paths = {lang: root / state / lang / f"{doc}.po" for lang in LANGS}
        witness = None if state == "good" else good[doc]
        flagged, raw = _pressflow_doc(paths, glossary, enabled, witness)
        if state == "good":
            good[doc] = raw
        for lang in LANGS:
            out[lang][doc] = flagged[lang]
    return out


#: (folder, opt-in checks) -> document -> language -> problems of the good catalogs
_GOOD: dict[tuple[Path, tuple[str, ...]], dict[str, dict[str, list[Problem]]]] = {}


#: units of the human translations confirmed as the translator's errors: (language, doc, msgid)
ERRORS = Path(__file__).resolve().parent / "qa-translator-errors.tsv"


def translator_errors(data: Path) -> set[tuple[str, str, str]]:
    """The confirmed translator errors of ``qa-translator-errors.tsv``, keyed by source text."""
    found = set()
    for row in ERRORS.read_text(encoding="utf-8").splitlines():
        if row.startswith("#") or not row.strip():
            continue
        doc, lang, line, _ = row.split("\t", 3)
        if (data / f"{doc}.ky.txt").is_file():
            found |= {(lang, doc, s) for n, s, _ in pairs(data, doc, lang) if n == int(line)}
    return found


@dataclass
class Tally:
    """One tool, one half, one language."""

    units: int = 0
    alarms: int = 0
    #: alarms on units confirmed as the translator's errors (``qa-translator-errors.tsv``)
    on_errors: int = 0
    alarm_checks: Counter[str] = field(default_factory=Counter)
    injected: Counter[str] = field(default_factory=Counter)
    caught: Counter[str] = field(default_factory=Counter)
    #: distinct (document, unit) pairs per kind: a rare kind reuses its few spots over rounds
    spots: dict[str, set[tuple[str, str]]] = field(default_factory=lambda: defaultdict(set))
    #: the distinct errors counted (document, unit, injected text)
    errors: set[tuple[str, str, str]] = field(default_factory=set)


def _write(
    root: Path, docs: list[str], args: argparse.Namespace, glossary: Glossary
) -> dict[tuple[str, str, int], list[Injected]]:
    """The good catalogs and ``args.rounds`` injected copies; seeded, so deterministic."""
    injections: dict[tuple[str, str, int], list[Injected]] = {}
    for lang in LANGS:
        placed: Counter[str] = Counter()  # per kind, over the documents of the half
        for doc in docs:
            rng = random.Random(f"{args.seed}:{lang}:{doc}")
            rows = pairs(args.data, doc, lang)
            path = root / "good" / lang / f"{doc}.po"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(catalog.format_po(make_po(doc, lang, rows)), encoding="utf-8")
            tried: dict[str, set[int]] = {}
            for r in range(args.rounds):
                bad_rows, done = inject(
                    rows, rng, lang=lang, glossary=glossary, tried=tried, placed=placed
                )
                path = root / f"bad{r}" / lang / f"{doc}.po"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(catalog.format_po(make_po(doc, lang, bad_rows)), "utf-8")
                injections[(lang, doc, r)] = done
    return injections


def _tally(
    tally: dict[tuple[str, str, str], Tally],
    tool: str,
    good: Flags,
    bads: list[Flags],
    injections: dict[tuple[str, str, int], list[Injected]],
    split: dict[str, list[str]],
    args: argparse.Namespace,
) -> None:
    for half, docs in split.items():
        for lang in LANGS:
            t = tally[(tool, half, lang)]
            for doc in docs:
                before = good[lang].get(doc, {})
                t.units += len(pairs(args.data, doc, lang))
                t.alarms += len(before)
                t.on_errors += sum((lang, doc, msgid) in args.errors for msgid in before)
                for msgid, codes in before.items():
                    t.alarm_checks.update(codes)
                    if args.verbose and tool == "pressflow" and half != "validation":
                        print(f"  FA {half} {lang} {doc}: {sorted(codes)} {msgid[:90]}")
                for r, bad in enumerate(bads):
                    after = bad[lang].get(doc, {})
                    for inj in injections[(lang, doc, r)]:
                        if (doc, inj.msgid, inj.after) in t.errors:
                            continue  # the same error again in a later round: counted once
                        t.errors.add((doc, inj.msgid, inj.after))
                        t.injected[inj.kind] += 1
                        t.spots[inj.kind].add((doc, inj.msgid))
                        hit = any(
                            after.get(m, set()) - before.get(m, set())
                            for m in (inj.msgid, *inj.also)
                        )
                        if hit:
                            t.caught[inj.kind] += 1
                        elif args.verbose and tool == "pressflow" and half != "validation":
                            print(f"  MISS {lang} {doc} {inj.kind}: {inj.after[:110]}")


def _timed(
    tool: str,
    root: Path,
    state: str,
    docs: list[str],
    glossary: Glossary,
    spent: list[float],
    enabled: tuple[str, ...] = (),
) -> Flags:
    """``run_tool``, adding its wall-clock and CPU seconds to ``spent``. pressflow starts cold
    (its memo cleared, as a CI run starts); pofilter's CPU time is its child processes'."""
    memo.clear()
    wall, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
    found = run_tool(tool, root, state, docs, glossary, enabled)
    spent[0] += time.perf_counter() - wall
    spent[1] += time.process_time() - cpu + _children_cpu() - children
    return found


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _pct(a: int, b: int) -> str:
    return f"{100.0 * a / b:5.1f}%" if b else "    -"


def _report(
    tally: dict[tuple[str, str, str], Tally],
    split: dict[str, list[str]],
    seconds: dict[str, list[float]],
    units: int,
    args: argparse.Namespace,
) -> None:
    tools = [tool for tool in TOOLS if any(k[0] == tool for k in tally)]
    print(f"data {args.data}; seed {args.seed}; {args.rounds} injection rounds per catalog")
    if args.enable:
        print(f"opt-in checks enabled: {', '.join(args.enable)}")
    for half, docs in split.items():
        print(f"\n== {half} half: {len(docs)} documents ==")
        head = "  ".join(f"{lang}:{tool[:9]:>9}" for lang in LANGS for tool in tools)
        print(f"{'recall by kind':<18} {head}   (caught/injected)")
        rows = [*list(KINDS), "ALL"]
        for kind in rows:
            cells = []
            for lang in LANGS:
                for tool in tools:
                    t = tally[(tool, half, lang)]
                    n = sum(t.injected.values()) if kind == "ALL" else t.injected[kind]
                    c = sum(t.caught.values()) if kind == "ALL" else t.caught[kind]
                    cells.append(f"{_pct(c, n):>6} {c:>4}/{n:<4}")
            print(f"{kind:<18} " + " ".join(cells))
        spots = ", ".join(
            kind
            + " "
            + "/".join(str(len(tally[("pressflow", half, lang)].spots[kind])) for lang in LANGS)
            for kind in KINDS
        )
        print(f"distinct units injected per kind (ru/en): {spots}")
        for lang in LANGS:
            line, net = [], []
            for tool in tools:
                t = tally[(tool, half, lang)]
                line.append(
                    f"{tool} {t.alarms}/{t.units} units = {100.0 * t.alarms / max(t.units, 1):.2f}"
                )
                false = t.alarms - t.on_errors
                net.append(f"{tool} {false}/{t.units} = {100.0 * false / max(t.units, 1):.2f}")
            print(f"false alarms per 100 units, {lang}: " + "; ".join(line))
            print(
                f"  the same, units with a confirmed translator error set aside, {lang}: "
                + "; ".join(net)
            )
        for lang in LANGS:
            t = tally[("pressflow", half, lang)]
            by_check = ", ".join(
                f"{code} {n} ({100.0 * n / max(t.units, 1):.2f})"
                for code, n in t.alarm_checks.most_common()
            )
            print(f"pressflow false alarms by check, {lang} (units, per 100): {by_check}")
    if "pofilter" in seconds:
        mine, theirs = seconds["pressflow"], seconds["pofilter"]
        print(
            f"\ntime on the same {units} catalog units, interleaved, pressflow's memo cleared for "
            f"each set: CPU pressflow {mine[1]:.1f}s, pofilter {theirs[1]:.1f}s: pressflow is "
            f"{theirs[1] / max(mine[1], 1e-9):.2f}x pofilter's speed; wall clock (shared "
            f"machine) {mine[0]:.1f}s and {theirs[0]:.1f}s: {theirs[0] / max(mine[0], 1e-9):.2f}x"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seed", type=int, default=20180703)
    parser.add_argument("--rounds", type=int, default=8, help="injection rounds per catalog")
    parser.add_argument("--half", choices=("tuning", "validation", "both"), default="both")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents a half")
    parser.add_argument("--verbose", "-v", action="store_true", help="tuning misses and alarms")
    parser.add_argument("--no-pofilter", action="store_true")
    parser.add_argument(
        "--enable",
        action="append",
        default=[],
        metavar="CODE",
        help="also run this opt-in check (repeatable): its catches and alarms count",
    )
    parser.add_argument(
        "--write-rates",
        action="store_true",
        help="write each check's validation false alarms to pressflow's data for --list-checks",
    )
    args = parser.parse_args(argv)
    args.errors = translator_errors(args.data)
    split = halves(documents(args.data))
    if args.half != "both":
        split = {args.half: split[args.half]}
    split = {half: docs[: args.limit or None] for half, docs in split.items()}
    docs = sorted(d for ds in split.values() for d in ds)
    if not docs:
        print(f"no *.ky.txt documents in {args.data}", file=sys.stderr)
        return 2
    glossary = load_glossary(GLOSSARY)
    tools = ("pressflow",) if args.no_pofilter else TOOLS
    tally: dict[tuple[str, str, str], Tally] = defaultdict(Tally)
    seconds: dict[str, list[float]] = {tool: [0.0, 0.0] for tool in tools}  # [wall, cpu]
    with tempfile.TemporaryDirectory(prefix="pressflow-qa-bench-") as tmp:
        root = Path(tmp)
        injections = _write(root, docs, args, glossary)
        flags: dict[str, list[Flags]] = {tool: [] for tool in tools}
        for state in ["good", *(f"bad{r}" for r in range(args.rounds))]:
            for tool in tools:  # interleaved, so that both see the same load on the machine
                found = _timed(tool, root, state, docs, glossary, seconds[tool], tuple(args.enable))
                flags[tool].append(found)
        for tool in tools:
            _tally(tally, tool, flags[tool][0], flags[tool][1:], injections, split, args)
        opt_in = tuple(code for code, check in CHECKS.items() if check.opt_in)
        if args.write_rates and "validation" in split:  # the opt-in checks' alarms, measured too
            good = run_tool("pressflow", root, "good", split["validation"], glossary, opt_in)
            _tally(tally, "opt-in", good, [], injections, {"validation": split["validation"]}, args)
    units = sum(len(pairs(args.data, d, lang)) for d in docs for lang in LANGS)
    _report(tally, split, seconds, units * (args.rounds + 1), args)
    if args.write_rates and "validation" in split:
        write_rates(tally, args)
    return 0


RATES = Path(__file__).resolve().parents[1] / "src/pressflow/data/qa/false-alarms.tsv"


def write_rates(tally: dict[tuple[str, str, str], Tally], args: argparse.Namespace) -> None:
    """Per check, its false alarms per 100 units on the validation half, per language."""
    lines = [
        "# False alarms per 100 units of human translations on the validation half of the",
        f"# development documents, measured by benchmarks/qa.py --write-rates (seed {args.seed}).",
    ]
    for code in sorted(CHECKS):
        if CHECKS[code].completeness:
            lines.append(f"{code}\tnot applicable (completeness)")
            continue
        cells = []
        tool = "opt-in" if CHECKS[code].opt_in else "pressflow"
        for lang in LANGS:
            t = tally[(tool, "validation", lang)]
            cells.append(f"{lang} {100.0 * t.alarm_checks[code] / max(t.units, 1):.2f}")
        off = " (off by default)" if CHECKS[code].opt_in else ""
        lines.append(f"{code}\t{', '.join(cells)}{off}")
    RATES.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {RATES}")


if __name__ == "__main__":
    sys.exit(main())
