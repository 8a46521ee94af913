"""Where a build's files go: the writer that keeps track of them, and the copied images."""

from __future__ import annotations

from pathlib import Path

from ..cache import content_digest
from ..config import Config
from ..errors import ConfigError
from ..files import atomic_write


class Writer:
    """Writes files under ``out`` and remembers which changed (by path under ``out``)."""

    def __init__(self, out: Path):
        self.out = out
        self.written: list[str] = []
        self.unchanged: list[str] = []
        self.digests: dict[str, str] = {}  # path under ``out`` -> digest of what it holds

    def write(self, rel: str, data: str | bytes) -> None:
        (self.written if atomic_write(self.out / rel, data) else self.unchanged).append(rel)
        self.digests[rel] = content_digest(data.encode("utf-8") if isinstance(data, str) else data)

    def keep(self, rel: str, digest: str) -> None:
        """A file the cache vouches for (``digest``): as this build would write it."""
        self.unchanged.append(rel)
        self.digests[rel] = digest

    @property
    def produced(self) -> set[str]:
        return {*self.written, *self.unchanged}


#: ``[site]`` image keys copied into the site, and the name each gets there.
ASSETS = {"logo": "assets/logo", "image": "assets/image"}


def site_assets(config: Config) -> dict[str, tuple[str, bytes]]:
    """The configured logo and default image: key -> (path under the site root, bytes)."""
    out: dict[str, tuple[str, bytes]] = {}
    for key, target in ASSETS.items():
        name = getattr(config.site, key)
        if not name:
            continue
        path = config.root / name
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ConfigError(
                f"[site] {key} {name!r}: {exc.strerror or exc}", path=config.rel(path)
            ) from None
        out[key] = (target + path.suffix.lower(), data)
    return out
