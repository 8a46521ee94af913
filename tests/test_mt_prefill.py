"""Prefill end to end: memory, cache, MT through the real deep-translator clients on fakes."""

from __future__ import annotations

import itertools
import os
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fakes.mt_newsroom import Entry, config, make_newsroom, po_text, write_catalog
from fakes.mt_provider import FakeProvider
from pressflow.cache import Cache
from pressflow.errors import ConfigError, EngineError
from pressflow.mt.prefill import prefill
from pressflow.po.catalog import read_po

SENTENCES = [
    "Бишкекте 2018-жылы 3-июлда ЖӨБ форуму өттү.",
    "Кошумча маалымат https://lsg.kg/forum сайтында.",
    "Бул <1>шилтеме</1> жана <2/> бар.",
    "Катышуучулар мамлекеттик саясатты талкуулашты.",
]
HUMAN = Entry("Адам которгон сүйлөм.", "Предложение, переведённое человеком.")
HUMAN_FUZZY = Entry("Адам баштаган сүйлөм.", "Черновик переводчика", fuzzy=True)


def entries(path: str) -> dict[str, object]:
    return {e.msgid: e for e in read_po(Path(path)) if e.msgid}


def msgfmt_ok(path: str) -> bool:
    run = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", path], capture_output=True)
    return run.returncode == 0


@pytest.fixture
def room(tmp_path: Path) -> Path:
    return make_newsroom(tmp_path / "room")


def test_fills_every_empty_entry_with_provenance_and_leaves_people_alone(room):
    noted = Entry("Бул сүйлөмдү текшерүү керек.", comment="ask the press office")
    ru = write_catalog(room, "ru", "a", [*SENTENCES, HUMAN, HUMAN_FUZZY, noted])
    with FakeProvider() as fake:
        result = prefill(config(room), [ru], url=fake.url)
    found = entries(ru.path)
    for text in SENTENCES:
        entry = found[text]
        assert entry.msgstr.startswith("[ru] ")
        assert "fuzzy" in entry.flags
        assert "mt: google" in entry.tcomment
    assert found[HUMAN.msgid].msgstr == HUMAN.msgstr
    assert "fuzzy" not in found[HUMAN.msgid].flags
    assert found[HUMAN_FUZZY.msgid].msgstr == HUMAN_FUZZY.msgstr
    assert found[noted.msgid].tcomment == "ask the press office\nmt: google"
    assert result.total.mt == len(SENTENCES) + 1 and result.failed == 0
    assert result.written == ("translations/ru/a.po",)
    assert msgfmt_ok(ru.path)


def test_markers_come_back_intact(room):
    ru = write_catalog(room, "ru", "a", SENTENCES)
    with FakeProvider() as fake:
        prefill(config(room), [ru], url=fake.url)
        sent = fake.texts()
    assert "Бишкекте {0}-жылы {1}-июлда {2} форум өттү." in sent  # glossary applied
    assert all("https://" not in t and "<1>" not in t for t in sent)
    found = entries(ru.path)
    assert found[SENTENCES[0]].msgstr == "[ru] Бишкекте 2018-жылы 3-июлда ОМСУ форум өттү."
    assert found[SENTENCES[1]].msgstr == "[ru] Кошумча маалымат https://lsg.kg/forum сайтында."
    assert found[SENTENCES[2]].msgstr == "[ru] Бул <1>шилтеме</1> жана <2/> бар."


def test_requests_are_distinct_texts_and_never_repeated(room):
    a = ["Биринчи сүйлөм.", "Экинчи сүйлөм.", "Биринчи сүйлөм.", "Үчүнчү сүйлөм."]
    refs = [write_catalog(room, "ru", "a", a[:2] + a[3:])]
    refs.append(write_catalog(room, "ru", "b", ["Биринчи сүйлөм.", "Төртүнчү сүйлөм."]))
    with FakeProvider() as fake:
        first = prefill(config(room), refs, url=fake.url)
        assert sorted(fake.texts()) == sorted(set(a) | {"Төртүнчү сүйлөм."})
        assert first.requests == first.texts == 4
        assert first.total.mt == 5  # one text fills two catalogs
        again = prefill(config(room), refs, url=fake.url)
        assert again.requests == 0 and again.total.empty == 0
        c = write_catalog(room, "ru", "c", ["Экинчи сүйлөм.", "Бешинчи сүйлөм."])
        d = write_catalog(room, "en", "c", ["Экинчи сүйлөм."])
        later = prefill(config(room), [c, d], url=fake.url)
        # only what is new: ru "Бешинчи", and "Экинчи" for en (ru "Экинчи" is cached)
        assert sorted(fake.texts()[4:]) == ["Бешинчи сүйлөм.", "Экинчи сүйлөм."]
        assert [s.target for s in fake.seen[4:] if s.text == "Экинчи сүйлөм."] == ["en"]
    assert later.counts("ru").cache == 1 and later.counts("ru").mt == 1
    assert later.counts("en").mt == 1


