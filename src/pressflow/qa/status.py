"""The status page: one self-contained HTML file (no external assets) with a progress bar per
release and language, for a communications officer to open in a browser.

Built with the standard library's escaping: the page is small and fixed, and every value that
comes from a catalog is escaped.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from ..files import atomic_write
from .gate import CheckResult
from .report import problem_counts

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#1d1d1f}
table{border-collapse:collapse;width:100%;max-width:60rem}
th,td{padding:.4rem .6rem;border-bottom:1px solid #ddd;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}
progress{width:12rem;height:1rem}
.ok{color:#1a7f37}.fail{color:#cf222e}
"""


def render_html(result: CheckResult, *, title: str = "Translation status") -> str:
    """The page as a string; deterministic (no clock) so an unchanged project gives equal bytes."""
    counts = problem_counts(result)
    rows = []
    for c in result.catalogs:
        label = f"{c.release} ({c.lang}): {c.percent:g}% translated"
        rows.append(
            "<tr>"
            f"<td>{escape(c.release)}</td><td>{escape(c.lang)}</td>"
            f'<td><progress max="100" value="{c.percent:g}" aria-label="{escape(label)}">'
            f"{c.percent:g}%</progress> {c.percent:g}%</td>"
            f'<td class="num">{c.translated}</td><td class="num">{c.fuzzy}</td>'
            f'<td class="num">{c.untranslated}</td>'
            f'<td class="num">{counts.get((c.release, c.lang), 0)}</td>'
            "</tr>"
        )
    verdict = "passes" if result.passed else "fails"
    errors, warnings = result.severity_count("error"), result.severity_count("warning")
    css = "ok" if result.passed else "fail"
    body = "\n".join(rows) or '<tr><td colspan="7">No catalogs yet.</td></tr>'
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{escape(title)}</h1>\n"
        f'<p class="{css}">The translation check {verdict}: {errors} error(s), '
        f"{warnings} warning(s).</p>\n"
        "<table>\n<thead><tr><th>Release</th><th>Language</th><th>Progress</th>"
        "<th>Translated</th><th>Fuzzy</th><th>Untranslated</th><th>Problems</th></tr></thead>\n"
        f"<tbody>\n{body}\n</tbody>\n</table>\n</body>\n</html>\n"
    )


def write_html(result: CheckResult, path: Path, *, title: str = "Translation status") -> bool:
    """Write the page atomically; False when it is unchanged."""
    return atomic_write(Path(path), render_html(result, title=title))
