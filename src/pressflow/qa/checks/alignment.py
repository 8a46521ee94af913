"""Translations pasted into the wrong entry: two neighbours' translations exchanged, or another
unit's translation pasted here.

How well a translation fits a source is judged by two things a translation keeps whatever the
language: its length (log of translation / source length against what translations into the
language usually are, in standard deviations measured on the tuning half of the development
documents), and its anchors: the figures and the long words (names, loanwords such as президент,
парламент) that the source and the translation share, their first letters folded to one rough
Latin spelling. A translation that fits another unit's source far better than its own (by more
than any good translation measured on the tuning half) was most likely pasted into the wrong
entry.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from ..memo import memo
from ..registry import Context, Finding, check
from ..units import Unit

#: per target language: (median, spread) of log(len(translation) / len(source)), tuning half
LENGTH_MODEL: dict[str, tuple[float, float]] = {"ru": (0.071, 0.19), "en": (-0.018, 0.17)}
#: how much one shared anchor (as a share of the smaller side's anchors) weighs against the
#: length misfit, in spreads
ANCHOR_WEIGHT = 10.0
#: neighbours exchanged: how much better the crossed assignment must fit (good neighbour pairs
#: on the tuning half: at most 2.4)
MIN_GAIN = 4.0
#: another unit's translation: how much better it must fit some other source of the release
#: than its own (good units on the tuning half: at most 3.6 in Russian, 4.3 in English)
MIN_MISPLACED_GAIN = 5.5
#: the units a translation is compared with, on either side: every unit of a release (a few
#: dozen), and linear time on a catalog of thousands
NEARBY = 200
#: a figure (digits alone) and a word of five letters or more (names, loanwords) are anchors
_TOKEN = re.compile(r"[^\W_]+")
_ANCHOR_LETTERS = 5
#: Kyrgyz, Russian and English letters folded to one rough Latin spelling (a cheap skeleton:
#: every long word of every unit is read), so that президент, president share a head
_CYRILLIC = "абвгдеёжзийклмнңоөпрстуүфхцчшщыэюя"
_FOLD = str.maketrans(
    {
        **dict(zip(_CYRILLIC, "abvgdeejsiiklmnnooprstuufkccssieua", strict=True)),
        **{"ъ": None, "ь": None, "c": "k", "q": "k", "w": "v", "y": "i", "x": "k", "z": "s"},
        "h": None,  # sh, kh, ch, zh: English spells one Cyrillic letter with two
    }
)


@memo()
def anchors(text: str) -> frozenset[str]:
    """The figures of ``text`` and the skeleton heads of its long words."""
    out: set[str] = set()
    for word in _TOKEN.findall(text.lower()):
        if word.isdigit():
            out.add("#" + word)
        elif len(word) >= _ANCHOR_LETTERS:
            head = word[:6].translate(_FOLD)[:4]  # a prefix: inflections share it
            if len(head) == 4:
                out.add(head)
    return frozenset(out)


@dataclass(frozen=True)
class _Side:
    length: int
    anchors: frozenset[str]


def _side(text: str) -> _Side:
    return _Side(max(len(text.strip()), 1), anchors(text))


def _fit(source: _Side, translation: _Side, model: tuple[float, float]) -> float:
    """Higher is better: shared anchors, less the length misfit."""
    middle, spread = model
    misfit = abs(math.log(translation.length / source.length) - middle) / spread
    a, b = source.anchors, translation.anchors
    shared = len(a & b) / min(len(a), len(b)) if a and b else 0.0
    return ANCHOR_WEIGHT * shared - misfit


@check(
    "exchanged",
    "warning",
    "Two neighbouring units' translations fit each other's source far better than their own.",
    scope="catalog",
)
def exchanged(units: list[Unit], ctx: Context) -> Iterator[Finding]:
    model = LENGTH_MODEL.get(ctx.lang)
    if model is None:
        return
    done = [u for u in units if u.translated]
    sides = {u.index: (_side(u.msgid), _side(u.msgstr)) for u in done}
    for a, b in pairwise(done):
        (sa, ta), (sb, tb) = sides[a.index], sides[b.index]
        own = _fit(sa, ta, model) + _fit(sb, tb, model)
        crossed = _fit(sa, tb, model) + _fit(sb, ta, model)
        if crossed - own > MIN_GAIN:
            yield Finding(a, "this translation and the next one's seem exchanged")
            yield Finding(b, "this translation and the previous one's seem exchanged")


@check(
    "misplaced",
    "warning",
    "A translation fits another unit's source far better than its own (pasted in the wrong entry).",
    scope="catalog",
)
def misplaced(units: list[Unit], ctx: Context) -> Iterator[Finding]:
    model = LENGTH_MODEL.get(ctx.lang)
    if model is None:
        return
    done = [u for u in units if u.translated]
    sources = [_side(u.msgid) for u in done]
    sharing: dict[str, list[int]] = defaultdict(list)  # anchor -> the sources that have it
    for j, source in enumerate(sources):
        for anchor in source.anchors:
            sharing[anchor].append(j)
    for i, unit in enumerate(done):
        translation = _side(unit.msgstr)
        own = _fit(sources[i], translation, model)
        # a source sharing no anchor fits at most 0: only those sharing one can beat a fair
        # own fit, and they are few (every source is tried when the own fit is very poor)
        low, high = i - NEARBY, i + NEARBY
        if own + MIN_MISPLACED_GAIN >= 0:
            others = set()
            for anchor in translation.anchors:
                having = sharing.get(anchor, [])  # in increasing order
                others.update(having[bisect_left(having, low) : bisect_right(having, high)])
        else:
            others = set(range(max(low, 0), min(high + 1, len(sources))))
        others.discard(i)
        best, where = max(((_fit(sources[j], translation, model), j) for j in sorted(others)),
                          default=(own, i))  # fmt: skip
        if best - own > MIN_MISPLACED_GAIN:
            yield Finding(unit, f"this translation fits unit {done[where].line}'s source better")
