"""mutmut's run over one module in the copy, and the mutants its verdicts leave open tested again.

Why apart: mutmut needs a pytest plugin, a configuration and, in a kept tree, records of what it
ran; its 255s (a wall clock load trips, a crashed fork server) are no verdict, so ``again``
tests them, and a kept tree's survivors once its tests changed, the way mutmut would.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mutation_modules import PYTEST, Module, nice

#: A pytest plugin for mutmut's runs. mutmut first runs the tests once to record which test
#: reaches which function ("stats"), telling its trampolines so through the environment, which
#: the pressflow subprocesses many tests start inherit; there the trampoline looks for mutmut's
#: configuration in the subprocess's folder (a temporary newsroom), finds none and crashes the
#: command. Dropping the variable from the environment (mutmut keeps a process-local copy) lets
#: those subprocesses run plain pressflow while stats are taken; in the runs of each mutant the
#: variable stays, so the subprocesses run the mutant too and their tests can kill it.
#: pressflow's ``lru_cache``s are emptied before the first test of every run: a result cached
#: before the mutant was switched on (the fork server imports the modules, and an import may
#: call a cached function) would answer for the mutant. While stats are taken they are emptied
#: before every test, as a fresh command starts: a test answered from a cache an earlier test
#: filled would not be counted as reaching the function, so the function's mutants would never
#: run it. Within one mutant's run the tests share them (they all run that mutant): emptied
#: before each test, the segmentation rules were built again for every test of every mutant.
#: A mutant's tests run fastest first (as long as they took while stats were taken): with
#: ``-x`` a killed mutant stops at its first failing test, and mutmut hands them over in a
#: set's order, which puts the slow properties first as often as last.
_PLUGIN = "mutation_subprocesses"
_PLUGIN_CODE = """
import functools
import json
import os
import sys

_STATS = False
_EMPTIED = False


def pytest_configure(config):
    global _STATS
    if os.environ.get("MUTANT_UNDER_TEST") == "stats":
        _STATS = True
        del os.environ["MUTANT_UNDER_TEST"]


def pytest_collection_modifyitems(items):
    try:
        with open("mutmut-stats.json", encoding="utf-8") as f:
            took = json.load(f)["duration_by_test"]
    except (OSError, ValueError, KeyError):
        return  # the stats run itself: nothing measured yet
    items.sort(key=lambda item: took.get(item.nodeid, float("inf")))


def pytest_runtest_setup(item):
    global _EMPTIED
    if _EMPTIED and not _STATS:
        return
    _EMPTIED = True
    for name, module in list(sys.modules.items()):
        if name == "pressflow" or name.startswith("pressflow."):
            for value in list(vars(module).values()):
                if isinstance(value, functools._lru_cache_wrapper):
                    value.cache_clear()
"""


def _mutmut_config(module: Module, tree: Path) -> str:
    (tree / f"{_PLUGIN}.py").write_text(_PLUGIN_CODE, encoding="utf-8")
    # not mutmut's own output, which a kept tree holds from the run before
    own = {"src", "tests", "pyproject.toml", "mutants", "mutmut-stats.json"}
    top = sorted({Path(p).parts[0] for p in os.listdir(tree)} - own)
    lines = [
        "",
        "[tool.mutmut]",
        'source_paths = ["src"]',
        f"only_mutate = {json.dumps(list(module.sources))}",
        f"do_not_mutate = {json.dumps(list(module.skip))}",
        f"also_copy = {json.dumps(top)}",
        f"pytest_add_cli_args_test_selection = {json.dumps(_selection(module, tree))}",
        "pytest_add_cli_args = "
        + json.dumps(
            ["-p", "no:cacheprovider", "-p", _PLUGIN, "-q", "-x"]
            + [arg for test in module.deselect for arg in ("--deselect", test)]
        ),
        # Each mutant's tests in a process forked before any test ran: with mutmut's default
        # (forked from the process that ran them all) a function behind a cache (the compiled
        # segmentation rules, the wrapping tables) answers from the cache and no mutant of it
        # can be seen.
        'process_isolation = "forkserver"',
        "timeout_multiplier = 5.0",
        "timeout_constant = 5.0",
        "",
    ]
    return "\n".join(lines)


def run_mutmut(module: Module, tree: Path, *, jobs: int = 1) -> dict[str, str]:
    """mutmut's verdict for every mutant of the module's functions: name -> status.

    Mutants mutmut marks 255 (its wall clock, which load trips as well as a loop, or a crash of
    its fork server) are then tested again (``again``). In a kept tree (``--keep``) mutmut
    resumes: mutants already judged are not run again, and once the module's tests changed,
    those that survived or that no test reached are tested again too."""
    pyproject = tree / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8") + _mutmut_config(module, tree))
    # mutmut forks each mutant's run from a process that already ran the tests: whatever a
    # memo kept there would answer in place of the mutated function. QA's memo is switched off.
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PRESSFLOW_NO_MEMO": "1"}
    proc = subprocess.run(
        nice([sys.executable, "-m", "mutmut", "run", "--max-children", str(jobs)]),
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    statuses = _statuses(tree)
    if proc.returncode or any(s == "not checked" for s in statuses.values()):
        # mutmut stopped early (a test failing without a mutant, a bad pragma): say why
        tail = re.sub(r"[^\n]*\r", "", proc.stdout + proc.stderr).strip().splitlines()[-15:]
        print("\n  mutmut stopped early:\n    " + "\n    ".join(tail), flush=True)
    statuses.update(again(module, tree, env=env, jobs=jobs))
    return statuses


#: A kept tree's test selection as its first run gave it to mutmut. mutmut forgets every verdict
#: when its selection changes; later tests reach the mutants through ``again`` instead.
SELECTION = "mutation-selection.json"
#: Verdicts of ``again`` in a kept tree, by mutant; newer than mutmut's for those mutants.
_AGAIN = "mutation-again.json"


def _selection(module: Module, tree: Path) -> list[str]:
    return _first_run(tree).get("tests", list(module.tests))


def _first_run(tree: Path) -> dict:
    """The tests a kept tree's first run gave mutmut, and their digest then."""
    path = tree / SELECTION
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def tests_digest(module: Module, tree: Path) -> str:
    """What the module's current tests are: a verdict of ``again`` holds while this does."""
    h = hashlib.sha256()
    for test in sorted({*module.tests, "tests/conftest.py"}):
        h.update(test.encode() + b"\0" + (tree / test).read_bytes() + b"\0")
    return h.hexdigest()


