"""pressflow.toml's schema: every key refuses a wrong type and an out-of-range value with one line
``pressflow.toml:LINE: message`` on the line the key is written on, through the library.
(The CLI's exit code and the untouched files are in test_hostile_config.py.)"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressflow.config import SECTIONS, load_config
from pressflow.configschema import (
    Boolean,
    Matching,
    Number,
    OneOf,
    PerKey,
    Table,
    Text,
    Words,
    check_section,
    declared,
    key,
    keys_table,
    toml_value,
)
from pressflow.errors import ConfigError
from pressflow.pipeline import open_project
from pressflow.tomllines import KeyLines

ROOT = Path(__file__).resolve().parents[1]
HEAD = '# a newsroom\n\n[project]\nname = "n"\n\n'  # the key under test goes on line 7


def wrong_types(kind: Any) -> list[Any]:
    """Values of a type the kind never takes."""
    if isinstance(kind, Boolean):
        return ["no", 0, 1, "true"]
    if isinstance(kind, Number):
        return ["all", True, [1]] + ([2.5] if kind.integer else [])
    if isinstance(kind, PerKey):
        return ["all", True, [100]]
    if isinstance(kind, Table):
        return [5, "x", [1], {"k": wrong_types(kind.item)[0]}]
    if isinstance(kind, Words):
        return [5, "ru", {"a": 1}, [5]]
    return [5, True, ["x"], {"a": 1}]  # Text, Matching


def out_of_range(kind: Any) -> list[Any]:
    """Values of the right type that the kind refuses (none for a free-form string)."""
    if isinstance(kind, Number):
        bad = [float("nan")]
        if kind.least is not None:
            bad.append(kind.least if kind.above else kind.least - 1)
        if kind.most is not None:
            bad.append(kind.most + 1)
        return bad
    if isinstance(kind, PerKey):
        return [-1, 101, {"ru": 150}, {"en": -5}]
    if isinstance(kind, OneOf):
        return ["no-such-choice", kind.choices[0].upper() + "!"]
    if isinstance(kind, Table):
        return [{"k": v} for v in out_of_range(kind.item)]
    if isinstance(kind, Words):
        return [["x", "x"]] + ([[]] if kind.least else []) + [[v] for v in out_of_range(kind.item)]
    if isinstance(kind, Matching):  # each predicate refuses some of these; at least one
        refused = [v for v in ("xx-no-such", "ftp://example.org", "(") if not kind.test(v)]
        assert refused, kind
        return refused
    if isinstance(kind, Text) and kind.nonempty:
        return ["", "   "]
    return []


KEYS = [
    (section, name, f.metadata["key"].kind)
    for section, cls in SECTIONS.items()
    for name, f in declared(cls).items()
]
CASES = [
    pytest.param(section, name, value, id=f"{section}.{name}={value!r}")
    for section, name, kind in KEYS
    for value in wrong_types(kind) + out_of_range(kind)
]


def toml(value: Any) -> str:
    if isinstance(value, float) and value != value:
        return "nan"
    if isinstance(value, list):
        return "[" + ", ".join(toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml(v)}" for k, v in value.items()) + " }"
    return toml_value(value)


def refused(tmp_path: Path, text: str) -> str:
    (tmp_path / "pressflow.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        open_project(tmp_path)
    message = str(caught.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(("section", "name", "value"), CASES)
def test_every_key_refuses_a_wrong_type_or_range_on_its_line(tmp_path, section, name, value):
    if section == "project":
        text = f"# a newsroom\n\n[project]\n\n\n\n{name} = {toml(value)}\n"
    else:
        text = f"{HEAD}[{section}]\n{name} = {toml(value)}\n"
    message = refused(tmp_path, text)
    assert message.startswith("pressflow.toml:7: "), message
    assert f"[{section}] {name}" in message


@pytest.mark.parametrize(("section", "name", "kind"), KEYS, ids=[f"{s}.{n}" for s, n, _ in KEYS])
def test_every_key_accepts_its_default_written_out(tmp_path, section, name, kind):
    field = declared(SECTIONS[section])[name]
    default = field.default_factory() if callable(field.default_factory) else field.default
    text = (
        f"[{section}]\n{name} = {toml(list(default) if isinstance(default, tuple) else default)}\n"
    )
    (tmp_path / "pressflow.toml").write_text(text, encoding="utf-8")
    (tmp_path / "glossary.tsv").write_text("ky\tru\ten\n", encoding="utf-8")
    got = getattr(load_config(tmp_path), section, None)
    if got is not None and hasattr(got, name):  # sections kept as they are
        assert getattr(got, name) == default


@pytest.mark.parametrize(
    ("text", "line", "said"),
    [
        ('[mt]\nengine = "google"\nconcurency = 3\n', 3, "did you mean 'concurrency'?"),
        ('[sitee]\ntitle = "x"\n', 1, "unknown section [sitee]; did you mean 'site'?"),
        (
            'title = "x"\n[site]\n',
            1,
            "unknown key 'title' outside any section; it belongs in [site]",
        ),
        ("releases = 5\n", 1, "it belongs in [paths]"),
        ("foo = 1\n", 1, "unknown key 'foo' outside any section"),
        ("[check]\nthreshold = 90\n", 2, "it belongs in [tm] or [site]"),
        ("[site]\npublish_foreign = 'no'\n", 2, 'must be true or false, not "no"'),
        ("site = 5\n", 1, "[site] must be a table, not 5"),
        ("[[site]]\ntitle = 'x'\n", 1, "[site] must be a table, not an array"),
        ('[project]\ntarget_langs = ["ky"]\n', 2, "source language 'ky' is also a target"),
        ("[project]\ntarget_langs = []\n", 2, "must be an array of language codes"),
        ("[check]\nmin_translated = { de = 90 }\n", 2, "'de', which is not a target"),
        ("[check]\nmin_translated.en = 101\n", 2, "[check] min_translated.en must be"),
        ('[paths]\nglossary = "nope.tsv"\n', 2, "[paths] glossary: no file 'nope.tsv'"),
        ('[check]\ndisable = ["numberz"]\n', 2, "unknown check code 'numberz'; did you mean"),
        ('[check]\nenable = ["zzz"]\n', 2, "unknown check code 'zzz' (pressflow check --list"),
        ('[mt]\nx = """\n[site]\nthreshold = 1\n"""\n', 2, "unknown key 'x' in [mt]"),
    ],
)
def test_unknown_and_inconsistent_keys_name_their_line(tmp_path, text, line, said):
    message = refused(tmp_path, text)
    assert message.startswith(f"pressflow.toml:{line}: ") and said in message, message


def test_min_translated_as_one_number_gates_every_target(tmp_path):
    (tmp_path / "pressflow.toml").write_text("[check]\nmin_translated = 90\n", "utf-8")
    assert load_config(tmp_path).check.min_translated == {"ru": 90.0, "en": 90.0}


def test_a_blank_glossary_means_none_and_a_missing_default_one_is_fine(tmp_path):
    (tmp_path / "pressflow.toml").write_text('[paths]\nglossary = ""\n', "utf-8")
    assert load_config(tmp_path).glossary is None
    (tmp_path / "pressflow.toml").write_text("", "utf-8")
    assert load_config(tmp_path).glossary is None


def test_the_shipped_configuration_is_valid():
    config = open_project(ROOT)
    assert config.check.min_translated == {"ru": 100.0, "en": 100.0}


def test_the_readme_documents_every_key():
    """After adding a key, paste the output of
    ``python -c "from pressflow.config import SECTIONS; from pressflow.configschema import
    keys_table; print(keys_table(SECTIONS), end='')"`` over the README's table."""
    assert keys_table(SECTIONS) in (ROOT / "README.md").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- finding lines


