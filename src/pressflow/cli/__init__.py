"""The ``pressflow`` command: Typer over :mod:`pressflow.pipeline`.

A command parses its options, calls one pipeline function, renders the result and returns the exit
code: 0 success, 1 a gate or an error-severity check failed, 2 bad input or usage. Reports for
machines go to stdout; messages for people go to stderr. The commands live in ``catalogs`` and
``site`` (imported here in the order ``--help`` lists them); ``base`` holds what they share.
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn

import typer

from ..errors import EXIT_BAD_INPUT, EXIT_OK, PressflowError
from . import catalogs, site  # noqa: F401 - registers the commands, in this order
from .base import app, err

try:  # typer >= 0.20 vendors click and exposes the base of its usage errors
    from typer import TyperException as UsageProblem
except ImportError:  # pragma: no cover - older typer on real click
    from click import ClickException as UsageProblem


def main() -> None:
    """Console entry point: one line and a documented exit code for every user error."""
    try:
        code = app(prog_name="pressflow", standalone_mode=False)
    except PressflowError as exc:
        fail(exc)
    except typer.Abort:
        err.print("pressflow: aborted")
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except UsageProblem as exc:
        exc.show()  # type: ignore[attr-defined]
        sys.exit(EXIT_BAD_INPUT)
    except KeyboardInterrupt:
        err.print("pressflow: interrupted")
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else EXIT_OK)


def fail(exc: PressflowError) -> NoReturn:
    """Print a pressflow error as its one line and exit with its code."""
    err.print(f"pressflow: error: {exc.shown(os.getcwd())}", markup=False)
    sys.exit(exc.exit_code)


if __name__ == "__main__":  # pragma: no cover
    main()
