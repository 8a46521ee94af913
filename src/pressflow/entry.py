"""The console entry point: a fast answer when ``update`` has nothing to do, else the CLI.

Pre-commit hooks, CI steps and editors run ``pressflow update`` or ``pressflow update --check``
on every commit or save, and almost always nothing changed. The pipeline knows that from the
stamps and a few ``stat`` calls per release (``pipeline.update_if_unchanged``), in less time
than loading the CLI framework (Typer, Click, Rich, pydantic) takes. So for exactly those two
command lines this module asks the pipeline first and prints the line the Typer command prints;
when there is work, it runs it and prints what the command prints (``_update``; ``extract``
alike). Everything else (another option, a warning, any error) goes to :mod:`pressflow.cli`,
which parses, reports and decides the exit code as always.

``status`` is kept whole the same way: the table it printed, given again while no file its check
rests on changed (and printed where it was, alike); ``--help`` too (see ``_help``).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable

    from .results import UpdateResult
    from .terminal import SafeConsole

T = TypeVar("T")
QUICK = {("update",): False, ("update", "--check"): True}  # command line -> check_only
COMPLETION = "_PRESSFLOW_COMPLETE"  # set by a shell asking Typer to complete a command line
KEPT_OUTPUT = {("status",)}  # command lines whose whole output is kept while nothing changed
VERSION = {("--version",), ("-V",)}
HELP = {("--help",), ("-h",)}
#: what Rich and Typer read to decide how help looks (besides whether stdout is a terminal)
LOOKS = ("COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "TERM", "COLORTERM", "TTY_COMPATIBLE")


def main() -> None:
    _tune_collector()  # (before the quick answers too: their thousands of stats are objects)
    if tuple(sys.argv[1:]) in VERSION:  # as the CLI prints it, without loading the CLI
        from . import __version__

        sys.stdout.write(f"pressflow {__version__}\n")
        sys.exit(0)
    if tuple(sys.argv[1:]) in HELP:
        _help()
    check_only = QUICK.get(tuple(sys.argv[1:]))
    if check_only is not None:
        kept = _kept(tuple(sys.argv[1:]))
        if kept is not None:
            sys.stderr.write(kept[0] + "\n")
            sys.exit(kept[1])
        try:
            result = _unchanged(check_only=check_only)
        except KeyboardInterrupt:
            sys.stderr.write("pressflow: interrupted\n")  # as the CLI says it
            sys.exit(130)
        if result is not None:
            sys.stderr.write(result.summary() + "\n")
            _leave(result.exit_code)
        if COMPLETION not in os.environ:
            _update(check_only=check_only)
    if tuple(sys.argv[1:]) == ("extract",) and COMPLETION not in os.environ:
        _extract()
    if tuple(sys.argv[1:]) in KEPT_OUTPUT and COMPLETION not in os.environ:
        _kept_output(tuple(sys.argv[1:]))
    from .cli import main as cli_main

    cli_main()


def _tune_collector() -> None:
    """Collect less often. A big release is hundreds of thousands of small objects (segments,
    entries, their lists) that live until the catalogs are written and hold no cycles; at the
    default thresholds the collector walks them again and again, a third of ``update``'s time
    on a release of 100,000 lines. A newsroom's cache tables are as many again (a run over
    2,000 releases reads some 300,000 containers that live until it ends): each collection of
    them found next to nothing and cost a twentieth of a run that renders one edited release.
    Workers are forked from here and inherit the setting."""
    import gc

    gc.set_threshold(500_000, 50, 100)


def _extract() -> NoReturn:
    """``pressflow extract`` as the CLI runs it, without loading the CLI framework unless there
    is something to report beside the last line (a warning, an error): the command is run on
    every commit by hooks and on every save by editors, and Typer, Click and Rich are a fifth of
    its start-up. Always exits."""
    from .pipeline import extract, open_project

    result = _as_the_cli(lambda: extract(open_project(None)))
    if result.problems:
        from .cli.base import err, warn

        warn(result.problems)
        err.print(result.summary())
    else:  # (a line of plain words and digits: the console would print it as it is)
        sys.stderr.write(result.summary() + "\n")
    _leave(0)


def _update(*, check_only: bool) -> NoReturn:
    """``pressflow update`` (``--check``) as the CLI runs it, progress and output alike, without
    loading the CLI framework unless there is a finding or an error to report: the command a
    newsroom runs after every edit. Where stderr is a log (a hook, CI), not even Rich is loaded
    for its plain lines. Always exits."""
    from .pipeline import open_project, update

    if _plain_stderr():
        from .progress import plain_ticks

        tick = plain_ticks(_write_line, "update", "releases")
        result = _as_the_cli(lambda: update(open_project(None), check_only=check_only, tick=tick))
        if not (result.problems or (check_only and result.outdated)):
            _write_line(result.summary())  # (plain words and digits: as the console prints it)
            _leave(result.exit_code)
        _report_update(result, check_only=check_only)
    from .progress import ticking
    from .terminal import console

    err = console(stderr=True)

    def run() -> UpdateResult:
        with ticking(err, "update", "releases") as tick:
            return update(open_project(None), check_only=check_only, tick=tick)

    _report_update(_as_the_cli(run), check_only=check_only, err=err)


def _report_update(
    result: UpdateResult, *, check_only: bool, err: SafeConsole | None = None
) -> NoReturn:
    """What ``update`` prints at its end (findings, files out of date, the summary); exits."""
    from .terminal import console

    err = err or console(stderr=True)
    if result.problems:
        from .cli.base import warn

        warn(result.problems)
    for change in result.outdated if check_only else ():
        err.print(f"{change.path}: out of date with its release", markup=False)
    err.print(result.summary(), markup=False)
    _leave(result.exit_code)


def _leave(code: int) -> NoReturn:
    """Exit with ``code`` once the run's work is done and reported, without the interpreter's
    tear-down: a last collection over every object still alive and the freeing of each module
    and of each object one by one, a twentieth of an extract over thousands of releases, for
    memory the operating system takes back at once. What the tear-down does that counts is
    done here: the exit handlers run and both output streams are flushed. While another thread
    runs (none does once a run's pool and flush are over), under a profiler or a tracer (they
    report as Python exits), or when a stream cannot be flushed (a closed pipe), Python exits
    as always and reports it as always. (A stream is None when its descriptor was closed at
    start-up, ``>&-``: nothing to flush.)"""
    import atexit
    import threading

    if threading.active_count() > 1 or sys.getprofile() or sys.gettrace():
        sys.exit(code)
    atexit._run_exitfuncs()
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        sys.exit(code)
    os._exit(code)


def _plain_stderr() -> bool:
    """Whether Rich would see stderr as no terminal (a pipe, a file, a log): then it prints
    plain text, as a plain write does. Any setting Rich reads to decide otherwise keeps Rich."""
    if any(name in os.environ for name in ("FORCE_COLOR", "TTY_COMPATIBLE")):
        return False
    try:
        return not sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _write_line(text: str) -> None:
    sys.stderr.write(text + "\n")


def _as_the_cli(run: Callable[[], T]) -> T:
    """``run()``, its errors ended as the CLI ends them: a pressflow error's one line and exit
    code (printed by the CLI's console), an interruption's line and 130."""
    from .errors import PressflowError

    try:
        return run()
    except PressflowError as exc:
        from .cli import fail

        fail(exc)
    except KeyboardInterrupt:
        sys.stderr.write("pressflow: interrupted\n")  # as the CLI says it
        sys.exit(130)


def _unchanged(*, check_only: bool) -> UpdateResult | None:
    """``update``'s result when it has nothing to do, else None (any error included: the CLI
    meets it again and reports it with its file, line and exit code)."""
    from .errors import PressflowError
    from .pipeline import open_project, update_if_unchanged

    try:
        return update_if_unchanged(open_project(None), check_only=check_only)
    except PressflowError:
        return None


def _kept(command: tuple[str, ...]) -> tuple[str, int] | None:
    """The line and exit code ``update`` gave last time, when nothing it rests on has changed
    since (pressflow's code, the project file, the folders, every release and catalog: one
    ``stat`` each, see ``answers.known_answer``); else None. Loads neither the config nor the
    pipeline: a hook asking on every commit is answered in about the time Python starts."""
    _, answer = _known(command)
    if not isinstance(answer, dict):
        return None
    summary, code = answer.get("summary"), answer.get("exit_code")
    return (summary, code) if isinstance(summary, str) and isinstance(code, int) else None


def _known(command: tuple[str, ...]) -> tuple[Path | None, object | None]:
    """The project's folder (None outside one) and the answer kept there for ``command``."""
    from .answers import answer_name, known_answer
    from .projectfile import find_config

    try:
        found = find_config(Path.cwd().resolve())
    except OSError:
        return None, None
    if found is None:
        return None, None
    return found.parent, known_answer(found.parent, answer_name(*command))


