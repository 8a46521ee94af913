"""The one writer: atomic (temp file and rename), skips identical bytes, keeps the file mode.

Atomicity is tested deterministically: a reader that holds the old file open (its inode) must
still read every old byte after the write, and the path must then name a new inode. An in-place
write fails this every time, not only when a kill happens to land mid-write.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from pathlib import Path

import pytest

from pressflow import files
from pressflow.confine import Confinement
from pressflow.errors import ChangedOnDisk, WriteError
from pressflow.files import (
    UNCHECKED,
    Snapshot,
    WriteBatch,
    atomic_write,
    read_existing,
    read_snapshot,
    remove_stale_temporaries,
    replace_checked,
    unchanged_since,
)

OLD = "старый перевод\n".encode() * 64
NEW = "жаңы котормо\n".encode() * 32


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("writer", ["atomic_write", "batch"])
def test_a_reader_holding_the_old_file_keeps_all_its_bytes_and_the_path_is_a_new_inode(
    tmp_path: Path, writer: str
) -> None:
    path = tmp_path / "ru.po"
    path.write_bytes(OLD)
    with open(path, "rb") as held:
        old_inode = os.fstat(held.fileno()).st_ino
        if writer == "atomic_write":
            assert atomic_write(path, NEW) is True
        else:
            with WriteBatch() as batch:
                assert batch.write(path, NEW) is True
        assert held.read() == OLD  # the old inode was never written to
        assert os.fstat(held.fileno()).st_size == len(OLD)
    assert path.stat().st_ino != old_inode
    assert path.read_bytes() == NEW
    assert _listing(tmp_path) == ["ru.po"]  # no temporary file left behind


def test_identical_bytes_are_not_written_at_all(tmp_path: Path) -> None:
    path = tmp_path / "ru.po"
    path.write_bytes(OLD)
    before = path.stat()
    assert atomic_write(path, OLD) is False
    assert atomic_write(path, OLD.decode("utf-8")) is False  # str is encoded as UTF-8
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    with WriteBatch() as batch:
        assert batch.write(path, OLD.decode("utf-8")) is False
    assert path.stat().st_ino == before.st_ino


def test_text_is_written_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "ky.po"
    assert atomic_write(path, "Өмүрбек\n") is True
    assert path.read_bytes() == "Өмүрбек\n".encode()
    with WriteBatch() as batch:
        assert batch.write(tmp_path / "b.po", "Үч\n") is True
    assert (tmp_path / "b.po").read_bytes() == "Үч\n".encode()


@pytest.mark.parametrize("writer", ["atomic_write", "batch"])
def test_missing_folders_are_made_and_a_new_file_is_0644(tmp_path: Path, writer: str) -> None:
    old_umask = os.umask(0o077)  # a new file gets 0644 whatever the umask says
    try:
        path = tmp_path / "translations" / "ru" / "a.po"
        if writer == "atomic_write":
            assert atomic_write(path, NEW) is True
        else:
            with WriteBatch() as batch:
                assert batch.write(path, NEW) is True
                assert batch.write(path.with_name("b.po"), OLD) is True  # same new folder
    finally:
        os.umask(old_umask)
    assert path.read_bytes() == NEW
    assert _mode(path) == 0o644


@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_every_new_file_of_a_batch_keeping_no_stats_is_0644(tmp_path: Path, umask: int) -> None:
    """Without stats, a file's mode is looked at until the umask is seen to leave it as asked
    (then the files made alike are not): under a narrowing umask, every one is put right."""
    old_umask = os.umask(umask)
    names = ("a.po", "b.po", "c.po")
    try:
        with WriteBatch(stats=False) as batch:
            for name in names:
                assert batch.write(tmp_path / name, NEW) is True
    finally:
        os.umask(old_umask)
    assert [_mode(tmp_path / name) for name in names] == [0o644] * 3


@pytest.mark.parametrize("writer", ["atomic_write", "batch"])
def test_a_rewrite_keeps_the_files_mode(tmp_path: Path, writer: str) -> None:
    path = tmp_path / "ru.po"
    path.write_bytes(OLD)
    path.chmod(0o664)
    if writer == "atomic_write":
        atomic_write(path, NEW)
    else:
        with WriteBatch() as batch:
            batch.write(path, NEW)
    assert _mode(path) == 0o664
    assert path.read_bytes() == NEW


def test_an_unwritable_folder_is_a_one_line_error_naming_the_file(tmp_path: Path) -> None:
    blocker = tmp_path / "ru"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(WriteError) as info:
        atomic_write(blocker / "a.po", NEW)
    assert info.value.path == str(blocker / "a.po")
    assert "cannot write" in str(info.value)
    assert "\n" not in str(info.value)
    with pytest.raises(WriteError) as info, WriteBatch() as batch:
        batch.write(blocker / "b.po", NEW)
    assert info.value.path == str(blocker / "b.po")


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "ru.po"
    path.write_bytes(OLD)
    with pytest.raises(TypeError):
        atomic_write(path, 12345)  # type: ignore[arg-type]
    assert path.read_bytes() == OLD
    assert _listing(tmp_path) == ["ru.po"]


def test_a_batch_shows_nothing_before_commit_and_everything_after(tmp_path: Path) -> None:
    a, b = tmp_path / "a.po", tmp_path / "b.po"
    a.write_bytes(OLD)
    batch = WriteBatch()
    assert batch.write(a, NEW) is True
    assert batch.write(b, NEW) is True
    assert a.read_bytes() == OLD
    assert not b.exists()
    batch.commit()
    assert (a.read_bytes(), b.read_bytes()) == (NEW, NEW)
    assert _listing(tmp_path) == ["a.po", "b.po"]
    batch.commit()  # nothing staged: a no-op
    assert (a.read_bytes(), b.read_bytes()) == (NEW, NEW)


def test_an_aborted_batch_removes_its_temporaries_and_keeps_the_old_files(tmp_path: Path) -> None:
    a = tmp_path / "a.po"
    a.write_bytes(OLD)
    with pytest.raises(RuntimeError), WriteBatch() as batch:
        batch.write(a, NEW)
        batch.write(tmp_path / "b.po", NEW)
        raise RuntimeError("interrupted")
    assert a.read_bytes() == OLD
    assert _listing(tmp_path) == ["a.po"]
    batch.commit()  # the abort emptied it
    assert a.read_bytes() == OLD


def test_a_stale_temporary_from_a_killed_batch_is_neither_reused_nor_fatal(tmp_path: Path) -> None:
    path = tmp_path / "ru.po"
    stale = tmp_path / f".ru.po.{os.getpid()}.tmp"
    stale.write_bytes(b"half a file")
    with WriteBatch() as batch:
        assert batch.write(path, NEW) is True
    assert path.read_bytes() == NEW
    assert stale.read_bytes() == b"half a file"
    assert _mode(path) == 0o644


def test_read_existing_gives_bytes_or_none(tmp_path: Path) -> None:
    path = tmp_path / "x"
    assert read_existing(path) is None
    path.write_bytes(OLD)
    assert read_existing(path) == OLD
    assert read_existing(str(path)) == OLD
    with pytest.raises(IsADirectoryError):
        read_existing(tmp_path)


def test_the_temporary_is_a_hidden_tmp_file_beside_the_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same folder (a rename never crosses file systems), hidden, ``.tmp``: readers skip it."""
    seen: list[list[str]] = []
    real_replace = os.replace

    def watching_replace(src: str, dst: str) -> None:
        seen.append(_listing(tmp_path))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", watching_replace)
    atomic_write(tmp_path / "ru.po", NEW)
    with WriteBatch() as batch:
        batch.write(tmp_path / "en.po", NEW)
        staged = _listing(tmp_path)
    assert len(seen) == 2
    (temp,) = set(seen[0]) - {"ru.po"}
    assert temp.startswith(".ru.po.") and temp.endswith(".tmp")
    assert staged == [f".en.po.{os.getpid()}.tmp", "ru.po"]


