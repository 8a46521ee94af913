"""Skip releases whose source and catalogs have not changed since pressflow last wrote them.

A run over a newsroom with thousands of releases should cost little when nothing changed. After
pressflow writes a release's POT and PO files it records one fingerprint over the bytes of the
release file, of those catalogs and of pressflow itself; the next run recomputes it (reading a few
small files, no parsing, no segmentation) and skips the release when it is equal. Anything that
touched one of those files (an edit of the release, a translator saving a PO, a ``git pull``, a
new pressflow) changes the fingerprint, so skipping never hides work. The record lives in
``.pressflow/stamps.json`` (git-ignored): losing it only costs one full run.

Like git's index, each record also keeps the files' size, modification time and inode as last
seen: when none of them moved, the bytes are not read again, so checking thousands of releases
costs a few ``stat`` calls each. Any change of those falls back to the content fingerprint.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..config import Config
from ..files import atomic_write, read_existing

STAMPS_FILE = Path(".pressflow") / "stamps.json"
_MISSING = b"\x00missing\x00"


_CODE_SUFFIXES = (".py", ".toml", ".txt", ".tsv", ".json")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """pressflow's own code and data: a new version or a changed segmentation rule re-runs all."""
    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    found = []
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = [d for d in subfolders if d != "__pycache__"]
        for name in names:
            if name.endswith(_CODE_SUFFIXES):
                path = os.path.join(folder, name)
                stat = os.stat(path)
                rel = os.path.relpath(path, package).replace(os.sep, "/")
                found.append(f"{rel}:{stat.st_size}:{stat.st_mtime_ns}\n")
    digest = hashlib.sha1(usedforsecurity=False)
    for line in sorted(found):
        digest.update(line.encode())
    return digest.hexdigest()


def fingerprint(paths: Iterable[Path | str], *, extra: str = "") -> str:
    """One hash over the bytes of ``paths`` in order (a missing file counts as such), ``extra``
    and pressflow's own code. Paths themselves are not hashed: only their roles, by position."""
    contents = (read_existing(p) for p in paths)
    return fingerprint_bytes((_MISSING if c is None else c for c in contents), extra=extra)


def fingerprint_bytes(contents: Iterable[bytes], *, extra: str = "") -> str:
    """``fingerprint`` of files whose bytes the caller already holds (it just wrote them)."""
    digest = hashlib.sha1(usedforsecurity=False)
    digest.update(extra.encode())
    digest.update(code_fingerprint().encode())
    for data in contents:
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


@dataclass
class Stamps:
    """Fingerprints by release slug, loaded from and saved to ``<root>/.pressflow/stamps.json``."""

    path: Path
    known: dict[str, str] = field(default_factory=dict)
    changed: bool = False
    seen: dict[str, str] = field(default_factory=dict)  # slug -> stat signature of its files

    @classmethod
    def load(cls, root: Path) -> Stamps:
        path = Path(root) / STAMPS_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError, UnicodeDecodeError):
            data = {}
        if not isinstance(data, dict):
            data = {}
        stamps, seen = data.get("stamps"), data.get("seen")
        if not isinstance(stamps, dict):  # the first format: slug -> stamp
            stamps, seen = data, {}
        known = {str(k): str(v) for k, v in stamps.items()}
        seen = {str(k): str(v) for k, v in seen.items()} if isinstance(seen, dict) else {}
        return cls(path, known, seen=seen)

    def see(self, slug: str, signature: str) -> None:
        if self.seen.get(slug) != signature:
            self.seen[slug] = signature
            self.changed = True

    def fresh(self, slug: str, stamp: str) -> bool:
        return self.known.get(slug) == stamp

    def record(self, slug: str, stamp: str) -> None:
        if self.known.get(slug) != stamp:
            self.known[slug] = stamp
            self.changed = True

    def forget(self, slug: str) -> None:
        if self.known.pop(slug, None) is not None:
            self.changed = True
        self.seen.pop(slug, None)

    def save(self) -> bool:
        if not self.changed:
            return False
        record = {"stamps": self.known, "seen": self.seen}
        text = json.dumps(record, indent=0, sort_keys=True) + "\n"
        self.changed = False
        return atomic_write(self.path, text)


def release_outputs(config: Config, source: Path | str) -> list[str]:
    """The files one release's catalogs depend on and consist of: source, POT, every PO."""
    places = _places(os.fspath(source), _targets(config))
    return [os.path.join(folder, name) for folder, name in places]