def test_memory_exact_and_close_matches_come_first(room):
    write_catalog(
        room,
        "ru",
        "old",
        [
            Entry("Форум 3-июлда өтөт.", "Форум пройдёт 3 июля."),
            Entry("Бул эски сүйлөм.", "Это старое предложение.", obsolete=True),
            Entry("Министр сүйлөдү.", "Черновик", fuzzy=True),  # not reviewed: not memory
        ],
    )
    ru = write_catalog(
        room, "ru", "new", ["Форум 3-июлда өтөт.", "Бул эски сүйлөм!", "Министр сүйлөдү."]
    )
    with FakeProvider() as fake:
        result = prefill(config(room), [ru], url=fake.url)
        assert fake.texts() == ["Министр сүйлөдү."]
    found = entries(ru.path)
    exact = found["Форум 3-июлда өтөт."]
    assert exact.msgstr == "Форум пройдёт 3 июля." and "fuzzy" in exact.flags
    assert exact.tcomment == "tm: old"
    close = found["Бул эски сүйлөм!"]
    assert close.msgstr == "Это старое предложение." and "fuzzy" in close.flags
    assert close.tcomment.startswith("tm: old (") and close.tcomment.endswith("%)")
    assert close.previous_msgid == "Бул эски сүйлөм."
    assert result.total.memory_exact == 1 and result.total.memory_fuzzy == 1
    assert result.total.mt == 1


def test_exact_memory_can_be_reviewed_when_configured(tmp_path):
    room = make_newsroom(tmp_path / "r", exact_fuzzy=False)
    write_catalog(room, "ru", "old", [Entry("Салам.", "Привет.")])
    ru = write_catalog(room, "ru", "new", ["Салам."])
    result = prefill(config(room), [ru], engine="none")
    entry = entries(ru.path)["Салам."]
    assert entry.msgstr == "Привет." and "fuzzy" not in entry.flags
    assert result.total.memory_exact == 1 and result.failed == 0


def test_what_the_memory_missed_is_found_once_a_catalog_it_reads_translates_it(room):
    """The memory's misses are kept by the content of every catalog it is built from, those in
    subfolders included: a translation added to one is found on the next run."""
    ru = write_catalog(room, "ru", "new", ["Салам.", "Кош бол."])
    other = write_catalog(room, "ru", "other", [Entry("Кош бол.", "До свидания.")])
    archived = write_catalog(room, "ru", "archive/old", [Entry("Башка.", "Другое.")])
    first = prefill(config(room), [ru, other], engine="none", incremental=Cache.load(room))
    assert (first.total.memory_exact, first.total.skipped) == (1, 1)
    assert entries(ru.path)["Салам."].msgstr == ""
    again = prefill(config(room), [ru, other], engine="none", incremental=Cache.load(room))
    assert (again.total.memory_exact, again.total.skipped, again.written) == (0, 1, ())
    Path(archived.path).write_text(
        po_text("ru", [Entry("Башка.", "Другое."), Entry("Салам.", "Привет.")]), "utf-8"
    )
    found = prefill(config(room), [ru, other], engine="none", incremental=Cache.load(room))
    assert found.total.memory_exact == 1
    assert entries(ru.path)["Салам."].msgstr == "Привет."


def test_a_kept_memory_answers_new_questions_as_one_built_afresh(tmp_path):
    """The memory is kept between runs by the reviewed entries it is built from: a question
    it was never asked (here after a run that built it for another) is answered, exactly
    and closely, as a run without the cache answers it."""
    old = [Entry("Форум 3-июлда өтөт.", "Форум пройдёт 3 июля."), Entry("Бул эски сүйлөм.", "Это")]
    asked = ["Салам.", "Бул эски сүйлөм!", "Форум 3-июлда өтөт."]
    found = []
    for name, cache in (("kept", True), ("afresh", False)):
        room = make_newsroom(tmp_path / name)
        refs = [write_catalog(room, "ru", "new", ["Салам."]), write_catalog(room, "ru", "old", old)]
        incremental = Cache.load(room) if cache else None
        prefill(config(room), refs, engine="none", incremental=incremental)  # built: a miss
        write_catalog(room, "ru", "new", asked)  # new questions; the same reviewed entries
        incremental = Cache.load(room) if cache else None
        result = prefill(config(room), refs, engine="none", incremental=incremental)
        filled = entries(refs[0].path)
        shown = [(e.msgstr, e.tcomment, e.flags, e.previous_msgid) for e in map(filled.get, asked)]
        found.append((result.total.memory_exact, result.total.memory_fuzzy, shown))
    assert found[0] == found[1]
    assert found[0][:2] == (1, 1)


