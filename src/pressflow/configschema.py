"""The schema of pressflow.toml: every key typed and ranged, each error on the line of its key.

A key is declared once, as one line of a section dataclass in :mod:`pressflow.config`:
``threshold: float = key(PERCENT, 100.0, "why it exists")``. ``check_section`` checks a parsed
table against those declarations (``pressflow.tomllines`` finds the line of a key in the file's
text, because tomllib keeps no positions). A small table of kinds rather than a validation
library: the values are a handful of scalars and lists, each message must say what the key wants
in the newsroom's terms (``a number from 0 to 100``) with a did-you-mean for a typo, and this
module is on the start-up path of every command, including ``update``'s nothing-changed answer.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import MISSING, Field, dataclass, field, fields
from typing import Any


class Invalid(ValueError):
    """A value that does not fit its kind; ``sub`` is the key inside the value it is about."""

    def __init__(self, message: str, *sub: str):
        super().__init__(message)
        self.message = message
        self.sub = sub


def shown(value: Any) -> str:
    """A TOML value as a person wrote it, short: ``"all"``, ``5``, ``true``, ``a table``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
        return text if len(text) <= 40 else text[:37] + '…"'
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return str(value)


# --------------------------------------------------------------------------- kinds


@dataclass(frozen=True)
class Text:
    """A string; ``nonempty`` for folders and other values that cannot be blank."""

    nonempty: bool = False

    @property
    def want(self) -> str:
        return "a non-empty string" if self.nonempty else "a string"

    def __call__(self, value: Any) -> str:
        if not isinstance(value, str) or (self.nonempty and not value.strip()):
            raise Invalid(f"must be {self.want}, not {shown(value)}")
        return value


@dataclass(frozen=True)
class Matching:
    """A string that ``test`` accepts (a language code CLDR knows, a URL…)."""

    test: Callable[[str], bool]
    want: str

    def __call__(self, value: Any) -> str:
        if not isinstance(value, str) or not self.test(value):
            raise Invalid(f"must be {self.want}, not {shown(value)}")
        return value


@dataclass(frozen=True)
class Boolean:
    """``true`` or ``false`` and nothing else: ``"no"`` or ``0`` is an error, never truthy."""

    want: str = "true or false"

    def __call__(self, value: Any) -> bool:
        if not isinstance(value, bool):
            raise Invalid(f"must be {self.want}, not {shown(value)}")
        return value


@dataclass(frozen=True)
class Number:
    """An integer or a float within bounds (``above``: the lower bound itself is excluded)."""

    integer: bool = False
    least: float | None = None
    most: float | None = None
    above: bool = False

    @property
    def want(self) -> str:
        noun = "an integer" if self.integer else "a number"
        if self.least is not None and self.most is not None:
            return f"{noun} from {self.least:g} to {self.most:g}"
        if self.least is not None:
            return f"{noun} {'>' if self.above else '>='} {self.least:g}"
        return noun

    def __call__(self, value: Any) -> float | int:
        kinds = int if self.integer else (int, float)
        if isinstance(value, bool) or not isinstance(value, kinds):
            raise Invalid(f"must be {self.want}, not {shown(value)}")
        low = self.least
        if (
            value != value  # nan
            or (low is not None and (value <= low if self.above else value < low))
            or (self.most is not None and value > self.most)
        ):
            raise Invalid(f"must be {self.want}, not {shown(value)}")
        return value if self.integer else float(value)


