"""The catalog stages: ``extract`` (templates) and ``update`` (templates and PO files), with the
stamps that let a run with nothing to do answer from a few ``stat`` calls."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..cache import stat_key
from ..config import Config
from ..errors import SlugError, UsageError
from ..files import CONFIG_NAME, WriteBatch, listing, remove_stale_temporaries
from ..lock import project_lock
from ..model import Problem
from ..po.orphans import ORPHAN_CODE, Orphan, find_orphans, orphan_problems
from ..po.orphans import prune as prune_orphans
from ..results import ExtractResult, FileChange, UpdateResult
from .project import Tick, rel_under, release_paths, slug_clash, target_languages

if TYPE_CHECKING:
    from ..parallel import Extracted, Outcome
    from ..po.stamps import Stamps

# Heavy modules (polib, the segmenter, QA, MT, lxml) are imported by the functions using them:
# start-up is part of every command, and ``update`` with nothing changed needs none of them.
PARALLEL_FROM = 200  # stale releases from which a process pool pays for its start-up


def orphaned(config: Config, known: Collection[str], langs: Sequence[str] = ()) -> list[Orphan]:
    """Templates (and the PO files of ``langs``) whose slug no release has any more."""
    return find_orphans(config, known, langs=langs)


class _Owners:
    """Which release file (as shown) owns each slug: the releases skipped as unchanged, then
    each one processed. A skipped one's path is made only when its slug is claimed again (a
    clash, to name both): an edit among thousands makes one, not thousands."""

    def __init__(self, config: Config, fresh: Mapping[str, str]):
        self.config = config
        self.skipped = {slug: name for name, slug in fresh.items()}  # slug -> file name
        self.claimed: dict[str, str] = {}

    def claim(self, outcome: Outcome) -> SlugError | None:
        """Record that ``outcome``'s release owns its slug, or the error when another does."""
        slug, config = outcome.slug, self.config
        if slug not in self.claimed and slug in self.skipped:
            rel = rel_under(config, config.releases_dir)
            self.claimed[slug] = rel(config.releases_dir / self.skipped[slug])
        other = self.claimed.setdefault(slug, outcome.path)
        if other == outcome.path:
            return None
        return slug_clash(slug, other, outcome.path, root=config.root)


