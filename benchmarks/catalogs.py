"""Benchmark: extract and update on 2,000 releases against translate-toolkit and msgmerge.

    python benchmarks/catalogs.py [--releases 2000] [--seed 2018] [--sentences DIR] [--keep DIR]

Builds a newsroom of generated releases (about six units each, 12,000 in all: Kyrgyz news
sentences from the NTREX corpus when available, else from the shipped release; fixed random
seed) in a temporary folder, then times on the same corpus:

  extract  pressflow: ``pipeline.extract`` (what ``pressflow extract`` runs): read, segment,
           make the template and write it, per release
           translate-toolkit: txt2po --pot, then posegment (sentences)
  update   after editing a quarter of the releases (a figure, a word, a sentence removed), with
           every old unit translated: pressflow read_po + merge + write_po per release and
           language; translate-toolkit pot2po; a GNU msgmerge --previous loop
  run      ``pipeline.update`` itself (what ``pressflow update`` runs) after another edit, with
           its stamps forgotten so that every release is read, segmented and merged; then again
           with nothing changed (releases whose source and catalogs are unchanged are skipped)

and prints wall-clock and CPU times and the ratios, computed on CPU time (steadier on a shared
machine; the reference tools' start-up counts like pressflow's work). Targets: pressflow >= 3x
faster than translate-toolkit at each stage; the nothing-changed run <= 10% of the full run.
Not a test: timings vary by machine.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pressflow import catalog, pipeline, powrap, update
from pressflow.config import Config
from pressflow.files import WriteBatch
from pressflow.stamps import STAMPS_FILE

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


def pf_extract(config: Config) -> int:
    """What ``pressflow extract`` runs (pipeline.extract): read, segment, template, write."""
    return pipeline.extract(config).units


def pf_update(config: Config) -> None:
    with WriteBatch() as batch:
        for pot_path in sorted((config.translations_dir / "templates").glob("*.pot")):
            template = catalog.read_po(pot_path)
            for lang in LANGS:
                po_path = config.po_path(lang, pot_path.stem)
                old = catalog.read_po(po_path) if po_path.exists() else None
                merged = update.merge(old, template, lang=lang, config=config)
                catalog.write_po(merged, po_path, batch=batch, previous=old)


def pf_translate(config: Config) -> None:
    """Every unit translated (not timed): the state in which an edit arrives."""
    for pot_path in sorted((config.translations_dir / "templates").glob("*.pot")):
        template = catalog.read_po(pot_path)
        for lang in LANGS:
            po = update.merge(None, template, lang=lang, config=config)
            for entry in po:
                entry.msgstr = f"[{lang}] {entry.msgid}"
            catalog.write_po(po, config.po_path(lang, pot_path.stem))


def pf_run(config: Config, *, skip: bool) -> int:
    """``pressflow update`` itself (pipeline.update): extract and merge every release; without
    ``skip`` the stamps are forgotten first, so every release is read, segmented and merged."""
    if not skip:
        (config.root / STAMPS_FILE).unlink(missing_ok=True)
    result = pipeline.update(config)
    return len(result.catalogs)


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


def run(cmd: list[str]) -> None:
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"{cmd[0]} failed: {result.stderr.strip()[:500]}")


def _cpu() -> tuple[float, float]:
    """(user, system) CPU seconds of this process and of every finished child (the tools)."""
    me, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return me.ru_utime + kids.ru_utime, me.ru_stime + kids.ru_stime


def timed(label: str, action: Callable[[], object]) -> tuple[float, object]:
    """Run ``action``; print wall-clock and CPU time; return the CPU time (steadier on a shared
    machine, and the tools' own process start-up is counted like pressflow's work). pressflow's
    in-process caches of wrapped strings are emptied first, as in a fresh ``pressflow`` process.
    User and system CPU are shown apart: system time is mostly the file system creating files,
    which on a busy disk can cost more per file than either tool's own work."""
    powrap.cache_clear()
    start, (user0, sys0) = time.perf_counter(), _cpu()
    value = action()
    (user1, sys1), seconds = _cpu(), time.perf_counter() - start
    used = (user1 - user0) + (sys1 - sys0)
    print(
        f"  {label:<44} {seconds:6.2f} s wall {used:6.2f} s CPU "
        f"({user1 - user0:.2f} user + {sys1 - sys0:.2f} sys)",
        flush=True,
    )
    return used, value


def startup_cpu(cmd: list[str]) -> float:
    """CPU seconds a command needs to start and exit (best of three)."""
    best = float("inf")
    for _ in range(3):
        before = sum(_cpu())
        subprocess.run(cmd, capture_output=True)
        best = min(best, sum(_cpu()) - before)
    return best


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

    base = args.keep or Path(tempfile.mkdtemp(prefix="pressflow-bench-"))
    if base.exists() and any(base.iterdir()):
        sys.exit(f"{base} is not empty")
    try:
        return bench(base, args)
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)


