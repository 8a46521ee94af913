"""Safe by construction: text from catalogs, releases, front matter and config is text; links
keep only http, https, mailto and relative targets; the only script is JSON-LD."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressflow.model import Block, Inline, Segment
from pressflow.readers import read_release
from pressflow.render import ReleaseText, build_site
from pressflow.render.inline import Piece, fill, plain_text
from pressflow.render.sanitize import clean_html, json_ld, safe_url
from pressflow.segment import segment_release
from test_render_support import EN, RU, TEMPLATE, config, hand_text, page

PAYLOADS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</script><script>alert(2)</script>",
    '<a href="javascript:alert(3)">click</a>',
    "<!--<script>",
)
UNIT = "Форумга жүз адам катышты."
#: Attributes whose value a browser follows or loads as a URL.
URL_ATTRS = frozenset({"href", "src", "action", "formaction", "cite", "poster", "background"})


def assert_inert(path: Path) -> lxml.html.HtmlElement:
    """No live markup from payloads: one script (JSON-LD), no img, no handlers, no js: URLs."""
    raw = path.read_text(encoding="utf-8")
    root = lxml.html.fromstring(raw)
    scripts = root.xpath("//script")
    assert all(s.get("type") == "application/ld+json" for s in scripts)
    assert raw.count("</script>") == len(scripts)
    for script in scripts:
        json.loads(script.text)
    assert not root.xpath("//img[@src='x'] | //*[@onerror] | //*[@onclick] | //iframe")
    for el in root.iter():
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on")
            if name.lower() in URL_ATTRS:
                assert safe_url(value) is not None, (name, value)
    return root


@pytest.mark.parametrize("payload", PAYLOADS)
def test_msgstr_payload_appears_as_text(tmp_path: Path, payload: str) -> None:
    out = tmp_path / "site"
    text = hand_text(ru={**RU, UNIT: f"Сто {payload} человек.", "Форум өттү": payload})
    build_site(config(tmp_path), [text], out=out)
    root = assert_inert(out / "ru" / "forum.html")
    article = root.xpath("//article")[0].text_content()
    assert f"Сто {payload} человек." in article
    assert root.findtext(".//h1") == payload
    assert root.findtext(".//title").startswith(payload)
    data = json.loads(root.xpath("//script")[0].text)
    assert data["headline"] == payload
    assert_inert(out / "ru" / "index.html")
    assert payload in page(out / "ru" / "index.html").text_content()


def test_json_ld_cannot_end_its_script() -> None:
    text = json_ld({"headline": "</script><!--x"})
    assert "</" not in text and "<!--" not in text
    assert json.loads(text) == {"headline": "</script><!--x"}


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.kg/a?b=1&c=2", True),
        ("http://example.kg", True),
        ("mailto:press@example.kg", True),
        ("/ky/events/2025", True),
        ("report.html#part", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("java\tscript:alert(1)", False),
        (" \x01javascript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox(1)", False),
        ("file:///etc/passwd", False),
    ],
)
def test_link_targets(url: str, kept: bool) -> None:
    assert (safe_url(url) is not None) is kept


def test_javascript_link_in_a_release_is_removed(tmp_path: Path) -> None:
    evil = Inline(1, "a", (("href", "javascript:alert(1)"), ("onclick", "alert(2)")))
    good = Inline(2, "a", (("href", "mailto:press@example.kg"),))
    script = Inline(3, "script", (("src", "https://evil.example/x.js"),))
    text = "Бул <1>шилтеме</1> жана <2>почта</2> жана <3>код</3>."
    block = Block(1, "paragraph", text, 2, inlines=(evil, good, script))
    seg = Segment("links", 1, 0, "paragraph", text, 2)
    base = hand_text("links")
    release = replace(base.release, blocks=(base.release.blocks[0], block))
    segments = (base.segments[0], seg)
    ru = {"Форум өттү": "Форум", text: "Эта <1>ссылка</1> и <2>почта</2> и <3>код</3>."}
    out = tmp_path / "site"
    build_site(
        config(tmp_path), [ReleaseText(release, segments, {"ru": ru}, {"ru": 100.0})], out=out
    )
    root = assert_inert(out / "ru" / "links.html")
    links = root.xpath("//article//a")
    assert [(a.text, a.get("href")) for a in links] == [
        ("ссылка", None),
        ("почта", "mailto:press@example.kg"),
    ]
    assert "код" in root.xpath("//article")[0].text_content()  # the tag became a plain span
    assert not root.xpath("//script[@src]")


def test_translation_cannot_add_markup_the_source_lacks(tmp_path: Path) -> None:
    out = tmp_path / "site"
    unit = "Кененирээк <1>баяндамада</1>."
    forged = "Подробнее <1>в докладе</1> <2>и тут</2>."
    result = build_site(config(tmp_path), [hand_text(ru={**RU, unit: forged})], out=out)
    root = page(out / "ru" / "forum.html")
    paragraph = root.xpath("//article/p")[-2]
    assert paragraph.xpath(".//a") == []  # malformed: shown as text only
    assert "Подробнее в докладе и тут." in paragraph.text_content()
    assert any("inline markup does not match" in w for w in result.warnings)


def test_front_matter_and_config_values_are_text(tmp_path: Path) -> None:
    source = tmp_path / "evil.md"
    source.write_text(
        "---\n"
        'title: "</script><script>alert(1)</script>"\n'
        "summary: '\"><img src=x onerror=alert(1)>'\n"
        'contact: "<b onmouseover=alert(1)>press</b>"\n'
        "date: 2024-05-14 10:30\n"
        "---\n\n"
        "Бишкекте <b>форум</b> өттү [шилтеме](javascript:alert(1)) жана [сайт](https://gov.kg).\n",
        encoding="utf-8",
    )
    release = read_release(source, rel_path="releases/evil.md")
    segments = segment_release(release)
    ident = {s.text: s.text for s in segments}
    cfg = config(
        tmp_path,
        title="<script>alert('site')</script>",
        publisher='"></script><img src=x onerror=alert(1)>',
        publisher_url="javascript:alert(1)",
    )
    out = tmp_path / "site"
    text = ReleaseText(release, segments, {"ru": ident, "en": ident}, {"ru": 100.0, "en": 100.0})
    build_site(cfg, [text], out=out)
    for path in sorted(out.rglob("*.html")):
        assert_inert(path)
    root = page(out / "ru" / "evil.html")
    assert root.findtext(".//h1") == "</script><script>alert(1)</script>"
    assert root.xpath("//meta[@name='description']/@content") == ['"><img src=x onerror=alert(1)>']
    assert "<b onmouseover=alert(1)>press</b>" in root.findtext(".//p[@class='contact']")
    data = json.loads(root.xpath("//script")[0].text)
    assert data["publisher"] == {"@type": "Organization", "name": cfg.site.publisher}
    assert [a.get("href") for a in root.xpath("//article//a")] == ["https://gov.kg"]


def test_unsafe_base_url_is_ignored_with_a_warning(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = build_site(config(tmp_path, base_url="javascript:alert(1)//"), [hand_text()], out=out)
    assert any("base_url" in w for w in result.warnings)
    assert not (out / "sitemap.xml").exists()
    assert_inert(out / "en" / "forum.html")
    assert EN["Форум өттү"] == page(out / "en" / "forum.html").findtext(".//h1")


_ALPHABET = st.sampled_from([*"ab ы<>/\"'&=;:1 2", "<1>", "</1>", "<2/>", "<3>", "</3>"])


@settings(max_examples=60, deadline=None)
@given(st.lists(_ALPHABET, max_size=30).map("".join), st.booleans())
def test_any_translation_builds_only_known_elements(msgstr: str, fallback: bool) -> None:
    """Whatever a translator types, the published paragraph holds only the source's inline
    elements (or fallback spans), and its visible text is the translation without the
    placeholder tags."""
    inlines = (LINK_INLINE, Inline(2, "img", (("src", "x.png"), ("onerror", "alert(1)")), False))
    paragraph = lxml.html.Element("p")
    fill(paragraph, [Piece(msgstr, fallback=fallback)], inlines, fallback_lang="ky")
    html = clean_html(lxml.html.tostring(paragraph, encoding="unicode"))
    parsed = lxml.html.fragment_fromstring(html)
    allowed = {"p", "a", "img", "span"}
    assert {el.tag for el in parsed.iter()} <= allowed
    assert not parsed.xpath("//*[@onerror] | //span[not(@lang='ky')]")
    assert parsed.text_content() == plain_text([Piece(msgstr)])


LINK_INLINE = Inline(1, "a", (("href", "https://example.kg/"),))


EMBEDS = (
    '<iframe src="https://evil.example/frame"></iframe><object data="https://evil.example/o">'
    '</object><embed src="https://evil.example/e"><base href="https://evil.example/">'
    '<meta http-equiv="refresh" content="0;url=https://evil.example/refresh">'
)


def test_frames_embeds_base_and_refresh_are_dropped_from_every_html_entry_point(
    tmp_path: Path,
) -> None:
    """An HTML release (head and body), raw HTML in Markdown and a template (head and body)
    each holding an iframe, an object, an embed, a base URL and a meta refresh: no page keeps
    any of them, nor the URLs they pointed to."""
    html = (
        f"<!DOCTYPE html>\n<html><head><title>Сынак</title>{EMBEDS}</head>\n<body>\n"
        f"<h1>Сынак</h1>\n<p>Бүгүн Бишкекте форум өттү.</p>\n<div>{EMBEDS}</div>\n</body></html>\n"
    )
    markdown = f"---\ntitle: Сынак\n---\n\nБүгүн Бишкекте форум өттү.\n\n{EMBEDS}\n\nАягы.\n"
    texts = []
    for name, source in (("embeds.html", html), ("embeds-md.md", markdown)):
        (tmp_path / name).write_text(source, encoding="utf-8")
        release = read_release(tmp_path / name, rel_path=f"releases/{name}")
        segments = segment_release(release)
        ident = {s.text: s.text for s in segments}
        texts.append(ReleaseText(release, segments, {"ru": ident}, {"ru": 100.0}))
    template = TEMPLATE.replace("</head>", f"{EMBEDS}</head>").replace(
        "</main>", f"</main>{EMBEDS}"
    )
    (tmp_path / "page.html").write_text(template, encoding="utf-8")
    for layout in ("", "page.html"):
        out = tmp_path / f"site{layout}"
        build_site(config(tmp_path, template=layout), texts, out=out)
        for path in sorted(out.rglob("*.html")):
            root = lxml.html.fromstring(path.read_bytes())
            found = root.xpath("//iframe | //object | //embed | //base | //meta[@http-equiv]")
            assert found == [], (path, found)
            assert "evil.example" not in path.read_text(encoding="utf-8"), path
        for name in ("ky/embeds.html", "ru/embeds.html", "ky/embeds-md.html", "ru/embeds-md.html"):
            assert "форум өттү" in page(out / name).text_content()  # the text is published
