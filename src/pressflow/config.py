"""pressflow.toml: the newsroom's languages, folders, MT engine, memory, gates and site.

Read once into a frozen ``Config``; every path in it is absolute, resolved against the folder that
holds pressflow.toml, so the rest of the code never guesses where it runs.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .configschema import (
    Boolean,
    Invalid,
    Matching,
    Number,
    OneOf,
    PerKey,
    Table,
    Text,
    Words,
    check_file,
    key,
    shown,
)
from .errors import ConfigError
from .locales import is_known
from .projectfile import CONFIG_NAME, find_config
from .slugs import check_slug
from .tomllines import KeyLines

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def _language(code: str) -> bool:
    return is_known(code)


def _zone(name: str) -> bool:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _compiles(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


def _address(url: str) -> bool:
    return not url.strip() or url.strip().lower().startswith(("http://", "https://"))


# The kinds of value the keys below take (see configschema for what each accepts).
TEXT = Text()
FOLDER = Text(nonempty=True)
BOOL = Boolean()
PERCENT = Number(least=0, most=100)
FRACTION = Number(least=0, most=1)
LANGUAGE = Matching(_language, "a language code such as ky, ru or en")
ADDRESS = Matching(_address, "an http:// or https:// address, or empty")
ZONE = Matching(_zone, "an IANA time zone such as Asia/Bishkek")
REGEX = Matching(_compiles, "a regular expression")
CODES = Words(want="an array of check codes (pressflow check --list-checks)")


def count(least: int) -> Number:
    return Number(integer=True, least=least)


# One line per key of pressflow.toml: ``name: type = key(kind, default, "what it is for")``.
# The README's table of keys is generated from these (tests/test_config.py says how).


@dataclass(frozen=True)
class ProjectConfig:
    name: str = key(TEXT, "pressflow", "project name, written in the catalogs' headers")
    version: str = key(TEXT, "1.0", "project version, written in the catalogs' headers")
    source_lang: str = key(LANGUAGE, "ky", "language the releases are written in")
    target_langs: tuple[str, ...] = key(
        Words(LANGUAGE, least=1, want="an array of language codes"),
        ("ru", "en"),
        "languages the releases are translated into",
    )


@dataclass(frozen=True)
class PathsConfig:
    releases: str = key(FOLDER, "releases", "folder of the release files")
    translations: str = key(FOLDER, "translations", "folder of the POT and PO catalogs")
    site: str = key(FOLDER, "site", "folder the site is built into")
    glossary: str = key(TEXT, "glossary.tsv", "glossary file; must exist when set, empty for none")


@dataclass(frozen=True)
class MTConfig:
    engine: str = key(TEXT, "google", "MT engine: google, mymemory, yandex, microsoft or none")
    url: str = key(ADDRESS, "", "address of the MT service (a mirror, a proxy, a test server)")
    timeout: float = key(Number(least=0, above=True), 10.0, "seconds to wait for one request")
    retries: int = key(count(0), 3, "retries of a failed request")
    concurrency: int = key(count(1), 4, "requests in flight at once")
    rate: float = key(Number(least=0), 5.0, "requests per second across the pool; 0: no limit")
    batch: int = key(count(1), 20, "entries written to the catalog per atomic save")
    breaker: int = key(count(1), 5, "failures in a row that stop MT for the run")
    backoff: float = key(Number(least=0), 1.0, "first wait in seconds before a retry (doubles)")
    max_backoff: float = key(Number(least=0), 60.0, "longest wait in seconds before a retry")
    cache: str = key(
        TEXT, ".pressflow/mt-cache.sqlite", "MT cache file; user: per user; empty: none"
    )


@dataclass(frozen=True)
class TMConfig:
    threshold: float = key(
        FRACTION, 0.75, "similarity (0 to 1) for a fuzzy memory match; 1: exact only"
    )
    exact_fuzzy: bool = key(BOOL, True, "an exact memory match is still marked fuzzy for review")


@dataclass(frozen=True)
class CheckConfig:
    min_translated: dict[str, float] = key(
        PerKey(PERCENT), {}, "gate: least percent translated, for all targets or by language"
    )
    strict: bool = key(BOOL, False, "warnings fail the gate too")
    disable: tuple[str, ...] = key(CODES, (), "checks not to run")
    enable: tuple[str, ...] = key(CODES, (), "opt-in checks to run too (e.g. double-space)")


#: ``[site] block_on``: the least severe check problem that holds a language version back.
BLOCK_ON = ("error", "warning", "none")
#: ``[site] feed``: what an Atom entry carries.
FEED_CONTENT = ("summary", "full")
#: ``[site] english``: CLDR's British or US English for dates.
ENGLISH = ("GB", "US")

#: A value given once for every language, or per language (``title = { ky = "…", ru = "…" }``).
PerLang = str | dict[str, str]


@dataclass(frozen=True)
class PerLangText:
    """A string for every language, or a table of strings by language (``[site] title``)."""

    want: str = "a string, or a table of strings by language"

    def __call__(self, value: Any) -> str | dict[str, str]:
        if isinstance(value, dict):
            return Table(TEXT, "language")(value)
        if not isinstance(value, str):
            raise Invalid(f"must be {self.want}, not {shown(value)}")
        return value


def per_lang(value: PerLang, lang: str) -> str:
    """``value`` in ``lang``: the string itself, or the language's entry ("" when it has none)."""
    if isinstance(value, dict):
        return str(value.get(lang, "")).strip()
    return str(value).strip()


