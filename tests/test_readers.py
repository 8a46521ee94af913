"""Readers: text, Markdown and HTML releases into blocks, and every way a release can be bad."""

from __future__ import annotations

import copy
import re
from datetime import datetime
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressflow.errors import PressflowError, ReaderError, SlugError
from pressflow.readers import READERS, read_release, read_source, release_files
from pressflow.readers.dates import looks_like_date
from pressflow.readers.html import BLOCK_LEVEL, PLACEHOLDER, parse_html, plain_text
from pressflow.readers.markdown import body_html
from pressflow.render.body import prune_empty
from pressflow.render.htmlsource import translate_tree
from pressflow.render.inline import Piece
from pressflow.render.text import LocalBlock, Localized

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "releases" / "2018-07-03-lsg-forum.txt"
DATA = Path(__file__).parent / "data"
NBSP = "\u00a0"


def read(text: str, suffix: str = ".txt", *, slug: str = "demo") -> object:
    return read_source(text, suffix=suffix, slug=slug, path=f"releases/{slug}{suffix}")


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def error_of(path: Path) -> ReaderError:
    with pytest.raises(ReaderError) as caught:
        read_release(path, rel_path=f"releases/{path.name}")
    return caught.value


# --------------------------------------------------------------------------- registry


def test_registry_covers_the_three_formats() -> None:
    assert {".txt", ".md", ".html"} <= set(READERS)


def test_release_files_sorted_known_extensions_only(tmp_path: Path) -> None:
    for name in ("b.md", "a.txt", "c.html", "notes.docx", ".hidden.txt", "README"):
        write(tmp_path, name, "x")
    (tmp_path / "sub.txt").mkdir()
    assert [p.name for p in release_files(tmp_path)] == ["a.txt", "b.md", "c.html"]


def test_release_files_refuses_two_files_with_one_slug(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "x")
    write(tmp_path, "a.md", "x")
    with pytest.raises(ReaderError, match="share the slug 'a'"):
        release_files(tmp_path)


def test_release_files_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="not found"):
        release_files(tmp_path / "nope")


def test_unknown_extension_is_a_reader_error(tmp_path: Path) -> None:
    err = error_of(write(tmp_path, "a.docx", "x"))
    assert "unknown release format '.docx'" in str(err)
    assert str(err).startswith("releases/a.docx: ")


def test_unsafe_slug_is_refused() -> None:
    with pytest.raises(SlugError):
        read("Title\n", slug="..")


# --------------------------------------------------------------------------- plain text: sample


@pytest.fixture(scope="module")
def sample():
    return read_release(SAMPLE, rel_path="releases/2018-07-03-lsg-forum.txt")


def test_sample_metadata(sample) -> None:
    assert sample.slug == "2018-07-03-lsg-forum"
    assert sample.path == "releases/2018-07-03-lsg-forum.txt"
    assert sample.lang == "ky"
    assert sample.format == "txt"
    assert sample.date == datetime(2018, 7, 3, 9, 29)
    assert sample.title.startswith("Кыргыз Республикасынын жергиликтүү")
    assert sample.source == SAMPLE.read_bytes().decode("utf-8")


def test_sample_title_once_no_date_unit(sample) -> None:
    kinds = [b.kind for b in sample.blocks]
    assert kinds[0] == "title" and kinds.count("title") == 1
    assert [b.text for b in sample.blocks].count(sample.title) == 1
    assert not any("03.07.2018" in b.text for b in sample.blocks)
    assert all(b.kind == "paragraph" for b in sample.blocks[1:])


def test_sample_lines_and_indexes(sample) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    assert [b.index for b in sample.blocks] == list(range(len(sample.blocks)))
    assert sample.blocks[0].line == 1
    assert sample.blocks[1].line == 6  # after title, blank, date, repeated title, blank
    for block in sample.blocks:
        assert lines[block.line - 1].strip() == block.text


def test_sample_keeps_glued_junk_in_last_paragraph(sample) -> None:
    last = sample.blocks[-1]
    assert "белгилешет.Error. Page cannot be displayed." in last.text
    assert last.text.endswith("(17)")


# --------------------------------------------------------------------------- plain text: rules


