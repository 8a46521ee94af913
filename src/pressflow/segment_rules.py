"""Compile the SRX-style segmentation rules of a language from ``data/segment/<lang>.toml``.

Why a module of its own: the data format (ordered rules, macros, abbreviation lists, quote
pairs, foreign-script settings) is the part that newsrooms extend; keeping its compiler apart
keeps the splitter small and lets a new language be checked by loading it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

from .charclass import char_positions, script_class, word_trie
from .errors import ConfigError
from .regex_shape import backward, class_chars, first_chars, longest, needles, parsed, screen
from .segment_plan import Check, Plan, sieved

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

_RUN = re.compile(r"\S*")
#: Longest match (characters) worth bounding a ``before`` search by; longer ones use the window.
_REACH_MAX = 200
#: How a ``before`` pattern ends when its last character is a full stop followed only by the
#: closing quotes, brackets and placeholders of the ``{close}`` macro.
_DOT_CLOSE = "\\.{close}"


@dataclass(frozen=True)
class Rule:
    """A compiled SRX-style rule: break (or not) where ``before`` ends and ``after`` begins."""

    name: str
    brk: bool
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    #: How far back from the candidate a ``before`` match can start (its longest match), or
    #: None when unbounded: the search then starts there, not at every position of the window.
    reach: int | None = None
    #: For a ``before`` ending in a full stop and ``{close}``: how far back from just after
    #: its last full stop a match can start (None: not of that form, or unbounded).
    dot_reach: int | None = None
    #: Matches (from its start, on the reversed text) the reverse of whatever ``before`` can
    #: match, and maybe more (see ``regex_shape.backward``); None: cannot tell.
    backward: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Foreign:
    """How to tell text that is not in the release's language: letters of another script."""

    native: re.Pattern[str]
    other: re.Pattern[str]
    min_words: int
    max_native_share: float
    note: str

    @cached_property
    def held(self) -> Callable[[str], bool]:
        """False only when a text holds no letter of ``other`` (``regex_shape.screen``): then no
        unit of it is foreign, told without a regex scan of the whole text."""
        return screen(self.other) or (lambda text: True)


