"""HTML releases: translatable blocks and attributes, inline markup as numbered placeholders.

The msgid a translator sees is ``Read <1>the report</1> on <2>kabar.kg</2>.``; the URLs and every
other attribute stay in ``Block.inlines`` so that they never reach a translator or an MT engine.
Each block carries an XPath ``locator`` into the tree ``parse_html`` builds from the same source, so
a renderer can find the element again and replace only its text (see ``locate.locate_block``).

Conventions (the renderer relies on them):

* A *container* (``p``, ``h1``…, ``li``, ``td``, ``div``…) splits its children into *runs* at each
  block-level child; run 0 is ``container.text`` plus the inline children before the first
  block-level child, run k is ``boundary[k-1].tail`` plus the inline children after it. Every run
  with letters or digits becomes one block; its locator is the container's XPath, suffixed
  ``#k`` for k > 0.
* Placeholders are numbered from 1 per block, in document order of the inline elements' start
  tags (depth first). Paired ``<N>…</N>`` wraps translatable content; empty ``<N/>`` stands for a
  void element (``br``, ``img``), opaque content (``script``, ``svg``) or code and
  ``translate="no"`` content, whose text is kept in ``Inline.text`` and markup in ``Inline.raw``.
* Attribute blocks (``alt``, ``title``, ``aria-label``, ``placeholder``, meta ``content``) have
  kind ``attribute`` (``caption`` for images read from Markdown), ``locator`` the element's XPath
  and ``attr`` the attribute name.
* Exactly one block has kind ``title``: the first ``h1``, or ``<title>`` when there is no ``h1``
  (then ``<title>`` is kind ``meta``).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from ...errors import ReaderError
from ...model import Problem, Release
from ..dates import parse_date
from ..placeholders import PLACEHOLDER, placeholder_problems, plain_text
from ..roles import StructureRules, assign_roles, default_rules
from .blocks import extract, value_of
from .tree import (
    BLOCK_LEVEL,
    META_DATE,
    TooDeep,
    boundary,
    parse_html,
    parse_or_fail,
    text_content,
)

if TYPE_CHECKING:
    import lxml.html

__all__ = [
    "BLOCK_LEVEL",
    "PLACEHOLDER",
    "TooDeep",
    "boundary",
    "extract",
    "parse_html",
    "parse_or_fail",
    "plain_text",
    "read_html",
]


def read_html(
    source: str,
    *,
    slug: str,
    path: str,
    lang: str,
    rules: StructureRules | None = None,
    encoded: bytes | None = None,
) -> Release:
    """Read an HTML release (``source`` already decoded; ``encoded``: its UTF-8, if at hand)."""
    root = parse_or_fail(source, path=path, encoded=encoded)
    blocks, roles = assign_roles(extract(root), rules or default_rules(), path=path)
    if not blocks:
        raise ReaderError("no translatable text in the page", path=path, line=1)
    title = next((plain_text(b.text) for b in blocks if b.kind == "title"), slug)
    problems = (*roles, *_removed_embeds(root, path), *placeholder_problems(blocks, path=path))
    fields = {"slug": slug, "path": path, "lang": lang, "title": title, "blocks": blocks}
    return value_of(
        Release,
        {
            **fields,
            "date": _date(root, path),
            "format": "html",
            "source": source,
            "problems": problems,
        },
    )


#: Elements a published page never keeps: each is one warning with its line, once per release.
REMOVED = ("script", "iframe", "embed", "object", "frame", "applet")


def _removed_embeds(root: lxml.html.HtmlElement, path: str) -> list[Problem]:
    """Scripts, frames and embeds of the source (an analytics tag, a video) vanish from the
    rebuilt pages; say so once, naming the element and its line, instead of silently."""
    found = []
    for node in root.iter(*REMOVED):
        if node.tag == "script" and node.get("type") == "application/ld+json":
            continue  # structured data: pressflow writes its own
        where = node.get("src") or node.get("data") or ""
        shown = f"<{node.tag} src={where!r}>" if where else f"<{node.tag}>"
        found.append(
            Problem(
                check="removed-embed",
                severity="warning",
                message=f"source problem: {shown} is removed from the published pages",
                path=path,
                line=node.sourceline or 1,
            )
        )
    return found


def _date(root: lxml.html.HtmlElement, path: str) -> datetime | None:
    """``<meta name="date">`` and kin (a bad value is an error), else the first ``<time>``."""
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").lower()
        if key in META_DATE and meta.get("content"):
            try:
                return parse_date(meta.get("content"))
            except ValueError as exc:
                raise ReaderError(f"<meta {key}>: {exc}", path=path, line=meta.sourceline) from None
    for time in root.iter("time"):
        try:
            return parse_date(time.get("datetime") or text_content(time))
        except ValueError:
            continue
    return None
