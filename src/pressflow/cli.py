"""The ``pressflow`` command: Typer over :mod:`pressflow.pipeline`.

A command parses its options, calls one pipeline function, renders the result and returns the exit
code: 0 success, 1 a gate or an error-severity check failed, 2 bad input or usage. Reports for
machines go to stdout; messages for people go to stderr.
"""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from . import __version__, pipeline
from .config import Config, find_config
from .errors import EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, PressflowError
from .model import Problem
from .terminal import SafeConsole, plain_rows, printable

try:  # typer >= 0.20 vendors click and exposes the base of its usage errors
    from typer import TyperException as UsageProblem
except ImportError:  # pragma: no cover - older typer on real click
    from click import ClickException as UsageProblem

EXIT_CODES = (
    "Exit codes: 0 success; 1 a gate or an error-severity check failed; 2 bad input or usage."
)

app = typer.Typer(
    name="pressflow",
    help="Kyrgyz press releases to Russian and English through gettext catalogs.\n\n" + EXIT_CODES,
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion [bash|zsh|fish|powershell]
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


def plain_output() -> bool:
    """NO_COLOR (https://no-color.org: set and not empty) or TERM=dumb: no escape sequence at
    all, not even bold. A pipe or a file gets none either: rich sees it is not a terminal."""
    return bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"


def _console(*, stderr: bool) -> Console:
    plain = plain_output()
    return SafeConsole(  # release text may hold escape sequences: never raw to a terminal
        stderr=stderr,
        highlight=False,
        soft_wrap=True,
        no_color=plain,
        color_system=None if plain else "auto",
    )


err = _console(stderr=True)
out = _console(stderr=False)


class SegmentFormat(str, Enum):
    text = "text"
    jsonl = "jsonl"


class ReportFormat(str, Enum):
    table = "table"
    json = "json"
    junit = "junit"
    github = "github"


LangOpt = Annotated[
    Optional[list[str]],  # noqa: UP045 - typer needs Optional at runtime on 3.10
    typer.Option("--lang", "-l", help="Target language (repeatable); default: all targets."),
]
ReleaseOpt = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option("--release", "-r", help="Only this release slug (repeatable)."),
]
EngineOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--engine", help="MT engine: google, mymemory, yandex, microsoft or none."),
]
UrlOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--engine-url", help="Send MT requests to this address (mirror, proxy, test)."),
]


def _show_version(value: bool) -> None:
    if value:
        out.print(f"pressflow {__version__}", markup=False)
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    ctx: typer.Context,
    project: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--project", "-C", help="Project folder (default: nearest pressflow.toml)."),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_show_version, is_eager=True, help="Print the version."
        ),
    ] = False,
) -> None:
    ctx.obj = project


def _config(ctx: typer.Context) -> Config:
    return pipeline.open_project(ctx.obj)


def _where(problem: Problem) -> str:
    if problem.path and problem.line:
        return f"{problem.path}:{problem.line}: "
    return f"{problem.path}: " if problem.path else ""


def _warn(problems: list[Problem]) -> None:
    for p in problems:
        err.print(f"{_where(p)}{p.severity}: {p.message} [{p.check}]", markup=False)


# --------------------------------------------------------------------------- commands


@app.command(epilog="Example: pressflow segment releases/2018-07-03-lsg-forum.txt --format jsonl")
def segment(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A release file (.txt, .md or .html).")],
    fmt: Annotated[SegmentFormat, typer.Option("--format", "-f")] = SegmentFormat.text,
) -> int:
    """Print the translatable units of one release, one per line (or one JSON object each)."""
    # a loose file outside any project is fine; a project's broken pressflow.toml is not
    within = ctx.obj is not None or find_config(Path.cwd().resolve()) is not None
    config = _config(ctx) if within else None
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
    _warn(pipeline.foreign_warnings(result.release, result.segments))
    return EXIT_OK


@app.command(epilog="Example: pressflow extract")
def extract(ctx: typer.Context, release: ReleaseOpt = None) -> int:
    """Segment the releases and write one POT template per release."""
    result = pipeline.extract(_config(ctx), releases=release or ())
    _warn(result.problems)
    changed = sum(c.changed for c in result.templates)
    templates = len(result.templates)
    err.print(f"extract: {templates} templates, {result.units} units, {changed} written")
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
    from .progress import ticking

    config = _config(ctx)
    with ticking(err, "update", "releases") as tick:
        result = pipeline.update(
            config, langs=lang, releases=release or (), check_only=check, prune=prune, tick=tick
        )
    _warn(result.problems)
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
    from .progress import render_prefill, run_with_progress

    config = _config(ctx)
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
    from .qa import report

    if list_checks:
        out.print(report.checks_table())
        return EXIT_OK
    from .progress import ticking

    config = _config(ctx)
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
    from .progress import ticking
    from .qa import report
    from .qa import status as status_page

    config = _config(ctx)
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


