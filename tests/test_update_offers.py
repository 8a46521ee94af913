"""What update offers an edited sentence beyond msgmerge's closest match: a clause cut out of a
long old sentence gets its translation as fuzzy, a short scrap does not; and what it keeps of a
removed entry: everything, so that the entry comes back as it was."""

from __future__ import annotations

import polib

from pressflow.po import update
from test_update import CONFIG, _po, template_of

OLD_KY = (
    "Жыйынга Бишкек шаарынын мэриясынын өкүлдөрү, Чүй облусунун администрациясынын "
    "кызматкерлери жана жарандык коомдун уюмдары катышып, шаардын жаңы транспорт долбоорлорун "
    "кеңири талкуулашты."
)
OLD_RU = (
    "В собрании участвовали представители мэрии Бишкека, сотрудники администрации Чуйской "
    "области и организации гражданского общества; они подробно обсудили новые транспортные "
    "проекты города."
)
CLAUSES = [
    "Шаардын жаңы транспорт долбоорлору кеңири талкууланды.",
    "Жарандык коомдун уюмдары катышты.",
]


def test_clauses_cut_out_of_a_long_sentence_are_offered_its_translation() -> None:
    merged = update.merge(_po([(OLD_KY, OLD_RU)]), template_of([CLAUSES]), lang="ru", config=CONFIG)
    assert [(e.msgid, e.msgstr, e.flags, e.previous_msgid, e.obsolete) for e in merged] == [
        (clause, OLD_RU, ["fuzzy"], OLD_KY, False) for clause in CLAUSES
    ]


def test_a_scrap_shorter_than_twenty_characters_is_offered_nothing() -> None:
    scrap = "Уюмдары катышты."
    merged = update.merge(_po([(OLD_KY, OLD_RU)]), template_of([[scrap]]), lang="ru", config=CONFIG)
    new, gone = merged
    assert (new.msgid, new.msgstr, new.flags) == (scrap, "", [])
    assert (gone.msgid, gone.msgstr, gone.obsolete) == (OLD_KY, OLD_RU, True)


def test_a_removed_entry_is_kept_whole_as_obsolete() -> None:
    old = polib.POFile()
    kept = polib.POEntry(msgid="Форум өттү.", msgstr="Форум прошёл.")
    removed = polib.POEntry(
        msgctxt="headline",
        msgid="Бир китеп",
        msgid_plural="{n} китеп",
        msgstr_plural={0: "{n} книга", 1: "{n} книги", 2: "{n} книг"},
        tcomment="checked by Aida",
        flags=["fuzzy", "python-brace-format"],
        previous_msgctxt="title",
        previous_msgid="Китеп",
        previous_msgid_plural="Китептер",
    )
    old.extend([kept, removed])
    merged = update.merge(old, template_of([["Форум өттү."]]), lang="ru", config=CONFIG)
    gone = merged[-1]
    fields = ("msgctxt", "msgid", "msgid_plural", "msgstr", "msgstr_plural", "tcomment", "flags")
    previous = ("previous_msgctxt", "previous_msgid", "previous_msgid_plural")
    assert gone.obsolete
    assert {f: getattr(gone, f) for f in fields + previous} == {
        f: getattr(removed, f) for f in fields + previous
    }
    assert gone.flags is not removed.flags and gone.msgstr_plural is not removed.msgstr_plural


CLAUSE = "Жарандык коомдун уюмдары катышты."
FIRST = (
    "Биринчи жыйынга Ош шаарынын мэриясынын өкүлдөрү, облустук администрациянын кызматкерлери "
    "жана жарандык коомдун уюмдары катышты."
)
SECOND = (
    "Экинчи жыйынга Нарын шаарынын акимчилигинин өкүлдөрү, райондук администрациянын "
    "кызматкерлери жана жарандык коомдун уюмдары катышты."
)
BETWEEN = "Жыйындар эки күнгө созулду."


def test_of_two_sentences_holding_a_clause_the_nearer_one_is_offered() -> None:
    for old, expected in (([FIRST, BETWEEN, SECOND], "R2"), ([SECOND, BETWEEN, FIRST], "R1")):
        pairs = [(ky, {FIRST: "R1", SECOND: "R2", BETWEEN: "RB"}[ky]) for ky in old]
        merged = update.merge(
            _po(pairs), template_of([[BETWEEN, CLAUSE]]), lang="ru", config=CONFIG
        )
        entry = merged[1]
        assert (entry.msgid, entry.msgstr, entry.flags) == (CLAUSE, expected, ["fuzzy"])


ORIGINAL = "Форум 2019-жылы Бишкекте өттү."
EDITED = "Форум 2019-жылы Ош шаарында өттү."
ORIGINAL_RU = "Форум прошёл в 2019 году в Бишкеке."


def test_an_edit_undone_gives_back_the_reviewed_pair_with_its_flags() -> None:
    old = _po([(EDITED, ORIGINAL_RU)])
    old[0].flags = ["fuzzy", "python-format"]
    old[0].previous_msgid = ORIGINAL
    (entry,) = update.merge(old, template_of([[ORIGINAL]]), lang="ru", config=CONFIG)
    assert (entry.msgstr, entry.flags, entry.previous_msgid) == (
        ORIGINAL_RU,
        ["python-format"],
        None,
    )


