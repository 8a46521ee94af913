"""Fake MT providers on 127.0.0.1 for the real deep-translator clients.

``google`` serves the mobile page (``/m``) with the translation in a ``result-container`` div, as
deep-translator's GoogleTranslator scrapes it; ``mymemory`` serves the JSON of ``/get``;
``yandex`` answers the JSON of its ``translate`` POST endpoint. Each
request takes the next behaviour from ``script`` (then ``default``): ``ok``, ``429`` (with
``Retry-After``), ``500``, ``html`` (an error page with status 200), ``malformed`` (broken JSON /
markup), ``empty`` (empty body), ``hang`` (no answer until the server stops), ``source`` (the
text back), ``drop-marker`` (the first ``{N}`` marker removed), ``none`` (empty translation).

The "translation" is ``[ru] <text>`` with markers spaced out (``{ 0 }``), as real engines do, so
tests can see that markers survive and are restored.
"""

from __future__ import annotations

import html
import json
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

MARKER = re.compile(r"\{(\d+)\}")


def fake_translate(text: str, target: str) -> str:
    """Deterministic stand-in for MT: a language tag, and markers with inserted spaces."""
    return f"[{target}] " + MARKER.sub(r"{ \1 }", text)


@dataclass(frozen=True)
class Seen:
    at: float
    text: str
    target: str
    behaviour: str


class FakeProvider:
    """A threaded HTTP server; use as a context manager. ``seen`` lists every request."""

    def __init__(
        self,
        kind: str = "google",
        *,
        latency: float = 0.0,
        script: Iterable[str] = (),
        default: str = "ok",
        retry_after: str = "1",
        translate: Callable[[str, str], str] = fake_translate,
    ):
        self.kind = kind
        self.latency = latency
        self.script = list(script)
        self.default = default
        self.retry_after = retry_after
        self.translate = translate
        self.seen: list[Seen] = []
        self.in_flight = 0
        self.max_in_flight = 0  # the most requests the provider was answering at once
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None

    # ---------------------------------------------------------------- lifecycle
    def __enter__(self) -> FakeProvider:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        provider = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                provider._handle(self)

            def do_POST(self) -> None:
                provider._handle(self)

            def log_message(self, *args: object) -> None:
                pass

        class Server(ThreadingHTTPServer):
            def handle_error(self, request: object, client_address: object) -> None:
                pass  # a client killed mid-request (the kill -9 test): not the fake's problem

        self._server = Server(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        ).start()

    def stop(self) -> None:
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @property
    def url(self) -> str:
        assert self._server is not None
        port = self._server.server_address[1]
        path = "/m" if self.kind == "google" else "/get"
        return f"http://127.0.0.1:{port}{path}"

    def texts(self) -> list[str]:
        """The texts received, in order of arrival."""
        return [s.text for s in self.seen]

    # ---------------------------------------------------------------- answers
    def _next(self, text: str, target: str) -> str:
        with self._lock:
            behaviour = self.script.pop(0) if self.script else self.default
            self.seen.append(Seen(time.monotonic(), text, target, behaviour))
        return behaviour

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        query = parse_qs(urlsplit(handler.path).query)
        if handler.command == "POST":
            length = int(handler.headers.get("Content-Length", 0) or 0)
            query = parse_qs(handler.rfile.read(length).decode("utf-8"))
        text = query.get("q", query.get("text", [""]))[0]
        if self.kind == "google":
            target = query.get("tl", ["?"])[0]
        elif self.kind == "yandex":
            target = query.get("lang", ["?-?"])[0].split("-")[-1]
        else:
            target = query.get("langpair", ["?|?"])[0].split("|")[-1].split("-")[0]
        behaviour = self._next(text, target)
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            self._reply(handler, behaviour, text, target)
        finally:
            with self._lock:
                self.in_flight -= 1

    def _reply(
        self, handler: BaseHTTPRequestHandler, behaviour: str, text: str, target: str
    ) -> None:
        if self.latency:
            time.sleep(self.latency)
        if behaviour == "hang":
            self._stopping.wait(60)
            return
        status, body, headers = self._answer(behaviour, text, target)
        data = body.encode("utf-8")
        try:
            handler.send_response(status)
            for key, value in headers.items():
                handler.send_header(key, value)
            handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            handler.wfile.write(data)
        except OSError:  # the client gave up (timeout): nothing to do
            pass

    def _answer(self, behaviour: str, text: str, target: str) -> tuple[int, str, dict[str, str]]:
        json_type = {"Content-Type": "application/json"}
        html_type = {"Content-Type": "text/html; charset=utf-8"}
        if behaviour == "429":
            body = json.dumps({"code": 429}) if self.kind == "yandex" else "Too Many Requests"
            return 429, body, {"Retry-After": self.retry_after}
        if behaviour == "500":
            return 500, "<html><body>Internal error</body></html>", html_type
        if behaviour == "html":
            return 200, "<html><body><h1>Sorry, something went wrong</h1></body></html>", html_type
        if behaviour == "empty":
            return 200, "", html_type
        if behaviour == "malformed":
            body = '{"responseData": {"translatedText": ' if self.kind != "google" else "<div cla"
            return 200, body, json_type if self.kind != "google" else html_type
        if behaviour == "source":
            result = text
        elif behaviour == "none":
            result = ""
        elif behaviour == "drop-marker":
            result = MARKER.sub(
                "", self.translate(text, target).replace("{ ", "{").replace(" }", "}"), count=1
            )
        else:
            result = self.translate(text, target)
        if self.kind == "google":
            page = (
                "<!DOCTYPE html><html><head><title>Google Translate</title></head><body>"
                f'<div class="result-container">{html.escape(result)}</div></body></html>'
            )
            return 200, page, html_type
        if self.kind == "yandex":
            data = {"code": 200, "lang": f"ky-{target}", "text": [result]}
            return 200, json.dumps(data, ensure_ascii=False), json_type
        data = {
            "responseData": {"translatedText": result, "match": 0.85},
            "responseStatus": 200,
            "matches": [{"translation": result, "quality": 74}] if result else [],
        }
        return 200, json.dumps(data, ensure_ascii=False), json_type
