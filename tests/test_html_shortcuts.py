"""The HTML reader's short cuts hold: a page with few ``<`` is not measured for depth (libxml2
adds only a few elements of its own), and the locators are the paths lxml gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from pressflow.errors import ReaderError
from pressflow.readers.html import parse_html, read_html
from pressflow.readers.html.tree import _IMPLIED, MAX_DEPTH

PIECES = [
    "<p>",
    "</p>",
    "<b>",
    "</b>",
    "<div>",
    "</div>",
    "<li>",
    "<td>",
    "<tr>",
    "<table>",
    "<head>",
    "<body>",
    "<html>",
    "<title>",
    "<option>",
    "<select>",
    "<dd>",
    "<dt>",
    "<frameset>",
    "<noscript>",
    "<embed>",
    "<img>",
    "<!-- c -->",
    "текст ",
    "x",
    " ",
    "\n",
    "&amp;",
]


def _depth_and_count(root: etree._Element) -> tuple[int, int]:
    depth = deepest = count = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        count += event == "start"
        deepest = max(deepest, depth)
    return deepest, count


@settings(deadline=None, max_examples=300)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=30).map("".join))
def test_libxml2_adds_at_most_a_few_elements_without_a_start_tag(source: str) -> None:
    """What the depth check's short cut relies on: elements, hence depth, are bounded by the
    page's ``<`` plus the few elements the parser implies."""
    try:
        root = parse_html(source)
    except (etree.ParserError, ValueError):
        return
    deepest, count = _depth_and_count(root)
    assert max(deepest, count) <= source.count("<") + _IMPLIED


def test_a_page_read_after_a_page_too_deep_is_read_whole() -> None:
    """Each thread reuses its parser: the depth error of one page is not another's."""
    deep = "<b>" * 2100 + "Текст"  # past libxml2's own limit: an error in its log
    for _ in range(2):
        try:
            read_html(deep, slug="a", path="a.html", lang="ky")
        except ReaderError as exc:
            assert "deeper than" in str(exc)
        else:
            raise AssertionError("a page too deep was read")
        release = read_html("<p>Текст</p>", slug="b", path="b.html", lang="ky")
        assert [b.text for b in release.blocks] == ["Текст"]


def test_a_page_just_under_and_just_over_the_depth_limit() -> None:
    for depth, refused in ((MAX_DEPTH - 3, False), (MAX_DEPTH, True), (MAX_DEPTH + 1, True)):
        page = "<b>" * depth + "Текст"  # html and body are implied, the rest nest
        try:
            read_html(page, slug="a", path="a.html", lang="ky")
        except ReaderError as exc:
            assert refused and "deeper than" in str(exc)
        else:
            assert not refused


PAGE = (
    "<html><head><title>Аты</title><meta name='description' content='Сүрөттөмө'></head>"
    "<body><h1>Аты</h1><p>Бир</p><div><p>Эки <b>үч</b></p>төрт<p title='Аталыш'>беш</p>"
    "</div><!-- c --><p>алты</p><section><h2>жети</h2></section><p>сегиз<img alt='Сүрөт'>"
    "</p><ul><li>тогуз</li><li>он</li></ul><table><tr><td>a1</td><td>b2</td></tr></table>"
    "<o:p>он бир</o:p><p translate='no'>жок</p><p>он эки</p></body></html>"
)


@pytest.mark.parametrize(
    "page",
    [PAGE, PAGE.replace("</html>", "</html><html><p>дагы</p>")],  # libxml2 makes two roots
    ids=["one-root", "two-roots"],
)
def test_every_locator_is_the_path_lxml_gives(page: str) -> None:
    """The locators are libxml2's XPaths (``getpath``), though the reader makes them from
    lxml's ElementPath under the root's: the same numbering, and ``/html[1]`` for a page
    libxml2 gave two root elements."""
    release = read_html(page, slug="a", path="a.html", lang="ky")
    tree = parse_html(page).getroottree()
    assert len(release.blocks) >= 15
    assert release.blocks[-1].locator.startswith("/html[1]/" if "дагы" in page else "/html/")
    for block in release.blocks:
        path = block.locator.partition("#")[0]
        (element,) = tree.xpath(path)
        assert tree.getpath(element) == path, block


@settings(deadline=None, max_examples=300)
@given(st.lists(st.sampled_from(["a", "\n", "\r", "\r\n", " ", "б"]), max_size=12).map("".join))
def test_lines_split_without_the_pattern_are_the_lines_split_with_it(text: str) -> None:
    from pressflow.readers.source import _LINE_BREAK, split_lines

    assert split_lines(text) == _LINE_BREAK.split(text)


DATE_PARTS = [
    "12",
    "03",
    "2021",
    "21",
    ".",
    "/",
    "-",
    " ",
    ", ",
    "март",
    "Ош",
    "бейшемби",
    ":",
    "1",
]


@settings(deadline=None, max_examples=500)
@given(st.lists(st.sampled_from(DATE_PARTS), min_size=1, max_size=9).map("".join))
def test_a_line_without_what_every_date_shape_holds_is_no_dateline(line: str) -> None:
    """The dateline's short cut (no four digits, no ``1.2`` or ``1/2``: no dateline) answers
    what trying every shape answers."""
    from pressflow.readers import dates

    needed = dates._compiled().needed
    if needed.search(line) is None:
        compiled = dates._compiled()
        text = " ".join(line.split())
        for _ in range(2):  # as match_dateline strips a place or a weekday
            found = compiled.lead_word.match(text) or compiled.weekday_space.match(text)
            assert not any(p.match(text) for p in compiled.dates)
            if found is None:
                break
            text = text[found.end() :]
        assert not any(p.match(text) for p in compiled.dates)
        assert dates.match_dateline(line) is None


def test_reading_a_page_leaves_no_garbage_cycle() -> None:
    """A page's tree is freed when its reading ends, not when the garbage collector runs (a
    cycle through the reader held every tree until then, and freed them inside its runs)."""
    import gc

    page = "<body><h1>Аты</h1><p>Бир <b>эки <i>үч</i></b> <img alt='Сүрөт'> төрт</p></body>"
    gc.collect()
    gc.disable()
    try:
        for _ in range(5):
            read_html(page, slug="a", path="a.html", lang="ky")
        assert gc.collect() == 0
    finally:
        gc.enable()