def test_paragraph_lines_are_joined_and_spaces_collapsed() -> None:
    rel = read(f"Аталыш\n\nБиринчи  сап\nэкинчи\tсап{NBSP}бар.\n\n\n Үчүнчү. \n")
    # a line break before a lower-case word is wrapping: the lines are one paragraph
    assert [(b.kind, b.text, b.line) for b in rel.blocks] == [
        ("title", "Аталыш", 1),
        ("paragraph", f"Биринчи сап экинчи сап{NBSP}бар.", 3),
        ("paragraph", "Үчүнчү.", 7),
    ]


def test_single_line_breaks_one_paragraph_per_line_or_wrapped() -> None:
    text = (
        "Аталыш\n\nБиринчи абзац бүттү.\nЭкинчи абзац «цитата менен».\n"
        "Форумдун жыйынтыктары\nКатышуучулар сунуштарды кабыл алышты жана алар\n"
        "өкмөткө жөнөтүлөт. Бул узун сап бир нече сүйлөмдөн турат жана бөлүнбөйт\n"
        "Бишкек шаарында.\n"
    )
    assert [(b.text, b.line) for b in read(text).blocks[1:]] == [
        ("Биринчи абзац бүттү.", 3),
        ("Экинчи абзац «цитата менен».", 4),
        ("Форумдун жыйынтыктары", 5),
        (
            "Катышуучулар сунуштарды кабыл алышты жана алар өкмөткө жөнөтүлөт. Бул узун сап бир"
            " нече сүйлөмдөн турат жана бөлүнбөйт Бишкек шаарында.",
            6,
        ),
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("03.07.2018 09:29", datetime(2018, 7, 3, 9, 29)),
        ("03.07.2018", datetime(2018, 7, 3)),
        ("2018-07-03", datetime(2018, 7, 3)),
        ("2018-07-03T09:29", datetime(2018, 7, 3, 9, 29)),
        ("03/07/2018, 09:29", datetime(2018, 7, 3, 9, 29)),
        ("09:29 03.07.2018", datetime(2018, 7, 3, 9, 29)),
        ("03.07.2018-ж. 09:29", datetime(2018, 7, 3, 9, 29)),
        ("3-июль 2018", datetime(2018, 7, 3)),
        ("3 июля 2018 г.", datetime(2018, 7, 3)),
        ("2018-ж. 3-июль", datetime(2018, 7, 3)),
        ("July 3, 2018", datetime(2018, 7, 3)),
        ("3 май 2018", datetime(2018, 5, 3)),
    ],
)
def test_date_line_variants(line: str, expected: datetime) -> None:
    rel = read(f"Аталыш\n{line}\nАталыш\n\nТекст.\n")
    assert rel.date == expected
    assert [b.text for b in rel.blocks] == ["Аталыш", "Текст."]


def test_date_line_before_title_and_crlf() -> None:
    rel = read("03.07.2018 09:29\r\nАталыш\r\n\r\nТекст.")
    assert rel.date == datetime(2018, 7, 3, 9, 29)
    assert [(b.text, b.line) for b in rel.blocks] == [("Аталыш", 2), ("Текст.", 4)]


def test_repeated_title_after_whitespace_normalisation() -> None:
    rel = read("Жаңы  мыйзам\n\n03.07.2018\n  жаңы мыйзам \n\nТекст.\n")
    assert [b.text for b in rel.blocks] == ["Жаңы мыйзам", "Текст."]


def test_title_repeated_without_date_line() -> None:
    rel = read("Аталыш\nАталыш\n\nТекст.\n")
    assert [(b.text, b.line) for b in rel.blocks] == [("Аталыш", 1), ("Текст.", 4)]


def test_title_repeated_later_is_a_paragraph() -> None:
    rel = read("Аталыш\n\nТекст.\n\nАталыш\n")
    assert [b.text for b in rel.blocks] == ["Аталыш", "Текст.", "Аталыш"]


def test_a_date_inside_a_paragraph_is_text() -> None:
    rel = read("Аталыш\n\n03.07.2018 күнү форум өттү.\n")
    assert rel.date is None
    assert rel.blocks[1].text == "03.07.2018 күнү форум өттү."


