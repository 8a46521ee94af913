"""The modules whose mutation scores are measured: their sources, the tests that cover them and
the mutants planted by hand where mutmut does not reach (module-level data, import-time builds).

Why a module of its own: the table is what changes when a module or a test is added; the
machinery that runs mutants (``mutation_mutmut``, ``mutation_planted``) and the command
(``mutation``) read it.
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG = "src/pressflow"
PYTEST = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-x"]


def nice(cmd: list[str]) -> list[str]:
    """``cmd`` at a low priority: a mutation run takes the machine for many minutes."""
    return ["nice", "-n", "10", *cmd] if shutil.which("nice") else cmd


@dataclass(frozen=True)
class Planted:
    """A hand-written mutant: replace ``old`` (which must occur once) by ``new`` in ``path``."""

    path: str
    old: str
    new: str
    why: str


@dataclass(frozen=True)
class Module:
    """A core module, the tests that cover it, and its hand-planted mutants."""

    sources: tuple[str, ...]
    tests: tuple[str, ...]
    planted: tuple[Planted, ...] = ()
    rule_data: bool = False  # also remove each [[rule]] of data/segment/*.toml, one at a time
    #: rules whose removal cannot change a split (named with the reason): not counted
    equivalent_rules: dict[str, str] = field(default_factory=dict)
    skip: tuple[str, ...] = field(default=())  # functions mutmut must leave alone (glob)
    #: slow end-to-end tests left out of the mutant runs (the planted mutants still run them)
    deselect: tuple[str, ...] = ()


_UPDATE = f"{PKG}/po/update.py"
_POPARSE = f"{PKG}/po/poparse.py"
_RULES = f"{PKG}/segment_rules.py"
_SAFE = f"{PKG}/render/sanitize.py"
_FILES = f"{PKG}/files.py"
_CONFINE = f"{PKG}/confine.py"
_STAMPS = f"{PKG}/po/stamps.py"
_NUMBERS = f"{PKG}/qa/numbers.py"
_MONTHS = f"{PKG}/qa/months.py"
_NAMES = f"{PKG}/qa/checks/names.py"
_QA_TESTS = (
    "tests/test_qa_rules.py",
    "tests/test_qa_name_spelling.py",
    "tests/test_qa_measures.py",
    "tests/test_qa_number_words.py",
    "tests/test_qa_checks.py",
    "tests/test_qa_false_alarms.py",
    "tests/test_qa_false_alarm_classes.py",
    "tests/test_qa_checks_text.py",
    "tests/test_qa_checks_words.py",
    "tests/test_qa_checks_reports.py",
    "tests/test_qa_linear.py",
    "tests/test_qa_checks_paragraph.py",
    "tests/test_qa_checks_alignment.py",
    "tests/test_qa_second_translation.py",
    "tests/test_qa_fast_paths.py",
    "tests/test_qa_recall.py",
    "tests/test_qa_fast_scans.py",
)

MODULES: dict[str, Module] = {
    "files": Module(
        sources=(_FILES, _CONFINE),
        tests=("tests/test_files.py",),
        planted=(
            Planted(
                _FILES,
                "        if not _place(tmp, path, expect):\n            raise ChangedOnDisk(",
                "        path.write_bytes(raw)\n        os.unlink(tmp)\n"
                "        if False:\n            raise ChangedOnDisk(",
                "atomic_write writes in place instead of temp-and-rename",
            ),
        ),
    ),
    "po/poparse": Module(
        sources=(_POPARSE,),
        tests=("tests/test_poparse_errors.py", "tests/test_poparse.py", "tests/test_catalog.py"),
        deselect=("tests/test_catalog.py::test_format_po_equals_msgcat_output",),  # powrap's
        planted=(
            Planted(
                _POPARSE,
                "    for i, part in enumerate(parts):\n",
                "    for escaped, char in (*_SIMPLE, (chr(92) * 2, chr(92))):\n"
                "        value = value.replace(escaped, char)\n"
                "    return value\n"
                "    for i, part in enumerate(parts):\n",
                "fast path decodes escapes by sequential replace",
            ),
            Planted(
                _POPARSE,
                "    return _UNESCAPE.sub(_unescape_one, body)",
                "    for esc, char in _ESCAPES.items():\n"
                "        body = body.replace(chr(92) + esc, char)\n"
                "    return body",
                "strict path decodes escapes by sequential replace",
            ),
        ),
    ),
    "po/powrap": Module(
        sources=(f"{PKG}/po/powrap.py",),
        tests=("tests/test_powrap.py", "tests/test_catalog.py", "tests/test_poparse.py"),
    ),
    "po/update": Module(
        sources=(_UPDATE,),
        tests=(
            "tests/test_update_header.py",
            "tests/test_update_offers.py",
            "tests/test_update_kept.py",
            "tests/test_update.py",
        ),
        deselect=(
            "tests/test_update.py::test_catalogs_after_update_and_prefill_are_what_msgcat_writes",
        ),
        planted=(
            Planted(_UPDATE, "THRESHOLD = 0.6", "THRESHOLD = 0.5", "fuzzy cutoff lowered to 0.5"),
            Planted(_UPDATE, "THRESHOLD = 0.6", "THRESHOLD = 0.7", "fuzzy cutoff raised to 0.7"),
        ),
    ),
    "po/stamps": Module(
        sources=(_STAMPS,),
        tests=("tests/test_stamps_record.py", "tests/test_stamps.py", "tests/test_update.py"),
        deselect=(
            "tests/test_update.py::test_catalogs_after_update_and_prefill_are_what_msgcat_writes",
        ),
        planted=(
            Planted(
                f"{PKG}/cache.py",
                "        for name in sorted(names):\n",
                "        for name in sorted(names):\n"
                '            if name.endswith(".toml"):\n'
                "                continue\n",
                "the code fingerprint ignores pressflow's own .toml rule files",
            ),
        ),
    ),
    "segment_rules": Module(
        # regex_shape holds what segment_rules read from a rule's pattern before it was split off
        sources=(_RULES, f"{PKG}/regex_shape.py"),
        tests=(
            "tests/test_segment_rules.py",
            "tests/test_segment_rule_bounds.py",
            "tests/test_segment_rules_data.py",
            "tests/test_regex_shape.py",
            "tests/test_segment.py",
            "tests/test_segment_properties.py",
            "tests/test_segment_linear.py",
            "tests/test_roles.py",  # regex_shape.needles, read by the role patterns
        ),
        rule_data=True,
        equivalent_rules={
            "glued": "no later rule breaks without white space after the candidate; a fast path",
        },
        planted=(
            Planted(
                _RULES,
                'r"\\.\\s?" if char == "."',
                'r"\\." if char == "."',
                "no optional space after an abbreviation's inner dot",
            ),
        ),
    ),
    "qa/numbers": Module(
        sources=(_NUMBERS, _MONTHS),
        tests=_QA_TESTS,
        planted=(
            Planted(
                _MONTHS,
                "enumerate(stems, start=1)",
                "enumerate(stems[:11], start=1)",
                "December left out of the Kyrgyz and Russian months",
            ),
            Planted(_MONTHS, '"dec december",', '"",', "December left out of the English months"),
        ),
    ),
    "qa/checks": Module(
        sources=tuple(
            f"{PKG}/qa/checks/{p.name}"
            for p in sorted((ROOT / PKG / "qa" / "checks").glob("*.py"))
            if p.name != "__init__.py"
        ),
        tests=_QA_TESTS,
        planted=(
            Planted(
                _NAMES,
                "if len(stem) < 6 and not target.capital:",
                "if len(stem) >= 6 and not target.capital:",
                "the lower-case-target condition of the names check inverted",
            ),
            Planted(
                _NAMES,
                "(s for s in stems if len(s) >= 3)",
                "(s for s in stems if len(s) < 3)",
                "the short-stem condition of the names check inverted",
            ),
        ),
    ),
    "render/sanitize": Module(
        sources=(_SAFE,),
        tests=(
            "tests/test_sanitize.py",
            "tests/test_render_embeds.py",
            "tests/test_render_safety.py",
            "tests/test_xss.py",
        ),
        # the XSS corpus (268 vectors built into a newsroom, then Chromium) takes minutes per
        # run: only the hand-planted mutants run it
        deselect=("tests/test_xss.py",),
        planted=(
            *(
                Planted(_SAFE, f'"{tag}", ', "", f"{tag} no longer dropped with its content")
                # not embed: a void element, html5ever gives it no content to keep or drop
                for tag in ("iframe", "object")
            ),
            # The cleaners are built at import, out of mutmut's reach: their arguments here.
            Planted(
                _SAFE,
                "clean_content_tags=set(NOT_TEXT - set(allowed)),",
                "clean_content_tags=set(),",
                "script, style, svg… kept as text instead of dropped with their content",
            ),
            Planted(
                _SAFE,
                "url_schemes=set(URL_SCHEMES),",
                'url_schemes=set(URL_SCHEMES) | {"javascript", "data"},',
                "javascript: and data: URLs allowed",
            ),
            Planted(_SAFE, "strip_comments=True,", "strip_comments=False,", "comments kept"),
            Planted(
                _SAFE,
                'attributes["*"] = set(generic)',
                'attributes["*"] = set(generic) | {"onclick", "style"}',
                "an event handler and inline style allowed on every element",
            ),
            Planted(
                _SAFE,
                "tag_attribute_values=values,",
                "tag_attribute_values=None,",
                "any rel on a head link (preload, import)",
            ),
            Planted(
                _SAFE,
                "generic = GLOBAL_ATTRS | ({SLOT_ATTR} if slots else frozenset())",
                "generic = GLOBAL_ATTRS | {SLOT_ATTR}",
                "template slots kept on published pages",
            ),
        ),
    ),
}
