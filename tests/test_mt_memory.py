"""Translation memory and the MT cache on their own."""

from __future__ import annotations

from dataclasses import dataclass, field

from pressflow.mt.cache import MTCache
from pressflow.mt.memory import TranslationMemory


@dataclass
class E:
    msgid: str
    msgstr: str
    flags: list[str] = field(default_factory=list)
    msgid_plural: str = ""


def test_only_reviewed_entries_are_memory():
    tm = TranslationMemory("ru")
    tm.add("a", [E("Бир.", "Один."), E("Эки.", "Два?", ["fuzzy"]), E("Үч.", ""), E("", "hdr")])
    assert len(tm) == 1
    assert tm.lookup("Эки.") is None


def test_the_most_frequent_translation_wins_then_the_first_release():
    tm = TranslationMemory("ru")
    tm.add("b", [E("Салам.", "Привет.")])
    tm.add("c", [E("Салам.", "Привет.")])
    tm.add("a", [E("Салам.", "Здравствуйте.")])
    match = tm.lookup("Салам.")
    assert match is not None and match.exact
    assert (match.translation, match.release, match.comment) == ("Привет.", "b", "tm: b")
    tie = TranslationMemory("ru")
    tie.add("z", [E("Салам.", "Привет.")])
    tie.add("m", [E("Салам.", "Здравствуйте.")])
    assert tie.lookup("Салам.").release == "m"


def test_close_matches_respect_the_threshold():
    tm = TranslationMemory("ru", threshold=0.8)
    tm.add("old", [E("Форум Бишкекте 3-июлда өтөт.", "Форум пройдёт в Бишкеке 3 июля.")])
    close = tm.lookup("Форум Бишкекте 4-июлда өтөт.")
    assert close is not None and not close.exact
    assert 80 <= close.score < 100 and close.comment == f"tm: old ({close.score}%)"
    assert close.source == "Форум Бишкекте 3-июлда өтөт."
    assert tm.lookup("Министр бүгүн келди.") is None
    strict = TranslationMemory("ru", threshold=1.0)
    strict.add("old", [E("Форум Бишкекте 3-июлда өтөт.", "x")])
    assert strict.lookup("Форум Бишкекте 4-июлда өтөт.") is None


def test_cache_persists_and_a_broken_file_falls_back_to_memory(tmp_path):
    path = tmp_path / ".pressflow" / "mt.sqlite"
    cache = MTCache(path)
    cache.put("google", "ky", "ru", "Салам", "Привет")
    cache.close()
    again = MTCache(path)
    assert again.get("google", "ky", "ru", "Салам") == "Привет"
    assert again.get("mymemory", "ky", "ru", "Салам") is None
    assert again.get("google", "ky", "en", "Салам") is None
    again.close()
    readonly = MTCache(tmp_path / "missing.sqlite", readonly=True)
    assert readonly.get("google", "ky", "ru", "Салам") is None
    assert not (tmp_path / "missing.sqlite").exists()
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"this is not a database" * 100)
    fallback = MTCache(broken)
    assert "unusable" in fallback.warning
    fallback.put("google", "ky", "ru", "Салам", "Привет")
    assert fallback.get("google", "ky", "ru", "Салам") == "Привет"
    assert broken.read_bytes() == b"this is not a database" * 100
