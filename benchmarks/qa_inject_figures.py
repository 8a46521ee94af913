"""Injections into the figures of a translation: numbers, days, months, weekdays, magnitudes
and currencies, the facts a press release is read for.

Split from ``qa_inject`` (which keeps the registry of kinds) so that each module holds one family
of mistakes; the spots are found with plain patterns, never with pressflow's own checks.
"""

from __future__ import annotations

import random
import re

_NUM = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")


def splice(tgt: str, start: int, end: int, new: str) -> str:
    """``tgt[start:end]`` replaced by ``new``, without the double space a removal leaves."""
    return re.sub(r"\s{2,}", " ", tgt[:start] + new + tgt[end:]).strip()


def change_number(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
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


def drop_number(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
    spots = [m for m in _NUM.finditer(tgt) if not _is_day(tgt, m)]
    if not spots:
        return None
    m = rng.choice(spots)
    return splice(tgt, m.start(), m.end(), "")


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


def change_day(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
    """The day of a date changed (3 июля -> 13 июля, July 3 -> July 8)."""
    spots = [m for m in _NUM.finditer(tgt) if _is_day(tgt, m) and 1 <= int(m.group(0)) <= 31]
    if not spots:
        return None
    m = rng.choice(spots)
    day = int(m.group(0))
    new = rng.choice([d for d in range(1, 29) if d != day])
    return tgt[: m.start()] + str(new) + tgt[m.end() :]


def change_month(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
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


def change_weekday(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
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


# ------------------------------------------------------------------ amounts
_MAGNITUDE = {
    "ru": [("млн", ("млрд", "тыс.", "")), ("млрд", ("млн", "трлн", "")),
           ("миллион", ("миллиард", "тысяч", "")), ("миллиард", ("миллион", "триллион", "")),
           ("тысяч", ("миллион", "сотен", "")), ("тыс.", ("млн", ""))],
    "en": [("million", ("billion", "thousand", "")), ("billion", ("million", "trillion", "")),
           ("thousand", ("million", "hundred", "")), ("trillion", ("billion", "")),
           ("bn", ("m", ""))],
}  # fmt: skip
#: a number of thousands written in digits, as a translator may misread it (25 000 -> 25 млн)
_GROUPED = re.compile(r"(?<![\d.,])(\d{1,3})[ ,\u00a0\u202f]000(?![\d.,]\d)")
_MISREAD = {"ru": ("млн", "млрд"), "en": ("million", "billion")}


def magnitude(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
    """A magnitude word changed or dropped (млн -> млрд, million -> thousand), or a number of
    thousands written in digits given a magnitude word instead (25 000 -> 25 млн)."""
    spots = []
    for old, news in _MAGNITUDE[lang]:
        for m in re.finditer(rf"(?<=\d )(?<!\w){re.escape(old)}|(?<=\d){re.escape(old)}", tgt):
            spots.extend((m.start(), m.end(), new) for new in news)
    for m in _GROUPED.finditer(tgt):
        spots.extend((m.start(), m.end(), f"{m[1]} {word}") for word in _MISREAD[lang])
    if not spots:
        return None
    start, end, new = rng.choice(spots)
    if not new:  # dropped with the space before it
        return (tgt[:start].rstrip() + tgt[end:]).replace(" .", ".")
    return tgt[:start] + new + tgt[end:]


_CURRENCY = {
    "ru": [(r"сом\w*", ("долларов", "евро", "рублей")), (r"доллар\w*", ("евро", "сомов")),
           (r"евро", ("долларов", "рублей")), (r"рубл\w*", ("долларов", "сомов")),
           (r"фунт\w* стерлинг\w*", ("долларов", "евро")), (r"\$", ("€", "£")),
           (r"%", ("",)), (r"процент\w*", ("",))],
    "en": [(r"soms?\b", ("dollars", "euros", "roubles")), (r"dollars?", ("euros", "soms")),
           (r"euros?", ("dollars", "pounds")), (r"pounds?", ("dollars", "euros")),
           (r"\$", ("£", "€")), (r"£", ("$", "€")), (r"%", ("",)), (r"per ?cent", ("",))],
}  # fmt: skip


def currency(src: str, tgt: str, rng: random.Random, lang: str) -> str | None:
    """A currency changed (сом -> доллар, $ -> £) or a percent sign or word dropped."""
    spots = []
    for pattern, news in _CURRENCY[lang]:
        # a whole word (евро is not Европа, pound not pounded)
        for m in re.finditer(rf"(?<![^\W\d_])(?:{pattern})(?![^\W\d_])", tgt, re.IGNORECASE):
            if re.search(r"\d", tgt[max(0, m.start() - 12) : m.end() + 12]):
                spots.extend((m, new) for new in news)
    if not spots:
        return None
    m, new = rng.choice(spots)
    return splice(tgt, m.start(), m.end(), new).replace(" .", ".")
