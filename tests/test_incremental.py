"""The incremental cache changes nothing but the time a run takes: a newsroom run again with its
cache (nothing changed, then one release edited) ends with every catalog and page byte-identical
to the same newsroom run from scratch with ``.pressflow/`` deleted, and the same findings."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from dataclasses import replace
from pathlib import Path

import pytest

from pressflow import pipeline
from pressflow.cache import Cache, shard_of
from pressflow.errors import SlugError
from pressflow.po import catalog
from pressflow.qa import report
from pressflow.render import BuildResult
from pressflow.results import RunResult

REPO = Path(__file__).resolve().parents[1]
RELEASES = REPO / "tests" / "data" / "releases"
PICKED = (
    "html-table.html",
    "html-contact-link.html",
    "md-byline-share.md",
    "md-table.md",
    "bare-url.txt",
    "contact-block.txt",
    "byline-avtor.txt",
)


def newsroom(root: Path) -> Path:
    (root / "releases").mkdir(parents=True)
    config = (REPO / "pressflow.toml").read_text(encoding="utf-8")
    config = config.replace('engine = "google"', 'engine = "none"')
    config = config.replace('# base_url = "https', 'base_url = "https')  # a sitemap too
    (root / "pressflow.toml").write_text(config, encoding="utf-8")
    shutil.copy(REPO / "glossary.tsv", root / "glossary.tsv")
    shutil.copy(REPO / "releases" / "2018-07-03-lsg-forum.txt", root / "releases")
    for name in PICKED:
        shutil.copy(RELEASES / name, root / "releases")
    return root


def run(root: Path) -> RunResult:
    return pipeline.run(pipeline.open_project(root), engine="none")


def translate(root: Path) -> None:
    """Russian complete for every other release, English partly: published, fallback and
    held-back versions, and check findings, all in one site."""
    for number, path in enumerate(sorted((root / "translations" / "ru").glob("*.po"))):
        po = catalog.read_po(path)
        for i, entry in enumerate(po):
            if number % 2 == 0 or i % 2 == 0:
                entry.msgstr = f"Перевод {entry.msgid}"
        catalog.write_po(po, path)
    for path in sorted((root / "translations" / "en").glob("*.po"))[:3]:
        po = catalog.read_po(path)
        for entry in po:
            entry.msgstr = f"Translated {entry.msgid}"
        catalog.write_po(po, path)


def age(root: Path) -> None:
    """Every file a minute old: the cache then trusts their stat (its short cut) next time."""
    then = time.time() - 60
    for path in root.rglob("*"):
        if path.is_file():
            os.utime(path, (then, then))


def files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".pressflow" not in p.relative_to(root).parts
    }


def same_outcome(one: RunResult, other: RunResult) -> None:
    assert one.check == other.check
    assert summary(one.build) == summary(other.build)


def summary(built: object) -> tuple:
    """What a build says, its paths relative to its site folder."""
    assert isinstance(built, BuildResult)
    out = built.out
    stale = [(s.release, s.lang, s.path.relative_to(out), s.reason) for s in built.stale]
    return (
        [p.relative_to(out) for p in built.pages],
        built.held_back,
        stale,
        built.warnings,
        built.partial,
        [p.relative_to(out) for p in built.withdrawn],
    )


def cache_files(root: Path, table: str) -> dict[str, tuple[int, int]]:
    """The files of one cache table, each with its inode and modification time."""
    found = {}
    for path in (root / ".pressflow" / "cache").glob(f"{table}.*.json"):
        st = path.stat()
        found[path.name] = (st.st_ino, st.st_mtime_ns)
    return found


def from_scratch(root: Path, copy: Path) -> RunResult:
    """``root`` copied without its cache, and run."""
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".pressflow"))
    return run(copy)


def test_a_cached_run_is_byte_identical_to_a_run_from_scratch(tmp_path: Path) -> None:
    root = newsroom(tmp_path / "newsroom")
    run(root)
    translate(root)
    age(root)
    first = run(root)  # every release's catalogs changed: all made again
    same_outcome(first, from_scratch(root, tmp_path / "a"))
    assert files(root) == files(tmp_path / "a")
    age(root)
    again = run(root)  # nothing changed: from the cache, stat short cuts included
    same_outcome(again, first)
    built = again.build
    assert isinstance(built, BuildResult) and built.written == ()
    assert list((root / ".pressflow" / "cache").glob("build.*.json"))

    edited = root / "releases" / "bare-url.txt"
    known = next(  # a sentence another release has, translated: filled from memory
        e.msgid
        for e in catalog.read_po(root / "translations" / "ru" / "2018-07-03-lsg-forum.po")
        if e.msgstr and e.msgid.endswith(".") and len(e.msgid) > 40
    )
    edited.write_text(edited.read_text(encoding="utf-8") + f"\n{known}\n", "utf-8")
    (root / "translations" / "ru" / "md-table.po").write_bytes(
        (root / "translations" / "ru" / "md-table.po")
        .read_bytes()
        .replace(b'msgstr "\xd0\x9f', b'msgstr "\xd0\x9f\xd0\x9f', 1)
    )
    shards = cache_files(root, "check")
    incremental = run(root)
    assert incremental.prefill.filled >= 1  # type: ignore[attr-defined]
    rewritten = {name for name, seen in cache_files(root, "check").items() if shards[name] != seen}
    edited_shards = {f"{shard_of('check', slug)}.json" for slug in ("bare-url", "md-table")}
    assert rewritten == edited_shards  # the two releases' check records; the rest kept as is
    full = from_scratch(root, tmp_path / "b")
    same_outcome(incremental, full)
    assert files(root) == files(tmp_path / "b")
    assert any("bare-url" in p.name for p in incremental.build.written)  # type: ignore[attr-defined]


def test_a_retitled_release_makes_its_listings_as_a_full_build_does(tmp_path: Path) -> None:
    """Listing pages are kept or made one by one from their entries: with two releases to a
    page, the full text in the feeds and a sitemap, a release retitled (its index page, its
    year's archive and the feed change) and another edited in its body (only the feed changes)
    give the site a run from scratch gives."""
    root = newsroom(tmp_path / "newsroom")
    config = root / "pressflow.toml"
    text = config.read_text(encoding="utf-8").replace("page_size = 20", "page_size = 2")
    config.write_text(text.replace('feed = "summary"', 'feed = "full"'), encoding="utf-8")
    run(root)
    translate(root)
    age(root)
    run(root)
    age(root)
    run(root)  # the cache holds every listing
    retitled = root / "releases" / "bare-url.txt"
    title, rest = retitled.read_text(encoding="utf-8").split("\n", 1)
    retitled.write_text(f"{title} жаңы\n{rest}", "utf-8")
    edited = root / "releases" / "contact-block.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nЖаңы сүйлөм.\n", "utf-8")
    incremental = run(root)
    full = from_scratch(root, tmp_path / "b")
    same_outcome(incremental, full)
    assert files(root) == files(tmp_path / "b")
    written = {p.relative_to(root / "site").as_posix() for p in incremental.build.written}  # type: ignore[attr-defined]
    assert "ky/feed.atom" in written  # the full text of the edited release
    assert any(name.startswith("ky/archive/") for name in written)  # the new title


def test_a_new_release_with_the_slug_of_an_unchanged_one_is_refused(tmp_path: Path) -> None:
    """The releases an update skips as unchanged still own their slugs: a new file claiming
    one is refused with both files named, and nothing is written."""
    root = newsroom(tmp_path / "newsroom")
    run(root)
    age(root)
    before = files(root)
    copy = root / "releases" / "copy.md"
    copy.write_text("---\nslug: bare-url\n---\n\nЖаңы сүйлөм.\n", encoding="utf-8")
    with pytest.raises(SlugError, match=r"releases/bare-url\.txt and releases/copy\.md"):
        pipeline.update(pipeline.open_project(root))
    copy.unlink()
    assert files(root) == before


def test_a_prefill_that_read_every_catalog_keeps_the_key_of_each_ones_reviewed_entries(
    tmp_path: Path,
) -> None:
    """The first run reads every catalog (the cache knows none): the key of each one's reviewed
    entries is kept by its content, so the next run that fills something (an edited release's
    new sentence) takes the other catalogs' keys from the cache, reading none of their entries."""
    root = newsroom(tmp_path / "newsroom")
    run(root)
    translations = root / "translations"
    kept = {Path(name).relative_to(translations).as_posix() for name in Cache(root).names("pairs")}
    catalogs = {p.relative_to(translations).as_posix() for p in translations.glob("*/*.po")}
    assert catalogs and kept == catalogs


def test_deleting_the_cache_changes_no_byte(tmp_path: Path) -> None:
    root = newsroom(tmp_path / "newsroom")
    run(root)
    translate(root)
    run(root)
    before = files(root)
    shutil.rmtree(root / ".pressflow")
    run(root)
    assert files(root) == before
    for path in (root / ".pressflow" / "cache").glob("check.*.json"):
        path.write_text("{not json", encoding="utf-8")
    for path in (root / ".pressflow" / "cache").glob("build.*.json"):
        path.write_text('{"format": 0}', encoding="utf-8")
    run(root)
    assert files(root) == before


def test_a_page_edited_by_hand_is_made_again(tmp_path: Path) -> None:
    root = newsroom(tmp_path / "newsroom")
    run(root)
    page = root / "site" / "ky" / "bare-url.html"
    made = page.read_bytes()
    age(root)
    run(root)
    page.write_bytes(made.replace(b"<h1", b"<h1 hidden", 1))  # same folder, new content
    built = run(root).build
    assert page.read_bytes() == made
    assert page in built.written  # type: ignore[attr-defined]


def test_extract_from_the_cache_says_and_writes_what_a_full_extract_does(tmp_path: Path) -> None:
    root = newsroom(tmp_path / "newsroom")
    first = pipeline.extract(pipeline.open_project(root))
    age(root)
    again = pipeline.extract(pipeline.open_project(root))  # every release from the cache
    assert (again.units, again.problems) == (first.units, first.problems)
    assert [t.path for t in again.templates] == [t.path for t in first.templates]
    assert not any(t.changed for t in again.templates)
    edited = root / "releases" / "contact-block.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nЖаңы сүйлөм.\n", "utf-8")
    cached = pipeline.extract(pipeline.open_project(root))
    shutil.copytree(root, tmp_path / "copy", ignore=shutil.ignore_patterns(".pressflow"))
    full = pipeline.extract(pipeline.open_project(tmp_path / "copy"))
    assert (cached.units, cached.problems) == (full.units, full.problems)
    assert sorted(t.path for t in cached.templates) == sorted(t.path for t in full.templates)
    assert files(root) == files(tmp_path / "copy")


