"""The ``[mt]`` settings prefill needs, checked once: a bad value is a ConfigError, not a crash.

pressflow.toml keeps unknown ``[mt]`` keys in ``MTConfig.options``; the pool's optional ones
(``breaker``, ``backoff``, ``max_backoff``) are read from there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..config import CONFIG_NAME, Config
from ..errors import ConfigError

#: [mt] settings for the pool: name -> (type, default, smallest allowed value)
_POOL_SETTINGS: dict[str, tuple[type, float, float]] = {
    "concurrency": (int, 4, 1),
    "rate": (float, 5.0, 0),
    "retries": (int, 3, 0),
    "breaker": (int, 5, 1),
    "backoff": (float, 1.0, 0),
    "max_backoff": (float, 60.0, 0),
}


def pool_settings(config: Config) -> dict[str, Any]:
    """The pool's settings from ``[mt]``, checked: a bad value is a ConfigError, not a crash."""
    raw = {
        **config.mt.options,
        **{k: getattr(config.mt, k) for k in ("concurrency", "rate", "retries")},
    }
    values: dict[str, Any] = {}
    for name, (kind, default, least) in _POOL_SETTINGS.items():
        value = raw.get(name, default)
        try:
            if isinstance(value, bool):
                raise TypeError
            number = kind(value)
        except (TypeError, ValueError):
            number = None
        if number is None or number < least:
            raise ConfigError(
                f"[mt] {name} must be a number >= {least:g}, not {value!r}",
                path=str(config.root / CONFIG_NAME),
            )
        values[name] = number
    for name in ("timeout", "batch"):
        value = getattr(config.mt, name)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise ConfigError(
                f"[mt] {name} must be a positive number, not {value!r}",
                path=str(config.root / CONFIG_NAME),
            )
    return values


def cache_file(config: Config) -> Path | None:
    """Where the MT cache lives: in the project (``.pressflow/``, git-ignored) by default."""
    where = config.mt.cache.strip()
    if not where:
        return None
    if where == "user":
        from platformdirs import user_cache_dir

        return Path(user_cache_dir("pressflow")) / "mt-cache.sqlite"
    return config.root / where


def unknown_settings(config: Config) -> list[str]:
    """``[mt]`` keys nobody reads (a typo such as ``concurency``), for a warning."""
    return sorted(set(config.mt.options) - set(_POOL_SETTINGS))
