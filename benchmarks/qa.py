"""Measure pressflow's QA checks, and pofilter's, on real human translations and injected errors.

    python benchmarks/qa.py [--data DIR] [--seed N] [--limit N] [--verbose]

Builds one catalog per document and target language from ``DIR/<doc>.{ky,ru,en}.txt``
(line-aligned human translations of the same news), fills it with the human translations, and
reports (1) false alarms per 100 units on these good translations and (2) the share of seeded
injected errors caught (see ``qa_corpus``). translate-toolkit's pofilter runs on the very same
files in the same run. No network; well under a minute.

A false alarm is a unit (one entry of one language's catalog) with at least one finding of any
severity, completeness aside. Findings pressflow attributes to the Kyrgyz source (text in another
script pasted into it; a number or date that BOTH independent human translations render the same
way and differently from the source, e.g. 1982 in the source and 1882 in both) are printed
separately as source problems: they are alarms on the source, for the editor, and not alarms on
the good translations. Opt-in checks (``[check] enable``) are off, as in a default project; the
figure with them on is printed too.

The benchmark glossary ``qa-glossary.tsv`` is built by ``qa_glossary.py`` from the candidate terms
both human translations render consistently here, so by construction it cannot alarm on this
corpus; its leave-one-document-out estimate for unseen documents is printed as well.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import polib

from pressflow.glossary import Glossary, load_glossary
from pressflow.po import catalog
from pressflow.qa import check_catalog
from pressflow.qa.crosslang import attribute_to_source, is_source_problem
from pressflow.qa.registry import CHECKS
from qa_corpus import (
    DEFAULT_DATA,
    GLOSSARY,
    INFORMATIONAL,
    KINDS,
    LANGS,
    Injected,
    documents,
    inject,
    make_po,
    pairs,
)

OPT_IN = tuple(code for code, check in CHECKS.items() if check.opt_in)
#: per language, per document: msgid -> check codes
Flags = dict[str, dict[str, dict[str, set[str]]]]


def _pressflow(
    paths: dict[str, Path], glossary: Glossary, *, enabled: tuple[str, ...] = ()
) -> tuple[dict[str, dict[str, set[str]]], dict[str, dict[str, set[str]]]]:
    """One document's catalogs (every language): (translation findings, source problems)."""
    problems = []
    translations: dict[tuple[str, str, str], str] = {}
    for lang, path in paths.items():
        po = catalog.read_po(path)
        translations.update((("", lang, e.msgid), e.msgstr) for e in po)
        found = check_catalog(
            po, release=None, lang=lang, glossary=glossary, path=str(path), enabled=enabled
        )
        problems.extend(p for p in found if not CHECKS[p.check].completeness)
    flagged: dict[str, dict[str, set[str]]] = {lang: {} for lang in paths}
    source: dict[str, dict[str, set[str]]] = {lang: {} for lang in paths}
    for p in attribute_to_source(problems, list(paths), translations):
        (source if is_source_problem(p) else flagged)[p.lang].setdefault(p.msgid, set()).add(
            p.check
        )
    return flagged, source


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


@dataclass
class Tally:
    units: int = 0
    alarms: int = 0
    alarm_checks: Counter[str] = field(default_factory=Counter)
    gate_alarms: int = 0  # units whose false alarm is error-severity: the gate would fail
    source_units: int = 0
    source_checks: Counter[str] = field(default_factory=Counter)
    by_lang: Counter[str] = field(default_factory=Counter)  # "ru units", "ru alarms", …
    injected: int = 0
    caught: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    caught_by_kind: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0


def _run(tool: str, root: Path, state: str, docs: list[str], glossary: Glossary) -> Flags:
    """Translation findings of ``tool`` on every catalog of ``state`` (good, bad0, …)."""
    if tool == "pofilter":
        return {lang: _pofilter(root / state / lang, root / f"pf-{state}" / lang, lang)
                for lang in LANGS}  # fmt: skip
    out: Flags = {lang: {} for lang in LANGS}
    for doc in docs:
        paths = {lang: root / state / lang / f"{doc}.po" for lang in LANGS}
        flagged, _ = _pressflow(paths, glossary)
        for lang in LANGS:
            out[lang][doc] = flagged[lang]
    return out