def _targets(config: Config) -> list[tuple[str, str]]:
    """(folder, suffix) of a release's POT and of each of its PO files."""
    catalogs = str(config.translations_dir)
    return [(f"{catalogs}/templates", ".pot")] + [
        (f"{catalogs}/{lang}", ".po") for lang in config.target_langs
    ]


def _places(source: str, targets: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(folder, file name) of each of ``release_outputs``, in that order. Plain strings (no
    ``resolve``): checking thousands of releases must stay cheap."""
    head, name = os.path.split(source)
    slug = os.path.splitext(name)[0]
    return [(head, name), *((folder, slug + suffix) for folder, suffix in targets)]


def _slug(source: str) -> str:
    return os.path.splitext(os.path.basename(source))[0]


def _settings(config: Config) -> str:
    return "|".join((config.name, config.version, config.source_lang, *config.target_langs))


def release_stamp(config: Config, source: Path | str) -> str:
    """The fingerprint of one release with its catalogs, under this project's settings."""
    return fingerprint(release_outputs(config, source), extra=_settings(config))


def stamp_of(config: Config, contents: Sequence[bytes]) -> str:
    """``release_stamp`` from the bytes of ``release_outputs`` (in that order) as written."""
    return fingerprint_bytes(contents, extra=_settings(config))


def _stat_part(name: str, folder: int | None = None) -> str:
    try:
        st = os.stat(name, dir_fd=folder)
    except (FileNotFoundError, NotADirectoryError):
        return "-"
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"


def _signature_prefix(config: Config) -> str:
    return f"{code_fingerprint()}|{_settings(config)}"


def _signature(prefix: str, places: Iterable[tuple[str, str]], opened: _Folders) -> str:
    """Size, modification time and inode of a release's files: cheap evidence of no change."""
    return "|".join([prefix, *(opened.stat_part(folder, name) for folder, name in places)])


def stat_signatures(config: Config, sources: Iterable[Path | str]) -> dict[str, str]:
    """Slug -> stat signature of each release's files as they are now (``update`` records them
    after writing; ``fresh_slugs`` compares against them)."""
    prefix, targets = _signature_prefix(config), _targets(config)
    with _Folders() as opened:
        return {
            _slug(source): _signature(prefix, _places(source, targets), opened)
            for source in map(os.fspath, sources)
        }


def fresh_slugs(config: Config, paths: Iterable[Path | str], stamps: Stamps) -> set[str]:
    """Slugs of the releases whose source and catalogs are exactly as pressflow last left them.

    The hot loop of a run with nothing changed (four ``stat`` calls per release, thousands of
    releases): strings and ``os`` only, the constant part computed once, and each file looked
    up by name in its already open folder rather than by walking its whole path again.
    """
    fresh: set[str] = set()
    if not stamps.known:  # never stamped (the first run): nothing to compare
        return fresh
    prefix, targets = _signature_prefix(config), _targets(config)
    with _Folders() as opened:
        for source in map(os.fspath, paths):
            slug = _slug(source)
            if slug not in stamps.known:
                continue
            signature = _signature(prefix, _places(source, targets), opened)
            if stamps.seen.get(slug) == signature:
                fresh.add(slug)
            elif stamps.fresh(slug, release_stamp(config, source)):
                stamps.see(slug, signature)  # touched but not changed (a checkout): skip next time
                fresh.add(slug)
    return fresh


class _Folders:
    """Open folders by path, for ``stat(name, dir_fd=...)``; closed on exit. Where the platform
    has no ``dir_fd`` (Windows) or a folder cannot be opened, names are joined to their folder
    path instead (the same answers, only slower)."""

    def __init__(self) -> None:
        self.fds: dict[str, int | None] = {}
        self.usable = os.stat in os.supports_dir_fd and hasattr(os, "O_DIRECTORY")

    def __enter__(self) -> _Folders:
        return self

    def __exit__(self, *exc: object) -> None:
        for fd in self.fds.values():
            if fd is not None:
                os.close(fd)

    def stat_part(self, folder: str, name: str) -> str:
        """``_stat_part`` of ``folder/name``."""
        if folder not in self.fds:
            self.fds[folder] = self._open(folder)
        fd = self.fds[folder]
        return _stat_part(name, fd) if fd is not None else _stat_part(os.path.join(folder, name))

    def _open(self, folder: str) -> int | None:
        if not self.usable:
            return None
        try:
            return os.open(folder or ".", os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            return None