def test_a_first_extract_remembers_each_release_by_its_bytes_as_read(tmp_path: Path) -> None:
    """A first extract hashes no release ahead of its work: the digest of the bytes the work
    read is recorded under the stat it read them with, so the next run finds every release by
    a ``stat`` (and ``check`` and ``build`` alike)."""
    root = newsroom(tmp_path / "newsroom")
    age(root)
    pipeline.extract(pipeline.open_project(root))
    cache = root / ".pressflow" / "cache"
    digests: dict[str, list] = {}
    for shard in cache.glob("digests.*.json"):
        digests.update(json.loads(shard.read_bytes())["records"])
    releases = sorted((root / "releases").iterdir())
    for path in releases:
        st = path.stat()
        stat = f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}"
        digest = hashlib.sha1(path.read_bytes(), usedforsecurity=False).hexdigest()
        assert digests[str(path)] == [stat, digest]
    again = pipeline.extract(pipeline.open_project(root))
    assert not any(t.changed for t in again.templates) and len(again.templates) == len(releases)


def test_a_build_with_nothing_changed_repairs_the_listings_as_a_full_build_does(
    tmp_path: Path,
) -> None:
    root = newsroom(tmp_path / "newsroom")
    run(root)
    translate(root)
    run(root)
    age(root)
    site = root / "site"
    made = files(site)
    (site / "ky" / "index.html").unlink()  # removed by hand: made again
    (site / "ru" / "page" / "99.html").parent.mkdir(parents=True, exist_ok=True)
    (site / "ru" / "page" / "99.html").write_text("left over", encoding="utf-8")  # not ours
    built = pipeline.build(pipeline.open_project(root))
    assert files(site) == made
    assert isinstance(built, BuildResult) and [p.name for p in built.written] == ["index.html"]
    again = pipeline.build(pipeline.open_project(root))  # from the one record: the same report
    assert summary(again) == summary(built) and again.written == ()
    (site / "ru" / "page" / "99.html").write_text("left over", encoding="utf-8")
    third = pipeline.build(pipeline.open_project(root))  # replayed, and the leftover removed
    assert files(site) == made and summary(third) == summary(built) and third.written == ()


