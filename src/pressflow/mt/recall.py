"""The project's translation memory, built only when it is asked something new.

The memory is every reviewed entry of every catalog of a language: thousands of catalogs to
gather before the first lookup. Most runs ask it about the same few entries as last time (an
entry nothing matches stays empty, run after run, until a translator fills it), and its answer
is the same while no catalog it is built from changed. So each question asked and missed is
remembered under a key over the content of every catalog the memory would be built from; a run
that asks only such questions again gets its misses back without building the memory. A
run asked something new reads the memory as the last build kept it (each source's best
translation, under the same key), not every catalog again.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..cache import Cache, keyed
from ..confine import Confinement
from ..errors import CatalogError
from ..po.catalog import read_po
from .fill import CatalogFile
from .memory import Match, TranslationMemory, is_reviewed

if TYPE_CHECKING:
    from ..config import Config
    from ..model import CatalogRef

MISSES = "memory misses"  # the prefill table's record of the questions last missed


@dataclass(frozen=True)
class Part:
    """One catalog the memory is built from: being filled (read already), one of ``refs`` (its
    reviewed entries remembered by content), or another catalog under the language's folder."""

    lang: str
    release: str
    item: CatalogFile | CatalogRef | Path


class Recall:
    """The memories of ``langs`` over ``sources`` (in ``refs`` order) and the other catalogs
    under each language's folder; ``warnings`` names the catalogs it could not read."""

    def __init__(
        self,
        config: Config,
        langs: Sequence[str],
        sources: Sequence[CatalogFile | CatalogRef],
        cache: Cache | None,
        real: dict[str, str],
        digests: dict[str, str],
    ):
        self.config = config
        self.langs = list(langs)
        self.sources = sources
        self.cache = cache
        self.real = real  # a source's path -> the file it is (links resolved)
        self.digests = digests  # a source's path -> its digest, when known already
        self.warnings: list[str] = []

    def parts(self) -> list[Part]:
        """Every catalog the memory reads, the same files a glob of each language's folder
        finds (links to folders not followed), each once, none resolving outside the project."""
        refs = [s.ref if isinstance(s, CatalogFile) else s for s in self.sources]
        found = [Part(r.lang, r.release, s) for r, s in zip(refs, self.sources, strict=True)]
        paths = {r.path for r in refs}
        seen: set[str] | None = None
        confined = Confinement(self.config.root)
        for lang in self.langs:
            for path in _catalogs_under(self.config.translations_dir / lang, skip=paths):
                if seen is None:
                    seen = set(self.real.values())
                if real_path(str(path)) in seen or not confined.allows(path):  # outside: never read
                    continue
                found.append(Part(lang, path.stem, path))
        return found

    def lookups(self, asked: Sequence[tuple[str, str]]) -> dict[tuple[str, str], Match | None]:
        """What the memory of each language finds for each (language, msgid) of ``asked``."""
        parts = self.parts()
        built = self._key(parts)
        key = _misses_key(self.config.tm.threshold, built) if built else ""
        known = self.cache.get("prefill", MISSES, key) if self.cache and key else None
        if isinstance(known, dict):
            misses = {(lang, msgid) for lang, msgid in known.get("misses", ())}
            if all(question in misses for question in asked):
                self.warnings.extend(known.get("warnings", ()))
                return dict.fromkeys(asked)
        memories = self._kept(built) or self._built(parts, built)
        found = {(lang, msgid): memories[lang].lookup(msgid) for lang, msgid in asked}
        if self.cache is not None and key:
            missed = sorted({q for q, match in found.items() if match is None})
            record = {"misses": [list(q) for q in missed], "warnings": self.warnings}
            self.cache.put("prefill", MISSES, key, record)
        return found

    def _kept(self, built: str) -> dict[str, TranslationMemory] | None:
        """The memories as the last run that built them from the same entries kept them."""
        record = self.cache.get("tm", "memory", built) if self.cache and built else None
        if not isinstance(record, dict):
            return None
        threshold = self.config.tm.threshold
        try:
            langs = record["langs"]
            memories = {
                lang: TranslationMemory.of_best(lang, langs.get(lang, {}), threshold=threshold)
                for lang in self.langs
            }
        except (KeyError, TypeError, ValueError, AttributeError):  # damaged: built again
            return None
        self.warnings.extend(record.get("warnings", ()))
        return memories

    def _built(self, parts: Sequence[Part], built: str) -> dict[str, TranslationMemory]:
        memories = self.memories(parts)
        if self.cache is not None and built:
            langs = {lang: memory.best() for lang, memory in memories.items()}
            record = {"langs": langs, "warnings": list(self.warnings)}
            self.cache.put("tm", "memory", built, record)
        return memories

    def _key(self, parts: Sequence[Part]) -> str:
        """A key over what every catalog in ``parts`` gives the memory: its reviewed entries
        (a catalog edited where nothing reviewed changed, a release's new sentence added to
        it, keeps the key), by file content for the few outside ``refs`` ("" when one cannot
        be read)."""
        if self.cache is None:
            return ""
        inputs = []
        try:
            for part in parts:
                item = part.item
                if isinstance(item, CatalogFile):  # as read, before any fill
                    pairs = [(e.msgid, e.msgstr) for e in item.po if is_reviewed(e)]
                    given = keys("memory pairs")(pairs)
                    # kept by its content as ``_given`` asks it: the next run that fills
                    # something reads no catalog's entries again for this key (the first edit
                    # after a run that read them all took every one from the memory table)
                    self.cache.put("pairs", item.ref.path, _memory_key(item.digest), given)
                elif isinstance(item, Path):
                    given = self.cache.digest(item)
                else:
                    given = self._given(item)
                inputs.append((part.lang, part.release, given))
        except OSError:
            return ""
        return keys("memory built")(inputs)

    def _given(self, ref: CatalogRef) -> str:
        """The key of a catalog's reviewed entries, kept by its content (its entries are
        read, from the memory table or the file, only when its content is new)."""
        assert self.cache is not None
        digest = self.digests.get(ref.path) or self.cache.digest(ref.path)
        found = self.cache.get("pairs", ref.path, _memory_key(digest))
        if isinstance(found, str):
            return found
        given = keys("memory pairs")(self._reviewed(ref))
        self.cache.put("pairs", ref.path, _memory_key(digest), given)
        return given

    def memories(self, parts: Sequence[Part]) -> dict[str, TranslationMemory]:
        threshold = self.config.tm.threshold
        memories = {lang: TranslationMemory(lang, threshold=threshold) for lang in self.langs}
        for part in parts:
            item, memory = part.item, memories[part.lang]
            if isinstance(item, CatalogFile):
                pairs = [(e.msgid, e.msgstr) for e in item.po if is_reviewed(e)]
                self._remember(item.ref.path, item.digest, pairs)  # as read before any fill
                memory.add_pairs(part.release, pairs)
            elif isinstance(item, Path):
                try:
                    memory.add(part.release, read_po(item))
                except CatalogError as exc:
                    self.warnings.append(f"translation memory: skipped {exc}")
            else:
                memory.add_pairs(part.release, self._reviewed(item))
        return memories

    def _reviewed(self, ref: CatalogRef) -> list[tuple[str, str]]:
        """(msgid, msgstr) of a catalog's reviewed entries, from the cache by its content."""
        cache = self.cache
        digest = cache.digest(ref.path) if cache is not None else ""
        found = cache.get("memory", ref.path, _memory_key(digest)) if cache is not None else None
        if isinstance(found, list):
            return [(msgid, msgstr) for msgid, msgstr in found]
        pairs = [(e.msgid, e.msgstr) for e in read_po(Path(ref.path)) if is_reviewed(e)]
        self._remember(ref.path, digest, pairs)
        return pairs

    def _remember(self, path: str, digest: str, pairs: list[tuple[str, str]]) -> None:
        """A catalog's share of the memory, by its content: read once, whichever way (filled
        or only remembered), the next run's memory is built without reading it again."""
        if self.cache is not None:
            self.cache.put("memory", path, _memory_key(digest), [list(p) for p in pairs])


