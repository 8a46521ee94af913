"""Safety rules in one place: which link targets, attributes and elements may reach a page.

Text is escaped by construction (lxml builds elements; nothing is concatenated into markup). What
remains dangerous is structure that comes from outside: link targets and attributes restored from
a release, HTML sources and templates, and the one inline script (JSON-LD). Those pass here.
"""

from __future__ import annotations

import json
import re
from typing import Any

from lxml import etree

#: Schemes a link may use; anything else with a scheme (javascript:, data:, vbscript:…) is dropped.
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
#: Attributes whose value is a URL.
URL_ATTRS = frozenset({"href", "src", "action", "formaction", "cite", "poster", "background"})
#: Inline elements a placeholder may be restored as; any other tag becomes a ``span``.
INLINE_TAGS = frozenset(
    {
        *("a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em"),
        *("i", "img", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong"),
        *("sub", "sup", "time", "u", "var", "wbr"),
    }
)
#: Elements removed from HTML sources and templates, with their content.
DROP_TAGS = frozenset(
    {"script", "iframe", "object", "embed", "frame", "frameset", "applet", "base"}
)
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")
_RAW_ATTR = re.compile(r"^(on|srcdoc$|formaction$)", re.IGNORECASE)


def safe_url(url: str) -> str | None:
    """The URL if it is relative or uses http, https or mailto; ``None`` otherwise.

    Browsers ignore control characters and whitespace inside a scheme (``java\\tscript:``), so the
    scheme is read with those removed.
    """
    compact = _IGNORED_IN_URL.sub("", url)
    match = _SCHEME.match(compact)
    if match is None:
        return url.strip()
    return url.strip() if match.group(1).lower() in SAFE_SCHEMES else None


def clean_attrs(attrs: Any) -> list[tuple[str, str]]:
    """Attributes with event handlers and unsafe URLs removed, order kept (deterministic)."""
    items = attrs.items() if hasattr(attrs, "items") else attrs
    kept: list[tuple[str, str]] = []
    for name, value in items:
        key = str(name)
        if _RAW_ATTR.match(key) or not _valid_name(key):
            continue
        if key.lower() in URL_ATTRS:
            url = safe_url(str(value))
            if url is None:
                continue
            value = url
        if key.lower() == "srcset" and any(safe_url(p) is None for p in str(value).split(",")):
            continue
        kept.append((key, str(value)))
    return kept


def _valid_name(name: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z_:][-A-Za-z0-9_:.]*", name))


def inline_tag(tag: str) -> str:
    """The tag to restore a placeholder as: itself if it is a harmless inline element."""
    tag = tag.lower()
    return tag if tag in INLINE_TAGS else "span"


def json_ld(data: dict[str, Any]) -> str:
    """Serialized JSON that cannot end its ``<script>`` early: ``</`` becomes ``<\\/``.

    ``<!--`` is escaped too, since it would switch the HTML tokenizer into a state where a later
    ``</script>`` is not seen. Keys are sorted so the same data gives the same bytes.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)
    return text.replace("</", "<\\/").replace("<!--", "<\\u0021--")


def sanitize_tree(root: etree._Element) -> None:
    """Remove scripts, frames, event handlers, refresh redirects and unsafe URLs from a document."""
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            if isinstance(el, etree._Comment | etree._ProcessingInstruction):
                _drop(el)
            continue
        tag = el.tag.lower()
        if tag in DROP_TAGS or (
            tag == "meta" and (el.get("http-equiv") or "").lower() == "refresh"
        ):
            _drop(el)
            continue
        kept = clean_attrs(el.attrib)
        if len(kept) != len(el.attrib):
            el.attrib.clear()
            for name, value in kept:
                el.set(name, value)


def _drop(el: etree._Element) -> None:
    """Remove an element and its content but keep the text that followed it."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail or ""
    prev = el.getprevious()
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)