def test_stored_findings_report_as_found_and_a_damaged_one_is_checked_again(
    tmp_path: Path,
) -> None:
    """A check from the cache counts its problems without reading them (``run``'s summary,
    ``status``) and lists the same problems when asked; stored problems that do not read back
    are the release checked again, never a traceback or a finding lost."""
    root = newsroom(tmp_path / "newsroom")
    checked = run(root).check
    fresh = replace(checked, problems=list(checked.problems))  # counted one by one
    age(root)
    stored = pipeline.check(pipeline.open_project(root))
    assert report.render(stored, "summary") == report.render(fresh, "summary")
    assert report.status_rows(stored) == report.status_rows(fresh)
    assert stored.severity_count("error") == len(fresh.errors) > 0
    for path in (root / ".pressflow" / "cache").glob("findings.*.json"):
        data = json.loads(path.read_bytes())
        for _, record in data["records"].values():
            record[0] = [[1]]  # not a problem's row
            del record[1:]  # the other catalogs' rows lost
        path.write_text(json.dumps(data), encoding="utf-8")
    damaged = pipeline.check(pipeline.open_project(root))
    assert damaged == fresh
    assert [report.problem_line(p) for p in damaged.problems] == [
        report.problem_line(p) for p in fresh.problems
    ]


def test_a_release_is_shown_alike_whether_links_are_looked_up_one_by_one_or_listed(
    tmp_path: Path,
) -> None:
    """``rel_under(..., many=True)`` takes the links from one listing of the folder: the same
    paths as one ``lstat`` per file (a link shown as the file it names)."""
    root = newsroom(tmp_path / "n")
    releases = root / "releases"
    (releases / "linked.txt").symlink_to(releases / "bare-url.txt")
    config = pipeline.open_project(root)
    one_by_one = pipeline.rel_under(config, config.releases_dir)
    listed = pipeline.rel_under(config, config.releases_dir, many=True)
    paths = sorted(releases.iterdir())
    assert [listed(p) for p in paths] == [one_by_one(p) for p in paths]
    assert listed(releases / "linked.txt") == "releases/bare-url.txt"
    assert listed(os.fspath(releases / "bare-url.txt")) == "releases/bare-url.txt"
    assert listed(releases / "gone.txt", missing=True) == "releases/gone.txt"
