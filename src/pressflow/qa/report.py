"""Reports of a check run: a rich table for people, JSON for tools, JUnit XML for CI dashboards,
GitHub workflow commands that annotate PO lines in a pull request, and one-line summaries.

Renderers are registered by format name; each takes a ``CheckResult`` and returns text (or a
rich renderable for ``table`` and ``status``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..model import Problem
from .gate import CheckResult
from .registry import CHECKS

Renderer = Callable[[CheckResult], Any]
RENDERERS: dict[str, Renderer] = {}


def renderer(name: str) -> Callable[[Renderer], Renderer]:
    def register(func: Renderer) -> Renderer:
        RENDERERS[name] = func
        return func

    return register


def render(result: CheckResult, fmt: str = "table") -> Any:
    """The report of ``result`` in format ``fmt`` (table, json, junit, github, status, summary)."""
    try:
        return RENDERERS[fmt](result)
    except KeyError:
        raise ValueError(f"unknown report format {fmt!r}") from None


def problem_dict(p: Problem) -> dict[str, object]:
    return {
        "release": p.release,
        "lang": p.lang,
        "check": p.check,
        "severity": p.severity,
        "msgid": p.msgid,
        "message": p.message,
        "file": p.path,
        "line": p.line,
    }


@renderer("json")
def render_json(result: CheckResult) -> str:
    data = {
        "passed": result.passed,
        "catalogs": [c.as_dict() for c in result.catalogs],
        "problems": [problem_dict(p) for p in result.all_problems],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _gh_escape(text: str, *, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


@renderer("github")
def render_github(result: CheckResult) -> str:
    """``::error file=…,line=…,title=…::message`` lines; completeness notes are not annotated."""
    lines = []
    for p in result.all_problems:
        if p.check in CHECKS and CHECKS[p.check].completeness:
            continue
        level = "error" if p.severity == "error" else "warning"
        props = []
        if p.path:
            props.append(f"file={_gh_escape(p.path, prop=True)}")
        if p.line:
            props.append(f"line={p.line}")
        props.append(f"title={_gh_escape(f'pressflow {p.check}', prop=True)}")
        where = f"[{p.lang}] " if p.lang else ""
        lines.append(f"::{level} {','.join(props)}::{_gh_escape(where + p.message)}")
    done = "passed" if result.passed else "failed"
    lines.append(f"pressflow check {done}: {_counts(result)}")
    return "\n".join(lines) + "\n"


def _counts(result: CheckResult) -> str:
    errors, warnings = len(result.errors), len(result.warnings)
    return f"{len(result.catalogs)} catalog(s), {errors} error(s), {warnings} warning(s)"


@renderer("junit")
def render_junit(result: CheckResult) -> str:
    """JUnit XML: one suite per catalog, one test case per check (failed if it found anything)."""
    from .gate import GATE_CODE

    suites = []
    total_tests = total_failures = 0
    codes = sorted(CHECKS)
    for stats in result.catalogs:
        name = f"{stats.release}.{stats.lang}"
        mine = [
            p for p in result.all_problems if p.release == stats.release and p.lang == stats.lang
        ]
        cases = []
        failures = 0
        for code in [GATE_CODE, *codes]:
            found = [p for p in mine if p.check == code]
            body = ""
            fails = [p for p in found if p.severity == "error" or result.strict]
            if code != GATE_CODE and code in CHECKS and CHECKS[code].completeness:
                fails = []
            if fails:
                failures += 1
                text = "\n".join(f"{p.path}:{p.line}: {p.message} ({p.msgid[:80]})" for p in found)
                body = (
                    f"<failure type={quoteattr(code)} "
                    f"message={quoteattr(f'{len(found)} problem(s)')}>{escape(text)}</failure>"
                )
            elif found:
                text = "\n".join(f"{p.path}:{p.line}: {p.severity}: {p.message}" for p in found)
                body = f"<system-out>{escape(text)}</system-out>"
            cases.append(
                f'    <testcase classname={quoteattr("pressflow." + name)} '
                f"name={quoteattr(code)} file={quoteattr(stats.path)} time=\"0\">{body}</testcase>"
            )
        total_tests += len(cases)
        total_failures += failures
        suites.append(
            f"  <testsuite name={quoteattr(name)} tests=\"{len(cases)}\" failures=\"{failures}\" "
            f'errors="0" skipped="0" time="0">\n' + "\n".join(cases) + "\n  </testsuite>"
        )
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<testsuites name="pressflow check" tests="{total_tests}" failures="{total_failures}" '
        'errors="0" time="0">'
    )
    return "\n".join([head, *suites, "</testsuites>"]) + "\n"


def _severity_style(severity: str) -> str:
    return "red" if severity == "error" else "yellow"


@renderer("table")
def render_table(result: CheckResult) -> Group:
    stats = Table(title="Translation status", title_justify="left")
    for column in ("release", "lang", "translated", "fuzzy", "untranslated", "total", "%"):
        stats.add_column(column, justify="left" if column in ("release", "lang") else "right")
    for c in result.catalogs:
        stats.add_row(
            c.release, c.lang, str(c.translated), str(c.fuzzy), str(c.untranslated),
            str(c.total), f"{c.percent:g}",
        )
    parts: list[Any] = [stats]
    shown = [
        p
        for p in result.all_problems
        if not (p.check in CHECKS and CHECKS[p.check].completeness)
    ]
    if shown:
        problems = Table(title="Problems", title_justify="left")
        for column in ("where", "lang", "severity", "check", "message"):
            problems.add_column(column, overflow="fold")
        for p in shown:
            problems.add_row(
                f"{p.path}:{p.line}" if p.line else p.path,
                p.lang,
                Text(p.severity, style=_severity_style(p.severity)),
                p.check,
                p.message,
            )
        parts.append(problems)
    verdict = "passed" if result.passed else "FAILED"
    parts.append(Text(f"check {verdict}: {_counts(result)}", style="green" if result.passed else "red"))
    return Group(*parts)


def problem_counts(result: CheckResult) -> dict[tuple[str, str], int]:
    """Non-completeness problems per (release, lang), for the status views."""
    counts: dict[tuple[str, str], int] = {}
    for p in result.all_problems:
        if p.check in CHECKS and CHECKS[p.check].completeness:
            continue
        counts[(p.release, p.lang)] = counts.get((p.release, p.lang), 0) + 1
    return counts


@renderer("status")
def render_status(result: CheckResult) -> Table:
    table = Table(title="pressflow status", title_justify="left")
    for column in ("release", "lang", "translated", "fuzzy", "untranslated", "problems", "%"):
        table.add_column(column, justify="left" if column in ("release", "lang") else "right")
    counts = problem_counts(result)
    for c in result.catalogs:
        table.add_row(
            c.release, c.lang, str(c.translated), str(c.fuzzy), str(c.untranslated),
            str(counts.get((c.release, c.lang), 0)), f"{c.percent:g}",
        )
    return table


@renderer("summary")
def render_summary(result: CheckResult) -> str:
    """One line per catalog and a verdict, for ``pressflow run``."""
    counts = problem_counts(result)
    lines = [
        f"check: {c.release} [{c.lang}] {c.percent:g}% translated "
        f"({c.translated}/{c.total}, {c.fuzzy} fuzzy), "
        f"{counts.get((c.release, c.lang), 0)} problem(s)"
        for c in result.catalogs
    ]
    lines.append(f"check: {'passed' if result.passed else 'failed'}: {_counts(result)}")
    return "\n".join(lines)
