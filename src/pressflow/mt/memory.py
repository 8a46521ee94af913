"""Translation memory: what translators already approved, offered before any machine.

Built from every reviewed entry (translated and not fuzzy, obsolete ones included: a sentence
dropped from a release is still a good translation) of one target language across all of the
project's catalogs. An exact source match is found by dictionary; a close one by rapidfuzz's
normalised Levenshtein ratio over the sources, above the configured threshold.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..similarity import closest


@dataclass(frozen=True)
class Match:
    """A memory hit: the translation, where it came from, and how close the source was."""

    translation: str
    release: str
    source: str
    score: int  # percent; 100 for an exact match
    exact: bool

    @property
    def comment(self) -> str:
        """The provenance line (a translator comment, so it survives msgcat and msgmerge)."""
        if self.exact:
            return f"tm: {self.release}"
        return f"tm: {self.release} ({self.score}%)"


def is_reviewed(entry: object) -> bool:
    """Translated, not fuzzy, not a plural form: safe to reuse as memory."""
    return bool(
        getattr(entry, "msgid", "")
        and getattr(entry, "msgstr", "")
        and "fuzzy" not in getattr(entry, "flags", ())
        and not getattr(entry, "msgid_plural", "")
    )


class TranslationMemory:
    """Reviewed translations of one target language, looked up by source text."""

    def __init__(self, lang: str, *, threshold: float = 0.75):
        self.lang = lang
        self.threshold = threshold
        self._found: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
        self._choices: list[str] | None = None

    def add(self, release: str, entries: Iterable[object]) -> None:
        for entry in entries:
            if is_reviewed(entry):
                msgid, msgstr = entry.msgid, entry.msgstr  # type: ignore[attr-defined]
                self._found[msgid][(msgstr, release)] += 1
        self._choices = None

    def add_pairs(self, release: str, pairs: Iterable[tuple[str, str]]) -> None:
        """``add`` for the (msgid, msgstr) of entries already known to be reviewed."""
        for msgid, msgstr in pairs:
            self._found[msgid][(msgstr, release)] += 1
        self._choices = None

    def __len__(self) -> int:
        return len(self._found)

    def best(self) -> dict[str, tuple[str, str]]:
        """Each source's (translation, release) a lookup gives: all the memory is to a
        lookup, and far less than every catalog's entries to keep between runs."""
        return {source: self._best(source) for source in self._found}

    @classmethod
    def of_best(
        cls, lang: str, best: Mapping[str, Sequence[str]], *, threshold: float
    ) -> TranslationMemory:
        """The memory whose ``best()`` is ``best``: it answers every lookup as that one did."""
        memory = cls(lang, threshold=threshold)
        for source, (msgstr, release) in best.items():
            if not isinstance(msgstr, str) or not isinstance(release, str):
                raise ValueError("not a translation and its release")
            memory._found[source][(msgstr, release)] = 1
        return memory

    def _best(self, source: str) -> tuple[str, str]:
        """Most frequent translation of ``source``; ties go to the first release by name."""
        counts: Counter[str] = Counter()
        releases: dict[str, str] = {}
        for (msgstr, release), n in self._found[source].items():
            counts[msgstr] += n
            releases[msgstr] = min(release, releases.get(msgstr, release))
        msgstr = min(counts, key=lambda s: (-counts[s], releases[s], s))
        return msgstr, releases[msgstr]

    def lookup(self, text: str) -> Match | None:
        if text in self._found:
            msgstr, release = self._best(text)
            return Match(msgstr, release, text, 100, True)
        if not self._found or self.threshold >= 1:  # 1: exact matches only
            return None
        if self._choices is None:
            self._choices = sorted(self._found)
        hits = closest(text, self._choices, cutoff=self.threshold * 100, limit=1)
        if not hits:
            return None
        source, score, _ = hits[0]
        msgstr, release = self._best(source)
        return Match(msgstr, release, source, min(99, int(score)), False)
