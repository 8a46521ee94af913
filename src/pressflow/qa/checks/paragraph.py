"""Quotes and brackets, balanced over the whole paragraph (not per sentence unit).

A quotation may open in one sentence and close three sentences later, and the translation may
change quote style («…» → “…” or "…"): both are fine. Quotes are judged by counts, which no
style change alters: an even number of marks, as many « as ». What is reported is a paragraph
whose source has quotation marks (or brackets) and is balanced while its translation is not, at
the unit where the translation's running count first departs from the source's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..paragraphs import paragraphs
from ..registry import Context, Finding, check
from ..units import Unit

_QUOTES = '«»„“”"‟'
_BRACKET = re.compile(r"[()\[\]{}]")


#: a straight double quote after a name ending in s and before a small letter, as the English
#: possessive's apostrophe mistyped (Waters" office): a quotation mark only if it pairs
_POSSESSIVE = re.compile(r'\b[A-Z][a-z]{2,}s"(?= [a-z])')


def quote_ok(text: str) -> bool:
    """Balanced whatever the style: an even number of marks and as many « as »."""
    return quote_marks(text) % 2 == 0 and text.count("«") == text.count("»")


def bracket_balance(text: str) -> int:
    return sum(text.count(c) for c in "([{") - sum(text.count(c) for c in ")]}")


def _bracket_ok(text: str) -> bool:
    if not _BRACKET.search(text):
        return True  # most paragraphs: no bracket to pair
    depth = 0
    for char in text:
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _guillemets_nest(text: str) -> bool:
    depth = 0
    for char in text:
        depth += (char == "«") - (char == "»")
        if depth < 0:
            return False
    return depth == 0


def _position(text: str, i: int) -> str:
    """Is the quotation mark at ``i`` opening or closing, by its kind or, if ambiguous, by the
    characters around it (a space before and a letter after: opening)."""
    char = text[i]
    if char in "«„":
        return "open"
    if char in "»":
        return "close"
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if (before.isspace() or before in "([{—–-/") and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or after in ".,;:!?)]}…»”\"'-—"):
        return "close"
    return "?"


def _marks(text: str) -> list[int]:
    return [i for i, c in enumerate(text) if c in _QUOTES]


def _continues(targets: list[str], k: int, j: int, ok: Callable[[str], bool]) -> bool:
    """Paragraphs k and j (its neighbour) are unbalanced alone but one quotation together, in
    reading order: the first ends with an opened quotation, the next begins by closing it.
    Both are unbalanced, so each has a quotation mark."""
    first, second = targets[min(j, k)], targets[max(j, k)]
    joined = f"{first} {second}"
    if not (ok(joined) and _guillemets_nest(joined)):
        return False
    # the first ends inside a quotation (a nested one may have closed after it opened), unless
    # words of attribution after its opening mark show it closed there
    opener = _unclosed(first)
    return (
        opener is not None
        and _position(second, _marks(second)[0]) != "open"
        and not _ATTRIBUTION.search(first[opener:])
    )


def _unclosed(text: str) -> int | None:
    """Where the quotation still open at the end of the text opened (marks read as in
    ``_depth``, innermost first); None if every quotation it opens closes."""
    opened: list[int] = []
    for i in _marks(text):
        position = _position(text, i)
        if position == "?":
            position = "close" if opened else "open"
        if position == "open":
            opened.append(i)
        elif opened:
            opened.pop()
    return opened[-1] if opened else None


def _continued(targets: list[str], k: int, ok: Callable[[str], bool]) -> int | None:
    """The paragraph, up to three away across balanced ones, where paragraph k's open (or
    closed) quotation closes (or opens): a quotation of several paragraphs; None if none."""
    for step in (1, -1):
        j = k + step
        while 0 <= j < len(targets) and abs(j - k) <= _REACH:
            if not ok(targets[j]):
                if _continues(targets, k, j, ok):
                    return j
                break
            j += step
    return None


def _nested_close(text: str) -> bool:
    """«…«…» — Russian typography lets a nested and an outer quotation end with one mark: the
    inner quotation opens inside the outer one and the one closing mark after it is the last."""
    depth = 0
    for i, char in enumerate(text):
        depth += (char == "«") - (char == "»")
        if depth == 2:  # the closing marks from here on
            return text[i:].count("»") == 1 and text.count("«") - text.count("»") == 1
    return False


def quote_marks(text: str) -> int:
    """The quotation marks of a text: a possessive's mistyped apostrophe (``_POSSESSIVE``) not
    counted where the marks do not pair without it."""
    marks = sum(text.count(c) for c in _QUOTES)
    if marks % 2 and '"' in text:
        marks -= len(_POSSESSIVE.findall(text))
    return marks


def _judge(
    units: list[Unit],
    ctx: Context,
    balance: Callable[[str], int],
    ok: Callable[[str], bool],
    what: str,
    *,
    parity: bool = False,
    excuse: Callable[[list[str], int, str, list[list[str]]], bool] | None = None,
    source_ok: Callable[[str], bool] | None = None,
) -> Iterator[Finding]:
    groups = [[u for u in g if u.translated] for g in paragraphs(units, ctx.release)]
    groups = [g for g in groups if g]
    targets = [" ".join(u.msgstr for u in g) for g in groups]
    witnessed = [_others(g, ctx) for g in groups] if excuse is not None else []
    seen: set[int] = set()
    for k, done in enumerate(groups):
        source = " ".join(u.msgid for u in done)
        target = targets[k]
        # an unbalanced source is the source's problem; a source with no marks at all still
        # wants the translation's own marks paired (a quotation the translator added)
        if not (source_ok or ok)(source) or ok(target):
            continue
        if excuse is not None and excuse(targets, k, source, witnessed):
            continue
        # the unit where the translation's running balance departs from the source's: the
        # first whose own balance differs (the running balances agree up to it)
        culprit = next((u for u in done if _departs(u, balance, parity=parity)), done[-1])
        if culprit.index not in seen:
            seen.add(culprit.index)
            yield Finding(culprit, f"unbalanced {what} in the translation of this paragraph")


#: how many paragraphs away a quotation may run on (``_continued``)
_REACH = 3


def _others(done: list[Unit], ctx: Context) -> list[str]:
    """The paragraph as each other translation of the release writes it (where it has every
    unit of it)."""
    found = []
    for texts in (ctx.parallel or {}).values():
        parts = [texts.get(u.msgid, "") for u in done]
        if all(parts):
            found.append(" ".join(parts))
    return found


def _departs(unit: Unit, balance: Callable[[str], int], *, parity: bool) -> bool:
    """Does the unit's translation change the balance (or its parity) that its source has?"""
    change = balance(unit.msgstr) - balance(unit.msgid)
    return change % 2 != 0 if parity else change != 0


