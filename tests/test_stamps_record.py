"""The stamps record: which files a release's stamp covers, what changes it, what the record
keeps on disk, and which releases it lets a run skip (pure functions on a temporary folder)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pressflow.cache import folder_fingerprint, stat_key
from pressflow.config import Config
from pressflow.po.stamps import (
    STAMPS_FILE,
    Stamps,
    _Folders,
    fingerprint,
    fresh_releases,
    release_outputs,
    release_stamp,
    signature,
    signature_prefix,
    stamp_of,
)


def _config(root: Path, **values: object) -> Config:
    return Config(root=root, translations_dir=root / "translations", **values)  # type: ignore[arg-type]


def _newsroom(root: Path) -> tuple[Config, Path]:
    """A release with its POT and two PO files, as update leaves them."""
    config = _config(root)
    source = root / "releases" / "forum.txt"
    for path in [source, *map(Path, release_outputs(config, source, "forum")[1:])]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{path.name}\n", encoding="utf-8")
    return config, source


def test_a_release_stamp_covers_its_source_its_template_and_every_catalog(tmp_path: Path) -> None:
    config = _config(tmp_path)
    catalogs = tmp_path / "translations"
    assert release_outputs(config, "releases/a.txt", "slug") == [
        "releases/a.txt",
        f"{catalogs}/templates/slug.pot",
        f"{catalogs}/ru/slug.po",
        f"{catalogs}/en/slug.po",
    ]


def test_the_stamp_of_written_bytes_is_the_stamp_of_the_files(tmp_path: Path) -> None:
    config, source = _newsroom(tmp_path)
    contents = [Path(p).read_bytes() for p in release_outputs(config, source, "forum")]
    assert stamp_of(config, "forum", contents) == release_stamp(config, source, "forum")


@pytest.mark.parametrize(
    "settings",
    [{"name": "other"}, {"version": "2.0"}, {"source_lang": "kk"}, {"target_langs": ("en", "ru")}],
)
def test_a_change_of_settings_changes_every_stamp(tmp_path: Path, settings: dict) -> None:
    config, source = _newsroom(tmp_path)
    other = _config(tmp_path, **settings)
    contents = [Path(p).read_bytes() for p in release_outputs(config, source, "forum")]
    assert stamp_of(other, "forum", contents) != stamp_of(config, "forum", contents)
    assert release_stamp(other, source, "forum") != release_stamp(config, source, "forum")
    assert signature_prefix(other) != signature_prefix(config)


def test_a_missing_file_is_not_an_empty_one_and_order_counts(tmp_path: Path) -> None:
    empty, full = tmp_path / "empty", tmp_path / "full"
    empty.write_bytes(b"")
    full.write_bytes(b"x")
    missing = tmp_path / "missing"
    assert fingerprint([missing], extra="e") != fingerprint([empty], extra="e")
    assert fingerprint([empty, full], extra="e") != fingerprint([full, empty], extra="e")
    assert fingerprint([full], extra="e") != fingerprint([full], extra="f")
    assert fingerprint([full], extra="e") == fingerprint([full], extra="e")


def test_the_package_fingerprint_names_files_and_ignores_caches_and_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "pkg"
    (package / "data").mkdir(parents=True)
    (package / "data" / "b.toml").write_text("b")
    (package / "c.py").write_text("c")
    base = folder_fingerprint(package)
    copy = tmp_path / "elsewhere" / "pkg"
    copy.parent.mkdir()
    os.rename(package, copy)
    assert folder_fingerprint(copy) == base  # where it is installed does not count
    monkeypatch.chdir(copy / "data")
    assert folder_fingerprint(copy) == base  # nor the current folder
    (copy / "__pycache__").mkdir()
    (copy / "__pycache__" / "c.cpython-311.pyc").write_bytes(b"compiled")
    (copy / "data" / "__pycache__").mkdir()
    assert folder_fingerprint(copy) == base
    (copy / "data" / "b.toml").rename(copy / "data" / "bb.toml")  # same place in the order
    assert folder_fingerprint(copy) != base
    (copy / "data" / "bb.toml").rename(copy / "data" / "b.toml")
    (copy / "data" / "empty.txt").write_bytes(b"")
    assert folder_fingerprint(copy) != base


def test_the_record_survives_a_save_and_load_and_is_written_only_when_changed(
    tmp_path: Path,
) -> None:
    stamps = Stamps.load(tmp_path)
    assert (stamps.known, stamps.seen, stamps.slugs, stamps.changed) == ({}, {}, {}, False)
    assert stamps.save() is False and not (tmp_path / STAMPS_FILE).exists()
    stamps.record("a.txt", "a", "stamp-a")
    stamps.see("a.txt", "sig-a")
    stamps.record("b.md", "custom", "stamp-b")
    assert stamps.changed and stamps.save() is True and not stamps.changed
    again = Stamps.load(tmp_path)
    assert again.known == {"a.txt": "stamp-a", "b.md": "stamp-b"}
    assert again.seen == {"a.txt": "sig-a"}
    assert again.slugs == {"a.txt": "a", "b.md": "custom"}
    assert not again.changed
    assert again.fresh("a.txt", "stamp-a") and not again.fresh("a.txt", "stamp-b")
    assert not again.fresh("c.txt", "stamp-a")
    again.record("a.txt", "a", "stamp-a")
    again.see("a.txt", "sig-a")
    again.forget("gone.txt")
    again.forget_signature("b.md")
    assert not again.changed  # nothing new: nothing to write


@pytest.mark.parametrize(
    "change",
    [
        lambda s: s.record("a.txt", "a", "new"),
        lambda s: s.record("a.txt", "renamed", "stamp-a"),
        lambda s: s.see("a.txt", "new"),
        lambda s: s.forget_signature("a.txt"),
        lambda s: s.forget("a.txt"),
    ],
)
def test_every_change_of_the_record_is_saved(tmp_path: Path, change) -> None:
    stamps = Stamps.load(tmp_path)
    stamps.record("a.txt", "a", "stamp-a")
    stamps.see("a.txt", "sig-a")
    stamps.save()
    loaded = Stamps.load(tmp_path)
    change(loaded)
    assert loaded.changed
    loaded.save()
    assert Stamps.load(tmp_path).__dict__ | {"changed": False} == loaded.__dict__


def test_forget_drops_every_trace_of_a_release(tmp_path: Path) -> None:
    stamps = Stamps.load(tmp_path)
    stamps.record("a.txt", "a", "stamp-a")
    stamps.see("a.txt", "sig-a")
    stamps.forget("a.txt")
    assert (stamps.known, stamps.seen, stamps.slugs) == ({}, {}, {})
    stamps.see("a.txt", "sig-a")
    stamps.forget_signature("a.txt")
    assert stamps.seen == {}


def test_the_saved_record_does_not_depend_on_the_order_releases_finished(tmp_path: Path) -> None:
    first, second = Stamps(tmp_path / "1.json"), Stamps(tmp_path / "2.json")
    for name in ("a.txt", "b.txt"):
        first.record(name, name[0], "s" + name)
    for name in ("b.txt", "a.txt"):
        second.record(name, name[0], "s" + name)
    first.save()
    second.save()
    assert first.path.read_bytes() == second.path.read_bytes()


@pytest.mark.parametrize(
    ("text", "rewrite"),
    [
        ("{not json", False),
        ("[1, 2]", True),
        ('{"version": 1, "stamps": {"a.txt": "x"}}', True),  # an older format
        ('{"stamps": {"a.txt": "x"}}', True),
        ("\xff", False),
    ],
)
def test_a_broken_or_older_record_is_read_as_empty_and_rewritten_if_it_held_data(
    tmp_path: Path, text: str, rewrite: bool
) -> None:
    (tmp_path / STAMPS_FILE).parent.mkdir()
    (tmp_path / STAMPS_FILE).write_bytes(text.encode("latin-1"))
    stamps = Stamps.load(tmp_path)
    assert (stamps.known, stamps.seen, stamps.slugs) == ({}, {}, {})
    assert stamps.changed is rewrite
    stamps.record("a.txt", "a", "new")
    assert stamps.save() and Stamps.load(tmp_path).known == {"a.txt": "new"}


def test_a_record_with_a_broken_table_keeps_the_others(tmp_path: Path) -> None:
    (tmp_path / STAMPS_FILE).parent.mkdir()
    record = {"version": 2, "stamps": {"a.txt": "x"}, "seen": [1], "slugs": {"a.txt": 7}}
    (tmp_path / STAMPS_FILE).write_text(json.dumps(record))
    stamps = Stamps.load(tmp_path)
    assert (stamps.known, stamps.seen, stamps.slugs) == ({"a.txt": "x"}, {}, {"a.txt": "7"})


def test_a_release_is_skipped_exactly_while_its_files_are_as_recorded(tmp_path: Path) -> None:
    config, source = _newsroom(tmp_path)
    other = tmp_path / "releases" / "other.txt"
    other.write_text("other\n")
    stamps = Stamps(tmp_path / "stamps.json")
    assert fresh_releases(config, [source, other], stamps) == {}  # never stamped
    stamps.record("forum.txt", "forum", release_stamp(config, source, "forum"))
    stamps.changed = False
    # No signature yet: the content decides, and the signature is remembered for next time.
    assert fresh_releases(config, [other, source], stamps) == {"forum.txt": "forum"}
    assert stamps.changed
    parts = [stat_key(os.stat(p)) for p in release_outputs(config, source, "forum")]
    assert stamps.seen["forum.txt"] == signature(signature_prefix(config), "forum", parts)
    stamps.changed = False
    assert fresh_releases(config, [source], stamps) == {"forum.txt": "forum"}
    assert not stamps.changed  # the signature matched: nothing read, nothing new

    po = Path(release_outputs(config, source, "forum")[2])
    st = po.stat()
    os.utime(po, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))  # touched, bytes the same
    assert fresh_releases(config, [source], stamps) == {"forum.txt": "forum"}
    assert stamps.changed
    po.write_text("msgid edited\n", encoding="utf-8")
    assert fresh_releases(config, [source], stamps) == {}
    po.unlink()
    assert fresh_releases(config, [source], stamps) == {}  # a missing catalog is a change


def test_asked_until_the_first_stale_release_the_answer_stops_there(tmp_path: Path) -> None:
    config, source = _newsroom(tmp_path)
    other = tmp_path / "releases" / "other.txt"
    other.write_text("other\n")
    stamps = Stamps(tmp_path / "stamps.json")
    stamps.record("forum.txt", "forum", release_stamp(config, source, "forum"))
    both = [other, source]
    assert fresh_releases(config, both, stamps) == {"forum.txt": "forum"}
    assert fresh_releases(config, both, stamps, until_stale=True) == {}  # other.txt: stale
    assert fresh_releases(config, both[::-1], stamps, until_stale=True) == {"forum.txt": "forum"}
    source.write_text("edited\n", encoding="utf-8")
    assert fresh_releases(config, both[::-1], stamps, until_stale=True) == {}


def test_the_slug_recorded_with_the_stamp_names_the_catalogs(tmp_path: Path) -> None:
    config, source = _newsroom(tmp_path)
    renamed = tmp_path / "releases" / "2024-forum.md"
    source.rename(renamed)
    stamps = Stamps(tmp_path / "stamps.json")
    stamps.record(renamed.name, "forum", release_stamp(config, renamed, "forum"))
    assert fresh_releases(config, [renamed], stamps) == {"2024-forum.md": "forum"}
    stamps.slugs["2024-forum.md"] = "other"
    stamps.seen.clear()
    assert fresh_releases(config, [renamed], stamps) == {}
    del stamps.slugs["2024-forum.md"]
    assert fresh_releases(config, [renamed], stamps) == {}


def test_catalogs_in_a_folder_that_is_not_there_are_missing_files(tmp_path: Path) -> None:
    config, source = _newsroom(tmp_path)
    outputs = release_outputs(config, source, "forum")
    for path in outputs[1:]:
        os.unlink(path)
    stamps = Stamps(tmp_path / "stamps.json")
    stamps.record("forum.txt", "forum", release_stamp(config, source, "forum"))
    os.rmdir(tmp_path / "translations" / "ru")
    assert fresh_releases(config, [source], stamps) == {"forum.txt": "forum"}
    parts = [stat_key(os.stat(outputs[0])), "-", "-", "-"]
    assert stamps.seen["forum.txt"] == signature(signature_prefix(config), "forum", parts)


def test_checking_many_folders_leaves_no_folder_open(tmp_path: Path) -> None:
    config, source = _newsroom(tmp_path)
    stamps = Stamps(tmp_path / "stamps.json")
    stamps.record("forum.txt", "forum", release_stamp(config, source, "forum"))
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(3):
        assert fresh_releases(config, [source], stamps) == {"forum.txt": "forum"}
    assert len(os.listdir("/proc/self/fd")) == before


def test_without_open_folders_the_files_are_statted_by_path_alike(tmp_path: Path) -> None:
    """What a platform without ``dir_fd`` (Windows) does: the same answers."""
    config, source = _newsroom(tmp_path)
    places = [os.path.split(p) for p in release_outputs(config, source, "forum")]
    places.append((str(tmp_path / "not-there"), "forum.po"))
    with _Folders() as fast:
        expected = [fast.stat_part(folder, name) for folder, name in places]
    with _Folders() as slow:
        slow.usable = False
        assert [slow.stat_part(folder, name) for folder, name in places] == expected
    assert expected[0] == stat_key(os.stat(source)) and expected[-1] == "-" == stat_key(None)


def test_after_update_the_next_run_finds_every_release_by_its_stats_alone(tmp_path: Path) -> None:
    from pressflow import pipeline
    from pressflow.config import load_config
    from pressflow.files import read_snapshot

    root = Path(__file__).resolve().parent.parent
    (tmp_path / "releases").mkdir()
    (tmp_path / "pressflow.toml").write_bytes((root / "pressflow.toml").read_bytes())
    for source in sorted((root / "releases").glob("*.txt")):
        (tmp_path / "releases" / source.name).write_bytes(source.read_bytes())
    config = load_config(tmp_path)
    paths = sorted((tmp_path / "releases").glob("*.txt"))
    pipeline.update(config)
    pipeline.update(config)  # every file as read, none written: their snapshots are recorded
    stamps = Stamps.load(tmp_path)
    assert len(fresh_releases(config, paths, stamps)) == len(paths)
    assert not stamps.changed  # no signature was new: no release's content was read
    _, snapshot = read_snapshot(paths[0])
    assert snapshot is not None and snapshot.key == stat_key(os.stat(paths[0]))