def bench(base: Path, args: argparse.Namespace) -> int:
    sentences = load_sentences(args.sentences)
    pf = base / "pressflow"
    config = Config(
        root=pf, releases_dir=pf / "releases", translations_dir=pf / "translations",
        target_langs=LANGS, name="benchmark", version="1.0",
    )  # fmt: skip
    write_corpus(config.releases_dir, sentences, count=args.releases, seed=args.seed)
    tt = base / "translate-toolkit"
    shutil.copytree(config.releases_dir, tt / "releases")
    print(f"corpus: {args.releases} releases from {len(sentences)} sentences in {base}")
    reference = not args.no_reference and shutil.which("txt2po") and shutil.which("msgmerge")

    print("extract")
    pf_ext, units = timed("pressflow (read, segment, template, write)", lambda: pf_extract(config))
    print(f"  ({units} units)")
    if reference:
        tt_ext, _ = timed(
            "translate-toolkit (txt2po + posegment)",
            lambda: tt_extract(tt / "releases", tt / "pot"),
        )

    # Every unit translated, then a quarter of the releases edited and re-extracted (not timed).
    pf_translate(config)
    if reference:
        for lang in LANGS:
            tt_translate(tt / "pot", tt / f"{lang}-old", lang)
    edited = edit_corpus(config.releases_dir, seed=args.seed)
    edit_corpus(tt / "releases", seed=args.seed)
    pf_extract(config)
    if reference:
        shutil.rmtree(tt / "pot")
        shutil.rmtree(tt / "pot-raw")
        tt_extract(tt / "releases", tt / "pot")
        mm = base / "msgmerge"
        for lang in LANGS:
            shutil.copytree(config.translations_dir / lang, mm / f"{lang}-old")
    print(f"update ({edited} releases edited, {len(LANGS)} languages)")
    pf_upd, _ = timed("pressflow (read_po, merge, write_po)", lambda: pf_update(config))
    if reference:

        def tt_all() -> None:
            for lang in LANGS:
                tt_update(tt / "pot", tt / f"{lang}-old", tt / lang)

        def mm_all() -> None:
            for lang in LANGS:
                msgmerge_loop(config.translations_dir / "templates", mm / f"{lang}-old", mm / lang)

        tt_upd, _ = timed("translate-toolkit (pot2po)", tt_all)
        mm_upd, _ = timed("GNU msgmerge --previous loop", mm_all)

    print("run (extract + update, as `pressflow update`)")
    edit_corpus(config.releases_dir, seed=args.seed + 7)
    full, catalogs = timed("full run (stamps forgotten)", lambda: pf_run(config, skip=False))
    again, _ = timed("nothing changed", lambda: pf_run(config, skip=True))

    print("\nresults (CPU time)")
    if reference:
        print(f"  extract: translate-toolkit / pressflow = {tt_ext / pf_ext:5.1f}x  (target >= 3)")
        print(f"  update:  translate-toolkit / pressflow = {tt_upd / pf_upd:5.1f}x  (target >= 3)")
        print(f"  update:  msgmerge loop / pressflow     = {mm_upd / pf_upd:5.1f}x")
    print(f"  nothing changed / full run = {100 * again / full:4.1f}%  (target <= 10%; "
          f"{catalogs} catalogs)")  # fmt: skip
    if reference:
        # The reference tools run as processes, so their start-up is in their times; pressflow
        # runs in this process. What one ``pressflow`` command adds to start, for comparison:
        boot = startup_cpu([sys.executable, "-c", "import pressflow.pipeline"])
        tools = {
            t: startup_cpu([sys.executable, "-c", f"import translate.{m}"])
            for t, m in (
                ("txt2po", "convert.txt2po"),
                ("posegment", "tools.posegment"),
                ("pot2po", "convert.pot2po"),
            )
        }
        shown = ", ".join(f"{t} {v:.2f} s" for t, v in tools.items())
        print(f"  start-up CPU per process: pressflow {boot:.2f} s (not in its times); {shown}")
        print(
            f"  with pressflow's start-up added: extract {tt_ext / (pf_ext + boot):.1f}x, "
            f"update {tt_upd / (pf_upd + boot):.1f}x"
        )
    print("\nverdict")
    ok = verdict(
        "nothing changed <= 10% of the full run",
        again <= 0.10 * full,
        f"{100 * again / full:.1f}%",
    )
    if reference:
        ok &= verdict(
            "extract >= 3x faster than txt2po + posegment",
            tt_ext >= 3 * pf_ext,
            f"{tt_ext / pf_ext:.1f}x",
        )
        ok &= verdict(
            "update >= 3x faster than pot2po", tt_upd >= 3 * pf_upd, f"{tt_upd / pf_upd:.1f}x"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
