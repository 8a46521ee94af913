"""Glossary: where a term of the project's glossary occurs in the source, the agreed translation.

The glossary's own variants (``ОМСУ|органы МСУ|местного самоуправления``) are all accepted, and
matching is by word start so inflected forms count. No acronym-identity rule: ``ЖӨБ`` → ``ОМСУ``
is the agreed translation, not an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ...glossary import Term, term_pattern
from ..morphology import DERIVATIONS
from ..registry import Context, check
from ..units import Unit


@lru_cache(maxsize=512)
def _variant(text: str) -> re.Pattern[str]:
    """A variant's own pattern: case-insensitive unless it holds an acronym, like the source's.

    A symbol (``$``, ``%``) is written against the number (``$26,750``, ``40%``): found anywhere.
    """
    if not any(c.isalnum() for c in text):
        return re.compile(re.escape(text))
    return term_pattern(text)


def _bare(word: str) -> str:
    """A word compared by its stem: lower case, without hyphens (Парк-отель, ЖӨБ-дүн)."""
    return word.lower().replace("-", "")


def occurs(term: Term, text: str) -> bool:
    """Does the term occur in ``text`` as the word itself, inflected but not derived?"""
    last = _bare(term.source.split()[-1]).removesuffix("ь")  # отель, Kyrgyz отелде
    for match in term.pattern.finditer(text):
        word = _bare(match.group(0).split()[-1])
        if not word.startswith(last):
            continue  # another word on the same stem (шайлай, a verb, is not шайлоо)
        if not word[len(last) :].startswith(DERIVATIONS):
            return True
    return False


def renders(term: Term, text: str, lang: str) -> bool:
    """Does ``text`` use one of the term's agreed translations into ``lang`` (or has it none)?"""
    variants = term.targets.get(lang)
    return not variants or any(_variant(v).search(text) for v in variants)


@check(
    "glossary",
    "warning",
    "A glossary term occurs in the source but none of its agreed translations is used.",
)
def glossary(unit: Unit, ctx: Context) -> Iterator[str]:
    if ctx.glossary is None:
        return
    found: list[str] = []
    for term in ctx.glossary.find(unit.msgid):
        # a shorter term inside a longer one is judged by the longer (ЖӨБ in "ЖӨБ органдары")
        if any(term.source in longer for longer in found) or not occurs(term, unit.msgid):
            continue
        found.append(term.source)
        if renders(term, unit.msgstr, ctx.lang):
            continue
        agreed = " | ".join(term.targets[ctx.lang])
        yield f"glossary: {term.source!r} should be translated as {agreed}"
