"""URLs, e-mail addresses and inline placeholders must come through translation unchanged."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..registry import Context, check
from ..units import Unit

_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>«»\"“”]+", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PLACEHOLDER = re.compile(r"</?\d+/?>|%\(\w+\)[sd]|(?<![\w%])%[sd]|\{\w*\}")
_TRAILING = ".,;:!?)]}'’"
_MAY_HOLD_PLACEHOLDER = re.compile(r"[<%{]")


def _may_hold_url(text: str) -> bool:
    return "://" in text or "www." in text.lower()


def _urls(text: str) -> Counter[str]:
    return Counter(m.group(0).rstrip(_TRAILING) for m in _URL.finditer(text))


def _diff(source: Counter[str], target: Counter[str], what: str) -> Iterator[str]:
    lost = sorted((source - target).elements())
    added = sorted((target - source).elements())
    if lost:
        yield f"{what} missing or changed in the translation: {', '.join(lost)}"
    if added:
        yield f"{what} not in the source: {', '.join(added)}"


@check("urls", "error", "A URL of the source is missing or altered in the translation.")
def urls(unit: Unit, ctx: Context) -> Iterator[str]:
    if not (_may_hold_url(unit.msgid) or _may_hold_url(unit.msgstr)):
        return  # no scheme and no www.: no URL on either side
    yield from _diff(_urls(unit.msgid), _urls(unit.msgstr), "URL")


@check("emails", "error", "An e-mail address of the source is missing or altered.")
def emails(unit: Unit, ctx: Context) -> Iterator[str]:
    if "@" not in unit.msgid and "@" not in unit.msgstr:
        return
    # a match never ends on a full stop (the sentence's): nothing to strip
    yield from _diff(
        Counter(_EMAIL.findall(unit.msgid)), Counter(_EMAIL.findall(unit.msgstr)), "e-mail address"
    )


@check(
    "placeholders",
    "error",
    "Inline markup placeholders (<1>…</1>, <2/>) or format fields differ from the source.",
)
def placeholders(unit: Unit, ctx: Context) -> Iterator[str]:
    if not (_MAY_HOLD_PLACEHOLDER.search(unit.msgid) or _MAY_HOLD_PLACEHOLDER.search(unit.msgstr)):
        return  # none of < % { on either side: no placeholder
    source = Counter(_PLACEHOLDER.findall(unit.msgid))
    target = Counter(_PLACEHOLDER.findall(unit.msgstr))
    if source != target:
        yield from _diff(source, target, "placeholder")
        return
    # paired placeholders must still open before they close
    for tag in {t for t in source if re.fullmatch(r"<\d+>", t)}:
        close = tag.replace("<", "</")
        if unit.msgstr.find(tag) > unit.msgstr.find(close):
            yield f"placeholder {tag} closes before it opens"
