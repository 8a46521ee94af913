"""The whole workflow through the real CLI, in a temporary copy of the newsroom."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
from pathlib import Path

import polib
import pytest
from lxml import html as lxml_html
from tests.clienv import run_pressflow
from tests.fakes.mt_provider import FakeProvider
from tests.report_schema import CATALOG_KEYS

ROOT = Path(__file__).resolve().parents[1]
SLUG = "2018-07-03-lsg-forum"


def pressflow(
    cwd: Path, *args: str, timeout: float = 120, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The CLI in a clean environment (no network settings, no colour), plus ``env``."""
    return run_pressflow(cwd, *args, timeout=timeout, **(env or {}))


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    """A newsroom with the shipped release and config, but no catalogs yet, and no network."""
    root = tmp_path / "newsroom"
    root.mkdir()
    shutil.copytree(ROOT / "releases", root / "releases")
    shutil.copy(ROOT / "glossary.tsv", root / "glossary.tsv")
    config = (ROOT / "pressflow.toml").read_text(encoding="utf-8")
    offline = f'url = "http://127.0.0.1:{closed_port()}/m"\n'
    config = config.replace("[mt]\n", "[mt]\n" + offline, 1)
    config = config.replace("timeout = 10.0", "timeout = 2.0").replace("rate = 5.0", "rate = 0")
    (root / "pressflow.toml").write_text(config, encoding="utf-8")
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    files = {}
    for folder in ("translations", "site"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                files[path.relative_to(root).as_posix()] = path.read_bytes()
    return files


def po(root: Path, lang: str) -> polib.POFile:
    return polib.pofile(str(root / "translations" / lang / f"{SLUG}.po"))


def translate_all(root: Path, lang: str, *, special: str | None = None) -> list[str]:
    """Play the translator: give every entry a reviewed translation; return, in order, those
    that the page publishes (scraped junk flagged "not Kyrgyz" is left out of pages)."""
    catalog = po(root, lang)
    done = []
    for number, entry in enumerate(catalog):
        entry.msgstr = special if (special and number == 1) else f"[{lang}-{number}] {entry.msgid}"
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        if "not Kyrgyz" not in entry.comment:
            done.append(entry.msgstr)
    catalog.save()
    return done


def test_run_offline_writes_catalogs_and_site_and_is_idempotent(newsroom: Path) -> None:
    first = pressflow(newsroom, "run")
    assert first.returncode == 0, first.stderr
    assert "Traceback" not in first.stderr
    for rel in (
        f"translations/templates/{SLUG}.pot",
        f"translations/ru/{SLUG}.po",
        f"translations/en/{SLUG}.po",
        f"site/ky/{SLUG}.html",
        "site/index.html",
    ):
        assert (newsroom / rel).is_file(), rel
    mt_warnings = [line for line in first.stderr.splitlines() if "network" in line.lower()]
    assert len(mt_warnings) == 1, first.stderr
    # the junk glued to the last sentence is reported with file and line
    assert f"releases/{SLUG}.txt:" in first.stderr
    before = snapshot(newsroom)
    second = pressflow(newsroom, "run")
    assert second.returncode == 0, second.stderr
    assert snapshot(newsroom) == before


def test_every_catalog_passes_msgfmt_check(newsroom: Path) -> None:
    assert pressflow(newsroom, "update").returncode == 0
    files = [
        *sorted((newsroom / "translations").rglob("*.po*")),
        *sorted((ROOT / "translations").rglob("*.po*")),
    ]
    assert len(files) >= 6
    for path in files:
        result = subprocess.run(
            ["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True
        )
        assert result.returncode == 0, (path, result.stderr)


def test_prefill_fills_empty_entries_and_keeps_a_translators_work(newsroom: Path) -> None:
    assert pressflow(newsroom, "update").returncode == 0
    ru = po(newsroom, "ru")
    human = ru[0]
    human.msgstr = "Форум местного самоуправления Кыргызской Республики"
    human.tcomment = "checked against the printed programme"
    ru.save()
    with FakeProvider("google") as provider:
        result = pressflow(newsroom, "prefill", "--engine-url", provider.url)
        sent = provider.texts()
    assert result.returncode == 0, result.stderr
    assert sent, "the real deep-translator client reached the fake provider"
    for lang in ("ru", "en"):
        for entry in po(newsroom, lang):
            if lang == "ru" and entry.msgid == human.msgid:
                assert entry.msgstr == human.msgstr
                assert "fuzzy" not in entry.flags
                assert "checked against the printed programme" in entry.tcomment
                continue
            assert entry.msgstr, entry.msgid
            assert "fuzzy" in entry.flags
            assert "mt: google" in entry.tcomment


def test_check_gate_json_fails_on_fresh_catalogs_and_passes_when_reviewed(
    newsroom: Path,
) -> None:
    assert pressflow(newsroom, "update").returncode == 0
    fresh = pressflow(newsroom, "check", "--min-translated", "100", "--format", "json")
    assert fresh.returncode == 1, fresh.stderr
    report = json.loads(fresh.stdout)
    assert report["passed"] is False
    assert {c["lang"] for c in report["catalogs"]} == {"ru", "en"}
    for cat in report["catalogs"]:
        assert set(cat) >= CATALOG_KEYS
        assert cat["release"] == SLUG and cat["translated"] == 0 and cat["percent"] == 0
    for problem in report["problems"]:
        assert set(problem) >= {"release", "lang", "check", "severity", "msgid", "message"}
    # the shipped, reviewed translations: every entry translated and not fuzzy
    shutil.rmtree(newsroom / "translations")
    shutil.copytree(ROOT / "translations", newsroom / "translations")
    done = pressflow(newsroom, "check", "--min-translated", "100", "--format", "json")
    assert done.returncode == 0, done.stdout
    report = json.loads(done.stdout)
    assert report["passed"] is True
    assert all(c["percent"] == 100 for c in report["catalogs"])
    assert all(c["fuzzy"] == 0 and c["untranslated"] == 0 for c in report["catalogs"])


def test_ru_page_holds_every_translation_in_order_and_escapes_markup(newsroom: Path) -> None:
    assert pressflow(newsroom, "update").returncode == 0
    attack = "<script>alert(1)</script>"
    wanted = translate_all(newsroom, "ru", special=attack)
    toml = newsroom / "pressflow.toml"  # stand-in translations: check would hold the page back
    toml.write_text(toml.read_text("utf-8").replace('"error"', '"none"'), encoding="utf-8")
    result = pressflow(newsroom, "build")
    assert result.returncode == 0, result.stderr
    page = (newsroom / "site" / "ru" / f"{SLUG}.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    tree = lxml_html.document_fromstring(page)
    assert tree.get("lang") == "ru"
    text = tree.text_content()
    positions = [text.find(t) for t in wanted]
    missing = [t for t, p in zip(wanted, positions, strict=True) if p < 0]
    assert not missing, missing
    assert positions == sorted(positions)
    scripts = tree.xpath("//script")
    assert all(s.get("type") == "application/ld+json" for s in scripts)
    # the JSON-LD block may quote the lead, but never in a form that could end it early
    assert not any("</" in (s.text or "") or "<!--" in (s.text or "") for s in scripts)
    assert len(scripts) == 1
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Error. Page cannot" not in text
    assert f"releases/{SLUG}.txt:18: foreign text left out" in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "expect"),
    [
        ("empty.txt", b"   \n\n", "empty"),
        ("latin1.txt", "Кыргыз".encode() + b"\n\xe9t\xe9\n", "UTF-8"),
        ("binary.txt", b"\x00\x01\x02binary\x00", "binary"),
    ],
)
def test_bad_release_gives_one_line_and_exit_2(
    newsroom: Path, name: str, content: bytes, expect: str
) -> None:
    (newsroom / "releases" / name).write_bytes(content)
    result = pressflow(newsroom, "extract")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert f"releases/{name}" in lines[0] and expect.lower() in lines[0].lower()


def test_malformed_po_is_reported_with_its_line_and_left_untouched(newsroom: Path) -> None:
    assert pressflow(newsroom, "update").returncode == 0
    path = newsroom / "translations" / "ru" / f"{SLUG}.po"
    broken = path.read_text(encoding="utf-8").replace('msgstr ""\n\n#', 'msgstr "oops\n\n#', 1)
    path.write_text(broken, encoding="utf-8")
    line = broken.splitlines().index('msgstr "oops') + 1
    result = pressflow(newsroom, "update")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"{SLUG}.po:{line}" in result.stderr
    assert path.read_text(encoding="utf-8") == broken


def test_unknown_language_and_usage_errors_exit_2(newsroom: Path) -> None:
    for args in (
        ("check", "--lang", "xx"),
        ("check", "--lang", "de"),
        ("nosuch",),
        ("check", "--format", "yaml"),
        ("build", "--out", "/dev/null/site"),
    ):
        result = pressflow(newsroom, *args)
        assert result.returncode == 2, (args, result.stderr)
        assert "Traceback" not in result.stderr


def test_segment_jsonl_on_the_sample(newsroom: Path) -> None:
    result = pressflow(newsroom, "segment", f"releases/{SLUG}.txt", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    units = [json.loads(line) for line in result.stdout.splitlines()]
    assert units[0]["kind"] == "title" and units[0]["line"] == 1
    assert sum(u["kind"] == "title" for u in units) == 1
    assert not any(u["text"].startswith("03.07.2018") for u in units)
    assert all({"text", "kind", "block", "line"} <= set(u) for u in units)
    assert units[-1]["text"].startswith("Error. Page cannot be displayed")
    assert units[-2]["text"].endswith("белгилешет.")


@pytest.mark.parametrize(
    "command", ["segment", "extract", "update", "prefill", "check", "status", "build", "run"]
)
def test_every_command_has_help_with_an_example(newsroom: Path, command: str) -> None:
    result = pressflow(newsroom, command, "--help")
    assert result.returncode == 0
    assert "Example" in result.stdout


def test_update_check_exits_1_when_a_release_changed_and_writes_nothing(newsroom: Path) -> None:
    assert pressflow(newsroom, "update").returncode == 0
    clean = pressflow(newsroom, "update", "--check")
    assert clean.returncode == 0, clean.stderr
    release = newsroom / "releases" / f"{SLUG}.txt"
    release.write_bytes(release.read_bytes().replace("100 ЖӨБ".encode(), "120 ЖӨБ".encode()))
    before = snapshot(newsroom)
    stale = pressflow(newsroom, "update", "--check")
    assert stale.returncode == 1, stale.stderr
    assert f"translations/templates/{SLUG}.pot: out of date" in stale.stderr
    assert f"translations/ru/{SLUG}.po: out of date" in stale.stderr
    assert snapshot(newsroom) == before
    assert pressflow(newsroom, "update").returncode == 0
    assert pressflow(newsroom, "update", "--check").returncode == 0


def test_renamed_release_keeps_old_catalogs_and_offers_their_translations(
    newsroom: Path,
) -> None:
    shutil.copytree(ROOT / "translations", newsroom / "translations")
    old = newsroom / "releases" / f"{SLUG}.txt"
    old.rename(newsroom / "releases" / "lsg-forum-2018.txt")
    result = pressflow(newsroom, "update")
    assert result.returncode == 0, result.stderr
    assert f"translations/templates/{SLUG}.pot" in result.stderr
    assert f"release releases/{SLUG}.* no longer exists" in result.stderr
    assert (newsroom / "translations" / "ru" / f"{SLUG}.po").is_file()  # nothing deleted
    filled = pressflow(newsroom, "prefill", "--engine", "none")
    assert filled.returncode == 0, filled.stderr
    renamed = polib.pofile(str(newsroom / "translations" / "ru" / "lsg-forum-2018.po"))
    shipped = {e.msgid: e.msgstr for e in po(ROOT, "ru")}
    for entry in renamed:
        assert entry.msgstr == shipped[entry.msgid]
        assert f"tm: {SLUG}" in entry.tcomment


def test_glossary_variants_keep_their_own_case_rule() -> None:
    from pressflow.glossary import load_glossary

    glossary = load_glossary(ROOT / "glossary.tsv")
    term = next(t for t in glossary.terms if t.source == "ЖӨБ")
    english = term.pattern_for("en")
    assert english is not None
    assert english.search("Forum of Local Self-Government of the Kyrgyz Republic")
    assert english.search("100 LSG bodies") and not english.search("100 lsg bodies")


def test_deleted_release_orphans_are_named_then_pruned_and_still_remembered(
    newsroom: Path,
) -> None:
    shutil.copytree(ROOT / "translations", newsroom / "translations")
    (newsroom / "releases" / f"{SLUG}.txt").rename(newsroom / "releases" / "lsg-forum-2018.txt")
    assert pressflow(newsroom, "update").returncode == 0
    checked = pressflow(newsroom, "check")
    orphans = [line for line in checked.stdout.splitlines() if line.endswith("[orphan]")]
    assert [line.split(":")[0] for line in orphans] == [
        f"translations/templates/{SLUG}.pot",
        f"translations/ru/{SLUG}.po",
        f"translations/en/{SLUG}.po",
    ]
    assert all(f"release releases/{SLUG}.* no longer exists" in line for line in orphans)
    assert "check FAILED: 2 catalog(s)" in checked.stdout  # the gone release is not gated
    assert pressflow(newsroom, "update", "--prune", "--check").returncode == 2
    pruned = pressflow(newsroom, "update", "--prune")
    assert pruned.returncode == 0, pruned.stderr
    assert "3 moved to .attic/" in pruned.stderr
    for folder, name in (("templates", f"{SLUG}.pot"), ("ru", f"{SLUG}.po"), ("en", f"{SLUG}.po")):
        shipped = (ROOT / "translations" / folder / name).read_bytes()
        assert not (newsroom / "translations" / folder / name).exists()
        assert (newsroom / "translations" / folder / ".attic" / name).read_bytes() == shipped
    again = pressflow(newsroom, "check")
    assert "[orphan]" not in again.stdout
    filled = pressflow(newsroom, "prefill", "--engine", "none")  # memory reaches the attic
    assert filled.returncode == 0, filled.stderr
    for lang in ("ru", "en"):
        renamed = polib.pofile(str(newsroom / "translations" / lang / "lsg-forum-2018.po"))
        shipped = {e.msgid: e.msgstr for e in po(ROOT, lang)}
        assert all(e.msgstr == shipped[e.msgid] for e in renamed)