def test_impossible_date_line_is_a_warning_with_its_line_never_a_unit() -> None:
    rel = read("Аталыш\n\n31.02.2018 09:29\n\nТекст.\n")
    assert [b.text for b in rel.blocks] == ["Аталыш", "Текст."]
    assert rel.date is None
    (problem,) = rel.problems
    assert (problem.path, problem.line, problem.severity) == ("releases/demo.txt", 3, "warning")
    assert "31.02.2018" in problem.message and "\n" not in problem.message


@pytest.mark.parametrize(
    ("line", "dateish"),
    [
        ("12-март Бишкек Ош", True),  # a date without a year and two place names
        ("12-март Бишкек Ош Нарын", False),  # a third word that is no date: a sentence
        ("Бишкек Ош Нарын 12-март", False),
        ("12-март бишкек", False),
    ],
)
def test_a_line_reads_as_a_date_with_at_most_two_capitalised_other_words(
    line: str, dateish: bool
) -> None:
    assert looks_like_date(line) is dateish


def test_list_items_and_quotes() -> None:
    text = (
        "Аталыш\n\nКүн тартиби:\n- биринчи маселе\n  уландысы\n• экинчи маселе\n"
        "1. номерленген\n2) дагы бир\n\n«Биз даярбыз. Баары жакшы», — деди ал.\n\n"
        "«Биз даярбыз. Баары жакшы».\n\n“Кош келиңиздер!”\n\n— Диалог сабы.\n"
    )
    rel = read(text)
    got = [(b.kind, b.text, b.line, b.locator) for b in rel.blocks[1:]]
    assert got == [
        ("paragraph", "Күн тартиби:", 3, ""),
        ("list_item", "биринчи маселе уландысы", 4, "ul"),
        ("list_item", "экинчи маселе", 6, "ul"),
        ("list_item", "номерленген", 7, "ol"),
        ("list_item", "дагы бир", 8, "ol"),
        ("paragraph", "«Биз даярбыз. Баары жакшы», — деди ал.", 10, ""),
        ("quote", "«Биз даярбыз. Баары жакшы».", 12, ""),
        ("quote", "“Кош келиңиздер!”", 14, ""),
        ("paragraph", "— Диалог сабы.", 16, ""),
    ]


@pytest.mark.parametrize(
    ("text", "suffix", "line"),
    [
        ("Аталыш\n\nБаа <1> сом.\n", ".txt", 3),
        ("<h1>A</h1>\n<p>Баа &lt;1&gt; <b>сом</b>.</p>", ".html", 2),
        ("# A\n\nБаа \\<2/> сом.\n", ".md", 3),
    ],
)
def test_text_that_looks_like_a_placeholder_is_reported(text: str, suffix: str, line: int) -> None:
    (problem,) = read(text, suffix).problems
    assert (problem.check, problem.severity, problem.line) == ("placeholder-text", "warning", line)


def test_title_only_release() -> None:
    rel = read("Жалгыз аталыш")
    assert [(b.kind, b.text) for b in rel.blocks] == [("title", "Жалгыз аталыш")]
    assert rel.title == "Жалгыз аталыш"


# --------------------------------------------------------------------------- bytes errors


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (b"", 1, "release is empty"),
        (b"  \n\t\n \n", 1, "release is empty"),
        (b"\xef\xbb\xbf \n", 1, "release is empty"),
        (b"Title\n\nok\nbad \xff byte\n", 4, "not UTF-8 (byte 0xff)"),
        (b"Title\r\n\r\nbad \xd0 end", 3, "not UTF-8"),
        (b"Title\n\x00\x01\x02", 2, "binary file"),
        (b"\xff\xfeT\x00i\x00", 1, "UTF-16"),
    ],
)
def test_bad_bytes_name_file_and_line(
    tmp_path: Path, suffix: str, data: bytes, line: int, message: str
) -> None:
    err = error_of(write(tmp_path, f"bad{suffix}", data))
    assert err.line == line
    assert message in err.message
    assert str(err).startswith(f"releases/bad{suffix}:{line}: ")
    assert "\n" not in str(err)