def test_an_answer_that_lost_a_marker_is_refused_and_reported(room):
    ru = write_catalog(room, "ru", "a", ["Форумга 100 киши келди.", "Жөн сүйлөм."])
    with FakeProvider(script=["drop-marker", "drop-marker"]) as fake:
        result = prefill(config(room), [ru], url=fake.url)
    found = entries(ru.path)
    assert found["Форумга 100 киши келди."].msgstr == ""
    assert result.total.rejected == 1
    problem = next(p for p in result.problems if p.check == "mt-rejected")
    assert "number '100'" in problem.message and problem.lang == "ru"
    assert any("refused" in w for w in result.warnings)
    # the refused answer was not cached: a later run asks again and fills it
    with FakeProvider() as fake:
        prefill(config(room), [ru], url=fake.url)
        assert fake.texts() == ["Форум {0} киши келди."]
    assert entries(ru.path)["Форумга 100 киши келди."].msgstr == "[ru] Форум 100 киши келди."


@pytest.mark.parametrize("behaviour", ["source", "none", "html", "500", "empty"])
def test_bad_answers_are_not_written(room, behaviour):
    ru = write_catalog(room, "ru", "a", ["Жалгыз сүйлөм."])
    with FakeProvider(default=behaviour) as fake:
        result = prefill(config(room), [ru], url=fake.url)
    assert entries(ru.path)["Жалгыз сүйлөм."].msgstr == ""
    assert result.failed == 1 and result.total.mt == 0
    assert len(result.warnings) == 1


def test_no_network_gives_one_warning_and_leaves_entries_empty(room):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    ru = write_catalog(room, "ru", "a", SENTENCES)
    en = write_catalog(room, "en", "a", SENTENCES)
    before = Path(ru.path).read_bytes()
    result = prefill(config(room), [ru, en], url=f"http://127.0.0.1:{port}/m")
    assert len(result.warnings) == 1
    assert result.warnings[0].startswith("no network")
    assert f"skipped for {2 * len(SENTENCES)} units" in result.warnings[0]
    assert Path(ru.path).read_bytes() == before
    assert result.total.stopped == 2 * len(SENTENCES)


def test_429_then_normal_fills_everything_after_backing_off(tmp_path):
    room = make_newsroom(tmp_path / "r", concurrency=1, backoff=0.05)
    texts = [f"Сүйлөм номер {w}." for w in ("бир", "эки", "үч", "төрт")]
    ru = write_catalog(room, "ru", "a", texts)
    with FakeProvider(script=["429", "429", "429"], retry_after="0.2") as fake:
        result = prefill(config(room), [ru], url=fake.url)
        seen = fake.seen
    assert all(entries(ru.path)[t].msgstr.startswith("[ru]") for t in texts)
    assert [s.behaviour for s in seen[:4]] == ["429", "429", "429", "ok"]
    gaps = [b.at - a.at for a, b in itertools.pairwise(seen[:4])]
    assert all(gap >= 0.19 for gap in gaps)  # Retry-After honoured every time
    assert result.waited >= 0.6 and result.requests == 7


def test_429_slows_the_whole_pool(tmp_path):
    room = make_newsroom(tmp_path / "r", concurrency=4, backoff=0.3)
    texts = [f"Сүйлөм {w}." for w in "абвгдежзий"]
    ru = write_catalog(room, "ru", "a", texts)
    with FakeProvider(script=["429"], retry_after="0") as fake:
        result = prefill(config(room), [ru], url=fake.url)
        seen = fake.seen
    first = seen[0].at
    offsets = [s.at - first for s in seen]
    # requests already on their way when the 429 came back arrive at once; then nobody sends
    # anything for the whole pause (0.3 s from the 429), not just the worker that got it
    assert not [t for t in offsets if 0.1 < t < 0.29]
    assert max(offsets) >= 0.29 and len(seen) == len(texts) + 1
    assert result.total.mt == len(texts) and result.waited >= 0.3


