"""Benchmark: a 2,000-release newsroom, every stage, beside translate-toolkit, wall and CPU.

    python benchmarks/newsroom.py [--corpus /tmp/corpus2000] [--releases 2000] [--work DIR]
                                  [--rows extract,update] [--repeat 3]

Uses the shared corpus of ``../shared/bench/gen_corpus.py N DIR`` (made when DIR does not exist
yet): ``txt/`` and ``html/`` releases. Every command runs as a process (``python -m pressflow``,
``python -m translate.convert.txt2po``...), so start-up counts for both tools. Each figure is
given twice: on every core this process may use, and with ``--jobs 1`` (the command confined
to one core through its CPU affinity: pressflow then uses no process pool), which is the fair
per-core comparison with translate-toolkit (single-threaded). Wall time is what a user waits;
CPU time is user + system of every process (measured with ``getrusage``), the figure that
holds on a busy machine. The extract and update rows run ``--repeat`` rounds (3), every side once
a round, interleaved, and show each side's best wall and best CPU: noise on a shared machine
only adds, and translate-toolkit's own CPU on the same pages moved by a third between single
runs. Commands that change nothing are run five times (the median is shown).

Rows: extract (txt, html) against txt2po + posegment and html2po (and, like for like, since
pressflow splits sentences and html2po does not, html2po + posegment); the first update (POT and
ru/en PO, from the releases) against the same work in translate-toolkit (txt2po + posegment +
pot2po x2), and the update with the templates already made against pot2po x2; extract with
nothing changed; ``run`` in full, with nothing changed and with one release edited (its output
compared byte for byte with a run from scratch); ``build`` with nothing changed; ``status``
against pocount; ``--help`` and ``update --check``; and the check that deleting ``.pressflow/``
changes no byte of the catalogs and the site.
``--rows`` runs some of them: ``extract`` (and the floor), ``update`` (both rows), ``rest`` (every
later row; what it needs from the earlier ones is made untimed).

Outputs a command made are moved into a trash folder before the next one, never deleted then:
on ext4 without a journal (this machine's disk) an inode freed in the last seconds, or minutes
while its inode-table block is unwritten, is not reused, and every file created meanwhile in
that block group looks past each of them (the kernel's ``recently_deleted``). Deleting the
catalogs of the run before cost the next command seconds of system time, most of all
pressflow's ``--jobs 1`` rows, which follow its all-core runs (the first update: 6.3 to 8.3 s
of CPU against 2.2 to 4.2 s with the outputs moved aside). The trash is emptied at the end (a
benchmark started on the same disk within five minutes of that may still pay for it).
Not a test: timings vary. Targets are issue 16's.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from timing import Timing, Trash, best_of, both, command, floor, measure

ROOT = Path(__file__).resolve().parent.parent
#: ``../shared/bench/gen_corpus.py`` beside the checkout (or beside a folder of worktrees)
GENERATOR = next(
    (p / "shared/bench/gen_corpus.py" for p in ROOT.parents if (p / "shared/bench").is_dir()),
    ROOT.parent / "shared/bench/gen_corpus.py",
)
ROWS = ("extract", "update", "rest")
LANGS = ("ru", "en")
SAME = 5  # runs of a command that changes nothing (median shown)
CONFIG = """[project]
name = "benchmark newsroom"
version = "1.0"
source_lang = "ky"
target_langs = ["ru", "en"]

[paths]
releases = "releases"
translations = "translations"
site = "site"

[mt]
engine = "none"

