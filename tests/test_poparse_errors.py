"""The PO reader, line by line: every defect gives exactly ``path:line: message``, and every
comment and field lands where gettext puts it, on the fast path and the strict one alike."""

from __future__ import annotations

import pytest

from pressflow.errors import CatalogError
from pressflow.po import poparse

ERRORS = [
    ('msgid "a"\nmsgstr "b\n', "2: string not terminated (missing closing quote)"),
    (
        'msgid "a"\nmsgstr "b" and then some trailing words\n',
        "2: unexpected text after the string: 'and then some traili'",
    ),
    ('msgid "a\\q"\nmsgstr "b"\n', "1: invalid escape sequence \\q in string"),
    ('msgid "a"\nmsgfoo "b"\n', '2: unknown keyword "msgfoo"'),
    ('msgid "a"\nmsgfoo bar "b"\n', '2: unknown keyword "msgfoo"'),
    ('msgid "a"\nmsgctxt "c"\nmsgstr "b"\n', "1: msgid without msgstr"),
    ('msgid "a"\nmsgstr "b"\n# note\n"c"\n', "4: string continuation line outside an entry"),
    ('#|\nmsgid "a"\nmsgstr "b"\n', '1: unknown keyword ""'),
    ('msgid a\nmsgstr "b"\n', "1: msgid must be followed by a quoted string"),
    ('msgid "a"\nmsgstr b\n', "2: msgstr must be followed by a quoted string"),
    (
        '#| msgstr "x"\nmsgid "a"\nmsgstr "b"\n',
        "1: #| previous lines take msgctxt/msgid only, not msgstr",
    ),
    ('msgid "a"\n#| msgid "x"\nmsgstr "b"\n', "2: #| previous msgid after msgid"),
    ('msgstr "b"\nmsgid "a"\n', "1: msgstr without msgid"),
    ('#| msgid "old"\n', "1: msgstr without msgid"),
    ('msgid "a"\n\nmsgid "b"\nmsgstr ""\n', "1: msgid without msgstr"),
    ('msgid "a"\n\nmsgctxt "c"\nmsgid "b"\nmsgstr ""\n', "1: msgid without msgstr"),
    ('msgid "a"\n', "1: msgid without msgstr"),
    ('\n\nmsgid "a"\n', "3: msgid without msgstr"),
    ('msgctxt "c"\nmsgctxt "d"\nmsgid "a"\nmsgstr "b"\n', "2: second msgctxt in one entry"),
    ('msgid "a"\nmsgid_plural "b"\nmsgid_plural "c"\n', "3: second msgid_plural in one entry"),
    ('msgid "a"\nmsgstr "b"\nmsgstr "c"\n', "3: second msgstr in one entry"),
    ('msgid_plural "as"\nmsgid "a"\n', "1: msgid_plural without msgid"),
    ('msgid "a"\nmsgid_plural "as"\nmsgstr "b"\n', "1: msgid_plural without msgstr[0]"),
    ('msgid "a"\nmsgstr[0] "b"\n', "1: msgstr[N] without msgid_plural"),
    ('"orphan"\nmsgid "a"\nmsgstr ""\n', "1: string continuation line outside an entry"),
    ('# note\n"orphan"\nmsgid "a"\nmsgstr ""\n', "2: string continuation line outside an entry"),
    ('msgid "a"\n#| "x"\nmsgstr "b"\n', "2: continuation line does not continue the line above"),
    (
        '#| msgid "x"\n"y"\nmsgid "a"\nmsgstr "b"\n',
        "2: continuation line does not continue the line above",
    ),
    ('msgid "a"\n# note\nmsgstr "b"\n', "2: comment between msgid and msgstr"),
    ('#~ msgid "a"\nmsgstr "b"\n', "2: inconsistent use of #~ (obsolete) within one entry"),
    (
        '#| msgid "x"\n#~ msgid "a"\n#~ msgstr "b"\n',
        "2: inconsistent use of #~ (obsolete) within one entry",
    ),
    ('#~ msgid "a"\n#~ # note\n#~ msgstr "b"\n', "2: comment between msgid and msgstr"),
    (
        'msgid "a"\nmsgstr "b"\n\n#~ msgid "x"\n#~ msgstr "y"\n#~ msgstr "z"\n',
        "6: second msgstr in one entry",
    ),
    (
        'msgid "a"\nmsgstr "b"\n\n#~ msgid "a"\n#~ msgstr "c"\n\nmsgid "a"\nmsgstr "d"\n',
        "7: duplicate message definition (first at line 1)",
    ),
    (
        'msgctxt "x"\nmsgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n\n'
        'msgctxt "x"\nmsgid "a"\nmsgstr "d"\n',
        "8: duplicate message definition (first at line 1)",
    ),
]