def _catalogs_under(folder: Path, *, skip: set[str]) -> list[Path]:
    """``folder.glob("**/*.po")`` but for the paths in ``skip`` (the catalogs already known),
    listing the folder once and globbing only its subfolders."""
    try:
        listing = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return []
    found = []
    for entry in listing:
        if entry.name.endswith(".po") and entry.path not in skip:
            found.append(Path(entry.path))
        if entry.is_dir(follow_symlinks=False):
            found.extend(Path(entry.path).glob("**/*.po"))
    return sorted(found)


def real_path(path: str, *, link: bool | None = None) -> str:
    """``path`` with its folder's symbolic links resolved (the folder once: thousands of
    catalogs share a few), and its own when it is one (``link``, when known)."""
    if os.path.islink(path) if link is None else link:
        return os.path.realpath(path)
    folder, name = os.path.split(path)
    return os.path.join(_real_folder(folder), name)


def real_paths(paths: Sequence[str]) -> dict[str, str]:
    """``real_path`` of each of ``paths``, which files are links learnt from one listing of
    each folder (not one ``lstat`` per file: a newsroom has thousands of catalogs)."""
    links: dict[str, set[str] | None] = {}
    found = {}
    for path in paths:
        folder, name = os.path.split(path)
        if folder not in links:
            try:
                with os.scandir(folder or ".") as listing:
                    links[folder] = {e.name for e in listing if e.is_symlink()}
            except OSError:
                links[folder] = None  # asked one by one
        known = links[folder]
        found[path] = real_path(path, link=None if known is None else name in known)
    return found


@lru_cache(maxsize=64)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder or ".")


keys = lru_cache(maxsize=4)(keyed)  # a kind's keys share their start (made on first use)


def _memory_key(digest: str) -> str:
    return keys("memory")(digest)


def _misses_key(threshold: float, built: str) -> str:
    return keys(MISSES)(threshold, built)