def test_bom_is_tolerated(tmp_path: Path) -> None:
    rel = read_release(write(tmp_path, "a.txt", b"\xef\xbb\xbfTitle\n\nText."), rel_path="a.txt")
    assert rel.title == "Title"
    assert not rel.source.startswith("\ufeff")


def test_unreadable_file(tmp_path: Path) -> None:
    (tmp_path / "dir.txt").mkdir()
    err = error_of(tmp_path / "dir.txt")
    assert "cannot read release" in err.message


# --------------------------------------------------------------------------- markdown


@pytest.fixture(scope="module")
def md_release():
    path = DATA / "demo-release.md"
    return read_release(path, rel_path="releases/demo-release.md")


def test_markdown_front_matter(md_release) -> None:
    assert md_release.format == "md"
    assert md_release.title == "Бишкекте жаштар форуму өттү"
    assert md_release.date == datetime(2024, 5, 14, 10, 30)
    assert md_release.summary == "Жаштар форуму жөнүндө кыскача маалымат."
    assert md_release.tags == ("жаштар", "форум")
    assert md_release.contact.startswith("Маданият")
    assert md_release.problems == ()
    title, summary = md_release.blocks[:2]
    assert (title.kind, title.attr, title.line, title.locator) == ("title", "title", 2, "")
    assert (summary.kind, summary.attr, summary.line) == ("meta", "summary", 4)
    assert [b.kind for b in md_release.blocks].count("title") == 1


def test_markdown_blocks_kinds_and_lines(md_release) -> None:
    lines = (DATA / "demo-release.md").read_text(encoding="utf-8").split("\n")
    got = {(b.kind, b.line) for b in md_release.blocks}
    assert {("heading", 9), ("paragraph", 11), ("caption", 14), ("quote", 19)} <= got
    assert {("heading", 21), ("list_item", 23), ("list_item", 24), ("table_cell", 28)} <= got
    for block in md_release.blocks[2:]:
        if not block.attr:  # the first words of a block are on its line
            first = plain_text(block.text).split()[0]
            assert first in lines[block.line - 1], block


def test_markdown_inline_placeholders(md_release) -> None:
    para = next(b for b in md_release.blocks if b.text.startswith("14-майда"))
    assert para.text == (
        "14-майда Бишкекте <1>«Жаштар — келечек»</1> форуму өттү. Форумга 300дөн ашык "
        "катышуучу келди, деп билдирди <2>маданият министрлиги</2>."
    )
    strong, link = para.inlines
    assert (strong.id, strong.tag, strong.paired) == (1, "strong", True)
    assert link.tag == "a"
    assert link.attrs == (
        ("href", "https://mkk.gov.kg/ky/news?id=42&lang=ky"),
        ("title", "Министрликтин сайты"),
    )
    assert "mkk.gov.kg" not in para.text


def test_markdown_code_br_nbsp_and_image(md_release) -> None:
    para = next(b for b in md_release.blocks if b.text.startswith("Иш-чара"))
    assert para.text == (
        f"Иш-чара 10:00дө башталып, 18:00дө{NBSP}аяктады. Кошумча маалымат: <1/>.<2/> "
        "Телефон: +996 312 62-05-03."
    )
    code, br = para.inlines
    assert (code.tag, code.paired, code.text) == ("code", False, "info@mkk.gov.kg")
    assert (br.tag, br.paired) == ("br", False)
    captions = [(b.attr, b.text) for b in md_release.blocks if b.kind == "caption"]
    assert captions == [
        ("alt", "Форумдун катышуучулары залда"),
        ("title", "Форумдун катышуучулары"),
    ]
    assert not any(b.text == "<1/>" for b in md_release.blocks)  # image-only paragraph


def test_markdown_without_front_matter_takes_title_from_heading() -> None:
    rel = read("Intro line\n\n# Башкы *аталыш*\n\nТекст.\n", ".md")
    assert rel.title == "Башкы аталыш"
    assert [(b.kind, b.line) for b in rel.blocks] == [
        ("paragraph", 1),
        ("title", 3),
        ("paragraph", 5),
    ]


