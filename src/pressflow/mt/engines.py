"""The one adapter over deep-translator: engine registry, language codes, timeouts, error taxonomy.

deep-translator calls ``requests.get`` with no timeout, gives no access to the response of a 429
(so Retry-After is lost), lets raw ``requests`` exceptions escape and mutates its translator
objects on every call (so they are not thread-safe). This module fixes all of that in one place:
its engine modules see a stand-in for ``requests`` that, inside pressflow's calls only, goes
through a per-thread ``requests.Session`` with a timeout and remembers the last response; every
failure leaves as one ``MTFailure`` with a kind the pool can act on. Outside pressflow's calls the
stand-in behaves exactly like ``requests``.
"""

from __future__ import annotations

import html
import os
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

import requests
from deep_translator import (
    DeeplTranslator,
    GoogleTranslator,
    LibreTranslator,
    MicrosoftTranslator,
    MyMemoryTranslator,
    YandexTranslator,
)
from deep_translator import constants as dt_constants
from deep_translator import exceptions as dt_errors

from ..errors import EngineError
from .results import MTFailure
from .spec import NO_ENGINE, EngineSpec

#: Failure kinds. ``rate``: 429 (slow the pool, honour Retry-After); ``timeout``; ``offline``:
#: DNS failure or connection refused; ``server``: an HTTP error status; ``answer``: a reply that
#: could not be read (HTML error page, malformed JSON, empty body); ``quota``: the provider says
#: the daily allowance is used up (stop for this run).
FAILURE_KINDS = ("rate", "timeout", "offline", "server", "answer", "quota")


# --------------------------------------------------------------------------- requests stand-in


class _Call(threading.local):
    session: requests.Session | None = None
    timeout: float | None = None
    last: requests.Response | None = None


_CALL = _Call()


