"""Benchmark: pathological sizes through the real commands, at 1x, 2x and 4x, to show linear time.

    python benchmarks/pathological.py [--scale 1.0] [--sentences DIR] [--keep DIR]

Cases (the 4x size is the one the bound is about; --scale shrinks every size for a quick look):

  paragraph  one paragraph of Kyrgyz news sentences, 1.25 / 2.5 / 5 MB, through ``update``
  lines      25,000 / 50,000 / 100,000 short lines (a short sentence each), through ``update``
  wrapped    25,000 / 50,000 / 100,000 short lines of one hard-wrapped paragraph, ``update``
  repeated   25,000 / 50,000 / 100,000 copies of one line (one unit, as many references)
  msgstr     the shipped newsroom with one msgstr of 0.5 / 1 / 2 MB, through ``check``

Sentences come from the NTREX corpus when it is there (``shared/data/ntrex128``, Kyrgyz for the
releases, Russian for the msgstr), else from the shipped release. Every command runs as a process
(``python -m pressflow ...``, start-up included, this tree's ``src``) in a fresh project on
/dev/shm when it exists; ``--compare DIR`` times another source tree (an older version's
``src``) on the same inputs beside it, each run cut at ``--limit`` seconds.
Printed: wall-clock time, CPU time (user + system of the process), and the growth of each
against the 1x size: linear time doubles with the input (x2, x4), quadratic time quadruples
(x4, x16). Bound: the 4x size of each case under 10 s on 2 cores. Not a test: timings vary with
the machine's load, so CPU time is shown beside wall time and the growth uses CPU time.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import polib

from catalogs import DEFAULT_SENTENCES, ROOT, load_sentences

SLUG = "2018-07-03-lsg-forum"
BOUND = 10.0  # seconds, for the 4x size
CONFIG = '[project]\nsource_lang = "ky"\ntarget_langs = ["ru", "en"]\n'


# --------------------------------------------------------------------------- inputs


def fill(sentences: list[str], size: int) -> str:
    """Sentences joined by spaces, cycling, until ``size`` bytes of UTF-8."""
    out: list[str] = []
    total = i = 0
    while total < size:
        s = sentences[i % len(sentences)]
        out.append(s)
        total += len(s.encode()) + 1
        i += 1
    return " ".join(out)


def short(sentence: str, n: int) -> str:
    """The first few words of a sentence, numbered so that every line is its own unit."""
    return " ".join(sentence.split()[:4]).rstrip(".,;:!?") + f" {n}"


def release(root: Path, body: str) -> None:
    root.mkdir(parents=True)
    (root / "pressflow.toml").write_text(CONFIG, encoding="utf-8")
    (root / "releases").mkdir()
    (root / "releases" / "big.txt").write_text(f"Чоң жарыя\n\n{body}\n", encoding="utf-8")


def paragraph(root: Path, ky: list[str], factor: int, scale: float) -> str:
    size = int(1_250_000 * factor * scale)
    release(root, fill(ky, size))
    return f"{size / 1e6:.2f} MB"


def lines(root: Path, ky: list[str], factor: int, scale: float) -> str:
    count = int(25_000 * factor * scale)
    release(root, "\n".join(short(ky[n % len(ky)], n) + "." for n in range(count)))
    return f"{count:,} lines"


def wrapped(root: Path, ky: list[str], factor: int, scale: float) -> str:
    count = int(25_000 * factor * scale)
    # lower-case, unpunctuated: the reader joins them into one paragraph, as a wrapped text
    release(root, "\n".join(short(ky[n % len(ky)], n).lower() for n in range(count)) + ".")
    return f"{count:,} lines"


def repeated(root: Path, ky: list[str], factor: int, scale: float) -> str:
    count = int(25_000 * factor * scale)
    line = next((s for s in ky if s.endswith(".")), ky[0] + ".")  # a line that ends a paragraph
    release(root, "\n".join([line] * count))
    return f"{count:,} lines"


def msgstr(root: Path, ru: list[str], factor: int, scale: float) -> str:
    size = int(500_000 * factor * scale)
    for name in ("releases", "translations"):
        shutil.copytree(ROOT / name, root / name)
    for name in ("pressflow.toml", "glossary.tsv"):
        shutil.copy(ROOT / name, root / name)
    path = root / "translations" / "ru" / f"{SLUG}.po"
    po = polib.pofile(str(path))
    entry = next(e for e in po if e.msgid and e.msgstr and not e.obsolete)
    entry.msgstr = fill([entry.msgstr, *ru], size)
    po.save(str(path))
    return f"{size / 1e6:.2f} MB"


CASES: dict[str, tuple[Callable[[Path, list[str], int, float], str], tuple[str, ...]]] = {
    "paragraph": (paragraph, ("update",)),
    "lines": (lines, ("update",)),
    "wrapped": (wrapped, ("update",)),
    "repeated": (repeated, ("update",)),
    "msgstr": (msgstr, ("check",)),
}


# --------------------------------------------------------------------------- timing


def timed(root: Path, args: tuple[str, ...], src: Path, limit: float) -> tuple[float, float]:
    """(wall, CPU) seconds of ``python -m pressflow args`` in ``root`` run from the source tree
    ``src`` (exit 0 or 1 expected); ``inf`` for both past ``limit`` seconds."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "pressflow", *args],
            cwd=root,
            capture_output=True,
            text=True,
            env=env,
            timeout=limit,
        )
    except subprocess.TimeoutExpired:
        return float("inf"), float("inf")
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"pressflow {' '.join(args)} failed in {root}:\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def shown(seconds: float) -> str:
    return f"{seconds:8.2f}" if seconds != float("inf") else "   >limit"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size")
    parser.add_argument("--sentences", type=Path, default=DEFAULT_SENTENCES)
    parser.add_argument("--cases", nargs="*", default=list(CASES), choices=list(CASES))
    parser.add_argument("--keep", type=Path, help="build the projects here and keep them")
    parser.add_argument(
        "--compare",
        type=Path,
        help="another source tree (an older pressflow's src/) timed on the same inputs",
    )
    parser.add_argument("--limit", type=float, default=120.0, help="seconds per run, at most")
    args = parser.parse_args(argv)
    ky = load_sentences(args.sentences)
    ru = [
        ln.strip()
        for p in sorted(args.sentences.glob("*.ru.txt"))
        for ln in p.read_text(encoding="utf-8").splitlines()
        if ln.strip()
    ] or [s for s in re.split(r"(?<=[.!?])\s+", " ".join(ky)) if s]
    shm = Path("/dev/shm")
    base = args.keep or Path(tempfile.mkdtemp(dir=shm if shm.is_dir() else None))
    print(f"cores: {os.cpu_count()}  load: {os.getloadavg()[0]:.1f}  sentences: {len(ky):,} ky")
    head = f"{'case':<10} {'size':>14} {'wall s':>8} {'CPU s':>8} {'CPU growth':>11}"
    print(head + (f" {'compared wall':>14} {'CPU':>8}" if args.compare else ""))
    verdicts = []
    try:
        for name in args.cases:
            make, command = CASES[name]
            first_cpu = None
            for factor in (1, 2, 4):
                root = base / f"{name}-{factor}"
                shutil.rmtree(root, ignore_errors=True)
                size = make(root, ru if name == "msgstr" else ky, factor, args.scale)
                wall, cpu = timed(root, command, ROOT / "src", args.limit)
                first_cpu = first_cpu or cpu
                growth = f"x{cpu / first_cpu:.1f}"
                row = f"{name:<10} {size:>14} {shown(wall)} {shown(cpu)} {growth:>11}"
                if args.compare:
                    for sub in ("translations", ".pressflow", "site"):
                        if name != "msgstr":  # the msgstr case checks the catalogs it was given
                            shutil.rmtree(root / sub, ignore_errors=True)
                    old_wall, old_cpu = timed(root, command, args.compare, args.limit)
                    row += f" {shown(old_wall):>14} {shown(old_cpu)}"
                print(row, flush=True)
            verdicts.append((name, wall, cpu))
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)
    print(f"\nbound: the 4x size of each case under {BOUND:g} s of wall time (on 2 cores; the")
    print("CPU time adds up every process: a huge release merges its languages side by side)")
    ok = True
    for name, wall, cpu in verdicts:
        within = wall < BOUND
        ok &= within
        print(f"  {name:<10} wall {wall:6.2f} s  CPU {cpu:6.2f} s  {'ok' if within else 'OVER'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