[site]
block_on = "none"
"""


def pressflow(root: Path, *args: str, one_core: bool = False) -> Callable[[], None]:
    return command([sys.executable, "-m", "pressflow", *args], cwd=root, one_core=one_core)


def toolkit(module: str, *args: str, cwd: Path, one_core: bool = False) -> Callable[[], None]:
    return command(
        [sys.executable, "-m", module, "--progress=none", *args], cwd=cwd, one_core=one_core
    )


# --------------------------------------------------------------------------- newsrooms


def newsroom(root: Path, releases: Path, trash: Trash) -> Path:
    """A pressflow project over a copy of ``releases``, nothing made yet."""
    trash.discard(root)
    shutil.copytree(releases, root / "releases")
    (root / "pressflow.toml").write_text(CONFIG, encoding="utf-8")
    return root


def fresh(root: Path, trash: Trash) -> Callable[[], None]:
    """Forget every output of ``root`` (catalogs, site, cache)."""

    def go() -> None:
        for name in ("translations", "site", ".pressflow"):
            trash.discard(root / name)

    return go


def translate(root: Path) -> None:
    """Every unit translated and reviewed (the state of a working newsroom; not timed)."""
    from pressflow.po import catalog
    from pressflow.translit import transliterate

    ru = str.maketrans("өүңӨҮҢ", "оунОУН")
    for lang in LANGS:
        for path in sorted((root / "translations" / lang).glob("*.po")):
            po = catalog.read_po(path)
            for entry in po:
                entry.msgstr = (
                    entry.msgid.translate(ru) if lang == "ru" else transliterate(entry.msgid)
                )
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
            catalog.write_po(po, path)


def outputs(root: Path) -> dict[str, bytes]:
    found = {}
    for folder in ("translations", "site"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                found[path.relative_to(root).as_posix()] = path.read_bytes()
    return found


def age(root: Path) -> None:
    """Every file a minute old, as between two working sessions (the cache trusts stat fields
    only for files not modified in the last seconds)."""
    then = time.time() - 60
    for path in root.rglob("*"):
        if path.is_file():
            os.utime(path, (then, then))


# --------------------------------------------------------------------------- report


class Table:
    def __init__(self) -> None:
        head = f"{'work':<48} {'pressflow':>15} {'--jobs 1':>15} {'translate-toolkit':>17}"
        print(head + f" {'tt/pf: CPU jobs 1 / wall':>26}")
        print(f"{'':<48} {'wall (CPU) s':>15} {'wall (CPU) s':>15} {'wall (CPU) s':>17}")

    def row(
        self,
        work: str,
        pf: Timing,
        one: Timing | None = None,
        tt: Timing | None = None,
        note: str = "",
    ) -> None:
        ratio = ""
        if tt is not None and one is not None:
            ratio = f"{tt.cpu / one.cpu:4.1f}x / {tt.wall / pf.wall:4.1f}x"
        cells = (str(one) if one else "-", str(tt) if tt else "-")
        line = f"{work:<48} {pf!s:>15} {cells[0]:>15} {cells[1]:>17} {ratio:>26}"
        print(line + (f"  {note}" if note else ""), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/corpus2000"))
    parser.add_argument("--releases", type=int, default=2000, help="when the corpus is made")
    parser.add_argument("--work", type=Path, help="work here (default: a scratch folder)")
    parser.add_argument(
        "--rows", default=",".join(ROWS), help=f"some of {', '.join(ROWS)} (default: all)"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="rounds of the extract and update rows, sides interleaved; best of each (default 3)",
    )
    args = parser.parse_args(argv)
    rows = set(args.rows.split(","))
    if not rows <= set(ROWS):
        parser.error(f"--rows: one or more of {', '.join(ROWS)}")
    if not (args.corpus / "txt").is_dir():
        subprocess.run(
            [sys.executable, str(GENERATOR), str(args.releases), str(args.corpus)], check=True
        )
    work = args.work or Path(tempfile.mkdtemp(prefix="pressflow-newsroom-"))
    work.mkdir(parents=True, exist_ok=True)
    trash = Trash(Path(tempfile.mkdtemp(prefix="trash-", dir=work)))
    try:
        bench(args.corpus, work, trash, rows, repeat=args.repeat)
    finally:
        trash.empty()
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def compiled() -> None:
    """pressflow's modules byte-compiled, as an install leaves them: with
    ``PYTHONDONTWRITEBYTECODE`` set, a module changed since its last compilation would be
    compiled again in every timed command (tenths of a second each time), and start-up with
    it. translate-toolkit, installed, is compiled already."""
    found = importlib.util.find_spec("pressflow")
    folders = list(found.submodule_search_locations or ()) if found is not None else []
    if folders:
        subprocess.run([sys.executable, "-m", "compileall", "-q", folders[0]], check=False)


def bench(corpus: Path, work: Path, trash: Trash, rows: set[str], *, repeat: int) -> None:
    compiled()
    txt = newsroom(work / "txt", corpus / "txt", trash)
    html = newsroom(work / "html", corpus / "html", trash)
    tt = work / "tt"
    count = len(list((txt / "releases").iterdir()))
    pages = len(list((html / "releases").iterdir()))
    print(f"corpus: {count} txt and {pages} html releases ({corpus});")
    cores = len(os.sched_getaffinity(0))
    print(f"{cores} core(s); every command a process; 'jobs 1': confined to one core\n")
    table = Table()

    def emptied(out: Path) -> Callable[[], None]:
        def go() -> None:
            trash.discard(out)
            out.mkdir(parents=True)  # (txt2po makes no more than one level of folders)

        return go

    def templates(module: str, releases: Path, out: Path, *, split: bool) -> Callable[[], None]:
        """translate-toolkit's templates of ``releases``: ``module`` writes ``out/raw``, and with
        ``split`` posegment cuts them into sentences in ``out/pot``."""
        convert = toolkit(
            module,
            "-P",
            "--duplicates=merge",
            "-i",
            str(releases),
            "-o",
            str(out / "raw"),
            cwd=work,
        )
        sentences = ["-P", "--source-language=ky", "-i", str(out / "raw"), "-o", str(out / "pot")]
        return (
            both(convert, toolkit("translate.tools.posegment", *sentences, cwd=work))
            if split
            else convert
        )

    def pot2po(pots: Path, out: Path) -> Callable[[], None]:
        return both(
            *(
                toolkit(
                    "translate.convert.pot2po", "-i", str(pots), "-o", str(out / lang), cwd=work
                )
                for lang in LANGS
            )
        )

    first = None
    if "extract" in rows:
        for name, room, module in (
            ("txt", txt, "translate.convert.txt2po"),
            ("html", html, "translate.convert.html2po"),
        ):
            out = tt / name
            sides = {
                "pf": (pressflow(room, "extract"), fresh(room, trash)),
                "one": (pressflow(room, "extract", one_core=True), fresh(room, trash)),
                # single-threaded: its own jobs 1
                "tt": (
                    templates(module, room / "releases", out, split=name == "txt"),
                    emptied(out),
                ),
            }
            if name == "html":  # like for like: the txt row's sentence split, for html too
                sides["tt+seg"] = (
                    templates(module, room / "releases", out, split=True),
                    emptied(out),
                )
            got = best_of(sides, rounds=repeat)
            label = "txt2po + posegment" if name == "txt" else "html2po"
            table.row(f"extract, {count} {name} (tt: {label})", got["pf"], got["one"], got["tt"])
            if "tt+seg" in got:
                table.row(
                    "  same, tt: html2po + posegment (like for like)",
                    got["pf"],
                    got["one"],
                    got["tt+seg"],
                    note="(html2po keeps paragraphs whole; pressflow splits sentences)",
                )

        out = tt / "floor"
        rest = best_of({"floor": (floor(html / "releases", out), emptied(out))}, rounds=repeat)
        table.row(
            f"floor: read {pages} releases, write {pages} files",
            rest["floor"],
            note="(no work: what any tool pays this file system)",
        )

    if "update" in rows:
        # update, first: templates and every PO. pressflow's update makes the templates too,
        # so translate-toolkit's counterpart is its whole chain (txt2po + posegment + pot2po
        # x2); the second row gives both the templates made, and times the catalogs alone.
        chain = tt / "chain"
        whole = both(
            templates("translate.convert.txt2po", txt / "releases", chain, split=True),
            pot2po(chain / "pot", chain),
        )
        got = best_of(
            {
                "pf": (pressflow(txt, "update"), fresh(txt, trash)),
                "one": (pressflow(txt, "update", one_core=True), fresh(txt, trash)),
                "tt": (whole, emptied(chain)),
            },
            rounds=repeat,
        )
        first = got["pf"]
        table.row("update, first (tt: txt2po+posegment+pot2po x2)", first, got["one"], got["tt"])

        def templates_made() -> None:
            fresh(txt, trash)()
            pressflow(txt, "extract")()

        if not (tt / "txt" / "pot").is_dir():  # (made by the extract rows; untimed here)
            emptied(tt / "txt")()
            templates("translate.convert.txt2po", txt / "releases", tt / "txt", split=True)()
        got = best_of(
            {
                "pf": (pressflow(txt, "update"), templates_made),
                "one": (pressflow(txt, "update", one_core=True), templates_made),
                "tt": (pot2po(tt / "txt" / "pot", tt / "po"), emptied(tt / "po")),
            },
            rounds=repeat,
        )
        table.row("update, templates made (tt: pot2po x2)", got["pf"], got["one"], got["tt"])

    if "rest" in rows:
        if first is None:  # (the catalogs the later rows start from; untimed)
            pressflow(txt, "update")()
        later_rows(txt, work, trash, table, first)


def later_rows(txt: Path, work: Path, trash: Trash, table: Table, first: Timing | None) -> None:
    """Every row after the updates, on the txt newsroom they left."""
    count = len(list((txt / "releases").iterdir()))
    again = measure(pressflow(txt, "extract"), runs=SAME)
    share = f"{100 * again.cpu / first.cpu:.0f}% of a first update's CPU" if first else ""
    table.row("extract, nothing changed", again, note=share)

    # run: full, nothing changed, one release edited
    translate(txt)
    full = measure(pressflow(txt, "run"), before=lambda: trash.discard(txt / ".pressflow"))
    table.row("run, full (catalogs translated)", full)
    age(txt)
    measure(pressflow(txt, "run"))  # the first run after a full one hashes what it wrote
    same = measure(pressflow(txt, "run"), runs=SAME)
    table.row(
        "run, nothing changed",
        same,
        note=f"{100 * same.wall / full.wall:.1f}% of a full run (wall)",
    )
    edited = sorted((txt / "releases").iterdir())[count // 2]

    def edit() -> None:
        with edited.open("a", encoding="utf-8") as handle:
            handle.write("\nЖаңы сүйлөм кошулду.\n")

    one_edit = measure(pressflow(txt, "run"), before=edit)
    copy = work / "scratch"
    trash.discard(copy)
    shutil.copytree(txt, copy, ignore=shutil.ignore_patterns(".pressflow"))
    command([sys.executable, "-m", "pressflow", "run"], cwd=copy)()
    identical = outputs(copy) == outputs(txt)
    table.row(
        "run, one release edited", one_edit, note=f"identical to a run from scratch: {identical}"
    )
    age(txt)
    measure(pressflow(txt, "run"))
    build = measure(pressflow(txt, "build"), runs=SAME)
    table.row(f"build, nothing changed ({len(list((txt / 'site').rglob('*.html')))} pages)", build)
    status = measure(pressflow(txt, "status"), runs=SAME)
    pocount = measure(
        command(
            [sys.executable, "-m", "translate.tools.pocount", str(txt / "translations")], cwd=work
        )
    )
    table.row("status (tt: pocount)", status, None, pocount)
    helped = measure(pressflow(txt, "--help"), runs=SAME)
    tt_help = measure(
        command([sys.executable, "-m", "translate.tools.pocount", "--help"], cwd=work), runs=SAME
    )
    table.row("--help (tt: pocount --help)", helped, None, tt_help)
    check = measure(pressflow(txt, "update", "--check"), runs=SAME)
    table.row("update --check, nothing changed", check)

    # the cache is safe to delete
    before = outputs(txt)
    trash.discard(txt / ".pressflow")
    command([sys.executable, "-m", "pressflow", "run"], cwd=txt)()
    same_bytes = outputs(txt) == before
    print(f"\n.pressflow/ deleted, run again: catalogs and site byte-identical: {same_bytes}")


if __name__ == "__main__":
    sys.exit(main())