def test_a_stale_temporary_gets_a_fresh_hidden_name(tmp_path: Path) -> None:
    stale = tmp_path / f".ru.po.{os.getpid()}.tmp"
    stale.write_bytes(b"half a file")
    with WriteBatch() as batch:
        batch.write(tmp_path / "ru.po", NEW)
        (temp,) = set(_listing(tmp_path)) - {stale.name}
    assert temp.startswith(".ru.po.") and temp.endswith(".tmp") and temp != stale.name


def test_a_rename_failing_at_commit_names_the_file(tmp_path: Path) -> None:
    target = tmp_path / "ru.po"
    batch = WriteBatch()
    batch.write(target, NEW)
    target.mkdir()  # a folder appears where the file goes
    (target / "x").write_text("x")
    with pytest.raises(WriteError) as info:
        batch.commit()
    assert info.value.path == str(target)


def test_an_abort_tolerates_a_temporary_already_cleaned_up(tmp_path: Path) -> None:
    batch = WriteBatch()
    batch.write(tmp_path / "a.po", NEW)
    batch.write(tmp_path / "b.po", NEW)
    (tmp_path / f".a.po.{os.getpid()}.tmp").unlink()  # removed by someone else's cleanup
    batch.abort()
    assert _listing(tmp_path) == []


