"""Prefill throughput: pressflow's pool and cache beside a plain deep-translator loop.

    python benchmarks/prefill.py [--units 1000] [--latency 0.1] [--concurrency 8] [--seed 1]

Builds a throw-away newsroom of releases holding ``--units`` sentences, drawn with repeats from
a smaller pool as real releases repeat their boilerplate, and a fake Google provider on
127.0.0.1 that answers each request after ``--latency`` seconds. Then, in the same run:

* pressflow: ``prefill`` with the given concurrency (identical texts sent once, results written
  to the catalogs in batches, a cold cache);
* baseline: for each release, ``GoogleTranslator.translate_batch`` over its sentences, the loop
  deep-translator offers (sequential, one request per sentence).

Prints wall time and requests sent for both (and for pressflow once more on the same empty
catalogs, everything from the cache), and the ratio. No network.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from deep_translator import GoogleTranslator

from pressflow.config import load_config
from pressflow.model import CatalogRef
from pressflow.mt.prefill import prefill

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from fakes.mt_newsroom import make_newsroom, write_catalog
from fakes.mt_provider import FakeProvider

SUBJECTS = (
    "Жергиликтүү кеңеш", "Райондук администрация", "Айыл өкмөтү", "Шаардык мэрия", "Министрлик",
    "Агенттик", "Эксперттер тобу", "Жаштар уюму", "Мугалимдер", "Дарыгерлер", "Фермерлер",
    "Депутаттар", "Ишкерлер", "Студенттер", "Жамаат", "Комиссия",
)  # fmt: skip
VERBS = (
    "бюджетти талкуулады", "жаңы долбоорду сунуштады", "жолугушуу өткөрдү", "отчет берди",
    "макулдашууга кол койду", "көйгөйлөрдү белгиледи", "сунуштарды киргизди", "иш планын бекитти",
    "тажрыйба алмашты", "демилгени колдоду",
)  # fmt: skip
PLACES = (
    "Бишкекте", "Ошто", "Нарында", "Таласта", "Баткенде", "Каракол шаарында", "Жалал-Абадда",
    "Токмокто", "Чолпон-Атада",
)  # fmt: skip
BOILERPLATE = (
    "Кошумча маалымат алуу үчүн басма сөз кызматына кайрылыңыз.",
    "Иш-чара Европа Биримдигинин колдоосу менен өткөрүлөт.",
    "Форумга өлкөнүн бардык аймактарынан өкүлдөр катышат.",
)


def sentence_pool(size: int, rng: random.Random) -> list[str]:
    combos = [f"{p} {s.lower()} {v}." for s in SUBJECTS for v in VERBS for p in PLACES]
    rng.shuffle(combos)
    return list(BOILERPLATE) + combos[: max(0, size - len(BOILERPLATE))]


def build(root: Path, units: int, url: str, concurrency: int, rng: random.Random) -> list:
    make_newsroom(root, url=url, timeout=10, retries=3, concurrency=concurrency, rate=200,
                  batch=20, threshold=1.01)  # fmt: skip
    pool = sentence_pool(int(units * 0.6), rng)
    releases, refs = [], []
    per_release = 100
    for n in range(max(1, units // per_release)):
        body = [rng.choice(pool) for _ in range(per_release - 3)] + list(BOILERPLATE)
        rng.shuffle(body)
        slug = f"2024-01-{n + 1:02d}-release"
        releases.append(body)
        # a catalog has one entry per distinct sentence, as pressflow's extract makes it
        refs.append(write_catalog(root, "ru", slug, list(dict.fromkeys(body))))
    return [releases, refs]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory() as tmp, FakeProvider(latency=args.latency) as fake:
        root = Path(tmp) / "newsroom"
        releases, refs = build(root, args.units, fake.url, args.concurrency, rng)
        total_units = sum(len(r) for r in releases)
        entries = sum(len(set(r)) for r in releases)
        distinct = len({s for r in releases for s in r})
        print(
            f"{total_units} units in {len(releases)} releases "
            f"({entries} catalog entries, {distinct} distinct sentences), "
            f"latency {args.latency * 1000:.0f} ms"
        )

        catalogs = [CatalogRef(r.release, r.lang, r.path) for r in refs]
        fresh = {r.path: Path(r.path).read_bytes() for r in refs}
        start = time.perf_counter()
        result = prefill(load_config(root), catalogs)
        ours = time.perf_counter() - start
        ours_requests = len(fake.seen)
        assert result.total.left == 0, result.warnings

        for path, data in fresh.items():  # the same empty catalogs again: a warm cache
            Path(path).write_bytes(data)
        start = time.perf_counter()
        again = prefill(load_config(root), catalogs)
        warm = time.perf_counter() - start
        warm_requests = len(fake.seen) - ours_requests
        assert again.total.cache == again.total.empty, again.warnings

        start = time.perf_counter()
        for body in releases:
            translator = GoogleTranslator(source="ky", target="ru")
            translator._base_url = fake.url
            translator.translate_batch(body)
        baseline = time.perf_counter() - start
        baseline_requests = len(fake.seen) - ours_requests - warm_requests

    rows = [
        (f"pressflow prefill (concurrency {args.concurrency})", ours, ours_requests),
        ("pressflow prefill again, warm cache", warm, warm_requests),
        ("deep-translator translate_batch loop", baseline, baseline_requests),
    ]
    for name, seconds, requests in rows:
        print(f"{name:<42} {seconds:8.2f} s  {requests:6d} requests")
    print(f"ratio: {baseline / ours:.1f}x faster, {baseline_requests / ours_requests:.1f}x fewer "
          "requests")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
