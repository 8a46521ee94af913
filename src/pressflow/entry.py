"""The console entry point: a fast answer when ``update`` has nothing to do, else the CLI.

Pre-commit hooks, CI steps and editors run ``pressflow update`` or ``pressflow update --check``
on every commit or save, and almost always nothing changed. The pipeline knows that from the
stamps and a few ``stat`` calls per release (``pipeline.update_if_unchanged``), in less time
than loading the CLI framework (Typer, Click, Rich, pydantic) takes. So for exactly those two
command lines this module asks the pipeline first and prints the line the Typer command prints.
Everything else (another option, a release to process, a warning, any error) goes to
:mod:`pressflow.cli`, which parses, reports and decides the exit code as always.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .results import UpdateResult

QUICK = {("update",): False, ("update", "--check"): True}  # command line -> check_only
VERSION = {("--version",), ("-V",)}


def main() -> None:
    if tuple(sys.argv[1:]) in VERSION:  # as the CLI prints it, without loading the CLI
        from . import __version__

        sys.stdout.write(f"pressflow {__version__}\n")
        sys.exit(0)
    check_only = QUICK.get(tuple(sys.argv[1:]))
    if check_only is not None:
        try:
            result = _unchanged(check_only=check_only)
        except KeyboardInterrupt:
            sys.stderr.write("pressflow: interrupted\n")  # as the CLI says it
            sys.exit(130)
        if result is not None:
            sys.stderr.write(result.summary() + "\n")
            sys.exit(result.exit_code)
    _tune_collector()
    from .cli import main as cli_main

    cli_main()


def _tune_collector() -> None:
    """Collect less often. A big release is hundreds of thousands of small objects (segments,
    entries, their lists) that live until the catalogs are written and hold no cycles; at the
    default thresholds the collector walks them again and again, a third of ``update``'s time
    on a release of 100,000 lines. Workers are forked from here and inherit the setting."""
    import gc

    gc.set_threshold(100_000, 50, 100)


def _unchanged(*, check_only: bool) -> UpdateResult | None:
    """``update``'s result when it has nothing to do, else None (any error included: the CLI
    meets it again and reports it with its file, line and exit code)."""
    from .errors import PressflowError
    from .pipeline import open_project, update_if_unchanged

    try:
        return update_if_unchanged(open_project(None), check_only=check_only)
    except PressflowError:
        return None