# --------------------------------------------------------------------------- never over a save


def _saved_by_someone_else(path: Path, data: bytes) -> None:
    """A translator's editor saving: new bytes, a new inode, a later modification time."""
    st = path.stat()
    other = path.with_name(path.name + ".editor")
    other.write_bytes(data)
    os.utime(other, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    os.replace(other, path)


def test_a_snapshot_is_the_version_read(tmp_path: Path) -> None:
    path = tmp_path / "ru.po"
    assert read_snapshot(path) == (None, None)
    path.write_bytes(OLD)
    data, snap = read_snapshot(path)
    st = path.stat()
    assert data == OLD and snap is not None
    assert (snap.size, snap.mtime_ns, snap.ino) == (st.st_size, st.st_mtime_ns, st.st_ino)
    assert snap.key == f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}"
    assert snap == Snapshot.of(OLD, st)
    assert Snapshot.of(NEW, st).digest != snap.digest
    assert read_snapshot(str(path))[1] == snap


def _saved_in_place_at_the_next_stat(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[bool]:
    """The next ``os.fstat`` finds the translator's save (``NEW``) just made in place (same
    inode: VS Code, nano), a tick after the version before; later ones are as they were."""
    real_fstat, saved = os.fstat, []

    def fstat_after_a_save(fd: int) -> os.stat_result:
        monkeypatch.setattr(os, "fstat", real_fstat)
        saved.append(True)
        with open(path, "r+b") as handle:
            handle.write(NEW)
            handle.truncate()
        st = os.stat(path)
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 10_000_000))
        return real_fstat(fd)

    monkeypatch.setattr(os, "fstat", fstat_after_a_save)
    return saved


def test_a_save_in_place_while_a_file_is_read_never_passes_for_the_version_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stat taken after the read describes a save made in between while the bytes are the
    version before: the file still matching that stat, a merge of the old bytes would be
    written over the save. So a snapshot's stat is the one before its bytes: whatever the
    moment of the save, a write expecting the snapshot keeps the save or was made from it."""
    path = tmp_path / "ru.po"
    path.write_bytes(OLD)
    saved = _saved_in_place_at_the_next_stat(monkeypatch, path)
    data, snap = read_snapshot(path)
    assert saved and path.read_bytes() == NEW
    try:
        atomic_write(path, (data or b"") + b"merged", expect=snap)
    except ChangedOnDisk:
        assert path.read_bytes() == NEW  # the save kept
    else:
        assert data == NEW  # the write was made from the save


def test_a_save_in_place_while_a_write_finds_its_bytes_there_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``replace_checked`` finding its own bytes on disk writes nothing and hands back their
    snapshot for the next write (prefill saves a catalog again and again): a save in place
    between its read and its stat must not pass for those bytes either."""
    path = tmp_path / "ru.po"
    path.write_bytes(OLD)
    _, snap = read_snapshot(path)
    saved = _saved_in_place_at_the_next_stat(monkeypatch, path)
    with contextlib.suppress(ChangedOnDisk):
        snap = replace_checked(path, OLD, expect=snap)
        replace_checked(path, OLD + b"filled", expect=snap)
    assert saved and path.read_bytes() == NEW


def test_unchanged_since_answers_for_every_kind_of_expectation(tmp_path: Path) -> None:
    path = tmp_path / "ru.po"
    assert unchanged_since(path, UNCHECKED) and unchanged_since(path, None)  # still missing
    path.write_bytes(OLD)
    _, snap = read_snapshot(path)
    assert unchanged_since(path, UNCHECKED) and unchanged_since(path, snap)
    assert not unchanged_since(path, None)  # it was missing when read: someone created it
    os.utime(path, ns=(1, 1))  # touched (a checkout): same bytes, so the same version
    assert unchanged_since(path, snap)
    _saved_by_someone_else(path, NEW)
    assert not unchanged_since(path, snap)
    path.unlink()
    assert not unchanged_since(path, snap)  # deleted meanwhile
    assert unchanged_since(path, UNCHECKED)


