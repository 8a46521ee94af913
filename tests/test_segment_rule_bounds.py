"""The speed fields of a compiled rule (``reach``, ``dot_reach``, ``backward``) against what the
rule's pattern can match, judged from the rule files themselves.

Why: the segmenter trusts these fields to skip work (search only as far back as a rule reaches,
only from the last full stop, not at all when the reversed pattern fails). Left out, every split
is the same and only the time grows with the window; wrong, splits are lost. So each field is
stated three ways: present wherever the rule's written pattern allows it, a sound bound on every
match in texts built from the rule data, and as tight as the longest of those matches.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from collections.abc import Iterator
from functools import cache
from importlib import resources

import pytest

from pressflow.segment import _boundaries, rules_for
from pressflow.segment_rules import Rule, Rules
from test_segment_rules import PLAN_TEXTS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

LANGS = ("ky", "ru", "en", "common")

#: A character class of a rule's source, its contents never a repeat.
_CLASS = re.compile(r"\[(?:\\.|[^\]\\])*\]")
#: A repeat with no upper bound: ``*``, ``+``, ``{2,}``.
_OPEN_REPEAT = re.compile(r"(?<!\\)[*+]|\{\d*,\}")
#: A back reference, which no reversed reading can follow.
_BACKREF = re.compile(r"\\\d|\(\?P=")


@cache
def _toml(name: str) -> dict:
    path = resources.files("pressflow") / "data" / "segment" / f"{name}.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _chain(lang: str) -> list[dict]:
    """The language's file and the ones it inherits, own rules first (as documented there)."""
    chain = [_toml(lang)]
    while "inherit" in chain[-1]:
        chain.append(_toml(chain[-1]["inherit"]))
    return chain


def _written(lang: str) -> list[dict]:
    return [r for data in _chain(lang) for r in data.get("rule", ())]


def _unbounded(source: str, lang: str) -> bool:
    """Whether a ``before`` as written can match text of any length: a repeat with no upper
    bound in it or in the macros written in the files (the letter classes and abbreviation
    lists the code builds are bounded)."""
    macros = _chain(lang)[-1]["macros"]
    text = re.sub(r"\{(\w+)\}", lambda m: macros.get(m[1], ""), source)
    return bool(_OPEN_REPEAT.search(_CLASS.sub("", text)))


def _lists(lang: str) -> dict[str, list[str]]:
    return _toml(lang).get("abbreviations", {}) if lang != "common" else {}


def _abbreviations(lang: str) -> list[str]:
    return [item for items in _lists(lang).values() for item in items]


def _matches_nothing(source: str, lang: str) -> bool:
    """Whether a ``before`` names an abbreviation list the language leaves empty."""
    return any(f"{{{k}}}" in source and not _lists(lang).get(k) for k in ("never", "lower"))


def _texts(lang: str) -> Iterator[str]:
    """Texts where every rule matches, some at its longest: each abbreviation of the language
    with and without the spaces its inner dots may take, then the mixed texts of the plans."""
    for item in _abbreviations(lang):
        yield f"Сөз {item}. Андан {item.replace('.', '. ')}.» жана (Ал {item}.) деди."
    yield "Kabar.KG жана www.Sputnik.Ru: Ж. Х. Асанов, ж. б., Mr. J. Smith… 2 адам; 1. а."
    yield from PLAN_TEXTS


@pytest.fixture(autouse=True)
def compiled_afresh() -> None:
    rules_for.cache_clear()