def _process(
    config: Config,
    paths: Sequence[Path],
    *,
    batch: WriteBatch,
    langs: tuple[str, ...] = (),
    write: bool = True,
    skipped: Mapping[str, str] | None = None,
    every: bool = True,
    parallel_from: int = PARALLEL_FROM,
    tick: Tick | None = None,
    vouched: Mapping[str, Extracted] | None = None,
    shown: Sequence[str] = (),
) -> tuple[ExtractResult, list[FileChange], list[Outcome]]:
    """Template each release (and merge it into its ``langs`` catalogs), staging what changed in
    ``batch`` in release order, each file only over the version that was read. Returns the
    extract result, the catalog changes and the outcome of each release processed. ``skipped``:
    file name -> slug of the releases left as they are; ``every``: all releases are among them
    or ``paths`` (then catalogs of no release are reported as orphans); ``vouched``: by file
    name, the releases whose template the extract cache vouches for (merged as written);
    ``shown``: each of ``paths`` as shown, if the caller made them. The work runs on every core
    for many releases. Two releases with one slug raise before
    anything is written."""
    templates: list[FileChange] = []
    catalogs: list[FileChange] = []
    problems: list[Problem] = []
    done: list[Outcome] = []
    failed: list[Outcome] = []
    clashes: list[SlugError] = []
    skipped = skipped or {}
    owners = _Owners(config, skipped)  # (slug clashes: only among new work)
    units = 0
    found: Iterable[Outcome] = ()
    if paths:  # nothing to do costs no import of polib, the segmenter, the merger
        from ..parallel import Job, Settings
        from ..pool import outcomes

        pot_rel = rel_under(config, config.translations_dir / "templates")
        po_rels = {lang: rel_under(config, config.translations_dir / lang) for lang in langs}
        vouched = vouched or {}
        if not shown:
            rel = rel_under(config, config.releases_dir, many=True)
            shown = [rel(p) for p in paths]
        jobs = [Job(p, name, vouched.get(p.name)) for p, name in zip(paths, shown, strict=True)]
        listed = {}
        for lang in ("", *langs):
            names = listing(config.catalog_folder(lang))
            if names is not None:
                listed[config.catalog_folder(lang)] = names
        settings = Settings(config, langs, write, listed)
        found = outcomes(jobs, settings, parallel_from=parallel_from)
    for number, outcome in enumerate(found, start=1):
        if tick is not None:
            tick(number, len(paths))
        if outcome.error is not None:
            failed.append(outcome)
            continue
        clash = owners.claim(outcome)
        if clash is not None:
            clashes.append(clash)
            continue
        units += outcome.units
        problems.extend(outcome.problems)
        done.append(outcome)
        for out in outcome.files:
            changed = out.changed
            if out.data is not None:
                changed = batch.write(out.path, out.data, expect=out.read)
            missing = out.read is None  # (no file had the name: not a symbolic link)
            if out.lang:
                shown = po_rels[out.lang](out.path, missing=missing)
                catalogs.append(FileChange(shown, changed, outcome.slug, out.lang))
            else:
                shown = pot_rel(out.path, missing=missing)
                templates.append(FileChange(shown, changed, outcome.slug))
    if failed:
        from ..pool import first_error

        raise first_error(failed)
    if clashes:
        raise clashes[0]
    templates.extend(_unchanged(config, skipped.values()))
    if every:  # catalogs of releases not asked about are not orphans
        known = {o.slug for o in done} | set(skipped.values())
        problems.extend(orphan_problems(config, orphaned(config, known, langs)))
    return ExtractResult(templates, units, problems), catalogs, done


def _unchanged(
    config: Config, slugs: Collection[str], langs: Sequence[str] = ()
) -> list[FileChange]:
    """The template (no ``langs``) or the catalogs of skipped releases, all unchanged."""
    folder = config.rel(config.translations_dir)  # once: rel() resolves, skipped ones are many
    if not langs:
        return [FileChange(f"{folder}/templates/{slug}.pot", False, slug) for slug in sorted(slugs)]
    return [
        FileChange(f"{folder}/{lang}/{slug}.po", False, slug, lang)
        for slug in sorted(slugs)
        for lang in langs
    ]


def clean_temporaries(config: Config) -> None:
    """Remove what an interrupted run (``kill -9``) left: only while holding the project lock."""
    folders = [config.translations_dir / "templates"]
    folders += [config.translations_dir / lang for lang in config.target_langs]
    for folder in folders:
        remove_stale_temporaries(folder)


def extract(
    config: Config, *, releases: Collection[str] = (), parallel_from: int = PARALLEL_FROM
) -> ExtractResult:
    """Segment every release and write its POT template (only when its bytes change).

    A release whose source and template are, by content, as the last extract left them is
    taken from the cache (its units and findings too). From ``parallel_from`` releases on, the
    work is spread over every core (same files).
    """
    from ..cache import Cache
    from ..incremental import extract_records, record_extracts

    with project_lock(config.root, "extract"):
        clean_temporaries(config)
        cache = Cache.load(config.root)
        paths = release_paths(config, releases)
        rel = rel_under(config, config.releases_dir, many=True)
        pairs = [(p, rel(p)) for p in paths]
        known = extract_records(config, cache, pairs)
        todo = [(p, shown) for p, shown in pairs if p.name not in known]
        with WriteBatch(stats=False) as batch:  # (no stamps: the files' stats are not kept)
            result, _, done = _process(
                config,
                [p for p, _ in todo],
                batch=batch,
                skipped={name: record["slug"] for name, record in known.items()},
                every=not releases,
                parallel_from=parallel_from,
                shown=[shown for _, shown in todo],
            )
            batch.flush()  # the disk writes the templates while their records are made
            record_extracts(config, cache, done)
        cache.save()
    if not known:
        return result
    from ..incremental import stored_problems

    # the findings in release order, as a full extract lists them, then those about orphans
    made = {o.name: list(o.problems) for o in done}
    orphans = result.problems[sum(len(p) for p in made.values()) :]
    problems = [
        p
        for path in paths
        for p in (
            made.get(path.name, []) if path.name not in known else stored_problems(known[path.name])
        )
    ]
    units = result.units + sum(int(r["units"]) for r in known.values())
    return ExtractResult(result.templates, units, problems + orphans)


