"""Many releases worked on at once: ``parallel.work`` on every core for a run with many stale
releases, the outcomes streaming back in release order so that the caller writes meanwhile,
and the error a single process would have raised when some failed."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence

from .cores import cpu_count, die_with_parent
from .errors import PressflowError
from .parallel import FAN_OUT_UNITS, Job, Outcome, Settings, work

#: jobs are sent to the pool in this many chunks per worker: few enough that sending them costs
#: nothing much, many enough that the last one (a worker finishing while the other is idle) is
#: short, a hundredth of a second for 2,000 releases on two cores
CHUNKS_PER_WORKER = 32

_SETTINGS: Settings | None = None


def _start(settings: Settings, parent: int) -> None:
    global _SETTINGS
    _SETTINGS = settings
    die_with_parent(parent)


def _work_here(job: Job) -> Outcome:
    assert _SETTINGS is not None, "worker started without settings"
    return work(job, _SETTINGS)


def outcomes(jobs: Sequence[Job], settings: Settings, *, parallel_from: int) -> Iterator[Outcome]:
    """``work`` on every job, in the order of ``jobs``; on every core when there are at least
    ``parallel_from`` of them (results stream back in order, so the caller writes meanwhile)."""
    workers = min(cpu_count(), len(jobs))
    if len(jobs) < max(parallel_from, 1) or workers < 2:
        for job in jobs:
            yield work(job, settings, fan_out_from=FAN_OUT_UNITS)
        return
    from concurrent.futures import ProcessPoolExecutor

    # The first release is worked on here, before the pool forks: the workers inherit what it
    # made on first use (the segmenter's and the readers' compiled rules), made once, not once
    # per worker.
    yield work(jobs[0], settings, fan_out_from=FAN_OUT_UNITS)
    rest = jobs[1:]
    chunk = max(1, len(rest) // (workers * CHUNKS_PER_WORKER))
    with ProcessPoolExecutor(workers, initializer=_start, initargs=(settings, os.getpid())) as pool:
        yield from pool.map(_work_here, rest, chunksize=chunk)


def first_error(failed: Sequence[Outcome]) -> PressflowError:
    """Of the outcomes that failed (in release order), the error a single process would have
    raised: the earliest stage, then the first release."""
    first = min(enumerate(failed), key=lambda pair: (pair[1].stage, pair[0]))[1]
    assert first.error is not None
    return first.error
