"""Word lists the checks use, kept as data under ``pressflow/data/qa/`` so that a newsroom's
linguist can extend them without touching code: Kyrgyz common words capitalised inside names,
exonyms, and Kyrgyz words that never occur in Russian text.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("pressflow").joinpath("data", "qa", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def common_words() -> tuple[str, ...]:
    """Stems of Kyrgyz words that are capitalised in names but translated (Башкы, Улуттук)."""
    return tuple(line.lower() for line in _lines("common-words.ky.txt"))


@cache
def exonyms() -> dict[str, tuple[str, ...]]:
    """Kyrgyz stem -> the spellings English and Russian use instead (Кытай -> China, Китай)."""
    table = {}
    for line in _lines("exonyms.tsv"):
        stem, _, names = line.partition("\t")
        table[stem.strip().lower()] = tuple(n.strip() for n in names.split("|") if n.strip())
    return table


@cache
def roles() -> dict[str, tuple[str, ...]]:
    """Kyrgyz stem of an office -> its renderings (Russian stems, English words)."""
    table = {}
    for line in _lines("roles.tsv"):
        stem, _, renderings = line.partition("\t")
        table[stem.strip().lower()] = tuple(r.strip() for r in renderings.split("|") if r.strip())
    return table


@cache
def kyrgyz_words() -> frozenset[str]:
    """Frequent Kyrgyz words that are not Russian words."""
    return frozenset(line.lower() for line in _lines("kyrgyz-words.txt"))


@cache
def number_word_table() -> tuple[dict[str, float], tuple[tuple[str, float], ...]]:
    """Numbers as words: whole English words, and Russian stems (longest first)."""
    words: dict[str, float] = {}
    stems: list[tuple[str, float]] = []
    for line in _lines("number-words.tsv"):
        form, value, how = (part.strip() for part in line.split("\t"))
        if how == "stem":
            stems.append((form, float(value)))
        else:
            words[form] = float(value)
    stems.sort(key=lambda pair: -len(pair[0]))
    return words, tuple(stems)


@cache
def check_examples() -> dict[str, str]:
    """Check code -> an example of what it catches (for ``check --list-checks``)."""
    return dict(line.split("\t", 1) for line in _lines("check-examples.tsv"))


@cache
def false_alarm_rates() -> dict[str, str]:
    """Check code -> its false alarms per 100 units measured on the validation half of the
    development documents (written by ``benchmarks/qa.py --write-rates``)."""
    try:
        return dict(line.split("\t", 1) for line in _lines("false-alarms.tsv"))
    except FileNotFoundError:
        return {}
