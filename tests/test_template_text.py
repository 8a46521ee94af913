"""A template's text is written from its units in one pass, with short cuts for the common
units (one segment of a known kind; a text found again with the same kind; placeholders that
recur in every release): the text must be the polib template formatted, whatever the units."""

from __future__ import annotations

from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pressflow.config import Config
from pressflow.model import Block, Inline, Release, Segment
from pressflow.po import catalog, powrap
from pressflow.po import template as templating

CONFIG = Config(root=Path("."), name="pressflow newsroom", version="1.0")
TEXTS = ["Иш-чарага 250дөн ашык катышуучу келет.", "<1>Форумдун</1> уюштуруучулары <2/> “Парк-"
         "отель” мейманканасында 3-июлда белгилешет жана дагы бир топ сөздөр менен.", "<3>a</3>",
         "Кыска.", "x" * 90, 'Тырмакча " жана \\ белги.', " ", ""]  # fmt: skip
KINDS = ["paragraph", "title", "meta", "", "my kind", "two\nlines"]
INLINES = (
    Inline(1, "em"),
    Inline(2, "img", (("alt", "сүрөт"),), paired=False),
    Inline(3, "a", (("href", "https://example.kg/" + "very-long/" * 8),)),
)


@st.composite
def releases(draw: st.DrawFn) -> tuple[Release, list[Segment]]:
    # (two references of the third fill a line, or just do not)
    names = ["releases/r.html", "./releases/r.html", "releases/" + "b" * 20 + ".html", "a" * 40]
    path = draw(st.sampled_from(names))
    segments = []
    for index in range(draw(st.integers(min_value=0, max_value=12))):
        foreign = draw(st.booleans()) and draw(st.booleans())
        segments.append(
            Segment(
                "r",
                draw(st.integers(min_value=0, max_value=2)),
                index,
                draw(st.sampled_from(KINDS)),
                draw(st.sampled_from(TEXTS)),
                draw(st.integers(min_value=1, max_value=12_000)),
                flags=("foreign-text",) if foreign else (),
                note=draw(st.sampled_from(["", "not Kyrgyz: Latin"])) if foreign else "",
            )
        )
    blocks = tuple(
        Block(i, "paragraph", "", 1, inlines=INLINES if i != 2 else ()) for i in range(3)
    )
    return Release("r", path, "ky", "", blocks), segments


#: A text found twice whose two references fill a line exactly (76 columns after ``#: ``).
FULL_LINE = (
    Release("r", "releases/" + "b" * 20 + ".html", "ky", "", ()),
    [Segment("r", 0, i, "paragraph", "Кыска.", line) for i, line in enumerate((10, 100))],
)


@settings(max_examples=300, deadline=None)
@given(releases())
@example(FULL_LINE)
def test_a_templates_text_is_its_catalog_formatted(made: tuple[Release, list[Segment]]) -> None:
    release, segments = made
    template = templating.template_of(release, segments, config=CONFIG)
    assert template.text == catalog.format_po(template.catalog())
    assert template.size == len(template.catalog())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="a #\n\t.", max_size=12), st.sampled_from(["#", "#.", "#~"]))
def test_a_comment_in_one_replacement_is_its_lines_joined(text: str, mark: str) -> None:
    assert catalog.comment_text(text, mark) == "\n".join(catalog.comment_block(text, mark))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='aж "\\\n\t-全', max_size=90))
@example("POT-Creation-Date: 2019-01-04 07:14+0000\n")
@example("ж " * 37 + "x\n")  # the longest field on one line (75 characters)
@example("ж " * 38 + "\n")
def test_a_header_field_on_one_line_is_its_lines_joined(text: str) -> None:
    powrap.cache_clear()
    assert powrap.field_text(text) == "\n".join(powrap.later_lines(text))
