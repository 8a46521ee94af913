"""What ``update`` keeps of an entry it makes or keeps fuzzy: the other flags, and the previous
context and plural a translator was shown (msgmerge keeps them too).

Why apart: ``test_update`` compares whole catalogs with msgmerge's; these state one field each.
"""

from __future__ import annotations

import polib

from pressflow.po.update import merge
from test_update import KY, RU, _find, _po, template_of


def _catalog(*entries: polib.POEntry) -> polib.POFile:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for entry in entries:
        po.append(entry)
    return po


def test_a_unit_that_became_plural_is_fuzzy_and_keeps_its_other_flags() -> None:
    """A translation kept across a change of plural form is fuzzy; the template's flags and the
    old entry's own (``no-wrap``) stay beside it."""
    template = _catalog(
        polib.POEntry(
            msgid="{n} файл жүктөлдү",
            msgid_plural="{n} файл жүктөлдү",
            flags=["python-brace-format"],
        )
    )
    old = _catalog(
        polib.POEntry(msgid="{n} файл жүктөлдү", msgstr="Загружен {n} файл", flags=["no-wrap"])
    )
    (entry,) = merge(old, template, lang="ru")
    assert entry.flags == ["fuzzy", "python-brace-format", "no-wrap"]
    assert (entry.previous_msgid, entry.msgstr_plural[0]) == (
        "{n} файл жүктөлдү",
        "Загружен {n} файл",
    )


def test_an_unchanged_fuzzy_unit_keeps_the_previous_context_and_plural_it_showed() -> None:
    template = _catalog(
        polib.POEntry(msgid="{n} адам келди", msgid_plural="{n} адам келди", msgctxt="lead")
    )
    old = _catalog(
        polib.POEntry(
            msgid="{n} адам келди",
            msgid_plural="{n} адам келди",
            msgctxt="lead",
            msgstr_plural={0: "Пришёл {n} человек", 1: "Пришли {n} человека", 2: "Пришли {n}"},
            flags=["fuzzy"],
            previous_msgctxt="title",
            previous_msgid="{n} киши келди",
            previous_msgid_plural="{n} киши келди",
        )
    )
    (entry,) = merge(old, template, lang="ru")
    assert "fuzzy" in entry.flags
    assert (entry.previous_msgctxt, entry.previous_msgid, entry.previous_msgid_plural) == (
        "title",
        "{n} киши келди",
        "{n} киши келди",
    )


def test_merged_sentences_keep_both_translator_comments() -> None:
    """Two old sentences joined into one: the offer carries both translators' comments, one a
    line, as it carries both translations."""
    old = _po([(KY["dialog"], RU[KY["dialog"]]), (KY["cannot"], RU[KY["cannot"]])])
    old[0].tcomment, old[1].tcomment = "checked by Aida", "mt: google"
    joined = f"{KY['dialog'][:-1]}, бирок {KY['cannot'][6:]}"
    entry = _find(merge(old, template_of([[joined]]), lang="ru"), joined)
    assert entry.msgstr == f"{RU[KY['dialog']]} {RU[KY['cannot']]}"
    assert entry.tcomment == "checked by Aida\nmt: google"


def test_two_merged_sentences_are_found_after_pairs_that_cannot_be_them() -> None:
    """The joined pair is looked for among all neighbours: a pair far longer than the new
    sentence, or two sentences with an untranslated one between them, are passed over."""
    old = _po(
        [
            (KY["forum"], RU[KY["forum"]]),
            (KY["police"], RU[KY["police"]]),
            (KY["tourists"], ""),  # untranslated: the police and dialog sentences are no pair
            (KY["dialog"], RU[KY["dialog"]]),
            (KY["cannot"], RU[KY["cannot"]]),
        ]
    )
    joined = f"{KY['dialog'][:-1]}, бирок {KY['cannot'][6:]}"
    entry = _find(merge(old, template_of([[joined]]), lang="ru"), joined)
    assert entry.msgstr == f"{RU[KY['dialog']]} {RU[KY['cannot']]}"


def test_an_edited_sentence_is_offered_alone_when_joining_its_neighbour_is_no_closer() -> None:
    """Two old sentences are offered joined only when the pair is clearly closer (by 0.05) than
    the best single one: an edit of one sentence does not take the short reply after it."""
    edited = KY["police"].replace("айткан", "билдирген")
    old = _po([(KY["police"], RU[KY["police"]]), ("Ооба.", "Да.")])
    entry = _find(merge(old, template_of([[edited]]), lang="ru"), edited)
    assert (entry.msgstr, entry.previous_msgid) == (RU[KY["police"]], KY["police"])


def test_two_merged_sentences_are_offered_even_when_neither_alone_is_close_enough() -> None:
    """Two sentences joined and a clause added: each alone is under the fuzzy cutoff, the pair
    is well above it, and is offered."""
    new = f"{KY['dialog']} {KY['cannot']} Бул маселе боюнча кийинки жыйында сүйлөшүүлөр уланат."
    old = _po([(KY["dialog"], RU[KY["dialog"]]), (KY["cannot"], RU[KY["cannot"]])])
    entry = _find(merge(old, template_of([[new]]), lang="ru"), new)
    assert entry.msgstr == f"{RU[KY['dialog']]} {RU[KY['cannot']]}"