@check(
    "quotes",
    "error",
    "Quotation marks balanced in the source paragraph are unbalanced in its translation.",
    scope="catalog",
)
def quotes(units: list[Unit], ctx: Context) -> Iterator[Finding]:
    # a source without quotation marks says nothing about the translation's quotations;
    # the culprit is where the running count of marks first differs in parity from the source's
    yield from _judge(
        units,
        ctx,
        quote_marks,
        quote_ok,
        "quotation",
        parity=True,
        excuse=_excused,
        source_ok=_source_ok,
    )


def _excused(targets: list[str], k: int, source: str, witnessed: list[list[str]]) -> bool:
    """A quotation that runs on into another paragraph, or a nested and an outer quotation
    closed by one mark; each only where the source paragraph allows it. One mark may close two
    quotations where the source nests them (or has no marks to tell). A quotation may run on
    where the source's own do, or where the other translation's quotation runs on there too
    (both translators read the next paragraphs as the speaker's words); a source whose
    quotations open and close inside the paragraph, beside another translation that closes them
    there as well (``witnessed``: the other translations of each paragraph), wants them closed.
    """
    depth, closed = _depth(source)
    if _nested_close(targets[k]):
        return depth >= 2 or not depth
    partner = _continued(targets, k, quote_ok)
    if partner is None:
        partner = k + 1 if _runs_on(targets, k) else None
    if partner is None:
        return False
    others = witnessed[k] + witnessed[partner]
    return not (closed and witnessed[k] and all(quote_ok(other) for other in others))


def _depth(text: str) -> tuple[int, bool]:
    """How deep the quotations of a text nest, and whether they open and close inside it (every
    mark read as opening or closing by its kind or by the characters around it; 0 and False
    for a text without quotation marks)."""
    depth = deepest = 0
    for i in _marks(text):
        position = _position(text, i)
        if position == "?":
            position = "close" if depth else "open"
        depth += 1 if position == "open" else -1
        if depth < 0:
            return deepest, False
        deepest = max(deepest, depth)
    return deepest, bool(deepest) and depth == 0


def _runs_on(targets: list[str], k: int) -> bool:
    """A quotation of several paragraphs as English and Russian print it: each paragraph opens
    the quotation again and only the last one closes it, so a paragraph whose last mark opens
    is followed by one that starts with a quotation mark."""
    marks = _marks(targets[k])
    following = targets[k + 1].lstrip() if k + 1 < len(targets) else ""
    if not marks or _position(targets[k], marks[-1]) != "open" or following[:1] not in set(_QUOTES):
        return False
    # words of attribution after the quotation ("— утверждает он", ", he said") show it closed
    return not _ATTRIBUTION.search(targets[k][marks[-1] :])


#: a speaker's verb after the quotation, in either order ("…, he explained", "…, said Mrs Kay")
_SAID = r"(?:said|says|told|added|wrote|explained|continued|asked|noted|stressed|insisted)"
_ATTRIBUTION = re.compile(
    rf"[,!?…]\s*[—–]\s*\w|,\s+(?:(?:he|she|they|it|[A-Z]\w+)\s+{_SAID}\b|{_SAID}\s+\w)"
)


@check(
    "brackets",
    "error",
    "Brackets balanced in the source paragraph are unbalanced in its translation.",
    scope="catalog",
)
def brackets(units: list[Unit], ctx: Context) -> Iterator[Finding]:
    yield from _judge(units, ctx, bracket_balance, _bracket_ok, "bracket")


_APOSTROPHE_QUOTE = re.compile(r"(?:^|(?<=\s))'(?=\w)|(?<=\w)'(?=\s|$|[.,!?])")


def _source_ok(text: str) -> bool:
    """Balanced source, ``'`` used as a quotation mark (Мен 'Ташу, …) counted too."""
    if not quote_ok(text):
        return False
    return "'" not in text or len(_APOSTROPHE_QUOTE.findall(text)) % 2 == 0
