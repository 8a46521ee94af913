"""The request pool on its own: rate limit, 429 pauses, retries, circuit breaker."""

from __future__ import annotations

import threading
import time

from pressflow.mt.engines import MTFailure
from pressflow.mt.pool import Job, Outcome, run_jobs


class Provider:
    """Records when each text was asked; ``fail`` decides, per call number, what goes wrong."""

    def __init__(self, fail=lambda n, text: None, delay: float = 0.0):
        self.fail = fail
        self.delay = delay
        self.calls: list[tuple[float, str]] = []
        self.lock = threading.Lock()

    def __call__(self, text: str) -> str:
        with self.lock:
            n = len(self.calls)
            self.calls.append((time.monotonic(), text))
        error = self.fail(n, text)
        if error is not None:
            raise error
        if self.delay:  # answers take time, refusals come back at once
            time.sleep(self.delay)
        return f"ok {text}"


def run(provider: Provider, count: int, **options) -> tuple[list[Outcome], object]:
    outcomes: list[Outcome] = []
    jobs = [Job(i, f"t{i}", provider) for i in range(count)]
    options.setdefault("rate", 0)
    report = run_jobs(jobs, outcomes.append, **options)
    return outcomes, report


def test_rate_limit_spaces_requests_across_the_pool():
    provider = Provider()
    outcomes, report = run(provider, 8, concurrency=4, rate=20.0)
    times = sorted(t for t, _ in provider.calls)
    assert len(outcomes) == 8 and report.requests == 8
    assert times[-1] - times[0] >= 7 / 20 - 0.02


def test_retries_then_success_and_failure_counts():
    flaky = Provider(fail=lambda n, text: MTFailure("server", "HTTP 500") if n < 2 else None)
    outcomes, report = run(flaky, 1, concurrency=1, retries=3, backoff=0.01)
    assert outcomes[0].reply == "ok t0" and outcomes[0].attempts == 3
    broken = Provider(fail=lambda n, text: MTFailure("server", "HTTP 500"))
    outcomes, report = run(broken, 1, concurrency=1, retries=2, backoff=0.01, breaker=10)
    assert outcomes[0].error is not None and outcomes[0].attempts == 3
    assert report.stopped_reason == ""


def test_breaker_stops_the_run_and_keeps_what_was_done():
    def fail(n: int, text: str) -> MTFailure | None:
        return MTFailure("timeout", "no answer") if n >= 3 else None

    provider = Provider(fail=fail)
    outcomes, report = run(provider, 50, concurrency=2, retries=1, breaker=4, backoff=0.01)
    done = [o for o in outcomes if o.reply]
    assert len(done) == 3
    assert report.stopped_reason.startswith("4 failures in a row")
    assert len(provider.calls) < 12  # the other jobs were never sent


def test_offline_opens_at_once():
    provider = Provider(fail=lambda n, text: MTFailure("offline", "cannot reach x"))
    _, report = run(provider, 20, concurrency=1, retries=3)
    assert report.stopped_reason == "no network (cannot reach x)"
    assert len(provider.calls) == 1


def test_a_429_pauses_every_worker_then_retries():
    def fail(n: int, text: str) -> MTFailure | None:
        return MTFailure("rate", "429", retry_after=0.3) if n == 0 else None

    provider = Provider(fail=fail, delay=0.05)
    outcomes, report = run(provider, 12, concurrency=4, rate=0, backoff=0.01)
    assert all(o.reply for o in outcomes) and len(outcomes) == 12
    first = provider.calls[0][0]
    after = [t - first for t, _ in provider.calls[4:]]  # the first wave was already on its way
    assert min(after) >= 0.29
    assert report.waited >= 0.3


def test_endless_429_or_a_long_retry_after_stop_the_run():
    always = Provider(fail=lambda n, text: MTFailure("rate", "429", retry_after=0.01))
    _, report = run(always, 5, concurrency=2, breaker=3, backoff=0.01, max_backoff=0.05)
    assert report.stopped_reason == "rate limited: 3 pauses for 429 in a row"
    tomorrow = Provider(fail=lambda n, text: MTFailure("rate", "429", retry_after=3600))
    started = time.monotonic()
    _, report = run(tomorrow, 5, concurrency=1, max_backoff=60)
    assert report.stopped_reason == "rate limited: the provider asks to wait 3600 s"
    assert time.monotonic() - started < 1 and len(tomorrow.calls) == 1
