"""HTML and Markdown releases rebuild with their own structure (only the text replaced), and a
newsroom's own template keeps its look with pressflow filling the marked slots."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

from pressflow.errors import TemplateError
from pressflow.readers import read_release
from pressflow.readers.html import parse_html
from pressflow.readers.markdown import body_html
from pressflow.render import ReleaseText, build_site
from pressflow.segment import segment_release
from test_render_support import DATA, TEMPLATE, config, fixture_text, hand_text, page

_WS = re.compile(r"[ \t\n\r\f]+")  # as browsers collapse it; U+00A0 is kept


def norm(text: str) -> str:
    return _WS.sub(" ", text).strip(" ")


def shape(root: lxml.html.HtmlElement) -> list[tuple[str, tuple, str]]:
    """Every element in order: tag, attributes, visible text (whitespace collapsed)."""
    return [
        (el.tag, tuple(sorted(el.attrib.items())), norm(el.text_content()))
        for el in root.iter()
        if isinstance(el.tag, str)
    ]


def strip(root: lxml.html.HtmlElement, xpath: str) -> lxml.html.HtmlElement:
    for node in root.xpath(xpath):
        node.drop_tree()
    return root


def test_html_release_identity_rebuild(tmp_path: Path) -> None:
    """Issue 3, must show 4: msgstr = msgid everywhere gives back the source's text, links and
    attributes."""
    out = tmp_path / "site"
    build_site(config(tmp_path), [fixture_text("demo-release.html")], out=out)
    source = parse_html((DATA / "demo-release.html").read_text(encoding="utf-8"))
    strip(source, "//script | //comment()")  # pages ship no scripts (see test_render_safety)
    for lang in ("ky", "ru", "en"):
        built = page(out / lang / "demo-release.html")
        assert built.get("lang") == lang
        strip(built, "//nav[@class='switcher']")
        assert shape(built.find("body")) == shape(source.find("body"))
        assert built.findtext(".//title") == source.findtext(".//title")
        assert built.xpath("//meta[@name='description']/@content") == source.xpath(
            "//meta[@name='description']/@content"
        )
        assert "\u00a0" in built.xpath("//p")[2].text_content()  # the no-break space survives


def test_markdown_release_identity_rebuild(tmp_path: Path) -> None:
    out = tmp_path / "site"
    text = fixture_text("demo-release.md")
    build_site(config(tmp_path), [text], out=out)
    rendered = parse_html(body_html((DATA / "demo-release.md").read_text(encoding="utf-8")))
    expected = shape(strip(rendered, "/html/body/h1[1]").find("body"))[1:]  # without <body>
    for lang in ("ky", "ru", "en"):
        built = page(out / lang / "demo-release.html")
        assert built.findtext(".//h1") == text.release.title
        assert built.xpath("//meta[@name='description']/@content") == [text.release.summary]
        assert built.findtext(".//p[@class='contact']") == text.release.contact
        article = strip(
            built.find(".//article"),
            "h1 | p[@class='date'] | p[@class='contact'] | h2[@class='contacts']",
        )
        assert shape(article)[1:] == expected


def _shout(lang: str, msgid: str) -> str:
    """A stand-in translation that changes the text but keeps every placeholder."""
    return f"{lang.upper()}: " + re.sub(r"[^<>/0-9]+", lambda m: m.group(0).upper(), msgid)


def test_html_release_translated_keeps_structure(tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_site(config(tmp_path), [fixture_text("demo-release.html", translate=_shout)], out=out)
    root = page(out / "ru" / "demo-release.html")
    link = root.xpath("//a[starts-with(@href, 'https://mkk.gov.kg')]")[0]
    assert link.get("href") == "https://mkk.gov.kg/ky/news?id=42&lang=ky"
    assert link.text == "МАДАНИЯТ МИНИСТРЛИГИ"
    assert link.get("title") == "RU: МИНИСТРЛИКТИН САЙТЫ"
    assert root.xpath("//img/@alt") == ["RU: ФОРУМДУН КАТЫШУУЧУЛАРЫ ЗАЛДА"]
    assert root.xpath("//img/@src") == ["/img/forum.jpg"]
    assert root.findtext(".//code") == "info@mkk.gov.kg"  # code is not translated
    assert root.xpath("//span[@translate='no']/text()") == ["Kabar"]
    assert root.xpath("//p[@translate='no']/text()") == ["Copyright © 2024 Kabar"]
    assert root.xpath("//h1/em/text()") == ["ЖАШТАР"]
    assert root.findtext(".//title") == "RU: БИШКЕКТЕ ЖАШТАР ФОРУМУ ӨТТҮ"
    assert root.xpath("//style") and not root.xpath("//script[not(@type)]")


def test_custom_template_keeps_the_look(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(TEMPLATE, encoding="utf-8")
    out = tmp_path / "site"
    build_site(config(tmp_path, template="page.html"), [hand_text()], out=out)
    root = page(out / "ru" / "forum.html")
    assert root.get("lang") == "ru" and root.find("body").get("class") == "newsroom"
    assert root.findtext(".//div[@class='masthead']") == "Ministry of Culture"
    assert root.findtext(".//title") == "Форум прошёл — Пресс-релизы"
    assert root.xpath("//h1/text()") == ["Форум прошёл"]
    (time,) = root.xpath("//p[@class='when']/time")
    assert (time.get("datetime"), time.text) == (
        "2018-07-03T09:29+06:00",
        "3 июля 2018\u202fг., 09:29",
    )
    story = root.xpath("//div[@class='story']")[0]
    assert "sample" not in story.text_content() and story.xpath(".//a[@href]")
    nav = root.xpath("//nav[@class='langs']")[0]
    assert sorted(nav.xpath(".//a/@hreflang")) == ["en", "ky", "ru"]
    assert sorted(root.xpath("//head/link[@rel='alternate']/@hreflang")) == [
        "en",
        "ky",
        "ru",
        "x-default",
    ]
    assert not root.xpath("//*[@data-pressflow]")
    assert root.xpath("//meta[@name='description']/@content") == ["Сегодня в Бишкеке прошёл форум."]
    assert root.xpath("//link[@rel='stylesheet']/@href") == ["/assets/newsroom.css"]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (TEMPLATE.replace('"switcher"', '"sidebar"'), 12, "unknown slot"),
        (TEMPLATE.replace('data-pressflow="body"', ""), 1, "no data-pressflow"),
        (TEMPLATE.replace("</main>", '</main><div data-pressflow="title"></div>'), 17, "repeated"),
        (TEMPLATE.replace("<main>", "<main><script>alert(1)</script>"), 13, "scripts"),
        (
            TEMPLATE.replace('<meta data-pressflow="alternates">', "").replace(
                '<p class="when">', '<p data-pressflow="alternates">'
            ),
            15,
            "<head>",
        ),
        ("", 1, "empty"),
        (TEMPLATE.replace("<title>placeholder", '<title data-pressflow="title">'), 5, "<title>"),
        (
            TEMPLATE.replace('<h1 data-pressflow="title">Title</h1>', "").replace(
                "<head>", '<head><style data-pressflow="title"></style>'
            ),
            3,
            "on <style>",
        ),
        (TEMPLATE.replace('<div class="story"', '<textarea class="story"'), 16, "<textarea>"),
        (TEMPLATE.replace("<main>", "<main><svg>"), 14, "inside <svg>"),
        (TEMPLATE.replace("<main>", "<main><math>"), 14, "inside <math>"),
        (
            TEMPLATE.replace('<div class="story" data-pressflow="body"><p>sample</p></div>', "")
            .replace("<main>", "<main><noscript>")
            .replace("</main>", '<div data-pressflow="body"></div></noscript></main>'),
            14,
            "inside <noscript>",
        ),
        (TEMPLATE.replace('<div class="story"', '<marquee class="story"'), 16, "may not hold"),
    ],
)
def test_bad_template_is_refused_with_file_and_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    (tmp_path / "page.html").write_text(text, encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        build_site(config(tmp_path, template="page.html"), [hand_text()], out=tmp_path / "s")
    error = caught.value
    assert (error.path, error.line) == ("page.html", line)
    assert message in error.message and "\n" not in str(error)


def test_missing_or_binary_template(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="cannot read"):
        build_site(config(tmp_path, template="nope.html"), [hand_text()], out=tmp_path / "s")
    (tmp_path / "bin.html").write_bytes(b"<html>\n\xff\xfe</html>")
    with pytest.raises(TemplateError, match="UTF-8") as caught:
        build_site(config(tmp_path, template="bin.html"), [hand_text()], out=tmp_path / "s")
    assert caught.value.line == 2


def test_template_applies_to_indexes_and_root(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(TEMPLATE, encoding="utf-8")
    out = tmp_path / "site"
    build_site(config(tmp_path, template="page.html"), [hand_text()], out=out)
    for name in ("index.html", "ru/index.html"):
        root = page(out / name)
        assert root.findtext(".//div[@class='masthead']") == "Ministry of Culture"
        assert not root.xpath("//time[not(ancestor::article)]")  # no date slot on an index
    index = page(out / "ru" / "index.html")
    assert index.xpath("//div[@class='story']//article//a/@href") == ["forum.html"]


TRICKY = """<!DOCTYPE html>
<html lang="ky"><head><title>Сынак</title></head>
<body>
<h1>Сынак <a href="/a"><em>ичинде</em> шилтеме</a></h1>
<div class="box">Биринчи бөлүк <b>калың</b>
<p lang="ky">\u00a0Ички абзац <img src="/i.png" alt="Сүрөт"> бар.</p>
экинчи бөлүк <i>курсив</i>.<br>
үчүнчү сап</div>
<ul><li>Пункт <span title="Түшүндүрмө">бир</span></li><li>Пункт эки</li></ul>
</body></html>
"""


def test_html_runs_split_by_block_children_rebuild_exactly(tmp_path: Path) -> None:
    source = tmp_path / "tricky.html"
    source.write_text(TRICKY, encoding="utf-8")
    release = read_release(source, rel_path="releases/tricky.html")
    segments = segment_release(release)
    ident = {s.text: s.text for s in segments}
    text = ReleaseText(release, segments, {"ru": ident, "en": ident}, {"ru": 100.0, "en": 100.0})
    out = tmp_path / "site"
    cfg = config(tmp_path, base_url="https://press.example.kg/")
    assert build_site(cfg, [text], out=out).warnings == ()
    expected = shape(parse_html(TRICKY).find("body"))
    built = strip(page(out / "ru" / "tricky.html"), "//nav[@class='switcher']")
    got = shape(built.find("body"))
    # the inner paragraph was marked Kyrgyz; its text is now the page's language
    assert got == [
        (tag, tuple((k, "ru" if (k, v) == ("lang", "ky") else v) for k, v in attrs), txt)
        for tag, attrs, txt in expected
    ]
