"""Statistics, the gate's verdict, and every report format (issue 6, must-show 3 and 4)."""

from __future__ import annotations

import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

from lxml import etree
from rich.console import Console
from tests.report_schema import CATALOG_KEYS

from pressflow.model import Problem
from pressflow.po.catalog import parse_po
from pressflow.qa import CHECKS, catalog_stats, decide
from pressflow.qa.report import render
from pressflow.qa.stats import CatalogStats
from pressflow.qa.status import render_html, write_html

PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: ru\\n"

#: releases/r.txt:1
msgid "Бир."
msgstr "Один."

#, fuzzy
#: releases/r.txt:3
msgid "Эки."
msgstr "Два."

# mt: google
#, fuzzy
#: releases/r.txt:3
msgid "Үч."
msgstr "Три."

#: releases/r.txt:5
msgid "Төрт."
msgstr ""

#~ msgid "Беш."
#~ msgstr "Пять."
"""

# Structure of JUnit XML as CI servers read it (Jenkins, GitLab, GitHub reporters): written
# here from the format's description, not copied from any published schema file.
JUNIT_XSD = b"""<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:complexType name="outcome" mixed="true">
    <xs:attribute name="type" type="xs:string"/>
    <xs:attribute name="message" type="xs:string"/>
  </xs:complexType>
  <xs:simpleType name="seconds">
    <xs:restriction base="xs:string"><xs:pattern value="[0-9]+(\\.[0-9]+)?"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="count">
    <xs:restriction base="xs:string"><xs:pattern value="[0-9]+"/></xs:restriction>
  </xs:simpleType>
  <xs:element name="testsuites">
    <xs:complexType>
      <xs:sequence>
        <xs:element ref="testsuite" minOccurs="0" maxOccurs="unbounded"/>
      </xs:sequence>
      <xs:attribute name="name" type="xs:string"/>
      <xs:attribute name="time" type="seconds"/>
      <xs:attribute name="tests" type="count"/>
      <xs:attribute name="failures" type="count"/>
      <xs:attribute name="errors" type="count"/>
    </xs:complexType>
  </xs:element>
  <xs:element name="testsuite">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="testcase" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:choice minOccurs="0" maxOccurs="unbounded">
              <xs:element name="failure" type="outcome"/>
              <xs:element name="error" type="outcome"/>
              <xs:element name="skipped" type="outcome"/>
              <xs:element name="system-out" type="xs:string"/>
              <xs:element name="system-err" type="xs:string"/>
            </xs:choice>
            <xs:attribute name="name" type="xs:string" use="required"/>
            <xs:attribute name="classname" type="xs:string"/>
            <xs:attribute name="time" type="seconds"/>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
      <xs:attribute name="name" type="xs:string" use="required"/>
      <xs:attribute name="tests" type="count" use="required"/>
      <xs:attribute name="failures" type="count" use="required"/>
      <xs:attribute name="errors" type="count" use="required"/>
      <xs:attribute name="skipped" type="count"/>
      <xs:attribute name="time" type="seconds"/>
      <xs:attribute name="file" type="xs:string"/>
    </xs:complexType>
  </xs:element>
