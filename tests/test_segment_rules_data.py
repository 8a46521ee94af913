"""How the segmentation rule files are read: the same bytes give the same rules in any process.

Why apart from ``test_segment_rules``: these tests compare a fresh command with this process,
so each one also compiles the rules here (a mutation run then knows they read the rule files).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

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
