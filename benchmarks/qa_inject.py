"""Realistic, seeded error injection for the QA benchmark: what a careless translator writes.

Each kind is a function of one catalog's rows (line, Kyrgyz, translation), the unit chosen, a
seeded ``random.Random`` and the target language; it returns the changed rows (usually one
translation, two for a swap, the source too for placeholders) or None when the unit offers no
spot for that kind (no number to drop, no month to change). Nothing here looks at pressflow's
findings: the spots are found with plain patterns, so the benchmark does not grade the checks by
their own definitions.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from pressflow.glossary import Glossary, term_pattern

Row = tuple[int, str, str]
Change = dict[int, tuple[str, str]]  # row index -> (new source, new translation)

_NUM = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
_WORD = re.compile(r"[^\W\d_]+")


def _sub(tgt: str, start: int, end: int, new: str) -> str:
    return re.sub(r"\s{2,}", " ", tgt[:start] + new + tgt[end:]).strip()


def _change_number(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
    """One digit of a number of the translation changed (a typo, a misread figure)."""
    spots = [m for m in _NUM.finditer(tgt) if m.group(0) in src or len(m.group(0)) >= 1]
    spots = [m for m in spots if not _is_day(tgt, m)]
    if not spots:
        return None
    m = rng.choice(spots)
    digits = list(m.group(0))
    places = [i for i, c in enumerate(digits) if c.isdigit()]
    i = rng.choice(places)
    digits[i] = str((int(digits[i]) + rng.randint(1, 8)) % 10)
    if i == 0 and digits[0] == "0" and len(places) > 1:
        digits[0] = "9"
    return tgt[: m.start()] + "".join(digits) + tgt[m.end() :]


def _drop_number(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
    spots = [m for m in _NUM.finditer(tgt) if not _is_day(tgt, m)]
    if not spots:
        return None
    m = rng.choice(spots)
    return _sub(tgt, m.start(), m.end(), "")


# ------------------------------------------------------------------ dates
_RU_MONTHS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр",
              "октябр", "ноябр", "декабр")  # fmt: skip
_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")  # fmt: skip
_RU_MONTH = re.compile(
    r"(?<!\w)(январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)"
    r"(ь|я|е|ю|ем|й|а|у|ом|)(?!\w)"
)
#: case -> ending, per declension (soft: январь; hard: март; май)
_RU_ENDINGS = {
    "soft": {"nom": "ь", "gen": "я", "prep": "е", "dat": "ю", "inst": "ем"},
    "hard": {"nom": "", "gen": "а", "prep": "е", "dat": "у", "inst": "ом"},
    "may": {"nom": "й", "gen": "я", "prep": "е", "dat": "ю", "inst": "ем"},
}


def _ru_class(stem: str) -> str:
    return "hard" if stem in ("март", "август") else "may" if stem == "ма" else "soft"


def _ru_month_case(stem: str, ending: str) -> str | None:
    for case, end in _RU_ENDINGS[_ru_class(stem)].items():
        if end == ending:
            return case
    return None


_EN_MONTH = re.compile(
    r"(?<!\w)(" + "|".join(_EN_MONTHS) + r"|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.?(?!\w)"
)


def _is_day(text: str, m: re.Match[str]) -> bool:
    near = text[max(0, m.start() - 12) : m.end() + 12]
    return bool(_RU_MONTH.search(near) or _EN_MONTH.search(near)) and len(m.group(0)) <= 2


def _change_day(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
    """The day of a date changed (3 июля -> 13 июля, July 3 -> July 8)."""
    spots = [m for m in _NUM.finditer(tgt) if _is_day(tgt, m) and 1 <= int(m.group(0)) <= 31]
    if not spots:
        return None
    m = rng.choice(spots)
    day = int(m.group(0))
    new = rng.choice([d for d in range(1, 29) if d != day])
    return tgt[: m.start()] + str(new) + tgt[m.end() :]


def _change_month(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
    """A month word changed to another month (в июле -> в июне, in March -> in May)."""
    if lang == "ru":
        spots = [m for m in _RU_MONTH.finditer(tgt) if _ru_month_case(m[1], m[2]) is not None]
        spots = [m for m in spots if not (m[1] == "ма" and m[2] in ("", "а", "у", "ом"))]
        if not spots:
            return None
        m = rng.choice(spots)
        case = _ru_month_case(m[1], m[2]) or "nom"
        stem = rng.choice([s for s in _RU_MONTHS if s != m[1]])
        return tgt[: m.start()] + stem + _RU_ENDINGS[_ru_class(stem)][case] + tgt[m.end() :]
    spots = list(_EN_MONTH.finditer(tgt))
    spots = [m for m in spots if m[1] != "May" or re.search(r"\d", tgt[m.end() : m.end() + 4])]
    if not spots:
        return None
    m = rng.choice(spots)
    old = m[1][:3]
    new = rng.choice([name for name in _EN_MONTHS if not name.startswith(old)])
    return tgt[: m.start()] + new + tgt[m.end() :]


_RU_DAYS = {  # stem -> declension class; forms by ending
    "понедельник": "m", "вторник": "m", "четверг": "m",
    "сред": "f", "пятниц": "f", "суббот": "f", "воскресень": "n",
}  # fmt: skip
_RU_DAY_ENDINGS = {
    "m": ("", "а", "е", "у", "ом", "ам", "и"),
    "f": ("а", "ы", "е", "у", "ой", "ей", "ам"),
    "n": ("е", "я", "ю", "ем", "ям"),
}
_RU_DAY = re.compile(
    r"(?<!\w)(понедельник|вторник|четверг|сред|пятниц|суббот|воскресень)(ами|ам|ой|ей|ом|ем|"
    r"а|ы|е|у|я|ю|и|)(?!\w)"
)
_EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_EN_DAY = re.compile(r"(?<!\w)(" + "|".join(_EN_DAYS) + r")(?!\w)")


def _change_weekday(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
    """A weekday changed to another in the same grammatical form (во вторник -> в четверг)."""
    if lang == "ru":
        spots = [m for m in _RU_DAY.finditer(tgt) if m[2] in _RU_DAY_ENDINGS[_RU_DAYS[m[1]]]]
        if not spots:
            return None
        m = rng.choice(spots)
        kind = _RU_DAYS[m[1]]
        others = [s for s, k in _RU_DAYS.items() if k == kind and s != m[1]]
        if not others:  # воскресенье: the only neuter; becomes a masculine day
            others, ending = ["понедельник", "вторник", "четверг"], ""
        else:
            ending = m[2]
        stem = rng.choice(others)
        if (stem == "сред" and ending == "ы") or (stem == "пятниц" and ending == "ой"):
            ending = {"ы": "ы", "ой": "ей"}[ending]
        if stem in ("сред", "суббот") and ending == "ей":
            ending = "ой"
        prep = tgt[max(0, m.start() - 3) : m.start()]
        new = stem + ending
        if prep.endswith("во ") and not new.startswith("в"):
            return tgt[: m.start() - 3] + "в " + new + tgt[m.end() :]
        if prep.endswith(" в ") and new.startswith("в"):
            return tgt[: m.start() - 2] + "во " + new + tgt[m.end() :]
        return tgt[: m.start()] + new + tgt[m.end() :]
    spots = list(_EN_DAY.finditer(tgt))
    if not spots:
        return None
    m = rng.choice(spots)
    new = rng.choice([d for d in _EN_DAYS if d != m[1]])
    return tgt[: m.start()] + new + tgt[m.end() :]


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


def _misspell_name(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
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


def _kyrgyz_name(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
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


def _leave_kyrgyz(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
    return src if len(src.split()) >= 3 else None


def _kyrgyz_letter(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
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


def _truncate(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
    return _cut(tgt, rng, stop=False)


def _truncate_stop(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
    return _cut(tgt, rng, stop=True)


_QUOTES = '«»“”„"'


def _drop_quote(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
    spots = [i for i, c in enumerate(tgt) if c in _QUOTES]
    if not spots or sum(tgt.count(c) for c in _QUOTES) % 2:
        return None
    i = rng.choice(spots)
    return tgt[:i] + tgt[i + 1 :]


def _drop_bracket(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
    spots = [i for i, c in enumerate(tgt) if c in "()"]
    if not spots or tgt.count("(") != tgt.count(")"):
        return None
    i = rng.choice(spots)
    return tgt[:i] + tgt[i + 1 :]


def _double_word(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
    """A word typed twice (в в, the the), most often a short one."""
    spots = list(re.finditer(r"(?<!\S)[^\W\d_]+(?=\s)", tgt))
    if not spots:
        return None
    short = [m for m in spots if len(m.group(0)) <= 3]
    m = rng.choice(short if short and rng.random() < 0.6 else spots)
    return tgt[: m.end()] + " " + m.group(0) + tgt[m.end() :]


_MAGNITUDE = {
    "ru": [("млн", "млрд"), ("млрд", "млн"), ("миллион", "миллиард"), ("миллиард", "миллион"),
           ("тысяч", "миллион"), ("тыс.", "млн")],
    "en": [("million", "billion"), ("billion", "million"), ("thousand", "million"),
           ("trillion", "billion"), ("bn", "m")],
}  # fmt: skip


def _magnitude(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
    """A magnitude word changed (млн -> млрд, million -> billion, thousand -> million)."""
    spots = []
    for old, new in _MAGNITUDE[lang]:
        for m in re.finditer(rf"(?<=\d )(?<!\w){re.escape(old)}|(?<=\d){re.escape(old)}", tgt):
            spots.append((m, new))
    if not spots:
        return None
    m, new = rng.choice(spots)
    return tgt[: m.start()] + new + tgt[m.start() + len(m.group(0)) :]


_CURRENCY = {
    "ru": [(r"сом\w*", "долларов"), (r"доллар\w*", "евро"), (r"евро", "долларов"),
           (r"рубл\w*", "долларов"), (r"фунт\w* стерлинг\w*", "долларов"), (r"\$", "€"),
           (r"%", ""), (r"процент\w*", "")],
    "en": [(r"soms?\b", "dollars"), (r"dollars?", "euros"), (r"euros?", "dollars"),
           (r"pounds?", "dollars"), (r"\$", "£"), (r"£", "$"), (r"%", ""),
           (r"per ?cent", "")],
}  # fmt: skip


def _currency(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
    """A currency changed (сом -> доллар, $ -> £) or a percent sign or word dropped."""
    spots = []
    for pattern, new in _CURRENCY[lang]:
        for m in re.finditer(rf"(?<![^\W\d_]){pattern}", tgt, re.IGNORECASE):
            if re.search(r"\d", tgt[max(0, m.start() - 12) : m.end() + 12]):
                spots.append((m, new))
    if not spots:
        return None
    m, new = rng.choice(spots)
    return _sub(tgt, m.start(), m.end(), new).replace(" .", ".")


_RU_VERB = re.compile(
    r"(?<!\S)[а-яё]{3,}(?:ет|ит|ют|ят|ут|ал|ала|али|ало|ил|ила|или|ся|ет)(?=[\s,.])"
)
_EN_AUX = re.compile(
    r"(?<!\w)(is|are|was|were|will|would|can|could|has|have|had|should|must|did|does|do)(?= [a-z])"
)


def _negation(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
    """A negation dropped (не, not, n't) or added before a verb."""
    if lang == "ru":
        drops = list(re.finditer(r"(?<!\w)(?:не|ни) (?=\w)", tgt))
        adds = [m for m in _RU_VERB.finditer(tgt) if not tgt[: m.start()].endswith("не ")]
    else:
        drops = list(re.finditer(r"(?<!\w)(?:not |never )|n't(?=\s)", tgt))
        adds = list(_EN_AUX.finditer(tgt))
    if drops and (not adds or rng.random() < 0.5):
        m = rng.choice(drops)
        return _sub(tgt, m.start(), m.end(), "")
    if not adds:
        return None
    m = rng.choice(adds)
    if lang == "ru":
        return tgt[: m.start()] + "не " + tgt[m.start() :]
    return tgt[: m.end()] + " not" + tgt[m.end() :]


def _glossary_term(
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


# ------------------------------------------------------------------ kinds over rows
def _placeholder(
    rows: list[Row], i: int, rng: random.Random, lang: str, **_: object
) -> Change | None:
    _line, src, tgt = rows[i]
    if len(src.split()) < 3:
        return None
    if rng.random() < 0.5:
        new_src = f"<1>{src}</1>"
        bad = rng.choice([f"<1>{tgt}", f"{tgt}</1>", f"<2>{tgt}</2>", f"{tgt}"])
    else:
        new_src = f"{src} <2/>"
        bad = rng.choice([tgt, f"{tgt} <3/>", f"{tgt} <1/>"])
    return {i: (new_src, bad)}


def _swap(rows: list[Row], i: int, rng: random.Random, lang: str, **_: object) -> Change | None:
    """Two neighbouring units' translations exchanged (pasted into each other's entry)."""
    if i + 1 >= len(rows) or rows[i][2] == rows[i + 1][2]:
        return None
    return {i: (rows[i][1], rows[i + 1][2]), i + 1: (rows[i + 1][1], rows[i][2])}


def _wrong_unit(
    rows: list[Row], i: int, rng: random.Random, lang: str, **_: object
) -> Change | None:
    """The translation of another unit of the release (two or more away) pasted here."""
    others = [j for j in range(len(rows)) if abs(j - i) >= 2 and rows[j][2] != rows[i][2]]
    if not others:
        return None
    j = rng.choice(others)
    return {i: (rows[i][1], rows[j][2])}


def _unit(func: Callable[..., str | None]) -> Callable[..., Change | None]:
    def apply(
        rows: list[Row], i: int, rng: random.Random, lang: str, **extra: object
    ) -> Change | None:
        _, src, tgt = rows[i]
        out = func(src, tgt, rng, lang, **extra)
        return None if out is None or out == tgt else {i: (src, out)}

    apply.__doc__ = func.__doc__
    return apply


KINDS: dict[str, Callable[..., Change | None]] = {
    "number-changed": _unit(_change_number),
    "number-dropped": _unit(_drop_number),
    "day-changed": _unit(_change_day),
    "month-changed": _unit(_change_month),
    "weekday-changed": _unit(_change_weekday),
    "name-misspelt": _unit(_misspell_name),
    "name-kyrgyz": _unit(_kyrgyz_name),
    "untranslated": _unit(_leave_kyrgyz),
    "kyrgyz-letter": _unit(_kyrgyz_letter),
    "truncated": _unit(_truncate),
    "truncated-stop": _unit(_truncate_stop),
    "glossary-term": _unit(_glossary_term),
    "quote-removed": _unit(_drop_quote),
    "bracket-removed": _unit(_drop_bracket),
    "word-doubled": _unit(_double_word),
    "magnitude": _unit(_magnitude),
    "percent-currency": _unit(_currency),
    "negation": _unit(_negation),
    "placeholder": _placeholder,
    "swapped": _swap,
    "wrong-unit": _wrong_unit,
}
