"""Hostile and careless inputs, one parametrized corpus: bad releases, bad catalogs, injections,
path tricks and faults. For each case: the exit code, one line ``pressflow: error: file:line:
…`` (no line for a path that is refused whole), no traceback, and every file of the newsroom
byte-identical afterwards (the tree is hashed before and after)."""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.test_cli_e2e import pressflow
from tests.test_safety import MD, newsroom, translate

Mutation = Callable[[Path], None]


@dataclass(frozen=True)
class Case:
    name: str
    mutate: Mutation
    where: str  # "file:line" (or "file") the one-line message starts with
    commands: tuple[tuple[str, ...], ...] = (("update",),)
    code: int = 2


def put(rel: str, data: str | bytes) -> Mutation:
    def mutate(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)

    return mutate


def edit(rel: str, change: Callable[[str], str]) -> Mutation:
    def mutate(root: Path) -> None:
        path = root / rel
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")

    return mutate


def link(rel: str, target: str) -> Mutation:
    def mutate(root: Path) -> None:
        outside = root.parent / target
        outside.write_text("Сыр\n\nБул текст жарыяланбашы керек.\n", encoding="utf-8")
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).unlink(missing_ok=True)
        (root / rel).symlink_to(outside)

    return mutate


def state_file(root: Path) -> None:
    """pressflow's state folder replaced by a file (a careless ``git checkout``)."""
    shutil.rmtree(root / ".pressflow")
    (root / ".pressflow").write_text("x", encoding="utf-8")


def deep(depth: int) -> str:
    return "<html><body><h1>Аты</h1>\n" + "<div>" * depth + "<p>Текст.</p>" + "</div>" * depth


def front(body: str) -> str:
    return f"---\n{body}\n---\nТекст бар.\n"


RELEASES = (("update",), ("build",), ("check",))
PO = "translations/ru/good.po"

CASES = [
    # bad releases
    Case("empty", put("releases/bad.txt", ""), "releases/bad.txt:1", RELEASES),
    Case("blank", put("releases/bad.txt", "  \n\n \n"), "releases/bad.txt:1"),
    Case("nul-byte", put("releases/bad.txt", "Аты\n\nТекст\x00 бар.\n"), "releases/bad.txt:3"),
    Case("utf-16", put("releases/bad.txt", "Аты\n".encode("utf-16")), "releases/bad.txt:1"),
    Case("latin-1", put("releases/bad.txt", b"Title\n\nCaf\xe9\n"), "releases/bad.txt:3"),
    Case(
        "terminal-escape",
        put("releases/bad.txt", "Аты\n\n\x1b]0;PWNED\x07Текст.\n"),
        "releases/bad.txt:3",
        RELEASES,
    ),
    Case("form-feed", put("releases/bad.txt", "Аты\n\nТекст\x0c.\n"), "releases/bad.txt:3"),
    Case("unclosed-front-matter", put("releases/bad.md", "---\ntitle: x\n"), "releases/bad.md:1"),
    Case("bad-yaml", put("releases/bad.md", front("title: [x")), "releases/bad.md:2"),
    Case(
        "bad-date",
        put("releases/bad.md", front("title: Аты\ndate: 2020-13-45")),
        "releases/bad.md:3",
    ),
    Case(
        "bad-tags", put("releases/bad.md", front("title: Аты\ntags: {a: 1}")), "releases/bad.md:3"
    ),
    Case("html-too-deep", put("releases/bad.html", deep(600)), "releases/bad.html:2", RELEASES),
    Case("html-without-text", put("releases/bad.html", "<p> </p>"), "releases/bad.html:1"),
    # slugs
    Case(
        "reserved-file-name", put("releases/index.txt", "Аты\n\nТекст.\n"), "releases/index.txt:1"
    ),
    Case("feed-file-name", put("releases/rss.txt", "Аты\n\nТекст.\n"), "releases/rss.txt:1"),
    Case(
        "upper-case-name",
        put("releases/Bad_Name.txt", "Аты\n\nТекст.\n"),
        "releases/Bad_Name.txt:1",
    ),
    Case("reserved-slug", put("releases/bad.md", MD.format(slug="sitemap")), "releases/bad.md:3"),
    Case("traversal-slug", put("releases/bad.md", MD.format(slug="../../x")), "releases/bad.md:3"),
    Case("long-slug", put("releases/bad.md", MD.format(slug="a" * 200)), "releases/bad.md:3"),
    Case(
        "slug-collision",
        put("releases/other.md", MD.format(slug="good")),
        "releases/other.md:3",
        (("update",), ("build",), ("extract",)),
    ),
    Case(
        "escape-in-file-name",
        put("releases/a\x1b[2J.txt", "Аты\n\nТекст.\n"),
        "releases/a\\u001b[2J.txt:1",
    ),
    # bad catalogs
    Case("po-syntax", edit(PO, lambda t: t + "\nmsgid garbage\n"), f"{PO}:", RELEASES),
    Case(
        "po-language",
        edit(PO, lambda t: t.replace('"Language: ru\\n"', '"Language: de\\n"')),
        f"{PO}:",
        (("update",),),
    ),
    Case("po-not-utf8", put(PO, b'msgid ""\nmsgstr "\xff"\n'), f"{PO}:"),
    Case(
        "po-duplicate",
        edit(PO, lambda t: t + '\nmsgid "Аты"\nmsgstr "x"\n\nmsgid "Аты"\nmsgstr "y"\n'),
        f"{PO}:",
        RELEASES,
    ),
    # paths and faults
    Case("release-outside", link("releases/leak.txt", "secret.txt"), "releases/leak.txt", RELEASES),
    Case(
        "catalog-outside",
        link(PO, "other.po"),
        PO,
        (("update",), ("check",), ("build",), ("prefill",), ("prefill", "--dry-run")),
    ),
    Case("state-folder-is-a-file", state_file, ".pressflow/lock", (("update",), ("build",))),
]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A newsroom with two releases and their catalogs, the Russian one translated."""
    root = newsroom(tmp_path_factory.mktemp("hostile") / "newsroom")
    (root / "releases" / "good.txt").write_text(
        "Аты\n\nБишкекте форум өттү. Ага көп адам келди.\n", encoding="utf-8"
    )
    (root / "releases" / "second.md").write_text(MD.format(slug="second-news"), encoding="utf-8")
    done = pressflow(root, "update")
    assert done.returncode == 0, done.stderr
    translate(root / PO, "ru")
    return root


def tree(root: Path) -> dict[str, str]:
    """Every file (links as their target's name) by its hash, the lock aside."""
    found = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith(".pressflow/lock"):
            continue
        if path.is_symlink():
            found[rel] = "-> " + str(path.readlink())
        elif path.is_file():
            found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input(case: Case, template: Path, tmp_path: Path) -> None:
    root = tmp_path / "newsroom"
    shutil.copytree(template, root, symlinks=True)
    case.mutate(root)
    before = tree(root)
    for command in case.commands:
        done = pressflow(root, *command)
        assert done.returncode == case.code, (command, done.stderr)
        assert "Traceback" not in done.stderr + done.stdout
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1, (command, done.stderr)
        assert lines[0].startswith(f"pressflow: error: {case.where}"), (command, lines[0])
        if case.where.endswith(":"):  # a catalog: the line number is the parser's
            assert re.match(rf"pressflow: error: {re.escape(case.where)}\d+: \S", lines[0])
        assert "\x1b" not in done.stderr
        assert tree(root) == before, command
