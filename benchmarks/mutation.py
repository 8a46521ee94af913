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
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG = "src/pressflow"
PYTEST = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-x"]


@dataclass(frozen=True)
class Planted:
    """A hand-written mutant: replace ``old`` (which must occur once) by ``new`` in ``path``."""

    path: str
    old: str
    new: str
    why: str


@dataclass(frozen=True)
class Module:
    """A core module, the tests that cover it, and its hand-planted mutants."""

    sources: tuple[str, ...]
    tests: tuple[str, ...]
    planted: tuple[Planted, ...] = ()
    rule_data: bool = False  # also remove each [[rule]] of data/segment/*.toml, one at a time
    #: rules whose removal cannot change a split (named with the reason): not counted
    equivalent_rules: dict[str, str] = field(default_factory=dict)
    skip: tuple[str, ...] = field(default=())  # functions mutmut must leave alone (glob)
    #: slow end-to-end tests left out of the mutant runs (the planted mutants still run them)
    deselect: tuple[str, ...] = ()


_UPDATE = f"{PKG}/po/update.py"
_POPARSE = f"{PKG}/po/poparse.py"
_RULES = f"{PKG}/segment_rules.py"
_SAFE = f"{PKG}/render/sanitize.py"
_FILES = f"{PKG}/files.py"
_STAMPS = f"{PKG}/po/stamps.py"
_NUMBERS = f"{PKG}/qa/numbers.py"
_NAMES = f"{PKG}/qa/checks/names.py"
_QA_TESTS = (
    "tests/test_qa_rules.py",
    "tests/test_qa_name_spelling.py",
    "tests/test_qa_measures.py",
    "tests/test_qa_number_words.py",
    "tests/test_qa_checks.py",
    "tests/test_qa_false_alarms.py",
    "tests/test_qa_false_alarm_classes.py",
    "tests/test_qa_checks_text.py",
    "tests/test_qa_checks_words.py",
    "tests/test_qa_checks_reports.py",
    "tests/test_qa_linear.py",
    "tests/test_qa_checks_paragraph.py",
    "tests/test_qa_checks_alignment.py",
    "tests/test_qa_second_translation.py",
    "tests/test_qa_fast_paths.py",
)