def test_markdown_code_is_not_extracted_and_raw_html_has_lines() -> None:
    text = (
        '---\ntitle: T\n---\nБир.\n\n<div class="box">\n<p>Чийки <b>HTML</b>.</p>\n</div>\n\n'
        "```\nкод блогу\n```\n\n    чегинди код\n\nЭки\n---\n"
    )
    rel = read(text, ".md")
    assert [(b.kind, b.text, b.line) for b in rel.blocks] == [
        ("title", "T", 2),
        ("paragraph", "Бир.", 4),
        ("paragraph", "Чийки <1>HTML</1>.", 7),
        ("heading", "Эки", 16),
    ]


def test_markdown_front_matter_author() -> None:
    assert read("---\ntitle: T\nauthor: Айгүл Осмонова\n---\nText.\n", ".md").author == (
        "Айгүл Осмонова"
    )


def test_markdown_front_matter_slug_and_unknown_keys() -> None:
    rel = read("---\ntitle: T\nslug: other-slug\nauthr: me\n---\nText.\n", ".md")
    assert rel.slug == "other-slug" and rel.author == ""
    assert [(p.check, p.line) for p in rel.problems] == [("front-matter", 4)]
    assert [(b.kind, b.line) for b in rel.blocks] == [("title", 2), ("paragraph", 6)]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("---\ntitle: T\n\nText without end\n", 1, "never closed"),
        ("---\ntitle: T\ndate: [unclosed\n---\nText.\n", 3, "not valid YAML"),
        ("---\ntitle: T\n  bad: indent: x\n---\nText.\n", 3, "not valid YAML"),
        ("---\n- a\n- b\n---\nText.\n", 2, "must be 'key: value'"),
        ("---\ntitle: T\ndate: next tuesday\n---\nText.\n", 3, "unrecognised date"),
        ("---\ntitle: T\n\ndate: 31.02.2018\n---\nText.\n", 4, "date"),
        ("---\ntitle: [a, b]\n---\nText.\n", 2, "must be text"),
        ("---\ntitle: T\ntags: {a: 1}\n---\nText.\n", 3, "tags"),
        ("---\n---\n\n", 1, "no translatable text"),
    ],
)
def test_markdown_errors_name_file_and_line(text: str, line: int, message: str) -> None:
    with pytest.raises(ReaderError) as caught:
        read(text, ".md")
    assert caught.value.line == line
    assert message in caught.value.message
    assert str(caught.value).startswith(f"releases/demo.md:{line}: ")


def test_markdown_bad_slug_names_line() -> None:
    with pytest.raises(SlugError) as caught:
        read("---\ntitle: T\nslug: ../etc\n---\nText.\n", ".md")
    assert caught.value.line == 3


# --------------------------------------------------------------------------- html


@pytest.fixture(scope="module")
def html_release():
    return read_release(DATA / "demo-release.html", rel_path="releases/demo-release.html")


def test_html_metadata_and_title(html_release) -> None:
    assert html_release.format == "html"
    assert html_release.title == "Бишкекте жаштар форуму өттү"
    assert html_release.date == datetime(2024, 5, 14, 10, 30)
    kinds = [(b.kind, b.locator, b.attr) for b in html_release.blocks[:3]]
    assert kinds == [
        ("meta", "/html/head/title", ""),
        ("meta", "/html/head/meta[2]", "content"),
        ("title", "/html/body/article/h1", ""),
    ]
    assert [b.kind for b in html_release.blocks].count("title") == 1


def test_html_never_extracts_script_style_comments_or_translate_no(html_release) -> None:
    texts = " ".join(b.text for b in html_release.blocks)
    for absent in ("tracker", "color", "редактордун", "Copyright", "Kabar"):
        assert absent not in texts


def test_html_inline_placeholders_keep_every_attribute(html_release) -> None:
    para = next(b for b in html_release.blocks if b.text.startswith("14-майда"))
    assert para.text.endswith("деп билдирди <2>маданият министрлиги</2>.")
    assert "\n" not in para.text and "  " not in para.text
    assert para.inlines[1].attrs == (
        ("href", "https://mkk.gov.kg/ky/news?id=42&lang=ky"),
        ("title", "Министрликтин сайты"),
    )
    assert para.locator == "/html/body/article/p[2]" and para.line == 15