@dataclass(frozen=True)
class Rules:
    """Everything needed to segment one language."""

    lang: str
    candidate: re.Pattern[str]
    rules: tuple[Rule, ...]
    quotes: tuple[tuple[str, str], ...]
    title_quote_max: int
    speech_words: frozenset[str]
    foreign: Foreign | None
    urls: re.Pattern[str]
    #: Matches wherever ``urls`` could (``://``, ``www.``, ``@``, a dot and a known domain): a
    #: cheap scan that lets the many sentences without an address skip the costly pattern.
    url_hint: re.Pattern[str] = re.compile("")
    #: How many times a kind of candidate is met before its plan gets a sieve: compiling one
    #: costs as much as deciding some hundreds of candidates rule by rule, which a command on
    #: one release never meets.
    sieve_after: int = field(default=256, compare=False)
    _plans: dict[tuple[str | None, ...], Plan] = field(
        default_factory=dict, compare=False, repr=False
    )
    #: Plans not sieved yet, and how many times each was asked for.
    _unsieved: dict[tuple[str | None, ...], tuple[Plan, int]] = field(
        default_factory=dict, compare=False, repr=False
    )

    @cached_property
    def checks(self) -> tuple[Check, ...]:
        """The rules as ``Check`` values, their methods bound once for the hot loop."""
        return tuple(
            Check(
                r.after.match if r.after else None,
                r.before.search if r.before else None,
                r.brk,
                r.reach,
                r.dot_reach,
                r.backward.match if r.backward is not None else None,
            )
            for r in self.rules
        )

    @cached_property
    def candidate_starts(self) -> Callable[[str], Iterable[int]] | None:
        """Where in a text a candidate can start, in order: at the characters of
        ``regex_shape.first_chars``, or None when any may (``candidates`` tries the candidate
        pattern only there). Its ASCII letters are looked for only in a text whose bytes hold
        one (``regex_shape.screen``), its other few characters with ``str.find``: a regex scan
        for the class is most of the cost of finding candidates in a text of another script."""
        found = first_chars(self.candidate.pattern)
        if found is None or self.candidate.flags & ~re.UNICODE:
            return None
        scan = found.finditer

        def by_class(text: str) -> Iterator[int]:
            return (m.start() for m in scan(text))

        chars = class_chars(found, most=64)
        few = "".join(c for c in chars or "" if not (c.isascii() and c.isalpha()))
        letters = "".join(c for c in chars or "" if c not in few)
        held = screen(re.compile(f"[{re.escape(letters)}]")) if letters else None
        if chars is None or len(few) > 8 or (letters and held is None):
            return by_class

        def starts(text: str) -> Iterable[int]:
            if held is not None and held(text):
                return by_class(text)
            return char_positions(text, few)

        return starts

    @cached_property
    def probed(self) -> re.Pattern[str] | None:
        """The candidate pattern followed by ``after_probe``'s groups, which always match: its
        matches end where the candidate's do, and their groups are the probe's answer at the
        end, found in the same match. None when the two cannot be joined."""
        probe = self._after_probe_source
        if probe is None or self.candidate.groups or self.candidate.flags & ~re.UNICODE:
            return None
        return re.compile(f"(?:{self.candidate.pattern}){probe}")

    def candidates(self, text: str) -> list[re.Match[str]]:
        """The matches of ``finditer(text)`` of ``probed`` (or, without it, of ``candidate``),
        found by trying the pattern only where a match can start (``candidate_starts``): the
        regex engine would try it at every position of the text, most of the cost of
        segmenting a block."""
        starts, pattern = self.candidate_starts, self.probed or self.candidate
        if starts is None:
            return list(pattern.finditer(text))
        found: list[re.Match[str]] = []
        done = 0  # where the last match ended: ``finditer`` goes on from there
        for at in starts(text):
            if at < done:
                continue
            m = pattern.match(text, at)
            if m is None:
                continue
            done = m.end()
            found.append(m)
            if done == at:  # an empty match: ``finditer`` then tries a longer one at its place
                scanner = pattern.scanner(text, at)
                scanner.match()
                longer = scanner.match()
                if longer is not None:
                    done = longer.end()
                    found.append(longer)
        return found

    @cached_property
    def scan(self) -> Callable[..., re.Match[str] | None] | None:
        """``match`` of one pattern that reads from a position to the next candidate, in one
        call: a possessive run of characters no candidate starts on (``first_chars``' class,
        negated), then ``probed`` behind an empty group, or nothing when no candidate is there.
        So ``(None, …)`` groups: no candidate at the character the match ends on (the next
        search starts after it); ``("", *probe)``: a candidate ending at the match's end, with
        the probe's answer there (``scan_plan``), starting at the group's place. None when
        there is no class or no ``probed`` (or before Python 3.11: no possessive repeat)."""
        found = first_chars(self.candidate.pattern)
        probed = self.probed
        if sys.version_info < (3, 11) or found is None or probed is None:
            return None  # pragma: no cover - the rules shipped have both, on 3.11+
        if found.flags & ~re.UNICODE:
            return None  # pragma: no cover - (``probed`` already needs no flag)
        return re.compile(f"[^{found.pattern[1:-1]}]*+(?:(){probed.pattern}|)").match

    def scan_plan(self, key: tuple[str | None, ...]) -> Plan:
        """``plan`` of the probe's answer in ``scan``'s groups (``key``: the empty group's, then
        the probe's), kept under ``key`` too once it is sieved (it is then kept for good)."""
        holds = key[1:]
        plan = self.plan(holds)
        if holds in self._plans:
            self._plans[key] = plan  # (a key one longer than any probe's: none is shadowed)
        return plan

    @cached_property
    def after_probe(self) -> Callable[..., re.Match[str] | None] | None:
        """One anchored match telling which rules' ``after`` holds at a position: its groups, in
        rule order, are ``""`` where it holds and None where it does not (rules without an
        ``after`` have no group). Tried one by one, the ``after`` patterns cost more than all the
        rest of a candidate's rules. None when an ``after`` pattern cannot be combined."""
        source = self._after_probe_source
        return None if source is None else re.compile(source).match

    @cached_property
    def _after_probe_source(self) -> str | None:
        """``after_probe``'s pattern (``probed`` joins it to the candidate's, uncompiled)."""
        parts = []
        for rule in self.rules:
            if rule.after is None:
                continue
            if rule.after.groups or rule.after.flags & ~(re.UNICODE):
                return None  # its own groups or flags would not survive being combined
            parts.append(f"(?:(?={rule.after.pattern})()|)")  # (a branch: a fifth faster than ?)
        return "".join(parts)

    def plan(self, holds: tuple[str | None, ...]) -> Plan:
        """The rules left to try where ``after_probe`` found ``holds``, in order, up to the first
        that decides on its ``after`` alone; from its ``sieve_after``-th time on, with the sieve
        that picks among them (remembered: a text has few kinds of candidate, and a sieve is
        compiled once for each)."""
        known = self._plans.get(holds)  # pragma: no mutate (a memo: missed, the plan is rebuilt)
        if known is not None:
            return known
        waiting = self._unsieved.get(holds)
        if waiting is None:
            left: list[Check] = []
            found = iter(holds)
            for check in self.checks:
                if check.after is not None and next(found) is None:
                    continue
                left.append(check._replace(after=None))
                if check.before is None:
                    break
            checks = tuple(left)
            last = checks[-1] if checks else None
            waiting = (
                Plan(checks, None, (), last.brk if last and last.before is None else None),
                0,
            )
        plan, times = waiting
        if times + 1 < self.sieve_after:
            self._unsieved[holds] = (plan, times + 1)
            return plan  # (no sieve: its checks are tried in turn)
        self._unsieved.pop(holds, None)
        plan = self._plans[holds] = sieved(plan.checks)
        return plan

    @cached_property
    def plain_lead(self) -> Callable[[str], re.Match[str] | None]:
        """Matches a text whose first letter (after placeholders, which the segmenter reads as
        white space: ``<1>``, ``</1>``, ``<2/>``) stands in its first run of non-whitespace,
        a run that holds no character of ``url_hint``'s needles (one of which each hint holds)
        and ends at white space or a placeholder: that letter is in no address, so the text is
        not letterless, told in one match."""
        found = needles(self.url_hint.pattern, self.url_hint.flags)
        if found is None:
            return re.compile("(?!)").match
        marks = {next((c for c in n if not c.isalnum()), n[0]) for n in found}
        run = "[^\\s<" + "".join(re.escape(c) for c in sorted(marks)) + "]"
        placeholder = r"</?\d+/?>"
        return re.compile(
            rf"(?:{placeholder})*{run}*?[^\W\d_]{run}*(?:(?!\S)|(?={placeholder}))"
        ).match

    def addresses(self, text: str) -> Iterator[re.Match[str]]:
        """``urls.finditer(text)``, searched only in the runs of non-whitespace that hold a hint.

        An address never spans whitespace, so the matches are the same; but tried at every
        position of a long run without one (a pasted blob), the pattern takes quadratic time.
        """
        end = 0
        for hint in self.url_hint.finditer(text):
            # no hint starts on the white space that ends a run: < and <= agree
            if hint.start() < end:  # pragma: no mutate (see above)
                continue  # in the run just searched
            start = hint.start()
            while start and not text[start - 1].isspace():
                start -= 1
            end = _RUN.match(text, hint.start()).end()  # type: ignore[union-attr]
            yield from self.urls.finditer(text, start, end)

    def without_addresses(self, text: str) -> str:
        """``urls.sub(" ", text)``, in the time ``addresses`` takes."""
        pieces: list[str] = []
        done = 0  # pragma: no mutate (text[None:k] is text[0:k])
        for m in self.addresses(text):
            pieces += (text[done : m.start()], " ")
            done = m.end()
        # pragma: no mutate start (a shortcut: with no address the join gives the text back)
        return "".join(pieces) + text[done:] if pieces else text
        # pragma: no mutate end


