"""Catalog files: gettext-identical writing, strict reading with file:line errors, templates."""

from __future__ import annotations

import os
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressflow.config import Config
from pressflow.errors import CatalogError
from pressflow.files import WriteBatch
from pressflow.model import Release, Segment
from pressflow.po import catalog, dates, header, notes, poparse, update
from pressflow.po import template as templating
from pressflow.segment import segment_release
from pressflow.structure import read_structured

DATA = Path(__file__).resolve().parent / "data"
GOLDEN = DATA / "gettext-golden.po"
CONFIG = Config(root=Path("."), name="pressflow newsroom", version="1.0")
needs_gettext = pytest.mark.usefixtures("gettext_tools")  # fails under CI without it


def msgcat(path: Path) -> bytes:
    return subprocess.run(["msgcat", str(path)], capture_output=True, check=True).stdout


def msgfmt_check(path: Path) -> None:
    subprocess.run(["msgfmt", "-c", "-o", os.devnull, str(path)], capture_output=True, check=True)


# --------------------------------------------------------------------------- gettext-identical


def test_golden_file_written_by_msgcat_round_trips_byte_for_byte() -> None:
    """A file msgcat (or a tool wrapping like it) saved is re-saved by pressflow with no diff."""
    raw = GOLDEN.read_bytes()
    assert catalog.format_po(catalog.read_po(GOLDEN)).encode("utf-8") == raw


@needs_gettext
def test_golden_file_is_still_what_msgcat_writes() -> None:
    assert msgcat(GOLDEN) == GOLDEN.read_bytes()


# Pieces gettext wraps in special ways: hyphens, escapes, newlines, URLs, typographic quotes,
# Kyrgyz and Russian words, wide and combining characters, no-break spaces.
PIECES = [
    "Кыргыз", "Республикасынын", "жергиликтүү", "өз-өзүнчө", "ЖӨБ-дүн", "2018-жылдагы", "3-июлда",
    "коммуналдык-чарба", "“Парк-отель”", "«Дон Гойо»", "органов", "самоуправления", "press",
    "release", "self-government", "-", "—", "–", "\"", "\\", "\n", "\t", "/", "%", "$", "(17)",
    "https://example.kg/a/very-long-path/with-hyphens_and-more?x=1&y=2", "…", ".", ",", ":", "!",
    "?", "<1>", "</1>", "<2/>", "белгилешет.Error.", "10,5", "\u00a0", "ү\u0301", "全角", "😀", "",
    "x" * 85,
]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map(
    lambda parts: " ".join(parts)
) | st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join)


@st.composite
def catalogs(draw: st.DrawFn) -> polib.POFile:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "ru"}
    # msgcat writes nothing for a file without a live entry (pressflow keeps the header, like
    # ``msgcat --force-po``), so every generated catalog has one.
    po.append(polib.POEntry(msgid="Форум", msgstr="Форум"))
    seen: set[str] = {"Форум"}
    for msgid in draw(st.lists(texts, min_size=1, max_size=25)):
        if not msgid or msgid in seen:
            continue
        seen.add(msgid)
        entry = polib.POEntry(
            msgid=msgid, msgstr=draw(st.sampled_from(["", msgid[::-1], "Перевод"]))
        )
        if draw(st.booleans()):
            entry.flags = ["fuzzy"]
            entry.previous_msgid = draw(texts)
        entry.obsolete = draw(st.sampled_from([False, False, False, True]))
        if draw(st.booleans()):
            entry.tcomment = "mt: google\npressflow: ignore-numbers"
            entry.occurrences = [
                (f"releases/r-{i}.txt", str(i)) for i in range(draw(st.integers(1, 9)))
            ]
        po.append(entry)
    return po


@needs_gettext
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(po=catalogs())
def test_format_po_equals_msgcat_output(po: polib.POFile, tmp_path: Path) -> None:
    path = tmp_path / "f.po"
    catalog.write_po(po, path)
    assert msgcat(path) == path.read_bytes()
    text = path.read_text(encoding="utf-8")
    assert catalog.format_po(catalog.read_po(path)) == text
    assert poparse._fast_parse(text, "f.po") == poparse._Parser(text, "f.po").run()


def test_fast_and_strict_parsers_read_the_golden_file_alike() -> None:
    text = GOLDEN.read_text(encoding="utf-8")
    fast = poparse._fast_parse(text, "g.po")
    assert fast is not None and fast == poparse._Parser(text, "g.po").run()


