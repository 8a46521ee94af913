"""Mutants mutmut does not make: planted by hand, one per segmentation rule removed, and the
copy's decorated functions unwrapped so that mutmut mutates them; ``--only`` narrows a module.

Why apart from ``mutation_mutmut``: these edit the copy's files directly and run the module's
tests once per mutant, with no help from mutmut.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from mutation_modules import PKG, PYTEST, ROOT, Module, Planted, nice


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


def applies(tree: Path, mutant: Planted) -> int:
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
                nice([*PYTEST, *module.tests]),
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
