"""The published site: one page per release and language, indexes, a root page, a sitemap.

Everything HTML goes through lxml (here and in the HTML reader only). ``build_site`` is the one
entry point the pipeline calls; the rest are its parts, importable for tests and templates.
"""

from __future__ import annotations

from .model import BuildResult, HeldBack, ReleaseText, Stale
from .site import build_site

__all__ = ["BuildResult", "HeldBack", "ReleaseText", "Stale", "build_site"]