def test_msgcat_conventions_fuzzy_without_translation_and_unknown_flags_are_dropped() -> None:
    po = polib.POFile()
    po.append(polib.POEntry(msgid="a", msgstr="", flags=["fuzzy", "x-unknown"]))
    po.append(polib.POEntry(msgid="b", msgstr="", obsolete=True))  # nothing to keep
    po.append(
        polib.POEntry(msgid="c", msgstr="в", obsolete=True, flags=["fuzzy"], previous_msgid="cc")
    )
    assert catalog.format_po(po) == (
        'msgid "a"\nmsgstr ""\n\n#, fuzzy\n#~| msgid "cc"\n#~ msgid "c"\n#~ msgstr "в"\n'
    )


def test_write_po_is_atomic_and_skips_identical_bytes(tmp_path: Path) -> None:
    po = catalog.read_po(GOLDEN)
    path = tmp_path / "ru.po"
    assert catalog.write_po(po, path) is True
    stamp = path.stat().st_mtime_ns
    assert catalog.write_po(po, path) is False
    assert path.stat().st_mtime_ns == stamp
    assert [p.name for p in tmp_path.iterdir()] == ["ru.po"]  # no temporary file left


# --------------------------------------------------------------------------- reading


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('msgid "a"\nmsgstr "b\n', 2, "not terminated"),
        ('msgid "a"\nmsgfoo "b"\n', 2, 'unknown keyword "msgfoo"'),
        ('msgstr "b"\nmsgid "a"\n', 1, "msgstr without msgid"),
        ('msgid "a"\n\nmsgid "b"\nmsgstr ""\n', 1, "msgid without msgstr"),
        ('msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n', 4, "duplicate message definition"),
        ('msgid "a"\n# note\nmsgstr "b"\n', 2, "comment between msgid and msgstr"),
        ('msgid "a\\q"\nmsgstr "b"\n', 1, "invalid escape sequence"),
        ('msgid "a"\nmsgstr "b" x\n', 2, "unexpected text"),
        ('#~ msgid "a"\nmsgstr "b"\n', 2, "inconsistent use of #~"),
        ('msgid "a"\nmsgstr "b"\n"c\n', 3, "not terminated"),
        ('msgid "a"\nmsgid_plural "as"\nmsgstr "b"\n', 1, "msgid_plural without msgstr[0]"),
        ('msgid "a"\nmsgstr[0] "b"\n', 1, "msgstr[N] without msgid_plural"),
        ('"orphan"\nmsgid "a"\nmsgstr ""\n', 1, "continuation line outside"),
        ('msgid ""\nmsgstr "Content-Type: text/plain; charset=KOI8-R\\n"\n', 1, "charset KOI8-R"),
        ('msgid "a"\nmsgstr "b"\n\nmsgid "x"\nmsgstr "y"\nmsgstr "z"\n', 6, "second msgstr"),
    ],
)
def test_hand_made_syntax_errors_name_file_and_line(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    path = tmp_path / "ru.po"
    path.write_text(text, encoding="utf-8")
    before = path.stat().st_mtime_ns
    with pytest.raises(CatalogError) as err:
        catalog.read_po(path)
    assert (err.value.path, err.value.line) == (str(path), line)
    assert words in err.value.message
    assert "\n" not in str(err.value)
    assert path.read_text(encoding="utf-8") == text and path.stat().st_mtime_ns == before


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"", "empty file"),
        (b"\n  \n", "empty file"),
        (b"\xde\x12\x04\x95\x00\x00\x00\x00", "compiled MO file"),
        (b'msgid "a"\nmsgstr "\x00"\n', "binary data"),
        ('msgid "a"\nmsgstr "б"\n'.encode("cp1251"), "not UTF-8"),
    ],
)
def test_unreadable_files_get_one_line_errors(tmp_path: Path, raw: bytes, words: str) -> None:
    path = tmp_path / "ru.po"
    path.write_bytes(raw)
    with pytest.raises(CatalogError) as err:
        catalog.read_po(path)
    assert words in err.value.message and "\n" not in str(err.value)
    assert path.read_bytes() == raw


def test_missing_file_is_a_catalog_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="not found"):
        catalog.read_po(tmp_path / "nope.po")