def _load(lang: str) -> dict[str, Any]:
    path = resources.files("pressflow") / "data" / "segment" / f"{lang}.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _available(lang: str) -> bool:
    return (resources.files("pressflow") / "data" / "segment" / f"{lang}.toml").is_file()


@lru_cache(maxsize=16)
def rules_for(lang: str) -> Rules:
    """Compile the rules of ``lang`` (``ky``, ``ky-KG``…), falling back to the shared ones."""
    base = lang.lower().replace("_", "-").split("-")[0]
    if not re.fullmatch(r"[a-z]{2,3}", base) or not _available(base):
        base = "common"
    try:
        return _compile(base)
    except (re.error, KeyError, TypeError, ValueError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"segmentation rules for {base!r} are broken: {exc}") from None


def _compile(base: str) -> Rules:
    own = _load(base)
    chain = [own]
    while "inherit" in chain[-1]:
        chain.append(_load(chain[-1]["inherit"]))
    common = chain[-1]
    abbrev = own.get("abbreviations", {})
    tlds = "|".join(re.escape(t) for t in common["tlds"])
    macros = {
        "Lu": script_class(str.isupper),
        "Ll": script_class(str.islower),
        "L": script_class(str.isalpha),
        **common["macros"],
        "tld": tlds or r"(?!)",  # pragma: no mutate (common.toml lists some: never empty)
        "never": word_trie(abbrev.get("never", ())),
        "lower": word_trie(abbrev.get("lower", ())),
    }

    # The same lists written from their ends, for the patterns read backwards.
    ends = {
        **macros,
        "never": word_trie(abbrev.get("never", ()), from_end=True),
        "lower": word_trie(abbrev.get("lower", ()), from_end=True),
    }

    def expand(pattern: str, table: dict[str, str] = macros) -> str:
        return re.sub(r"\{(\w+)\}", lambda m: table.get(m[1], m[0]), pattern)

    dotless_close = _never_a_dot(macros.get("close", ""))

    compiled = []
    for data in chain:
        for r in data.get("rule", ()):
            before = r.get("before")
            after = r.get("after")
            # parsed once for its reach and its reversal (the parse is most of compiling)
            shape = parsed(expand(before, ends)) if before else None
            compiled.append(
                Rule(
                    name=r.get("name", ""),
                    brk=bool(r["break"]),
                    before=re.compile(f"(?:{expand(before)})\\Z") if before else None,
                    after=re.compile(expand(after)) if after else None,
                    reach=longest(shape, _REACH_MAX) if shape is not None else None,
                    dot_reach=(
                        longest(expand(before[: -len("{close}")]), _REACH_MAX)
                        if before and dotless_close and before.endswith(_DOT_CLOSE)
                        else None
                    ),
                    backward=backward(shape) if shape is not None else None,
                )
            )
    foreign = None
    spec = own.get("foreign", {})
    if spec.get("script"):
        foreign = Foreign(
            native=re.compile(f"[{script_class(str.isalpha, (spec['script'],))}]"),
            other=re.compile(f"[{script_class(str.isalpha, spec.get('other', ()))}]"),
            min_words=int(spec.get("min_words", 2)),
            max_native_share=float(spec.get("max_native_share", 0.2)),
            note=str(spec.get("note", "")),
        )
    return Rules(
        lang=base,
        candidate=re.compile(expand(common["candidate"])),
        rules=tuple(compiled),
        quotes=tuple((q[0], q[1]) for q in common.get("quotes", ())),
        title_quote_max=int(common.get("title_quote_max", 150)),
        speech_words=frozenset(w.split()[0] for w in own.get("speech_words", ())),
        foreign=foreign,
        # Web and mail addresses, and bare domains with a known top-level domain.
        urls=re.compile(
            r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
            rf"|[\w-]+(?:\.[\w-]+)*\.(?:{macros['tld']})(?![A-Za-z])(?:/\S*)?"
        ),
        url_hint=re.compile(rf"://|www\.|@|\.(?:{macros['tld']})(?![A-Za-z])"),
    )


def _never_a_dot(close: str) -> bool:
    """Whether the ``{close}`` macro surely matches no full stop: then in a ``before`` ending in
    ``\\.{close}`` the full stop matched is the last one before the candidate. Judged from its
    source (no dot, no negated class, no escape of a class that includes one: Python's ``re``
    has no ``\\p``)."""
    return bool(close) and not re.search(r"\.|\[\^|\\[SWD]", close)
