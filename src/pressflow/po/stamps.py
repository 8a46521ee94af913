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
from pathlib import Path

from ..cache import code_fingerprint, stat_of
from ..config import Config
from ..files import atomic_write, read_existing

STAMPS_FILE = Path(".pressflow") / "stamps.json"
_MISSING = b"\x00missing\x00"
FORMAT = 2  # stamps.json keyed by release file name, with its slug


def fingerprint(paths: Iterable[Path | str], *, extra: str) -> str:
    """One hash over the bytes of ``paths`` in order (a missing file counts as such), ``extra``
    and pressflow's own code. Paths themselves are not hashed: only their roles, by position."""
    contents = (read_existing(p) for p in paths)
    return fingerprint_bytes((_MISSING if c is None else c for c in contents), extra=extra)


def fingerprint_bytes(contents: Iterable[bytes], *, extra: str) -> str:
    """``fingerprint`` of files whose bytes the caller already holds (it just wrote them)."""
    digest = hashlib.sha1(usedforsecurity=False)  # pragma: no mutate (a FIPS switch)
    digest.update(extra.encode())
    digest.update(code_fingerprint().encode())
    for data in contents:
        digest.update(len(data).to_bytes(8, "little"))  # pragma: no mutate (any width frames)
        digest.update(data)
    return digest.hexdigest()


@dataclass
class Stamps:
    """By release file name (not by slug: a front-matter ``slug:`` may name the catalogs): the
    slug the file had, the fingerprint of it with its catalogs, and the stat signature of those
    files. Loaded from and saved to ``<root>/.pressflow/stamps.json``."""

    path: Path
    known: dict[str, str] = field(default_factory=dict)  # file name -> stamp
    changed: bool = False
    seen: dict[str, str] = field(default_factory=dict)  # file name -> stat signature
    slugs: dict[str, str] = field(default_factory=dict)  # file name -> slug

    @classmethod
    def load(cls, root: Path) -> Stamps:
        path = Path(root) / STAMPS_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))  # pragma: no mutate (UTF-8)
        except (OSError, ValueError, UnicodeDecodeError):  # the save reports what is wrong
            return cls(path)
        if not isinstance(data, dict) or data.get("version") != FORMAT:
            return cls(path, changed=bool(data))  # an older format: one full run rewrites it
        tables = [data.get(name) for name in ("stamps", "seen", "slugs")]
        known, seen, slugs = (
            {str(k): str(v) for k, v in t.items()} if isinstance(t, dict) else {} for t in tables
        )
        return cls(path, known, seen=seen, slugs=slugs)

    def see(self, name: str, signature: str) -> None:
        if self.seen.get(name) != signature:
            self.seen[name] = signature
            self.changed = True

    def fresh(self, name: str, stamp: str) -> bool:
        return self.known.get(name) == stamp

    def record(self, name: str, slug: str, stamp: str) -> None:
        if self.known.get(name) != stamp or self.slugs.get(name) != slug:
            self.known[name] = stamp
            self.slugs[name] = slug
            self.changed = True

    def forget_signature(self, name: str) -> None:
        if self.seen.pop(name, None) is not None:
            self.changed = True

    def forget(self, name: str) -> None:
        for table in (self.known, self.seen, self.slugs):
            if table.pop(name, None) is not None:
                self.changed = True

    def save(self) -> bool:
        if not self.changed:
            return False
        record = {"version": FORMAT, "stamps": self.known, "seen": self.seen, "slugs": self.slugs}
        # pragma: no mutate start (any layout is the same record; sorted keys are tested)
        text = json.dumps(record, sort_keys=True, separators=(",", ":")) + "\n"  # (C encoder)
        # pragma: no mutate end
        self.changed = False
        return atomic_write(self.path, text)


def release_outputs(config: Config, source: Path | str, slug: str) -> list[str]:
    """The files one release's catalogs depend on and consist of: source, POT, every PO."""
    places = _places(os.fspath(source), slug, _targets(config))
    return [os.path.join(folder, name) for folder, name in places]


def _targets(config: Config) -> list[tuple[str, str]]:
    """(folder, suffix) of a release's POT and of each of its PO files."""
    catalogs = str(config.translations_dir)
    return [(f"{catalogs}/templates", ".pot")] + [
        (f"{catalogs}/{lang}", ".po") for lang in config.target_langs
    ]


