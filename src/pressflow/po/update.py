"""Merge a new template into a translator's PO file with ``msgmerge --previous`` semantics.

polib's ``merge()`` matches identical msgids only: an edited sentence would lose its translation
and no previous msgid would show the translator what changed. This is GNU msgmerge's algorithm
(exact match, else the most similar translated message, similarity ≥ 0.6, marked fuzzy with the
old source as ``#| msgid``; leftovers become obsolete ``#~`` and come back when the text does),
plus two things msgmerge cannot do: a sentence split in two offers the old translation to both
halves, and two sentences merged into one get both old translations joined.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import polib

from ..config import Config
from ..errors import CatalogError
from ..locales import plural_count
from .catalog import new_entry
from .header import first_catalog as first_catalog  # (re-exported: where it was first)
from .header import first_from_data as first_from_data
from .header import merged_header
from .powrap import PAGE_WIDTH

#: msgmerge's FUZZY_THRESHOLD: below this similarity an old translation is not offered.
THRESHOLD = 0.6
#: A new sentence of at least MIN_PART characters found (partial similarity ≥ PART_SCORE)
#: inside a longer old one is a piece of a split sentence: it is offered that translation.
MIN_PART = 20
PART_SCORE = 90


def check_language(po: polib.POFile, lang: str, *, path: str) -> None:
    """Refuse a PO file whose Language header names another language than its folder."""
    declared = (po.metadata.get("Language") or "").strip()
    if (
        declared
        and declared.replace("-", "_").split("_")[0] != lang.replace("-", "_").split("_")[0]
    ):
        raise CatalogError(
            f"Language header says {declared!r} but the file is in the {lang!r} folder; "
            "move the file or fix its header (nothing was changed)",
            path=path,
        )


# --------------------------------------------------------------------------- matching


@dataclass
class _Old:
    entry: polib.POEntry
    position: int
    used: bool = False


def _translated(entry: polib.POEntry) -> bool:
    if entry.msgid_plural:
        return any(entry.msgstr_plural.values()) if entry.msgstr_plural else False
    return bool(entry.msgstr)


def _key(entry: polib.POEntry) -> tuple[str | None, str]:
    return (entry.msgctxt, entry.msgid)


def _plural_changed(source: polib.POEntry, target: polib.POEntry) -> bool:
    return bool(source.msgid_plural) != bool(target.msgid_plural)


def _undone(source: polib.POEntry, target: polib.POEntry) -> bool:
    """An entry made fuzzy by an edit of its source (``#| msgid`` is the text it was reviewed
    for) whose text is back to exactly that: the pair is the reviewed one again."""
    return (
        "fuzzy" in source.flags
        and source.previous_msgid == target.msgid
        and source.previous_msgctxt == target.msgctxt
        and not _plural_changed(source, target)
        and not source.previous_msgid_plural
    )


def _copy_translation(target: polib.POEntry, source: polib.POEntry) -> None:
    target.msgstr = source.msgstr
    if not target.msgid_plural and not source.msgstr and source.msgstr_plural:
        target.msgstr = source.msgstr_plural.get(0, "")
    if target.msgid_plural:
        target.msgstr_plural = dict(source.msgstr_plural or {})
        if not target.msgstr_plural and source.msgstr:
            target.msgstr_plural = {0: source.msgstr}
    target.tcomment = source.tcomment
    extra = [f for f in source.flags if f != "fuzzy" and f not in target.flags]
    target.flags = [*target.flags, *extra]


def _new_entry(tentry: polib.POEntry, *, nplurals: int) -> polib.POEntry:
    return new_entry(
        msgid=tentry.msgid,
        msgid_plural=tentry.msgid_plural,
        msgctxt=tentry.msgctxt,
        msgstr="",
        msgstr_plural=dict.fromkeys(range(nplurals), "") if tentry.msgid_plural else {},
        comment=tentry.comment,
        occurrences=list(tentry.occurrences),
        flags=[f for f in tentry.flags if f != "fuzzy"],
    )


def _previous(old: polib.POEntry) -> str:
    """msgmerge keeps the previous msgid of an entry that was fuzzy already."""
    if "fuzzy" in old.flags and old.previous_msgid is not None:
        return old.previous_msgid
    return old.msgid


def _similarity(a: str, b: str) -> float:
    from ..similarity import ratio  # (rapidfuzz: loaded only when a unit was edited)

    return ratio(a, b) / 100.0


class _Matcher:
    """Finds the best old translation for an edited msgid among the translated old entries.

    Obsolete entries are candidates too, as in msgmerge: a sentence removed in one edit and
    brought back slightly changed in the next still finds its translation.
    """

    def __init__(self, olds: Sequence[_Old]) -> None:
        self.pool = [o for o in olds if _translated(o.entry) and o.entry.msgid]
        self.choices = [o.entry.msgid for o in self.pool]
        self.in_order = sorted(
            (o for o in self.pool if not o.entry.obsolete), key=lambda o: o.position
        )

    def best(self, msgid: str, *, near: int) -> tuple[_Old | None, float]:
        """msgmerge's choice: the highest similarity ≥ 0.6; ties go to the nearest position."""
        if not self.pool:
            return None, 0.0
        from ..similarity import closest  # (rapidfuzz: loaded only when a unit was edited)

        hits = closest(msgid, self.choices, cutoff=THRESHOLD * 100)
        if not hits:
            return None, 0.0
        top = hits[0][1]
        ties = [h for h in hits if h[1] >= top - 1e-9]
        choice = min(ties, key=lambda h: (abs(self.pool[h[2]].position - near), h[2]))
        return self.pool[choice[2]], choice[1] / 100.0

    def pair(self, msgid: str, *, floor: float) -> tuple[_Old, _Old, float] | None:
        """Two old sentences in a row whose union is this new sentence (two merged into one)."""
        best: tuple[_Old, _Old, float] | None = None
        for first, second in zip(self.in_order, self.in_order[1:], strict=False):
            if second.position != first.position + 1:
                continue
            joined = f"{first.entry.msgid} {second.entry.msgid}"
            if abs(len(joined) - len(msgid)) > 0.4 * len(msgid):
                continue
            score = _similarity(msgid, joined)
            if score > max(floor, THRESHOLD) + 0.05 and (best is None or score > best[2]):
                best = (first, second, score)
        return best

    def container(self, msgid: str, *, near: int) -> _Old | None:
        """An old sentence that holds this one almost verbatim (one sentence split in two)."""
        if len(msgid) < MIN_PART or not self.pool:
            return None
        from ..similarity import closest

        hits = closest(msgid, self.choices, cutoff=PART_SCORE, partial=True)
        hits = [h for h in hits if len(self.choices[h[2]]) > len(msgid)]
        if not hits:
            return None
        top = max(h[1] for h in hits)
        ties = [h for h in hits if h[1] >= top - 1e-9]
        choice = min(ties, key=lambda h: (abs(self.pool[h[2]].position - near), h[2]))
        return self.pool[choice[2]]


