"""Translations pasted into the wrong entry: two neighbours' translations exchanged, or another
unit's translation pasted here.

How well a translation fits a source is judged by three things a translation keeps whatever the
language: its length (log of translation / source length against what translations into the
language usually are, in standard deviations measured on the tuning half of the development
documents); its anchors: the figures and the long words (names, loanwords such as президент,
парламент) that the source and the translation share, their first letters folded to one rough
Latin spelling; and its shape: a quotation opened or closed, a question, a speaker's verb
(деди, said). A translation that fits another unit's source far better than its own (by more
than any good translation measured on the tuning half) was most likely pasted into the wrong
entry.

A translation that is another unit's word for word (and four words or more, the sources unlike)
was pasted into one of the two entries: the one whose source fits it worse.

Where the release's other translation is at hand (``Context.parallel``), it is a third witness:
a translation is fitted to each unit's source and to that unit's other translation (names,
figures and loanwords the two translations share, their lengths' usual ratio), which tells
units apart far better than the source alone.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import pairwise

from ...similarity import ratio
from ..memo import frozen, memo
from ..registry import Context, Finding, check
from ..units import Unit
from ..words import has_digit, words

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
#: per target language, against the release's other translation: (median, spread) of
#: log(len(translation) / len(other translation)), tuning half
PAIR_MODEL: dict[str, tuple[float, float]] = {"ru": (0.091, 0.16), "en": (-0.090, 0.16)}
#: the two gains when each fit adds the other translation's (good units on the tuning half: at
#: most 5.3 for neighbours, 7.9 for another unit; injected there, with a clean witness: 83% of
#: exchanges and 43% of pasted translations caught by these checks alone, against 75% and 29%).
#: Neighbours at 5.6, just above the good pairs' 5.3 (6.5 caught 2 fewer exchanges of 126 in
#: Russian on the tuning half, and no good pair of either half crosses 5.6)
WITNESSED_MIN_GAIN = 5.6
WITNESSED_MIN_MISPLACED_GAIN = 9.0
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
    if has_digit(text) or "İ" in text or "Σ" in text:
        tokens = _TOKEN.findall(text.lower())
    else:  # no figure: its words (qa/words, read once) are its tokens, the long ones in lower
        # case (İ and a final Σ aside, str.lower maps a word's letters one by one)
        tokens = [w.lower() if len(w) >= _ANCHOR_LETTERS else w for w in words(text)]
    for word in tokens:
        if word.isdigit():
            out.add("#" + word)
        elif len(word) >= _ANCHOR_LETTERS:
            head = _head(word[:6])  # a prefix: inflections share it
            if len(head) == 4:
                out.add(head)
    return frozen(out)


@memo(65536)
def _head(prefix: str) -> str:
    """A long word's first six letters folded, four kept: a prefix recurs in many texts, and
    folding through a table of Cyrillic letters costs far more than looking it up."""
    return prefix.translate(_FOLD)[:4]


#: what opens or closes a quotation, in any of the three languages
_QUOTES = "«»“”„\"'‘’"
#: a speaker named after the words (Kyrgyz деди, Russian сказал, English said), in any case
SAID = ("деди", "дейт", "деп айтты", r"сказал\w*", r"заявил\w*", r"рассказ\w*", "говорит",
        r"отметил\w*", r"добавил\w*", "said", "says", "told", "added")  # fmt: skip
#: the letters those words open with, in every case the engine ignores (ſ is s, ᲁ is д)
SAID_INITIALS = "ASTastſГДЗОРСгдзорсᲁᲂᲃ"
#: ``\b(?:деди|…|added)\b`` ignoring case, led by the class of the first letters so that the
#: engine skips in its own fast scan the characters no word opens with, instead of trying the
#: words at each of them (every text's shape is read: a third of the time of the checks'
#: patterns went to this one); each word then matches its first letter again, behind it
_SAID = re.compile(
    f"[{SAID_INITIALS}]" + r"(?<!\w.)(?:"
    + "|".join(f"(?<=(?i:{w[0]}))(?i:{w[1:]})" for w in SAID)
    + r")\b"
)  # fmt: skip
#: how much each unlike feature of the shape (``_shape``) weighs against a fit, in spreads:
#: translators keep a quotation's marks, a question and a speaker's verb, so a translation that
#: opens a quotation beside a source that does not was most likely pasted from a neighbour.
#: Tuning half, every neighbour pair exchanged, with the other translation as witness: caught by
#: this check 501 -> 524 of 575 (ru), 496 -> 517 (en); good neighbour pairs' greatest gain
#: 5.3 -> 2.5
SHAPE_WEIGHT = 1.0


def _shape(text: str) -> int:
    """Does the text open with a quotation mark or a dash (bit 1), close a quotation after its
    first letter (2), end in a question (4), name a speaker (8)? As bits, so that two shapes'
    unlike features are counted at once (``_fit``: the bits of their exclusive or)."""
    text = text.strip()
    first = text[:1]
    rest = text[1:]
    return (
        int(bool(first) and (first in _QUOTES or first in "—–-"))  # ("" is in every string)
        | int("»" in rest or "”" in rest or '"' in rest) << 1
        | int(text.rstrip(_QUOTES)[-1:] == "?") << 2
        | int(bool(_SAID.search(text))) << 3
    )


@dataclass(frozen=True, slots=True)
class _Side:
    """A text as fitted: kept for every text by the memo, so one object, no ``__dict__``."""

    log_length: float
    anchors: frozenset[str]
    shape: int


@memo()
def _side(text: str) -> _Side:
    """A text's log length, anchors and shape (each text is fitted to many others, by two
    checks)."""
    return _Side(math.log(max(len(text.strip()), 1)), anchors(text), _shape(text))


def _fit(source: _Side, translation: _Side, model: tuple[float, float]) -> float:
    """Higher is better: shared anchors, less the length misfit and the unlike shapes."""
    middle, spread = model
    misfit = abs(translation.log_length - source.log_length - middle) / spread
    a, b = source.anchors, translation.anchors
    shared = len(a & b) / min(len(a), len(b)) if a and b else 0.0
    unlike = (source.shape ^ translation.shape).bit_count()
    return ANCHOR_WEIGHT * shared - misfit - SHAPE_WEIGHT * unlike


class _Fitter:
    """Fits a translation to a unit, with or without the release's other translation."""

    def __init__(self, done: list[Unit], ctx: Context) -> None:
        pair = PAIR_MODEL.get(ctx.lang)
        texts = [t for t in (ctx.parallel or {}).values() if any(u.msgid in t for u in done)]
        self.model = LENGTH_MODEL[ctx.lang]
        self.pair = pair if texts else None
        #: the most the other translation's part may add to a fit (its source's part again,
        #: for a unit without one, is bounded separately: see ``headroom`` users)
        self.headroom = ANCHOR_WEIGHT if self.witnessed else 0.0
        #: per unit: its source and, when at hand, its other translation
        self.units: list[tuple[_Side, _Side | None]] = [
            (_side(u.msgid), _other(u.msgid, texts) if self.witnessed else None) for u in done
        ]

    @property
    def witnessed(self) -> bool:
        return self.pair is not None

    def fit(self, k: int, translation: _Side) -> float:
        return self.complete(k, translation, self.source_fit(k, translation))

    def source_fit(self, k: int, translation: _Side) -> float:
        """The fit to the unit's source alone."""
        return _fit(self.units[k][0], translation, self.model)

    def complete(self, k: int, translation: _Side, first: float) -> float:
        """The fit, given ``first``, the fit to the source alone."""
        other = self.units[k][1]
        if self.pair is None:
            return first
        # a unit with no other translation (its source edited in one catalog only) counts its
        # source twice, so that its fit stays on the witnessed units' scale
        return first + (_fit(other, translation, self.pair) if other is not None else first)