def test_reader_keeps_what_gettext_keeps() -> None:
    po = catalog.parse_po(
        '\ufeff# header note\n#, fuzzy\nmsgid ""\nmsgstr ""\n"Language: ru\\n"\n\n'
        "#  two spaces kept\n#. paragraph\n#: releases/a.txt:3 releases/a.txt:5\n"
        '#, fuzzy, ignore-numbers\n#| msgid "old"\nmsgid ""\n"new "\n"text"\nmsgstr "н"\n\n'
        '#~| msgid "older"\n#~ msgid "gone"\n#~ msgstr "ушло"\n'.encode()
    )
    assert po.header == "header note" and po.metadata == {"Language": "ru"} and po.metadata_is_fuzzy
    entry, gone = po
    assert entry.tcomment == " two spaces kept" and entry.comment == "paragraph"
    assert entry.occurrences == [("releases/a.txt", "3"), ("releases/a.txt", "5")]
    assert entry.flags == ["fuzzy", "ignore-numbers"]
    assert (entry.previous_msgid, entry.msgid, entry.msgstr) == ("old", "new text", "н")
    assert gone.obsolete and gone.previous_msgid == "older" and gone.msgstr == "ушло"


# --------------------------------------------------------------------------- templates


def _release(date: datetime | None = datetime(2018, 7, 3, 9, 29)) -> tuple[Release, list[Segment]]:
    title = "Кыргыз Республикасынын жергиликтүү өз алдынча башкаруулардын форуму"
    segments = [
        Segment("lsg", 0, 0, "title", title, line=1),
        Segment("lsg", 1, 0, "paragraph", "100 ЖӨБ органы талкуулашат.", line=6),
        Segment("lsg", 1, 1, "paragraph", title, line=6),
        Segment("lsg", 2, 0, "paragraph", "100 ЖӨБ органы талкуулашат.", line=8),
        Segment("lsg", 2, 1, "paragraph", "100 ЖӨБ органы талкуулашат.", line=8),
        Segment(
            "lsg",
            3,
            0,
            "paragraph",
            "Error. Page cannot be displayed.",
            line=10,
            flags=("foreign-text",),
            note="not Kyrgyz: a run of Latin-script text (scraped junk?)",
        ),
        Segment("lsg", 3, 1, "paragraph", "  ", line=10),
    ]
    return Release("lsg", "releases/lsg.txt", "ky", title, (), date=date), segments


def test_template_has_one_entry_per_msgid_with_all_references_and_comments() -> None:
    release, segments = _release()
    pot = templating.make_template(release, segments, config=CONFIG)
    assert [e.msgid for e in pot] == [segments[0].text, segments[1].text, segments[5].text]
    title, unit, junk = pot
    assert title.occurrences == [("releases/lsg.txt", "1"), ("releases/lsg.txt", "6")]
    assert title.comment == "title\nparagraph"
    assert unit.occurrences == [("releases/lsg.txt", "6"), ("releases/lsg.txt", "8")]
    assert (
        junk.comment
        == "paragraph\npressflow: not Kyrgyz: a run of Latin-script text (scraped junk?)"
    )
    assert all(e.msgstr == "" and not e.flags for e in pot)


def test_template_header_is_complete_and_dated_by_the_release(monkeypatch) -> None:
    release, segments = _release()
    pot = templating.make_template(release, segments, config=CONFIG)
    assert list(pot.metadata) == list(catalog.POT_HEADER_FIELDS)
    assert pot.metadata["Project-Id-Version"] == "pressflow newsroom 1.0"
    assert pot.metadata["POT-Creation-Date"] == "2018-07-03 09:29+0000"
    assert pot.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert pot.metadata["Language"] == ""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1531000000")
    undated = templating.make_template(_release(None)[0], segments, config=CONFIG)
    assert undated.metadata["POT-Creation-Date"] == "2018-07-07 21:46+0000"


