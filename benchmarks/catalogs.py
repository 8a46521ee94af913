"""Benchmark: extract and update on 2,000 releases against translate-toolkit and msgmerge.

    python benchmarks/catalogs.py [--releases 2000] [--seed 2018] [--sentences DIR] [--keep DIR]

Builds a newsroom of generated releases (about six units each, 12,000 in all: Kyrgyz news
sentences from the NTREX corpus when available, else from the shipped release; fixed random
seed) on /dev/shm when it exists (tmpfs: the same for both tools, and free of the noise of a disk
allocating thousands of inodes), then times on the same corpus, every command as a process
(``python -m pressflow ...``, so pressflow's start-up counts as the reference tools' does):

  extract  ``pressflow extract``: read, segment, write one template per release;
           translate-toolkit: txt2po --pot, then posegment (sentences)
  update   after editing a quarter of the releases (a figure, a word, a paragraph removed), with
           every old unit translated and no stamps (every release processed):
           ``pressflow update``, which also re-extracts every template; translate-toolkit pot2po
           (templates re-extracted beforehand, not timed); a GNU msgmerge --previous loop
  run      ``pressflow update`` after another edit with its stamps forgotten, then again with
           nothing changed, the median of five runs (releases whose source and catalogs are
           unchanged are skipped, and the answer comes before the CLI framework is even loaded:
           see pressflow/entry.py)

and prints wall-clock time (what a user waits for; the ratios and verdicts use it) with CPU time
(user + system, every process) beside it. Targets: pressflow >= 3x faster than translate-toolkit
at each stage; the nothing-changed run <= 10% of the full run. Not a test: timings vary.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pressflow.config import Config
from pressflow.cores import cpu_count
from pressflow.po import catalog, update
from pressflow.po.stamps import STAMPS_FILE

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SENTENCES = ROOT.parent / "shared" / "data" / "ntrex128"
LANGS = ("ru", "en")


# --------------------------------------------------------------------------- corpus


def load_sentences(folder: Path) -> list[str]:
    lines: list[str] = []
    for path in sorted(folder.glob("*.ky.txt")):
        lines += [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    if not lines:  # fall back on the shipped release
        text = (ROOT / "releases" / "2018-07-03-lsg-forum.txt").read_text(encoding="utf-8")
        lines = [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s) > 20]
    return lines


def write_corpus(folder: Path, sentences: list[str], *, count: int, seed: int) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for i in range(count):
        title = rng.choice(sentences).rstrip(".")[:120]
        paragraphs = [
            " ".join(rng.choice(sentences) for _ in range(rng.choice((1, 2, 3, 3))))
            for _ in range(rng.choice((1, 2, 3, 3)))
        ]
        day = f"{1 + i % 28:02d}.{1 + i % 12:02d}.2018 {8 + i % 10:02d}:{i % 60:02d}"
        body = "\n\n".join(paragraphs)
        (folder / f"2018-{i:05d}-release.txt").write_text(
            f"{title}\n\n{day}\n{title}\n\n{body}", encoding="utf-8"
        )


def edit_corpus(folder: Path, *, seed: int) -> int:
    """Edit a quarter of the releases the way corrections happen; return how many."""
    rng = random.Random(seed + 1)
    edited = 0
    for path in sorted(folder.glob("*.txt")):
        if rng.random() >= 0.25:
            continue
        text = path.read_text(encoding="utf-8")
        head, _, body = text.partition("\n\n")
        kind = rng.choice(("number", "word", "drop"))
        if kind == "number" and re.search(r"\d", body):
            body = re.sub(r"\d+", lambda m: str(int(m.group()) + 1), body, count=1)
        elif kind == "drop" and "\n\n" in body.split("\n", 2)[-1]:
            paragraphs = body.split("\n\n")
            body = "\n\n".join(paragraphs[:-1])
        else:
            body = body.replace(" ", " жаңы ", 1)
        path.write_text(f"{head}\n\n{body}", encoding="utf-8")
        edited += 1
    return edited


# --------------------------------------------------------------------------- pressflow


def pressflow(config: Config, *args: str) -> Callable[[], None]:
    """A ``python -m pressflow`` command run in the newsroom, as a user runs it."""
    return lambda: run([sys.executable, "-m", "pressflow", *args], cwd=config.root)


def write_project(config: Config) -> None:
    langs = ", ".join(f'"{lang}"' for lang in config.target_langs)
    (config.root / "pressflow.toml").write_text(
        f'[project]\nname = "{config.name}"\nversion = "{config.version}"\n'
        f'source_lang = "{config.source_lang}"\ntarget_langs = [{langs}]\n\n'
        '[paths]\nreleases = "releases"\ntranslations = "translations"\n',
        encoding="utf-8",
    )


def pf_translate(config: Config) -> None:
    """Every unit translated (not timed): the state in which an edit arrives."""
    for pot_path in sorted((config.translations_dir / "templates").glob("*.pot")):
        template = catalog.read_po(pot_path)
        for lang in LANGS:
            po = update.merge(None, template, lang=lang, config=config)
            for entry in po:
                entry.msgstr = f"[{lang}] {entry.msgid}"
            catalog.write_po(po, config.po_path(lang, pot_path.stem))


# --------------------------------------------------------------------------- references


def tt_extract(releases: Path, out: Path) -> None:
    raw = out.parent / (out.name + "-raw")
    run(
        [
            "txt2po",
            "--progress=none",
            "-P",
            "--duplicates=merge",
            "-i",
            str(releases),
            "-o",
            str(raw),
        ]
    )
    run(
        [
            "posegment",
            "--progress=none",
            "-P",
            "--source-language=ky",
            "-i",
            str(raw),
            "-o",
            str(out),
        ]
    )


def tt_translate(pots: Path, out: Path, lang: str) -> None:
    """translate-toolkit's own catalogs, every unit translated (posegment may leave duplicate
    msgids, which gettext and pressflow refuse, so its own library writes them)."""
    from translate.storage import po as pofile

    out.mkdir(parents=True, exist_ok=True)
    for pot_path in sorted(pots.glob("*.pot")):
        store = pofile.pofile.parsefile(str(pot_path))
        for unit in store.units:
            if not unit.isheader():
                unit.target = f"[{lang}] {unit.source}"
        store.savefile(str(out / (pot_path.stem + ".po")))


def tt_update(pots: Path, old: Path, out: Path) -> None:
    run(["pot2po", "--progress=none", "-t", str(old), "-i", str(pots), "-o", str(out)])


def msgmerge_loop(pots: Path, old: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for pot_path in sorted(pots.glob("*.pot")):
        name = pot_path.stem + ".po"
        run(
            [
                "msgmerge",
                "--previous",
                "--quiet",
                "-o",
                str(out / name),
                str(old / name),
                str(pot_path),
            ]
        )


def run(cmd: list[str], *, cwd: Path | None = None) -> None:
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd)
    if result.returncode:
        sys.exit(f"{cmd[0]} failed: {result.stderr.strip()[:500]}")


def _cpu() -> tuple[float, float]:
    """(user, system) CPU seconds of this process and of every finished child (the tools)."""
    me, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return me.ru_utime + kids.ru_utime, me.ru_stime + kids.ru_stime


@dataclass(frozen=True)
class Timing:
    wall: float  # seconds a user waits
    cpu: float  # user + system seconds of every process


def measure(action: Callable[[], object]) -> tuple[Timing, float, float]:
    """Run ``action`` (one or more processes): its timing, and the user and system seconds."""
    start, (user0, sys0) = time.perf_counter(), _cpu()
    action()
    (user1, sys1), seconds = _cpu(), time.perf_counter() - start
    user, system = user1 - user0, sys1 - sys0
    return Timing(seconds, user + system), user, system


def timed(label: str, action: Callable[[], object], *, runs: int = 1) -> Timing:
    """Run ``action``; print and return its wall-clock and CPU time. With ``runs`` > 1 (only for
    an action that changes nothing) the median run by wall-clock time: one sample of a 0.1 s
    process is mostly scheduler noise."""
    samples = sorted((measure(action) for _ in range(runs)), key=lambda s: s[0].wall)
    timing, user, system = samples[len(samples) // 2]
    print(
        f"  {label:<46} {timing.wall:6.2f} s wall  {timing.cpu:6.2f} s CPU "
        f"({user:.2f} user + {system:.2f} sys)",
        flush=True,
    )
    return timing


def ratio(slow: Timing, fast: Timing) -> str:
    return f"{slow.wall / fast.wall:4.1f}x wall ({slow.cpu / fast.cpu:.1f}x CPU)"


def verdict(name: str, ok: bool, detail: str) -> bool:
    print(f"  {name:<44} {'met' if ok else 'NOT MET'}  ({detail})")
    return ok


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--releases", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2018)
    parser.add_argument("--sentences", type=Path, default=DEFAULT_SENTENCES)
    parser.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    parser.add_argument("--no-reference", action="store_true", help="time pressflow only")
    args = parser.parse_args(argv)

    base = args.keep or scratch()
    if base.exists() and any(base.iterdir()):
        sys.exit(f"{base} is not empty")
    try:
        return bench(base, args)
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)


def scratch() -> Path:
    """A fresh folder on tmpfs when there is one, else in the temporary folder."""
    shm = Path("/dev/shm")
    where = shm if shm.is_dir() and os.access(shm, os.W_OK) else None
    return Path(tempfile.mkdtemp(prefix="pressflow-bench-", dir=where))


def bench(base: Path, args: argparse.Namespace) -> int:
    sentences = load_sentences(args.sentences)
    pf = base / "pressflow"
    config = Config(
        root=pf, releases_dir=pf / "releases", translations_dir=pf / "translations",
        target_langs=LANGS, name="benchmark", version="1.0",
    )  # fmt: skip
    write_corpus(config.releases_dir, sentences, count=args.releases, seed=args.seed)
    write_project(config)
    tt = base / "translate-toolkit"
    shutil.copytree(config.releases_dir, tt / "releases")
    fs = "tmpfs" if str(base.resolve()).startswith("/dev/shm/") else "disk"
    print(f"corpus: {args.releases} releases from {len(sentences)} sentences in {base} ({fs})")
    print(f"pressflow runs as `{Path(sys.executable).name} -m pressflow` on {cpu_count()} core(s)")
    reference = not args.no_reference and shutil.which("txt2po") and shutil.which("msgmerge")

    print("extract")
    pf_ext = timed("pressflow extract", pressflow(config, "extract"))
    units = sum(len(catalog.read_po(p)) for p in config.translations_dir.glob("templates/*.pot"))
    print(f"  ({units} units)")
    if reference:
        tt_ext = timed(
            "translate-toolkit txt2po + posegment",
            lambda: tt_extract(tt / "releases", tt / "pot"),
        )

    # Every unit translated, then a quarter of the releases edited (not timed).
    pf_translate(config)
    if reference:
        for lang in LANGS:
            tt_translate(tt / "pot", tt / f"{lang}-old", lang)
        mm = base / "msgmerge"
        for lang in LANGS:
            shutil.copytree(config.translations_dir / lang, mm / f"{lang}-old")
    edited = edit_corpus(config.releases_dir, seed=args.seed)
    edit_corpus(tt / "releases", seed=args.seed)
    if reference:  # translate-toolkit's new templates, made before its update is timed
        shutil.rmtree(tt / "pot")
        shutil.rmtree(tt / "pot-raw")
        tt_extract(tt / "releases", tt / "pot")
    print(f"update ({edited} releases edited, {len(LANGS)} languages, every catalog merged)")
    pf_upd = timed("pressflow update (re-extracts templates too)", pressflow(config, "update"))
    if reference:

        def tt_all() -> None:
            for lang in LANGS:
                tt_update(tt / "pot", tt / f"{lang}-old", tt / lang)

        def mm_all() -> None:
            for lang in LANGS:
                msgmerge_loop(config.translations_dir / "templates", mm / f"{lang}-old", mm / lang)

        tt_upd = timed("translate-toolkit pot2po", tt_all)
        mm_upd = timed("GNU msgmerge --previous loop", mm_all)

    print("run (`pressflow update` after another edit)")
    edit_corpus(config.releases_dir, seed=args.seed + 7)
    (config.root / STAMPS_FILE).unlink(missing_ok=True)
    full = timed("full run (stamps forgotten)", pressflow(config, "update"))
    again = timed("nothing changed (median of 5 runs)", pressflow(config, "update"), runs=5)
    boot = timed(
        "interpreter start-up alone (python -c pass)",
        lambda: run([sys.executable, "-c", "pass"]),
        runs=5,
    )

    print("\nresults (wall-clock; CPU beside)")
    if reference:
        print(f"  extract: translate-toolkit / pressflow = {ratio(tt_ext, pf_ext)}  (target >= 3)")
        print(f"  update:  translate-toolkit / pressflow = {ratio(tt_upd, pf_upd)}  (target >= 3)")
        print(f"  update:  msgmerge loop / pressflow     = {ratio(mm_upd, pf_upd)}")
    work = (again.wall - boot.wall) / (full.wall - boot.wall)
    print(
        f"  nothing changed / full run = {100 * again.wall / full.wall:4.1f}% wall "
        f"({100 * again.cpu / full.cpu:.1f}% CPU; target <= 10%); without the interpreter's "
        f"start-up of {boot.wall:.2f} s in each: {100 * work:.1f}%"
    )
    print("\nverdict (wall-clock)")
    ok = verdict(
        "nothing changed <= 10% of the full run",
        again.wall <= 0.10 * full.wall,
        f"{100 * again.wall / full.wall:.1f}%",
    )
    if reference:
        ok &= verdict(
            "extract >= 3x faster than txt2po + posegment",
            tt_ext.wall >= 3 * pf_ext.wall,
            ratio(tt_ext, pf_ext),
        )
        ok &= verdict(
            "update >= 3x faster than pot2po",
            tt_upd.wall >= 3 * pf_upd.wall,
            ratio(tt_upd, pf_upd),
        )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
