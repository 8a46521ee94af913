"""Issue 6, must-show 2: the sample release, correctly translated, passes the gate; each kind of
real mistake fails it with the right check code, file and line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from tests.report_schema import CATALOG_KEYS
from tests.shipped import pressflow

from pressflow.po import catalog
from qa_sample_translations import EN, EN_SPELT_OUT, RU

ROOT = Path(__file__).resolve().parents[1]
SLUG = "2018-07-03-lsg-forum"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample newsroom after one ``update``, made once per module and never changed."""
    root = tmp_path_factory.mktemp("newsroom")
    for name in ("pressflow.toml", "glossary.tsv"):
        shutil.copy(ROOT / name, root / name)
    shutil.copytree(ROOT / "releases", root / "releases")
    done = pressflow(root, "update")
    assert done.returncode == 0, done.stderr
    return root


@pytest.fixture
def fresh_newsroom(pristine: Path, tmp_path: Path) -> Path:
    """Each test's own copy of the newsroom with its fresh, untranslated catalogs."""
    return Path(shutil.copytree(pristine, tmp_path / "newsroom"))


@pytest.fixture
def newsroom(fresh_newsroom: Path) -> Path:
    """Each test's own copy with the correct translations filled in: nothing leaks between tests."""
    fill(fresh_newsroom, "ru", RU)
    fill(fresh_newsroom, "en", EN)
    return fresh_newsroom


def fill(root: Path, lang: str, translations: list[str]) -> Path:
    path = root / "translations" / lang / f"{SLUG}.po"
    po = catalog.read_po(path)
    live = [e for e in po if not e.obsolete]
    assert len(live) == len(translations), "the sample's units changed: update the translations"
    for entry, text in zip(live, translations, strict=True):
        entry.msgstr = text
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalog.write_po(po, path)
    return path


def check_json(root: Path, *extra: str) -> tuple[int, dict]:
    done = pressflow(root, "check", "--format", "json", *extra)
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, json.loads(done.stdout)


def msgid_line(path: Path, msgid_start: str) -> int:
    """The line of the msgid of the entry whose msgid starts with ``msgid_start``."""
    po = catalog.read_po(path)
    entry = next(e for e in po if e.msgid.startswith(msgid_start))
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n in range(entry.linenum, len(lines) + 1) if lines[n - 1].startswith("msgid"))


def test_fresh_catalogs_fail_the_gate_then_correct_translations_pass(fresh_newsroom: Path) -> None:
    newsroom = fresh_newsroom
    code, data = check_json(newsroom, "--min-translated", "100")
    assert code == 1 and data["passed"] is False
    assert {p["check"] for p in data["problems"]} >= {"min-translated", "untranslated"}
    fill(newsroom, "ru", RU)
    fill(newsroom, "en", EN)
    code, data = check_json(newsroom, "--min-translated", "100")
    errors = [p for p in data["problems"] if p["severity"] == "error"]
    assert errors == [] and code == 0 and data["passed"] is True
    assert [c["percent"] for c in data["catalogs"]] == [100.0, 100.0]
    assert set(data["catalogs"][0]) == CATALOG_KEYS


def _broken(newsroom: Path, lang: str, index: int, text: str) -> tuple[dict, Path]:
    good = RU if lang == "ru" else EN
    changed = list(good)
    changed[index] = text
    path = fill(newsroom, lang, changed)
    code, data = check_json(newsroom)
    assert code == 1 and data["passed"] is False
    return data, path


def _assert_problem(data: dict, path: Path, lang: str, check: str, msgid_start: str) -> None:
    line = msgid_line(path, msgid_start)
    found = [
        p
        for p in data["problems"]
        if p["check"] == check and p["lang"] == lang and p["severity"] == "error"
    ]
    assert found, data["problems"]
    assert found[0]["file"] == f"translations/{lang}/{SLUG}.po"
    assert found[0]["line"] == line
    assert found[0]["msgid"].startswith(msgid_start)


def test_number_100_removed(newsroom: Path) -> None:
    text = RU[1].replace("100 органов", "Органы")
    data, path = _broken(newsroom, "ru", 1, text)
    _assert_problem(data, path, "ru", "numbers", "100 ЖӨБ")


def test_saliev_missing_from_english(newsroom: Path) -> None:
    text = EN[7].replace("Bakhtiyar SALIEV, Director", "The Director")
    assert "SALIEV" not in text
    data, path = _broken(newsroom, "en", 7, text)
    _assert_problem(data, path, "en", "names", "КР Өкмөтүнө")


def test_unclosed_guillemet(newsroom: Path) -> None:
    # the quotation opens in one unit and closes five units later: only the close is dropped
    text = RU[12].rstrip(".").rstrip("»") + "."
    data, path = _broken(newsroom, "ru", 12, text)
    _assert_problem(data, path, "ru", "quotes", "Жарандар жана өлкө")


def test_quote_style_change_is_not_an_error(newsroom: Path) -> None:
    ru = [t.replace("«", "“").replace("»", "”") for t in RU]
    fill(newsroom, "ru", ru)
    code, data = check_json(newsroom)
    assert code == 0, [p for p in data["problems"] if p["severity"] == "error"]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_sentence_left_in_kyrgyz(newsroom: Path, lang: str) -> None:
    po = catalog.read_po(newsroom / "translations" / "templates" / f"{SLUG}.pot")
    source = [e.msgid for e in po if not e.obsolete][10]
    data, path = _broken(newsroom, lang, 10, source)
    _assert_problem(data, path, lang, "untranslated-text", source[:20])