def test_html_nbsp_code_br_abbr(html_release) -> None:
    para = next(b for b in html_release.blocks if b.text.startswith("Иш-чара"))
    assert para.text == (
        f"Иш-чара 10:00дө башталып, 18:00дө{NBSP}аяктады. Кошумча маалымат: <1/>.<2/> "
        f"Телефон: <3>КР</3> +996{NBSP}312{NBSP}62-05-03."
    )
    assert [(i.tag, i.paired) for i in para.inlines] == [
        ("code", False),
        ("br", False),
        ("abbr", True),
    ]
    assert para.inlines[0].text == "info@mkk.gov.kg"


def test_html_attribute_blocks(html_release) -> None:
    attrs = [(b.locator, b.attr, b.text) for b in html_release.blocks if b.kind == "attribute"]
    assert attrs == [
        ("/html/body/article/p[2]/a", "title", "Министрликтин сайты"),
        ("/html/body/article/figure/img", "alt", "Форумдун катышуучулары залда"),
        ("/html/body/article/p[3]/abbr", "title", "Кыргыз Республикасы"),
    ]


def test_html_translate_no_inline_is_an_empty_placeholder(html_release) -> None:
    caption = next(b for b in html_release.blocks if b.kind == "caption")
    assert caption.text == "Форумдун катышуучулары. Сүрөт: <1/>"
    (span,) = caption.inlines
    assert (span.tag, span.paired, span.text) == ("span", False, "Kabar")
    assert span.attrs == (("translate", "no"),)


def test_html_kinds_quote_list_heading(html_release) -> None:
    got = [(b.kind, b.locator) for b in html_release.blocks]
    assert ("quote", "/html/body/article/blockquote/p") in got
    assert ("heading", "/html/body/article/h2") in got
    assert ("list_item", "/html/body/article/ul/li[2]") in got


def test_html_runs_around_nested_blocks() -> None:
    rel = read(
        "<div>Биринчи <b>бөлүк</b><p>Абзац.</p>Экинчи бөлүк<br>уланды<ul><li>Пункт</li></ul></div>",
        ".html",
    )
    got = [(b.kind, b.text, b.locator) for b in rel.blocks]
    assert got == [
        ("paragraph", "Биринчи <1>бөлүк</1>", "/html/body/div"),
        ("paragraph", "Абзац.", "/html/body/div/p"),
        ("paragraph", "Экинчи бөлүк<1/>уланды", "/html/body/div#1"),
        ("list_item", "Пункт", "/html/body/div/ul/li"),
    ]


def test_html_runs_of_digits_and_of_placeholder_like_text() -> None:
    rel = read(
        "<h1>Жаңылык</h1><p><b>2021</b></p><p>&lt;1&gt;<br></p><p>Текст  \n <i>жана</i>\tдагы</p>",
        ".html",
    )
    assert [b.text for b in rel.blocks] == ["Жаңылык", "<1>2021</1>", "Текст <1>жана</1> дагы"]


def test_html_page_with_more_elements_than_the_depth_limit_is_read() -> None:
    page = "<html><body>" + "".join(f"<p>Абзац {n}.</p>" for n in range(600)) + "</body></html>"
    rel = read(page, ".html")
    assert len(rel.blocks) == 600 and rel.blocks[-1].text == "Абзац 599."


def test_html_title_without_h1_and_meta_date() -> None:
    rel = read(
        '<html><head><title> Жаңылык </title><meta property="article:published_time" '
        'content="2020-03-05T08:00:00+06:00"></head><body><p>Текст.</p></body></html>',
        ".html",
    )
    assert rel.blocks[0].kind == "title" and rel.title == "Жаңылык"
    assert rel.date is not None and rel.date.isoformat() == "2020-03-05T08:00:00+06:00"


def test_html_line_numbers() -> None:
    rel = read(
        "<html>\n<body>\n<h1>A</h1>\n<p>\n  B\n</p>\n<p><a>C</a></p>\n</body></html>", ".html"
    )
    assert [(b.text, b.line) for b in rel.blocks] == [("A", 3), ("B", 5), ("<1>C</1>", 7)]


