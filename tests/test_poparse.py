"""PO string escapes: the fast and the strict parser read every escape alike, and bytes round-trip.

A backslash escaped before ``n``, ``t``, ``r`` or ``"`` is where a naive decoder goes wrong: a
translator's ``C:\\new\\report`` read back as a backslash and a newline corrupts the file.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pressflow.errors import CatalogError
from pressflow.po import catalog, poparse

# (what the file says between the quotes, the string it means)
ESCAPES = [
    (r"C:\\new\\report", "C:\\new\\report"),
    (r"a\\nb", "a\\nb"),
    (r"a\\tb", "a\\tb"),
    (r"a\\rb", "a\\rb"),
    (r"say \\\"hi\\\"", 'say \\"hi\\"'),
    (r"a\\\nb", "a\\\nb"),
    (r"a\n\\b", "a\n\\b"),
    (r"\\\\n", "\\\\n"),
    (r"end\\", "end\\"),
    (r"line\nnext\ttab\rcr", "line\nnext\ttab\rcr"),
    (r"\"quoted\"", '"quoted"'),
    (r"\a\b\f\v", "\a\b\f\v"),
    (r"\101\102", "AB"),
    (r"\0", "\0"),
    (r"\x41\x4a\x4A", "AJJ"),
    (r"\\x41", "\\x41"),
    (r"\\101", "\\101"),
    (r"Ө\\Ү", "Ө\\Ү"),
]


def _entry_text(body: str, *, ctxt: str | None = None) -> str:
    head = f'msgctxt "{ctxt}"\n' if ctxt is not None else ""
    return f'{head}msgid "{body}"\nmsgstr "{body}"\n'


def _both(text: str) -> tuple[list[poparse.RawEntry], list[poparse.RawEntry]]:
    fast = poparse._fast_parse(text, "t.po")
    strict = poparse._Parser(text, "t.po").run()
    assert fast is not None, "the fast path should read well-formed entries itself"
    return fast, strict


@pytest.mark.parametrize(("body", "value"), ESCAPES)
def test_fast_and_strict_parsers_decode_every_escape_alike(body: str, value: str) -> None:
    fast, strict = _both(_entry_text(body, ctxt=body))
    assert fast == strict
    (entry,) = strict
    assert entry.fields == {"msgctxt": value, "msgid": value, "msgstr": value}
    assert [e.fields for e in poparse.parse_entries(_entry_text(body), path="t.po")] == [
        {"msgid": value, "msgstr": value}
    ]


@pytest.mark.parametrize(("body", "value"), ESCAPES)
def test_escapes_in_continuation_lines_plurals_and_previous_msgids(body: str, value: str) -> None:
    text = (
        f'#| msgid "{body}"\n#| "{body}"\n'
        f'msgid ""\n"{body}"\n"{body}"\nmsgid_plural "{body}"\n'
        f'msgstr[0] "{body}"\nmsgstr[1] ""\n"{body}"\n'
    )
    fast, strict = _both(text)
    assert fast == strict
    (entry,) = strict
    assert entry.previous == {"msgid": value * 2}
    assert entry.fields == {"msgid": value * 2, "msgid_plural": value}
    assert entry.plural == {0: value, 1: value}


# msgcat writes these escapes, every other character as itself, and a string with a newline
# inside as one line per newline (tested with the golden file), so those are left out here.
CANONICAL = [(b, v) for b, v in ESCAPES if not any(c in b for c in "01x") and "\n" not in v[:-1]]


@pytest.mark.parametrize(("body", "value"), CANONICAL)
def test_a_file_with_escapes_round_trips_byte_for_byte(body: str, value: str) -> None:
    raw = f'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n{_entry_text(body)}'
    po = catalog.parse_po(raw.encode())
    assert [(e.msgid, e.msgstr) for e in po] == [(value, value)]
    assert catalog.format_po(po).encode() == raw.encode()


ALPHABET = st.sampled_from(["\\", "n", "t", "r", '"', "a", "\n", "\t", "Ө", " ", "x", "4", "1"])


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=12).map("".join))
def test_any_string_of_escape_prone_characters_survives_write_and_read(value: str) -> None:
    po = catalog.parse_po(b'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n')
    po.append(catalog.new_entry(msgid="k" + value, msgstr=value, previous_msgid="p" + value))
    po[0].flags = ["fuzzy"]
    text = catalog.format_po(po)
    fast, strict = _both(text)
    assert fast == strict
    (entry,) = catalog.parse_po(text.encode())
    assert (entry.msgid, entry.msgstr, entry.previous_msgid) == ("k" + value, value, "p" + value)


@pytest.mark.parametrize("body", [r"a\q", r"\x", r"bad\ escape", "x\\"])
def test_an_unknown_escape_is_an_error_with_its_line_on_both_paths(body: str) -> None:
    text = f'msgid "ok"\nmsgstr "ok"\n\nmsgid "{body}"\nmsgstr ""\n'
    with pytest.raises(CatalogError) as err:
        poparse.parse_entries(text, path="t.po")
    assert err.value.line == 4
    assert err.value.path == "t.po"
    with pytest.raises(CatalogError) as err:
        poparse._Parser(text, "t.po").run()
    assert err.value.line == 4


def test_text_after_a_continued_previous_msgid_is_an_error_as_msgcat_says() -> None:
    """``#| "def" junk``: msgcat stops at line 7; the fast path once read ``abcdef`` and went
    on, now it hands the file to the strict parser, which names the line."""
    text = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#, fuzzy\n#| msgid "abc"\n#| "def" junk\nmsgid "x"\nmsgstr "y"\n'
    )
    with pytest.raises(CatalogError) as caught:
        catalog.parse_po(text.encode(), path="j.po")
    assert caught.value.line == 7
    good = catalog.parse_po(text.replace(" junk", "").encode(), path="j.po")
    assert [e.previous_msgid for e in good] == ["abcdef"]


LOCATED = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    '#. p1\n#: a.html:3 b.html\n#, fuzzy\n#| msgctxt "old"\n#| msgid "was"\n#| "here"\n'
    'msgctxt ""\n"two"\n"lines"\nmsgid ""\n"Бир"\nmsgstr "Один"\n\n'
    'msgid "Эки"\nmsgstr ""\n"Два"\n\n'
    '# a note\nmsgid "Үч"\nmsgid_plural "Үчөө"\nmsgstr[0] "Три"\nmsgstr[1] ""\n\n'
    '#~ msgid "Төрт"\n#~ msgstr "Четыре"\n'
)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_each_entry_knows_its_msgid_line_as_the_file_shows_it(newline: str) -> None:
    """The line a finding points to (``msgid_line``: the msgid keyword's, after the comments
    and a context) is the file's next line opening with ``msgid `` from the entry's first line,
    on the fast path, on the strict one (a CRLF file), and into the units QA checks."""
    from pressflow.qa.units import msgid_lines, units_of

    text = LOCATED.replace("\n", newline)
    entries = [e for e in poparse.parse_entries(text, path="t.po") if not e.obsolete]
    opening = msgid_lines(text)
    assert [e.msgid_line for e in entries] == [min(n for n in opening if n >= e.line)
                                               for e in entries]  # fmt: skip
    assert [e.msgid_line for e in entries] == [1, 14, 18, 23]
    if newline == "\n":
        assert _both(text)[0] == _both(text)[1]
    units = units_of(catalog.parse_po(text.encode(), path="t.po"))
    assert [u.line for u in units] == [14, 18, 23]
