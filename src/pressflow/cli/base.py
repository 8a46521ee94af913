"""What every command shares: the Typer app, the consoles, the common options and warnings."""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from .. import __version__, pipeline
from ..config import Config
from ..errors import EXIT_OK
from ..model import Problem
from ..terminal import console, printable

EXIT_CODES = (
    "Exit codes: 0 success; 1 a gate or an error-severity check failed; 2 bad input or usage."
)

app = typer.Typer(
    name="pressflow",
    help="Kyrgyz press releases to Russian and English through gettext catalogs.\n\n" + EXIT_CODES,
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion [bash|zsh|fish|powershell]
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


err = console(stderr=True)
out = console(stderr=False)


class SegmentFormat(str, Enum):
    text = "text"
    jsonl = "jsonl"


class ReportFormat(str, Enum):
    table = "table"
    json = "json"
    junit = "junit"
    github = "github"


LangOpt = Annotated[
    Optional[list[str]],  # noqa: UP045 - typer needs Optional at runtime on 3.10
    typer.Option("--lang", "-l", help="Target language (repeatable); default: all targets."),
]
ReleaseOpt = Annotated[
    Optional[list[str]],  # noqa: UP045
    typer.Option("--release", "-r", help="Only this release slug (repeatable)."),
]
EngineOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--engine", help="MT engine: google, mymemory, yandex, microsoft or none."),
]
UrlOpt = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--engine-url", help="Send MT requests to this address (mirror, proxy, test)."),
]


def _show_version(value: bool) -> None:
    if value:
        out.print(f"pressflow {__version__}", markup=False)
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(
    ctx: typer.Context,
    project: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--project", "-C", help="Project folder (default: nearest pressflow.toml)."),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_show_version, is_eager=True, help="Print the version."
        ),
    ] = False,
) -> None:
    ctx.obj = project


def config_of(ctx: typer.Context) -> Config:
    return pipeline.open_project(ctx.obj)


#: what Rich reads as an emoji code (``:smile:``, in ``console.print``'s default): no whitespace
#: between two colons
_EMOJI_LIKE = re.compile(r":\S*?:")


def say(console: Console, text: str) -> None:
    """``console.print(text, markup=False)``, written out directly when that is exactly what
    Rich would write: into a file or a pipe (no terminal, so no style), with no tab (Rich
    expands them) and nothing Rich could take for an emoji code. Rich lays out each line of a
    text on its own, and ``run``'s summary has one per catalog: thousands."""
    if not console.is_terminal and "\t" not in text and not _EMOJI_LIKE.search(text):
        console.file.write(printable(text) + "\n")
        return
    console.print(text, markup=False)


def _where(problem: Problem) -> str:
    if problem.path and problem.line:
        return f"{problem.path}:{problem.line}: "
    return f"{problem.path}: " if problem.path else ""


def warn(problems: list[Problem]) -> None:
    for p in problems:
        err.print(f"{_where(p)}{p.severity}: {p.message} [{p.check}]", markup=False)