@pytest.mark.parametrize("lang", LANGS)
def test_each_rule_gets_the_speed_fields_its_written_pattern_allows(lang: str) -> None:
    """A bounded ``before`` gets a ``reach``; one that ends in a full stop and ``{close}`` (the
    shipped ``{close}`` matches no full stop), bounded up to that stop, gets a ``dot_reach``;
    every ``before`` without a back reference gets a ``backward`` pattern; no ``before``, none."""
    rules = rules_for(lang).rules
    written = _written(lang)
    assert [r.name for r in rules] == [w.get("name", "") for w in written]
    assert "." not in _chain(lang)[-1]["macros"]["close"]
    kinds = {"reach": 0, "dot_reach": 0}
    for rule, source in zip(rules, written, strict=True):
        before = source.get("before")
        if before is None:
            assert (rule.reach, rule.dot_reach, rule.backward) == (None, None, None), rule.name
            continue
        bounded = not _unbounded(before, lang)
        assert (rule.reach is not None) is bounded, rule.name
        dotted = before.endswith(r"\.{close}") and not _unbounded(before[: -len("{close}")], lang)
        assert (rule.dot_reach is not None) is dotted, rule.name
        assert (rule.backward is None) is bool(_BACKREF.search(before)), rule.name
        kinds["reach"] += bounded
        kinds["dot_reach"] += dotted
    assert kinds["reach"] >= 4 and kinds["dot_reach"] >= 4, kinds  # the shortcuts are used


def _longest(rule: Rule, text: str, pos: int) -> tuple[int, int] | None:
    """How far back from ``pos``, and from just after the last full stop before it, the
    longest match of the rule's ``before`` ending at ``pos`` starts (None: no match)."""
    found = rule.before.search(text, 0, pos) if rule.before is not None else None
    if found is None:
        return None
    return pos - found.start(), text.rfind(".", 0, pos) + 1 - found.start()


@pytest.mark.parametrize("lang", LANGS)
def test_each_bound_holds_for_every_match_and_is_reached_by_one(lang: str) -> None:
    """No match of a rule's ``before`` starts further back than its ``reach`` (from the end)
    or its ``dot_reach`` (from just after the last full stop); the longest match in texts
    built from the rule data is exactly that long. Where a ``before`` matches, its
    ``backward`` pattern matches the reversed text; elsewhere it rules out some positions."""
    rules = rules_for(lang).rules
    longest = {rule.name: [0, 0] for rule in rules}
    ruled_out = dict.fromkeys((rule.name for rule in rules), 0)
    for text in _texts(lang):
        backwards, n = text[::-1], len(text)
        for pos in range(n + 1):
            for rule in rules:
                found = _longest(rule, text, pos)
                if rule.backward is not None:
                    tells = rule.backward.match(backwards, n - pos) is not None
                    assert tells or found is None, (rule.name, text, pos)
                    ruled_out[rule.name] += not tells
                if found is None:
                    continue
                back, from_dot = found
                assert rule.reach is None or back <= rule.reach, (rule.name, text, pos)
                assert rule.dot_reach is None or from_dot <= rule.dot_reach, (rule.name, text)
                seen = longest[rule.name]
                seen[0], seen[1] = max(seen[0], back), max(seen[1], from_dot)
    for rule, source in zip(rules, _written(lang), strict=True):
        if _matches_nothing(source.get("before", ""), lang):
            assert longest[rule.name] == [0, 0], rule.name
            continue
        if rule.reach is not None:
            assert longest[rule.name][0] == rule.reach, rule.name
        if rule.dot_reach is not None:
            assert longest[rule.name][1] == rule.dot_reach, rule.name
        if rule.backward is not None:
            assert ruled_out[rule.name], rule.name


def _slow(rules: Rules) -> Rules:
    """The same rules without a speed field: every ``before`` searched over the whole window."""
    plain = tuple(
        dataclasses.replace(r, reach=None, dot_reach=None, backward=None) for r in rules.rules
    )
    return dataclasses.replace(rules, rules=plain, _plans={}, _unsieved={})


@pytest.mark.parametrize("lang", LANGS)
def test_the_speed_fields_change_no_split(lang: str) -> None:
    rules = rules_for(lang)
    slow = _slow(rules)
    for text in _texts(lang):
        assert _boundaries(text, rules) == _boundaries(text, slow), text