def _saved_in_place_in_the_same_tick(path: Path, snap: Snapshot, data: bytes) -> None:
    """A save in place (VS Code, nano) of as many bytes, within the tick of the file system's
    clock that stamped the version read: size, modification time and inode all as before."""
    assert len(data) == snap.size
    with open(path, "r+b") as handle:
        handle.write(data)
    os.utime(path, ns=(snap.mtime_ns, snap.mtime_ns))


def test_a_save_in_the_same_clock_tick_as_the_version_read_is_never_overwritten(
    tmp_path: Path,
) -> None:
    """The stat alone cannot tell such a save from the version read: a version read within
    the clock's reach of its last change is judged by its bytes (git's racily clean entries)."""
    path = tmp_path / "ru.po"
    path.write_bytes(OLD)
    data, snap = read_snapshot(path)
    assert data == OLD and snap is not None and snap.racy
    saved = OLD.replace("старый".encode(), "СТАРЫЙ".encode())
    _saved_in_place_in_the_same_tick(path, snap, saved)
    assert not unchanged_since(path, snap)
    with pytest.raises(ChangedOnDisk):
        atomic_write(path, OLD + b"merged", expect=snap)
    assert path.read_bytes() == saved
    mine = replace_checked(tmp_path / "en.po", OLD, expect=None)  # a version just written
    assert mine.racy
    _saved_in_place_in_the_same_tick(tmp_path / "en.po", mine, saved)
    assert not unchanged_since(tmp_path / "en.po", mine)


def test_the_stat_vouches_for_a_version_older_than_the_clock_tick(tmp_path: Path) -> None:
    """Long unchanged when read (the common catalog): its stat alone says it is still that
    version, with no read. (Shown by a change that keeps size, time and inode, which only a
    deliberate ``touch -r`` makes: it passes.)"""
    path = tmp_path / "ru.po"
    path.write_bytes(OLD)
    hour_ago = time.time_ns() - 3_600 * 10**9
    os.utime(path, ns=(hour_ago, hour_ago))
    _, snap = read_snapshot(path)
    assert snap is not None and not snap.racy
    _saved_in_place_in_the_same_tick(path, snap, OLD.replace("старый".encode(), "СТАРЫЙ".encode()))
    assert unchanged_since(path, snap)


def test_atomic_write_leaves_a_file_saved_meanwhile_alone(tmp_path: Path) -> None:
    path = tmp_path / "ru.po"
    path.write_bytes(OLD)
    _, snap = read_snapshot(path)
    assert atomic_write(path, NEW, expect=snap) is True  # still as read: written
    _, snap = read_snapshot(path)
    _saved_by_someone_else(path, b"the translator's save")
    with pytest.raises(ChangedOnDisk) as info:
        atomic_write(path, OLD, expect=snap)
    assert info.value.path == str(path)
    assert path.read_bytes() == b"the translator's save"
    assert _listing(tmp_path) == ["ru.po"]
    with pytest.raises(ChangedOnDisk):
        atomic_write(tmp_path / "new.po", NEW, expect=snap)  # expected a file that is gone
    assert not (tmp_path / "new.po").exists()
    assert atomic_write(tmp_path / "new.po", NEW, expect=None) is True  # expected missing


def test_a_batch_lists_a_file_saved_meanwhile_as_a_conflict(tmp_path: Path) -> None:
    a, b = tmp_path / "a.po", tmp_path / "b.po"
    a.write_bytes(OLD)
    b.write_bytes(OLD)
    snaps = {p: read_snapshot(p)[1] for p in (a, b)}
    with WriteBatch() as batch:
        batch.write(a, NEW, expect=snaps[a])
        batch.write(b, NEW, expect=snaps[b])
        _saved_by_someone_else(b, b"saved")
    assert batch.conflicts == [b]
    assert (a.read_bytes(), b.read_bytes()) == (NEW, b"saved")
    assert set(batch.stats) == {a} and batch.stats[a].st_ino == a.stat().st_ino
    assert batch.stats[a].st_ino != snaps[a].ino  # a new file took the old one's place
    assert _listing(tmp_path) == ["a.po", "b.po"]


