"""The checks; importing this package registers every one of them."""

from . import (
    alignment,
    completeness,
    markup,
    names,
    negation,
    numbers,
    orthography,
    paragraph,
    scripts,
    source,
    spelling,
    terms,
    typography,
    wording,
)

__all__ = [
    "alignment",
    "completeness",
    "markup",
    "names",
    "negation",
    "numbers",
    "orthography",
    "paragraph",
    "scripts",
    "source",
    "spelling",
    "terms",
    "typography",
    "wording",
]
