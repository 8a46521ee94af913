"""The HTML reader makes its blocks, placeholders and release, and the segmenter its units,
without the dataclasses' generated ``__init__`` (``model.value_of``): what it makes is the value
``__init__`` would make."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from pressflow.model import Block, Inline, Problem, Release, Segment, value_of
from pressflow.readers.placeholders import placeholder_problems, plain_text

MADE = [
    (Block, {"index": 0, "kind": "title", "text": "Аталыш", "line": 3}),
    (
        Block,
        {"index": 2, "kind": "paragraph", "text": "<1>a</1>", "line": 9, "locator": "/html/body/p"},
    ),
    (Inline, {"id": 1, "tag": "a", "attrs": (("href", "/x"),)}),
    (Inline, {"id": 2, "tag": "br", "attrs": (), "paired": False, "text": "", "raw": "<br>"}),
    (Release, {"slug": "a", "path": "releases/a.html", "lang": "ky", "title": "A", "blocks": ()}),
    (
        Segment,
        {"release": "a", "block": 1, "index": 0, "kind": "paragraph", "text": "Бир.", "line": 4},
    ),
    (
        Segment,
        {
            **{"release": "a", "block": 2, "index": 1, "kind": "quote", "text": "Эки.", "line": 5},
            **{"start": 5, "end": 9, "space": " ", "flags": ("foreign-text",), "note": "n"},
        },
    ),
]


@pytest.mark.parametrize(("kind", "fields"), MADE)
def test_a_value_made_without_init_is_the_value_init_makes(kind: type, fields: dict) -> None:
    made, plain = value_of(kind, fields), kind(**fields)
    assert made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)
    assert list(vars(made).items()) == list(vars(plain).items())  # the same fields, in order
    assert pickle.loads(pickle.dumps(made)) == plain
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.text = "changed"  # type: ignore[misc]


@pytest.mark.parametrize("kind", [Block, Inline, Release, Segment])
def test_the_values_made_so_have_no_init_work_to_skip(kind: type) -> None:
    """No field made by a factory and no ``__post_init__``: ``__init__`` only sets fields."""
    assert not hasattr(kind, "__post_init__")
    assert all(f.default_factory is dataclasses.MISSING for f in dataclasses.fields(kind))
    assert all(f.init for f in dataclasses.fields(kind))


def _block(text: str, *inlines: Inline) -> Block:
    return Block(index=0, kind="paragraph", text=text, line=4, inlines=inlines)


PAIRED, EMPTY = Inline(1, "em"), Inline(2, "br", paired=False)


@pytest.mark.parametrize(
    ("block", "flagged"),
    [
        (_block("a <1>b</1> c", PAIRED), False),
        (_block("a < b <1>c</1>", PAIRED), False),  # a ``<`` of the text's own
        (_block("a <1> <1>b</1>", PAIRED), True),  # the text's own ``<1>``
        (_block("a <2/> <1>b</1>", PAIRED), True),
        (_block("a <1>b</1> <2/>", PAIRED, EMPTY), False),
        (_block("a <3/>", EMPTY), False),  # counted, not matched by number
        (_block("1 < 2"), False),
        (_block("<1>"), True),
    ],
)
def test_placeholder_like_text_is_told_by_counting_then_matching(
    block: Block, flagged: bool
) -> None:
    problems = placeholder_problems([block], path="releases/a.html")
    assert [p.check for p in problems] == (["placeholder-text"] if flagged else [])
    if problems:
        assert problems[0] == Problem(
            check="placeholder-text",
            severity="warning",
            message=problems[0].message,
            path="releases/a.html",
            line=4,
        )


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Аталыш", "Аталыш"),
        (" <1>Аталыш</1>  жана\n\tдагы ", "Аталыш жана дагы"),
        ("a\u00a0 b", "a\u00a0 b"),  # a no-break space is kept
        ("a\fb\rc", "a b c"),
    ],
)
def test_plain_text_drops_placeholders_and_squeezes_spaces(text: str, plain: str) -> None:
    assert plain_text(text) == plain


PAGE = """<html><head><title>Форум</title><meta name="description" content="Форум өттү.">
</head><body><h1>Жергиликтүү форум</h1>
<p>Форум <a href="https://gov.kg/a">Бишкекте</a> өттү. Анда <b>120</b> адам катышты.<br>
Foreign words: The forum was held in Bishkek today.</p>
<p><img src="x.png" alt="Сүрөт"> Байланыш: info@gov.kg</p></body></html>"""


TEXT = """Жергиликтүү форум

Ош, 12-март 2021

Форум Бишкекте өттү. Анда 120 адам катышты.
«Биз ыраазыбыз», – деди уюштуруучу.

Байланыш: info@gov.kg
"""


@pytest.mark.parametrize(
    ("reader", "source"), [("html", PAGE), ("text", TEXT)], ids=["html", "text"]
)
def test_every_value_the_reader_and_the_segmenter_make_holds_exactly_its_fields(
    reader: str, source: str
) -> None:
    """``value_of`` takes the names it is given as they are: a name misspelt by its caller
    would add an attribute and leave the field it meant at its default, silently (as a constant
    misspelt in ``getattr`` reads as its default). So every value made from a release, by the
    HTML or the text reader and by the segmenter, has its dataclass's fields, in order, and no
    other attribute."""
    from pressflow.readers.html import read_html
    from pressflow.readers.text import read_text
    from pressflow.segment import segment_release

    read = read_html if reader == "html" else read_text
    release = read(source, slug="forum", path=f"releases/forum.{reader}", lang="ky")
    segments = segment_release(release)
    inlines = [inline for block in release.blocks for inline in block.inlines]
    made = [release, *release.blocks, *inlines, *segments]
    assert len(release.blocks) > 2 and segments
    assert inlines or reader == "text"
    for value in made:
        names = [f.name for f in dataclasses.fields(value)]
        assert list(vars(value)) == names, value
