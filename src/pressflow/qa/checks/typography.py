"""Typography: final punctuation, doubled spaces, outer whitespace, implausible length."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from ..registry import Context, check
from ..units import Unit
from .alignment import LENGTH_MODEL

_CLOSERS = "»”“\"’')]}"
_FINAL = ".!?…"
#: translation length / source length (characters; sources of MIN_LENGTH or more, titles aside),
#: outside which a translation is suspicious, per target: the lower bound is the 0.5% quantile
#: measured on the tuning half of the development documents (medians: ru 1.08, en 0.99)
RATIO_BOUNDS: dict[str, tuple[float, float]] = {"ru": (0.67, 2.4), "en": (0.65, 2.2)}
#: a translation with no final full stop whose source has one is cut short when it is also
#: shorter than this share of the source (the 5% quantile on the tuning half)
UNFINISHED: dict[str, float] = {"ru": 0.81, "en": 0.77}
DEFAULT_BOUNDS = (0.35, 2.8)
#: translation length / the release's other translation's length, medians on the tuning half
PAIR_MEDIANS: dict[tuple[str, str], float] = {("ru", "en"): 1.095, ("en", "ru"): 0.914}
#: with another translation at hand, a translation is short when it is short against both the
#: source and the other translation (each as a share of its median, below SHORT_EACH) and the two
#: shares' product is below SHORT_BOTH: a Kyrgyz sentence longer than usual makes every
#: translation look short, a lost half makes one. Tuning half, injected cuts at 40-60% of the
#: words: 89% of Russian and 93% of English cuts caught against 87% and 93% by the source alone,
#: 1 and 5 good units of 525 flagged against 4 and 8
SHORT_EACH = 0.8
SHORT_BOTH = math.exp(-0.9)
#: the same for a headline, which compresses more: no good headline of the tuning half's 80 is
#: below 0.30 (both shares multiplied), 29 of 66 headlines cut at 40-60% of their words are
TITLE_EACH = 0.5
TITLE_BOTH = 0.2
#: the same for a unit whose source is shorter than MIN_LENGTH, judged only beside another
#: translation of MIN_WORDS words or more: a short sentence varies more. The lowest good ones of
#: the tuning half reach 0.29 (ru) and 0.197 (en: "I hope they are safe." beside a Russian that
#: adds a clause); 57% of Russian and 62% of English cuts at 40-60% of the words are below 0.18
BRIEF_EACH = 0.5
BRIEF_BOTH = 0.18
#: below this share of its usual length against the source alone a translation is short
#: whatever the other translation says, which may have lost its own half (the lowest good units
#: of the tuning half: 0.58 in Russian, 0.51 in English, headlines and short sentences 0.47;
#: of cuts at 40-60% of the words, a third of the sentences' are lower). Not higher: a
#: long-winded source makes two good translations short at 0.42
FLOOR = 0.4
#: words that cannot end a sentence (prepositions, conjunctions, articles, possessives): a
#: translation that stops on one was cut short, whatever stop follows (машина врезалась в.).
#: Words an elliptical sentence may end on are left out (he said he would; где,
#: когда, как, не знаю что; lives on, back in; кто мы такие). Each word here is frequent in the
#: tuning half's translations (to 391 times, as 88, his 85, at 70; том 38, также 25) and ends none
DANGLING: dict[str, frozenset[str]] = {
    "ru": frozenset((
        "в", "во", "на", "по", "с", "со", "к", "ко", "о", "об", "обо", "от", "до", "из", "за",
        "для", "без", "у", "и", "а", "но", "или", "ни", "чтобы", "при", "через", "между", "под",
        "над", "перед", "своего", "своей", "своих", "свой", "свою", "своим", "который",
        "которая", "которые", "которого", "таким", "чем", "не", "том", "также", "если", "же",
        "котором", "которой", "которым", "которых", "которую", "которому", "которыми",
        "которое", "самая", "самое", "самые", "согласно",
    )),
    "en": frozenset((
        "the", "a", "an", "of", "into", "and", "or", "but", "their", "its", "my", "our", "your",
        "his", "than", "whose", "which", "until", "from", "to", "as", "for", "at", "between",
        "whether",
    )),
}  # fmt: skip
#: the last words of a clause opened and left, though each word alone may end a sentence: a
#: complement clause's ", что" (не знаю что may end one), "я — это", a subject pronoun opening a
#: clause with no verb after it (", they", "and she"; not "so do they", "than I"), "but it", a
#: reporting ", saying".
#: Cuts the bounds and the words above missed on the tuning half end so (9 of 83 in Russian, 7
#: of 76 in English); no good unit of either half does
_OPEN_CLAUSE: dict[str, re.Pattern[str]] = {
    "ru": re.compile(r"(?:,\s*что|[,—–]\s*это)$", re.IGNORECASE),
    "en": re.compile(
        r"(?:(?:[^\w\s]\s*|\b(?:and|but|or|because|when|if|while|that|until)\s+)(?:I|he|she|we|they)"
        r"|\b(?:but|and|because) it|,\s*(?:saying|adding|citing|noting))$"
    ),
}
#: an English auxiliary contracted (you've, they're, I'm, it's, we'll): it never ends a clause
#: ("Yes, I have", never "Yes, I've"); a possessive 's may (at my mother's)
_CONTRACTED = re.compile(r"[’'](?:ve|re|m|ll|d)$|^(?:it|he|she|that|there|what|who|here)[’']s$")
#: what may stand around a text's last word: its stop, quotes, brackets, dashes
_AROUND = ".,;:!?…()[]{}«»“”„\"'’‘—–-/"
MIN_LENGTH = 60
MIN_WORDS = 8


def _last_two_words(text: str) -> int:
    """Where the white space before the text's last two words starts (0 for a text of fewer):
    ``_OPEN_CLAUSE`` ends the text and holds two words at most (``, they``, ``and she``, ``— это``),
    so it is searched from there, not tried at every character of the text."""
    parts = text.rsplit(None, 2)
    return len(parts[0]) if len(parts) == 3 else 0


def _end(text: str) -> str:
    """The last character before closing quotes and brackets ("" when there is none)."""
    return text.rstrip().rstrip(_CLOSERS)[-1:]


@check(
    "final-punctuation",
    "warning",
    "The translation does not end as a sentence does: no punctuation where the source ends one"
    " (. ! ?), or a last word that cannot end one (в, и; the, of).",
)
def final_punctuation(unit: Unit, ctx: Context) -> Iterator[str]:
    last = unit.msgstr.rsplit(None, 1)[-1].strip(_AROUND) if unit.msgstr.strip() else ""
    if last in DANGLING.get(ctx.lang, ()) or (
        ctx.lang == "en" and _CONTRACTED.search(last.lower())
    ):
        yield f"the translation stops on {last!r}: something may be missing"
        return
    opened = _OPEN_CLAUSE.get(ctx.lang)
    ending = unit.msgstr.rstrip().rstrip(_AROUND)
    tail = opened.search(ending, _last_two_words(ending)) if opened else None
    if tail:
        yield f"the translation stops on {tail.group(0).strip()!r}: something may be missing"
        return
    # a headline-like line may drop its full stop in any language: only a question or an
    # exclamation lost, or a translation of several sentences left open, is worth a warning
    if (
        re.search(r"\b(title|heading)\b", unit.extracted)
        or len(unit.msgstr.split()) < MIN_WORDS // 2
    ):
        return
    src, tgt = _end(unit.msgid), _end(unit.msgstr)
    if not tgt.isalnum():
        return
    several = bool(re.search(r"[.!?…]\s+\w", unit.msgstr))
    short = len(unit.msgstr.strip()) < UNFINISHED.get(ctx.lang, 0.0) * len(unit.msgid.strip())
    # the other translation ends the sentence too: no good unit of the tuning half leaves it open
    # then, whatever its length
    if src and (
        src in "!?" or (src in _FINAL and (several or short or _others_end_in(unit, ctx, _FINAL)))
    ):
        yield f"the source ends with {src!r}, the translation has no final punctuation"


def _others_end_in(unit: Unit, ctx: Context, ends: str) -> bool:
    """Does another translation of the unit end with one of ``ends``?"""
    found = (_end(texts.get(unit.msgid, "")) for texts in (ctx.parallel or {}).values())
    return any(end and end in ends for end in found)


@check(
    "double-space",
    "warning",
    "Two spaces in a row in the translation, not in the source.",
    opt_in=True,
)
def double_space(unit: Unit, ctx: Context) -> Iterator[str]:
    # opt-in: HTML collapses a run of spaces, so the published page never shows it, and good
    # human translations have it (18 of 1,308 Russian units in the ntrex128 benchmark): on by
    # default it would be the commonest false alarm, for a defect no reader can see
    if re.search(r"\S {2,}\S", unit.msgstr) and not re.search(r"\S {2,}\S", unit.msgid):
        yield "doubled space in the translation"


@check(
    "whitespace",
    "warning",
    "Leading or trailing whitespace differs between source and translation.",
)
def whitespace(unit: Unit, ctx: Context) -> Iterator[str]:
    src, tgt = unit.msgid, unit.msgstr
    if (src[:1].isspace(), src[-1:].isspace()) == (tgt[:1].isspace(), tgt[-1:].isspace()):
        return
    yield "leading or trailing whitespace differs from the source"


@check(
    "length-ratio",
    "warning",
    "The translation is far shorter or longer than translations into this language usually are.",
)
def length_ratio(unit: Unit, ctx: Context) -> Iterator[str]:
    src = len(unit.msgid.strip())
    # a unit shorter than MIN_LENGTH varies more: it is judged only beside another translation
    # long enough to lose half of, and at tighter bounds
    brief = src < MIN_LENGTH
    if not src or (brief and not _long_witness(unit, ctx)):
        return
    value = len(unit.msgstr.strip()) / src
    others = _witnesses(unit, ctx) if ctx.lang in LENGTH_MODEL else []
    headline = bool(re.search(r"\b(title|heading)\b", unit.extracted))
    if brief:
        if others and _short(value, ctx.lang, others, each=BRIEF_EACH, both=BRIEF_BOTH):
            what = "headline" if headline else "translation"
            yield f"the {what} is {value:.0%} of the source's length: something may be missing"
        return
    if headline:
        # a headline compresses as it likes, but not to half of what the source and the other
        # translation make usual at once; one closed by a full stop that neither its source nor
        # the other translation has was cut and closed like a sentence: a sentence's bounds
        each, both = (SHORT_EACH, SHORT_BOTH) if _closed(unit, ctx) else (TITLE_EACH, TITLE_BOTH)
        if others and _short(value, ctx.lang, others, each=each, both=both):
            yield f"the headline is {value:.0%} of the source's length: something may be missing"
        return
    low, high = RATIO_BOUNDS.get(ctx.lang, DEFAULT_BOUNDS)
    if _short(value, ctx.lang, others) if others else value < low:
        yield f"the translation is {value:.0%} of the source's length: something may be missing"
    elif value > high:
        yield f"the translation is {value:.0%} of the source's length: something may be added"


def _closed(unit: Unit, ctx: Context) -> bool:
    """Does the translation end with a full stop its source and every other translation lack?"""
    if _end(unit.msgstr) != ".":
        return False
    texts = [unit.msgid, *(t.get(unit.msgid, "") for t in (ctx.parallel or {}).values())]
    return all(_end(text) not in _FINAL for text in texts)


def _long_witness(unit: Unit, ctx: Context) -> bool:
    """Has another translation of the unit MIN_WORDS words or more (enough to lose half of)?"""
    others = (ctx.parallel or {}).values()
    return any(len(texts.get(unit.msgid, "").split()) >= MIN_WORDS for texts in others)


def _witnesses(unit: Unit, ctx: Context) -> list[float]:
    """This translation's length as a share of what each other translation's length makes
    usual (the median pair ratio measured on the tuning half)."""
    out = []
    for lang, texts in (ctx.parallel or {}).items():
        median = PAIR_MEDIANS.get((ctx.lang, lang))
        other = len(texts.get(unit.msgid, "").strip())
        if median and other:
            out.append(len(unit.msgstr.strip()) / other / median)
    return out


def _short(
    value: float,
    lang: str,
    others: list[float],
    *,
    each: float = SHORT_EACH,
    both: float = SHORT_BOTH,
) -> bool:
    """Short against the source (``value``) and against every other translation at hand, or
    below FLOOR against the source alone, whatever the other translation says."""
    against_source = value / math.exp(LENGTH_MODEL[lang][0])
    return against_source < FLOOR or all(
        against_source < each and other < each and against_source * other < both for other in others
    )