MODULES: dict[str, Module] = {
    "files": Module(
        sources=(_FILES,),
        tests=("tests/test_files.py",),
        planted=(
            Planted(
                _FILES,
                "        if not _place(tmp, path, expect):\n            raise ChangedOnDisk(",
                "        path.write_bytes(raw)\n        os.unlink(tmp)\n"
                "        if False:\n            raise ChangedOnDisk(",
                "atomic_write writes in place instead of temp-and-rename",
            ),
        ),
    ),
    "po/poparse": Module(
        sources=(_POPARSE,),
        tests=("tests/test_poparse_errors.py", "tests/test_poparse.py", "tests/test_catalog.py"),
        deselect=("tests/test_catalog.py::test_format_po_equals_msgcat_output",),  # powrap's
        planted=(
            Planted(
                _POPARSE,
                "    for i, part in enumerate(parts):\n",
                "    for escaped, char in (*_SIMPLE, (chr(92) * 2, chr(92))):\n"
                "        value = value.replace(escaped, char)\n"
                "    return value\n"
                "    for i, part in enumerate(parts):\n",
                "fast path decodes escapes by sequential replace",
            ),
            Planted(
                _POPARSE,
                "    return _UNESCAPE.sub(_unescape_one, body)",
                "    for esc, char in _ESCAPES.items():\n"
                "        body = body.replace(chr(92) + esc, char)\n"
                "    return body",
                "strict path decodes escapes by sequential replace",
            ),
        ),
    ),
    "po/powrap": Module(
        sources=(f"{PKG}/po/powrap.py",),
        tests=("tests/test_powrap.py", "tests/test_catalog.py", "tests/test_poparse.py"),
    ),
    "po/update": Module(
        sources=(_UPDATE,),
        tests=(
            "tests/test_update_header.py",
            "tests/test_update_offers.py",
            "tests/test_update_kept.py",
            "tests/test_update.py",
        ),
        deselect=(
            "tests/test_update.py::test_catalogs_after_update_and_prefill_are_what_msgcat_writes",
        ),
        planted=(
            Planted(_UPDATE, "THRESHOLD = 0.6", "THRESHOLD = 0.5", "fuzzy cutoff lowered to 0.5"),
            Planted(_UPDATE, "THRESHOLD = 0.6", "THRESHOLD = 0.7", "fuzzy cutoff raised to 0.7"),
        ),
    ),
    "po/stamps": Module(
        sources=(_STAMPS,),
        tests=("tests/test_stamps_record.py", "tests/test_stamps.py", "tests/test_update.py"),
        deselect=(
            "tests/test_update.py::test_catalogs_after_update_and_prefill_are_what_msgcat_writes",
        ),
        planted=(
            Planted(
                f"{PKG}/cache.py",
                "        for name in sorted(names):\n",
                "        for name in sorted(names):\n"
                '            if name.endswith(".toml"):\n'
                "                continue\n",
                "the code fingerprint ignores pressflow's own .toml rule files",
            ),
        ),
    ),
    "segment_rules": Module(
        # regex_shape holds what segment_rules read from a rule's pattern before it was split off
        sources=(_RULES, f"{PKG}/regex_shape.py"),
        tests=(
            "tests/test_segment_rules.py",
            "tests/test_segment_rule_bounds.py",
            "tests/test_segment_rules_data.py",
            "tests/test_regex_shape.py",
            "tests/test_segment.py",
            "tests/test_segment_properties.py",
            "tests/test_segment_linear.py",
            "tests/test_roles.py",  # regex_shape.needles, read by the role patterns
        ),
        rule_data=True,
        equivalent_rules={
            "glued": "no later rule breaks without white space after the candidate; a fast path",
        },
        planted=(
            Planted(
                _RULES,
                'r"\\.\\s?" if char == "."',
                'r"\\." if char == "."',
                "no optional space after an abbreviation's inner dot",
            ),
        ),
    ),
    "qa/numbers": Module(
        sources=(_NUMBERS,),
        tests=_QA_TESTS,
        planted=(
            Planted(
                _NUMBERS,
                "enumerate(stems, start=1)",
                "enumerate(stems[:11], start=1)",
                "December left out of the Kyrgyz and Russian months",
            ),
            Planted(_NUMBERS, '"dec december",', '"",', "December left out of the English months"),
        ),
    ),
    "qa/checks": Module(
        sources=tuple(
            f"{PKG}/qa/checks/{p.name}"
            for p in sorted((ROOT / PKG / "qa" / "checks").glob("*.py"))
            if p.name != "__init__.py"
        ),
        tests=_QA_TESTS,
        planted=(
            Planted(
                _NAMES,
                "if len(stem) < 6 and not target.capital:",
                "if len(stem) >= 6 and not target.capital:",
                "the lower-case-target condition of the names check inverted",
            ),
            Planted(
                _NAMES,
                "(s for s in stems if len(s) >= 3)",
                "(s for s in stems if len(s) < 3)",
                "the short-stem condition of the names check inverted",
            ),
        ),
    ),
    "render/sanitize": Module(
        sources=(_SAFE,),
        tests=(
            "tests/test_sanitize.py",
            "tests/test_render_embeds.py",
            "tests/test_render_safety.py",
            "tests/test_xss.py",
        ),
        # the XSS corpus (268 vectors built into a newsroom, then Chromium) takes minutes per
        # run: only the hand-planted mutants run it
        deselect=("tests/test_xss.py",),
        planted=(
            *(
                Planted(_SAFE, f'"{tag}", ', "", f"{tag} no longer dropped with its content")
                # not embed: a void element, html5ever gives it no content to keep or drop
                for tag in ("iframe", "object")
            ),
            # The cleaners are built at import, out of mutmut's reach: their arguments here.
            Planted(
                _SAFE,
                "clean_content_tags=set(NOT_TEXT - set(allowed)),",
                "clean_content_tags=set(),",
                "script, style, svg… kept as text instead of dropped with their content",
            ),
            Planted(
                _SAFE,
                "url_schemes=set(URL_SCHEMES),",
                'url_schemes=set(URL_SCHEMES) | {"javascript", "data"},',
                "javascript: and data: URLs allowed",
            ),
            Planted(_SAFE, "strip_comments=True,", "strip_comments=False,", "comments kept"),
            Planted(
                _SAFE,
                'attributes["*"] = set(generic)',
                'attributes["*"] = set(generic) | {"onclick", "style"}',
                "an event handler and inline style allowed on every element",
            ),
            Planted(
                _SAFE,
                "tag_attribute_values=values,",
                "tag_attribute_values=None,",
                "any rel on a head link (preload, import)",
            ),
            Planted(
                _SAFE,
                "generic = GLOBAL_ATTRS | ({SLOT_ATTR} if slots else frozenset())",
                "generic = GLOBAL_ATTRS | {SLOT_ATTR}",
                "template slots kept on published pages",
            ),
        ),
    ),
}


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


