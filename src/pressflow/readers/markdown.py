"""Markdown releases: YAML front matter for the metadata, markdown-it for the body.

The body is rendered to HTML by markdown-it and then read by the HTML reader, so that Markdown
and HTML releases share one placeholder scheme and one way to rebuild a page: a block's locator
is an XPath into ``parse_html(body_html(source))``. markdown-it's source maps are written into the
rendered HTML as ``data-pf-line`` attributes and become ``Block.line`` (lines of the ``.md`` file).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

import yaml
from markdown_it import MarkdownIt

from ..errors import ReaderError
from ..model import Block, Problem, Release
from ..slugs import check_slug
from .dates import parse_date
from .html import extract, parse_or_fail
from .placeholders import placeholder_problems, plain_text
from .roles import StructureRules, assign_roles, default_rules
from .source import split_lines

LINE_ATTR = "data-pf-line"
#: Front matter keys pressflow understands; others are reported, not fatal.
KNOWN_KEYS = ("title", "date", "slug", "summary", "tags", "contact", "author")
_FENCES = ("---",)
_CLOSERS = ("---", "...")
_FIRST_TAG = re.compile(r"^\s*<[A-Za-z][\w-]*")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class FrontMatter:
    """The parsed front matter, the body after it and where things were in the file."""

    meta: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    offset: int = 0  # file line = body line + offset
    key_lines: dict[str, int] = field(default_factory=dict)


class _Loader(yaml.SafeLoader):
    """Safe YAML that leaves dates as text: pressflow parses them itself, with the line, rather
    than letting YAML raise a bare ``ValueError`` on ``2020-13-45``."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def split_front_matter(source: str, *, path: str) -> FrontMatter:
    """Separate a leading ``---`` YAML block from the body; every flaw is a ``ReaderError``."""
    lines = split_lines(source)
    if lines[0].rstrip() not in _FENCES:
        return FrontMatter(body=source)
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in _CLOSERS), None)
    if end is None:
        raise ReaderError(
            "front matter is never closed: add a '---' line after it", path=path, line=1
        )
    text = "\n".join(lines[1:end])
    try:
        meta = yaml.load(text, Loader=_Loader)  # safe: _Loader is a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 2 if mark is not None else 2
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ReaderError(
            f"front matter is not valid YAML: {reason}", path=path, line=line
        ) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ReaderError(
            f"front matter must be 'key: value' lines, not a {type(meta).__name__}",
            path=path,
            line=2,
        )
    key_lines: dict[str, int] = {}
    for number, line in enumerate(lines[1:end], start=2):
        found = re.match(r"^([^\s:#][^:]*?)\s*:", line)
        if found:
            key_lines.setdefault(found.group(1).strip("'\""), number)
    for key, value in meta.items():
        control = _CONTROL.search(str(value))
        if control is not None:  # only a YAML escape can put one there; no catalog may hold it
            raise ReaderError(
                f"front matter {key!r} holds a control character (U+{ord(control.group()):04X})",
                path=path,
                line=key_lines.get(str(key), 2),
            )
    return FrontMatter(
        meta={str(k): v for k, v in meta.items()},
        body="\n".join(lines[end + 1 :]),
        offset=end + 1,
        key_lines=key_lines,
    )


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def render_body(body: str, *, offset: int | None = None) -> str:
    """Body Markdown to HTML; with ``offset``, block elements carry their file line."""
    md = _parser()
    tokens = md.parse(body)
    if offset is not None:
        for token in tokens:
            if token.map and token.nesting == 1:
                token.attrSet(LINE_ATTR, str(token.map[0] + 1 + offset))
            elif token.map and token.type == "html_block":
                found = _FIRST_TAG.match(token.content)
                if found:
                    mark = f' {LINE_ATTR}-raw="{token.map[0] + 1 + offset}"'
                    cut = found.end()
                    token.content = token.content[:cut] + mark + token.content[cut:]
    return md.renderer.render(tokens, md.options, {})


def body_html(source: str, *, path: str = "") -> str:
    """The HTML whose ``parse_html`` tree the locators of a Markdown release point into."""
    return render_body(split_front_matter(source, path=path).body)


def _text(meta: dict[str, Any], key: str, fm: FrontMatter, path: str) -> str:
    value = meta.get(key)
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        raise ReaderError(f"front matter {key!r} must be text", path=path, line=_at(fm, key))
    return str(value).strip()


def _at(fm: FrontMatter, key: str) -> int:
    return fm.key_lines.get(key, 2)


def _date(fm: FrontMatter, path: str) -> datetime | None:
    value = fm.meta.get("date")
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    try:
        return parse_date(str(value))
    except ValueError as exc:
        raise ReaderError(f"front matter date: {exc}", path=path, line=_at(fm, "date")) from None


def _tags(fm: FrontMatter, path: str) -> tuple[str, ...]:
    value = fm.meta.get("tags")
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(t.strip() for t in value.split(",") if t.strip())
    if isinstance(value, list) and all(not isinstance(t, (dict, list)) for t in value):
        return tuple(str(t).strip() for t in value)
    raise ReaderError(
        "front matter 'tags' must be a list of words", path=path, line=_at(fm, "tags")
    )


def read_markdown(
    source: str, *, slug: str, path: str, lang: str, rules: StructureRules | None = None
) -> Release:
    """Read a Markdown release (``source`` already decoded)."""
    fm = split_front_matter(source, path=path)
    meta = fm.meta
    title = _text(meta, "title", fm, path)
    summary = _text(meta, "summary", fm, path)
    contact = _text(meta, "contact", fm, path)
    if meta.get("slug") is not None:
        slug = check_slug(_text(meta, "slug", fm, path), path=path, line=_at(fm, "slug"))
    problems = tuple(
        Problem(
            check="front-matter",
            severity="warning",
            message=f"unknown front matter key {key!r} ignored",
            path=path,
            line=_at(fm, key),
        )
        for key in meta
        if key not in KNOWN_KEYS
    )
    head: list[Block] = []
    if title:
        head.append(Block(0, "title", title, _at(fm, "title"), attr="title"))
    if summary:
        head.append(Block(0, "meta", summary, _at(fm, "summary"), attr="summary"))
    body: tuple[Block, ...] = ()
    if fm.body.strip():
        root = parse_or_fail(render_body(fm.body, offset=fm.offset), path=path)
        body = extract(root, line_attr=LINE_ATTR, image_kind="caption")
    if title:
        body = tuple(replace(b, kind="heading") if b.kind == "title" else b for b in body)
    else:
        title = next((plain_text(b.text) for b in body if b.kind == "title"), "")
    body, roles = assign_roles(body, rules or default_rules(), path=path)
    blocks = tuple(replace(b, index=i) for i, b in enumerate((*head, *body)))
    if not blocks:
        raise ReaderError("no translatable text in the release", path=path, line=1)
    return Release(
        slug=slug,
        path=path,
        lang=lang,
        title=title or slug,
        blocks=blocks,
        date=_date(fm, path),
        format="md",
        summary=summary,
        tags=_tags(fm, path),
        contact=contact,
        source=source,
        author=_text(meta, "author", fm, path),
        problems=(*problems, *roles, *placeholder_problems(blocks, path=path)),
    )