def test_key_lines_follow_tables_dotted_quoted_and_inline_keys():
    text = "\n".join(
        [
            "# [not] a = table",  # 1
            "top = 1  # [x]",  # 2
            "[mt]",  # 3
            'engine = "[google]" # ]',  # 4
            "site.title = 'x'",  # 5
            '"quoted key" = 2',  # 6
            "[ check . min_translated ]",  # 7
            "ru = 90",  # 8
            "arr = [",  # 9
            "  1,",  # 10
            "  [2],",  # 11
            "]",  # 12
            'doc = """',  # 13
            "fake = 1",  # 14
            "[fake]",  # 15
            '"""',  # 16
            "after = { a = 1 }",  # 17
        ]
    )
    lines = KeyLines(text)
    assert lines.of("top") == 2
    assert lines.of("mt") == 3 and lines.of("mt", "engine") == 4
    assert lines.of("mt", "site", "title") == 5 and lines.of("mt", "quoted key") == 6
    assert lines.of("check", "min_translated", "ru") == 8
    assert lines.of("check", "min_translated", "en") == 7  # the nearest written table
    assert lines.of("check", "min_translated", "arr", "0") == 9
    assert lines.of("check", "min_translated", "after", "a") == 17
    assert lines.of("fake") is None and ("check", "min_translated", "fake") not in lines.lines


