"""Polite concurrency: a thread pool under one rate limit, 429 backoff and a circuit breaker.

deep-translator's ``translate_batch`` is a sequential loop that stops at the first error and
drops what it had. Here each text is its own job; jobs share one limiter (requests per second
across the pool), a 429 pauses the whole pool (Retry-After, else exponential backoff) and halves
the rate, and a run of consecutive failures opens the breaker: queued jobs are dropped, jobs in
flight finish, and everything already received is kept. Results are handed to the caller's
callback in the calling thread, so the caller writes files from one thread only.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

from .results import MTFailure


@dataclass(frozen=True)
class Job:
    key: Hashable
    text: str
    translate: Callable[[str], str | None]


@dataclass(frozen=True)
class Outcome:
    job: Job
    reply: str | None = None
    error: MTFailure | None = None  # None and reply None: not attempted (breaker open)
    attempts: int = 0


@dataclass(frozen=True)
class PoolReport:
    requests: int
    stopped_reason: str
    waited: float  # seconds spent paused for 429s


class Limiter:
    """Hands out request slots at ``rate`` per second; 429s pause everyone and slow the rate."""

    def __init__(self, rate: float, stop: threading.Event, *, backoff: float, max_backoff: float):
        self.rate = self.configured = rate if rate > 0 else 0.0
        self.stop = stop
        self.backoff = backoff
        self.max_backoff = max_backoff
        self._lock = threading.Lock()
        self._next = 0.0
        self._pause_until = 0.0
        self._pause_started = 0.0
        self._strikes = 0  # consecutive 429 waves
        self.waited = 0.0

    def acquire(self) -> float | None:
        """Wait for a slot; return the time it was taken, or None once the run is stopped."""
        while not self.stop.is_set():
            with self._lock:
                now = time.monotonic()
                start = max(now, self._pause_until, self._next if self.rate else 0.0)
                if start <= now:
                    if self.rate:
                        self._next = max(self._next, now) + 1.0 / self.rate
                    return now
                if self.rate and now >= self._pause_until:
                    self._next = start + 1.0 / self.rate  # reserve the slot, then sleep
                    reserved = True
                else:
                    reserved = False
            if self.stop.wait(start - now):
                break
            if reserved and time.monotonic() >= self._pause_until:
                return time.monotonic()
        return None

    def too_many(self, sent_at: float, retry_after: float | None) -> tuple[float, bool]:
        """A 429 for a request sent at ``sent_at``: pause the pool.

        Returns the pause and whether this 429 started a new one (requests already on their
        way when the first 429 came back belong to the same wave and do not pause again).
        """
        with self._lock:
            now = time.monotonic()
            if sent_at < self._pause_started:
                return max(0.0, self._pause_until - now), False
            delay = min(self.max_backoff, self.backoff * (2**self._strikes))
            if retry_after is not None:
                delay = max(delay, min(retry_after, self.max_backoff))
            self._strikes += 1
            self._pause_started = now
            self._pause_until = max(self._pause_until, now + delay)
            self.waited += delay
            if self.rate:
                self.rate = max(self.rate / 2, 0.2)
            return delay, True

    def ok(self) -> None:
        with self._lock:
            self._strikes = 0
            if self.rate and self.rate < self.configured:
                self.rate = min(self.configured, self.rate * 1.25)


class Breaker:
    """Opens after ``threshold`` consecutive failed attempts (or 429 pauses), at once when the
    network is missing from the start, the quota is used up, or Retry-After exceeds patience."""

    def __init__(self, threshold: int, stop: threading.Event):
        self.threshold = max(1, threshold)
        self.stop = stop
        self.reason = ""
        self._lock = threading.Lock()
        self._failures = 0
        self._rate_strikes = 0
        self._successes = 0
        self._last = ""

    def success(self) -> None:
        with self._lock:
            self._failures = self._rate_strikes = 0
            self._successes += 1

    def rate_limited(self, error: MTFailure, *, max_wait: float) -> None:
        """A new 429 pause. Too many in a row, or a Retry-After beyond patience, stop the run."""
        with self._lock:
            self._rate_strikes += 1
            if error.retry_after is not None and error.retry_after > max_wait:
                self._open(f"rate limited: the provider asks to wait {error.retry_after:g} s")
            elif self._rate_strikes >= self.threshold:
                self._open(f"rate limited: {self._rate_strikes} pauses for 429 in a row")

    def failure(self, error: MTFailure) -> None:
        with self._lock:
            self._failures += 1
            self._last = error.message
            if error.kind == "offline" and not self._successes:
                self._open(f"no network ({error.message})")
            elif error.kind == "quota":
                self._open(error.message)
            elif self._failures >= self.threshold:
                self._open(f"{self._failures} failures in a row, last: {error.message}")

    def _open(self, reason: str) -> None:
        if not self.reason:
            self.reason = reason
        self.stop.set()


def run_jobs(
    jobs: Sequence[Job],
    on_result: Callable[[Outcome], None],
    *,
    concurrency: int = 4,
    rate: float = 5.0,
    retries: int = 3,
    breaker: int = 5,
    backoff: float = 1.0,
    max_backoff: float = 60.0,
) -> PoolReport:
    """Run every job; call ``on_result`` in this thread as each one ends (or is dropped)."""
    stop = threading.Event()
    limiter = Limiter(rate, stop, backoff=backoff, max_backoff=max_backoff)
    fuse = Breaker(breaker, stop)
    counter = [0]
    count_lock = threading.Lock()

    def work(job: Job) -> Outcome:
        attempts = failures = 0
        last: MTFailure | None = None
        while True:
            sent_at = limiter.acquire()
            if sent_at is None:
                return Outcome(job, error=last, attempts=attempts)
            attempts += 1
            with count_lock:
                counter[0] += 1
            try:
                reply = job.translate(job.text)
            except MTFailure as error:
                last = error
                if error.kind == "rate":
                    delay, new_pause = limiter.too_many(sent_at, error.retry_after)
                    if new_pause:
                        fuse.rate_limited(error, max_wait=max_backoff)
                    stop.wait(delay)
                    continue
                fuse.failure(error)
                failures += 1
                if error.kind in ("offline", "quota") or failures > retries:
                    return Outcome(job, error=error, attempts=attempts)
                stop.wait(min(max_backoff, backoff * (2 ** (failures - 1))) / 2)
                continue
            fuse.success()
            limiter.ok()
            return Outcome(job, reply=reply, attempts=attempts)

    pool = ThreadPoolExecutor(max_workers=max(1, concurrency), thread_name_prefix="pressflow-mt")
    try:
        pending: set[Future[Outcome]] = {pool.submit(work, job) for job in jobs}
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                if not future.cancelled():
                    on_result(future.result())
            if stop.is_set():
                for future in pending:
                    future.cancel()
    finally:  # normal end, breaker, or Ctrl-C: nothing new starts, requests in flight end
        stop.set()
        pool.shutdown(wait=True, cancel_futures=True)
    return PoolReport(counter[0], fuse.reason, limiter.waited)
