"""The release corpus (tests/data/releases): real press-office structures, end to end.

Each release's structure (headline, dateline, units, roles, problems) matches its golden file;
the whole set is updated, built and checked as a newsroom would: no letterless unit in any
catalog, no empty element on any page, a note for every placeholder, msgcat-identical files.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest

from pressflow import pipeline
from pressflow.config import load_config
from pressflow.po import catalog
from pressflow.render.body import KEEP_EMPTY
from release_structure import CORPUS, GOLDEN, structure_of

SRC = Path(__file__).resolve().parents[1] / "src"
RELEASES = sorted(CORPUS.iterdir())
needs_gettext = pytest.mark.skipif(
    shutil.which("msgcat") is None and not os.environ.get("CI"), reason="gettext not installed"
)
_LETTER = re.compile(r"[^\W\d_]")
_PLACEHOLDER = re.compile(r"<(\d+)/>|<(\d+)>")


def test_the_corpus_covers_every_format_and_structure() -> None:
    names = [p.name for p in RELEASES]
    assert len(names) >= 60
    assert {p.suffix for p in RELEASES} == {".txt", ".md", ".html"}
    for topic in ("no-headline", "date-", "dateline-", "weekday-", "two-digit", "impossible",
                  "contact-", "credit-", "byline-", "share-", "hashtags", "copyright",
                  "related-", "table", "bare-url"):  # fmt: skip
        assert any(topic in n for n in names), topic


@pytest.mark.parametrize("path", RELEASES, ids=[p.name for p in RELEASES])
def test_release_structure_matches_its_golden_file(path: Path) -> None:
    expected = json.loads((GOLDEN / f"{path.name}.json").read_text(encoding="utf-8"))
    assert structure_of(path) == expected


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The corpus as a project: updated through the CLI (its output kept), then built."""
    root = tmp_path_factory.mktemp("newsroom")
    (root / "pressflow.toml").write_text('[project]\nname = "corpus"\n', encoding="utf-8")
    shutil.copytree(CORPUS, root / "releases")
    env = {**os.environ, "PYTHONPATH": str(SRC), "SOURCE_DATE_EPOCH": "1615507200"}
    done = subprocess.run(
        [sys.executable, "-m", "pressflow", "-C", str(root), "update"],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    pipeline.build(load_config(root), allow_partial=True)
    return root, done.stdout + done.stderr


def test_headline_less_release_warned_once_and_its_h1_is_one_sentence(newsroom) -> None:
    root, output = newsroom
    warnings = [line for line in output.splitlines() if "[headline]" in line]
    assert sorted(w.split(": ")[0] for w in warnings) == [
        "releases/no-headline-dated.txt:2",
        "releases/no-headline-long-sentence.txt:1",
        "releases/no-headline.txt:1",
    ]
    for lang in ("ky", "ru", "en"):
        page = lxml.html.parse(str(root / "site" / lang / "no-headline.html")).getroot()
        (h1,) = page.iter("h1")
        text = h1.text_content().strip()
        assert text and text[-1] in ".!?…»”“" and not re.search(r"[.!?…]\s+\S", text[:-1])
        title = page.find(".//title").text
        if lang == "ky":
            assert title.startswith(text)
        else:  # a fallback page: the Kyrgyz h1 is marked, the <title> says "not yet translated"
            assert title.startswith(text) or "ky" in h1.xpath(
                ".//@lang | ancestor-or-self::*/@lang"
            )


def test_no_letterless_unit_in_any_catalog(newsroom) -> None:
    root, _ = newsroom
    files = sorted((root / "translations").rglob("*.po*"))
    assert len(files) == 3 * len(RELEASES)
    for path in files:
        for entry in catalog.read_po(path):
            plain = re.sub(r"</?\d+/?>|\S+@\S+|https?://\S+|www\.\S+", " ", entry.msgid)
            assert _LETTER.search(plain), (path.name, entry.msgid)


def test_no_empty_element_on_any_built_page(newsroom) -> None:
    root, _ = newsroom
    pages = sorted((root / "site").rglob("*.html"))
    assert len(pages) >= 3 * len(RELEASES)
    for page in pages:
        tree = lxml.html.parse(str(page)).getroot()
        for node in tree.iter():
            if not isinstance(node.tag, str) or node.tag in KEEP_EMPTY:
                continue
            assert len(node) or (node.text or "").strip(), (page.name, lxml.html.tostring(node))


def test_every_placeholder_entry_has_a_note_for_each_placeholder(newsroom) -> None:
    root, _ = newsroom
    seen = 0
    for path in sorted((root / "translations").rglob("*.po*")):
        for entry in catalog.read_po(path):
            numbers = {int(a or b) for a, b in _PLACEHOLDER.findall(entry.msgid)}
            for n in numbers:
                seen += 1
                assert re.search(rf"^<{n}(?:/>|>…</{n}>): \S", entry.comment, re.M), entry
    assert seen >= 6
    pot = (root / "translations" / "templates" / "md-link-code.pot").read_text("utf-8")
    assert "#. <1>…</1>: link to https://www.gov.kg/ky/npa/123\n" in pot
    assert "#. <2/>: 38\n" in pot
    po = (root / "translations" / "ru" / "md-link-code.po").read_text("utf-8")
    for note in ("#. <1>…</1>: link to https://www.gov.kg/ky/npa/123\n", "#. <2/>: 38\n"):
        assert note in po  # the same wording in the template and the translator's catalog


@needs_gettext
def test_msgcat_leaves_every_catalog_byte_identical(newsroom) -> None:
    root, _ = newsroom
    for path in sorted((root / "translations").rglob("*.po*")):
        out = subprocess.run(["msgcat", str(path)], capture_output=True, check=True).stdout
        assert out == path.read_bytes(), path


def test_a_release_whose_only_untranslated_units_were_letterless_passes_the_gate(
    tmp_path: Path,
) -> None:
    # the stand-in translation is the source copied: its own check is off, nothing else
    toml = '[project]\nname = "t"\n[check]\ndisable = ["untranslated-text"]\n'
    (tmp_path / "pressflow.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "releases").mkdir()
    for name in ("table-cells.txt", "bare-url.txt", "md-table.md", "html-table.html"):
        shutil.copy(CORPUS / name, tmp_path / "releases" / name)
    config = load_config(tmp_path)
    pipeline.update(config)
    for path in sorted((tmp_path / "translations").glob("*/*.po")):
        po = catalog.read_po(path)
        for entry in po:
            entry.msgstr = entry.msgid  # a reviewed translation of every unit it has
        catalog.write_po(po, path)
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run(
        [sys.executable, "-m", "pressflow", "-C", str(tmp_path), "check", "--min-translated",
         "100"],
        capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_source_problems_are_reported_once_per_release_not_per_language(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    for name in ("pressflow.toml", "glossary.tsv"):
        shutil.copy(root / name, tmp_path / name)
    for folder in ("releases", "translations"):
        shutil.copytree(root / folder, tmp_path / folder)
    result = pipeline.check(load_config(tmp_path))
    foreign = [p for p in result.problems if p.check == "foreign-text"]
    assert len(foreign) == 1, foreign  # the sample's scraped English tail, said once


def test_removed_scripts_and_embeds_are_warned_once_with_element_and_line(newsroom) -> None:
    _, output = newsroom
    lines = [line for line in output.splitlines() if "[removed-embed]" in line]
    assert lines == [
        "releases/html-scripts-embeds.html:11: warning: source problem: <script "
        "src='https://www.googletagmanager.com/gtag/js'> is removed from the published pages "
        "[removed-embed]",
        "releases/html-scripts-embeds.html:12: warning: source problem: <iframe "
        "src='https://www.youtube.com/embed/abc'> is removed from the published pages "
        "[removed-embed]",
    ]
