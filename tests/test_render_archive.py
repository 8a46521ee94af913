"""The site as a ministry publishes it (issue 14): interface strings in each language, Atom
feeds, a paginated index with year archives, dates with the newsroom's time and offset, honest
fallback pages that a build can withdraw, byte-stable alternating builds, and publishing that
waits for ``check``."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import urllib.parse
from pathlib import Path

import feedparser
import lxml.html
import pytest

from pressflow import pipeline
from pressflow.po.catalog import read_po, write_po
from pressflow.qa.wordlists import kyrgyz_words
from pressflow.render import build_site
from test_render_support import (
    INCOMPLETE_RU,
    SAMPLE_SLUG,
    cli,
    config,
    hand_text,
    newsroom_copy,
    ntrex_texts,
    page,
    sample_text,
    snapshot,
)

LANGS = ("ky", "ru", "en")
KYRGYZ_LETTERS = re.compile("[ңөүҢӨҮ]")
CYRILLIC = re.compile("[а-яёА-ЯЁ]")
BASE = "https://press.example.kg/"
PUBLISHER = {"ky": "Басма сөз кызматы", "ru": "Пресс-служба", "en": "Press office"}


def contents(folder: Path) -> dict[str, bytes]:
    """Every file's bytes (the shared snapshot has mtimes too, which alternate builds keep)."""
    return {name: data for name, (data, _) in snapshot(folder).items()}


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """40 real releases with human translations, 10 to an index page, and two fallback pages."""
    root = tmp_path_factory.mktemp("newsroom")
    texts = [
        *ntrex_texts(40),
        hand_text("partly", ru=INCOMPLETE_RU),
        hand_text("untranslated", ru={}, en={}),
    ]
    out = root / "site"
    cfg = config(root, base_url=BASE, page_size=10, publisher=PUBLISHER)
    build_site(cfg, texts, out=out, allow_partial=True)
    return out


# --------------------------------------------------------------------------- must show 2


def _is_russian(text: str) -> bool:
    """Russian, or nothing to read (figures, punctuation): no Kyrgyz letter, no two Kyrgyz
    words, and Cyrillic wherever there are letters."""
    words = re.findall(r"\w+", text.lower())
    if KYRGYZ_LETTERS.search(text) or sum(w in kyrgyz_words() for w in words) >= 2:
        return False
    letters = [w for w in words if not w.isdigit()]
    return not letters or bool(CYRILLIC.search(text))


def _visible_texts(root: lxml.html.HtmlElement) -> list[tuple[str, str]]:
    """(language in effect, text) for every text node of the title and body."""
    found = []
    nodes = [root.find("head/title"), root.find("body")]
    for top in nodes:
        for node in top.iter():
            if not isinstance(node.tag, str) or node.tag in {"script", "style"}:
                continue
            here = node.xpath("string(ancestor-or-self::*[@lang][1]/@lang)")
            if node.text and node.text.strip():
                found.append((here, node.text.strip()))
            if node is not top and node.tail and node.tail.strip():
                parent = node.getparent()
                there = parent.xpath("string(ancestor-or-self::*[@lang][1]/@lang)")
                found.append((there, node.tail.strip()))
    return found


def test_every_visible_string_on_a_ru_page_is_russian_or_marked(newsroom: Path) -> None:
    pages = sorted((newsroom / "ru").rglob("*.html"))
    assert len(pages) == 42 + 5 + 3  # releases, index pages, year archives
    checked = marked = 0
    for path in pages:
        root = page(path)
        assert root.get("lang") == "ru"
        for lang, text in _visible_texts(root):
            if lang == "ru":
                assert _is_russian(text), f"{path.name}: not Russian: {text!r}"
                checked += 1
            else:
                assert lang in {"ky", "en"}, f"{path.name}: {lang!r} {text!r}"
                marked += 1
        # what cannot carry lang= (meta, Open Graph, JSON-LD) is Russian or the ru label
        head = [*root.xpath("//head/meta[@content and (@name or @property)]/@content")]
        data = [json.loads(s) for s in root.xpath("//script[@type='application/ld+json']/text()")]
        head += [d.get(key, "") for d in data for key in ("headline", "description")]
        for text in head:
            if CYRILLIC.search(text) or KYRGYZ_LETTERS.search(text):
                assert _is_russian(text), f"{path.name}: head not Russian: {text!r}"
    assert checked > 1000 and marked > 0
    zero = page(newsroom / "ru" / "untranslated.html")
    assert zero.findtext(".//title").startswith("Пресс-релиз (заголовок ещё не переведён)")
    assert zero.xpath("//h1//@lang") == ["ky"]


