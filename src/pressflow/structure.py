"""A release read and given its shape: the reader's blocks, then the headline policy.

Why above the segmenter: whether a plain-text release's first line is a headline is a question
of sentences (a pasted lead is two to four of them), and only the segmenter knows where they end.
Every stage reads releases through ``read_structured`` so that catalogs, checks and pages agree.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .config import Config
from .model import Block, Problem, Release
from .readers import read_release
from .readers.placeholders import plain_text
from .readers.roles import StructureRules, structure_rules
from .segment import split_text


def rules_of(config: Config | None) -> StructureRules:
    """The structure rules of a project: the shipped ones extended by ``[structure]``.

    The last project's are kept with its (frozen) ``[structure]``: every release is read with
    them, and finding them again in ``structure_rules``' cache sorts and hashes its tables."""
    if config is None:
        return structure_rules()
    own = config.structure
    last = _LAST_RULES
    if last and last[0] is own:
        return last[1]
    rules = structure_rules(
        labels=own.labels,
        patterns=own.patterns,
        headline_policy=own.headline,
        headline_max=own.headline_max,
        publish=own.publish,
    )
    _LAST_RULES[:] = (own, rules)
    return rules


_LAST_RULES: list = []  # [the StructureConfig, its rules] of the last call


def read_structured(
    path: Path,
    *,
    rel_path: str,
    config: Config | None = None,
    data: bytes | None = None,
) -> Release:
    """Read one release (see ``readers.read_release``) and apply the headline policy."""
    rules = rules_of(config)
    lang = config.source_lang if config is not None else "ky"
    release = read_release(path, rel_path=rel_path, source_lang=lang, data=data, rules=rules)
    return apply_headline(release, rules)


def apply_headline(release: Release, rules: StructureRules) -> Release:
    """A plain-text release whose first block is not a plausible headline (more than one
    sentence, or longer than ``rules.headline_max`` and ending with a full stop) gets a warning
    with its line, and ``rules.headline_policy``: the first sentence as the headline with the
    rest as the lead, or no headline block at all (the page titles itself by that sentence)."""
    first = release.blocks[0] if release.blocks else None
    if release.format != "txt" or first is None or first.kind != "title":
        return release
    text = first.text
    spans = split_text(text, lang=release.lang or "ky")
    too_long = len(text) > rules.headline_max and text.rstrip().endswith(".")
    if len(spans) < 2 and not too_long:
        return release
    start, end = spans[0]
    sentence = text[start:end]
    what = f"{len(spans)} sentences" if len(spans) > 1 else f"{len(text)} characters"
    if rules.headline_policy == "none":
        blocks = [replace(first, kind="paragraph"), *release.blocks[1:]]
        done = "no headline: the page is titled by its first sentence"
    else:
        rest = text[end:].strip()
        blocks = [replace(first, text=sentence)]
        if rest:
            blocks.append(Block(index=0, kind="paragraph", text=rest, line=first.line))
        blocks += release.blocks[1:]
        done = "its first sentence is the headline, the rest the lead"
    warning = Problem(
        check="headline",
        severity="warning",
        message=f"no headline: the first line is a paragraph ({what}); {done} "
        "(write a headline line, or set [structure] headline)",
        release=release.slug,
        path=release.path,
        line=first.line,
    )
    return replace(
        release,
        title=plain_text(sentence),
        blocks=tuple(replace(b, index=i) for i, b in enumerate(blocks)),
        problems=(warning, *release.problems),
    )
