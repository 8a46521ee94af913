"""The ``[mt]`` settings prefill needs: the pool's, and where the MT cache lives.

pressflow.toml's schema (``config.MTConfig``) has already checked their types and ranges.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..config import Config

POOL_SETTINGS = ("concurrency", "rate", "retries", "breaker", "backoff", "max_backoff")


def pool_settings(config: Config) -> dict[str, Any]:
    """The pool's settings from ``[mt]``."""
    return {name: getattr(config.mt, name) for name in POOL_SETTINGS}


def cache_file(config: Config) -> Path | None:
    """Where the MT cache lives: in the project (``.pressflow/``, git-ignored) by default."""
    where = config.mt.cache.strip()
    if not where:
        return None
    if where == "user":
        from platformdirs import user_cache_dir

        return Path(user_cache_dir("pressflow")) / "mt-cache.sqlite"
    return config.root / where