def test_silencing_one_entry(newsroom: Path) -> None:
    path = fill(newsroom, "ru", [*RU[:1], RU[1].replace("100 органов", "Органы"), *RU[2:]])
    po = catalog.read_po(path)
    entry = next(e for e in po if e.msgid.startswith("100 ЖӨБ"))
    entry.tcomment = "pressflow: ignore-numbers"
    catalog.write_po(po, path)
    code, data = check_json(newsroom)
    assert not [p for p in data["problems"] if p["check"] == "numbers"]
    assert code == 0


def test_exit_codes_and_formats(newsroom: Path) -> None:
    ok = pressflow(newsroom, "check", "--format", "github")
    assert ok.returncode == 0
    for line in ok.stdout.splitlines()[:-1]:
        assert line.startswith(("::error file=", "::warning file="))
    strict = pressflow(newsroom, "check", "--strict")
    # the sample's scraped junk line is a source warning: strict mode fails on it
    assert strict.returncode == 1
    bad = pressflow(newsroom, "check", "--release", "no-such-release")
    assert bad.returncode == 2


def test_status_page_from_the_cli(newsroom: Path) -> None:
    out = newsroom / "status.html"
    done = pressflow(newsroom, "status", "--html", str(out))
    assert done.returncode == 0, done.stderr
    assert "2018-07-03-lsg-forum" in done.stdout
    html = out.read_text(encoding="utf-8")
    assert html.count("<progress") == 2
    assert "<link" not in html and "<script" not in html


def test_list_checks_names_every_code(newsroom: Path) -> None:
    from pressflow.qa import CHECKS

    done = pressflow(newsroom, "check", "--list-checks")
    assert done.returncode == 0
    # piped: one block per check, headed by its code and severity, lines kept readable (a
    # five-column table squeezed into 80 columns wrapped every cell word by word)
    heads = [line for line in done.stdout.splitlines() if line and not line.startswith(" ")]
    assert [head.split(" ", 1)[0] for head in heads] == sorted(CHECKS)
    for head in heads:
        code = head.split(" ", 1)[0]
        assert f"({CHECKS[code].severity})" in head and "false alarms per 100 units" in head
    assert max(len(line) for line in done.stdout.splitlines()) <= 100
    assert "example: (ГАМСУМО) → (ГАМСУМО" in done.stdout


def test_list_checks_on_a_wide_terminal_is_a_table() -> None:
    from rich.console import Console

    from pressflow.qa import CHECKS
    from pressflow.qa.listing import CHECKS_TABLE_WIDTH, check_listings, checks_table

    console = Console(width=CHECKS_TABLE_WIDTH, record=True, color_system=None)
    console.print(checks_table(check_listings()))
    rows = console.export_text().splitlines()
    for code in CHECKS:  # each code whole, at the start of its row, with its severity beside it
        assert any(row.split()[:2] == [code, CHECKS[code].severity] for row in rows if row.split())


def test_a_date_both_translations_correct_is_a_source_warning(newsroom: Path) -> None:
    # both translators write 4 July where the release says 3-июлда: the source is suspect, so
    # the finding is a warning about the source and the gate passes; one language alone fails
    ru = [*RU[:2], RU[2].replace("3 июля", "4 июля"), *RU[3:]]
    en = [*EN[:2], EN[2].replace("July 3", "July 4"), *EN[3:]]
    fill(newsroom, "ru", ru)
    code, data = check_json(newsroom)
    assert code == 1 and {p["severity"] for p in data["problems"] if p["lang"] == "ru"} >= {"error"}
    fill(newsroom, "en", en)
    code, data = check_json(newsroom)
    assert code == 0, data["problems"]
    suspects = [p for p in data["problems"] if "source problem?" in p["message"]]
    assert {p["lang"] for p in suspects} == {"ru", "en"}
    assert {p["severity"] for p in suspects} == {"warning"}


def test_glossary_variants_accept_a_careful_spelt_out_translation(newsroom: Path) -> None:
    """Issue 12: "local self-government bodies" is what the glossary's "LSG bodies" means; the
    spelt-out translation of the release raises no glossary alarm, and a wrong term still does."""
    fill(newsroom, "en", EN_SPELT_OUT)
    try:
        _, data = check_json(newsroom, "--lang", "en")
        assert [p for p in data["problems"] if p["check"] == "glossary"] == []
        wrong = [
            t.replace("local self-government bodies", "local authorities") for t in EN_SPELT_OUT
        ]
        fill(newsroom, "en", wrong)
        _, data = check_json(newsroom, "--lang", "en")
        flagged = [p for p in data["problems"] if p["check"] == "glossary"]
        assert len(flagged) == 9 and all("ЖӨБ" in p["message"] for p in flagged)
    finally:
        fill(newsroom, "en", EN)


def test_negation_over_both_languages(newsroom: Path) -> None:
    """A check that reads the release's other translation: the good release passes; a "not"
    added to one English unit is caught, and not when the Russian unit negates too."""
    code, report = check_json(newsroom)
    assert code == 0, report
    at = next(i for i, t in enumerate(EN) if " is " in t)
    fill(
        newsroom,
        "en",
        [t.replace(" is ", " is not ", 1) if i == at else t for i, t in enumerate(EN)],
    )
    code, report = check_json(newsroom)
    found = [p for p in report["problems"] if p["check"] == "negation"]
    assert code == 1 and [p["lang"] for p in found] == ["en"]
    # the Russian translation of that unit negates too: corroborated, not raised
    fill(newsroom, "ru", [f"Не {t}" if i == at else t for i, t in enumerate(RU)])
    _, report = check_json(newsroom)
    assert not [p for p in report["problems"] if p["check"] == "negation"]