def _other(msgid: str, texts: list[Mapping[str, str]]) -> _Side | None:
    for mapping in texts:
        text = mapping.get(msgid)
        if text:
            return _side(text)
    return None


@check(
    "exchanged",
    "warning",
    "Two neighbouring units' translations fit each other's source far better than their own.",
    scope="catalog",
)
def exchanged(units: list[Unit], ctx: Context) -> Iterator[Finding]:
    if ctx.lang not in LENGTH_MODEL:
        return
    done = [u for u in units if u.translated]
    fitter = _Fitter(done, ctx)
    gain = WITNESSED_MIN_GAIN if fitter.witnessed else MIN_GAIN
    mine = [_side(u.msgstr) for u in done]
    fits = [fitter.fit(i, side) for i, side in enumerate(mine)]
    for i, (a, b) in enumerate(pairwise(done)):
        own = fits[i] + fits[i + 1]
        # each side's other translation adds at most ANCHOR_WEIGHT: fitted only if needed
        first = fitter.source_fit(i, mine[i + 1]), fitter.source_fit(i + 1, mine[i])
        if (first[0] + fitter.headroom) + (first[1] + fitter.headroom) - own <= gain:
            continue
        crossed = fitter.complete(i, mine[i + 1], first[0]) + fitter.complete(
            i + 1, mine[i], first[1]
        )
        if crossed - own > gain:
            yield Finding(a, "this translation and the next one's seem exchanged")
            yield Finding(b, "this translation and the previous one's seem exchanged")


