"""pressflow: Kyrgyz press releases to Russian and English through gettext catalogs."""

__version__ = "0.1.0"
