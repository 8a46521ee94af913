"""The built site in headless Chromium: open a release page, follow the language switcher, check
that nothing is fetched from outside the site, and save the screenshot the README shows.

WebDriver is spoken over plain HTTP with the standard library (no selenium): chromedriver on a
free loopback port, the site served by ``http.server`` on another. Needs the Debian packages
``chromium`` and ``chromium-driver`` (installed by .ci/run).
"""

from __future__ import annotations

import base64
import contextlib
import functools
import json
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from pressflow import pipeline
from pressflow.files import atomic_write
from pressflow.render import build_site
from test_render_support import ROOT, SAMPLE_SLUG, config, newsroom_copy, ntrex_texts, sample_text

SCREENSHOT = ROOT / "docs" / "screenshot-release.png"
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--window-size=1024,1300",
    "--lang=ru",
]


def _tool(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail(f"{names[0]} is needed (Debian: chromium, chromium-driver; see .ci/run)")
    pytest.skip(f"{names[0]} is not installed")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class WebDriver:
    """The few W3C WebDriver commands the test needs, as JSON over HTTP."""

    def __init__(self, base: str):
        self.base = base
        self.session = ""

    def call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read() or b"{}").get("value")

    def command(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        return self.call(method, f"/session/{self.session}{path}", body)

    def start(self, binary: str, profile: Path) -> None:
        options = {"binary": binary, "args": [*CHROMIUM_ARGS, f"--user-data-dir={profile}"]}
        caps = {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": options}}
        self.session = self.call("POST", "/session", {"capabilities": caps})["sessionId"]

    def find(self, css: str) -> str:
        found = self.command("POST", "/element", {"using": "css selector", "value": css})
        return found[ELEMENT]

    def script(self, source: str) -> Any:
        return self.command("POST", "/execute/sync", {"script": source, "args": []})


@contextlib.contextmanager
def chromedriver(driver: str, binary: str, profile: Path) -> Iterator[WebDriver]:
    port = _free_port()
    proc = subprocess.Popen(
        [driver, f"--port={port}", "--allowed-ips=127.0.0.1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    web = WebDriver(f"http://127.0.0.1:{port}")
    try:
        for _ in range(100):
            with contextlib.suppress(OSError):
                if web.call("GET", "/status").get("ready"):
                    break
            time.sleep(0.1)
        web.start(binary, profile)
        yield web
    finally:
        if web.session:
            with contextlib.suppress(OSError):
                web.command("DELETE", "")
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_switch_language_in_chromium_and_screenshot(tmp_path: Path) -> None:
    driver = _tool("chromedriver")
    binary = _tool("chromium", "chromium-browser", "google-chrome")
    cfg = newsroom_copy(tmp_path / "newsroom")
    # the shipped release with the committed catalogs; units not yet reviewed show marked
    pipeline.build(cfg, allow_partial=True)
    site = cfg.site_dir
    with serve(site) as origin, chromedriver(driver, binary, tmp_path / "profile") as web:
        web.command("POST", "/url", {"url": f"{origin}/ky/{SAMPLE_SLUG}.html"})
        assert web.script("return document.documentElement.lang") == "ky"
        link = web.find("nav.switcher a[hreflang='ru']")
        web.command("POST", f"/element/{link}/click", {})
        for _ in range(50):
            if web.command("GET", "/url").endswith(f"/ru/{SAMPLE_SLUG}.html"):
                break
            time.sleep(0.1)
        assert web.command("GET", "/url") == f"{origin}/ru/{SAMPLE_SLUG}.html"
        assert web.script("return document.documentElement.lang") == "ru"
        assert web.script("return document.readyState") == "complete"
        heading = web.script("return document.querySelector('h1').textContent")
        assert heading.strip()
        # styled by the site's own stylesheet; nothing fetched from anywhere else
        # main is 44rem wide at most (style.css): "none" would mean the stylesheet never loaded
        assert web.script("return getComputedStyle(document.querySelector('main')).maxWidth") == (
            "704px"
        )
        resources = web.script("return performance.getEntriesByType('resource').map(e => e.name)")
        assert resources and all(url.startswith(origin) for url in resources)
        current = web.find("nav.switcher a[aria-current='page']")
        assert web.command("GET", f"/element/{current}/attribute/hreflang") == "ru"
        back = web.find("nav.switcher a[hreflang='en']")
        png = base64.b64decode(web.command("GET", "/screenshot"))
        web.command("POST", f"/element/{back}/click", {})
        for _ in range(50):
            if web.script("return document.documentElement.lang") == "en":
                break
            time.sleep(0.1)
        assert web.script("return document.documentElement.lang") == "en"
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000
    folder = os.environ.get("PRESSFLOW_SCREENSHOTS")
    if folder:  # only when asked: a normal run leaves the working tree as it was
        atomic_write(Path(folder) / SCREENSHOT.name, png)


#: (name, width, height) of the screenshots the README shows: a phone and a desktop.
VIEWPORTS = (("375", 375, 812), ("1280", 1280, 900))


def _viewport(web: WebDriver, width: int, height: int) -> None:
    params = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600}
    web.command(
        "POST", "/goog/cdp/execute", {"cmd": "Emulation.setDeviceMetricsOverride", "params": params}
    )


def test_release_page_and_index_at_phone_and_desktop_widths(tmp_path: Path) -> None:
    """Both widths: no horizontal scroll, the skip link first, tap targets at least 44 px.
    Screenshots go to the folder ``PRESSFLOW_SCREENSHOTS`` names (the README's: ``docs``)."""
    driver = _tool("chromedriver")
    binary = _tool("chromium", "chromium-browser", "google-chrome")
    site = tmp_path / "site"
    publisher = {"ky": "Басма сөз кызматы", "ru": "Пресс-служба", "en": "Press office"}
    cfg = config(tmp_path, page_size=5, publisher=publisher)
    build_site(cfg, [sample_text(), *ntrex_texts(9)], out=site)
    shots: dict[str, bytes] = {}
    pages = {"release": f"ru/{SAMPLE_SLUG}.html", "index": "ru/index.html"}
    with serve(site) as origin, chromedriver(driver, binary, tmp_path / "profile") as web:
        for name, width, height in VIEWPORTS:
            _viewport(web, width, height)
            for kind, path in pages.items():
                web.command("POST", "/url", {"url": f"{origin}/{path}"})
                assert web.script("return document.documentElement.lang") == "ru"
                overflow = web.script(
                    "return document.documentElement.scrollWidth - window.innerWidth"
                )
                assert overflow <= 0, (kind, width, overflow)
                first = web.script("return document.querySelector('body a').className")
                assert first == "skip"
                small = web.script(
                    "return [...document.querySelectorAll("
                    "'nav.switcher a, nav.pages a, nav.years a')]"
                    ".map(a => a.getBoundingClientRect())"
                    ".filter(r => r.height < 44 || r.width < 44).length"
                )
                assert small == 0, (kind, width)
                shots[f"screenshot-{kind}-{name}.png"] = base64.b64decode(
                    web.command("GET", "/screenshot")
                )
    assert all(png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 5_000 for png in shots.values())
    folder = os.environ.get("PRESSFLOW_SCREENSHOTS")
    if folder:  # only when asked: a normal run leaves the working tree as it was
        for name, png in shots.items():
            atomic_write(Path(folder) / name, png)