def _stale_paths(
    config: Config, stamps: Stamps, only: Collection[str]
) -> tuple[list[Path], dict[str, str]]:
    """Releases to process, and (file name -> slug) those skipped because their source and
    catalogs are exactly as pressflow last wrote them (see stamps.py): a run with nothing
    changed reads no release."""
    from ..po.stamps import fresh_releases

    paths = release_paths(config, only)
    fresh = fresh_releases(config, paths, stamps)
    return [p for p in paths if p.name not in fresh], fresh


def update(
    config: Config,
    *,
    langs: Sequence[str] | None = None,
    releases: Collection[str] = (),
    check_only: bool = False,
    prune: bool = False,
    parallel_from: int = PARALLEL_FROM,
    tick: Tick | None = None,
) -> UpdateResult:
    """Extract, then merge each template into its PO files the way ``msgmerge --previous`` does.

    With ``check_only`` nothing is written; the result lists what is out of date. With
    ``prune`` the catalogs of releases that are gone move to ``.attic/`` (see po/orphans.py).
    From ``parallel_from`` stale releases on, the work is spread over every core (same files).
    A catalog a translator saved while the run worked is merged again from the saved file.
    """
    if prune and (check_only or releases):
        raise UsageError("--prune looks at every release and writes: not with --check or -r")
    if check_only:
        return _update(config, langs, releases, check_only=True, parallel=parallel_from, tick=tick)
    with project_lock(config.root, "update"):
        clean_temporaries(config)
        result = _update(
            config, langs, releases, check_only=False, parallel=parallel_from, tick=tick
        )
        if not prune:
            return result
        known = {c.release for c in result.extract.templates}
        moved = prune_orphans(config, orphaned(config, known, target_languages(config, langs)))
        problems = [p for p in result.problems if p.check != ORPHAN_CODE]
        return replace(result, problems=problems, pruned=moved)


def _update(
    config: Config,
    langs: Sequence[str] | None,
    releases: Collection[str],
    *,
    check_only: bool,
    parallel: int,
    tick: Tick | None,
) -> UpdateResult:
    from ..po.stamps import Stamps, signature, signature_prefix  # (not an extract's)

    languages = target_languages(config, langs)
    stamps = Stamps.load(config.root)
    stale, fresh = _stale_paths(config, stamps, releases)
    vouched: Mapping[str, Extracted] = {}
    shown: list[str] = []
    if stale:  # templates an extract made (and left as they are) are merged as written
        from ..cache import Cache
        from ..incremental import vouched_templates

        rel = rel_under(config, config.releases_dir, many=True)
        shown = [rel(p) for p in stale]
        pairs = list(zip(stale, shown, strict=True))
        vouched = vouched_templates(config, Cache.load(config.root), pairs)
    with WriteBatch() as batch:  # one flush to disk for the whole run, not one per file
        extracted, changes, done = _process(
            config,
            stale,
            batch=batch,
            langs=languages,
            write=not check_only,
            skipped=fresh,
            every=not releases,
            parallel_from=parallel,
            tick=tick,
            vouched=vouched,
            shown=shown,
        )
    changes.extend(_unchanged(config, fresh.values(), languages))
    problems = list(extracted.problems)
    if check_only:
        return UpdateResult(extracted, changes, problems, check_only)
    conflicts = set(batch.conflicts)
    if conflicts:  # (nothing written, nothing to merge again: the merger is not even loaded)
        from ..parallel import Settings, merge_again

        settings = Settings(config, languages, True)
    stamped = tuple(languages) == tuple(config.target_langs)
    prefix = signature_prefix(config)
    for outcome in done:
        if any(out.path in conflicts for out in outcome.files):
            again, left = merge_again(outcome, settings)
            problems.extend(_left_as_saved(config, left))
            if stamped and not left:
                stamps.record(outcome.name, again.slug, again.stamp)
                stamps.forget_signature(outcome.name)  # the next run compares content
            continue
        if stamped:  # the files as written now: the next run may skip them
            parts = [
                stat_key(batch.stats[out.path])
                if out.path in batch.stats
                else (out.read.key if out.read else "-")
                for out in outcome.files
            ]
            source = outcome.source.key if outcome.source else "-"
            stamps.record(outcome.name, outcome.slug, outcome.stamp)
            stamps.see(outcome.name, signature(prefix, outcome.slug, [source, *parts]))
    if stamped:
        stamps.save()
    return UpdateResult(extracted, changes, problems, check_only)


