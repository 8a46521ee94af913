"""Frames, plugins, a ``<base>`` and a ``<meta http-equiv=refresh>`` never reach a page, from
whichever HTML a newsroom hands pressflow: an HTML release, raw HTML in Markdown, or a template.

Each can run or load foreign content without a ``<script>`` (an iframe of another site, a plugin,
a base that re-targets every relative link, a redirect), so each is checked on its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pressflow.errors import TemplateError
from pressflow.readers import read_release
from pressflow.render import ReleaseText, build_site
from pressflow.segment import segment_release
from test_render_support import TEMPLATE, config, hand_text, page

EMBEDS = {
    "iframe": '<iframe src="https://evil.example/frame"></iframe>',
    "object": '<object data="https://evil.example/x.swf" type="application/x-shockwave-flash">'
    "</object>",
    "embed": '<embed src="https://evil.example/x.swf">',
    "base": '<base href="https://evil.example/">',
    "meta refresh": '<meta http-equiv="refresh" content="0; url=https://evil.example/">',
}


def _published(out: Path) -> list[Path]:
    pages = sorted(out.rglob("*.html"))
    assert pages
    return pages


def _assert_absent(out: Path) -> None:
    for path in _published(out):
        raw = path.read_text(encoding="utf-8")
        assert "evil.example" not in raw, path
        root = page(path)
        assert not root.xpath("//iframe | //object | //embed | //base | //frame | //applet")
        assert not root.xpath("//meta[translate(@http-equiv, 'REFSH', 'refsh')='refresh']")


def _text_of(path: Path) -> ReleaseText:
    release = read_release(path, rel_path=f"releases/{path.name}")
    segments = segment_release(release)
    tables = {lang: {s.text: s.text for s in segments} for lang in ("ru", "en")}
    return ReleaseText(release, segments, tables, {"ru": 100.0, "en": 100.0})


@pytest.mark.parametrize("kind", list(EMBEDS))
def test_never_published_from_an_html_release(tmp_path: Path, kind: str) -> None:
    head = EMBEDS[kind] if kind in ("base", "meta refresh") else ""
    body = "" if head else EMBEDS[kind]
    source = tmp_path / "forum.html"
    source.write_text(
        f"<!DOCTYPE html><html lang='ky'><head><meta charset='utf-8'>{head}"
        "<title>Форум өттү</title></head><body><h1>Форум өттү</h1>"
        f"<p>Форумга жүз адам катышты.</p>{body}<p>Форум эртең да уланат.</p></body></html>",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    build_site(config(tmp_path), [_text_of(source)], out=out)
    _assert_absent(out)
    assert "Форум эртең да уланат." in (out / "ky" / "forum.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", list(EMBEDS))
def test_never_published_from_raw_html_in_markdown(tmp_path: Path, kind: str) -> None:
    source = tmp_path / "forum.md"
    source.write_text(
        "---\ntitle: Форум өттү\ndate: 2018-07-03\n---\n\nФорумга жүз адам катышты.\n\n"
        f"{EMBEDS[kind]}\n\nФорум эртең да уланат.\n",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    build_site(config(tmp_path), [_text_of(source)], out=out)
    _assert_absent(out)
    assert "Форум эртең да уланат." in (out / "ky" / "forum.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", list(EMBEDS))
def test_never_published_from_a_template(tmp_path: Path, kind: str) -> None:
    """Refused with the file and line, or dropped: either way no page carries it."""
    where = "</head>" if kind in ("base", "meta refresh") else "<main>"
    text = TEMPLATE.replace(
        where, f"{EMBEDS[kind]}{where}" if where == "</head>" else where + EMBEDS[kind]
    )
    assert text != TEMPLATE
    (tmp_path / "page.html").write_text(text, encoding="utf-8")
    out = tmp_path / "site"
    try:
        build_site(config(tmp_path, template="page.html"), [hand_text()], out=out)
    except TemplateError as error:
        assert error.path == "page.html" and error.line
        assert not out.exists() or not list(out.rglob("*.html"))
        return
    _assert_absent(out)
