"""The documented shape of ``pressflow check --format json``, shared by the tests that read it."""

CATALOG_KEYS = frozenset(
    {"release", "lang", "total", "translated", "fuzzy", "untranslated", "percent"}
)