def test_an_edit_undone_in_another_context_stays_fuzzy() -> None:
    old = _po([(EDITED, ORIGINAL_RU)])
    old[0].flags = ["fuzzy"]
    old[0].previous_msgid = ORIGINAL
    old[0].previous_msgctxt = "headline"
    (entry,) = update.merge(old, template_of([[ORIGINAL]]), lang="ru", config=CONFIG)
    assert (entry.msgstr, entry.flags) == (ORIGINAL_RU, ["fuzzy"])
    assert (entry.previous_msgid, entry.previous_msgctxt) == (ORIGINAL, "headline")


def test_a_reviewed_entry_offers_its_own_msgid_as_previous_not_a_stale_one() -> None:
    old = _po([(ORIGINAL, ORIGINAL_RU)])
    old[0].previous_msgid = "a stale previous msgid"
    old[0].previous_msgctxt = "a stale previous context"
    old[0].flags = ["python-format"]
    (entry,) = update.merge(old, template_of([[EDITED]]), lang="ru", config=CONFIG)
    assert (entry.msgstr, entry.flags) == (ORIGINAL_RU, ["fuzzy", "python-format"])
    assert (entry.previous_msgid, entry.previous_msgctxt) == (ORIGINAL, None)


def _template_of_entry(**fields: str) -> polib.POFile:
    template = polib.POFile()
    template.append(polib.POEntry(msgstr="", **fields))
    return template


def test_a_plural_made_singular_keeps_the_first_form_as_fuzzy() -> None:
    old = polib.POFile()
    forms = {0: "%d книга", 1: "%d книги", 2: "%d книг"}
    old.append(polib.POEntry(msgid="%d китеп", msgid_plural="%d китептер", msgstr_plural=forms))
    (entry,) = update.merge(old, _template_of_entry(msgid="%d китеп"), lang="ru")
    assert (entry.msgstr, entry.msgstr_plural, entry.flags) == ("%d книга", {}, ["fuzzy"])
    assert (entry.previous_msgid, entry.previous_msgid_plural) == ("%d китеп", "%d китептер")
    old[0].msgstr_plural = {1: "%d книги"}  # no first form: nothing to keep
    (entry,) = update.merge(old, _template_of_entry(msgid="%d китеп"), lang="ru")
    assert entry.msgstr == ""


def test_a_singular_made_plural_gets_its_translation_as_the_first_form() -> None:
    old = polib.POFile()
    old.append(polib.POEntry(msgid="%d китеп", msgstr="%d книга"))
    template = _template_of_entry(msgid="%d китеп", msgid_plural="%d китептер")
    (entry,) = update.merge(old, template, lang="ru")
    assert (entry.msgstr_plural, entry.flags, entry.previous_msgid) == (
        {0: "%d книга"},
        ["fuzzy"],
        "%d китеп",
    )


def test_an_edited_plural_offers_its_forms_with_the_previous_plural() -> None:
    old = polib.POFile()
    forms = {0: "%d книга", 1: "%d книги", 2: "%d книг"}
    old.append(
        polib.POEntry(
            msgid="Жыйынга %d китеп", msgid_plural="Жыйынга %d китептер", msgstr_plural=forms
        )
    )
    template = _template_of_entry(
        msgid="Жыйынга %d жаңы китеп", msgid_plural="Жыйынга %d жаңы китептер"
    )
    (entry,) = update.merge(old, template, lang="ru")
    assert (entry.msgstr_plural, entry.flags) == (forms, ["fuzzy"])
    assert (entry.previous_msgid, entry.previous_msgid_plural) == (
        "Жыйынга %d китеп",
        "Жыйынга %d китептер",
    )


def test_of_two_equally_close_sentences_the_nearer_one_is_offered() -> None:
    new = "Жыйын Чүй районунда өттү."
    talas, naryn = "Жыйын Талас районунда өттү.", "Жыйын Нарын районунда өттү."
    ru = {talas: "R1", naryn: "R2", BETWEEN: "RB"}
    for old, expected in (([talas, BETWEEN, naryn], "R2"), ([naryn, BETWEEN, talas], "R1")):
        merged = update.merge(
            _po([(ky, ru[ky]) for ky in old]),
            template_of([[BETWEEN, new]]),
            lang="ru",
            config=CONFIG,
        )
        assert (merged[1].msgid, merged[1].msgstr, merged[1].flags) == (new, expected, ["fuzzy"])


def test_a_clause_of_exactly_twenty_characters_is_offered_the_sentence_holding_it() -> None:
    old = (
        "Жыйынга мэриянын өкүлдөрү келишти, жаштар да катышышты, андан кийин шаардын келечеги "
        "боюнча талкуу башталды."
    )
    clause = "Жаштар да катышышты."
    assert len(clause) == 20
    (entry,) = update.merge(_po([(old, "RU")]), template_of([[clause]]), lang="ru", config=CONFIG)
    assert (entry.msgstr, entry.flags, entry.previous_msgid) == ("RU", ["fuzzy"], old)
