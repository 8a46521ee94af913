"""The stat a ``WriteBatch`` records for each file it writes is the stat of that file as it is
on disk afterwards: whoever compares it next (the stamps of ``update``) finds it unchanged and
need not read the file back."""

from __future__ import annotations

import os
import time
from pathlib import Path

from tests.shipped import copy_newsroom

from pressflow.cache import stat_key
from pressflow.files import WriteBatch, as_placed, read_snapshot
from pressflow.pipeline import open_project, update


def test_a_batch_records_each_file_as_it_is_once_placed(tmp_path: Path) -> None:
    """Over a file read before (moved aside, ours linked in), a new one (linked in), one left
    alone (no expectation: renamed in) and one whose bytes were already there."""
    over, new, plain, same = (tmp_path / name for name in ("over.po", "new.po", "p.po", "s.po"))
    over.write_text("old", "utf-8")
    same.write_text("same", "utf-8")
    _, snapshot = read_snapshot(over)
    batch = WriteBatch()
    batch.write(over, "new text", expect=snapshot)
    batch.write(new, "fresh", expect=None)
    batch.write(plain, "plain")
    batch.write(same, "same")
    time.sleep(0.05)  # a tick of the file system's clock: placing them moves their change time
    batch.commit()
    for path in (over, new, plain, same):
        assert stat_key(batch.stats[path]) == stat_key(os.stat(path))
    assert not batch.conflicts


def test_a_batch_keeping_no_stats_places_and_refuses_as_one_that_does(tmp_path: Path) -> None:
    """``stats=False`` (extract: no stamps) changes what is recorded, not what is written."""
    over, new, taken = (tmp_path / name for name in ("over.po", "new.po", "taken.po"))
    over.write_text("old", "utf-8")
    _, snapshot = read_snapshot(over)
    batch = WriteBatch(stats=False)
    batch.write(over, "new text", expect=snapshot)
    batch.write(new, "fresh", expect=None)
    batch.write(taken, "ours", expect=None)
    taken.write_text("saved meanwhile", "utf-8")
    batch.commit()
    assert (over.read_text("utf-8"), new.read_text("utf-8")) == ("new text", "fresh")
    assert taken.read_text("utf-8") == "saved meanwhile" and batch.conflicts == [taken]
    assert not batch.stats
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.po", "over.po", "taken.po"]


def test_a_file_no_longer_the_one_placed_keeps_the_stat_taken_before(tmp_path: Path) -> None:
    """Replaced, rewritten or removed right after it was placed: the stat taken before stands
    (it matches nothing on disk, so the next reader looks at the bytes)."""
    path, other = tmp_path / "a.po", tmp_path / "b.po"
    path.write_text("ours", "utf-8")
    other.write_text("someone else's", "utf-8")
    written = os.stat(path)
    assert as_placed(path, written) == os.stat(path)  # (still ours)
    assert as_placed(path, os.stat(other)) == os.stat(other)  # another inode
    path.write_text("ours, longer now", "utf-8")  # rewritten in place: another size
    assert as_placed(path, written) is written
    os.utime(path, ns=(written.st_atime_ns, written.st_mtime_ns + 1))
    path.write_text("ours", "utf-8")
    os.utime(path, ns=(written.st_atime_ns, written.st_mtime_ns + 1))  # same size, other time
    assert as_placed(path, written) is written
    path.unlink()
    assert as_placed(path, written) is written


def test_the_update_after_one_that_wrote_the_catalogs_finds_them_by_their_stat(
    tmp_path: Path,
) -> None:
    """The stamps an update records for the files it wrote match them: the next update takes
    every release as fresh from its stat alone and has nothing to record again."""
    root = copy_newsroom(tmp_path / "newsroom", catalogs=False)
    update(open_project(root))  # writes the template and both catalogs
    stamps = root / ".pressflow" / "stamps.json"
    before = stamps.stat()
    update(open_project(root))
    assert stamps.stat() == before  # not rewritten: no release looked at again