def _nice(cmd: list[str]) -> list[str]:
    return ["nice", "-n", "10", *cmd] if shutil.which("nice") else cmd


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
        _nice([sys.executable, "-m", "mutmut", "run", "--max-children", str(jobs)]),
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
_SELECTION = "mutation-selection.json"
#: Verdicts of ``again`` in a kept tree, by mutant; newer than mutmut's for those mutants.
_AGAIN = "mutation-again.json"


def _selection(module: Module, tree: Path) -> list[str]:
    return _first_run(tree).get("tests", list(module.tests))


def _first_run(tree: Path) -> dict:
    """The tests a kept tree's first run gave mutmut, and their digest then."""
    path = tree / _SELECTION
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def _tests_digest(module: Module, tree: Path) -> str:
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
    digest = _tests_digest(module, tree)
    kept = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    verdicts: dict[str, str] = kept.get("verdicts", {}) if kept.get("tests") == digest else {}
    work = tree / "mutants"
    shutil.copytree(tree / "tests", work / "tests", dirs_exist_ok=True)
    env = {**env, "PYTHONPATH": str(work / "src"), "MUTANT_UNDER_TEST": ""}
    args = [*PYTEST, "-p", _PLUGIN, *module.tests]
    args += [arg for test in module.deselect for arg in ("--deselect", test)]

    def fails(name: str, limit: float | None = None) -> bool:
        run = {**env, "MUTANT_UNDER_TEST": name}
        done = subprocess.run(_nice(args), cwd=work, env=run, capture_output=True, timeout=limit)
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


def _rule_blocks(text: str) -> Iterator[tuple[int, int, str]]:
    """Start, end and name of every ``[[rule]]`` block of a rule file."""
    starts = [m.start() for m in re.finditer(r"^\[\[rule\]\]", text, re.M)]
    for i, start in enumerate(starts):
        nxt = re.compile(r"^\[", re.M).search(text, start + 8)
        end = nxt.start() if nxt else len(text)
        end = min(end, starts[i + 1]) if i + 1 < len(starts) else end
        name = re.search(r'^name = "([^"]*)"', text[start:end], re.M)
        yield start, end, name[1] if name else "?"