class DraftFormat(str, Enum):
    md = "md"
    txt = "txt"


@app.command("new", epilog='Example: pressflow new "Жергиликтүү өз алдынча башкаруу форуму" --edit')
def new_release(
    ctx: typer.Context,
    title: Annotated[str, typer.Argument(help="The release's title, in Kyrgyz.")],
    fmt: Annotated[
        DraftFormat, typer.Option("--format", "-f", help="md (front matter) or txt.")
    ] = DraftFormat.md,
    slug: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--slug", help="The file's name instead of <date>-<romanised title>."),
    ] = None,
    edit: Annotated[bool, typer.Option("--edit", help="Open it in $VISUAL or $EDITOR.")] = False,
) -> int:
    """Start a release: releases/<date>-<slug>.md with title, date, time and a skeleton."""
    from .draft import create_release

    config = _config(ctx)
    draft = create_release(config, title, fmt=fmt.value, slug=slug)
    shown = config.rel(draft.path)
    err.print(f"new: created {shown}", markup=False)
    if edit:
        _open_editor(draft.path)
    err.print(
        "next: write the text, then\n"
        f"  pressflow segment {shown}   # the units translators will get\n"
        "  pressflow update              # its template and ru/en catalogs\n"
        "  pressflow prefill             # memory and MT, fuzzy, for review",
        markup=False,
    )
    return EXIT_OK


def _open_editor(path: Path) -> None:
    import shlex
    import subprocess

    command = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if not command:
        err.print("warning: --edit: set $EDITOR (or $VISUAL) to your editor", markup=False)
        return
    try:
        subprocess.run([*shlex.split(command), str(path)], check=False)
    except OSError as exc:
        err.print(f"warning: --edit: cannot run {command!r}: {exc.strerror}", markup=False)


@app.command(epilog="Example: pressflow build --out site --allow-partial")
def build(
    ctx: typer.Context,
    out_dir: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--out", "-o", help="Output folder (default from pressflow.toml: site)."),
    ] = None,
    allow_partial: Annotated[
        bool,
        typer.Option("--allow-partial", help="Publish incomplete languages with marked fallback."),
    ] = False,
    withdraw_partial: Annotated[
        bool,
        typer.Option(
            "--withdraw-partial",
            help="Remove pages published earlier that this build does not publish (below the"
            " threshold, or held back by check) instead of keeping them.",
        ),
    ] = False,
) -> int:
    """Write the trilingual site: pages, paginated indexes, year archives, Atom feeds."""
    from .progress import render_build, ticking

    config = _config(ctx)
    with ticking(err, "build", "releases") as tick:
        result = pipeline.build(
            config,
            out=out_dir,
            allow_partial=allow_partial,
            withdraw_partial=withdraw_partial,
            tick=tick,
        )
    render_build(result, console=err)
    return EXIT_OK


@app.command(epilog="Example: pressflow run   (works offline: MT is skipped with one warning)")
def run(ctx: typer.Context, engine: EngineOpt = None, engine_url: UrlOpt = None) -> int:
    """update, prefill, check (report only) and build, in that order."""
    from .progress import render_build, render_prefill, run_with_progress, ticking
    from .qa import report

    config = _config(ctx)
    with ticking(err, "update", "releases") as tick:
        updated = pipeline.update(config, tick=tick)
    _warn(updated.problems)
    err.print(updated.summary(), markup=False)
    filled = run_with_progress(
        lambda progress: pipeline.prefill(config, engine=engine, url=engine_url, progress=progress),
        console=err,
        enabled=True,
    )
    render_prefill(filled, console=err)
    with ticking(err, "check", "catalogs") as tick:
        checked = pipeline.check(config, tick=tick)
    err.print(report.render(result=checked, fmt="summary"), markup=False)
    with ticking(err, "build", "releases") as tick:
        built = pipeline.build(config, checked=checked, tick=tick)  # checked once, not twice
    render_build(built, console=err)
    return EXIT_OK


def main() -> None:
    """Console entry point: one line and a documented exit code for every user error."""
    try:
        code = app(prog_name="pressflow", standalone_mode=False)
    except PressflowError as exc:
        err.print(f"pressflow: error: {exc.shown(os.getcwd())}", markup=False)
        sys.exit(exc.exit_code)
    except typer.Abort:
        err.print("pressflow: aborted")
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except UsageProblem as exc:
        exc.show()  # type: ignore[attr-defined]
        sys.exit(EXIT_BAD_INPUT)
    except KeyboardInterrupt:
        err.print("pressflow: interrupted")
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    main()