def test_xhtml_with_xml_declaration() -> None:
    rel = read(
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        '<head><title>T</title></head><body><p>Салам <a href="u">дос</a></p></body></html>',
        ".html",
    )
    assert [b.text for b in rel.blocks] == ["T", "Салам <1>дос</1>"]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("<!-- only a comment -->", 1, "cannot parse HTML"),
        ("<html><body><script>x()</script></body></html>", 1, "no translatable text"),
        ('<head><meta name="date" content="someday"></head><p>x</p>', 1, "unrecognised date"),
    ],
)
def test_html_errors_name_file_and_line(text: str, line: int, message: str) -> None:
    with pytest.raises(ReaderError) as caught:
        read(text, ".html")
    assert caught.value.line == line
    assert message in caught.value.message
    assert str(caught.value).startswith(f"releases/demo.html:{line}: ")


# --------------------------------------------------------------------------- rebuild contract
# The site renderer (render.htmlsource.translate_tree) puts the (translated) text of every block
# back where the reader found it. Identity translation must give back the same page.


def rebuild(root, release, translate=lambda block: block.text) -> None:
    """The renderer's own code, with ``translate`` standing in for the reviewed translations."""
    blocks = tuple(LocalBlock(b, (Piece(translate(b)),)) for b in release.blocks)
    loc = Localized(release, "ky", blocks, title="", lead="", units=len(blocks), missing=0)
    assert translate_tree(root, loc, source_lang="ky") == []  # every block found its place


def links(root) -> list[tuple]:
    return [(a.get("href"), a.get("title"), plain_text(a.text_content())) for a in root.iter("a")]


def visible(root, *, words_only: bool = False) -> str:
    """Text as a browser lays it out: block boundaries separate words. ``words_only``: any
    space (a no-break one too) only separates words, however many there are."""
    body = copy.deepcopy(root.find("body"))
    for el in body.iter():
        if el.tag in BLOCK_LEVEL:
            el.text, el.tail = " " + (el.text or ""), " " + (el.tail or "")
    space = r"[ \t\n\r\f\xa0]+" if words_only else r"[ \t\n\r\f]+"
    return re.sub(space, " ", body.text_content()).strip()


def attributes(root) -> list[tuple]:
    return [(el.tag, sorted(el.attrib.items())) for el in root.iter() if isinstance(el.tag, str)]


@pytest.mark.parametrize("name", ["demo-release.html", "demo-release.md"])
def test_identity_rebuild_gives_back_the_page(name: str) -> None:
    source = (DATA / name).read_text(encoding="utf-8")
    release = read_release(DATA / name, rel_path=f"releases/{name}")
    page = source if name.endswith(".html") else body_html(source)
    original, rebuilt = parse_html(page), parse_html(page)
    rebuild(rebuilt, release)
    assert visible(rebuilt) == visible(original)
    assert links(rebuilt) == links(original)
    assert attributes(rebuilt) == attributes(original)
    again = read_source(
        lxml.html.tostring(rebuilt, encoding="unicode"), suffix=".html", slug="x", path="x"
    )
    if name.endswith(".html"):
        assert [(b.kind, b.text, b.inlines, b.locator, b.attr) for b in again.blocks] == [
            (b.kind, b.text, b.inlines, b.locator, b.attr) for b in release.blocks
        ]


def test_reordered_placeholders_move_links_with_translated_attributes() -> None:
    release = read_release(DATA / "demo-release.html", rel_path="releases/demo-release.html")
    root = parse_html(release.source)

    def translate(block) -> str:
        if block.text.startswith("14-майда"):
            return "Министрлик <2>маалымдады</2>: <1>форум</1> өттү."
        return "RU " + block.text if block.attr else block.text

    rebuild(root, release, translate)
    para = root.getroottree().xpath("/html/body/article/p[2]")[0]
    assert para.text_content() == "Министрлик маалымдады: форум өттү."
    link = para.find("a")
    assert link.get("href") == "https://mkk.gov.kg/ky/news?id=42&lang=ky"
    assert link.get("title") == "RU Министрликтин сайты"
    assert link.text == "маалымдады" and para.index(link) == 0
    assert root.find(".//img").get("alt") == "RU Форумдун катышуучулары залда"


def test_reader_errors_are_pressflow_errors() -> None:
    assert issubclass(ReaderError, PressflowError)


