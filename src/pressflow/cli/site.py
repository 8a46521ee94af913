"""The site commands: new (a release to write), build (the pages) and run (everything)."""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .. import pipeline
from ..errors import EXIT_OK
from .base import EngineOpt, UrlOpt, app, config_of, err, say, warn


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
    from ..draft import create_release

    config = config_of(ctx)
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
    from ..progress import render_build, ticking

    config = config_of(ctx)
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
    from ..progress import render_build, render_prefill, run_with_progress, ticking
    from ..qa import report

    config = config_of(ctx)
    with ticking(err, "update", "releases") as tick:
        updated = pipeline.update(config, tick=tick)
    warn(updated.problems)
    err.print(updated.summary(), markup=False)
    filled = run_with_progress(
        lambda progress: pipeline.prefill(config, engine=engine, url=engine_url, progress=progress),
        console=err,
        enabled=True,
    )
    render_prefill(filled, console=err)
    with ticking(err, "check", "catalogs") as tick:
        checked = pipeline.check(config, tick=tick)
    say(err, report.render(result=checked, fmt="summary"))
    with ticking(err, "build", "releases") as tick:
        built = pipeline.build(config, checked=checked, tick=tick)  # checked once, not twice
    render_build(built, console=err)
    return EXIT_OK
