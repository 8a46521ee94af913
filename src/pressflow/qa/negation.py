"""Negation as each language writes it, for the negation check and its cross-language filter.

Kyrgyz negates with words (эмес, жок, эч) and with a verb's suffix (-ба-, -па-, -ма-:
``morphology.KYRGYZ_NEGATION``); Russian and English with words (не, ни, нет; not, never, no,
n't), some of which are idioms that negate nothing (тем не менее, не только; not only, no less
than) and are left out.
"""

from __future__ import annotations

import re

from .memo import memo
from .morphology import KYRGYZ_NEGATION

_KY = re.compile(KYRGYZ_NEGATION, re.IGNORECASE)
_W, _E = r"(?<![^\W\d_])", r"(?![^\W\d_])"
NEGATORS: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        _W + r"(?:not|never|no)" + _E + r"(?!\s+(?:only|less|more|doubt)\b)(?!\.\s*\d)"
        r"|n't" + _E,
        re.IGNORECASE,
    ),
    "ru": re.compile(
        r"(?<!тем )" + _W + r"(?:не|ни|нет)" + _E + r"(?!\s+(?:только|менее|более|раз|так|"
        r"позднее|ранее|один|одного|одной|меньше|больше)" + _E + ")",
        re.IGNORECASE,
    ),
}


@memo()
def source_negates(text: str) -> bool:
    """Might the Kyrgyz ``text`` negate anything (generous: a stem in -ма- counts too)?"""
    return bool(_KY.search(text))


def negation_in(text: str, lang: str) -> str | None:
    """The first word of ``text`` in ``lang`` that negates, or None (None too for a language
    whose negation is not described)."""
    pattern = NEGATORS.get(lang)
    found = pattern.search(text) if pattern is not None else None
    return found.group(0) if found else None