def test_creation_date_is_the_release_date_else_the_first_extraction_then_stable(
    monkeypatch,
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    release, segments = _release()
    edited = [*segments[:-1], Segment("lsg", 4, 0, "paragraph", "Жаңы сүйлөм.", line=12)]
    dated = templating.make_template(release, edited, config=CONFIG)
    assert dated.metadata["POT-Creation-Date"] == "2018-07-03 09:29+0000"
    undated = _release(None)[0]
    before = datetime.now(timezone.utc).replace(second=0, microsecond=0)
    first = templating.make_template(undated, segments, config=CONFIG)
    stamp = dates.parse_date(first.metadata["POT-Creation-Date"])
    assert stamp is not None and stamp >= before  # the first extraction's own time
    first.metadata["POT-Creation-Date"] = "2018-07-04 12:00+0000"  # as committed
    for segs in (segments, edited):  # unchanged or edited: the date stays (no fake minutes)
        again = templating.make_template(undated, segs, config=CONFIG, previous=first)
        assert again.metadata["POT-Creation-Date"] == "2018-07-04 12:00+0000"
    first.metadata["POT-Creation-Date"] = "1970-01-01 00:00+0000"  # an old placeholder date
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1531000000")
    stamped = templating.make_template(undated, edited, config=CONFIG, previous=first)
    assert stamped.metadata["POT-Creation-Date"] == "2018-07-07 21:46+0000"


def test_a_template_written_from_its_units_is_the_formatted_template() -> None:
    """``extract`` writes a template's text straight from its units: the same bytes as the
    polib template formatted, header and notes included (a release's placeholders and its
    foreign text give notes)."""
    release, segments = _release()
    for previous in (None, templating.make_template(release, segments, config=CONFIG)):
        pot = templating.make_template(release, segments, config=CONFIG, previous=previous)
        text = templating.template_text(release, segments, config=CONFIG, previous=previous)
        assert text == catalog.format_po(pot)
    demo = read_structured(DATA / "demo-release.html", rel_path="releases/demo.html")
    units = segment_release(demo)
    pot = templating.make_template(demo, units, config=CONFIG)
    assert "#. <1>" in catalog.format_po(pot)
    assert templating.template_text(demo, units, config=CONFIG) == catalog.format_po(pot)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab <1>…: \t\n\r\x0b\x0c\u00a0", max_size=90))
def test_a_note_is_wrapped_as_textwrap_wraps_it(text: str) -> None:
    """A note short enough for one line is taken as it is, without asking ``textwrap``: the
    lines are textwrap's all the same (spaces at either end, runs of them, tabs, newlines)."""
    import textwrap

    notes.note_lines.cache_clear()
    wrapped = textwrap.wrap(text, 75, break_long_words=False, break_on_hyphens=False) or [text]
    assert notes.comment_lines(text) == wrapped


def test_a_first_catalog_from_a_templates_head_and_text_is_the_merge() -> None:
    """``update`` makes a release's first catalogs from its template's header and text, trusting
    that every entry pressflow makes comes out of a merge as it is (notes, references, foreign
    text and placeholders included): the same bytes as the merge."""
    demo = read_structured(DATA / "demo-release.html", rel_path="releases/demo.html")
    for release, segments in (_release(), (demo, segment_release(demo))):
        made = templating.template_of(release, segments, config=CONFIG)
        for lang in ("ru", "en", "ky"):
            merged = catalog.format_po(update.merge(None, made.catalog(), lang=lang))
            assert header.first_from_text(made.comment, made.fields, made.text, lang=lang) == merged
            assert update.first_catalog(made.catalog(), made.text, lang=lang) == merged
            data = made.text.encode("utf-8")  # (the template's file, as update makes it)
            first = update.first_from_data(made.comment, made.fields, data, lang=lang)
            assert first == merged.encode("utf-8")


@needs_gettext
def test_templates_and_new_catalogs_pass_msgfmt_and_msgcat(tmp_path: Path) -> None:
    release, segments = _release()
    pot = templating.make_template(release, segments, config=CONFIG)
    catalog.write_po(pot, tmp_path / "lsg.pot")
    for lang in ("ru", "en", "ky"):
        catalog.write_po(update.merge(None, pot, lang=lang, config=CONFIG), tmp_path / f"{lang}.po")
    for path in sorted(tmp_path.iterdir()):
        msgfmt_check(path)
        assert msgcat(path) == path.read_bytes(), path.name


def test_batch_writes_appear_together_on_commit_and_never_half(tmp_path: Path) -> None:
    po = catalog.read_po(GOLDEN)
    (tmp_path / "same.po").write_text(catalog.format_po(po), encoding="utf-8")
    with WriteBatch() as batch:
        assert catalog.write_po(po, tmp_path / "a.po", batch=batch) is True
        assert catalog.write_po(po, tmp_path / "same.po", batch=batch) is False
        assert not (tmp_path / "a.po").exists()  # staged, not yet visible
    assert (tmp_path / "a.po").read_bytes() == GOLDEN.read_bytes()
    with pytest.raises(RuntimeError), WriteBatch() as batch:
        catalog.write_po(po, tmp_path / "b.po", batch=batch)
        raise RuntimeError("interrupted")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.po", "same.po"]