@pytest.mark.parametrize(("text", "shown"), ERRORS)
def test_each_defect_is_one_line_with_its_place(text: str, shown: str) -> None:
    with pytest.raises(CatalogError) as err:
        poparse.parse_entries(text, path="ru.po")
    assert str(err.value) == f"ru.po:{shown}"
    assert err.value.path == "ru.po" and err.value.line == int(shown.split(":")[0])


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        (b"", "ru.po: empty file: not a PO catalog"),
        (b"\n \n", "ru.po: empty file: not a PO catalog"),
        (b"\xde\x12\x04\x95\0\0", "ru.po: compiled MO file, not a PO catalog"),
        (b"\x95\x04\x12\xde\0\0", "ru.po: compiled MO file, not a PO catalog"),
        (b'msgid "a"\n\nmsgstr "\0"\n"\0"\n', "ru.po:3: binary data (NUL byte): not a PO catalog"),
        (
            'msgid "a"\nmsgstr ""\n\nmsgid "б"\nmsgstr "б"\n'.encode("cp1251"),
            "ru.po:4: not UTF-8 text (convert it with msgconv --to-code=UTF-8)",
        ),
    ],
)
def test_a_file_that_is_no_po_text_is_one_line_with_its_place(raw: bytes, shown: str) -> None:
    with pytest.raises(CatalogError) as err:
        poparse.decode(raw, path="ru.po")
    assert str(err.value) == shown


def test_a_byte_order_mark_is_dropped() -> None:
    assert poparse.decode('\ufeffmsgid "а"\n'.encode(), path="ru.po") == 'msgid "а"\n'


COMMENTED = (
    "#  two spaces: one kept\n#no space\n#.extracted, no space\n#. extracted\n"
    "#: releases/a.txt:3 notes:draft :7 src/a:b.txt:12 README\n"
    "#:releases/b.txt:4\n#,fuzzy,  ignore-numbers ,\n#, c-format\n"
    '#| msgctxt "old context"\n#| msgid "old "\n#| "text"\n#| msgid_plural "olds"\n'
    'msgctxt "ctx"\nmsgid "new"\nmsgid_plural "news"\nmsgstr[0] "н"\nmsgstr[1] "нн"\n'
)


def test_every_comment_and_field_lands_where_gettext_puts_it() -> None:
    fast = poparse._fast_parse(COMMENTED, "ru.po")
    strict = poparse._Parser(COMMENTED, "ru.po").run()
    assert fast is not None  # the common shape is read by the fast path
    assert fast == strict
    (entry,) = strict
    assert entry.tcomment == [" two spaces: one kept", "no space"]
    assert entry.comment == ["extracted, no space", "extracted"]
    assert entry.occurrences == [
        ("releases/a.txt", "3"),
        ("notes:draft", ""),
        (":7", ""),
        ("src/a:b.txt", "12"),
        ("README", ""),
        ("releases/b.txt", "4"),
    ]
    assert entry.flags == ["fuzzy", "ignore-numbers", "c-format"]
    assert entry.previous == {"msgctxt": "old context", "msgid": "old text", "msgid_plural": "olds"}
    assert entry.fields == {"msgctxt": "ctx", "msgid": "new", "msgid_plural": "news"}
    assert entry.plural == {0: "н", 1: "нн"} and not entry.obsolete and entry.line == 1


