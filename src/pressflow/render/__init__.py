"""The published site: one page per release and language, indexes, a root page, a sitemap.

Everything HTML goes through lxml (here and in the HTML reader only). ``build_site`` is the one
entry point the pipeline calls; the rest are its parts, importable for tests and templates.
"""

from __future__ import annotations

from .model import BuildResult, HeldBack, ReleaseText, Stale


def __getattr__(name: str) -> object:
    """``build_site`` (and with it lxml) loaded on first use: a command that only reports on
    a build (``run``'s summary) or reads ``BuildResult`` starts faster."""
    if name == "build_site":
        from .site import build_site

        return build_site
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["BuildResult", "HeldBack", "ReleaseText", "Stale", "build_site"]