class _RequestsShim:
    """Replaces the ``requests`` global of deep-translator's engine modules (see module doc)."""

    def __init__(self, real: Any):
        self._real = real

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def _request(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        session = _CALL.session
        if session is None:
            return getattr(self._real, method)(url, **kwargs)
        kwargs.setdefault("timeout", _CALL.timeout)
        response = session.request(method.upper(), url, **kwargs)
        _CALL.last = response
        return response

    def get(self, url: str, **kwargs: Any) -> requests.Response:
        return self._request("get", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> requests.Response:
        return self._request("post", url, **kwargs)


def _install_shim() -> None:
    import importlib

    for name in ("google", "mymemory", "yandex", "microsoft", "deepl", "libre"):
        module = importlib.import_module(f"deep_translator.{name}")
        if not isinstance(getattr(module, "requests", None), _RequestsShim):
            module.requests = _RequestsShim(requests)  # type: ignore[attr-defined]


_install_shim()


@contextmanager
def _bound(session: requests.Session, timeout: float) -> Iterator[None]:
    _CALL.session, _CALL.timeout, _CALL.last = session, timeout, None
    try:
        yield
    finally:
        _CALL.session = None


# --------------------------------------------------------------------------- registry


def _keyed(cls: Any, **fixed: Any) -> Callable[..., Any]:
    def make(*, source: str, target: str, api_key: str | None) -> Any:
        return cls(source=source, target=target, api_key=api_key, **fixed)

    return make


def _free(cls: Any) -> Callable[..., Any]:
    def make(*, source: str, target: str, api_key: str | None) -> Any:
        return cls(source=source, target=target)

    return make


def _mymemory(*, source: str, target: str, api_key: str | None) -> Any:
    """MyMemory allows more words a day to a caller that gives an e-mail address."""
    email = os.environ.get("PRESSFLOW_MYMEMORY_EMAIL") or None
    return MyMemoryTranslator(source=source, target=target, email=email)


_GOOGLE = dt_constants.GOOGLE_LANGUAGES_TO_CODES

#: Engines by name. ``deepl`` and ``libre`` are listed so that asking for them gives a clear
#: error (neither translates Kyrgyz) rather than "unknown engine".
ENGINES: dict[str, EngineSpec] = {
    spec.name: spec
    for spec in (
        # the mobile page is fetched by GET: 3,000 UTF-8 bytes keep the URL (percent-encoded
        # Cyrillic: ~9 KB) well under what web servers accept, below deep-translator's 5,000
        EngineSpec("google", _free(GoogleTranslator), _GOOGLE, max_chars=5000, max_bytes=3000),
        EngineSpec(
            "mymemory",
            _mymemory,
            dt_constants.MY_MEMORY_LANGUAGES_TO_CODES,
            max_chars=500,
            max_bytes=500,
            unescape=True,
        ),
        EngineSpec(
            "yandex",
            _keyed(YandexTranslator),
            _GOOGLE,
            max_chars=10000,
            key_env=("PRESSFLOW_YANDEX_KEY", "YANDEX_API_KEY"),
            free=False,
        ),
        EngineSpec(
            "microsoft",
            _keyed(MicrosoftTranslator),
            _GOOGLE,  # the real table is fetched online; Microsoft does translate ky, ru, en
            max_chars=10000,
            key_env=("PRESSFLOW_MICROSOFT_KEY", "MICROSOFT_API_KEY"),
            free=False,
        ),
        EngineSpec(
            "deepl",
            _keyed(DeeplTranslator, use_free_api=True),
            dt_constants.DEEPL_LANGUAGE_TO_CODE,
            key_env=("PRESSFLOW_DEEPL_KEY", "DEEPL_API_KEY"),
            free=False,
        ),
        EngineSpec(
            "libre",
            _keyed(LibreTranslator),
            dt_constants.LIBRE_LANGUAGES_TO_CODES,
            key_env=("PRESSFLOW_LIBRE_KEY", "LIBRE_API_KEY"),
        ),
        NO_ENGINE,
    )
}


def engine_spec(name: str, *, source: str, targets: tuple[str, ...]) -> EngineSpec:
    """The spec for ``name``, or an EngineError naming the engines that can do the job."""
    spec = ENGINES.get(name)
    if spec is None:
        raise EngineError(f"unknown MT engine {name!r}; known: {', '.join(ENGINES)}")
    missing = [t for t in targets if not spec.can(source, t)]
    if missing:
        able = [
            s.name
            for s in ENGINES.values()
            if s.make is not None and all(s.can(source, t) for t in targets)
        ]
        pairs = ", ".join(f"{source}→{t}" for t in missing)
        raise EngineError(
            f"MT engine {name!r} cannot translate {pairs}; engines that can: "
            f"{', '.join(able) or 'none'} (or 'none' for translation memory only)"
        )
    return spec


# --------------------------------------------------------------------------- engine


def _retry_after(response: requests.Response | None) -> float | None:
    if response is None:
        return None
    value = response.headers.get("Retry-After", "")
    try:
        return max(0.0, float(value))
    except ValueError:
        return None  # an HTTP date: fall back to exponential backoff


def _is_offline(exc: requests.exceptions.ConnectionError) -> bool:
    """DNS failure or connection refused: the network (or the server) is not there at all."""
    text = repr(exc)
    return any(s in text for s in ("NameResolution", "NewConnectionError", "refused", "resolve"))


class Engine:
    """A deep-translator engine for one language pair, safe to call from several threads."""

    def __init__(
        self,
        spec: EngineSpec,
        *,
        source: str,
        target: str,
        url: str = "",
        timeout: float = 10.0,
    ):
        self.spec = spec
        self.name = spec.name
        self.source = source
        self.target = target
        self.url = url
        self.timeout = timeout
        self._codes = (spec.code_for(source), spec.code_for(target))
        self._key = next((os.environ[v] for v in spec.key_env if os.environ.get(v)), None)
        if spec.key_env and not self._key:
            raise EngineError(f"MT engine {spec.name!r} needs an API key in ${spec.key_env[0]}")
        self._local = threading.local()
        self._lock = threading.Lock()
        self._sessions: list[requests.Session] = []
        if spec.free:  # fail early, in the caller's thread, on a bad configuration; keyed
            try:  # engines may call their provider while starting, so they start in the pool
                with _bound(self._session(), self.timeout):
                    self._translator()
            except EngineError:
                raise
            except Exception as exc:
                message = f"MT engine {self.name!r} could not start: {_brief(exc)}"
                raise EngineError(message) from None

    def _session(self) -> requests.Session:
        """One keep-alive session per thread: fewer handshakes, politer to the provider."""
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = requests.Session()
            with self._lock:
                self._sessions.append(session)
        return session

    def close(self) -> None:
        with self._lock:
            for session in self._sessions:
                session.close()
            self._sessions.clear()

    def _translator(self) -> Any:
        """One translator object per thread: deep-translator mutates it on every call."""
        translator = getattr(self._local, "translator", None)
        if translator is not None:
            return translator
        assert self.spec.make is not None
        source, target = self._codes
        try:  # called inside _bound: Microsoft fetches its language table while starting
            translator = self.spec.make(source=source, target=target, api_key=self._key)
        except (dt_errors.ApiKeyException, dt_errors.LanguageNotSupportedException) as exc:
            raise EngineError(f"MT engine {self.name!r}: {_brief(exc)}") from None
        if self.url:
            translator._base_url = self.url
        self._local.translator = translator
        return translator

    def translate(self, text: str) -> str | None:
        """Translate one text (one HTTP request); raise MTFailure on any failure."""
        with _bound(self._session(), self.timeout):
            translator = None
            try:
                translator = self._translator()
                result = translator.translate(text)
            except EngineError as exc:
                raise MTFailure("server", exc.message) from None
            except dt_errors.TooManyRequests:
                raise MTFailure(
                    "rate", "429 too many requests", retry_after=_retry_after(_CALL.last)
                ) from None
            except requests.exceptions.Timeout:
                raise MTFailure("timeout", f"no answer within {self.timeout:g} s") from None
            except requests.exceptions.ConnectionError as exc:
                if _is_offline(exc):
                    named = re.search(r"host='([^']+)'", repr(exc))
                    base = getattr(translator, "_base_url", "") or self.url
                    host = named.group(1) if named else urlsplit(str(base)).netloc or self.name
                    raise MTFailure("offline", f"cannot reach {host}") from None
                raise MTFailure("server", f"connection failed: {_brief(exc)}") from None
            except (dt_errors.RequestError, dt_errors.ServerException) as exc:
                status = _CALL.last.status_code if _CALL.last is not None else "?"
                raise MTFailure("server", f"HTTP {status}: {_brief(exc)}") from None
            except Exception as exc:  # HTML error page, malformed JSON, empty body…
                raise MTFailure("answer", f"unreadable answer: {_brief(exc)}") from None
            self._check_reply(_CALL.last)
        if isinstance(result, list):  # Yandex answers a list, one item per text sent
            result = " ".join(str(r) for r in result)
        if self.spec.unescape and isinstance(result, str):
            result = html.unescape(result)  # MyMemory's JSON carries "It&#39;s"
        return result if isinstance(result, str) or result is None else str(result)

    def _check_reply(self, response: requests.Response | None) -> None:
        """MyMemory answers 200 with a warning as the 'translation' when the quota is used up."""
        if self.name != "mymemory" or response is None:
            return
        try:
            data = response.json()
            status = int(data.get("responseStatus", 200))
            text = str((data.get("responseData") or {}).get("translatedText", ""))
        except Exception:
            return
        if status == 429 or "MYMEMORY WARNING" in text:
            raise MTFailure("quota", f"MyMemory quota: {text[:80]}")
        if status != 200:
            raise MTFailure("server", f"MyMemory status {status}: {text[:80]}")


def _brief(exc: BaseException) -> str:
    """One line about an exception, without the multi-line essays some libraries produce."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 160 else text[:157] + "…"


def open_engine(
    name: str, *, source: str, target: str, url: str = "", timeout: float = 10.0
) -> Engine | None:
    """An Engine for the pair, or None for ``none``; EngineError for anything unusable."""
    spec = engine_spec(name, source=source, targets=(target,))
    if spec.make is None:
        return None
    return Engine(spec, source=source, target=target, url=url, timeout=timeout)
