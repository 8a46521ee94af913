"""Reports of a check run: a rich table for people, one line per problem for logs and pipes,
JSON for tools, JUnit XML for CI dashboards, GitHub workflow commands that annotate PO lines in
a pull request (with a Markdown step summary), and one-line summaries.

Renderers are registered by format name; each takes a ``CheckResult`` and returns text (or a
rich renderable for ``table`` and ``status``).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..model import Problem
from .findings import count
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


def shown_problems(result: CheckResult) -> list[Problem]:
    """The problems a report lists one by one: completeness notes (an untranslated entry) are
    counted in the catalog figures instead."""
    return [
        p for p in result.all_problems if not (p.check in CHECKS and CHECKS[p.check].completeness)
    ]


def problem_line(p: Problem) -> str:
    """``file:line: severity: message [code]``, the form compilers, editors and CI logs parse."""
    where = f"{p.path}:{p.line}: " if p.path and p.line else (f"{p.path}: " if p.path else "")
    text = " ".join(p.message.split())  # one problem, one line, whatever the message holds
    return f"{where}{p.severity}: {text} [{p.check}]"


@renderer("lines")
def render_lines(result: CheckResult) -> str:
    """The table for a pipe, a file or a CI log: one unwrapped line per problem, then the
    verdict (a terminal's table wraps at its width and cuts ``file:line`` in two)."""
    lines = [problem_line(p) for p in shown_problems(result)]
    lines.append(f"check {'passed' if result.passed else 'FAILED'}: {_counts(result)}")
    return "\n".join(lines) + "\n"


def _gh_escape(text: str, *, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


# GitHub shows 10 error, 10 warning and 10 notice annotations per step (50 per job) and drops
# the rest silently; see "Limitations" in actions/toolkit's docs/problem-matchers.md.
ANNOTATIONS_PER_SEVERITY = 10


def _annotation(p: Problem, level: str) -> str:
    props = []
    if p.path:
        props.append(f"file={_gh_escape(p.path, prop=True)}")
    if p.line:
        props.append(f"line={p.line}")
    props.append(f"title={_gh_escape(f'pressflow {p.check}', prop=True)}")
    where = f"[{p.lang}] " if p.lang else ""
    return f"::{level} {','.join(props)}::{_gh_escape(where + p.message)}"


@renderer("github")
def render_github(result: CheckResult) -> str:
    """``::error file=…,line=…,title=…::message`` lines, errors first, at most GitHub's limit per
    severity; the rest as plain log lines and one ``::notice`` counting them, so nothing
    vanishes from the pull request unsaid. Completeness notes are not annotated."""
    shown = shown_problems(result)
    errors = [p for p in shown if p.severity == "error"]
    warnings = [p for p in shown if p.severity != "error"]
    lines: list[str] = []
    rest: list[Problem] = []
    for level, found in (("error", errors), ("warning", warnings)):
        lines += [_annotation(p, level) for p in found[:ANNOTATIONS_PER_SEVERITY]]
        rest += found[ANNOTATIONS_PER_SEVERITY:]
    if rest:
        lines += [problem_line(p) for p in rest]
        more_errors = sum(p.severity == "error" for p in rest)
        note = (
            f"{len(rest)} more problem(s) not annotated ({more_errors} error(s), "
            f"{len(rest) - more_errors} warning(s)): GitHub shows {ANNOTATIONS_PER_SEVERITY} "
            "per severity and step. All are listed in this step's log; "
            "run 'pressflow check' locally to see them with their lines."
        )
        lines.append(f"::notice title=pressflow check::{_gh_escape(note)}")
    done = "passed" if result.passed else "failed"
    lines.append(f"pressflow check {done}: {_counts(result)}")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def step_summary(result: CheckResult) -> str:
    """Markdown for ``$GITHUB_STEP_SUMMARY``: one row per release and language with the percent
    translated and the errors and warnings found (the job's summary page shows it)."""
    counts: dict[tuple[str, str, str], int] = {}
    for p in shown_problems(result):
        key = (p.release, p.lang, "error" if p.severity == "error" else "warning")
        counts[key] = counts.get(key, 0) + 1
    verdict = "passed" if result.passed else "failed"
    lines = [
        f"### pressflow check {verdict}",
        "",
        f"{_counts(result)}",
        "",
        "| release | language | translated | errors | warnings |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for c in result.catalogs:
        errors = counts.get((c.release, c.lang, "error"), 0)
        warnings = counts.get((c.release, c.lang, "warning"), 0)
        lines.append(
            f"| {_cell(c.release)} | {_cell(c.lang)} | {c.percent:g}% | {errors} | {warnings} |"
        )
    return "\n".join(lines) + "\n\n"


def _counts(result: CheckResult) -> str:
    errors, warnings = result.severity_count("error"), result.severity_count("warning")
    return f"{len(result.catalogs)} catalog(s), {errors} error(s), {warnings} warning(s)"


@renderer("junit")
def render_junit(result: CheckResult) -> str:
    """JUnit XML: a suite per catalog, a test case per check (and one for the gate), failed when
    it found an error (or any problem under --strict); warnings go to the case's system-out."""
    from .gate import GATE_CODE

    root = ET.Element("testsuites", name="pressflow check", time="0")
    total = failed = 0
    for stats in result.catalogs:
        name = f"{stats.release}.{stats.lang}"
        mine = [
            p for p in result.all_problems if p.release == stats.release and p.lang == stats.lang
        ]
        suite = ET.SubElement(root, "testsuite", name=name, time="0", file=stats.path)
        failures = 0
        codes = [GATE_CODE, *sorted(CHECKS)]
        for code in codes:
            found = [p for p in mine if p.check == code]
            case = ET.SubElement(suite, "testcase", name=code, classname=f"pressflow.{name}")
            case.set("time", "0")
            completeness = code in CHECKS and CHECKS[code].completeness
            fails = (
                [] if completeness else [p for p in found if p.severity == "error" or result.strict]
            )
            lines = "\n".join(
                f"{p.path}:{p.line}: {p.severity}: {p.message}"
                + (f" [{p.msgid[:80]}]" if p.msgid else "")
                for p in found
            )
            if fails:
                failures += 1
                failure = ET.SubElement(
                    case,
                    "failure",
                    type=code,
                    message=f"{len(found)} problem(s): {found[0].message}",
                )
                failure.text = lines
            elif found:
                ET.SubElement(case, "system-out").text = lines
        suite.set("tests", str(len(codes)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        total += len(codes)
        failed += failures
    root.set("tests", str(total))
    root.set("failures", str(failed))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _columns(table: Table, names: tuple[str, ...]) -> None:
    """Slugs never wrap (they are looked up, copied); counts right-aligned, compact headers."""
    for name in names:
        if name in NAME_COLUMNS:
            table.add_column(name, no_wrap=True)
        else:
            table.add_column(name, justify="right")


def severity_style(severity: str) -> str:
    return "red" if severity == "error" else "yellow"


@renderer("table")
def render_table(result: CheckResult) -> Group:
    stats = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    _columns(stats, ("release", "lang", "translated", "fuzzy", "untranslated", "total", "%"))
    for c in result.catalogs:
        stats.add_row(
            Text(c.release),
            Text(c.lang),
            str(c.translated),
            str(c.fuzzy),
            str(c.untranslated),
            str(c.total),
            f"{c.percent:g}",
        )
    parts: list[Any] = [stats]
    shown = shown_problems(result)
    if shown:
        problems = Table(title="Problems", title_justify="left")
        for column in ("where", "lang", "severity", "check", "message"):
            problems.add_column(column, overflow="fold")
        for p in shown:
            problems.add_row(  # Text: a message may hold [brackets] rich would read as markup
                Text(f"{p.path}:{p.line}" if p.line else p.path),
                Text(p.lang),
                Text(p.severity, style=severity_style(p.severity)),
                Text(p.check),
                Text(p.message),
            )
        parts.append(problems)
    verdict = "passed" if result.passed else "FAILED"
    parts.append(
        Text(f"check {verdict}: {_counts(result)}", style="green" if result.passed else "red")
    )
    return Group(*parts)


def problem_counts(result: CheckResult) -> dict[tuple[str, str], int]:
    """Non-completeness problems per (release, lang), for the status views."""
    counts: dict[tuple[str, str], int] = {}
    for part in (result.gate_failures, result.problems):  # stored findings: by their counts
        for (release, lang, code, _), n in count(part).items():
            if not (code in CHECKS and CHECKS[code].completeness):
                counts[(release, lang)] = counts.get((release, lang), 0) + n
    return counts


STATUS_COLUMNS = ("release", "lang", "translated", "fuzzy", "untranslated", "problems", "%")
#: columns whose cells are names (left-aligned, never wrapped); the others are counts
NAME_COLUMNS = ("release", "lang")


def status_rows(result: CheckResult) -> list[tuple[str, ...]]:
    """The cells of the status table, one row per catalog, as plain text."""
    counts = problem_counts(result)
    return [
        (
            c.release,
            c.lang,
            str(c.translated),
            str(c.fuzzy),
            str(c.untranslated),
            str(counts.get((c.release, c.lang), 0)),
            f"{c.percent:g}",
        )
        for c in result.catalogs
    ]


@renderer("status")
def render_status(result: CheckResult) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    _columns(table, STATUS_COLUMNS)
    for release, lang, *counts in status_rows(result):
        table.add_row(Text(release), Text(lang), *counts)  # (a name is never read as markup)
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
