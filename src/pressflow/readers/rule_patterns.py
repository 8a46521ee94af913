"""The structure rules' words and regular expressions as the patterns and screens ``roles`` asks.

Why apart, and lazy: compiling every label group and every per-start screen (case-blind
alternations of Cyrillic words) was most of a one-release command's start-up; each is now
compiled on the first line that needs it, and a release of prose needs few of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence

from ..regex_shape import first_chars, leads_with_start, needles

_SEPARATOR = r"\s*(?::|：|\s[—–-](?=\s))\s*"
#: Characters whose case folding under ``re.I`` is plain ``str.lower`` (no ``ſ``, no Kelvin sign).
SIMPLE_CASE = re.compile(r"[\x21-\x7e\u0400-\u04ff]+")
#: Characters whose ``re.IGNORECASE`` matching against one another is plain ``str.lower``
#: equality, each lower-casing to one character (checked over every pair by the tests): in a
#: line of only these, a case-insensitive pattern's literal text is found by ``in`` on the line
#: lower-cased. (Outside them: ``ſ`` matches ``s``, the Kelvin sign ``k``, ``ᲀ`` ``в``...)
FOLDS_SIMPLY = re.compile(r"[\x00-\x7f\u00a0-\u00bf\u0400-\u04ff\u2000-\u206f\u2116]*")
#: The flags of a pattern compiled ``re.I`` with no inline flag of its own.
_PLAIN_FLAGS = re.compile("", re.I).flags


def label_pattern(words: Iterable[str], *, sep: bool = True) -> re.Pattern[str]:
    """Any of ``words`` at the start of a line, as a whole word, then (``sep``) the separator
    if there is one: without it, the screen that every group's pattern can only match after."""
    alternatives = "|".join(
        re.escape(w.strip().rstrip(":")).replace(r"\ ", r"\s*")
        for w in sorted(set(words), key=len, reverse=True)
    )
    tail = f"(?P<sep>{_SEPARATOR})?" if sep else ""
    return re.compile(rf"^(?:{alternatives})(?![^\W_]){tail}", re.I)


class LabelScreens(Mapping[str, re.Pattern[str]]):
    """Start (two characters, lower-cased) -> the labels starting so as one pattern without
    the separator, compiled when first asked for."""

    def __init__(self, words: Mapping[str, Sequence[str]]):
        self._words = dict(words)
        self._compiled: dict[str, re.Pattern[str]] = {}

    def __getitem__(self, start: str) -> re.Pattern[str]:
        found = self._compiled.get(start)
        if found is None:
            found = self._compiled[start] = label_pattern(self._words[start], sep=False)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)


def screens(labels: Iterable[str]) -> LabelScreens | None:
    """The labels by the first two characters of a line starting with them (lower-cased,
    without the spaces a label may lose: ``for more`` also matches ``formore``), each group as
    one pattern; None when a label has no such start (too short, or a letter that does not
    fold case simply)."""
    by_start: dict[str, list[str]] = {}
    for label in labels:
        head = "".join(label.split())[:2]
        if len(head) < 2 or not SIMPLE_CASE.fullmatch(head):
            return None
        by_start.setdefault(head.lower(), []).append(label)
    return LabelScreens(by_start)


def hints(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Texts one of which every line ``pattern`` matches contains (``regex_shape.needles``),
    lower-cased when it ignores case; None when it has none, or when one of their letters does
    not fold simply (then the line is searched)."""
    found = needles(pattern.pattern, pattern.flags)
    if found is None or not (pattern.flags & re.IGNORECASE):
        return found
    if not all(FOLDS_SIMPLY.fullmatch(text) for text in found):
        return None
    return tuple(text.lower() for text in found)


def _starts_anchored(pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` can only match at the start of a line (a leading ``^``, no
    ``re.M``, no group a back reference could name): ``search`` is then ``match``."""
    return pattern.flags == _PLAIN_FLAGS and not pattern.groups and leads_with_start(pattern)


def anchored_screen(
    patterns: Sequence[re.Pattern[str]],
) -> tuple[re.Pattern[str] | None, tuple[bool, ...]]:
    """One pattern matching at a line's start exactly when one of the start-anchored
    ``patterns`` would (their alternation), and which of ``patterns`` it stands for: a prose
    line fails it at its first character, in one call instead of one per pattern."""
    covered = tuple(_starts_anchored(p) for p in patterns)
    if not any(covered):
        return None, covered
    body = "|".join(f"(?:{p.pattern})" for p, on in zip(patterns, covered, strict=True) if on)
    try:
        return re.compile(body, re.I), covered
    except re.error:  # pragma: no cover - each alternative compiled alone
        return None, (False,) * len(patterns)


def start_class(patterns: Sequence[re.Pattern[str]]) -> re.Pattern[str] | None:
    """A character class holding the first character of every line one of ``patterns``
    (start-anchored, ``re.I``) matches (``regex_shape.first_chars``, case-blind as they are);
    None when one of them may start with any character."""
    classes = [first_chars(p.pattern) for p in patterns]
    if not classes or any(found is None for found in classes):
        return None
    return re.compile("|".join(found.pattern for found in classes), re.I)  # type: ignore[union-attr]
