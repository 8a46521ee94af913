"""The built site: pages, links between language versions, metadata, dates, indexes, sitemap,
determinism and incremental writes."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from lxml import etree

from pressflow.errors import SlugError
from pressflow.render import ReleaseText, build_site
from test_render_support import (
    EN,
    RU,
    config,
    hand_release,
    hand_text,
    page,
    sample_text,
    snapshot,
    texts_of,
)

LANGS = ("ky", "ru", "en")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    out = tmp_path / "site"
    cfg = config(tmp_path, base_url="https://press.example.kg", publisher_url="https://gov.kg")
    build_site(cfg, [hand_text()], out=out)
    return out


def test_sample_release_gives_three_pages_three_indexes_and_the_root(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = build_site(config(tmp_path), [sample_text()], out=out)
    html = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    slug = "2018-07-03-lsg-forum"
    assert html == sorted(
        ["index.html", *(f"{lang}/index.html" for lang in LANGS)]
        + [f"{lang}/{slug}.html" for lang in LANGS]
        + [f"{lang}/archive/2018.html" for lang in LANGS]
    )
    assert (out / "style.css").is_file()
    assert not result.held_back and not result.stale and not result.partial
    assert set(result.pages) == set(out.rglob("*.*"))


def test_page_structure(site: Path) -> None:
    root = page(site / "ru" / "forum.html")
    raw = (site / "ru" / "forum.html").read_text(encoding="utf-8")
    assert raw.startswith("<!DOCTYPE html>\n")
    assert root.get("lang") == "ru" and root.get("dir") == "ltr"
    assert root.xpath("//meta/@charset") == ["utf-8"]
    assert root.xpath("//meta[@name='viewport']/@content")
    assert root.findtext(".//title") == "Форум прошёл — Пресс-релизы"
    assert root.xpath("//meta[@name='description']/@content") == ["Сегодня в Бишкеке прошёл форум."]
    assert root.xpath("//link[@rel='canonical']/@href") == [
        "https://press.example.kg/ru/forum.html"
    ]
    assert texts_of(root, "//h1") == ["Форум прошёл"]
    assert texts_of(root, "//article/p[not(@class)]") == [
        f"{RU['Бүгүн Бишкекте форум өттү жана көп адам келди.']} Подробнее в докладе.",
        RU["Форумга жүз адам катышты."],
    ]
    link = root.xpath("//article//a")[0]
    assert (link.text, link.get("href"), link.get("title")) == (
        "в докладе",
        "https://example.kg/report",
        "Report",
    )
    assert not root.xpath("//*[@lang='ky' and ancestor::article]"), "complete: no fallback"
    assert not root.xpath("//script[not(@type='application/ld+json')]")
    assert not root.xpath("//*[@src and not(self::img)]") and not root.xpath("//img")
    assert root.xpath("//link[@rel='stylesheet']/@href") == ["../style.css"]


def test_open_graph(site: Path) -> None:
    root = page(site / "en" / "forum.html")
    og = {m.get("property"): m.get("content") for m in root.xpath("//meta[@property]")}
    assert og["og:title"] == "Forum held"
    assert og["og:description"] == EN["Бүгүн Бишкекте форум өттү жана көп адам келди."]
    assert og["og:type"] == "article"
    assert og["og:locale"] == "en_US"
    alternates = root.xpath("//meta[@property='og:locale:alternate']/@content")
    assert sorted(alternates) == ["ky_KG", "ru_RU"]


def test_hreflang_alternates_are_reciprocal(site: Path) -> None:
    links: dict[str, dict[str, str]] = {}
    for lang in LANGS:
        root = page(site / lang / "forum.html")
        links[lang] = {
            link.get("hreflang"): link.get("href")
            for link in root.xpath("//head/link[@rel='alternate'][@hreflang]")
        }
    for lang in LANGS:
        assert set(links[lang]) == {*LANGS, "x-default"}
        assert links[lang]["x-default"] == "https://press.example.kg/ky/forum.html"
        me = f"https://press.example.kg/{lang}/forum.html"
        assert links[lang][lang] == me
        for other in LANGS:
            # what I call `other` links back to me under my language
            assert links[other][lang] == me


def test_language_switcher_links_every_version(site: Path) -> None:
    for lang in LANGS:
        root = page(site / lang / "forum.html")
        nav = root.xpath("//nav[@class='switcher']")[0]
        found = {a.get("hreflang"): (a.get("href"), a.get("lang"), a.text) for a in nav.iter("a")}
        names = {"ky": "Кыргызча", "ru": "Русский", "en": "English"}
        assert found == {
            code: ("forum.html" if code == lang else f"../{code}/forum.html", code, names[code])
            for code in LANGS
        }
        current = nav.xpath(".//a[@aria-current='page']")
        assert [a.get("hreflang") for a in current] == [lang]
        for a in nav.iter("a"):
            assert (site / lang / a.get("href")).resolve().is_file()


def test_json_ld_parses_and_names_the_language(site: Path) -> None:
    for lang in LANGS:
        root = page(site / lang / "forum.html")
        (script,) = root.xpath("//script[@type='application/ld+json']")
        data = json.loads(script.text)
        assert data["@type"] == "NewsArticle"
        assert data["inLanguage"] == lang
        assert data["datePublished"] == "2018-07-03T09:29+06:00"
        assert data["publisher"] == {
            "@type": "Organization",
            "name": "Test Press Office",
            "url": "https://gov.kg",
        }
        assert data["headline"] == texts_of(root, "//h1")[0]
    assert "translationOfWork" in json.loads(
        page(site / "ru" / "forum.html").xpath("//script")[0].text
    )


@pytest.mark.parametrize(
    ("lang", "text"),
    # CLDR (through Babel) puts a narrow no-break space before "г." in Russian
    [
        ("ky", "2018-ж., 3-июль 09:29"),
        ("ru", "3 июля 2018\u202fг., 09:29"),
        ("en", "3 July 2018, 09:29"),
    ],
)
def test_dates_read_as_each_language_writes_them(site: Path, lang: str, text: str) -> None:
    for name in ("forum.html", "index.html"):
        root = page(site / lang / name)
        (time,) = root.xpath("//main//time")
        assert time.get("datetime") == "2018-07-03T09:29+06:00"
        assert time.text == text


def test_language_index_newest_first_with_leads(tmp_path: Path) -> None:
    out = tmp_path / "site"
    tables = {"ru": {**RU, "Эски": "Старое", "Күнсүз": "Без даты"}, "en": {**EN, "Эски": "Old"}}
    older = hand_text("older", date=datetime(2017, 1, 5, 10, 0), title="Эски", **tables)
    undated = hand_text("undated", date=None, title="Күнсүз", **tables)
    build_site(config(tmp_path), [older, hand_text(), undated], out=out)
    root = page(out / "ru" / "index.html")
    assert root.get("lang") == "ru"
    hrefs = root.xpath("//main//article//h2/a/@href")
    assert hrefs == ["forum.html", "older.html", "undated.html"]
    assert root.xpath("//main//time/text()") == [
        "3 июля 2018\u202fг., 09:29",
        "5 января 2017\u202fг., 10:00",
    ]
    assert texts_of(root, "//main//article//h2") == ["Форум прошёл", "Старое", "Без даты"]
    english = page(out / "en" / "index.html").xpath("//main//article//h2/a/@href")
    assert english == ["forum.html", "older.html"]  # "undated" has no English title: held back
    assert texts_of(root, "//main//p[@class='lead']")[0] == "Сегодня в Бишкеке прошёл форум."
    assert texts_of(root, "//h1") == ["Пресс-релизы"]


def test_root_page_chooses_a_language_and_redirects_nowhere(site: Path) -> None:
    root = page(site / "index.html")
    assert not root.xpath("//meta[@http-equiv]") and not root.xpath("//script")
    choices = root.xpath("//main//ul[@class='languages']//a")
    assert [(a.get("href"), a.get("hreflang")) for a in choices] == [
        ("ky/index.html", "ky"),
        ("ru/index.html", "ru"),
        ("en/index.html", "en"),
    ]
    assert root.xpath("//nav[@class='switcher']")
    hints = {
        li.get("lang"): li.findtext("span") for li in root.xpath("//ul[@class='languages']/li")
    }
    assert hints["ru"] == "Выберите язык" and hints["en"] == "Choose a language"


def test_sitemap_lists_every_version_with_alternates(site: Path) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    tree = etree.parse(str(site / "sitemap.xml"))
    urls = tree.xpath("//s:url", namespaces=ns)
    locs = [u.findtext("s:loc", namespaces=ns) for u in urls]
    base = "https://press.example.kg/"
    for lang in LANGS:
        assert f"{base}{lang}/forum.html" in locs
        assert f"{base}{lang}/index.html" in locs
    for url in urls:
        alts = {a.get("hreflang"): a.get("href") for a in url.xpath("x:link", namespaces=ns)}
        assert set(alts) == {*LANGS, "x-default"}
        assert url.findtext("s:loc", namespaces=ns) in alts.values()


def test_no_sitemap_and_no_canonical_without_base_url(tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_site(config(tmp_path), [hand_text()], out=out)
    assert not (out / "sitemap.xml").exists()
    root = page(out / "ru" / "forum.html")
    assert not root.xpath("//link[@rel='canonical']")
    alternates = root.xpath("//head/link[@hreflang='en']/@href")
    assert alternates == ["../en/forum.html"]


def test_build_is_deterministic_and_incremental(tmp_path: Path) -> None:
    cfg = config(tmp_path, base_url="https://press.example.kg/")
    out = tmp_path / "site"
    first = build_site(cfg, [hand_text(), sample_text()], out=out)
    assert first.written and not first.unchanged
    before = snapshot(out)
    second = build_site(cfg, [sample_text(), hand_text()], out=out)
    assert second.written == ()
    assert set(second.unchanged) == set(first.written)
    assert snapshot(out) == before  # same bytes, same mtimes: nothing rewritten
    other = tmp_path / "again"
    build_site(cfg, [hand_text(), sample_text()], out=other)
    assert {k: v[0] for k, v in snapshot(other).items()} == {k: v[0] for k, v in before.items()}
    # one changed translation rewrites that page (and the index listing it) only
    changed = hand_text(ru={**RU, "Форумга жүз адам катышты.": "Участников было сто."})
    third = build_site(cfg, [changed, sample_text()], out=out)
    assert sorted(p.relative_to(out).as_posix() for p in third.written) == ["ru/forum.html"]


@pytest.mark.parametrize("slug", ["../evil", "a/b", "bad\x00slug", "..", "tab\tslug"])
def test_unsafe_slug_is_refused(tmp_path: Path, slug: str) -> None:
    text = hand_text()
    bad = ReleaseText(
        replace(text.release, slug=slug), text.segments, text.translations, text.stats
    )
    with pytest.raises(SlugError) as caught:
        build_site(config(tmp_path), [bad], out=tmp_path / "site")
    assert "\n" not in str(caught.value) and caught.value.path == "releases/forum.txt"
    assert not (tmp_path / "evil").exists()


def test_two_releases_with_one_slug_are_refused(tmp_path: Path) -> None:
    with pytest.raises(SlugError, match="also the slug"):
        build_site(config(tmp_path), [hand_text(), hand_text()], out=tmp_path / "site")


def test_source_page_uses_the_source_text(site: Path) -> None:
    release, _ = hand_release()
    root = page(site / "ky" / "forum.html")
    assert texts_of(root, "//article/p[not(@class)]") == [
        " ".join(release.blocks[1].text.replace("<1>", "").replace("</1>", "").split()),
        release.blocks[2].text,
    ]
    assert not root.xpath("//p[@class='notice']")


def test_every_russian_translation_in_source_order(tmp_path: Path) -> None:
    """Issue 2, must show 5: site/ru/<slug>.html holds every Russian translation in order."""
    text = sample_text()
    out = tmp_path / "site"
    build_site(config(tmp_path), [text], out=out)
    article = page(out / "ru" / "2018-07-03-lsg-forum.html").xpath("//article")[0]
    visible = " ".join(article.text_content().split())
    position = 0
    for segment in sorted(text.segments, key=lambda s: (s.block, s.index)):
        if "foreign-text" in segment.flags:  # scraped junk: left out of pages by default
            continue
        wanted = " ".join(text.translations["ru"][segment.text].split())
        found = visible.find(wanted, position)
        assert found >= 0, wanted
        position = found + len(wanted)


def test_right_to_left_language(tmp_path: Path) -> None:
    cfg = replace(config(tmp_path), target_langs=("ar",))
    base = hand_text()
    arabic = {"Форум өттү": "منتدى", "Форумга жүз адам катышты.": "شارك مئة شخص."}
    text = ReleaseText(base.release, base.segments, {"ar": arabic}, {"ar": 50.0})
    out = tmp_path / "site"
    build_site(cfg, [text], out=out, allow_partial=True)
    root = page(out / "ar" / "forum.html")
    assert (root.get("lang"), root.get("dir")) == ("ar", "rtl")
    spans = root.xpath("//article//span[@lang='ky']")
    assert spans and all(s.get("dir") == "ltr" for s in spans)
    ky_link = root.xpath("//nav//a[@hreflang='ky']")[0]
    assert ky_link.get("dir") == "ltr"
    assert root.xpath("//meta[@property='og:locale']/@content") == ["ar_EG"]
