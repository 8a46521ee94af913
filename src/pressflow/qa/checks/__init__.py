"""The checks; importing this package registers every one of them."""

from . import (
    completeness,
    markup,
    names,
    numbers,
    paragraph,
    scripts,
    source,
    terms,
    typography,
    wording,
)

__all__ = [
    "completeness",
    "markup",
    "names",
    "numbers",
    "paragraph",
    "scripts",
    "source",
    "terms",
    "typography",
    "wording",
]
