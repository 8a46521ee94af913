"""The stages a newsroom runs: segment, extract, update, prefill, check, build, and run.

Each stage reads what it needs, calls the pure core, writes through the atomic writer and returns
a result value. Nothing here prints: the CLI (or any other caller) decides how to show a result.
"""

from ..model import foreign_warnings  # the warnings ``segment`` shows
from .catalogs import PARALLEL_FROM, extract, update, update_if_unchanged
from .project import (
    check_inputs,
    load_release,
    load_releases,
    open_project,
    rel_under,
    segment_file,
    slug_clash,
)
from .publish import build, catalog_refs, check, prefill, run

__all__ = [
    "PARALLEL_FROM",
    "build",
    "catalog_refs",
    "check",
    "check_inputs",
    "extract",
    "foreign_warnings",
    "load_release",
    "load_releases",
    "open_project",
    "prefill",
    "rel_under",
    "run",
    "segment_file",
    "slug_clash",
    "update",
    "update_if_unchanged",
]
