"""pressflow.toml: the newsroom's languages, folders, MT engine, memory, gates and site.

Read once into a frozen ``Config``; every path in it is absolute, resolved against the folder that
holds pressflow.toml, so the rest of the code never guesses where it runs.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .locales import is_known
from .slugs import check_slug

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_NAME = "pressflow.toml"


@dataclass(frozen=True)
class MTConfig:
    engine: str = "google"
    url: str = ""
    timeout: float = 10.0
    retries: int = 3
    concurrency: int = 4
    rate: float = 5.0  # requests per second across the pool
    batch: int = 20  # entries written to the catalog per atomic save
    cache: str = ".pressflow/mt-cache.sqlite"
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class TMConfig:
    threshold: float = 0.75  # similarity (0..1) for a fuzzy memory match
    exact_fuzzy: bool = True  # an exact memory match is still marked fuzzy for review


@dataclass(frozen=True)
class CheckConfig:
    min_translated: dict[str, float] = field(default_factory=dict)  # lang -> percent
    strict: bool = False
    disable: tuple[str, ...] = ()
    enable: tuple[str, ...] = ()  # opt-in checks to run too (e.g. "double-space")


@dataclass(frozen=True)
class SiteConfig:
    title: str = "Press releases"
    base_url: str = ""
    publisher: str = ""
    publisher_url: str = ""
    template: str = ""
    threshold: float = 100.0  # percent translated and reviewed for a page to be published
    publish_foreign: bool = False  # publish units flagged as foreign text (scraped junk)
    timezone: str = "Asia/Bishkek"  # the newsroom's clock: dates 'pressflow new' writes


@dataclass(frozen=True)
class StructureConfig:
    """``[structure]``: how a release's headline, contacts and furniture are told apart."""

    headline: str = ""  # "first-sentence" or "none" ("" = the shipped default)
    headline_max: int = 0  # characters (0 = the shipped default)
    publish: tuple[str, ...] = ()  # roles published anyway: "credit", "byline", "furniture"
    labels: dict[str, list[str]] = field(default_factory=dict)  # group -> more labels
    patterns: dict[str, list[str]] = field(default_factory=dict)  # role -> more regexes


@dataclass(frozen=True)
class Config:
    root: Path
    name: str = "pressflow"
    version: str = "1.0"
    source_lang: str = "ky"
    target_langs: tuple[str, ...] = ("ru", "en")
    releases_dir: Path = Path("releases")
    translations_dir: Path = Path("translations")
    site_dir: Path = Path("site")
    glossary: Path | None = None
    mt: MTConfig = field(default_factory=MTConfig)
    tm: TMConfig = field(default_factory=TMConfig)
    check: CheckConfig = field(default_factory=CheckConfig)
    site: SiteConfig = field(default_factory=SiteConfig)
    structure: StructureConfig = field(default_factory=StructureConfig)

    @property
    def languages(self) -> tuple[str, ...]:
        return (self.source_lang, *self.target_langs)

    def pot_path(self, slug: str) -> Path:
        return self.translations_dir / "templates" / f"{check_slug(slug)}.pot"

    def po_path(self, lang: str, slug: str) -> Path:
        return self.translations_dir / lang / f"{check_slug(slug)}.po"

    def rel(self, path: Path) -> str:
        """A path as shown to people and written in ``#:`` references: relative, with slashes."""
        try:
            return Path(path).resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return Path(path).as_posix()


def check_language(code: str, *, path: str | None = None) -> str:
    """Accept a language code that CLDR knows (``ky``, ``ru``, ``en``, ``pt_BR``…)."""
    if not is_known(code):
        raise ConfigError(f"unknown language code {code!r}", path=path)
    return code


def find_config(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def _section(data: dict[str, Any], name: str, cls: type, path: str) -> Any:
    raw = data.get(name, {})
    if not isinstance(raw, dict):
        raise ConfigError(f"[{name}] must be a table", path=path)
    known = set(cls.__dataclass_fields__)
    extra = {k: v for k, v in raw.items() if k not in known}
    if extra and "options" not in known:
        raise ConfigError(f"unknown key(s) in [{name}]: {', '.join(sorted(extra))}", path=path)
    values = {k: v for k, v in raw.items() if k in known}
    if extra:
        values["options"] = {**raw.get("options", {}), **extra}
    for key, value in list(values.items()):
        default = cls.__dataclass_fields__[key].default
        if isinstance(default, tuple) and isinstance(value, list):
            values[key] = tuple(value)
        elif isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
            values[key] = float(value)
    try:
        return cls(**values)
    except TypeError as exc:  # pragma: no cover - defensive
        raise ConfigError(f"[{name}]: {exc}", path=path) from None


def load_config(root: Path | None = None) -> Config:
    """Load pressflow.toml from ``root`` (or the nearest folder above the current one)."""
    if root is not None and Path(root).is_file():
        path = Path(root)
    else:
        path = find_config(Path(root or Path.cwd()).resolve())
    if path is None:
        raise ConfigError(f"no {CONFIG_NAME} here or in any parent folder", path=str(root or "."))
    shown = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ConfigError("not UTF-8 text", path=shown) from None
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+)", str(exc))
        line = int(found.group(1)) if found else None
        msg = str(exc).split(" (at ")[0]
        raise ConfigError(f"malformed TOML: {msg}", path=shown, line=line) from None
    base = path.parent.resolve()
    proj = data.get("project", {})
    folders = data.get("paths", {})
    source = check_language(str(proj.get("source_lang", "ky")), path=shown)
    targets = tuple(
        check_language(str(t), path=shown) for t in proj.get("target_langs", ["ru", "en"])
    )
    if source in targets:
        raise ConfigError(f"source language {source!r} is also a target", path=shown)
    check = _section(data, "check", CheckConfig, shown)
    for lang in check.min_translated:
        if lang not in targets:
            raise ConfigError(f"[check] min_translated names unknown language {lang!r}", path=shown)
    glossary = folders.get("glossary", "glossary.tsv")
    return Config(
        root=base,
        name=str(proj.get("name", "pressflow")),
        version=str(proj.get("version", "1.0")),
        source_lang=source,
        target_langs=targets,
        releases_dir=base / folders.get("releases", "releases"),
        translations_dir=base / folders.get("translations", "translations"),
        site_dir=base / folders.get("site", "site"),
        glossary=(base / glossary) if glossary and (base / glossary).is_file() else None,
        mt=_section(data, "mt", MTConfig, shown),
        tm=_section(data, "tm", TMConfig, shown),
        check=check,
        site=_section(data, "site", SiteConfig, shown),
        structure=_section(data, "structure", StructureConfig, shown),
    )