def test_stale_temporaries_are_removed_and_nothing_else(tmp_path: Path) -> None:
    for name in (".ru.po.123.tmp", ".en.po.abc.tmp", "ru.po", ".hidden", "notes.tmp"):
        (tmp_path / name).write_text("x")
    assert remove_stale_temporaries(tmp_path) == 2
    assert _listing(tmp_path) == [".hidden", "notes.tmp", "ru.po"]
    assert remove_stale_temporaries(str(tmp_path)) == 0
    assert remove_stale_temporaries(tmp_path / "missing") == 0
    assert remove_stale_temporaries(tmp_path / "ru.po") == 0  # not a folder


def linked_room(tmp_path: Path) -> tuple[Path, Path]:
    """A project (``room``) and a folder beside it (``elsewhere``): ``releases/a.txt``, a link
    to it (``inner.txt``) and a link to ``elsewhere/secret.txt`` (``link.txt``)."""
    project, outside = tmp_path / "room", tmp_path / "elsewhere"
    (project / "releases").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.txt").write_text("secret")
    (project / "releases" / "a.txt").write_text("a")
    (project / "releases" / "link.txt").symlink_to(outside / "secret.txt")
    (project / "releases" / "inner.txt").symlink_to(project / "releases" / "a.txt")
    return project, outside


def test_confinement_refuses_what_resolves_outside_the_project(tmp_path: Path) -> None:
    project, outside = linked_room(tmp_path)
    (project / "out").symlink_to(outside, target_is_directory=True)
    (project / "roomier").mkdir()  # a sibling whose name starts like the project's
    gate = Confinement(project)
    assert gate.allows(project / "releases" / "a.txt")
    assert gate.allows(project / "releases" / "inner.txt")
    assert not gate.allows(project / "releases" / "link.txt")
    assert not gate.allows(project / "out" / "secret.txt")
    assert not Confinement(project / "releases").allows(project / "roomier" / "x")
    assert gate.allows(project / "releases" / "a.txt")  # asked again: the folder's answer kept
    gate.check(project / "releases" / "a.txt", error=WriteError)
    with pytest.raises(WriteError) as info:
        gate.check(project / "releases" / "link.txt", error=WriteError)
    assert info.value.path == "releases/link.txt"
    assert "outside the project" in info.value.message


def test_confined_reads_refuse_a_link_outside_once_the_folder_is_known(tmp_path: Path) -> None:
    """A file read after its folder was judged is opened without following a symbolic link (the
    check and the read in one open, where the system has ``O_NOFOLLOW``): a link is still
    resolved and refused when it leads outside, and followed when it stays inside."""
    if hasattr(os, "O_NOFOLLOW"):
        assert files.NOFOLLOW == os.O_NOFOLLOW and files.READ_FLAGS & os.O_NOFOLLOW
    project, _ = linked_room(tmp_path)
    gate = Confinement(project)
    for _ in range(2):  # (a folder's first read, then a later one)
        assert gate.read(project / "releases" / "a.txt", error=WriteError)[0] == b"a"
        assert gate.read(project / "releases" / "inner.txt", error=WriteError)[0] == b"a"
        assert gate.read(project / "releases" / "missing.txt", error=WriteError) == (None, None)
        with pytest.raises(WriteError):
            gate.read(project / "releases" / "link.txt", error=WriteError)


