"""Prefill: fill empty catalog entries from translation memory, then the MT cache, then MT.

Only entries with an empty msgstr are touched, so nothing a person wrote (reviewed or fuzzy) is
ever replaced. Every fill records where it came from in a translator comment (``# tm: <slug>``,
``# tm: <slug> (87%)``, ``# mt: google``), which survives msgcat and msgmerge; MT fills are always
fuzzy, exact memory fills are fuzzy when ``[tm] exact_fuzzy`` is true (the default, so that a
pretranslation never looks approved).

Identical texts are sent once; every accepted answer goes to the SQLite cache at once and to the
catalogs in batches of ``[mt] batch`` entries, each an atomic write; a catalog changed on disk
meanwhile (a translator saving) is re-read before our fills are applied to it again.

Settings and keys: see the package docstring (``pressflow.mt``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..cache import Cache
from ..config import Config
from ..glossary import Glossary, load_glossary
from ..model import CatalogRef, Problem
from .cache import MTCache
from .fill import CatalogFile, Fill
from .pool import Job, Outcome, PoolReport, run_jobs
from .protect import LostMarker, check_markers, describe_lost, has_letters
from .recall import Recall, real_paths
from .results import LangCounts, PlanRow, PrefillResult, ProgressEvent
from .settings import cache_file, pool_settings
from .skip import all_full, empty_key, engine_spec_if_needed, known_full
from .unit import Unit

if TYPE_CHECKING:
    from .engines import Engine

__all__ = ["LangCounts", "PlanRow", "PrefillResult", "ProgressEvent", "prefill"]


class _Run:
    def __init__(
        self,
        config: Config,
        refs: Sequence[CatalogRef],
        engine: str,
        url: str,
        dry_run: bool,
        progress: Callable[[ProgressEvent], None] | None,
        cache: Cache | None = None,
    ):
        self.config = config
        self.engine_name = engine
        self.url = url
        self.dry_run = dry_run
        self.progress = progress
        self.langs = list(dict.fromkeys(ref.lang for ref in refs))
        self.digests: dict[str, str] = {}  # each catalog's, as found before any fill
        # no entry to fill: no catalog read, no engine loaded
        full = all_full(cache, refs, self.digests)
        self.spec = engine_spec_if_needed(
            engine, config.source_lang, tuple(self.langs), cache, needed=not full
        )
        self.pool = pool_settings(config)
        self.glossary: Glossary = load_glossary(config.glossary, source_lang=config.source_lang)
        self.cache = cache
        # in ``refs`` order: a catalog to fill, or (the cache knows it has no empty entry) one
        # only the translation memory reads; a file is filled once
        self.sources: list[CatalogFile | CatalogRef] = []
        self.real: dict[str, str] = {}  # a source's path -> the file it is
        if not full:
            real = real_paths([ref.path for ref in refs])
            unique = {real[ref.path]: ref for ref in refs}
            self.real = {ref.path: path for path, ref in unique.items()}
            self.sources = [
                ref if known_full(cache, ref, self.digests) else CatalogFile(ref)
                for ref in unique.values()
            ]
        self.catalogs = [c for c in self.sources if isinstance(c, CatalogFile)]
        self.counts = {lang: LangCounts(lang) for lang in self.langs}
        self.warnings: list[str] = []
        self.problems: list[Problem] = []
        self.units: dict[tuple[str, str], Unit] = {}
        self.total = 0
        self.done = 0
        self.requests = 0
        self.sent: set[tuple[str, str]] = set()  # (lang, text) that reached the provider
        self.started = time.monotonic()

    def plan_units(self) -> None:
        """Memory pass: fill what memory knows, collect the rest as units for MT."""
        if not self.catalogs:  # nothing to fill (the cache knows): no memory to build
            return
        recall = Recall(self.config, self.langs, self.sources, self.cache, self.real, self.digests)
        asked = [(cat.ref.lang, msgid) for cat in self.catalogs for msgid in cat.index]
        found = recall.lookups(list(dict.fromkeys(asked)))
        self.warnings.extend(recall.warnings)
        exact_fuzzy = self.config.tm.exact_fuzzy
        for cat in self.catalogs:
            counts = self.counts[cat.ref.lang]
            for msgid in cat.index:
                counts.empty += 1
                self.total += 1
                match = found[(cat.ref.lang, msgid)]
                if match is not None:
                    if match.exact:
                        counts.memory_exact += 1
                    else:
                        counts.memory_fuzzy += 1
                    self.done += 1
                    if not self.dry_run:
                        fuzzy = exact_fuzzy or not match.exact
                        prev = "" if match.exact else match.source
                        cat.fill(msgid, Fill(match.translation, match.comment, fuzzy, prev))
                    continue
                key = (cat.ref.lang, msgid)
                unit = self.units.get(key) or self._new_unit(cat.ref.lang, msgid)
                unit.targets.append(cat)

    def _new_unit(self, lang: str, msgid: str) -> Unit:
        fits = self.spec.fits
        unit = self.units[(lang, msgid)] = Unit.of(lang, msgid, glossary=self.glossary, fits=fits)
        return unit

    # ------------------------------------------------------------------ bookkeeping
    def emit(self, phase: str, message: str = "") -> None:
        if self.progress is None:
            return
        c = self.summed()
        self.progress(
            ProgressEvent(
                phase=phase,
                total=self.total,
                done=self.done,
                memory=c.memory,
                cache=c.cache,
                mt=c.mt,
                failed=c.failed + c.rejected + c.stopped + c.skipped,
                requests=self.requests,
                lang=",".join(self.langs),
                message=message,
            )
        )

    def summed(self) -> LangCounts:
        total = LangCounts("*")
        for counts in self.counts.values():
            total.add(counts)
        return total

    def close(self, unit: Unit, how: str, *, problem: str = "") -> None:
        """Count a finished unit once per entry it fills, and fill them (cache or mt)."""
        if not unit.open:
            return
        unit.open = False
        fill = None
        if how in ("cache", "mt"):
            try:
                text = unit.text()
            except LostMarker as exc:  # pieces are checked one by one: a safety net only
                how, problem = "rejected", f"{self.engine_name} answer {exc}"
            else:
                fill = Fill(text, f"mt: {self.engine_name}", True)
        counts = self.counts[unit.lang]
        for cat in unit.targets:
            setattr(counts, how, getattr(counts, how) + 1)
            self.done += 1
            if fill is not None and not self.dry_run:
                cat.fill(unit.msgid, fill)
                if cat.pending >= max(1, self.config.mt.batch):
                    cat.save()
        for cat in unit.targets if problem else ():
            entry = (cat.index.get(unit.msgid) or [None])[0]
            self.problems.append(
                Problem(
                    f"mt-{how}",
                    "warning",
                    problem,
                    release=cat.ref.release,
                    lang=unit.lang,
                    msgid=unit.msgid,
                    path=self.config.rel(cat.path),
                    line=int(getattr(entry, "linenum", 0) or 0),
                )
            )

    def refusal(self, unit: Unit, sent: str, reply: str | None) -> str:
        """Why an answer is refused ("" if it is good): empty, the source back, a lost marker."""
        if reply is None or not reply.strip():
            return "empty answer"
        if reply.strip() == sent.strip():
            return "the source came back unchanged"
        try:
            check_markers(sent, reply)
        except LostMarker as exc:
            lost = describe_lost(reply, unit.protected, among=sent)
            return f"answer {exc}" + (f" ({lost})" if lost else "")
        return ""

    # ------------------------------------------------------------------ cache and MT
    def from_cache(self, cache: MTCache) -> dict[tuple[str, str], list[tuple[Unit, int]]]:
        """Fill what needs no request; return the texts to send, with the pieces awaiting them."""
        waiting: dict[tuple[str, str], list[tuple[Unit, int]]] = {}
        for unit in self.units.values():
            if not unit.pieces or self.spec.make is None:
                self.close(unit, "skipped")
                continue
            for i, piece in enumerate(unit.pieces):
                hit = None if has_letters(piece.text) else piece.text  # markers only: kept
                if hit is None:
                    hit = cache.get(
                        self.engine_name, self.config.source_lang, unit.lang, piece.text
                    )
                if hit is None:
                    waiting.setdefault((unit.lang, piece.text), []).append((unit, i))
                else:
                    unit.replies[i] = hit
                    unit.missing -= 1
            if unit.missing == 0:
                self.close(unit, "cache")
        if not self.dry_run:
            for cat in self.catalogs:
                cat.save()
        self.emit("memory")
        return waiting

    def machine(
        self, cache: MTCache, waiting: dict[tuple[str, str], list[tuple[Unit, int]]]
    ) -> PoolReport:
        """Send what is left, concurrently; fill and save as answers arrive."""
        src, cfg = self.config.source_lang, self.config.mt
        from .engines import open_engine

        engines: dict[str, Engine] = {}
        for lang in dict.fromkeys(lang for lang, _ in waiting):
            engine = open_engine(
                self.engine_name, source=src, target=lang, url=self.url, timeout=cfg.timeout
            )
            assert engine is not None
            engines[lang] = engine
        sent = self.sent

        def on_result(outcome: Outcome) -> None:
            key: tuple[str, str] = outcome.job.key  # type: ignore[assignment]
            self.requests += outcome.attempts
            if not outcome.attempts:
                return  # never sent: the breaker had opened
            if outcome.error is None or outcome.error.kind != "offline":
                sent.add(key)  # it reached the provider
            lang, text = key
            error, reply = outcome.error, outcome.reply
            if error is not None and error.kind in ("offline", "quota", "rate"):
                return  # not this text's fault, the breaker is open: stopped, one warning line
            why = f"failed: {error.message}" if error is not None else ""
            if not why:
                refused = self.refusal(waiting[key][0][0], text, reply)
                why = f"refused: {refused}" if refused else ""
            if not why:  # the cache first: it is what a killed run resumes from
                cache.put(self.engine_name, src, lang, text, str(reply))
            for unit, i in waiting[key]:
                if not unit.open:
                    continue
                if why and error is not None:
                    self.close(unit, "failed", problem=f"{self.engine_name} {why}")
                    continue
                if why:  # described per unit: the same markers may stand for other values
                    why = f"refused: {self.refusal(unit, text, reply)}"
                    self.close(unit, "rejected", problem=f"{self.engine_name} {why}")
                    continue
                unit.replies[i] = reply
                unit.missing -= 1
                if unit.missing == 0:
                    self.close(unit, "mt")
            self.emit("mt")

        try:
            report = run_jobs(
                [Job(key, key[1], engines[key[0]].translate) for key in waiting],
                on_result,
                **self.pool,
            )
        finally:  # Ctrl-C included: what arrived is written (and is in the cache anyway)
            for cat in self.catalogs:
                cat.save()
            for engine in engines.values():
                engine.close()
        for waiters in waiting.values():
            for unit, _ in waiters:
                self.close(unit, "stopped")
        return report

    def plan(self, waiting: dict[tuple[str, str], list[tuple[Unit, int]]]) -> tuple[PlanRow, ...]:
        rows = []
        for lang in self.langs:
            c = self.counts[lang]
            units = {id(u): u for (lg, _), ws in waiting.items() if lg == lang for u, _ in ws}
            texts = [t for lg, t in waiting if lg == lang]
            rows.append(PlanRow(lang, "memory", c.memory, 0))
            rows.append(PlanRow(lang, "cache", c.cache, 0))
            rows.append(
                PlanRow(
                    lang,
                    self.engine_name,
                    sum(len(u.targets) for u in units.values()),
                    sum(len(t) for t in texts),
                    len(texts),
                )
            )
        return tuple(rows)


def prefill(
    config: Config,
    refs: Sequence[CatalogRef],
    *,
    engine: str | None = None,
    url: str | None = None,
    dry_run: bool = False,
    progress: Callable[[ProgressEvent], None] | None = None,
    incremental: Cache | None = None,
) -> PrefillResult:
    """Fill the empty entries of ``refs``: memory, then cache, then MT. Never prints.

    With the ``incremental`` cache, a run where every catalog is, by content, one that
    had no empty entry when last read reads none of them; each catalog read and left as it was
    is recorded with its count of empty entries.

    Raises EngineError for an unknown engine, one that cannot translate the languages, or one
    without its API key; CatalogError for a catalog that cannot be read. Network trouble is
    never an exception: it ends in ``warnings`` and ``stopped_reason``.
    """
    name = (engine or config.mt.engine or "google").strip().lower()
    if url is None:  # the configured address belongs to the configured engine only
        url = config.mt.url if name == (config.mt.engine or "google").strip().lower() else ""
    run = _Run(config, refs, name, url, dry_run, progress, incremental)
    run.plan_units()
    cache_path = cache_file(config)
    shown = config.rel(cache_path) if cache_path is not None else ""
    cache = MTCache(cache_path, readonly=dry_run, shown=shown)
    report = PoolReport(0, "", 0.0)
    plan: tuple[PlanRow, ...] = ()
    try:
        waiting = run.from_cache(cache)
        if dry_run:
            plan = run.plan(waiting)
        elif waiting:
            report = run.machine(cache, waiting)
    finally:
        if cache.warning:
            run.warnings.append(cache.warning)
        cache.close()
    total = run.summed()
    warnings = run.warnings + [c.problem for c in run.catalogs if c.problem]
    stopped = report.stopped_reason
    if stopped and total.stopped:
        warnings.append(f"{stopped}: machine translation skipped for {total.stopped} units")
    for how, verb in (("failed", "failed"), ("rejected", "were refused")):
        n = getattr(total, how)
        if n:
            first = next(p.message for p in run.problems if p.check == f"mt-{how}")
            warnings.append(f"{n} units {verb} (e.g. {first})")
    run.emit("done")
    if incremental is not None and not dry_run:
        for cat in run.catalogs:
            if not cat.written:
                empty = sum(len(entries) for entries in cat.index.values())
                incremental.put("prefill", cat.ref.path, empty_key(cat.digest), empty)
    return PrefillResult(
        engine=name,
        dry_run=dry_run,
        langs=tuple(run.counts[lang] for lang in run.langs),
        total=total,
        requests=report.requests,
        texts=len(run.sent),
        characters=sum(len(t) for _, t in run.sent),
        seconds=round(time.monotonic() - run.started, 3),
        waited=round(report.waited, 3),
        warnings=tuple(warnings),
        problems=tuple(run.problems),
        stopped_reason=stopped,
        plan=plan,
        written=tuple(config.rel(c.path) for c in run.catalogs if c.written),
    )
