"""Shared builders for the site tests (no tests here): releases by hand, fixtures through the
readers, the sample newsroom through the pipeline, and small lxml helpers."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

import lxml.html

from pressflow.config import Config, SiteConfig, load_config
from pressflow.model import Block, Inline, Release, Segment
from pressflow.readers import read_release
from pressflow.render import ReleaseText
from pressflow.segment import segment_release

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SAMPLE = ROOT / "releases" / "2018-07-03-lsg-forum.txt"
SAMPLE_SLUG = SAMPLE.stem
LINK = Inline(1, "a", (("href", "https://example.kg/report"), ("title", "Report")))


def config(root: Path, **site: object) -> Config:
    """A newsroom config for ``root`` with ``[site]`` values (publisher and the newsroom's time
    zone set by default)."""
    values = {"publisher": "Test Press Office", "timezone": "Asia/Bishkek", **site}
    return Config(root=root, site=SiteConfig(**values))  # type: ignore[arg-type]


def hand_release(
    slug: str = "forum",
    *,
    date: datetime | None = datetime(2018, 7, 3, 9, 29),
    title: str = "Форум өттү",
    extra: Iterable[str] = (),
) -> tuple[Release, tuple[Segment, ...]]:
    """A small release built by hand: a title, a paragraph of two units (one with a link), more."""
    texts = [
        ("title", [title]),
        (
            "paragraph",
            ["Бүгүн Бишкекте форум өттү жана көп адам келди.", "Кененирээк <1>баяндамада</1>."],
        ),
        ("paragraph", ["Форумга жүз адам катышты.", *extra]),
    ]
    blocks: list[Block] = []
    segments: list[Segment] = []
    for index, (kind, units) in enumerate(texts):
        blocks.append(
            Block(index, kind, " ".join(units), index + 1, inlines=(LINK,) if index == 1 else ())
        )
        for number, unit in enumerate(units):
            space = " " if number < len(units) - 1 else ""
            segments.append(Segment(slug, index, number, kind, unit, index + 1, space=space))
    release = Release(slug, f"releases/{slug}.txt", "ky", title, tuple(blocks), date=date)
    return release, tuple(segments)


RU = {
    "Форум өттү": "Форум прошёл",
    "Бүгүн Бишкекте форум өттү жана көп адам келди.": "Сегодня в Бишкеке прошёл форум.",
    "Кененирээк <1>баяндамада</1>.": "Подробнее <1>в докладе</1>.",
    "Форумга жүз адам катышты.": "В форуме участвовали сто человек.",
}
EN = {
    "Форум өттү": "Forum held",
    "Бүгүн Бишкекте форум өттү жана көп адам келди.": "A forum was held in Bishkek today.",
    "Кененирээк <1>баяндамада</1>.": "More <1>in the report</1>.",
    "Форумга жүз адам катышты.": "A hundred people took part in the forum.",
}


#: ru with one unit missing: 75% of the units translated and reviewed.
INCOMPLETE_RU = {k: v for k, v in RU.items() if k != "Форумга жүз адам катышты."}


def hand_text(
    slug: str = "forum",
    *,
    ru: dict[str, str] | None = None,
    en: dict[str, str] | None = None,
    **kwargs: object,
) -> ReleaseText:
    """The hand release with reviewed ru/en translations (complete by default) and their stats."""
    release, segments = hand_release(slug, **kwargs)  # type: ignore[arg-type]
    tables = {"ru": dict(RU if ru is None else ru), "en": dict(EN if en is None else en)}
    ids = {s.text for s in segments}
    stats = {lang: 100.0 * len(ids & set(t)) / len(ids) for lang, t in tables.items()}
    return ReleaseText(release, segments, tables, stats)


def fixture_text(name: str, *, slug: str | None = None, translate=None) -> ReleaseText:
    """A release from tests/data through the real reader and segmenter; every unit "translated"
    by ``translate(lang, msgid)`` (identity by default), so every language is complete."""
    path = DATA / name
    release = read_release(path, rel_path=f"releases/{name}")
    if slug:
        release = dataclasses.replace(release, slug=slug)
    segments = segment_release(release)
    translate = translate or (lambda lang, msgid: msgid)
    tables = {lang: {s.text: translate(lang, s.text) for s in segments} for lang in ("ru", "en")}
    return ReleaseText(release, segments, tables, {"ru": 100.0, "en": 100.0})


def sample_text(*, complete: bool = True) -> ReleaseText:
    """The shipped sample release; with ``complete``, every unit has a ru and en translation
    (reviewed ones from the committed catalogs where they exist, a marked stand-in otherwise)."""
    release = read_release(SAMPLE, rel_path=f"releases/{SAMPLE.name}")
    segments = segment_release(release)
    tables: dict[str, dict[str, str]] = {}
    for lang in ("ru", "en"):
        reviewed = committed_translations(lang)
        if complete:
            tables[lang] = {s.text: reviewed.get(s.text) or f"[{lang}] {s.text}" for s in segments}
        else:
            tables[lang] = reviewed
    stats = {lang: 100.0 if complete else 0.0 for lang in tables}
    return ReleaseText(release, segments, tables, stats)


def committed_translations(lang: str) -> dict[str, str]:
    """Reviewed msgid -> msgstr from translations/<lang>/<sample>.po, if the catalog exists."""
    path = ROOT / "translations" / lang / f"{SAMPLE_SLUG}.po"
    if not path.is_file():
        return {}
    from pressflow.po.catalog import read_po
    from pressflow.po.reviewed import reviewed

    return reviewed(read_po(path))


def newsroom_copy(tmp: Path) -> Config:
    """A copy of the repository's newsroom (config, releases, catalogs) under ``tmp``."""
    tmp.mkdir(parents=True, exist_ok=True)
    for name in ("pressflow.toml", "glossary.tsv"):
        if (ROOT / name).is_file():
            shutil.copy2(ROOT / name, tmp / name)
    for folder in ("releases", "translations"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, tmp / folder)
    return load_config(tmp)


def cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``pressflow -C root args…`` through this tree's source (see conftest)."""
    return subprocess.run(
        [sys.executable, "-m", "pressflow", "-C", str(root), *args],
        capture_output=True,
        text=True,
        timeout=180,
    )


def page(path: Path) -> lxml.html.HtmlElement:
    """A built page parsed with lxml (raises if the file is missing)."""
    return lxml.html.fromstring(path.read_bytes())


def texts_of(root: lxml.html.HtmlElement, xpath: str) -> list[str]:
    return [" ".join(node.text_content().split()) for node in root.xpath(xpath)]


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``folder``: bytes and mtime (ns), to prove what a build touched."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


#: A newsroom template with every slot (its own masthead, stylesheet and classes).
TEMPLATE = """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>placeholder</title>
<link rel="stylesheet" href="/assets/newsroom.css">
<meta name="description" content="the template's own, replaced">
<meta data-pressflow="alternates">
</head>
<body class="newsroom">
<div class="masthead">Ministry of Culture</div>
<nav data-pressflow="switcher" class="langs"></nav>
<main>
<h1 data-pressflow="title">Title</h1>
<p class="when"><time data-pressflow="date">date</time></p>
<div class="story" data-pressflow="body"><p>sample</p></div>
</main>
</body>
</html>
"""


NTREX = ROOT.parent.parent / "shared" / "data" / "ntrex128"


def ntrex_dir() -> Path:
    """The ntrex128 documents (Kyrgyz news with line-aligned human ru/en translations)."""
    for folder in (NTREX, Path("/work/shared/data/ntrex128")):
        if folder.is_dir():
            return folder
    import os

    import pytest

    if os.environ.get("CI"):
        pytest.fail("the ntrex128 documents are needed (../shared/data/ntrex128)")
    pytest.skip("the ntrex128 documents are not here")


def ntrex_texts(count: int = 40) -> list[ReleaseText]:
    """A newsroom of ``count`` real releases: each ntrex128 document is a release (first line the
    title, each further line a paragraph of one unit) with its human ru and en translations as
    reviewed catalogs, dated two to three weeks apart at varying times, some with an author."""
    folder = ntrex_dir()
    stems = sorted({p.name.rsplit(".", 2)[0] for p in folder.glob("*.ky.txt")})[:count]
    texts = []
    start = datetime(2020, 3, 20, 9, 29)
    for number, stem in enumerate(stems):
        lines = {
            lang: [
                line.strip()
                for line in (folder / f"{stem}.{lang}.txt").read_text(encoding="utf-8").splitlines()
                if line.strip()
            ]
            for lang in ("ky", "ru", "en")
        }
        slug = stem.replace(".", "-")
        blocks, segments = [], []
        for index, text in enumerate(lines["ky"]):
            kind = "title" if index == 0 else "paragraph"
            blocks.append(Block(index, kind, text, index + 1))
            segments.append(Segment(slug, index, 0, kind, text, index + 1, end=len(text)))
        from datetime import timedelta

        date = start - timedelta(days=17 * number, hours=number % 7, minutes=3 * number)
        release = Release(
            slug,
            f"releases/{slug}.txt",
            "ky",
            lines["ky"][0],
            tuple(blocks),
            date=date,
            author="Айгүл Осмонова" if number % 5 == 0 else "",
            contact="Басма сөз кызматы: +996 312 62 00 00" if number % 4 == 0 else "",
        )
        tables = {lang: dict(zip(lines["ky"], lines[lang], strict=False)) for lang in ("ru", "en")}
        stats = {lang: 100.0 for lang in tables}
        revised = {lang: date + timedelta(days=1) for lang in tables}
        texts.append(ReleaseText(release, tuple(segments), tables, stats, revised))
    return texts


def tiny_png(path: Path) -> Path:
    """A valid 2x2 PNG image at ``path`` (for the logo and default image settings)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x0b\x5c\xad" * 2 for _ in range(2))
    data = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
