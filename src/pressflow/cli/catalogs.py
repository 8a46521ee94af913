"""The catalog commands: segment, extract, update, prefill, check and status."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from .. import pipeline
from ..config import find_config
from ..errors import EXIT_FAILED, EXIT_OK
from ..terminal import plain_rows, printable
from .base import (
    EngineOpt,
    LangOpt,
    ReleaseOpt,
    ReportFormat,
    SegmentFormat,
    UrlOpt,
    app,
    config_of,
    err,
    out,
    warn,
)


@app.command(epilog="Example: pressflow segment releases/2018-07-03-lsg-forum.txt --format jsonl")
def segment(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A release file (.txt, .md or .html).")],
    fmt: Annotated[SegmentFormat, typer.Option("--format", "-f")] = SegmentFormat.text,
) -> int:
    """Print the translatable units of one release, one per line (or one JSON object each)."""
    # a loose file outside any project is fine; a project's broken pressflow.toml is not
    within = ctx.obj is not None or find_config(Path.cwd().resolve()) is not None
    config = config_of(ctx) if within else None
    result = pipeline.segment_file(file, config=config)
    for seg in result.segments:
        if fmt is SegmentFormat.jsonl:
            record = {
                "text": seg.text,
                "kind": seg.kind,
                "block": seg.block,
                "index": seg.index,
                "line": seg.line,
                "flags": list(seg.flags),
            }
            out.print(json.dumps(record, ensure_ascii=False), markup=False)
        else:
            out.print(seg.text, markup=False)
    warn(pipeline.foreign_warnings(result.release, result.segments))
    return EXIT_OK


@app.command(epilog="Example: pressflow extract")
def extract(ctx: typer.Context, release: ReleaseOpt = None) -> int:
    """Segment the releases and write one POT template per release."""
    result = pipeline.extract(config_of(ctx), releases=release or ())
    warn(result.problems)
    err.print(result.summary())
    return EXIT_OK


@app.command(epilog="Example: pressflow update --check   (CI: exit 1 when a catalog is stale)")
def update(
    ctx: typer.Context,
    lang: LangOpt = None,
    release: ReleaseOpt = None,
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 if a catalog is out of date.")
    ] = False,
    prune: Annotated[
        bool,
        typer.Option(
            "--prune",
            help="Move the catalogs of releases that are gone into .attic/ (never deleted; "
            "the translation memory still reads them).",
        ),
    ] = False,
) -> int:
    """Re-extract and merge templates into the PO files, the way msgmerge --previous does."""
    from ..progress import ticking

    config = config_of(ctx)
    with ticking(err, "update", "releases") as tick:
        result = pipeline.update(
            config, langs=lang, releases=release or (), check_only=check, prune=prune, tick=tick
        )
    warn(result.problems)
    if check:
        for change in result.outdated:
            err.print(f"{change.path}: out of date with its release", markup=False)
    for moved in result.pruned:
        err.print(f"{moved.source}: release gone, moved to {moved.target}", markup=False)
    err.print(result.summary(), markup=False)
    return result.exit_code


@app.command(epilog="Example: pressflow prefill --lang ru --engine google --dry-run")
def prefill(
    ctx: typer.Context,
    lang: LangOpt = None,
    engine: EngineOpt = None,
    engine_url: UrlOpt = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Count units and characters; send nothing.")
    ] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 when MT failed or was stopped.")
    ] = False,
) -> int:
    """Fill empty entries from the translation memory, then by MT; always fuzzy, with provenance."""
    from ..progress import render_prefill, run_with_progress

    config = config_of(ctx)
    result = run_with_progress(
        lambda progress: pipeline.prefill(
            config, langs=lang, engine=engine, url=engine_url, dry_run=dry_run, progress=progress
        ),
        console=err,
        enabled=not dry_run,
    )
    render_prefill(result, console=err)
    failed = bool(getattr(result, "failed", 0)) or bool(getattr(result, "stopped_reason", ""))
    return EXIT_FAILED if strict and failed else EXIT_OK


@app.command(epilog="Example: pressflow check --min-translated 100 --format json")
def check(
    ctx: typer.Context,
    lang: LangOpt = None,
    release: ReleaseOpt = None,
    min_translated: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option("--min-translated", min=0, max=100, help="Gate: percent translated."),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail the gate too.")] = False,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f")] = ReportFormat.table,
    list_checks: Annotated[
        bool,
        typer.Option(
            "--list-checks",
            help="List the check codes (for '# pressflow: ignore-<code>') and exit.",
        ),
    ] = False,
) -> int:
    """Completeness and quality of the translations; the CI gate."""
    from ..qa import report

    if list_checks:
        from ..qa import listing

        listings = listing.check_listings()
        if out.is_terminal and out.width >= listing.CHECKS_TABLE_WIDTH:
            out.print(listing.checks_table(listings))
        else:
            sys.stdout.write(printable(listing.checks_text(listings, width=min(out.width, 100))))
        return EXIT_OK
    from ..progress import ticking

    config = config_of(ctx)
    with ticking(err, "check", "catalogs") as tick:
        result = pipeline.check(
            config,
            langs=lang,
            releases=release or (),
            min_translated=min_translated,
            strict=strict or None,
            tick=tick,
        )
    table = fmt is ReportFormat.table
    rendered = report.render(result, "lines" if table and not out.is_terminal else fmt.value)
    if isinstance(rendered, str):
        shown = printable(rendered)
        sys.stdout.write(shown if shown.endswith("\n") or not shown else shown + "\n")
    else:
        out.print(rendered)
    _append_step_summary(report.step_summary(result))
    return EXIT_OK if result.passed else EXIT_FAILED


def _append_step_summary(markdown: str) -> None:
    """On GitHub Actions, add the check's summary table to the job's summary page."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with open(target, "a", encoding="utf-8") as summary:  # the runner's file: append only
            summary.write(markdown)
    except OSError as exc:
        err.print(f"warning: cannot write the step summary: {exc.strerror}", markup=False)


@app.command(epilog="Example: pressflow status --html status.html")
def status(
    ctx: typer.Context,
    html: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--html", help="Also write a self-contained progress page here."),
    ] = None,
) -> int:
    """One table of every release and language: translated, fuzzy, untranslated, problems."""
    from ..progress import ticking
    from ..qa import report
    from ..qa import status as status_page

    config = config_of(ctx)
    with ticking(err, "status", "catalogs") as tick:
        result = pipeline.check(config, tick=tick)
    fast = None
    if not out.is_terminal:  # the text Rich would print, without making thousands of cells
        right = [name not in report.NAME_COLUMNS for name in report.STATUS_COLUMNS]
        rows = report.status_rows(result)
        fast = plain_rows(report.STATUS_COLUMNS, rows, right=right, width=out.width)
    if fast is not None:
        sys.stdout.write(fast)
    else:
        out.print(report.render(result, "status"))
    if html is not None:
        status_page.write_html(result, html)
        err.print(f"status: wrote {html}", markup=False)
    return EXIT_OK