# --------------------------------------------------------------------------- must show 3


def test_each_language_has_an_atom_feed_linked_from_every_page(newsroom: Path) -> None:
    for lang in LANGS:
        feed = feedparser.parse((newsroom / lang / "feed.atom").read_bytes())
        assert feed.bozo == 0, feed.get("bozo_exception")
        assert feed.version == "atom10"
        # RFC 4287 4.1.1: a feed has id, title, updated, and an author (here the feed's own)
        assert feed.feed.id and feed.feed.title and feed.feed.updated
        assert feed.feed.author_detail.name == PUBLISHER[lang]
        assert feed.feed.language == lang
        entries = feed.entries
        assert len(entries) == 42  # every release, the two fallback pages included
        assert len({e.id for e in entries}) == len(entries)
        for entry in entries:  # 4.1.2: id, title, updated; a link (no content of its own)
            assert entry.id and entry.title and entry.updated and entry.summary is not None
            (link,) = [x for x in entry.links if x.rel == "alternate"]
            assert link.href.startswith(f"{BASE}{lang}/")
            assert (newsroom / link.href[len(BASE) :]).is_file()
        dated = [e.published_parsed for e in entries if "published_parsed" in e]
        assert dated == sorted(dated, reverse=True) and len(dated) == 42
        self_link = [x.href for x in feed.feed.links if x.rel == "self"]
        assert self_link == [f"{BASE}{lang}/feed.atom"]
    for path in newsroom.rglob("*.html"):
        root = page(path)
        hrefs = root.xpath("//head/link[@rel='alternate' and @type='application/atom+xml']/@href")
        rel = path.relative_to(newsroom).as_posix()
        resolved = {urllib.parse.urljoin(f"{BASE}{rel}", h)[len(BASE) :] for h in hrefs}
        lang = root.get("lang")
        wanted = {f"{c}/feed.atom" for c in LANGS} if rel == "index.html" else {f"{lang}/feed.atom"}
        assert resolved == wanted, rel


def test_feed_without_base_url_is_valid_and_stable(tmp_path: Path) -> None:
    texts = [hand_text(), hand_text("second", extra=["Дагы бир сүйлөм."])]
    out = tmp_path / "site"
    build_site(config(tmp_path, feed="full"), texts, out=out)
    feed = feedparser.parse((out / "ru" / "feed.atom").read_bytes())
    assert feed.bozo == 0
    assert all(e.id.startswith("urn:uuid:") for e in feed.entries)
    assert "прошёл форум" in feed.entries[0].content[0].value  # feed = "full": the body
    again = tmp_path / "again"
    build_site(config(tmp_path, feed="full"), texts, out=again)
    assert (again / "ru" / "feed.atom").read_bytes() == (out / "ru" / "feed.atom").read_bytes()


# --------------------------------------------------------------------------- must show 4


