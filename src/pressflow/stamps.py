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

from .config import Config
from .files import atomic_write

STAMPS_FILE = Path(".pressflow") / "stamps.json"
_MISSING = b"\x00missing\x00"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """pressflow's own code and data: a new version or a changed segmentation rule re-runs all."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha1(usedforsecurity=False)
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".toml", ".txt", ".tsv", ".json") and path.is_file():
            stat = path.stat()
            digest.update(
                f"{path.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}\n".encode()
            )
    return digest.hexdigest()


def _read(path: Path | str) -> bytes:
    try:
        with open(path, "rb") as handle:  # not pathlib: thousands of files per run
            return handle.read()
    except FileNotFoundError:
        return _MISSING


def fingerprint(paths: Iterable[Path | str], *, extra: str = "") -> str:
    """One hash over the bytes of ``paths`` in order (a missing file counts as such), ``extra``
    and pressflow's own code. Paths themselves are not hashed: only their roles, by position."""
    return fingerprint_bytes((_read(p) for p in paths), extra=extra)


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


def release_outputs(config: Config, source: Path) -> list[str]:
    """The files one release's catalogs depend on and consist of: source, POT, every PO.

    Plain string joins (no ``resolve``): checking thousands of releases must stay cheap.
    """
    slug = Path(source).stem
    folder = str(config.translations_dir)
    catalogs = [f"{folder}/{lang}/{slug}.po" for lang in config.target_langs]
    return [str(source), f"{folder}/templates/{slug}.pot", *catalogs]


def _settings(config: Config) -> str:
    return "|".join((config.name, config.version, config.source_lang, *config.target_langs))


def release_stamp(config: Config, source: Path) -> str:
    """The fingerprint of one release with its catalogs, under this project's settings."""
    return fingerprint(release_outputs(config, source), extra=_settings(config))


def stamp_of(config: Config, contents: Sequence[bytes]) -> str:
    """``release_stamp`` from the bytes of ``release_outputs`` (in that order) as written."""
    return fingerprint_bytes(contents, extra=_settings(config))


def stat_signature(config: Config, source: Path) -> str:
    """Size, modification time and inode of a release's files: cheap evidence of no change."""
    parts = [code_fingerprint(), _settings(config)]
    for name in release_outputs(config, source):
        try:
            st = os.stat(name)
        except FileNotFoundError:
            parts.append("-")
            continue
        parts.append(f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}")
    return "|".join(parts)


def fresh_slugs(config: Config, paths: Iterable[Path], stamps: Stamps) -> set[str]:
    """Slugs of the releases whose source and catalogs are exactly as pressflow last left them."""
    fresh = set()
    for path in paths:
        slug = path.stem
        if slug not in stamps.known:  # never stamped (the first run): no fingerprint to compare
            continue
        signature = stat_signature(config, path)
        if stamps.seen.get(slug) == signature:
            fresh.add(slug)
        elif stamps.fresh(slug, release_stamp(config, path)):
            stamps.see(slug, signature)  # touched but not changed (a checkout): skip next time
            fresh.add(slug)
    return fresh
