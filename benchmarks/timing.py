"""Timing commands as processes, wall and CPU: what the benchmarks that compare pressflow with
another tool share. CPU time is user + system of every child process (``getrusage``), the figure
that holds on a busy machine; ``one_core`` confines a command to one core (a fair comparison
with a single-threaded tool)."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float

    def __str__(self) -> str:
        return f"{self.wall:6.2f} ({self.cpu:5.2f})"


class Trash:
    """Where outputs go when a command is done with them: moved (one rename), deleted only by
    ``empty`` at the end, so that no timed command creates files beside thousands just freed
    (see newsroom.py's docstring)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder  # (on the file system of what it takes: a rename)
        self.count = 0

    def discard(self, path: Path) -> None:
        if path.exists():
            self.folder.mkdir(parents=True, exist_ok=True)
            self.count += 1
            path.rename(self.folder / f"{self.count}-{path.name}")

    def empty(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def command(cmd: Sequence[str], *, cwd: Path, one_core: bool = False) -> Callable[[], None]:
    """A process to time; with ``one_core`` confined to one core (as ``--jobs 1``)."""

    def confine() -> None:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    def go() -> None:
        done = subprocess.run(
            list(cmd),
            cwd=cwd,
            capture_output=True,
            text=True,
            preexec_fn=confine if one_core else None,
            env={**os.environ, "NO_COLOR": "1"},
        )
        if done.returncode not in (0, 1):  # 1: a check's verdict, still a full run
            sys.exit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.strip()[-800:]}")

    return go


def measure(
    action: Callable[[], None], *, runs: int = 1, before: Callable[[], None] | None = None
) -> Timing:
    """Median (by wall time) of ``runs`` runs of ``action``, ``before`` untimed each time."""
    samples = []
    for _ in range(runs):
        if before is not None:
            before()
        cpu, start = _children_cpu(), time.perf_counter()
        action()
        samples.append(Timing(time.perf_counter() - start, _children_cpu() - cpu))
    return sorted(samples, key=lambda t: t.wall)[len(samples) // 2]


def best_of(
    sides: dict[str, tuple[Callable[[], None], Callable[[], None] | None]], *, rounds: int
) -> dict[str, Timing]:
    """Each side's best wall and best CPU over ``rounds`` rounds, the sides interleaved within a
    round (``before`` untimed each time). Noise on a shared machine only ever adds time, and
    interleaving spreads a slow minute over every side instead of one: translate-toolkit's own
    CPU on the same pages moved by a third between single runs here."""
    samples: dict[str, list[Timing]] = {name: [] for name in sides}
    for _ in range(rounds):
        for name, (action, before) in sides.items():
            samples[name].append(measure(action, before=before))
    return {
        name: Timing(min(t.wall for t in got), min(t.cpu for t in got))
        for name, got in samples.items()
    }


def both(*actions: Callable[[], None]) -> Callable[[], None]:
    def go() -> None:
        for action in actions:
            action()

    return go


#: What any tool must do for one template per release, and nothing else: read each release and
#: write one file of its size (argv: releases folder, output folder). Its CPU is the floor the
#: machine's file system puts under both tools.
FLOOR = """
import os, sys
src, out = sys.argv[1], sys.argv[2]
for name in sorted(os.listdir(src)):
    with open(os.path.join(src, name), "rb") as f:
        data = f.read()
    with open(os.path.join(out, name + ".pot"), "wb") as f:
        f.write(data)
"""


def floor(releases: Path, out: Path) -> Callable[[], None]:
    return command([sys.executable, "-c", FLOOR, str(releases), str(out)], cwd=out)