def _false_alarms(
    t: Tally, tool: str, good: Flags, args: argparse.Namespace, docs: list[str]
) -> None:
    for lang in LANGS:
        for doc in docs:
            n = len(pairs(args.data, doc, lang))
            flagged = good[lang].get(doc, {})
            t.units += n
            t.alarms += len(flagged)
            t.by_lang[f"{lang} units"] += n
            t.by_lang[f"{lang} alarms"] += len(flagged)
            for msgid, codes in flagged.items():
                t.alarm_checks.update(codes)
                if tool == "pressflow" and any(CHECKS[c].severity == "error" for c in codes):
                    t.gate_alarms += 1
                if args.verbose and tool == "pressflow":
                    print(f"  FA {lang} {doc}: {sorted(codes)} {msgid[:90]}")


def _caught(
    t: Tally,
    tool: str,
    good: Flags,
    bad: Flags,
    injections: dict[tuple[str, str, int], list[Injected]],
    r: int,
    args: argparse.Namespace,
    docs: list[str],
) -> None:
    for lang in LANGS:
        for doc in docs:
            before, after = good[lang].get(doc, {}), bad[lang].get(doc, {})
            for inj in injections[(lang, doc, r)]:
                counted = inj.kind not in INFORMATIONAL
                t.injected += counted
                t.by_kind[inj.kind] += 1
                new = after.get(inj.msgid, set()) - before.get(inj.msgid, set())
                if new or (inj.msgid not in before and after.get(inj.msgid)):
                    t.caught += counted
                    t.caught_by_kind[inj.kind] += 1
                elif args.verbose and tool == "pressflow":
                    print(f"  MISS {lang} {doc} {inj.kind}: {inj.after[:100]}")


def _write_catalogs(
    root: Path, docs: list[str], args: argparse.Namespace, glossary: Glossary
) -> dict[tuple[str, str, int], list[Injected]]:
    import random

    rng = random.Random(args.seed)
    injections: dict[tuple[str, str, int], list[Injected]] = {}
    for lang in LANGS:
        for doc in docs:
            rows = pairs(args.data, doc, lang)
            good = root / "good" / lang / f"{doc}.po"
            good.parent.mkdir(parents=True, exist_ok=True)
            good.write_text(catalog.format_po(make_po(doc, lang, rows)), encoding="utf-8")
            for r in range(args.rounds):
                bad_rows, done = inject(rows, rng, lang=lang, glossary=glossary)
                bad = root / f"bad{r}" / lang / f"{doc}.po"
                bad.parent.mkdir(parents=True, exist_ok=True)
                bad.write_text(catalog.format_po(make_po(doc, lang, bad_rows)), "utf-8")
                injections[(lang, doc, r)] = done
    return injections


def _source_problems(t: Tally, root: Path, docs: list[str], glossary: Glossary) -> int:
    """Count the source problems on the good catalogs; return alarms with opt-in checks on."""
    with_opt_in = 0
    for doc in docs:
        paths = {lang: root / "good" / lang / f"{doc}.po" for lang in LANGS}
        flagged, source = _pressflow(paths, glossary)
        for lang in LANGS:
            only = {m: c for m, c in source[lang].items() if m not in flagged[lang]}
            t.source_units += len(only)
            for codes in only.values():
                t.source_checks.update(codes)
        flagged, _ = _pressflow(paths, glossary, enabled=OPT_IN)
        with_opt_in += sum(len(flagged[lang]) for lang in LANGS)
    return with_opt_in


def _glossary_estimate(args: argparse.Namespace, docs: list[str]) -> str:
    """``qa_glossary``'s leave-one-document-out estimate of glossary alarms on unseen documents."""
    import qa_glossary

    terms = qa_glossary.load_glossary(qa_glossary.CANDIDATES).terms
    per_doc = {doc: qa_glossary.aligned(args.data, doc) for doc in docs}
    found, units = qa_glossary.leave_one_out(terms, per_doc, qa_glossary.DEFAULTS)
    return f"{found} in {units} units ({100.0 * found / max(units, 1):.2f} per 100)"


