"""How prefill and build results look to a person: a rich progress bar and short summaries.

Kept out of cli.py so that the CLI stays a thin layer of options, and out of the pipeline so
that the pipeline never prints.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TypeVar

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from .errors import shown_path
from .mt.results import PrefillResult, ProgressEvent
from .render.model import BuildResult

T = TypeVar("T")


def run_with_progress(
    job: Callable[[Callable[[object], None] | None], T], *, console: Console, enabled: bool
) -> T:
    """Run ``job(progress)`` with a progress bar on ``console`` (only on a terminal)."""
    if not enabled or not console.is_terminal:
        return job(None)
    columns = (
        TextColumn("[bold]prefill[/] {task.fields[lang]}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn(
            "memory {task.fields[memory]} · cache {task.fields[cache]} · "
            "mt {task.fields[mt]} · failed {task.fields[failed]}"
        ),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("prefill", total=None, lang="", memory=0, cache=0, mt=0, failed=0)

        def update(event: object) -> None:
            if isinstance(event, ProgressEvent):
                bar.update(
                    task,
                    total=event.total or None,
                    completed=event.done,
                    lang=event.lang,
                    memory=event.memory,
                    cache=event.cache,
                    mt=event.mt,
                    failed=event.failed,
                )

        return job(update)


def render_prefill(result: PrefillResult, *, console: Console) -> None:
    """A dry-run plan as a table, or a one-line summary per language, then warnings."""
    if result.dry_run:
        table = Table(title=f"prefill --dry-run (engine: {result.engine})")
        for name in ("lang", "from", "units", "characters", "requests"):
            table.add_column(name, justify="left" if name in ("lang", "from") else "right")
        for row in result.plan:
            table.add_row(
                row.lang, row.source, str(row.units), str(row.characters), str(row.requests)
            )
        console.print(table)
    else:
        for c in result.langs:
            console.print(
                f"prefill {c.lang}: {c.empty} empty, {c.memory_exact} memory exact, "
                f"{c.memory_fuzzy} memory fuzzy, {c.cache} cache, {c.mt} MT "
                f"({result.engine}), {c.failed + c.rejected} failed, {c.left} left",
                markup=False,
            )
        if result.requests:
            console.print(
                f"prefill: {result.requests} requests, {result.texts} texts, "
                f"{result.characters} characters in {result.seconds:.1f}s",
                markup=False,
            )
    for problem in result.problems:
        where = f"{problem.path}:{problem.line}: " if problem.line else f"{problem.path}: "
        console.print(f"{where}warning: {problem.message} [{problem.check}]", markup=False)
    for warning in result.warnings:
        console.print(f"warning: {warning}", markup=False)
    if result.stopped_reason and not any(result.stopped_reason in w for w in result.warnings):
        console.print(
            f"warning: machine translation stopped: {result.stopped_reason}", markup=False
        )


def render_build(result: BuildResult, *, console: Console) -> None:
    """What was written, what was held back and why, what is stale."""
    for held in result.held_back:
        console.print(f"build: held back {held.release} [{held.lang}]: {held.reason}", markup=False)
    if result.stale:
        console.print(
            f"warning: kept {len(result.stale)} page(s) published earlier that this build does"
            " not publish; 'pressflow build --withdraw-partial' removes them",
            markup=False,
        )
    if result.withdrawn:
        console.print(f"build: withdrew {len(result.withdrawn)} page(s)", markup=False)
    for release, lang in result.partial:
        console.print(
            f"build: {release} [{lang}] published with source-text fallback", markup=False
        )
    for warning in result.warnings:
        console.print(f"warning: {warning}", markup=False)
    out = shown_path(result.out, os.getcwd())
    console.print(
        f"build: {len(result.written)} written, {len(result.unchanged)} unchanged in {out}",
        markup=False,
    )