def test_a_confined_read_takes_the_whole_file_from_a_file_system_that_reads_short(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read may return fewer bytes than asked (a network or FUSE file system, a file over
    2 GiB): the rest is read to the end, or a catalog cut between two entries would be merged
    and written back without the translations after the cut."""
    project, _ = linked_room(tmp_path)
    catalog = project / "releases" / "ru.po"
    text = "".join(f'msgid "Бир {n}"\nmsgstr "Один {n}"\n\n' for n in range(300)).encode()
    catalog.write_bytes(text)
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: real_read(fd, min(n, 1000)))
    gate = Confinement(project)
    for _ in range(2):  # (a folder's first read, then a later one)
        data, snap = gate.read(catalog, error=WriteError)
        assert data == text and snap is not None and snap.size == len(text)


def test_confinement_of_a_relative_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("x")
    gate = Confinement(".")
    assert gate.allows("a.txt")
    assert gate.allows(Path("a.txt"))


class _SwapAt:
    """Replace ``path`` with a symbolic link to ``target`` just before the ``n``-th call that
    reading through a confinement (``confine.py``, ``files.py``) makes to the operating system
    (a profile hook: nothing of pressflow's is replaced, only the moment is chosen)."""

    def __init__(self, path: Path, target: Path, n: int):
        self.path, self.target, self.n, self.calls, self.swapped = path, target, n, 0, False

    def __call__(self, frame: object, event: str, arg: object) -> None:
        code = frame.f_code  # type: ignore[attr-defined]
        if event != "c_call" or not code.co_filename.endswith(("confine.py", "files.py")):
            return
        if getattr(arg, "__module__", None) not in ("posix", "nt", "io", "_io", "builtins"):
            return
        if self.calls == self.n and not self.swapped:
            self.swapped = True
            self.path.unlink()
            self.path.symlink_to(self.target)
        self.calls += 1


@pytest.mark.skipif(not getattr(os, "O_NOFOLLOW", 0), reason="no O_NOFOLLOW")
def test_a_file_made_a_link_outside_at_any_moment_of_its_read_is_never_followed(
    tmp_path: Path,
) -> None:
    """A plain file is opened without following a link, so the open is the check: a release
    swapped for a link to a file outside the project at any moment is read as it was or
    refused, never followed (a check, then an open that follows, would read the secret)."""
    import sys

    project, secret = tmp_path / "room", tmp_path / "secret.txt"
    (project / "releases").mkdir(parents=True)
    secret.write_bytes(b"secret")
    n = 0
    while True:
        path = project / "releases" / f"{n}.txt"
        path.write_bytes(OLD)
        gate = Confinement(project)  # (each time new: its first read of the folder too)
        hook = _SwapAt(path, secret, n)
        sys.setprofile(hook)
        try:
            data, _ = gate.read(path, error=WriteError)
        except WriteError:
            data = None  # refused: the link resolves outside
        finally:
            sys.setprofile(None)
        assert data != b"secret", f"followed a link made before call {n}"
        if not hook.swapped:  # the read made fewer calls than n: every moment was tried
            assert data == OLD
            break
        n += 1
    assert n >= 2


class _SaveAt:
    """A translator's save made at the worst moment: just before the ``n``-th call that
    pressflow's writer (``files.py``) makes to the operating system. A profile hook sees every
    such call; nothing of pressflow's is replaced, only the moment of the save is chosen."""

    def __init__(self, path: Path, n: int):
        self.path, self.n, self.calls, self.saved = path, n, 0, False

    def __call__(self, frame: object, event: str, arg: object) -> None:
        code = frame.f_code  # type: ignore[attr-defined]
        if event != "c_call" or not code.co_filename.endswith(os.sep + "files.py"):
            return
        if getattr(arg, "__module__", None) not in ("posix", "nt", "io", "_io", "builtins"):
            return
        if self.calls == self.n and not self.saved:
            self.saved = True  # (the path may be missing for a moment: no stat of it here)
            other = self.path.with_name(self.path.name + ".editor")
            other.write_bytes(b"the translator's save")
            os.replace(other, self.path)
        self.calls += 1


def _writes_with_a_save_at_every_moment(tmp_path: Path, write: object) -> int:
    """Run ``write(path, expect)`` once per system call it makes, with a save just before that
    call; the save must be on disk afterwards every time. Returns how many moments were tried."""
    import sys

    n = 0
    while True:
        folder = tmp_path / str(n)
        folder.mkdir()
        path = folder / "ru.po"
        path.write_bytes(OLD)
        _, snap = read_snapshot(path)
        hook = _SaveAt(path, n)
        sys.setprofile(hook)
        try:
            placed = write(path, snap)  # type: ignore[operator]  # (a save after it may follow)
        finally:
            sys.setprofile(None)
        if not hook.saved:  # the write made fewer calls than n: every moment was tried
            assert placed and path.read_bytes() == NEW
            return n
        assert path.read_bytes() == b"the translator's save", f"save lost at call {n}"
        assert _listing(folder) == ["ru.po"], n  # no temporary or set-aside copy left
        n += 1


def test_a_save_at_any_moment_of_a_write_is_never_overwritten(tmp_path: Path) -> None:
    def write(path: Path, snap: Snapshot) -> bool:
        try:
            return atomic_write(path, NEW, expect=snap)
        except ChangedOnDisk:
            return False

    assert _writes_with_a_save_at_every_moment(tmp_path, write) >= 5


def test_a_save_at_any_moment_of_a_batch_commit_is_never_overwritten(tmp_path: Path) -> None:
    def write(path: Path, snap: Snapshot) -> bool:
        with WriteBatch() as batch:
            batch.write(path, NEW, expect=snap)
        return not batch.conflicts

    assert _writes_with_a_save_at_every_moment(tmp_path, write) >= 5


def test_replace_checked_gives_the_snapshot_of_what_it_left(tmp_path: Path) -> None:
    path = tmp_path / "ru.po"
    path.write_bytes(OLD)
    _, snap = read_snapshot(path)

    def version(snap: Snapshot | None) -> tuple[object, ...]:  # (placing it moves its ctime)
        assert snap is not None
        return (snap.size, snap.mtime_ns, snap.ino, snap.digest)

    left = replace_checked(path, NEW, expect=snap)
    assert path.read_bytes() == NEW and version(read_snapshot(path)[1]) == version(left)
    assert replace_checked(path, NEW, expect=left) == read_snapshot(path)[1]  # nothing to do
    again = replace_checked(path, OLD, expect=left)  # a writer keeps working on its file
    _saved_by_someone_else(path, b"saved")
    with pytest.raises(ChangedOnDisk) as info:
        replace_checked(path, NEW, expect=again)
    assert info.value.path == str(path) and path.read_bytes() == b"saved"
    assert _listing(tmp_path) == ["ru.po"]


def test_a_file_deleted_meanwhile_stays_deleted(tmp_path: Path) -> None:
    path = tmp_path / "ru.po"
    path.write_bytes(OLD)
    _, snap = read_snapshot(path)
    path.unlink()
    with pytest.raises(ChangedOnDisk):
        atomic_write(path, NEW, expect=snap)
    with WriteBatch() as batch:
        batch.write(path, NEW, expect=snap)
    assert batch.conflicts == [path]
    assert _listing(tmp_path) == []


def test_a_version_taken_aside_by_a_killed_write_is_put_back(tmp_path: Path) -> None:
    """Killed after the catalog was renamed aside and before ours took its place: the path is
    missing, and the next run's clean-up puts the catalog back (it never deletes it)."""
    (tmp_path / ".ru.po.123.aside").write_bytes(OLD)
    (tmp_path / ".ru.po.123.tmp").write_bytes(NEW)
    assert remove_stale_temporaries(tmp_path) == 1
    assert _listing(tmp_path) == ["ru.po"] and (tmp_path / "ru.po").read_bytes() == OLD


def test_a_version_aside_after_the_path_was_taken_again_is_dropped(tmp_path: Path) -> None:
    """Killed after ours (or a translator's save) took the name: that newer file stays."""
    (tmp_path / "en.po").write_bytes(NEW)
    (tmp_path / ".en.po.7.aside").write_bytes(OLD)
    assert remove_stale_temporaries(tmp_path) == 0
    assert _listing(tmp_path) == ["en.po"] and (tmp_path / "en.po").read_bytes() == NEW


def test_a_batch_flushed_in_the_background_places_every_file_or_none(tmp_path: Path) -> None:
    """``flush`` starts making the files staged so far durable while the caller goes on;
    ``commit`` waits for it and flushes the files staged since; ``abort`` leaves nothing."""
    paths = [tmp_path / f"{n}.po" for n in range(20)]  # (more than are fsynced one by one)
    with WriteBatch() as batch:
        for path in paths[:18]:
            batch.write(path, path.name, expect=None)
        batch.flush()
        batch.flush()  # (one flush at a time)
        for path in paths[18:]:
            batch.write(path, path.name, expect=None)
    assert [p.read_text("utf-8") for p in paths] == [p.name for p in paths]
    assert sorted(tmp_path.iterdir()) == sorted(paths)
    other = tmp_path / "other"
    other.mkdir()
    with pytest.raises(RuntimeError), WriteBatch() as batch:
        for n in range(18):
            batch.write(other / f"{n}.po", "x", expect=None)
        batch.flush()
        raise RuntimeError("stopped")
    assert list(other.iterdir()) == []