def _places(source: str, slug: str, targets: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(folder, file name) of each of ``release_outputs``, in that order. Plain strings (no
    ``resolve``): checking thousands of releases must stay cheap."""
    return [os.path.split(source), *((folder, slug + suffix) for folder, suffix in targets)]


def _settings(config: Config, slug: str) -> str:
    values = (config.name, config.version, config.source_lang, *config.target_langs, slug)
    return "|".join(values)  # pragma: no mutate (any separator)


def release_stamp(config: Config, source: Path | str, slug: str) -> str:
    """The fingerprint of one release with its catalogs, under this project's settings."""
    return fingerprint(release_outputs(config, source, slug), extra=_settings(config, slug))


def stamp_of(config: Config, slug: str, contents: Sequence[bytes]) -> str:
    """``release_stamp`` from the bytes of ``release_outputs`` (in that order) as written."""
    return fingerprint_bytes(contents, extra=_settings(config, slug))


def _stat_part(name: str, folder: int | None = None) -> str:
    return stat_of(name, dir_fd=folder)


def signature_prefix(config: Config) -> str:
    values = (code_fingerprint(), config.name, config.version, config.source_lang)
    return "|".join((*values, *config.target_langs))  # pragma: no mutate (any separator)


def signature(prefix: str, slug: str, parts: Iterable[str]) -> str:
    """Size, times and inode of a release's files (``stat_key`` of each, in the order
    of ``release_outputs``): cheap evidence of no change."""
    return "|".join([prefix, slug, *parts])  # pragma: no mutate (any separator)


def fresh_releases(
    config: Config, paths: Iterable[Path | str], stamps: Stamps, *, until_stale: bool = False
) -> dict[str, str]:
    """File name -> slug of the releases whose source and catalogs are exactly as pressflow
    last left them; with ``until_stale``, of those met before the first that is not (a caller
    asking whether all are fresh stops there).

    The hot loop of a run with nothing changed (four ``stat`` calls per release, thousands of
    releases): strings and ``os`` only, the constant part computed once, and each file looked
    up by name in its already open folder rather than by walking its whole path again. The slug
    is the one recorded with the stamp: it can only differ if the release file changed, and then
    its stat differs too.
    """
    fresh: dict[str, str] = {}
    if not stamps.known:  # never stamped (the first run): nothing to compare
        return fresh
    prefix, targets = signature_prefix(config), _targets(config)
    with _Folders() as opened:
        for source in map(os.fspath, paths):
            name = os.path.basename(source)
            slug = stamps.slugs.get(name)
            if slug is None or name not in stamps.known:
                if until_stale:
                    break
                continue
            places = _places(source, slug, targets)
            found = signature(prefix, slug, (opened.stat_part(f, n) for f, n in places))
            if stamps.seen.get(name) == found:
                fresh[name] = slug
            elif stamps.fresh(name, release_stamp(config, source, slug)):
                stamps.see(name, found)  # touched but not changed (a checkout): skip next time
                fresh[name] = slug
            elif until_stale:
                break
    return fresh


class _Folders:
    """Open folders by path, for ``stat(name, dir_fd=...)``; closed on exit. Where the platform
    has no ``dir_fd`` (Windows) or a folder cannot be opened, names are joined to their folder
    path instead (the same answers, only slower)."""

    def __init__(self) -> None:
        self.fds: dict[str, int | None] = {}
        # pragma: no mutate start (with or without dir_fd: the same answers, only slower)
        self.usable = os.stat in os.supports_dir_fd and hasattr(os, "O_DIRECTORY")
        # pragma: no mutate end

    def __enter__(self) -> _Folders:
        return self

    def __exit__(self, *exc: object) -> None:
        for fd in self.fds.values():
            if fd is not None:
                os.close(fd)

    def stat_part(self, folder: str, name: str) -> str:
        """``_stat_part`` of ``folder/name``."""
        if folder not in self.fds:
            self.fds[folder] = self._open(folder)  # pragma: no mutate (None: the slow way)
        fd = self.fds[folder]  # pragma: no mutate (None: the slow way)
        return _stat_part(name, fd) if fd is not None else _stat_part(os.path.join(folder, name))

    def _open(self, folder: str) -> int | None:
        # A folder not opened is statted by path: the same answers, so no mutant can tell.
        if not self.usable:  # pragma: no mutate (the slow way)
            return None
        try:
            return os.open(folder or ".", os.O_RDONLY | os.O_DIRECTORY)  # pragma: no mutate
        except OSError:
            return None