# --------------------------------------------------------------------------- properties

TEXTISH = st.lists(
    st.one_of(
        st.sampled_from(list('\n\n\n  \t-•1.«»“”"<>/&;#*`[]()!:—\u00a0')),
        st.sampled_from(["---", "# ", "<p>", "</p>", "<a href='x'>", "</a>", "&nbsp;", "ж."]),
        st.characters(blacklist_categories=("Cs", "Cc")),
    ),
    max_size=60,
).map("".join)


TEXT_ERRORS = (
    "release is empty",
    "release holds only a date",
    "no translatable text in the",
    "cannot parse HTML",
    "front matter",
    "date line",
)


@settings(max_examples=80, deadline=None)
@given(text=TEXTISH, suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_any_text_gives_blocks_or_a_located_error(text: str, suffix: str) -> None:
    try:
        rel = read(text, suffix)
    except ReaderError as exc:
        # Only the errors random text may deserve, each one line with the file and a line.
        assert "\n" not in str(exc) and exc.path == f"releases/demo{suffix}" and exc.line
        assert exc.message.startswith(TEXT_ERRORS), exc.message
        return
    assert rel.blocks and [b.index for b in rel.blocks] == list(range(len(rel.blocks)))
    suspicious = {p.line for p in rel.problems if p.check == "placeholder-text"}
    for block in rel.blocks:
        assert block.text.strip() and block.line >= 1
        ids = [int(a or b) for a, b, _ in PLACEHOLDER.findall(block.text) if a or b]
        assert ids == [i.id for i in block.inlines] or block.line in suspicious


INLINE = st.sampled_from(["em", "strong", "a", "span", "b", "sup"])
WORDS = st.sampled_from(["Бишкек", "шаары", "жана", "2024-жылы", "өттү.", "\u00a0", " ", "\n"])


@st.composite
def fragments(draw, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        choice = draw(st.integers(0, 4 if depth < 2 else 1))
        if choice <= 1:
            parts.append(draw(WORDS))
        elif choice == 2:
            tag = draw(INLINE)
            attrs = f' href="/n/{draw(st.integers(0, 9))}?a=1&amp;b=2"' if tag == "a" else ""
            parts.append(f"<{tag}{attrs}>{draw(fragments(depth + 1))}</{tag}>")
        elif choice == 3:
            parts.append(draw(st.sampled_from(["<br>", '<img src="i.png" alt="Сүрөт">'])))
        else:
            parts.append(f"<p>{draw(fragments(depth + 1))}</p>")
    return "".join(parts)


@settings(max_examples=60, deadline=None)
@given(body=fragments())
def test_identity_rebuild_of_generated_pages(body: str) -> None:
    page = f"<html><body><div>{body}</div><p>Текст.</p></body></html>"
    release = read(page, ".html")
    original, rebuilt = parse_html(page), parse_html(page)
    rebuild(rebuilt, release)
    # the same words, none glued together (Бишкек<em> </em>шаары is not Бишкекшаары)
    assert visible(rebuilt, words_only=True) == visible(original, words_only=True)
    prune_empty(original)  # the renderer leaves out elements with nothing to show
    assert links(rebuilt) == links(original)
    assert attributes(rebuilt) == attributes(original)


@pytest.mark.parametrize("date", ["2020-13-45", "2020-02-30 10:30", "31.02.2018"])
def test_front_matter_date_that_cannot_exist_is_one_line_with_its_line(date: str) -> None:
    source = f"---\ntitle: Тест\ndate: {date}\n---\n\nТекст.\n"
    with pytest.raises(ReaderError) as caught:
        read_source(source, suffix=".md", slug="bad", path="releases/bad.md")
    assert str(caught.value).startswith("releases/bad.md:3: ")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\f\v\u00a0\nab.", max_size=30))
def test_a_line_is_cleaned_as_the_squeeze_of_every_space_run(line: str) -> None:
    """A line with nothing to squeeze is kept as it is; the result is always the full squeeze
    of spaces, tabs and form feeds (a no-break space is meant, and kept)."""
    from pressflow.readers.text import _SPACES, _clean

    assert _clean(line) == _SPACES.sub(" ", line.strip())
