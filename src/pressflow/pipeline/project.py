"""Opening a project and reading its releases: what every stage starts from."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ..config import Config, check_language, load_config
from ..configschema import suggestion
from ..confine import Confinement
from ..errors import ConfigError, ReaderError, SlugError
from ..model import Release
from ..projectfile import CONFIG_NAME
from ..readers import release_files, slug_line
from ..results import SegmentResult

if TYPE_CHECKING:
    from ..cache import Cache
    from ..incremental import Source

#: ``tick(done, total)``: how far a stage is, for a progress display (the pipeline never prints)
Tick = Callable[[int, int], None]


class Shown(Protocol):
    """A path as shown to people (``rel_under``)."""

    def __call__(self, path: Path | str, *, missing: bool = False) -> str: ...


# Heavy modules (polib, the segmenter, QA, MT, lxml) are imported by the functions using them:
# start-up is part of every command, and ``update`` with nothing changed needs none of them.


# --------------------------------------------------------------------------- reading


def open_project(root: Path | None = None) -> Config:
    """pressflow.toml loaded and checked, with what only the layers above ``config`` know: the
    check codes ``[check] disable`` and ``enable`` name are registered QA checks, and the
    ``[structure]`` labels, patterns and headline compile (each imported only when the file
    sets some, so that ``update``'s quick answer stays quick)."""
    config = load_config(root)
    if config.structure != type(config.structure)():
        from ..structure import rules_of

        try:
            rules_of(config)
        except ConfigError as exc:
            name = next((k for k in ("labels", "patterns") if k in exc.message), "headline")
            inner = re.findall(r"'([^']*)'", exc.message)[:1]  # the group or role named
            raise config.error(exc.message, "structure", name, *inner) from None
    for name in ("disable", "enable"):
        codes = getattr(config.check, name)
        if not codes:
            continue
        from ..qa import CHECKS

        for code in codes:
            if code not in CHECKS:
                hint = suggestion(code, CHECKS) or " (pressflow check --list-checks lists them)"
                raise config.error(
                    f"[check] {name}: unknown check code {code!r}{hint}", "check", name
                )
    return config


def target_languages(config: Config, langs: Sequence[str] | None) -> tuple[str, ...]:
    if not langs:
        return config.target_langs
    for lang in langs:
        check_language(lang)
        if lang not in config.target_langs:
            known = ", ".join(config.target_langs)
            raise ConfigError(f"language {lang!r} is not a target of this project ({known})")
    return tuple(langs)


def load_release(
    config: Config, path: Path, *, rel: Callable[[Path], str] | None = None
) -> Release:
    from ..structure import read_structured

    shown = rel(path) if rel is not None else config.rel(path)
    return read_structured(path, rel_path=shown, config=config)


def rel_under(config: Config, folder: Path, *, many: bool = False) -> Shown:
    """``config.rel`` for the files of ``folder``, resolving the folder once: a newsroom has
    thousands of releases and catalogs, and resolving each path walks all of its components.
    A file that is a symbolic link (or not directly in ``folder``) still gets ``config.rel``;
    ``missing``: the caller knows that no file had that name (not looked at again). With
    ``many`` (the caller shows most of the folder's files), the links are taken from one
    listing of the folder, made now, instead of one ``lstat`` per file."""
    try:
        base = folder.resolve().relative_to(config.root.resolve()).as_posix()
    except ValueError:
        return lambda path, *, missing=False: config.rel(Path(path))
    where = os.fspath(folder)
    links = symlink_names(folder) if many else None

    def rel(path: Path | str, *, missing: bool = False) -> str:
        text = os.fspath(path)
        head, _, name = text.rpartition(os.sep)  # (os.path.split, but for doubled separators:
        if head != where or name in ("", ".", ".."):  # those paths take config.rel, as others)
            return config.rel(Path(path))
        if not missing and (os.path.islink(text) if links is None else name in links):
            return config.rel(Path(path))
        return name if base == "." else f"{base}/{name}"

    return rel


def load_releases(config: Config, *, only: Collection[str] = ()) -> list[Release]:
    """Every release in the releases folder (or those whose slug is in ``only``)."""
    if not config.releases_dir.is_dir():
        raise ConfigError("releases folder does not exist", path=config.rel(config.releases_dir))
    paths = release_files(config.releases_dir)
    rel = rel_under(config, config.releases_dir)
    confined = Confinement(config.root)
    releases = []
    for path in paths:
        confined.check(path, error=ReaderError)
        releases.append(load_release(config, path, rel=rel))
    seen: dict[str, str] = {}
    for release in releases:
        if release.slug in seen:
            raise slug_clash(release.slug, seen[release.slug], release.path, root=config.root)
        seen[release.slug] = release.path
    missing = set(only) - set(seen)
    if missing:
        raise ConfigError(f"no release with slug {', '.join(sorted(missing))!s}")
    return [r for r in releases if not only or r.slug in only]


def segment_file(path: Path, *, config: Config | None = None) -> SegmentResult:
    """Read and segment one release file, inside a project or not."""
    from ..segment import segment_release
    from ..structure import read_structured

    rel = config.rel(path) if config else Path(path).as_posix()
    release = read_structured(Path(path), rel_path=rel, config=config)
    return SegmentResult(release, segment_release(release))


# --------------------------------------------------------------------------- release files


def release_paths(config: Config, only: Collection[str]) -> list[Path]:
    """The release files to process: all, or those whose slug is in ``only``."""
    if not config.releases_dir.is_dir():
        raise ConfigError("releases folder does not exist", path=config.rel(config.releases_dir))
    paths = release_files(config.releases_dir)
    if not only:
        return paths
    from ..readers import declared_slug  # front matter: only when releases are picked by slug

    picked = [p for p in paths if p.stem in only or declared_slug(p) in only]
    if len(picked) < len(set(only)):
        load_releases(config, only=only)  # raises: an unreadable release first, then the missing
    return picked


def slug_clash(slug: str, one: str, other: str, *, root: Path) -> SlugError:
    """Two release files (shown relative to ``root``) that would write the same catalogs and
    pages, both named; the error points at the second one's slug."""
    first, second = sorted((one, other))
    return SlugError(
        f"two releases have the slug {slug!r}: {first} and {second}; change one "
        "(nothing was written)",
        path=second,
        line=slug_line(root / second),
    )


def check_inputs(config: Config) -> list[str]:
    """Every file and folder ``check`` reads or lists (so ``status`` too): the project file, the
    glossary, the releases folder and each release, the templates folder (orphans) and each
    target language's folder and catalogs. With pressflow's own code, their ``stat`` vouches for
    a kept answer (``answers.remember_answer``)."""
    found = [os.path.join(config.root, CONFIG_NAME)]
    if config.glossary is not None:
        found.append(os.fspath(config.glossary))
    found.append(os.fspath(config.releases_dir))
    found += map(os.fspath, release_files(config.releases_dir))
    found.append(os.fspath(config.translations_dir / "templates"))
    for lang in config.target_langs:
        folder = os.fspath(config.translations_dir / lang)
        found.append(folder)
        try:
            with os.scandir(folder) as listing:
                found += sorted(e.path for e in listing if e.name.endswith(".po"))
        except (FileNotFoundError, NotADirectoryError):
            pass
    return found


# --------------------------------------------------------------------------- the release list


def release_sources(config: Config, cache: Cache) -> list[Source]:
    """Every release file with its slug, as ``load_releases`` finds them (the same errors, the
    same clashes), reading only the files the cache has not seen; listed once in a ``run``
    (see ``incremental.listed``)."""
    from ..incremental import listed

    if not config.releases_dir.is_dir():
        raise ConfigError("releases folder does not exist", path=config.rel(config.releases_dir))
    settings = repr(config)
    return listed(cache, config.releases_dir, settings, lambda: _list(config, cache, settings))


def _list(config: Config, cache: Cache, settings: str) -> list[Source]:
    from ..incremental import slug_keys, source

    rel = rel_under(config, config.releases_dir)
    confined = Confinement(config.root)

    def load(path: Path) -> Release:
        return load_release(config, path, rel=rel)

    found = []
    keys = slug_keys(settings)
    links, prefix = symlink_names(config.releases_dir), None
    for path in release_files(config.releases_dir):
        name = path.name
        if name in links or prefix is None:  # a plain file is inside when its folder is
            confined.check(path, error=ReaderError)
        if name in links:
            shown = rel(path)
        else:
            if prefix is None:
                prefix = rel(path)[: -len(name)]
            shown = prefix + name
        found.append(source(cache, path, shown, settings=keys, load=load))
    seen: dict[str, str] = {}
    for item in found:
        if item.slug in seen:
            raise slug_clash(item.slug, seen[item.slug], item.shown, root=config.root)
        seen[item.slug] = item.shown
    return found


def symlink_names(folder: Path) -> set[str]:
    """Names of the symbolic links in ``folder``, from one listing (no ``lstat`` per file)."""
    try:
        with os.scandir(folder) as listing:
            return {e.name for e in listing if e.is_symlink()}
    except OSError:
        return set()