def _fuzzy(entry: polib.POEntry, source: polib.POEntry, previous: str) -> None:
    _copy_translation(entry, source)
    entry.flags = ["fuzzy", *[f for f in entry.flags if f != "fuzzy"]]
    entry.previous_msgid = previous
    entry.previous_msgctxt = source.previous_msgctxt if "fuzzy" in source.flags else None
    if entry.msgid_plural:
        entry.previous_msgid_plural = source.msgid_plural or None


def merge(
    old: polib.POFile | None, template: polib.POFile, *, lang: str, config: Config | None = None
) -> polib.POFile:
    """The PO file for ``lang`` after the release became ``template``; nothing is lost.

    Unchanged units keep translation, flags and comments; edited units get the closest old
    translation as fuzzy with ``#| msgid`` (an old entry that was fuzzy keeps its first previous
    msgid); new units are empty; removed translated units become obsolete and return, translated,
    when their text does; entries follow the template's order. The header keeps the translator's
    fields and takes POT-Creation-Date from the template, Language and Plural-Forms from ``lang``.
    ``config`` is accepted for symmetry with the other stages; nothing in it changes the merge.
    """
    result = polib.POFile(wrapwidth=PAGE_WIDTH)
    result.header, header = merged_header(old, template, lang)
    result.metadata.update(header)
    result.metadata_is_fuzzy = (old.metadata_is_fuzzy if old is not None else 0) or 0

    olds = [_Old(e, i) for i, e in enumerate(old or [])]
    live = {_key(o.entry): o for o in olds if not o.entry.obsolete}
    dead = {_key(o.entry): o for o in olds if o.entry.obsolete}
    pending: list[tuple[int, polib.POEntry]] = []
    nplurals = plural_count(lang)

    for index, tentry in enumerate(e for e in template if not e.obsolete):
        entry = _new_entry(tentry, nplurals=nplurals)
        result.append(entry)
        found = live.get(_key(tentry)) or dead.get(_key(tentry))
        if found is None:
            pending.append((index, entry))
            continue
        found.used = True
        source = found.entry
        _copy_translation(entry, source)
        if _plural_changed(source, tentry) and _translated(source):
            # msgmerge: a translation kept across a change of plural form is fuzzy, with the
            # old msgid and msgid_plural shown; a singular keeps the first plural form.
            entry.flags = ["fuzzy", *[f for f in entry.flags if f != "fuzzy"]]
            entry.previous_msgid = source.msgid
            entry.previous_msgid_plural = source.msgid_plural or None
        elif "fuzzy" in source.flags and _translated(source) and not _undone(source, tentry):
            entry.flags = ["fuzzy", *entry.flags]
            entry.previous_msgctxt = source.previous_msgctxt
            entry.previous_msgid = source.previous_msgid
            entry.previous_msgid_plural = source.previous_msgid_plural

    # Only edited units need the fuzzy matcher (most releases of a run have none).
    matcher = _Matcher(olds if pending else ())
    anchors = _anchors(result, old) if pending else {}
    for index, entry in pending if matcher.pool else ():  # nothing translated: nothing to offer
        near = anchors.get(index, index)
        source, score = matcher.best(entry.msgid, near=near)
        pair = matcher.pair(entry.msgid, floor=score)
        if pair is not None:
            first, second, _ = pair
            # msgmerge would use the closer of the two; the other stays obsolete, reusable.
            closer = max((first, second), key=lambda o: _similarity(entry.msgid, o.entry.msgid))
            closer.used = True
            joined = polib.POEntry(
                msgid=f"{first.entry.msgid} {second.entry.msgid}",
                msgstr=" ".join(p for p in (first.entry.msgstr, second.entry.msgstr) if p),
                tcomment="\n".join(c for c in (first.entry.tcomment, second.entry.tcomment) if c),
            )
            _fuzzy(entry, joined, joined.msgid)
            continue
        if source is None:
            source = matcher.container(entry.msgid, near=near)
        if source is not None and _undone(source.entry, entry):
            source.used = True  # the edit that made it fuzzy was undone: reviewed again
            _copy_translation(entry, source.entry)
        elif source is not None:
            source.used = True
            _fuzzy(entry, source.entry, _previous(source.entry))

    for o in olds:
        if o.used or not _translated(o.entry):
            continue
        result.append(_obsolete(o.entry))
    return result


def _anchors(result: polib.POFile, old: polib.POFile | None) -> dict[int, int]:
    """For each new entry, roughly where it would sit in the old file (to break score ties)."""
    if old is None:
        return {}
    where: dict[int, int] = {}
    last = 0
    index_of = {_key(e): i for i, e in enumerate(old)}
    for index, entry in enumerate(result):
        if _key(entry) in index_of:
            last = index_of[_key(entry)]
        where[index] = last + 1
    return where


def _obsolete(entry: polib.POEntry) -> polib.POEntry:
    copy = polib.POEntry(
        msgid=entry.msgid,
        msgstr=entry.msgstr,
        msgid_plural=entry.msgid_plural,
        msgstr_plural=dict(entry.msgstr_plural or {}),
        msgctxt=entry.msgctxt,
        tcomment=entry.tcomment,
        flags=list(entry.flags),
        previous_msgctxt=entry.previous_msgctxt,
        previous_msgid=entry.previous_msgid,
        previous_msgid_plural=entry.previous_msgid_plural,
        obsolete=True,
    )
    return copy