def _help() -> None:
    """``pressflow --help`` as Typer printed it last time under the same conditions (pressflow's
    files by their stat, as ``update``'s kept answer takes them; Typer's and Rich's files; the
    terminal), without loading them: the help text is the same bytes, and shells, editors and
    people ask for it often. Made by Typer (and remembered, unless pressflow's files were just
    modified) when it is not known; exits either way."""
    from .answers import code_stats

    code = code_stats()
    key = repr([code, *_looks()]) if code is not None else ""
    path = _help_file()
    try:
        with open(path, encoding="utf-8") as handle:
            known, _, text = handle.read().partition("\n")
    except (OSError, UnicodeDecodeError):
        known, text = "", ""
    if key and known == key:
        sys.stdout.write(text)
        sys.exit(0)

    def remember(shown: str) -> None:
        if not key:
            return
        from .errors import PressflowError
        from .files import atomic_write

        with contextlib.suppress(PressflowError, OSError):  # remembering is optional
            atomic_write(Path(path), key + "\n" + shown)

    _shown_by_cli(remember)


def _looks() -> list[object]:
    """What decides how Rich and Typer print, besides what they print: whether stdout is a
    terminal (and its size), the variables they read, and their own files."""
    looks: list[object] = [os.environ.get(name, "") for name in LOOKS]
    tty = sys.stdout.isatty()
    if tty:
        looks.append(str(os.get_terminal_size(sys.stdout.fileno())))
    return [tty, looks, [_installed(name) for name in ("typer", "rich", "click")]]


