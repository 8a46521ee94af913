"""Injections into the words and structure of a translation: names misspelt or left Kyrgyz,
untranslated units, Kyrgyz letters, cut sentences, lost quotes and brackets, doubled words, a
negation dropped or added, a glossary term replaced.

Split from ``qa_inject`` (which keeps the registry of kinds) so that each module holds one family
of mistakes; the spots are found with plain patterns, never with pressflow's own checks.
"""

from __future__ import annotations

import random
import re

from pressflow.glossary import Glossary, term_pattern
from qa_inject_figures import splice

_WORD = re.compile(r"[^\W\d_]+")


# ------------------------------------------------------------------ names
_KY_ONLY = str.maketrans({"о": "ө", "у": "ү", "н": "ң", "О": "Ө", "У": "Ү", "Н": "Ң"})
_VOWELS = {"ru": "аеиоуыэюя", "en": "aeiou"}
_CONSONANTS = {"ru": "бвгдзклмнпрстфхцчшщ", "en": "bcdfghklmnprstvz"}


def _name_words(src: str, tgt: str) -> list[re.Match[str]]:
    """Capitalised words of the translation, not sentence-initial, of 4+ letters, that the source
    spells alike in its own script (a name rather than a capitalised common word)."""
    from pressflow.qa.checks.names import targets_of, word_in

    out = []
    for m in re.finditer(r"[^\W\d_]{4,}", tgt):
        word = m.group(0)
        if not (word[0].isupper() and word[1:].islower()):
            continue
        if m.start() == 0 or re.search(r"[.!?…«\"“]\s*$", tgt[: m.start()]):
            continue
        if any(
            word_in(w, targets_of(word), score=90.0) for w in _WORD.findall(src) if w[0].isupper()
        ):
            out.append(m)
    return out