def test_index_is_paginated_newest_first_with_dates_and_year_archives(newsroom: Path) -> None:
    ru = newsroom / "ru"
    pages = [ru / "index.html", *(ru / "page" / f"{n}.html" for n in range(2, 6))]
    assert all(p.is_file() for p in pages) and not (ru / "page" / "6.html").exists()
    stamps: list[str] = []
    for number, path in enumerate(pages, start=1):
        root = page(path)
        items = root.xpath("//main/article[@class='entry']")
        assert len(items) == (10 if number < 5 else 2)
        stamps += [t for t in root.xpath("//main/article//time/@datetime")]
        rels = {r: root.xpath(f"//head/link[@rel='{r}']/@href") for r in ("prev", "next")}
        assert bool(rels["prev"]) == (number > 1) and bool(rels["next"]) == (number < 5)
        assert root.xpath("//nav[@class='pages']//a/@rel") == (
            ["prev"] * (number > 1) + ["next"] * (number < 5)
        )
        assert f"Страница {number} из 5" in root.xpath("string(//nav[@class='pages'])")
    assert len(stamps) == 42 and stamps == sorted(stamps, reverse=True)
    assert all(s.endswith("+06:00") for s in stamps)
    years = page(ru / "archive" / "2019.html")
    assert years.findtext(".//h1") == "Пресс-релизы за 2019 год"
    listed = years.xpath("//main/article//time/@datetime")
    assert listed and all(s.startswith("2019-") for s in listed)
    assert page(ru / "index.html").xpath("//nav[@class='years']//a/text()") == [
        "2020",
        "2019",
        "2018",
    ]


def test_fewer_releases_remove_index_pages_no_longer_built(tmp_path: Path) -> None:
    out = tmp_path / "site"
    texts = ntrex_texts(12)
    build_site(config(tmp_path, page_size=5), texts, out=out)
    assert (out / "en" / "page" / "3.html").is_file()
    build_site(config(tmp_path, page_size=5), texts[:6], out=out)
    assert (out / "en" / "page" / "2.html").is_file()
    assert not (out / "en" / "page" / "3.html").exists()


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("ky", "2018-ж., 3-июль 09:29"),
        ("ru", "3 июля 2018\u202fг., 09:29"),
        ("en", "3 July 2018, 09:29"),
    ],
)
def test_sample_time_with_the_newsroom_offset_in_every_language(
    tmp_path: Path, lang: str, shown: str
) -> None:
    out = tmp_path / "site"
    build_site(config(tmp_path, base_url=BASE), [sample_text()], out=out)
    for rel in (f"{lang}/{SAMPLE_SLUG}.html", f"{lang}/index.html", f"{lang}/archive/2018.html"):
        (time,) = page(out / rel).xpath("//main//time")
        assert (time.text, time.get("datetime")) == (shown, "2018-07-03T09:29+06:00"), rel
    data = json.loads(page(out / f"{lang}/{SAMPLE_SLUG}.html").xpath("//script/text()")[0])
    assert data["datePublished"] == "2018-07-03T09:29+06:00"
    entry = feedparser.parse((out / lang / "feed.atom").read_bytes()).entries[0]
    assert entry.published == "2018-07-03T09:29:00+06:00"


