"""The project's glossary: agreed translations of Kyrgyz terms, used by prefill and by QA.

``glossary.tsv`` has a header row naming the languages (``ky  ru  en  note``); a cell may list
accepted variants separated by ``|``, the first being preferred. Inside a variant, ``(a|b)``
offers alternatives and ``[x]`` an optional part, so one line says what a careful translator may
write: ``(LSG|local self-government) bodies|LSGs`` accepts "LSG bodies", "local self-government
bodies" and "LSGs"; ``Union of LSGs [of the (KR|Kyrgyz Republic)]`` three forms. Matching is by
word start, so an inflected Kyrgyz or Russian form (``ЖӨБдүн``, ``ОМСУ``) still counts: Kyrgyz
and Russian add suffixes, and an acronym in capitals takes lower-case suffixes (``ЖӨБдүн``,
``ЖӨБ-нүн``).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .errors import ConfigError


@dataclass(frozen=True)
class Term:
    source: str
    targets: dict[str, tuple[str, ...]]
    note: str = ""
    line: int = 0

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return term_pattern(self.source)

    def pattern_for(self, lang: str) -> re.Pattern[str] | None:
        variants = self.targets.get(lang)
        if not variants:
            return None
        parts = []
        for variant in variants:  # each keeps its own case rule: (?i:…) where it has one
            compiled = term_pattern(variant)
            scope = "?i:" if compiled.flags & re.IGNORECASE else "?:"
            parts.append(f"({scope}{compiled.pattern})")
        return re.compile("|".join(parts))


def _stem(word: str) -> str:
    """Cut a lower-case word to a stem so that inflected forms match (``самоуправление``)."""
    if word.isupper() or len(word) <= 4:
        return re.escape(word)
    return re.escape(word[: max(4, len(word) - 2)])


def term_pattern(term: str) -> re.Pattern[str]:
    words = term.split()
    parts = []
    for word in words:
        if word.isupper() and len(word) > 1:
            parts.append(re.escape(word) + r"(?:-?[^\W\d_A-ZА-ЯЁӨҮҢ]*)")
        else:
            parts.append(_stem(word) + r"\w*")
    flags = 0 if any(w.isupper() and len(w) > 1 for w in words) else re.IGNORECASE
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)", flags)


@dataclass(frozen=True)
class Glossary:
    source_lang: str
    terms: tuple[Term, ...] = ()
    #: text -> its terms: a source unit is looked up once per target language and command
    _found: dict[str, tuple[Term, ...]] = field(
        default_factory=dict, compare=False, repr=False, hash=False
    )

    def find(self, text: str) -> list[Term]:
        """Terms whose source form occurs in ``text``, longest first."""
        if text not in self._found:
            found = [t for t in self.terms if t.pattern.search(text)]
            self._found[text] = tuple(sorted(found, key=lambda t: -len(t.source)))
        return list(self._found[text])


def _split(text: str, *, path: str, line: int) -> list[str]:
    """``text`` cut at each ``|`` outside brackets."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += (char in "([") - (char in ")]")
        if depth < 0:
            raise ConfigError(
                f"unbalanced brackets in glossary variant {text!r}", path=path, line=line
            )
        if char == "|" and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    if depth:
        raise ConfigError(f"unbalanced brackets in glossary variant {text!r}", path=path, line=line)
    return [*parts, text[start:]]


def expand(cell: str, *, path: str = "", line: int = 0) -> tuple[str, ...]:
    """Every variant a cell accepts, its ``(a|b)`` alternatives and ``[x]`` options spelt out."""
    out: list[str] = []
    for variant in _split(cell, path=path, line=line):
        at = next((i for i, c in enumerate(variant) if c in "(["), -1)
        if at < 0:
            text = " ".join(variant.split())
            if text and text not in out:
                out.append(text)
            continue
        depth, end = 0, at
        for end in range(at, len(variant)):
            depth += (variant[end] in "([") - (variant[end] in ")]")
            if depth == 0:
                break
        inner = variant[at + 1 : end]
        choices = _split(inner, path=path, line=line) if variant[at] == "(" else [inner, ""]
        for choice in choices:
            for text in expand(variant[:at] + choice + variant[end + 1 :], path=path, line=line):
                if text not in out:
                    out.append(text)
    return tuple(out)


def load_glossary(path: Path | None, *, source_lang: str = "ky") -> Glossary:
    if path is None:
        return Glossary(source_lang)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError("glossary is not UTF-8 text", path=str(path)) from None
    rows = list(csv.reader(io.StringIO(text), delimiter="\t"))
    if not rows or source_lang not in rows[0]:
        raise ConfigError(f"glossary header must name {source_lang!r}", path=str(path), line=1)
    header = [h.strip() for h in rows[0]]
    terms = []
    for number, row in enumerate(rows[1:], start=2):
        if not row or not any(c.strip() for c in row) or row[0].startswith("#"):
            continue
        cells = dict(zip(header, (c.strip() for c in row), strict=False))
        source = cells.get(source_lang, "")
        if not source:
            raise ConfigError("row without a source term", path=str(path), line=number)
        targets = {
            lang: expand(value, path=str(path), line=number)
            for lang, value in cells.items()
            if lang not in (source_lang, "note") and value
        }
        terms.append(Term(source, targets, cells.get("note", ""), number))
    return Glossary(source_lang, tuple(terms))
