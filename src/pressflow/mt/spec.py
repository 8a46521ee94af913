"""What pressflow knows about an MT engine, apart from its client (``engines.py``).

Here, without deep-translator or requests, because a newsroom that uses the translation memory
alone (engine ``none``, the offline default) should not load the HTTP clients on every run.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class EngineSpec:
    """What pressflow knows about one deep-translator engine."""

    name: str
    make: Callable[..., Any] | None  # (source=, target=, api_key=) -> translator; None: no MT
    languages: Mapping[str, str]  # deep-translator's name -> code table
    max_chars: int = 5000  # deep-translator refuses len(text) >= max_chars
    max_bytes: int = 0  # provider limit in UTF-8 bytes (0: none)
    key_env: tuple[str, ...] = ()  # environment variables holding the API key, first wins
    free: bool = True
    extra: Mapping[str, str] = field(default_factory=dict)  # pressflow code -> engine code
    unescape: bool = False  # the provider returns HTML entities in plain text

    def fits(self, text: str) -> bool:
        """Whether one request may carry ``text`` (deep-translator's and the provider's limits)."""
        if len(text) >= self.max_chars:
            return False
        return not self.max_bytes or len(text.encode("utf-8")) < self.max_bytes

    def code_for(self, lang: str) -> str | None:
        """The engine's code for a language: ``ky`` is ``ky`` for Google, ``ky-KG`` for MyMemory."""
        if lang in self.extra:
            return self.extra[lang]
        codes = list(self.languages.values())
        for wanted in (lang, f"{lang}-{lang.upper()}"):
            if wanted in codes:
                return wanted
        return next((c for c in codes if c.split("-")[0].lower() == lang.lower()), None)

    def can(self, source: str, target: str) -> bool:
        return self.make is None or (
            self.code_for(source) is not None and self.code_for(target) is not None
        )


#: No machine translation: the translation memory alone fills entries.
NO_ENGINE = EngineSpec("none", None, {})
