"""The layering the README promises: a module imports only from its own layer or the ones below,
and no two modules import each other, however indirectly.

A new module must be placed in LAYERS; the failure says so rather than guessing its layer.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "pressflow"

# Lowest first. A module belongs to the longest entry that prefixes its dotted name.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("errors", "charclass", "model", "slugs", "projectfile", "regex_shape", "tomllines"),
    ("snapshots", "durable"),  # a file as read, and made durable: below the writer
    ("files", "cache", "locales", "similarity", "glossary", "translit", "cores"),
    ("confine", "answers"),  # kept answers of whole commands, on the cache's file stats
    ("configschema", "config"),
    ("readers", "segment_rules", "segment_lines", "segment_protect", "segment_plan"),
    ("segment", "structure"),
    ("po",),
    ("po.template",),  # above catalog.py, whose reading and writing it uses
    ("mt", "qa", "render"),
    ("parallel", "pool", "results", "progress", "lock", "draft", "terminal", "incremental"),
    ("pipeline",),
    ("cli",),
    ("entry", "__main__"),
)


def module_name(path: Path) -> str:
    parts = ("pressflow", *path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """pressflow modules that ``path`` imports, at any depth in the file (lazy imports count)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("pressflow"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            elif node.module and node.module.startswith("pressflow"):
                target = node.module
            else:
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in known else target)
    found.discard(name)
    return found


def layer_of(name: str) -> int | None:
    rel = name.removeprefix("pressflow").lstrip(".")
    best: tuple[int, int] | None = None
    for rank, entries in enumerate(LAYERS):
        for entry in entries:
            matches = rel == entry or rel.startswith(entry + ".")
            if matches and (best is None or len(entry) > best[1]):
                best = (rank, len(entry))
    return None if best is None else best[0]


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports_of(name, path, known) for name, path in known.items()}


def test_every_module_has_a_layer() -> None:
    unplaced = [name for name in modules() if name != "pressflow" and layer_of(name) is None]
    assert not unplaced, f"place these modules in tests/test_architecture.py LAYERS: {unplaced}"


def test_no_module_imports_from_a_layer_above_its_own() -> None:
    upward = []
    for name, targets in graph().items():
        own = layer_of(name)
        for target in targets:
            theirs = layer_of(target)
            if own is not None and theirs is not None and theirs > own:
                upward.append(f"{name} -> {target}")
    assert upward == []


def test_no_import_cycles() -> None:
    edges = graph()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(edges.get(node, ())):
            # A package's __init__ re-exporting its own submodules is not a cycle through them.
            if nxt.startswith(node + "."):
                continue
            if state.get(nxt) == 1:
                cycles.append([*trail[trail.index(nxt) :], nxt] if nxt in trail else [node, nxt])
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = 2

    for start in sorted(edges):
        if start not in state:
            visit(start, [start])
    assert cycles == []


def test_the_checker_sees_an_upward_import(tmp_path: Path) -> None:
    """The walk resolves relative imports: a planted upward one is found."""
    fake = tmp_path / "pressflow" / "po"
    fake.mkdir(parents=True)
    (fake / "x.py").write_text("from ..pipeline import run\nfrom . import catalog\n")
    known = {"pressflow.po.x": fake / "x.py", "pressflow.po.catalog": fake / "catalog.py"}
    found = imports_of("pressflow.po.x", fake / "x.py", known)
    assert found == {"pressflow.pipeline", "pressflow.po.catalog"}
    assert layer_of("pressflow.pipeline") > layer_of("pressflow.po.x")