@dataclass(frozen=True)
class SiteConfig:
    title: PerLang = key(
        PerLangText(), "", "site title, one or per language; empty: 'Press releases' in each"
    )
    base_url: str = key(TEXT, "", "public address, for canonical links and the sitemap")
    publisher: PerLang = key(
        PerLangText(), "", "publisher in the footer, structured data and feeds; one or per language"
    )
    publisher_url: str = key(TEXT, "", "publisher's address")
    template: str = key(TEXT, "", "HTML template with data-pressflow slots (build reads it)")
    threshold: float = key(PERCENT, 100.0, "percent translated and reviewed to publish a page")
    publish_foreign: bool = key(BOOL, False, "publish units flagged as foreign text")
    timezone: str = key(
        ZONE, "Asia/Bishkek", "the newsroom's clock: 'pressflow new' dates, offsets on the site"
    )
    english: str = key(OneOf(ENGLISH), "GB", "GB or US: how English dates read")
    page_size: int = key(count(1), 20, "releases per index page")
    logo: str = key(TEXT, "", "image copied into the site: header and JSON-LD publisher logo")
    image: str = key(TEXT, "", "default og:image, copied into the site (needs base_url)")
    block_on: str = key(
        OneOf(BLOCK_ON), "error", "check problems that hold a language version back"
    )
    feed: str = key(OneOf(FEED_CONTENT), "summary", "what an Atom entry carries")

    def title_in(self, lang: str) -> str:
        return per_lang(self.title, lang)

    def publisher_in(self, lang: str) -> str:
        return per_lang(self.publisher, lang)


@dataclass(frozen=True)
class StructureConfig:
    """``[structure]``: how a release's headline, contacts and furniture are told apart."""

    headline: str = key(
        OneOf(("", "first-sentence", "none")), "", 'a first line that is no headline; "": default'
    )
    headline_max: int = key(count(0), 0, "characters a headline may have; 0: the shipped default")
    publish: tuple[str, ...] = key(
        Words(OneOf(("contact", "credit", "byline", "furniture")), want="an array of roles"),
        (),
        "roles published on pages anyway",
    )
    labels: dict[str, tuple[str, ...]] = key(
        Table(Words(), "group"), {}, "more labels by group ([structure.labels])"
    )
    patterns: dict[str, tuple[str, ...]] = key(
        Table(Words(REGEX, want="an array of regular expressions"), "role"),
        {},
        "more line patterns by role ([structure.patterns])",
    )