</xs:schema>
"""


def stats(lang: str = "ru", translated: int = 3, total: int = 4) -> CatalogStats:
    percent = 100.0 if total == 0 else round(100 * translated / total, 1)
    return CatalogStats(
        "r", lang, total, translated, 0, total - translated, percent, f"translations/{lang}/r.po"
    )


def problem(check: str, severity: str = "error", lang: str = "ru") -> Problem:
    return Problem(
        check=check,
        severity=severity,
        message=f"{check} & <fun> [bold]x[/bold]",
        release="r",
        lang=lang,
        msgid="Бир.",
        path=f"translations/{lang}/r.po",
        line=7,
    )  # type: ignore[arg-type]


def test_catalog_stats_counts_fuzzy_as_not_translated() -> None:
    po = parse_po(PO.encode())
    s = catalog_stats(po, release="r", lang="ru")
    assert (s.total, s.translated, s.fuzzy, s.untranslated, s.percent) == (4, 1, 2, 1, 25.0)
    empty = parse_po(PO.split("#: releases/r.txt:1")[0].encode())
    assert catalog_stats(empty, release="r", lang="ru").percent == 100.0


def test_percent_never_rounds_an_incomplete_catalog_to_100() -> None:
    from pressflow.qa.stats import percent

    assert percent(1999, 2000) == 99.9
    assert percent(0, 0) == 100.0


def test_gate_thresholds_overall_and_per_language() -> None:
    catalogs = [stats("ru", 4, 4), stats("en", 3, 4)]
    assert decide(catalogs, [], per_lang={"ru": 100, "en": 70}).passed
    failed = decide(catalogs, [], per_lang={"ru": 100, "en": 90})
    assert not failed.passed and [p.lang for p in failed.gate_failures] == ["en"]
    assert not decide(catalogs, [], overall=100, per_lang={"en": 50}).passed
    assert decide(catalogs, [], overall=75).passed


def test_errors_fail_warnings_fail_only_when_strict() -> None:
    catalogs = [stats()]
    assert not decide(catalogs, [problem("numbers")]).passed
    assert decide(catalogs, [problem("glossary", "warning")]).passed
    assert not decide(catalogs, [problem("glossary", "warning")], strict=True).passed
    # completeness is the thresholds' business, not --strict's
    assert decide(catalogs, [problem("untranslated", "warning")], strict=True).passed


def test_json_has_the_documented_schema() -> None:
    result = decide([stats()], [problem("numbers")])
    data = json.loads(render(result, "json"))
    assert set(data) == {"passed", "catalogs", "problems"}
    assert data["passed"] is False
    assert set(data["catalogs"][0]) == CATALOG_KEYS
    assert data["problems"][0] == {
        "release": "r",
        "lang": "ru",
        "check": "numbers",
        "severity": "error",
        "msgid": "Бир.",
        "message": "numbers & <fun> [bold]x[/bold]",
        "file": "translations/ru/r.po",
        "line": 7,
    }


def test_github_workflow_commands() -> None:
    result = decide([stats()], [problem("numbers"), problem("glossary", "warning")])
    lines = render(result, "github").splitlines()
    pattern = re.compile(r"^::(error|warning) file=[^,:]+,line=\d+,title=[^:]+::\S.*$")
    assert all(pattern.match(line) for line in lines[:-1]), lines
    assert lines[0].startswith("::error file=translations/ru/r.po,line=7,")
    assert lines[1].startswith("::warning ")
    assert "failed" in lines[-1]


def test_junit_validates_and_has_a_case_per_catalog_and_check() -> None:
    result = decide(
        [stats("ru"), stats("en")], [problem("numbers"), problem("glossary", "warning")]
    )
    xml = render(result, "junit").encode()
    schema = etree.XMLSchema(etree.fromstring(JUNIT_XSD))
    doc = etree.fromstring(xml)
    assert schema.validate(doc), schema.error_log
    suites = doc.findall("testsuite")
    assert [s.get("name") for s in suites] == ["r.ru", "r.en"]
    names = [c.get("name") for c in suites[0].findall("testcase")]
    assert names == ["min-translated", *sorted(CHECKS)]
    failed = [c.get("name") for c in suites[0].findall("testcase") if c.find("failure") is not None]
    assert failed == ["numbers"]
    assert suites[0].get("failures") == "1" and suites[1].get("failures") == "0"


def test_table_status_and_summary_render() -> None:
    result = decide([stats()], [problem("numbers")])
    console = Console(file=io.StringIO(), width=120, record=True)
    console.print(render(result, "table"))
    console.print(render(result, "status"))
    text = console.export_text()
    assert "numbers & <fun> [bold]x[/bold]" in text and "FAILED" in text
    assert "r [ru] 75% translated" in render(result, "summary")


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_status_page_is_self_contained_with_a_bar_per_release_and_language(
    tmp_path: Path,
) -> None:
    catalogs = [stats("ru", 4, 4), stats("en", 1, 4), stats("ky", 0, 0)]
    result = decide(catalogs, [problem("numbers", lang="en")])
    html = render_html(result)
    page = _Page()
    page.feed(html)
    bars = [attrs for tag, attrs in page.tags if tag == "progress"]
    assert [b["value"] for b in bars] == ["100", "25", "100"]
    assert not [a for t, a in page.tags if t in ("link", "script", "img", "iframe")]
    assert "http" not in html and "<fun>" not in html
    out = tmp_path / "status.html"
    assert write_html(result, out) is True
    assert write_html(result, out) is False  # unchanged: not rewritten


def test_pre_commit_hook_runs_the_gate() -> None:
    import yaml

    hooks = yaml.safe_load(
        (Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml").read_text()
    )
    by_id = {hook["id"]: hook for hook in hooks}
    assert by_id["pressflow-check"]["entry"] == "pressflow check"
    assert by_id["pressflow-update-check"]["entry"] == "pressflow update --check"
    for hook in hooks:  # the commands know the project's files: none are passed
        assert hook["language"] == "python" and hook["pass_filenames"] is False
