"""How the segmentation rule files are read (the same bytes give the same rules in any process, a
newsroom's own file may leave keys out), and the address pattern the compiler builds beside them.

Why apart from ``test_segment_rules``: these tests compare a fresh command with this process,
so each one also compiles the rules here (a mutation run then knows they read the rule files).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import pressflow
from pressflow.segment import rules_for, split_text


@pytest.fixture(autouse=True)
def compiled_afresh() -> None:
    rules_for.cache_clear()


def test_a_command_under_a_c_locale_splits_kyrgyz_as_this_process_does() -> None:
    """The rule files are UTF-8 whatever the locale: under a C locale (ASCII) a command reads
    the same abbreviations and letters and splits a Kyrgyz text into the same units."""
    text = "Шаар б. з. ч. IV кылымда негизделген. Ал эми т.б. Асанов келди! Бүттү."
    here = split_text(text, lang="ky")
    assert [text[a:b] for a, b in here] == [
        "Шаар б. з. ч. IV кылымда негизделген.",
        "Ал эми т.б.",
        "Асанов келди!",
        "Бүттү.",
    ]
    code = f"from pressflow.segment import split_text; print(split_text({text!a}, lang='ky'))"
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONCOERCECLOCALE": "0"}
    env.pop("PYTHONUTF8", None)
    done = subprocess.run(
        [sys.executable, "-X", "utf8=0", "-c", code], env=env, capture_output=True, text=True
    )
    assert (done.returncode, done.stdout.strip()) == (0, str(here)), done.stderr[-300:]


#: A language file of its own (no ``inherit``) with only the keys it must have; and one that
#: sets every optional key to a value other than its default.
_BARE = """
candidate = '[.!?]+'
tlds = ["kg"]
[macros]
[[rule]]
break = true
before = '\\.{close}'
[foreign]
script = "Latin"
other = ["Cyrillic"]
"""
_FULL = """
candidate = '[.!?]+'
tlds = ["kg"]
quotes = ["«»"]
title_quote_max = 40
speech_words = ["said so"]
[macros]
close = '[»]*'
[[rule]]
name = "dot"
break = true
before = '\\.{close}'
[foreign]
script = "Latin"
other = ["Cyrillic"]
min_words = 3
max_native_share = 0.5
note = "not this language"
"""
_READ = """
import json
from pressflow.errors import ConfigError
from pressflow.segment_rules import rules_for
try:
    rules_for("xd")
except ConfigError as broken:
    print(json.dumps(str(broken)))
r = rules_for("xc")
print(json.dumps([r.lang, r.foreign, r.rules]))
for lang in ("xa", "xb"):
    r = rules_for(lang)
    f = r.foreign
    print(json.dumps([r.lang, r.quotes, r.title_quote_max, sorted(r.speech_words),
        [(x.name, x.dot_reach) for x in r.rules], f.min_words, f.max_native_share, f.note,
        bool(f.other.fullmatch("ж")), r.rules[0].before.search("Dr.") is not None]))
"""


def test_a_language_file_may_leave_out_every_optional_key(tmp_path: Path) -> None:
    """A newsroom's own language file: what it leaves out takes its default (no rules, no
    foreign-text test, no quotes, titles up to 150 characters, a rule without a name, a foreign
    run of two words with at most a fifth of native letters, no note); what it sets is read; a
    pattern that does not compile is an error naming the file."""
    rules_for("ky")  # compiled here too: a mutation run then knows this test reads rule files
    package = tmp_path / "pressflow"
    shutil.copytree(
        Path(pressflow.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__")
    )
    (package / "data" / "segment" / "xa.toml").write_text(_BARE, encoding="utf-8")
    (package / "data" / "segment" / "xb.toml").write_text(_FULL, encoding="utf-8")
    (package / "data" / "segment" / "xc.toml").write_text(_BARE.split("[[rule]]")[0], "utf-8")
    (package / "data" / "segment" / "xd.toml").write_text(_BARE.replace("\\.{close}", "("), "utf-8")
    done = subprocess.run(
        [sys.executable, "-c", _READ],
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-500:]
    broken, plain, bare, full = (json.loads(line) for line in done.stdout.splitlines())
    # a pattern that does not compile names the language and the reason
    assert broken.startswith("segmentation rules for 'xd' are broken: missing ), "), broken
    assert plain == ["xc", None, []]  # no rules, no foreign-text test
    # no {close} macro: the rule's full stop is not known to be its last, so no dot_reach
    assert bare == ["xa", [], 150, [], [["", None]], 2, 0.2, "", True, False]
    assert full == [
        "xb",
        [["«", "»"]],
        40,
        ["said"],
        [["dot", 1]],
        3,
        0.5,
        "not this language",
        True,
        True,
    ]


@pytest.mark.parametrize(
    "address", ["https://kaktus.media/ky/Жаңылык.Бүгүн", "www.kaktus.media/ky/Жаңылык.Бүгүн"]
)
def test_an_address_with_a_scheme_or_www_is_never_cut_whatever_its_domain(address: str) -> None:
    """The address pattern the compiler builds takes a whole ``https://`` or ``www.`` address,
    not only one ending in a known domain: inside it, ``Жаңылык.Бүгүн`` is no sentence end
    (without either, ``kaktus.media/ky/Жаңылык.`` ends one)."""
    text = f"Маалымат {address} сайтында."
    assert split_text(text, lang="ky") == [(0, len(text))]
    bare = text.replace("https://", "").replace("www.", "")
    assert len(split_text(bare, lang="ky")) == 2