def test_us_english_by_config(tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_site(config(tmp_path, english="US"), [hand_text()], out=out)
    (time,) = page(out / "en" / "forum.html").xpath("//main//time")
    assert time.text == "July 3, 2018, 9:29\u202fAM"


# --------------------------------------------------------------------------- must show 5


def test_fallback_says_not_yet_translated_alternating_builds_are_stable_withdraw(
    tmp_path: Path,
) -> None:
    cfg = newsroom_copy(tmp_path)
    shutil.rmtree(cfg.translations_dir, ignore_errors=True)
    pipeline.update(cfg)  # fresh catalogs: 0% translated
    partial = cli(tmp_path, "build", "--allow-partial")
    assert partial.returncode == 0, partial.stderr
    ru = page(cfg.site_dir / "ru" / f"{SAMPLE_SLUG}.html")
    (notice,) = ru.xpath("//p[@class='notice']")
    assert notice.text.startswith("Ещё не переведено") and "киргизский" in notice.text
    assert ru.findtext(".//title").startswith("Пресс-релиз (заголовок ещё не переведён)")
    og = ru.xpath("//meta[@property='og:title']/@content")
    assert og == ["Пресс-релиз (заголовок ещё не переведён)"]
    assert not ru.xpath("//meta[@name='description']")  # the lead is Kyrgyz: no description
    index = page(cfg.site_dir / "ru" / "index.html")
    assert index.xpath("//main/article//h2/a/@lang") == ["ky"]
    assert index.xpath("//main/article/p[@class='lead']/@lang") == ["ky"]
    first = contents(cfg.site_dir)
    strict = cli(tmp_path, "build")
    assert strict.returncode == 0, strict.stderr
    assert strict.stderr.count("kept 2 page(s) published earlier") == 1
    assert "stale page" not in strict.stderr
    assert contents(cfg.site_dir) == first  # every file byte-identical
    assert cli(tmp_path, "build", "--allow-partial").returncode == 0
    assert contents(cfg.site_dir) == first
    assert cli(tmp_path, "build").returncode == 0
    assert contents(cfg.site_dir) == first
    withdrawn = cli(tmp_path, "build", "--withdraw-partial")
    assert withdrawn.returncode == 0 and "withdrew 2 page(s)" in withdrawn.stderr
    assert not (cfg.site_dir / "ru" / f"{SAMPLE_SLUG}.html").exists()
    assert page(cfg.site_dir / "ru" / "index.html").xpath("//main/article") == []
    assert feedparser.parse((cfg.site_dir / "ru" / "feed.atom").read_bytes()).entries == []
    ky = page(cfg.site_dir / "ky" / f"{SAMPLE_SLUG}.html")
    assert sorted(ky.xpath("//head/link[@hreflang]/@hreflang")) == ["ky", "x-default"]
    again = cli(tmp_path, "build")
    assert again.returncode == 0 and "kept" not in again.stderr
    both = cli(tmp_path, "build", "--allow-partial", "--withdraw-partial")
    assert both.returncode == 2 and both.stderr.count("\n") == 1


def test_partly_translated_says_how_much(tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_site(config(tmp_path), [hand_text(en={})], out=out, allow_partial=True)
    en = page(out / "en" / "forum.html")
    assert en.findtext(".//p[@class='notice']").startswith("Not yet translated")
    out2 = tmp_path / "site2"
    build_site(config(tmp_path), [hand_text(ru=INCOMPLETE_RU)], out=out2, allow_partial=True)
    ru = page(out2 / "ru" / "forum.html")
    assert "3 из 4 фрагментов" in ru.findtext(".//p[@class='notice']")


# --------------------------------------------------------------------------- must show 6


def test_reviewed_catalog_with_a_check_error_is_held_back(tmp_path: Path) -> None:
    cfg = newsroom_copy(tmp_path)
    toml = tmp_path / "pressflow.toml"  # stand-ins name nobody: leave the names check out
    text = toml.read_text(encoding="utf-8").replace("[check]\n", '[check]\ndisable = ["names"]\n')
    toml.write_text(text, encoding="utf-8")
    for lang in ("ru", "en"):
        path = cfg.po_path(lang, SAMPLE_SLUG)
        po = read_po(path)
        for number, entry in enumerate(e for e in po if not e.obsolete):
            entry.msgstr = f"{'Перевод' if lang == 'ru' else 'Translation'} {number}."
            entry.flags = [f for f in entry.flags if f != "fuzzy"]
            entry.tcomment = ""
        if lang == "ru":  # one entry left as the Kyrgyz source: an error-severity problem
            entry = next(e for e in po if len(e.msgid.split()) > 4)
            entry.msgstr = entry.msgid
        write_po(po, path)
    result = cli(tmp_path, "build")
    assert result.returncode == 0, result.stderr
    held = [line for line in result.stderr.splitlines() if "held back" in line]
    assert len(held) == 1
    assert held[0].startswith(f"build: held back {SAMPLE_SLUG} [ru]: check reports 1 error(s)")
    assert "untranslated-text" in held[0] and "block_on = 'error'" in held[0]
    assert not (cfg.site_dir / "ru" / f"{SAMPLE_SLUG}.html").exists()
    assert (cfg.site_dir / "en" / f"{SAMPLE_SLUG}.html").is_file()
    toml.write_text(
        toml.read_text(encoding="utf-8").replace('block_on = "error"', 'block_on = "none"'),
        encoding="utf-8",
    )
    assert cli(tmp_path, "build").returncode == 0
    assert (cfg.site_dir / "ru" / f"{SAMPLE_SLUG}.html").is_file()


# --------------------------------------------------------------------------- config, metadata


def test_site_title_and_publisher_per_language_logo_image_lastmod(tmp_path: Path) -> None:
    from test_render_support import tiny_png

    tiny_png(tmp_path / "logo.png")
    tiny_png(tmp_path / "cover.png")
    cfg = config(
        tmp_path,
        base_url=BASE,
        title={"ky": "Маданият министрлиги", "ru": "Министерство культуры", "en": "Ministry"},
        publisher={"ru": "Пресс-служба министерства", "en": "Ministry press office"},
        logo="logo.png",
        image="cover.png",
    )
    out = tmp_path / "site"
    result = build_site(cfg, [hand_text()], out=out)
    assert not any("base_url" in w for w in result.warnings)
    ru = page(out / "ru" / "forum.html")
    assert ru.findtext(".//title") == "Форум прошёл — Министерство культуры"
    assert ru.xpath("string(//header//a[@class='home'])") == "Министерство культуры"
    assert ru.xpath("//header//img/@src") == ["../assets/logo.png"]
    assert ru.xpath("//meta[@property='og:image']/@content") == [f"{BASE}assets/image.png"]
    data = json.loads(ru.xpath("//script/text()")[0])
    assert data["publisher"]["name"] == "Пресс-служба министерства"
    assert data["publisher"]["logo"]["url"] == f"{BASE}assets/logo.png"
    assert (out / "assets" / "logo.png").read_bytes() == (tmp_path / "logo.png").read_bytes()
    assert page(out / "en" / "index.html").findtext(".//footer//p") == "Ministry press office"
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2018-07-03T09:29:00+06:00</lastmod>" in sitemap
    assert ru.xpath("//a[@class='skip']/@href") == ["#content"]
    assert ru.findtext(".//a[@class='skip']") == "Перейти к содержанию"


def test_missing_base_url_is_one_warning_saying_what_it_disables(tmp_path: Path) -> None:
    result = build_site(config(tmp_path), [hand_text(), sample_text()], out=tmp_path / "site")
    said = [w for w in result.warnings if "base_url" in w]
    assert len(said) == 1 and "sitemap" in said[0] and "canonical" in said[0]


def test_author_and_date_modified(tmp_path: Path) -> None:
    texts = ntrex_texts(1)
    out = tmp_path / "site"
    build_site(config(tmp_path), texts, out=out)
    slug = texts[0].release.slug
    ru = page(out / "ru" / f"{slug}.html")
    data = json.loads(ru.xpath("//script/text()")[0])
    assert data["author"] == {"@type": "Person", "name": "Айгүл Осмонова"}
    assert data["dateModified"] == "2020-03-21T09:29:00+06:00"
    assert ru.xpath("//p[@class='byline']/span/@lang") == ["ky"]


def test_interface_catalogs_are_complete_reviewed_and_msgfmt_clean() -> None:
    import polib

    folder = Path(__file__).resolve().parents[1] / "src" / "pressflow" / "locale"
    msgids = None
    for lang in LANGS:
        path = folder / lang / "LC_MESSAGES" / "pressflow.po"
        po = polib.pofile(str(path))
        assert po.percent_translated() == 100 and not po.fuzzy_entries()
        ids = {e.msgid for e in po}
        msgids = ids if msgids is None else msgids
        assert ids == msgids
        if shutil.which("msgfmt"):
            run = subprocess.run(
                ["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True
            )
            assert run.returncode == 0, run.stderr
    used = set()
    src = Path(__file__).resolve().parents[1] / "src" / "pressflow" / "render"
    for module in src.glob("*.py"):
        used |= set(re.findall(r'say\(\s*[\w.]+,\s*"([^"]+)"', module.read_text("utf-8")))
    from pressflow.render.ui import CONTACT_LABELS

    used |= set(CONTACT_LABELS.values())
    assert used and used <= msgids, used - (msgids or set())
