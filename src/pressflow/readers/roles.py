"""Which lines of a release are not prose: contacts, photo credits, bylines, page furniture.

Why data: every press office words these lines its own way (``Сүрөт:``, ``Фото:``, ``Байланыш
үчүн:``, a row of hashtags), so the labels and patterns live in ``data/segment/structure.toml``
and a newsroom adds its own in pressflow.toml (``[structure.labels]``, ``[structure.patterns]``).
The readers ask ``classify`` about each line or block; a role keeps it out of the catalogs.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

from ..errors import ConfigError
from ..model import Block, Problem
from .rule_patterns import (
    FOLDS_SIMPLY,
    SIMPLE_CASE,
    anchored_screen,
    hints,
    label_pattern,
    screens,
    start_class,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

#: Label groups that make a line a contact; the group name is the label key the page shows.
CONTACT_LABELS = ("contact", "phone", "fax", "email", "address", "website")
#: Label groups of the other roles (``related`` starts a list of other news: furniture).
OTHER_LABELS = ("credit", "byline", "furniture", "related")
HEADLINE_POLICIES = ("first-sentence", "none")

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<!\d)\+?\(?\d[\d\s()\-‒–]{5,}\d(?!\d)")
#: A phone number on a line of its own: `+996 312 63 85 01`, `0312 30 00 00` (9+ digits).
_BARE_PHONE = re.compile(r"\+?(?:[\s()\-]*\d){9,15}")
URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
_PLACEHOLDER = re.compile(r"</?\d+/?>")
_LETTER = re.compile(r"[^\W\d_]")
_SIMPLE_CASE, _FOLDS_SIMPLY = SIMPLE_CASE, FOLDS_SIMPLY  # (the tests read them here)
#: A line ``_classify`` reads as it is (``" ".join(text.split())`` would change nothing) and
#: whose letters fold simply: characters ``_FOLDS_SIMPLY`` admits but whitespace, the space
#: alone kept (never doubled nor at an end, tested apart). One scan instead of a split, a join
#: and a second scan: prose paragraphs are all such lines.
_SETTLED = re.compile(
    r"[\x00-\x08\x0e-\x1b\x20-\x7f\u00a1-\u00bf\u0400-\u04ff\u200b-\u2027\u202a-\u202e"
    r"\u2030-\u205e\u2060-\u206f\u2116]*"
)
_IGNORECASE = int(re.IGNORECASE)  # (``int & re.IGNORECASE`` runs enum code: once per line)
_MEMO_SIZE = 8192  # lines whose role is remembered (see StructureRules.classify)


def letterless(text: str) -> bool:
    """True when ``text`` has nothing to translate: no letter outside web and mail addresses
    (a number, a date, ``1 234``, ``12.03.21``, a bare URL, an e-mail, a phone number)."""
    if not _LETTER.search(text):
        return True
    # Strip addresses only where one can be: both patterns scan every position otherwise.
    if "@" in text:
        text = EMAIL.sub(" ", text)
    if "://" in text or "www." in text.lower():
        text = URL.sub(" ", text)
    return not _LETTER.search(text)


@dataclass(frozen=True)
class Role:
    """What a line is: ``role`` (a ``model.ROLES`` value) and, for contacts, the label key."""

    role: str
    label: str = ""
    related: bool = False  # a related-news heading: the lines after it are furniture too


Plan = tuple[tuple[str, re.Pattern[str], tuple[str, ...] | None], ...]


@dataclass(frozen=True)
class StructureRules:
    """The compiled rules: labels and patterns per group, month and weekday stems, headline."""

    label_words: tuple[tuple[str, tuple[str, ...]], ...]  # (group, its labels), see ``labels``
    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (role, whole-line pattern)
    months: tuple[tuple[str, int], ...]  # (stem, month), longest stem first
    weekdays: tuple[str, ...]
    headline_policy: str = "first-sentence"
    headline_max: int = 150
    publish: frozenset[str] = frozenset()  # roles published on pages anyway (credit, byline…)
    #: The first two letters (lower-cased, spaces dropped) of every label, or None when some
    #: label is too short to have them: a line starting otherwise cannot match any label.
    label_starts: frozenset[str] | None = None
    #: For each of ``label_starts``, the labels starting so as one pattern (no separator): a
    #: line it does not match matches no label, told in one try instead of one per group.
    label_screens: Mapping[str, re.Pattern[str]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _seen: dict[str, Role | None] = field(default_factory=dict, compare=False, repr=False)
    #: a line's first two characters -> what ``_start_of`` tells of the lines starting so
    _heads: dict[str, tuple[bool | re.Pattern[str], bool, bool]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )
    #: word -> month or None, and word -> is a weekday: every word of every short line near a
    #: release's head is asked about, and the stems are scanned one by one.
    _months_seen: dict[str, int | None] = field(default_factory=dict, compare=False, repr=False)
    _weekdays_seen: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def labels(self) -> tuple[tuple[str, re.Pattern[str]], ...]:
        """(group, its labels at a line's start), compiled on the first line that may hold one."""
        return tuple((group, label_pattern(words)) for group, words in self.label_words)

    @cached_property
    def hints(self) -> tuple[tuple[str, ...] | None, ...]:
        """Per pattern (same order), texts one of which every line it matches contains,
        lower-cased for a case-insensitive one (see ``rule_patterns.hints``); None: search."""
        return tuple(hints(p) for _, p in self.patterns)

    @cached_property
    def anchored(self) -> tuple[re.Pattern[str] | None, tuple[bool, ...]]:
        """The start-anchored patterns as one screen, and which patterns it stands for."""
        return anchored_screen([p for _, p in self.patterns])

    @cached_property
    def _starts(self) -> re.Pattern[str] | None:
        """The first characters of the lines the ``anchored`` screen may match (None: any)."""
        screen, covered = self.anchored
        if screen is None:
            return None
        return start_class([p for (_, p), on in zip(self.patterns, covered, strict=True) if on])

    @cached_property
    def _plans(self) -> tuple[Plan, Plan]:
        """(role, pattern, hint) of the patterns to try, in order: all of them when the
        ``anchored`` screen matches a line (those it stands for searched without a hint), only
        the others when it does not (most lines: two patterns, not ten)."""
        covered = self.anchored[1]
        every = zip(self.patterns, self.hints, covered, strict=True)
        plan = tuple((role, pattern, None if on else hint) for (role, pattern), hint, on in every)
        rest = tuple(item for item, on in zip(plan, covered, strict=True) if not on)
        return plan, rest

    @cached_property
    def _sieves(self) -> tuple[tuple[tuple[str, ...], Plan], tuple[tuple[str, ...], Plan]]:
        """Per plan of ``_plans``: the hints of its case-insensitive patterns that have some,
        all together, and the plan without those patterns: a line whose lower-cased text holds
        none of them is searched with the rest alone (most lines: no pattern at all)."""

        sieves = []
        for plan in self._plans:
            hinted = [item for item in plan if item[2] and item[1].flags & _IGNORECASE]
            hints = dict.fromkeys(text for item in hinted for text in item[2])  # type: ignore[union-attr]
            sieves.append((tuple(hints), tuple(item for item in plan if item not in hinted)))
        return sieves[0], sieves[1]

    def month(self, word: str) -> int | None:
        seen = self._months_seen
        if word not in seen:
            if len(seen) >= _MEMO_SIZE:
                seen.clear()
            low = word.lower().rstrip(".")
            seen[word] = next((n for stem, n in self.months if low.startswith(stem)), None)
        return seen[word]

    def is_weekday(self, word: str) -> bool:
        seen = self._weekdays_seen
        if word not in seen:
            if len(seen) >= _MEMO_SIZE:
                seen.clear()
            low = word.lower().rstrip(".")
            # Short stems (`пн`, `mon`) only as whole words: `Montreal` is a place.
            seen[word] = any(
                low == stem or (len(stem) > 4 and low.startswith(stem)) for stem in self.weekdays
            )
        return seen[word]

    def classify(self, text: str) -> Role | None:
        """The role of one line (or short block), ``None`` for prose.

        Remembered per text: a newsroom repeats its boilerplate (a contact line, a footer) in
        every release, and one release may repeat a line thousands of times."""
        seen = self._seen
        if text in seen:
            return seen[text]
        if len(seen) >= _MEMO_SIZE:
            seen.clear()
        role = seen[text] = self._classify(text)
        return role

    def _screen_of(self, head: str) -> bool | re.Pattern[str]:
        """Whether a label may match at the start of a line starting with ``head``: False
        when none can, decided when its two characters fold case simply (ASCII or Cyrillic);
        else True (the labels decide) or the screen of that start."""
        if self.label_starts is None or not _SIMPLE_CASE.fullmatch(head):
            return True
        start = head.lower()
        if start not in self.label_starts:
            return False
        return self.label_screens.get(start) or True

    def _start_of(self, head: str) -> tuple[bool | re.Pattern[str], bool, bool]:
        """What is asked of a line starting with ``head`` (its first two characters): whether a
        label may start it (``_screen_of``), whether the ``anchored`` screen may match it (never
        when no line starting with its first character can) and whether it may be a bare phone
        number; told once per start, so that a line of prose is settled by one lookup."""
        heads = self._heads
        if len(heads) >= _MEMO_SIZE:
            heads.clear()
        first, starts = head[:1], self._starts
        may = self.anchored[0] is not None and (starts is None or bool(starts.match(first)))
        phone = first.isdecimal() or first in "+()-"
        found = heads[head] = (self._screen_of(head), may, phone)
        return found

    def _classify(self, text: str) -> Role | None:
        if _SETTLED.fullmatch(text) and "  " not in text and text[:1] != " " != text[-1:]:
            line, simple = text, True  # (most lines: nothing to collapse, plain letters)
        else:
            line, simple = " ".join(text.split()), None
        if not line:
            return None
        head = line[:2]
        labels, may, phone = self._heads.get(head) or self._start_of(head)
        if labels is not False and (labels is True or labels.match(line) is not None):
            found = self._labelled(line)
            if found is not None:
                return found
        screen = self.anchored[0]
        which = 0 if may and screen.match(line) is not None else 1  # type: ignore[union-attr]
        hints, rest = self._sieves[which]
        plan = self._plans[which]
        low: str | None = None  # the line lower-cased, once a hint needs it (if it may)
        if hints:
            low = line.lower() if simple or _FOLDS_SIMPLY.fullmatch(line) else ""
            # (``map`` of the bound test: no generator made for every hint and line)
            if low and not any(map(low.__contains__, hints)):
                plan = rest  # (an empty ``low``: the line does not fold simply; search)
        for role, pattern, hint in plan:
            if hint is not None:
                if pattern.flags & _IGNORECASE:
                    if low is None:
                        low = line.lower() if simple or _FOLDS_SIMPLY.fullmatch(line) else ""
                    if low and not any(map(low.__contains__, hint)):
                        continue
                elif not any(map(line.__contains__, hint)):
                    continue
            if pattern.search(line):
                return Role(role)
        if "@" in line and EMAIL.search(line) and letterless(line):
            return Role("contact", "email")
        # (a bare phone starts with a digit, ``+``, ``(``, ``)`` or ``-``)
        if phone and _BARE_PHONE.fullmatch(line):
            return Role("contact", "phone") if letterless(line) else None
        return None

    def _labelled(self, line: str) -> Role | None:
        """The role of the first label group matching at the start of ``line``, if any."""
        for group, pattern in self.labels:
            found = pattern.match(line)
            if found is None:
                continue
            rest = line[found.end() :]
            if group in CONTACT_LABELS:
                if found.group("sep") or EMAIL.search(rest) or PHONE.search(rest):
                    return Role("contact", group)
                continue
            if not found.group("sep") and group != "related":
                continue
            if group == "related":
                if rest and not found.group("sep"):
                    continue
                return Role("furniture", "related", related=True)
            return Role(group)
        return None


def role_problem(role: Role, text: str, *, path: str, line: int) -> Problem | None:
    """The source problem a furniture line is (contacts are content: no problem)."""
    if role.role == "contact" or (role.label == "related" and not role.related):
        return None  # contacts are content; a related-news list is reported at its heading
    what = "related-news list" if role.related else role.role
    shown = text if len(text) <= 50 else text[:49] + "…"
    return Problem(
        check=f"source-{role.role}",
        severity="warning",
        message=f"source problem: {what} line {shown!r} left out of catalogs and pages",
        path=path,
        line=line,
    )


def assign_roles(
    blocks: Sequence[Block], rules: StructureRules, *, path: str
) -> tuple[tuple[Block, ...], tuple[Problem, ...]]:
    """Roles for the paragraphs of an HTML or Markdown release (whole blocks, by their text)."""
    out: list[Block] = []
    problems: list[Problem] = []
    for block in blocks:
        text = block.text
        if block.kind != "paragraph":
            role = None
        else:
            role = rules.classify(_PLACEHOLDER.sub("", text) if "<" in text else text)
        if role is None or block.attr:
            out.append(block)
            continue
        out.append(replace(block, role=role.role, label=role.label))
        found = role_problem(role, block.text, path=path, line=block.line)
        if found is not None:
            problems.append(found)
    return tuple(out), tuple(problems)


def _data() -> dict[str, Any]:
    path = resources.files("pressflow") / "data" / "segment" / "structure.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _freeze(extra: Mapping[str, Sequence[str]] | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple(sorted((k, tuple(v)) for k, v in (extra or {}).items()))


def structure_rules(
    *,
    labels: Mapping[str, Sequence[str]] | None = None,
    patterns: Mapping[str, Sequence[str]] | None = None,
    headline_policy: str | None = None,
    headline_max: int | None = None,
    publish: Sequence[str] = (),
) -> StructureRules:
    """The shipped rules extended by a newsroom's own (from pressflow.toml ``[structure]``)."""
    return _compile(
        _freeze(labels), _freeze(patterns), headline_policy, headline_max, tuple(sorted(publish))
    )


@lru_cache(maxsize=8)
def _compile(
    labels: tuple[tuple[str, tuple[str, ...]], ...],
    patterns: tuple[tuple[str, tuple[str, ...]], ...],
    policy: str | None,
    limit: int | None,
    publish: tuple[str, ...],
) -> StructureRules:
    data = _data()
    known = (*CONTACT_LABELS, *OTHER_LABELS)
    words: dict[str, list[str]] = {g: list(data["labels"].get(g, ())) for g in known}
    for group, extra in labels:
        if group not in words:
            raise ConfigError(f"[structure.labels] unknown group {group!r}: one of {known}")
        words[group].extend(extra)
    # Longer labels first across groups: `байланыш телефону` is a phone, not a contact heading.
    order = sorted(known, key=lambda g: -max((len(w) for w in words[g]), default=0))
    by_start = screens(w for group in words.values() for w in group)
    regexes: dict[str, list[str]] = {r: list(v) for r, v in data["patterns"].items()}
    for role, extra in patterns:
        regexes.setdefault(role, []).extend(extra)
    try:
        compiled_patterns = tuple(
            (role, re.compile(p, re.I)) for role, items in regexes.items() for p in items
        )
    except re.error as exc:
        raise ConfigError(f"[structure.patterns]: bad regular expression: {exc}") from None
    for role, _ in compiled_patterns:
        if role not in ("contact", "credit", "byline", "furniture"):
            raise ConfigError(f"[structure.patterns] unknown role {role!r}")
    headline = data["headline"]
    policy = policy or headline["policy"]
    if policy not in HEADLINE_POLICIES:
        raise ConfigError(
            f"[structure] headline = {policy!r}: expected one of {', '.join(HEADLINE_POLICIES)}"
        )
    months = sorted(
        ((stem, int(n)) for n, stems in data["months"].items() for stem in stems),
        key=lambda item: -len(item[0]),
    )
    return StructureRules(
        label_words=tuple((g, tuple(words[g])) for g in order if words[g]),
        patterns=compiled_patterns,
        months=tuple(months),
        weekdays=tuple(data["weekdays"]["names"]),
        headline_policy=policy,
        headline_max=int(limit or headline["max_length"]),
        publish=frozenset(publish),
        label_starts=None if by_start is None else frozenset(by_start),
        label_screens={} if by_start is None else by_start,
    )


def default_rules() -> StructureRules:
    """The shipped rules, unextended."""
    return structure_rules()