def _report(tally: dict[str, Tally], docs: list[str], args: argparse.Namespace, opt: int) -> None:
    print(f"documents: {len(docs)} from {args.data}; seed {args.seed}; {args.rounds} rounds")
    print(
        "alarms: units with any finding (any severity, completeness aside) on the human "
        "translations; caught: injected errors that add a finding to their unit"
    )
    print(
        f"{'tool':<10} {'units':>6} {'alarms':>7} {'per 100':>8} {'injected':>9} "
        f"{'caught':>7} {'share':>7} {'time':>7}"
    )
    for tool, t in tally.items():
        print(
            f"{tool:<10} {t.units:>6} {t.alarms:>7} {100.0 * t.alarms / max(t.units, 1):>8.2f} "
            f"{t.injected:>9} {t.caught:>7} {100.0 * t.caught / max(t.injected, 1):>6.1f}% "
            f"{t.seconds:>6.1f}s"
        )
    for tool, t in tally.items():
        kinds = ", ".join(
            f"{k} {t.caught_by_kind[k]}/{t.by_kind[k]}"
            for k in KINDS
            if t.by_kind[k] and k not in INFORMATIONAL
        )
        extra = ", ".join(
            f"{k} {t.caught_by_kind[k]}/{t.by_kind[k]}" for k in INFORMATIONAL if t.by_kind[k]
        )
        print(f"{tool} caught by kind: {kinds}")
        print(f"{tool} not in the share (informational): {extra}")
        print(f"{tool} false alarms by check (units): {dict(t.alarm_checks.most_common())}")
        per_lang = ", ".join(
            f"{lang} {100.0 * t.by_lang[f'{lang} alarms'] / max(t.by_lang[f'{lang} units'], 1):.2f}"
            for lang in LANGS
        )
        print(f"{tool} false alarms per 100 units by language: {per_lang}")
    t = tally["pressflow"]
    print(
        f"pressflow error-severity false alarms (would fail the gate): {t.gate_alarms} "
        f"({100.0 * t.gate_alarms / max(t.units, 1):.2f} per 100 units); the rest are warnings"
    )
    print(
        f"pressflow source problems (alarms on the Kyrgyz source, not counted above): "
        f"{t.source_units} units {dict(t.source_checks.most_common())}"
    )
    print(
        "pressflow glossary alarms expected on unseen documents (benchmark glossary chosen "
        f"without them, leave-one-document-out): {_glossary_estimate(args, docs)}"
    )
    print(
        f"pressflow with the opt-in checks {', '.join(OPT_IN) or '(none)'} enabled: {opt} alarms "
        f"({100.0 * opt / max(t.units, 1):.2f} per 100 units)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--seed", type=int, default=20180703)
    parser.add_argument("--rounds", type=int, default=3, help="injection rounds per catalog")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--no-pofilter", action="store_true")
    args = parser.parse_args(argv)
    docs = documents(args.data)[: args.limit or None]
    if not docs:
        print(f"no *.ky.txt documents in {args.data}", file=sys.stderr)
        return 2
    glossary = load_glossary(GLOSSARY)
    tools = ("pressflow",) if args.no_pofilter else ("pressflow", "pofilter")
    tally = {tool: Tally() for tool in tools}
    with tempfile.TemporaryDirectory(prefix="pressflow-qa-bench-") as tmp:
        root = Path(tmp)
        injections = _write_catalogs(root, docs, args, glossary)
        for tool in tools:
            t = tally[tool]
            start = time.perf_counter()
            good = _run(tool, root, "good", docs, glossary)
            t.seconds += time.perf_counter() - start
            _false_alarms(t, tool, good, args, docs)
            for r in range(args.rounds):
                start = time.perf_counter()
                bad = _run(tool, root, f"bad{r}", docs, glossary)
                t.seconds += time.perf_counter() - start
                _caught(t, tool, good, bad, injections, r, args, docs)
        opt = _source_problems(tally["pressflow"], root, docs, glossary)
    _report(tally, docs, args, opt)
    return 0


if __name__ == "__main__":
    sys.exit(main())
