"""docs/weblate.md describes this repository's layout: its file mask, template and discovery
pattern find exactly the catalogs pressflow writes, and nothing in .attic/ or templates/."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from pressflow.config import load_config

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "weblate.md").read_text(encoding="utf-8")


def setting(name: str) -> str:
    """The first table cell's value for ``name`` (code in backticks, table pipes unescaped)."""
    found = re.search(rf"^\| {re.escape(name)} \| `(.+?)` \|", DOC, re.MULTILINE)
    assert found, f"docs/weblate.md has no '{name}' row"
    return found.group(1).replace("\\|", "|")


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    """The repository's layout, with a pruned catalog in .attic/ as update --prune leaves it."""
    root = tmp_path / "newsroom"
    for name in ("releases", "translations"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "pressflow.toml", root / "pressflow.toml")
    for folder, suffix in (("templates", ".pot"), ("ru", ".po"), ("en", ".po")):
        attic = root / "translations" / folder / ".attic"  # an earlier release with a slug
        attic.mkdir()  # used again: its catalogs were pruned, the new one's are live
        for slug in slugs(root):
            (attic / f"{slug}{suffix}").write_text("", encoding="utf-8")
    return root


def slugs(root: Path) -> list[str]:
    return sorted(p.stem for p in (root / "releases").iterdir())


def test_file_mask_and_template_match_the_layout(newsroom: Path) -> None:
    config = load_config(newsroom)
    mask, template = setting("File mask"), setting("Template for new translations")
    assert slugs(newsroom)
    for slug in slugs(newsroom):
        globbed = newsroom.glob(mask.replace("<slug>", slug))
        matched = {p.relative_to(newsroom).as_posix() for p in globbed}
        expected = {config.rel(config.po_path(lang, slug)) for lang in config.target_langs}
        assert matched == expected
        path = template.replace("<slug>", slug)
        assert path == config.rel(config.pot_path(slug)) and (newsroom / path).is_file()


def test_language_filter_takes_the_target_languages_only() -> None:
    config = load_config(ROOT)
    language = re.compile(setting("Language filter"))
    assert all(language.fullmatch(lang) for lang in config.target_langs)
    assert not any(language.fullmatch(name) for name in ("templates", ".attic", config.source_lang))


def test_discovery_pattern_finds_each_catalog_and_nothing_else(newsroom: Path) -> None:
    config = load_config(newsroom)
    pattern = re.compile(setting("Regular expression to match translation files"))
    base = setting("Define the base file for new translations")
    found = set()
    for path in sorted((newsroom / "translations").rglob("*")):
        match = pattern.fullmatch(path.relative_to(newsroom).as_posix())
        if match:
            found.add((match["language"], match["component"]))
            pot = base.replace("{{ component }}", match["component"])
            assert (newsroom / pot).is_file()
    expected = {(lang, slug) for slug in slugs(newsroom) for lang in config.target_langs}
    assert found == expected  # not the .attic/ catalogs, not the templates