def _shown_by_cli(remember: Callable[[str], None]) -> NoReturn:
    """Run the CLI; when it succeeds, ``remember`` what it printed on stdout. Always exits."""
    from .cli import main as cli_main

    shown = _Tee(sys.stdout)
    sys.stdout = shown
    try:
        cli_main()
    except SystemExit as done:
        sys.stdout = shown.real
        if done.code in (0, None):
            remember("".join(shown.parts))
        raise
    raise AssertionError("the CLI always exits")  # pragma: no cover


def _kept_output(command: tuple[str, ...]) -> NoReturn:
    """``command`` (``status``) printed as it was last time, when nothing it rests on changed
    since (the project file, the glossary, the folders, every release and catalog, pressflow's
    code: one ``stat`` each, see ``answers.known_answer``) and it is printed alike (the same
    terminal, or none, and the same working folder); else run by the CLI, and what it prints
    kept for next time. Its answer depends on nothing else: the check behind it is worked out
    from those files' content alone. Always exits."""
    import time

    start = time.time_ns()  # a file changed from here on may be read either way: not kept
    looks = [os.getcwd(), *_looks()]
    root, answer = _known(command)
    if isinstance(answer, dict) and answer.get("looks") == looks:
        shown = answer.get("stdout")
        if isinstance(shown, str):
            sys.stdout.write(shown)
            sys.exit(0)

    def remember(shown: str) -> None:
        from .answers import answer_name, remember_answer
        from .errors import PressflowError
        from .pipeline import check_inputs, open_project

        if root is None:
            return
        try:
            inputs = check_inputs(open_project(root))
        except (PressflowError, OSError):
            return
        kept = {"looks": looks, "stdout": shown}
        remember_answer(root, answer_name(*command), kept, inputs, since=start)

    _shown_by_cli(remember)


def _installed(name: str) -> str:
    """Where a library's code is and when it last changed, without importing it."""
    import importlib.util

    spec = importlib.util.find_spec(name)
    origin = spec.origin if spec is not None and spec.origin else ""
    try:
        st = os.stat(os.path.dirname(origin)) if origin else None
    except OSError:
        st = None
    return f"{origin}:{st.st_mtime_ns if st else ''}"


def _help_file() -> str:
    from platformdirs import user_cache_dir

    return os.path.join(user_cache_dir("pressflow"), "help.txt")


class _Tee:
    """Standard output that also keeps what is written (Rich still sees the real terminal)."""

    def __init__(self, real: object):
        self.real = real
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        written = self.real.write(text)  # type: ignore[attr-defined]
        self.parts.append(text)  # (after: a library probing with bytes meets the real error)
        return written  # type: ignore[no-any-return]

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)