@check(
    "misplaced",
    "warning",
    "A translation fits another unit's source far better than its own, or is another unit's "
    "translation word for word and fits that unit's source better (pasted in the wrong entry).",
    scope="catalog",
)
def misplaced(units: list[Unit], ctx: Context) -> Iterator[Finding]:
    if ctx.lang not in LENGTH_MODEL:
        return
    done = [u for u in units if u.translated]
    fitter = _Fitter(done, ctx)
    gain = WITNESSED_MIN_MISPLACED_GAIN if fitter.witnessed else MIN_MISPLACED_GAIN
    flagged: set[int] = set()
    # each unit's anchors, its source's and its other translation's: what a translation shares
    having = [source.anchors | other.anchors if other else source.anchors
              for source, other in fitter.units]  # fmt: skip
    sharing = _sharing(having) if len(done) > INDEXED else None
    for i, unit in enumerate(done):
        translation = _side(unit.msgstr)
        own = fitter.fit(i, translation)
        # a unit sharing no anchor fits at most 0: only those sharing one can beat a fair own
        # fit, and they are few (every unit is tried when the own fit is very poor)
        low, high = i - NEARBY, i + NEARBY
        if own + gain >= 0:
            mine = translation.anchors
            if sharing is None:  # a release: each of its few units asked
                window = range(max(low, 0), min(high + 1, len(done)))
                others = {j for j in window if not mine.isdisjoint(having[j])}
            else:  # a long catalog: only the units that share an anchor
                others = set()
                for anchor in mine:
                    with_it = sharing.get(anchor, [])  # in increasing order
                    others.update(with_it[bisect_left(with_it, low) : bisect_right(with_it, high)])
        else:
            others = set(range(max(low, 0), min(high + 1, len(done))))
        others.discard(i)
        fits = []
        for j in sorted(others):
            source, other = fitter.units[j]
            first = _fit(source, translation, fitter.model)  # (fitter.source_fit, inlined)
            if first + fitter.headroom - own <= gain and other is not None:
                continue  # the other translation's part cannot make up the gain
            fits.append((fitter.complete(j, translation, first), j))
        best, where = max(fits, default=(own, i))
        if best - own > gain:
            flagged.add(i)
            yield Finding(unit, f"this translation fits unit {done[where].line}'s source better")
    for i, j in _copies(done, fitter):
        if i not in flagged:
            yield Finding(
                done[i],
                f"the same translation as unit {done[j].line}'s, whose source fits it better",
            )


#: a catalog longer than this finds the units sharing an anchor with a translation through an
#: index (anchor -> units) rather than by asking each unit
INDEXED = 64


def _sharing(having: list[frozenset[str]]) -> dict[str, list[int]]:
    """Anchor -> the units that have it, in increasing order."""
    sharing: dict[str, list[int]] = defaultdict(list)
    for j, anchors in enumerate(having):
        for anchor in anchors:
            sharing[anchor].append(j)
    return sharing


#: a translation this short may be the same for two sources (a credit line, a heading)
COPY_WORDS = 4
#: sources this alike (a typo fixed in one) may share their translation
COPY_SOURCES = 80.0


def _copies(done: list[Unit], fitter: _Fitter) -> Iterator[tuple[int, int]]:
    """(i, j): unit i has word for word the translation of unit j, a different source, and fits
    it worse. No good translation of the development documents repeats another unit's, so even
    a small difference in fit tells which entry the text was pasted into."""
    by_text: dict[str, list[int]] = defaultdict(list)
    split = [unit.msgstr.split() for unit in done]  # (each translation's words, split once)
    for k, unit in enumerate(done):
        if len(split[k]) >= COPY_WORDS:
            by_text[unit.msgstr.strip()].append(k)
    groups = [group for group in by_text.values() if len(group) > 1]
    groups.extend(_near_copies(split, [group[0] for group in by_text.values()], done))
    for group in groups:
        side = _side(done[group[0]].msgstr)
        fits = {k: fitter.fit(k, side) for k in group}
        owner = max(group, key=lambda k: (fits[k], -k))
        for k in group:
            if k != owner and ratio(done[k].msgid, done[owner].msgid) < COPY_SOURCES:
                yield k, owner


#: a copy edited since (a figure, a letter, a word typed twice) is still a copy: this long, and
#: this alike (good translations of the development documents: at most 87, a short sentence)
NEAR_WORDS = 6
NEAR_COPY = 92.0
#: a text is compared with those opening or closing on its first or last three words, and
#: not in a crowd of them (a formula every unit opens with)
_NEAR_KEY = 3
_CROWD = 20


def _near_copies(split: list[list[str]], texts: list[int], done: list[Unit]) -> Iterator[list[int]]:
    """Pairs of units whose translations (``split``: their words) are not equal but nearly
    (``texts``: one unit for each distinct translation)."""
    by_key: dict[tuple[str, tuple[str, ...]], list[int]] = defaultdict(list)
    for k in texts:
        words = split[k]
        if len(words) >= NEAR_WORDS:
            by_key[("head", tuple(words[:_NEAR_KEY]))].append(k)
            by_key[("tail", tuple(words[-_NEAR_KEY:]))].append(k)
    pairs = set()
    for bucket in by_key.values():
        if 1 < len(bucket) <= _CROWD:
            pairs.update((a, b) for n, a in enumerate(bucket) for b in bucket[n + 1 :])
    for a, b in sorted(pairs):
        if ratio(done[a].msgstr, done[b].msgstr) >= NEAR_COPY:
            yield [a, b]
