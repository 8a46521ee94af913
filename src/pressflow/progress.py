"""How long-running stages look to a person: progress (a rich bar on a terminal, a plain line
every few seconds in a log) and the short summaries of prefill and build.

Kept out of pressflow.cli so that the CLI stays a thin layer of options, and out of the pipeline so
that the pipeline never prints.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

from .errors import shown_path

if TYPE_CHECKING:
    from rich.console import Console

    from .mt.results import PrefillResult, ProgressEvent
    from .render.model import BuildResult

# Rich is imported where a bar or a table is drawn: a command whose progress goes to a log
# (``update`` in a hook or CI) prints plain lines, and loading Rich is a tenth of its start-up.

T = TypeVar("T")


#: seconds between two progress lines when stderr is not a terminal (a pipe, a CI log); a
#: command done sooner prints none. PRESSFLOW_PROGRESS_SECONDS overrides it (0: every step).
LINE_EVERY = 5.0


def _line_every() -> float:
    try:
        return max(0.0, float(os.environ.get("PRESSFLOW_PROGRESS_SECONDS", LINE_EVERY)))
    except ValueError:
        return LINE_EVERY


class _Lines:
    """Progress for a log: one plain line at most every few seconds, never a control character
    (a carriage return or a cursor movement would garble a CI log or a pipe)."""

    def __init__(self, say: Callable[[str], None], every: float):
        self.say = say
        self.every = every
        self.last = time.monotonic()

    def due(self) -> bool:
        now = time.monotonic()
        if now - self.last < self.every:
            return False
        self.last = now
        return True


def _say(console: Console) -> Callable[[str], None]:
    return lambda text: console.print(text, markup=False, highlight=False)


def plain_ticks(say: Callable[[str], None], label: str, unit: str) -> Callable[[int, int], None]:
    """``ticking``'s ``tick`` for a log: ``label: done/total unit`` lines, passed to ``say``
    every few seconds (a console's print, or a plain write where Rich is not loaded)."""
    lines = _Lines(say, _line_every())

    def line(done: int, total: int) -> None:
        if lines.due():
            lines.say(f"{label}: {done}/{total} {unit}")

    return line


@contextmanager
def ticking(console: Console, label: str, unit: str) -> Iterator[Callable[[int, int], None]]:
    """A ``tick(done, total)`` for a pipeline stage: a transient rich bar on a terminal, else
    ``label: done/total unit`` lines every few seconds."""
    if not console.is_terminal:
        yield plain_ticks(_say(console), label, unit)
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn(f"[bold]{label}[/]"), BarColumn(), MofNCompleteColumn(), TextColumn(unit))
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(label, total=None)

        def tick(done: int, total: int) -> None:
            bar.update(task, total=total, completed=done)

        yield tick


def _prefill_line(event: ProgressEvent) -> str:
    return (
        f"prefill {event.lang}: {event.done}/{event.total or '?'} units (memory {event.memory}, "
        f"cache {event.cache}, mt {event.mt}, failed {event.failed})"
    )


def run_with_progress(
    job: Callable[[Callable[[object], None] | None], T], *, console: Console, enabled: bool
) -> T:
    """Run ``job(progress)`` with a progress bar on ``console`` on a terminal, or a plain line
    every few seconds elsewhere."""
    from .mt.results import ProgressEvent

    if not enabled:
        return job(None)
    if not console.is_terminal:
        lines = _Lines(_say(console), _line_every())

        def line(event: object) -> None:
            if isinstance(event, ProgressEvent) and lines.due():
                lines.say(_prefill_line(event))

        return job(line)
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

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
        from rich.table import Table

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