def _left_as_saved(config: Config, paths: Iterable[Path | str]) -> list[Problem]:
    return [
        Problem(
            check="saved-meanwhile",
            severity="warning",
            message="saved by someone else while update ran, again and again: left as saved; "
            "run update again",
            path=config.rel(Path(path)),
        )
        for path in paths
    ]


def update_if_unchanged(config: Config, *, check_only: bool = False) -> UpdateResult | None:
    """What ``update`` (every language, every release) returns when it has nothing to do, found
    from the stamps and a few ``stat`` calls per release, with no catalog read and no polib,
    segmenter or merger imported; ``None`` when a release needs work or a template is orphaned
    (the caller then runs ``update``). A hook or CI step asking on every commit gets its answer
    in the time the question costs."""
    from ..answers import answer_name, remember_answer
    from ..po.stamps import Stamps, fresh_releases

    stamps = Stamps.load(config.root)
    paths = release_paths(config, ())
    # newest last (dated names): the release just edited or added is met first, and ends it
    fresh = fresh_releases(config, reversed(paths), stamps, until_stale=True)
    if len(fresh) < len(paths) or orphaned(config, set(fresh.values()), config.target_langs):
        return None
    fresh = {p.name: fresh[p.name] for p in paths}  # (in release order, as update lists them)
    if not check_only and stamps.changed:
        with project_lock(config.root, "update"):  # files touched but unchanged (a checkout):
            stamps.save()  # skipped faster next time
    extracted = ExtractResult(_unchanged(config, fresh.values()))
    changes = _unchanged(config, fresh.values(), config.target_langs)
    result = UpdateResult(extracted, changes, [], check_only)
    answer = {"summary": result.summary(), "exit_code": result.exit_code}
    command = ("update", "--check") if check_only else ("update",)
    remember_answer(config.root, answer_name(*command), answer, _inputs(config, fresh))
    return result


def _inputs(config: Config, fresh: Mapping[str, str]) -> list[str]:
    """Every file and folder ``update_if_unchanged``'s answer rests on: the project file, the
    stamps, the folders listed (releases, templates, each language: a file added, removed or
    renamed there changes their stat) and each release's source and catalogs."""
    from ..po.stamps import STAMPS_FILE, release_outputs

    folders = [config.releases_dir, config.translations_dir / "templates"]
    folders += [config.translations_dir / lang for lang in config.target_langs]
    found = [str(config.root / CONFIG_NAME), str(config.root / STAMPS_FILE)]
    found += [str(f) for f in (*folders, config.glossary) if f is not None]
    for name, slug in fresh.items():
        found += release_outputs(config, str(config.releases_dir / name), slug)
    return found
