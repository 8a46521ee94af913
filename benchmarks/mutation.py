"""Mutation scores of pressflow's core modules: how many small planted bugs the tests catch.

Why: a suite can be broad and still let real bugs through (a threshold moved, a tag dropped from
an allowlist, an in-place write). mutmut plants one bug at a time in a module's functions and
runs only the tests that cover that module; a mutant the tests miss ("survived") is a behaviour
nothing guards. Module-level data (thresholds, tag sets, the segmentation rule files) is not
reached by mutmut, so each module also carries a table of hand-planted mutants, the ones a
careful reviewer tried, and the segmentation rule data gets one mutant per rule removed.
mutmut leaves decorated functions alone too, QA's registered checks among them: ``--decorated``
applies ``@check``/``@memo`` after the definition in the copy, so their bodies are mutated.

Run (slow: minutes per module on two cores; not part of ``.ci/run``)::

    pip install -e '.[test,bench]'   # mutmut 3; in a virtualenv if its click upgrade matters
    python benchmarks/mutation.py                  # every module in MODULES
    python benchmarks/mutation.py files po/update  # some of them
    python benchmarks/mutation.py --list           # the modules and the tests each one runs
    python benchmarks/mutation.py --decorated qa/checks  # check bodies too, not only helpers
    python benchmarks/mutation.py qa/checks --only names.py paragraph.py  # some of its files

Everything runs in a temporary copy of the tree (mutmut writes ``mutants/``); the working tree
is never touched. Prints per module ``killed/total`` and every surviving mutant.

The module table is ``mutation_modules``; ``mutation_mutmut`` drives mutmut and tests its open
verdicts again; ``mutation_planted`` runs the mutants mutmut does not make. This file copies the
tree and prints the report.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mutation_modules import MODULES, ROOT
from mutation_mutmut import SELECTION, mutmut_diff, run_mutmut, tests_digest
from mutation_planted import applies, data_mutants, restricted, run_planted, undecorate


def _copy_tree(dest: Path) -> None:
    """The tracked files of the tree (and uncommitted edits to them), without ``.git``."""
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    for rel in listed:
        src = ROOT / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)


@contextmanager
def _workdir(keep: Path | None, name: str) -> Iterator[Path]:
    """A temporary copy of the tree, or with ``--keep`` one that outlives the run."""
    if keep is None:
        with tempfile.TemporaryDirectory(prefix="pressflow-mutation-") as tmp:
            yield Path(tmp)
        return
    tree = keep.resolve() / name.replace("/", "-")
    tree.mkdir(parents=True, exist_ok=True)
    yield tree


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help=f"default: all of {', '.join(MODULES)}")
    parser.add_argument("--list", action="store_true", help="modules and their tests, then exit")
    parser.add_argument("--planted-only", action="store_true", help="skip mutmut's own mutants")
    parser.add_argument("--diffs", action="store_true", help="print each survivor's diff")
    parser.add_argument("--jobs", type=int, default=1, help="mutants tested at once (default 1)")
    parser.add_argument(
        "--only", nargs="+", metavar="PATH", help="mutate only these source files of the module"
    )
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="work in DIR/MODULE and keep it: a run stopped for time resumes there, "
        "and its survivors are tested again against the current tests (same flags)",
    )
    parser.add_argument(
        "--decorated",
        action="store_true",
        help="also mutate functions registered by a decorator (QA checks, memos)",
    )
    args = parser.parse_args()
    names = args.modules or list(MODULES)
    unknown = [n for n in names if n not in MODULES]
    if unknown:
        parser.error(f"unknown module {', '.join(unknown)}; known: {', '.join(MODULES)}")
    modules = {n: restricted(MODULES[n], args.only) if args.only else MODULES[n] for n in names}
    if args.list:
        for name in names:
            module = modules[name]
            print(f"{name}: {' '.join(module.sources)}\n    tests: {' '.join(module.tests)}")
        return 0
    missing = [t for n in names for t in MODULES[n].tests if not (ROOT / t).is_file()]
    if missing:
        parser.error(f"test files not found: {', '.join(missing)}")
    rows = []
    for name in names:
        module = modules[name]
        started = time.monotonic()
        with _workdir(args.keep, name) as tree:
            _copy_tree(tree)
            if args.decorated:
                for source in module.sources:
                    undecorate(tree / source)
            rules = data_mutants(module.equivalent_rules) if module.rule_data else []
            planted = list(module.planted) + rules
            stale = [m for m in planted if applies(tree, m) != 1]
            if stale:  # before mutmut's long run, not after it
                first = stale[0]
                raise SystemExit(f"{first.path}: planted mutant no longer applies: {first.why}")
            if args.keep and not (tree / SELECTION).is_file():
                first = {"tests": list(module.tests), "digest": tests_digest(module, tree)}
                (tree / SELECTION).write_text(json.dumps(first), encoding="utf-8")
            statuses = {} if args.planted_only else run_mutmut(module, tree, jobs=args.jobs)
            if not statuses and not args.planted_only:
                print(f"\n== {name}: mutmut produced no results (do the tests pass?)")
            hand = run_planted(module, tree, planted)
            killed = sum(s == "killed" or s == "timeout" for s in statuses.values())
            killed += sum(k for _, k in hand)
            total = len(statuses) + len(hand)
            print(f"\n== {name}: {killed}/{total} killed", flush=True)
            for mutant, status in sorted(statuses.items()):
                if status not in ("killed", "timeout"):
                    print(f"  {status}: {mutant}")
                    if args.diffs:
                        print("    " + mutmut_diff(tree, mutant).replace("\n", "\n    "))
            for mutant, was_killed in hand:
                if not was_killed:
                    print(f"  survived (planted): {mutant.path}: {mutant.why}")
            for rule, why in module.equivalent_rules.items():
                print(f"  not counted: rule {rule!r} removed (equivalent: {why})")
        rows.append((name, killed, total, time.monotonic() - started))
    print("\nmodule               killed/total   score   minutes")
    for name, killed, total, secs in rows:
        score = f"{100 * killed / total:5.1f}%" if total else "   -  "
        print(f"{name:20} {killed:>6}/{total:<6}  {score}  {secs / 60:6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