@dataclass(frozen=True)
class Words:
    """An array of strings, each checked by ``item`` (kept in order, as a tuple)."""

    item: Callable[[Any], str] = Text(nonempty=True)
    least: int = 0
    want: str = "an array of strings"

    def __call__(self, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or len(value) < self.least:
            raise Invalid(f"must be {self.want}, not {shown(value)}")
        items = []
        for item in value:
            try:
                items.append(self.item(item))
            except Invalid:
                raise Invalid(f"must be {self.want}; {shown(item)} is not") from None
        seen = [w for n, w in enumerate(items) if w in items[:n]]
        if seen:
            raise Invalid(f"names {shown(seen[0])} twice")
        return tuple(items)


@dataclass(frozen=True)
class OneOf:
    """One of a few fixed strings (``headline = "first-sentence"``)."""

    choices: tuple[str, ...]

    @property
    def want(self) -> str:
        return "one of " + ", ".join(json.dumps(c) for c in self.choices)

    def __call__(self, value: Any) -> str:
        if not isinstance(value, str) or value not in self.choices:
            raise Invalid(f"must be {self.want}, not {shown(value)}")
        return value


@dataclass(frozen=True)
class Table:
    """A table of values of one kind by key: ``{ ru = 100, en = 90 }``, ``{ contact = [...] }``."""

    item: Callable[[Any], Any]
    noun: str = "name"

    @property
    def want(self) -> str:
        return f"a table of {_noun_phrase(self.item)} by {self.noun}"

    def __call__(self, value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise Invalid(f"must be {self.want}, not {shown(value)}")
        out: dict[str, Any] = {}
        for name, item in value.items():
            try:
                out[name] = self.item(item)
            except Invalid as exc:
                raise Invalid(exc.message, name, *exc.sub) from None
        return out


@dataclass(frozen=True)
class PerKey:
    """One value for every key, or a table of values by key: ``100`` or ``{ ru = 100 }``."""

    value: Number
    noun: str = "language"

    @property
    def want(self) -> str:
        return f"{self.value.want}, or a table of them by {self.noun}"

    def __call__(self, value: Any) -> float | dict[str, float]:
        if isinstance(value, dict):
            return Table(self.value, self.noun)(value)
        try:
            return self.value(value)
        except Invalid:
            raise Invalid(f"must be {self.want}, not {shown(value)}") from None


def _noun_phrase(kind: Any) -> str:
    """``an array of strings`` -> ``arrays of strings``, for a table's description."""
    want = getattr(kind, "want", "values")
    for article in ("an ", "a "):
        if want.startswith(article):
            head, _, rest = want[len(article) :].partition(" ")
            return f"{head}s {rest}".strip()
    return want


# --------------------------------------------------------------------------- declaring keys


@dataclass(frozen=True)
class Key:
    """What a dataclass field of a section holds about its key: how to check it, what it is for."""

    kind: Callable[[Any], Any]
    doc: str


def key(kind: Callable[[Any], Any], default: Any, doc: str) -> Any:
    """A section field for one key of pressflow.toml: its kind, its default and one line of doc."""
    meta = {"key": Key(kind, doc)}
    if isinstance(default, (dict, list)):
        return field(default_factory=lambda: type(default)(default), metadata=meta)
    return field(default=default, metadata=meta)


def declared(section: type) -> dict[str, Field[Any]]:
    """The fields of a section dataclass that are keys of the file."""
    return {f.name: f for f in fields(section) if "key" in f.metadata}


def default_of(f: Field[Any]) -> Any:
    return f.default_factory() if f.default is MISSING else f.default  # type: ignore[misc]


# --------------------------------------------------------------------------- checking


def suggestion(name: str, candidates: Iterable[str]) -> str:
    """``; did you mean 'x'?`` for the closest candidate, or nothing."""
    import difflib  # (only a key or value misspelt asks)

    close = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def check_section(
    name: str,
    raw: Any,
    section: type,
    fail: Callable[[str, tuple[str, ...]], Exception],
    *,
    elsewhere: Mapping[str, list[str]] | None = None,
) -> Any:
    """``raw`` (the parsed ``[name]`` table) as an instance of ``section``, checked key by key.

    ``fail(message, path)`` makes the error for the key at ``path``; ``elsewhere`` maps a key of
    another section to that section, so that a key under the wrong table is named where it goes.
    """
    if not isinstance(raw, dict):
        raise fail(f"[{name}] must be a table, not {shown(raw)}", (name,))
    keys = declared(section)
    values: dict[str, Any] = {}
    for k, value in raw.items():
        spec = keys.get(k)
        if spec is None:
            homes = (elsewhere or {}).get(k)
            hint = _belongs(homes) if homes else suggestion(k, keys)
            raise fail(f"unknown key {k!r} in [{name}]{hint}", (name, k))
        try:
            values[k] = spec.metadata["key"].kind(value)
        except Invalid as exc:
            where = ".".join((k, *exc.sub))
            raise fail(f"[{name}] {where} {exc.message}", (name, k, *exc.sub)) from None
    return section(**values)


def check_file(
    data: Mapping[str, Any],
    sections: Mapping[str, type],
    fail: Callable[[str, tuple[str, ...]], Exception],
) -> dict[str, Any]:
    """Every section of the parsed file checked: ``{name: instance}``, defaults for those absent."""
    home: dict[str, list[str]] = {}
    for name, section in sections.items():
        for k in declared(section):
            home.setdefault(k, []).append(name)
    for name, raw in data.items():
        if name in sections:
            continue
        if isinstance(raw, dict):
            raise fail(f"unknown section [{name}]{suggestion(name, sections)}", (name,))
        hint = _belongs(home[name]) if name in home else suggestion(name, sections)
        raise fail(f"unknown key {name!r} outside any section{hint}", (name,))
    return {
        name: check_section(
            name,
            data.get(name, {}),
            section,
            fail,
            elsewhere={k: h for k, h in home.items() if name not in h},
        )
        for name, section in sections.items()
    }


def _belongs(sections: list[str]) -> str:
    return "; it belongs in " + " or ".join(f"[{s}]" for s in sections)


def toml_value(value: Any) -> str:
    """A default as it would be written in pressflow.toml."""
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        inner = ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    if isinstance(value, float) and value.is_integer():
        return f"{value:.1f}"
    return shown(value) if isinstance(value, (bool, str)) else str(value)


def keys_table(sections: Mapping[str, type]) -> str:
    """The README's table of every key: section, key, what it takes, default, what it is for."""
    rows = ["| key | takes | default | what for |", "| --- | --- | --- | --- |"]
    for name, section in sections.items():
        for k, f in declared(section).items():
            spec: Key = f.metadata["key"]
            want = getattr(spec.kind, "want", "")
            default = toml_value(default_of(f))
            rows.append(f"| `[{name}] {k}` | {want} | `{default}` | {spec.doc} |")
    return "\n".join(rows) + "\n"