def test_a_hanging_provider_opens_the_breaker_within_the_budget(tmp_path):
    room = make_newsroom(tmp_path / "r", timeout=0.3, retries=1, concurrency=2, breaker=3)
    ru = write_catalog(room, "ru", "a", [f"Сүйлөм {w}." for w in "абвгдежзий"])
    with FakeProvider(default="hang") as fake:
        started = time.monotonic()
        result = prefill(config(room), [ru], url=fake.url)
        elapsed = time.monotonic() - started
    assert elapsed < 0.3 * (1 + 1) + 1.0  # within timeout x (1 + retries), plus slack
    assert result.stopped_reason.startswith("3 failures in a row")
    assert result.failed == 10 and result.total.mt == 0
    assert any("skipped for" in w for w in result.warnings)


def test_long_units_are_split_for_mymemory_and_joined(tmp_path):
    room = make_newsroom(tmp_path / "r", engine="mymemory")
    words = ("бир", "эки", "үч", "төрт", "беш", "алты", "жети", "сегиз")
    sentences = [
        f"Бул абдан узун сүйлөмдүн {w}-бөлүгү болуп саналат жана ал улантылат." for w in words
    ]
    long_text = " ".join(sentences)  # > 500 bytes of Cyrillic
    ru = write_catalog(room, "ru", "a", [long_text])
    with FakeProvider("mymemory") as fake:
        result = prefill(config(room), [ru], url=fake.url)
        sent = fake.texts()
    assert len(sent) >= 2 and all(len(t.encode()) < 500 for t in sent)
    assert all(t.endswith(".") for t in sent)  # cut at sentence ends
    msgstr = entries(ru.path)[long_text].msgstr
    assert msgstr == " ".join(f"[ru] {t}" for t in sorted(sent, key=long_text.index))
    assert result.total.mt == 1 and result.texts == len(sent)


def test_dry_run_counts_and_sends_nothing(room):
    write_catalog(room, "ru", "old", [Entry("Салам.", "Привет.")])
    ru = write_catalog(room, "ru", "a", ["Салам.", "Жаңы сүйлөм.", "Дагы бир."])
    before = Path(ru.path).read_bytes()
    with FakeProvider() as fake:
        result = prefill(config(room), [ru], url=fake.url, dry_run=True)
        assert fake.texts() == []
    assert Path(ru.path).read_bytes() == before
    rows = {(r.lang, r.source): r for r in result.plan}
    assert rows[("ru", "memory")].units == 1
    assert rows[("ru", "google")].units == 2
    assert rows[("ru", "google")].characters == len("Жаңы сүйлөм.") + len("Дагы бир.")
    assert not (room / ".pressflow").exists()


def test_progress_events_reach_the_total(room):
    ru = write_catalog(room, "ru", "a", SENTENCES)
    events = []
    with FakeProvider() as fake:
        prefill(config(room), [ru], url=fake.url, progress=events.append)
    assert events[-1].phase == "done"
    assert events[-1].done == events[-1].total == len(SENTENCES)
    assert events[-1].mt == len(SENTENCES)


def test_an_engine_that_cannot_do_kyrgyz_is_a_clear_error(room):
    ru = write_catalog(room, "ru", "a", SENTENCES)
    with pytest.raises(EngineError, match="engines that can: google, mymemory"):
        prefill(config(room), [ru], engine="libre")


def test_a_translator_saving_during_the_run_is_not_overwritten(tmp_path):
    room = make_newsroom(tmp_path / "r", concurrency=1, batch=100)
    texts = [f"Сүйлөм {w}." for w in "абвгд"]
    ru = write_catalog(room, "ru", "a", texts)

    def translate(text: str, target: str) -> str:
        if text == "Сүйлөм в.":  # meanwhile, a translator saves the file in their editor
            path = Path(ru.path)
            text = path.read_text(encoding="utf-8").replace(
                'msgid "Сүйлөм д."\nmsgstr ""', 'msgid "Сүйлөм д."\nmsgstr "Человек"'
            )
            path.with_suffix(".tmp").write_text(text, encoding="utf-8")
            os.replace(path.with_suffix(".tmp"), path)
        return f"[{target}] {text}"

    with FakeProvider(translate=translate) as fake:
        prefill(config(room), [ru], url=fake.url)
    found = entries(ru.path)
    assert found["Сүйлөм д."].msgstr == "Человек"
    assert found["Сүйлөм а."].msgstr == "[ru] Сүйлөм а."