#: The sections of pressflow.toml, in the order the README documents them.
SECTIONS: dict[str, type] = {
    "project": ProjectConfig,
    "paths": PathsConfig,
    "mt": MTConfig,
    "tm": TMConfig,
    "check": CheckConfig,
    "site": SiteConfig,
    "structure": StructureConfig,
}


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
    lines: KeyLines = field(default_factory=lambda: KeyLines(""), compare=False, repr=False)

    def error(self, message: str, *key: str) -> ConfigError:
        """A ConfigError on the line of ``key`` (``"check", "disable"``) in pressflow.toml."""
        return ConfigError(message, path=CONFIG_NAME, line=self.lines.of(*key))

    @property
    def languages(self) -> tuple[str, ...]:
        return (self.source_lang, *self.target_langs)

    def pot_path(self, slug: str) -> Path:
        return Path(self.catalog_file("", slug))

    def po_path(self, lang: str, slug: str) -> Path:
        return Path(self.catalog_file(lang, slug))

    def catalog_file(self, lang: str, slug: str) -> str:
        """The template (``lang`` empty) or a language's catalog of ``slug``, as a string: the
        one place the layout is written, and cheap where a run names thousands (``update``)."""
        name = f"{check_slug(slug)}{'.po' if lang else '.pot'}"
        return f"{self.catalog_folder(lang)}{os.sep}{name}"

    def catalog_folder(self, lang: str) -> str:
        """The folder of the templates (``lang`` empty) or of a language's catalogs, as
        ``catalog_file`` names it."""
        return f"{os.fspath(self.translations_dir)}{os.sep}{lang or 'templates'}"

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


def load_config(root: Path | None = None) -> Config:
    """Load pressflow.toml from ``root`` (or the nearest folder above the current one).

    Every error is a ConfigError on the line of the key it is about: a wrong type, a value out of
    range, an unknown key or section (with a did-you-mean), a glossary file named but missing.
    """
    if root is not None and Path(root).is_file():
        path = Path(root)
    else:
        path = find_config(Path(root or Path.cwd()).resolve())
    if path is None:
        raise ConfigError(f"no {CONFIG_NAME} here or in any parent folder", path=str(root or "."))
    shown = path.name
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        raise ConfigError("not UTF-8 text", path=shown) from None
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+)", str(exc))
        line = int(found.group(1)) if found else None
        msg = str(exc).split(" (at ")[0]
        raise ConfigError(f"malformed TOML: {msg}", path=shown, line=line) from None
    lines = KeyLines(text)

    def fail(message: str, key: tuple[str, ...]) -> ConfigError:
        return ConfigError(message, path=shown, line=lines.of(*key))

    got = check_file(data, SECTIONS, fail)
    proj: ProjectConfig = got["project"]
    folders: PathsConfig = got["paths"]
    check: CheckConfig = got["check"]
    site: SiteConfig = got["site"]
    if proj.source_lang in proj.target_langs:
        message = f"source language {proj.source_lang!r} is also a target"
        raise fail(message, ("project", "target_langs"))
    if not isinstance(check.min_translated, dict):  # one number: every target language
        check = replace(
            check, min_translated=dict.fromkeys(proj.target_langs, check.min_translated)
        )
    for lang in check.min_translated:
        if lang not in proj.target_langs:
            message = f"[check] min_translated names {lang!r}, which is not a target language"
            raise fail(message, ("check", "min_translated", lang))
    base = path.parent.resolve()
    written = "glossary" in data.get("paths", {})  # the default one is optional
    if written and folders.glossary.strip() and not (base / folders.glossary).is_file():
        raise fail(f"[paths] glossary: no file {folders.glossary!r}", ("paths", "glossary"))
    glossary = base / folders.glossary if folders.glossary.strip() else None
    return Config(
        root=base,
        name=proj.name,
        version=proj.version,
        source_lang=proj.source_lang,
        target_langs=proj.target_langs,
        releases_dir=base / folders.releases,
        translations_dir=base / folders.translations,
        site_dir=base / folders.site,
        glossary=glossary if glossary is not None and glossary.is_file() else None,
        mt=got["mt"],
        tm=got["tm"],
        check=check,
        site=site,
        structure=got["structure"],
        lines=lines,
    )
