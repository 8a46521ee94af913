"""The deep-translator adapter against fake providers on 127.0.0.1: every failure is classified."""

from __future__ import annotations

import socket
import time

import pytest

from fakes.mt_provider import FakeProvider
from pressflow.errors import EngineError
from pressflow.mt.engines import ENGINES, MTFailure, engine_spec, open_engine


def google(url: str, *, timeout: float = 2.0, target: str = "ru"):
    return open_engine("google", source="ky", target=target, url=url, timeout=timeout)


def test_google_reads_the_mobile_page_result_container():
    with FakeProvider("google") as fake:
        assert google(fake.url).translate("Салам, дүйнө!") == "[ru] Салам, дүйнө!"
        assert fake.seen[0].target == "ru"


def test_mymemory_gets_its_own_language_codes():
    with FakeProvider("mymemory") as fake:
        engine = open_engine("mymemory", source="ky", target="en", url=fake.url)
        assert engine is not None
        assert engine.translate("Салам") == "[en] Салам"
    assert ENGINES["mymemory"].code_for("ky") == "ky-KG"
    assert ENGINES["mymemory"].code_for("ru") == "ru-RU"
    assert ENGINES["google"].code_for("ky") == "ky"


@pytest.mark.parametrize(
    ("kind", "behaviour", "failure"),
    [
        ("google", "500", "server"),
        ("google", "html", "answer"),
        ("google", "empty", "answer"),
        ("google", "malformed", "answer"),
        ("mymemory", "500", "server"),
        ("mymemory", "html", "answer"),
        ("mymemory", "malformed", "answer"),
        ("mymemory", "empty", "answer"),
    ],
)
def test_bad_answers_become_one_classified_failure(kind, behaviour, failure):
    with FakeProvider(kind, default=behaviour) as fake:
        engine = open_engine(kind, source="ky", target="ru", url=fake.url, timeout=2)
        assert engine is not None
        with pytest.raises(MTFailure) as caught:
            engine.translate("Салам")
        assert caught.value.kind == failure


def test_429_carries_retry_after():
    with FakeProvider(default="429", retry_after="7") as fake, pytest.raises(MTFailure) as caught:
        google(fake.url).translate("Салам")
    assert caught.value.kind == "rate"
    assert caught.value.retry_after == 7.0


def test_a_hanging_provider_times_out():
    with FakeProvider(default="hang") as fake:
        started = time.monotonic()
        with pytest.raises(MTFailure) as caught:
            google(fake.url, timeout=0.3).translate("Салам")
        assert time.monotonic() - started < 2
    assert caught.value.kind == "timeout"


def test_connection_refused_is_offline():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(MTFailure) as caught:
        google(f"http://127.0.0.1:{port}/m").translate("Салам")
    assert caught.value.kind == "offline"


def test_mymemory_quota_warning_is_not_a_translation():
    warning = "MYMEMORY WARNING: YOU USED ALL AVAILABLE FREE TRANSLATIONS FOR TODAY."
    with FakeProvider("mymemory", translate=lambda text, target: warning) as fake:
        engine = open_engine("mymemory", source="ky", target="ru", url=fake.url)
        assert engine is not None
        with pytest.raises(MTFailure) as caught:
            engine.translate("Салам")
    assert caught.value.kind == "quota"


def test_outside_pressflow_deep_translator_is_untouched():
    """The requests stand-in only acts inside pressflow's calls (no timeout forced elsewhere)."""
    from deep_translator import GoogleTranslator

    with FakeProvider() as fake:
        plain = GoogleTranslator(source="ky", target="en")
        plain._base_url = fake.url
        assert plain.translate_batch(["Бир", "Эки"]) == ["[en] Бир", "[en] Эки"]


def test_engines_that_cannot_translate_kyrgyz_name_those_that_can():
    with pytest.raises(EngineError) as caught:
        engine_spec("deepl", source="ky", targets=("ru", "en"))
    message = str(caught.value)
    assert "ky→ru" in message and "google" in message and "mymemory" in message
    with pytest.raises(EngineError, match="unknown MT engine"):
        engine_spec("babelfish", source="ky", targets=("ru",))


def test_keyed_engines_need_their_key(monkeypatch):
    for var in ("PRESSFLOW_YANDEX_KEY", "YANDEX_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    with pytest.raises(EngineError, match="PRESSFLOW_YANDEX_KEY"):
        open_engine("yandex", source="ky", target="ru")
    assert open_engine("none", source="ky", target="ru") is None


def test_yandex_with_a_key_from_the_environment(monkeypatch):
    monkeypatch.setenv("PRESSFLOW_YANDEX_KEY", "test-key")
    with FakeProvider("yandex", script=["ok", "429"]) as fake:
        url = fake.url.replace("/get", "/api/{version}/tr.json/{endpoint}")
        engine = open_engine("yandex", source="ky", target="en", url=url)
        assert engine is not None
        assert engine.translate("Салам") == "[en] Салам"
        with pytest.raises(MTFailure) as caught:
            engine.translate("Салам")
    assert caught.value.kind == "rate"


def test_mymemory_html_entities_are_decoded():
    with FakeProvider("mymemory", translate=lambda text, target: "It&#39;s &quot;LSG&quot;") as f:
        engine = open_engine("mymemory", source="ky", target="en", url=f.url)
        assert engine is not None
        assert engine.translate("Салам") == 'It\'s "LSG"'