def data_mutants(skip: Iterable[str] = ()) -> list[Planted]:
    """One mutant per segmentation rule (but those in ``skip``): the rule removed from its file."""
    out = []
    for path in sorted((ROOT / PKG / "data" / "segment").glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        rel = str(path.relative_to(ROOT))
        for start, end, name in _rule_blocks(text):
            if name in skip:
                continue
            out.append(Planted(rel, text[start:end], "", f"rule {name!r} removed from {path.name}"))
    return out


def _applies(tree: Path, mutant: Planted) -> int:
    """How many times the mutant's ``old`` text occurs in its file (it must be exactly once)."""
    return (tree / mutant.path).read_text(encoding="utf-8").count(mutant.old)


def run_planted(module: Module, tree: Path, planted: list[Planted]) -> list[tuple[Planted, bool]]:
    """Apply each mutant alone to the copy, run the module's tests: killed when they fail."""
    results = []
    for mutant in planted:
        target = tree / mutant.path
        original = target.read_text(encoding="utf-8")
        if original.count(mutant.old) != 1:
            raise SystemExit(f"{mutant.path}: planted mutant no longer applies: {mutant.why}")
        target.write_text(original.replace(mutant.old, mutant.new), encoding="utf-8")
        try:
            proc = subprocess.run(
                _nice([*PYTEST, *module.tests]),
                cwd=tree,
                capture_output=True,
                check=False,
            )
        finally:
            target.write_text(original, encoding="utf-8")
        results.append((mutant, proc.returncode != 0))
    return results


def restricted(module: Module, only: list[str]) -> Module:
    """The module with only the sources named in ``only`` (a path or its end, ``names.py``).

    Why: a module of many files takes long; while closing one file's survivors, only its mutants
    (mutmut's and the planted ones) need to run.
    """
    unmatched = [o for o in only if not any(s == o or s.endswith("/" + o) for s in module.sources)]
    if unmatched:
        raise SystemExit(f"--only: not a source of the module: {', '.join(unmatched)}")
    sources = tuple(s for s in module.sources if any(s == o or s.endswith("/" + o) for o in only))
    planted = tuple(p for p in module.planted if p.path in sources)
    return replace(module, sources=sources, planted=planted, rule_data=False)


#: decorators that ``--decorated`` applies after the definition in the copy, so that mutmut
#: (which leaves every decorated function alone) mutates the function: QA's registered checks
#: and memoised helpers, and functions cached with ``lru_cache`` (wrapping tables, rule sets)
UNWRAPPED = frozenset({"check", "memo", "lru_cache"})


def undecorate(path: Path) -> int:
    """Rewrite each top-level function of ``path`` under decorators of ``UNWRAPPED`` only as a
    plain function followed by ``name = decorator(...)(name)``; the number rewritten.

    Why: mutmut does not mutate a decorated function, and a QA check is registered by one, so
    without this the score of ``qa/checks`` measures its helpers and not one check's body."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    found = [
        node
        for node in ast.parse(text).body
        if isinstance(node, ast.FunctionDef)
        and node.decorator_list
        and all(
            isinstance(d, ast.Call) and isinstance(d.func, ast.Name) and d.func.id in UNWRAPPED
            for d in node.decorator_list
        )
    ]
    for node in reversed(found):
        wrapped = node.name
        for decorator in reversed(node.decorator_list):
            wrapped = f"{ast.get_source_segment(text, decorator)}({wrapped})"
        first, start = node.decorator_list[0].lineno - 1, node.lineno - 1
        lines[first : node.end_lineno] = [
            *lines[start : node.end_lineno],
            f"{node.name} = {wrapped}\n",
        ]
    stamp = path.stat()
    path.write_text("".join(lines), encoding="utf-8")
    # the source's own time: in a kept tree mutmut then sees an unchanged file and resumes
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    return len(found)


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
            stale = [m for m in planted if _applies(tree, m) != 1]
            if stale:  # before mutmut's long run, not after it
                first = stale[0]
                raise SystemExit(f"{first.path}: planted mutant no longer applies: {first.why}")
            if args.keep and not (tree / _SELECTION).is_file():
                first = {"tests": list(module.tests), "digest": _tests_digest(module, tree)}
                (tree / _SELECTION).write_text(json.dumps(first), encoding="utf-8")
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
