"""Glossary: where a term of the project's glossary occurs in the source, the agreed translation.

The glossary's own variants (``ОМСУ|органы МСУ|местного самоуправления``) are all accepted, and
matching is by word start so inflected forms count. No acronym-identity rule: ``ЖӨБ`` → ``ОМСУ``
is the agreed translation, not an error.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..registry import Context, check
from ..units import Unit


@check(
    "glossary",
    "warning",
    "A glossary term occurs in the source but none of its agreed translations is used.",
)
def glossary(unit: Unit, ctx: Context) -> Iterator[str]:
    if ctx.glossary is None:
        return
    covered: list[str] = []
    for term in ctx.glossary.find(unit.msgid):
        pattern = term.pattern_for(ctx.lang)
        if pattern is None:
            continue
        # a shorter term inside a longer one already satisfied (ЖӨБ inside a longer phrase)
        if any(term.source in longer for longer in covered):
            continue
        if pattern.search(unit.msgstr):
            covered.append(term.source)
            continue
        agreed = " | ".join(term.targets[ctx.lang])
        yield f"glossary: {term.source!r} should be translated as {agreed}"