POOL = [
    "Бишкекте 2018-жылы форум өттү.",
    "ЖӨБ органдары 100 сунуш беришти.",
    "Маалымат https://lsg.kg/ сайтында.",
    "Бул <1>маанилүү</1> жыйын.",
    "Катышуучулар талкуулашты.",
    "Министр сөз сүйлөдү.",
    "Эртең жыйын улантылат.",
    "Суроолор боюнча кайрылыңыз: info@lsg.kg",
]
STATES = st.sampled_from(["empty", "reviewed", "fuzzy", "obsolete"])
BEHAVIOURS = st.sampled_from(["ok", "ok", "source", "drop-marker", "500", "html", "none"])


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(st.sampled_from(POOL), STATES), min_size=1, max_size=8),
    st.lists(BEHAVIOURS, max_size=12),
)
def test_property_people_are_never_overwritten_and_fills_are_marked(items, script):
    with tempfile.TemporaryDirectory() as tmp:
        room = make_newsroom(Path(tmp) / "r", concurrency=2, retries=0, breaker=100)
        chosen = dict(items)  # one entry per msgid
        human = {
            text: Entry(text, f"Человек: {n}", fuzzy=state == "fuzzy", obsolete=state == "obsolete")
            for n, (text, state) in enumerate(chosen.items())
            if state != "empty"
        }
        ru = write_catalog(room, "ru", "a", [human.get(t, t) for t in chosen])
        with FakeProvider(script=script) as fake:
            result = prefill(config(room), [ru], url=fake.url)
        assert msgfmt_ok(ru.path)
        po = read_po(Path(ru.path))
        for entry in po:
            if not entry.msgid:
                continue
            if entry.msgid in human:
                assert entry.msgstr == human[entry.msgid].msgstr
                assert ("fuzzy" in entry.flags) == human[entry.msgid].fuzzy
            elif entry.msgstr:
                assert "fuzzy" in entry.flags
                assert entry.tcomment.startswith(("mt: google", "tm: a"))
                for token in ("2018", "100", "https://lsg.kg/", "<1>", "</1>", "info@lsg.kg"):
                    assert (token in entry.msgid) == (token in entry.msgstr)
        counts = result.total
        left = counts.failed + counts.rejected + counts.stopped + counts.skipped
        assert counts.filled + left == counts.empty


def test_a_slow_provider_gets_concurrent_requests_within_the_limit(tmp_path):
    room = make_newsroom(tmp_path / "r", concurrency=3, timeout=2.0)
    texts = [f"Жай жооп {w}." for w in "абвгдежз"]
    ru = write_catalog(room, "ru", "a", texts)
    with FakeProvider(latency=0.1) as fake:
        result = prefill(config(room), [ru], url=fake.url)
        assert fake.max_in_flight == 3
    assert result.total.mt == len(texts) and result.failed == 0


def test_a_bad_mt_setting_is_a_config_error_naming_the_file(tmp_path):
    room = make_newsroom(tmp_path / "r", concurrency=0)
    with pytest.raises(ConfigError, match=r"\[mt\] concurrency must be an integer >= 1") as caught:
        config(room)  # the schema refuses it on loading, before any catalog is read
    assert str(caught.value).startswith("pressflow.toml:10: ")


def test_long_units_are_split_for_google_too(room):
    sentences = [f"Бул {n}-сүйлөм абдан узун текстти түзөт жана уланат." for n in range(60)]
    long_text = " ".join(sentences)  # ~3,000 characters, ~6,000 bytes
    ru = write_catalog(room, "ru", "a", [long_text])
    with FakeProvider() as fake:
        result = prefill(config(room), [ru], url=fake.url)
        sent = fake.texts()
    assert len(sent) >= 2 and all(len(t.encode()) < 3000 for t in sent)
    msgstr = entries(ru.path)[long_text].msgstr
    assert "60-сүйлөм" not in msgstr and "59-сүйлөм" in msgstr and "0-сүйлөм" in msgstr
    assert msgstr.count("[ru]") == len(sent) and result.total.mt == 1


def test_a_provider_that_only_answers_429_stops_the_run_with_one_line(tmp_path):
    room = make_newsroom(tmp_path / "r", concurrency=2, backoff=0.01, breaker=3)
    ru = write_catalog(room, "ru", "a", [f"Сүйлөм {w}." for w in "абвгд"])
    with FakeProvider(default="429", retry_after="0") as fake:
        result = prefill(config(room), [ru], url=fake.url)
    assert result.stopped_reason == "rate limited: 3 pauses for 429 in a row"
    assert result.warnings == (
        "rate limited: 3 pauses for 429 in a row: machine translation skipped for 5 units",
    )
    assert result.failed == 5 and result.total.mt == 0