def again(module: Module, tree: Path, *, env: dict[str, str], jobs: int = 1) -> dict[str, str]:
    """Each mutant of a kept tree that survived, had no test or met the wall clock, tested
    again: the module's current tests run with the mutant switched on, as mutmut does it (its
    trampolines read ``MUTANT_UNDER_TEST``; the commands tests start inherit it). A run six
    times as long as the clean one (and a minute) is stopped and counted a timeout, as mutmut
    counts one. A mutant mutmut killed is tried first: if it is not killed here, the mutants
    are not switched on and nothing is counted."""
    path = tree / _AGAIN
    digest = tests_digest(module, tree)
    kept = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    verdicts: dict[str, str] = kept.get("verdicts", {}) if kept.get("tests") == digest else {}
    work = tree / "mutants"
    shutil.copytree(tree / "tests", work / "tests", dirs_exist_ok=True)
    env = {**env, "PYTHONPATH": str(work / "src"), "MUTANT_UNDER_TEST": ""}
    args = [*PYTEST, "-p", _PLUGIN, *module.tests]
    args += [arg for test in module.deselect for arg in ("--deselect", test)]

    def fails(name: str, limit: float | None = None) -> bool:
        run = {**env, "MUTANT_UNDER_TEST": name}
        done = subprocess.run(nice(args), cwd=work, env=run, capture_output=True, timeout=limit)
        return done.returncode != 0

    codes = _codes(tree)
    # mutmut's own verdicts stand while the tests are those it ran (always, in a tree not kept);
    # a 255 never does: mutmut 3.8 gives it to a mutant lost with its crashed fork server too
    first = _first_run(tree)  # empty in a tree not kept
    retried = ("survived", "no tests") if first and first.get("digest") != digest else ()
    todo = [
        name
        for name, code in sorted(codes.items())
        if (code == _WALL_TIMEOUT or _status(code) in retried) and name not in verdicts
    ]
    if not todo:
        return verdicts
    started = time.monotonic()
    if fails(""):
        raise SystemExit(f"{module.sources[0]}: the tests fail without a mutant in {work}")
    limit = 6 * (time.monotonic() - started) + 60
    canary = next((name for name, code in sorted(codes.items()) if _status(code) == "killed"), "")
    if canary and not fails(canary, limit):  # the mutants are not switched on: say so
        raise SystemExit(f"{canary}: killed by mutmut, not when tested again in {work}")

    def judge(name: str) -> tuple[str, str]:
        try:
            return name, "killed" if fails(name, limit) else "survived"
        except subprocess.TimeoutExpired:
            return name, "timeout"

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for name, verdict in pool.map(judge, todo):
            verdicts[name] = verdict
            record = {"tests": digest, "verdicts": verdicts}
            path.write_text(json.dumps(record, indent=0, sort_keys=True), encoding="utf-8")
    return verdicts


#: mutmut's code for a mutant's run stopped by its wall-clock limit (half the CPU limit), and
#: for one lost when its fork server crashed (-1): neither is a verdict on the mutant
_WALL_TIMEOUT = 255


def _codes(tree: Path) -> dict[str, int | None]:
    codes: dict[str, int | None] = {}
    for meta in (tree / "mutants" / "src").rglob("*.meta"):
        data = json.loads(meta.read_text(encoding="utf-8"))
        codes.update(data.get("exit_code_by_key", {}))
    return codes


def _statuses(tree: Path) -> dict[str, str]:
    return {name: _status(code) for name, code in _codes(tree).items()}


def _status(code: int | None) -> str:
    from mutmut.stats import status_by_exit_code

    return status_by_exit_code[code]


def mutmut_diff(tree: Path, name: str) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "mutmut", "show", name],
        cwd=tree,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    return "\n".join(
        line for line in out.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")
    )