@settings(max_examples=60, deadline=None)
@given(
    blanks=st.lists(st.integers(0, 3), min_size=4, max_size=4),
    form=st.sampled_from(["table", "dotted", "inline"]),
    comment=st.sampled_from(["", "  # [site] x = 1", ' # "quoted" [']),
)
def test_an_error_names_the_line_however_the_file_is_laid_out(
    tmp_path_factory, blanks, form, comment
):
    """A bad [site] threshold among valid keys, written as a table, a dotted key or an inline
    table, with blank lines, comments and a multi-line string around it."""
    chunks = [
        f'[project]{comment}\nname = """\nthreshold = 1\n[site]\n"""{comment}\n',
        "[tm]\nthreshold = 0.5\n",
        {
            "table": f"[site]\ntitle = 'x'\nthreshold = 150{comment}\n",
            "dotted": "[mt]\nretries = 1\n",
            "inline": "[mt]\nretries = 1\n",
        }[form],
        "",
    ]
    text = ""
    for chunk, blank in zip(chunks, blanks, strict=True):
        text += chunk + "\n" * blank
    if form == "dotted":
        text = "site.threshold = 150" + comment + "\n" + text
    if form == "inline":
        text = "site = { title = 'x', threshold = 150 }" + comment + "\n" + text
    expected = next(n for n, line in enumerate(text.splitlines(), 1) if "= 150" in line)
    folder = tmp_path_factory.mktemp("c")
    message = refused(folder, text)
    assert message.startswith(f"pressflow.toml:{expected}: [site] threshold"), (message, text)


@dataclass(frozen=True)
class _Sample:
    """A section using every kind the shipped sections may not use yet."""

    mode: str = key(OneOf(("first-sentence", "none")), "none", "a choice")
    labels: dict = key(Table(Words(), "group"), {}, "arrays by group")


@pytest.mark.parametrize(
    ("raw", "said", "where"),
    [
        ({"mode": "first"}, 'must be one of "first-sentence", "none", not "first"', ("s", "mode")),
        ({"labels": []}, "must be a table of arrays of strings by group", ("s", "labels")),
        ({"labels": {"contact": [1]}}, "[s] labels.contact must be", ("s", "labels", "contact")),
        ({"mdoe": "none"}, "unknown key 'mdoe' in [s]; did you mean 'mode'?", ("s", "mdoe")),
    ],
)
def test_choices_and_tables_are_checked_to_the_inner_key(raw, said, where):
    def fail(message: str, path: tuple[str, ...]) -> Exception:
        return ValueError(message, path)

    with pytest.raises(ValueError) as caught:
        check_section("s", raw, _Sample, fail)
    message, path = caught.value.args
    assert said in message and path == where
    ok = check_section("s", {"mode": "first-sentence", "labels": {"a": ["x"]}}, _Sample, fail)
    assert ok == _Sample("first-sentence", {"a": ("x",)})