@pytest.mark.parametrize(
    "text",
    [
        'msgid "a"\nmsgstr "b"\n\n#~ msgid "gone"\n#~ msgstr "кетти"\n',
        '#, fuzzy\n#~| msgid "older"\n#~ msgid "gone"\n#~ msgstr "кетти"\n',
        'msgid "a"\nmsgid_plural "as"\nmsgstr "b"\n',  # a plural with a plain msgstr
        'msgid "a"\nmsgstr[0] "b"\nmsgstr "c"\n',
        'msgid "a"\nmsgstr "b"\nmsgstr[0] "c"\n',
        'msgid "a"\r\nmsgstr "b"\r\n',
        '#| msgid "a" x\nmsgid "a"\nmsgstr "b"\n',
        '#| "x"\nmsgid "a"\nmsgstr "b"\n',
        'msgid "a\\q"\nmsgstr "b"\n',
    ],
)
def test_what_the_fast_path_cannot_judge_goes_to_the_strict_parser(text: str) -> None:
    """Obsolete entries, odd plurals, CRLF, broken previous lines: the fast path hands them over,
    and the answer (entries or the error) is the strict parser's."""
    try:
        expected: object = poparse._Parser(text, "ru.po").run()
    except CatalogError as exc:
        expected = str(exc)
    try:
        got: object = poparse.parse_entries(text, path="ru.po")
    except CatalogError as exc:
        got = str(exc)
    assert got == expected


def test_an_obsolete_tail_after_live_entries_keeps_its_lines() -> None:
    text = 'msgid "a"\nmsgstr "b"\n\n#~ msgid "gone"\n#~ msgstr "кетти"\n'
    live, gone = poparse.parse_entries(text, path="ru.po")
    assert (live.line, live.obsolete, gone.line, gone.obsolete) == (1, False, 4, True)
    assert gone.fields == {"msgid": "gone", "msgstr": "кетти"}


def test_the_strict_parser_reads_what_other_editors_write() -> None:
    """CRLF (so the strict path), comments indented or inside obsolete entries, ``#|`` and
    ``#~|`` without a space, a lone ``#~``: all read, with lines and trailing spaces kept."""
    text = (
        '\n\n# see X  \r\n# fix X\r\n  #. indented\r\n#|msgid "old"\r\nmsgid "a"\r\nmsgstr "b"\r\n'
        '\r\n#~\r\n#~ # gone note\r\n#~|msgid "older"\r\n#~ msgid "gone"\r\n'
        '#~ msgstr "кетти"\r\n'
    )
    live, gone = poparse.parse_entries(text, path="ru.po")
    assert (live.line, live.tcomment, live.comment) == (3, ["see X  ", "fix X"], ["indented"])
    assert (live.previous, live.fields) == ({"msgid": "old"}, {"msgid": "a", "msgstr": "b"})
    assert (gone.line, gone.obsolete, gone.tcomment) == (11, True, ["gone note"])
    assert (gone.previous, gone.fields) == (
        {"msgid": "older"},
        {"msgid": "gone", "msgstr": "кетти"},
    )


def test_the_fast_path_reads_a_plain_catalog_and_keeps_its_lines() -> None:
    text = (
        '\n\nmsgid ""\nmsgstr "Language: ru\\n"\n\n#: releases/a.txt:3\nmsgid "a"\nmsgstr "б"\n\n'
        'msgctxt "c"\nmsgid "a"\nmsgstr ""\n\n#| msgid "old "\n#|"text"\nmsgid "n"\nmsgstr "н"\n'
    )
    fast = poparse._fast_parse(text, "ru.po")
    assert fast is not None and fast == poparse._Parser(text, "ru.po").run()
    assert [e.line for e in fast] == [3, 6, 10, 14]