def misspell_name(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
    """One or two letters of a name changed, dropped, doubled or swapped (Уоррен -> Уорен)."""
    spots = _name_words(src, tgt)
    if not spots:
        return None
    m = rng.choice(spots)
    word = list(m.group(0))
    for _ in range(rng.choice((1, 1, 2))):
        i = rng.randrange(1, len(word))
        how = rng.choice(("replace", "drop", "double", "swap"))
        if how == "replace":
            pool = _VOWELS[lang] if word[i].lower() in _VOWELS[lang] else _CONSONANTS[lang]
            word[i] = rng.choice([c for c in pool if c != word[i].lower()])
        elif how == "drop" and len(word) > 4:
            del word[i]
        elif how == "double":
            word.insert(i, word[i])
        elif i + 1 < len(word):
            word[i], word[i + 1] = word[i + 1], word[i]
    new = "".join(word)
    return None if new == m.group(0) else tgt[: m.start()] + new + tgt[m.end() :]


_KY_CASE = re.compile(r"(?:[нтд][ыиуү]н|[гк][аеоө]|[дтн][аеоө]н|[дт][аеоө]|[нтд][ыиуү]|[ыиуү]н)$")


def kyrgyz_name(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
    """A name left as the Kyrgyz source writes it: its Kyrgyz letters (Өмүрбек) or its Kyrgyz case
    ending (Трамптын) pasted into the translation in place of the translated name."""
    from pressflow.qa.translit import skeleton

    spots = []
    for m in _name_words(src, tgt) if lang == "ru" else re.finditer(r"[A-Z][a-z]{3,}", tgt):
        for w in _WORD.findall(src):
            if not w[0].isupper() or w == m.group(0):
                continue
            a, b = skeleton(w), skeleton(m.group(0))
            if len(a) >= 4 and a[:4] == b[:4]:
                if lang == "en" or re.search("[өүңӨҮҢ]", w) or _KY_CASE.search(w.lower()):
                    spots.append((m, w))
                break
    if not spots:
        return None
    m, word = rng.choice(spots)
    return tgt[: m.start()] + word + tgt[m.end() :]


def leave_kyrgyz(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
    return src if len(src.split()) >= 3 else None


def kyrgyz_letter(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
    """A Kyrgyz letter typed into a Russian word (о -> ө on the Kyrgyz keyboard layout); in an
    English one, a Cyrillic look-alike (e -> е) typed with the wrong layout."""
    table = _KY_ONLY if lang == "ru" else str.maketrans("aeopcxyAEOPCXT", "аеорсхуАЕОРСХТ")
    spots = [m for m in _WORD.finditer(tgt) if m.group(0) != m.group(0).translate(table)]
    if not spots:
        return None
    m = rng.choice(spots)
    word = m.group(0)
    places = [i for i, c in enumerate(word) if c != c.translate(table)]
    i = rng.choice(places)
    return tgt[: m.start() + i] + word[i].translate(table) + tgt[m.start() + i + 1 :]


# ------------------------------------------------------------------ structure
def _cut(tgt: str, rng: random.Random, *, stop: bool) -> str | None:
    """The second half of the sentence lost, at a word boundary between 40% and 60%."""
    words = list(re.finditer(r"\S+", tgt))
    if len(words) < 8:
        return None
    k = rng.randint(int(len(words) * 0.4), int(len(words) * 0.6))
    head = tgt[: words[k - 1].end()].rstrip(",;:—–-")
    return head + "." if stop else head


def truncate(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
    return _cut(tgt, rng, stop=False)


def truncate_stop(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
    return _cut(tgt, rng, stop=True)


_QUOTES = '«»“”„"'


def drop_quote(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
    spots = [i for i, c in enumerate(tgt) if c in _QUOTES]
    if not spots or sum(tgt.count(c) for c in _QUOTES) % 2:
        return None
    i = rng.choice(spots)
    return tgt[:i] + tgt[i + 1 :]


def drop_bracket(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
    spots = [i for i, c in enumerate(tgt) if c in "()"]
    if not spots or tgt.count("(") != tgt.count(")"):
        return None
    i = rng.choice(spots)
    return tgt[:i] + tgt[i + 1 :]


def double_word(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
    """A word typed twice (в в, the the), most often a short one."""
    spots = list(re.finditer(r"(?<!\S)[^\W\d_]+(?=\s)", tgt))
    if not spots:
        return None
    short = [m for m in spots if len(m.group(0)) <= 3]
    m = rng.choice(short if short and rng.random() < 0.6 else spots)
    return tgt[: m.end()] + " " + m.group(0) + tgt[m.end() :]


# ------------------------------------------------------------------ wording
_RU_VERB = re.compile(
    r"(?<!\S)[а-яё]{3,}(?:ет|ит|ют|ят|ут|ал|ала|али|ало|ил|ила|или|ся|ет)(?=[\s,.])"
)
_EN_AUX = re.compile(
    r"(?<!\w)(is|are|was|were|will|would|can|could|has|have|had|should|must|did|does|do)(?= [a-z])"
)


def negation(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
    """A negation dropped (не, not, n't) or added before a verb."""
    if lang == "ru":
        drops = list(re.finditer(r"(?<!\w)(?:не|ни) (?=\w)", tgt))
        adds = [m for m in _RU_VERB.finditer(tgt) if not tgt[: m.start()].endswith("не ")]
    else:
        drops = list(re.finditer(r"(?<!\w)(?:not |never )|n't(?=\s)", tgt))
        adds = list(_EN_AUX.finditer(tgt))
    if drops and (not adds or rng.random() < 0.5):
        m = rng.choice(drops)
        return splice(tgt, m.start(), m.end(), "")
    if not adds:
        return None
    m = rng.choice(adds)
    if lang == "ru":
        return tgt[: m.start()] + "не " + tgt[m.start() :]
    return tgt[: m.end()] + " not" + tgt[m.end() :]


def glossary_term(
    src: str, tgt: str, rng: random.Random, lang: str, glossary: Glossary, wrong: dict
) -> str | None:
    """An agreed translation of a glossary term (used in the source) replaced by a synonym."""
    from pressflow.qa.checks.terms import occurs

    for term in glossary.find(src):
        bad = wrong.get(term.source, {}).get(lang)
        variants = term.targets.get(lang, ())
        if not bad or not variants or not occurs(term, src):
            continue
        pattern = re.compile("|".join(f"(?:{term_pattern(v).pattern})" for v in variants), re.I)
        if pattern.search(tgt):
            return pattern.sub(bad, tgt)
    return None
