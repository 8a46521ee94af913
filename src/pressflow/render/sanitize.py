"""What may reach a published page: an allowlist, enforced by nh3 (Rust's ammonia), on every page.

lxml builds pages, but libxml2 does not parse HTML as a browser does (``<style>`` inside ``<svg>``
is raw text to it, markup to a browser), so a walk over lxml's tree cannot tell what a browser
will run. Every page is therefore rebuilt, as the last step before it is written, from what
ammonia keeps of it: ammonia parses with html5ever (the HTML5 algorithm browsers use), keeps only
the elements and attributes listed below, checks URL attributes by scheme, and serializes text
escaped. Foreign content (``svg``, ``math``) and every element whose content is not parsed as
ordinary HTML (``script``, ``style``, ``textarea``, ``noscript``…) is dropped with its content;
other unlisted elements are dropped and their text kept. The one script a page ships is
pressflow's JSON-LD, re-encoded here so that it cannot end its element.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from typing import Any

import lxml.html
import nh3
from lxml import etree

#: Schemes a URL attribute may use; anything else with a scheme (javascript:, data:…) is dropped.
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
#: Attributes allowed on every element (``aria-*`` too); none of them holds a URL or a script.
GLOBAL_ATTRS = frozenset({"class", "id", "title", "lang", "dir", "translate", "role"})
GLOBAL_PREFIXES = frozenset({"aria-"})
#: Elements a page body may hold, with the attributes each may have besides the global ones.
BODY: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        (
            *("abbr", "address", "article", "aside", "b", "bdi", "bdo", "br", "caption", "cite"),
            *("code", "dd", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "footer"),
            *("h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "i", "kbd", "main"),
            *("mark", "nav", "p", "pre", "rp", "rt", "ruby", "s", "samp", "section", "small"),
            *("span", "strong", "sub", "summary", "sup", "table", "tbody", "tfoot", "thead"),
            *("tr", "u", "ul", "var", "wbr"),
        ),
        frozenset(),
    ),
    "a": frozenset({"href", "hreflang", "rel"}),
    "img": frozenset({"src", "alt", "width", "height", "loading", "decoding"}),
    "time": frozenset({"datetime"}),
    "data": frozenset({"value"}),
    "del": frozenset({"datetime", "cite"}),
    "ins": frozenset({"datetime", "cite"}),
    "q": frozenset({"cite"}),
    "blockquote": frozenset({"cite"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "td": frozenset({"colspan", "rowspan", "headers"}),
    "th": frozenset({"colspan", "rowspan", "headers", "scope", "abbr"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "details": frozenset({"open"}),
}
#: Elements a page head may hold (``style`` only with no ``<`` in it: see ``_head_style_ok``).
HEAD: dict[str, frozenset[str]] = {
    "title": frozenset(),
    "meta": frozenset({"name", "property", "content", "charset"}),
    "link": frozenset({"href", "hreflang", "type", "media", "sizes", "title"}),
    "style": frozenset({"media"}),
}
#: ``rel`` values a head ``<link>`` may have (no preloading of scripts, no imports).
LINK_RELS = frozenset(
    {
        *("stylesheet", "icon", "alternate", "canonical", "author", "license"),
        *("apple-touch-icon", "prev", "next"),
    }
)
#: Elements whose content is not ordinary HTML text (raw text, foreign content, inert or
#: embedded documents): dropped with all they hold, and never a template slot.
NOT_TEXT = frozenset(
    {
        *("script", "style", "template", "svg", "math", "iframe", "object", "embed", "applet"),
        *("noscript", "textarea", "title", "xmp", "noembed", "noframes", "plaintext"),
        *("frameset", "frame", "select", "option", "optgroup", "datalist"),
    }
)
#: Inline elements a placeholder may be restored as in a laid-out block; others become ``span``.
INLINE_TAGS = frozenset(
    {
        *("a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em"),
        *("i", "img", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong"),
        *("sub", "sup", "time", "u", "var", "wbr"),
    }
)
#: The attribute that marks a template slot (allowed only while a template is being checked).
SLOT_ATTR = "data-pressflow"

# Not allowed in XML, and so not in an lxml tree: C0 controls other than tab, LF and CR.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_NAME = re.compile(r"[A-Za-z_:][-A-Za-z0-9_:.]*")
_PARSER = lxml.html.HTMLParser(
    encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True
)
_JSON_LD = "application/ld+json"


_Allowed = dict[str, frozenset[str]]


# Runs at import (the cleaners below), before a mutation tool can switch a mutant on: the
# hand-planted mutants of benchmarks/mutation.py change its arguments instead.
def _cleaner(allowed: _Allowed, *, slots: bool = False) -> nh3.Cleaner:  # pragma: no mutate block
    generic = GLOBAL_ATTRS | ({SLOT_ATTR} if slots else frozenset())
    attributes = {tag: set(attrs) for tag, attrs in allowed.items() if attrs}
    attributes["*"] = set(generic)
    values = {"link": {"rel": set(LINK_RELS)}} if "link" in allowed else None
    return nh3.Cleaner(
        tags=set(allowed),
        clean_content_tags=set(NOT_TEXT - set(allowed)),
        attributes=attributes,
        generic_attribute_prefixes=set(GLOBAL_PREFIXES),
        tag_attribute_values=values,
        url_schemes=set(URL_SCHEMES),
        strip_comments=True,
        link_rel=None,
    )


_BODY = _cleaner(BODY)
_HEAD = _cleaner(HEAD)
_TEMPLATE_BODY = _cleaner(BODY, slots=True)
_TEMPLATE_HEAD = _cleaner(HEAD, slots=True)
_LINK = nh3.Cleaner(tags={"a"}, attributes={"a": {"href"}}, url_schemes=set(URL_SCHEMES))


def xml_text(value: str) -> str:
    """``value`` without the control characters lxml refuses (browsers ignore them anyway)."""
    return _CONTROLS.sub("", value)


def clean_html(markup: str, *, head: bool = False, slots: bool = False) -> str:
    """The allowlisted part of an HTML fragment, as HTML; controls removed *before* parsing, so
    that removing them cannot join a scheme (``java\\x0escript:``) after the check."""
    cleaner = (_TEMPLATE_HEAD if slots else _HEAD) if head else (_TEMPLATE_BODY if slots else _BODY)
    out = cleaner.clean(xml_text(markup))
    while _CONTROLS.search(out):  # a control written as a character reference
        out = cleaner.clean(xml_text(out))
    return out


def safe_url(url: str) -> str | None:
    """The URL (stripped) if a link may point to it: relative, or a scheme in ``URL_SCHEMES``."""
    value = xml_text(url).strip()
    kept = _LINK.clean(f'<a href="{html.escape(value)}"></a>')
    return value if "href=" in kept else None


def settable_attrs(attrs: Iterable[tuple[Any, Any]]) -> list[tuple[str, str]]:
    """Attributes lxml can hold (a valid name, no control characters); the page's sanitizer
    decides later which of them are published."""
    return [(str(k), xml_text(str(v))) for k, v in attrs if _NAME.fullmatch(str(k))]


def settable_tag(tag: str) -> str:
    """``tag`` if lxml can create an element of that name (a parsed page may hold
    ``<javascript:x()>``), else ``span``."""
    return tag if _NAME.fullmatch(tag) else "span"


def inline_tag(tag: str) -> str:
    """The tag to restore a placeholder as: itself if it is a harmless inline element."""
    tag = tag.lower()
    return tag if tag in INLINE_TAGS else "span"


def allowed_attrs(node: etree._Element) -> list[tuple[str, str]]:
    """The global-allowlist attributes of ``node`` (for ``<body>``, which ammonia never sees)."""
    return [
        (k, xml_text(v))
        for k, v in node.attrib.items()
        if k in GLOBAL_ATTRS or any(k.startswith(p) for p in GLOBAL_PREFIXES)
    ]


def json_ld(data: dict[str, Any]) -> str:
    """Serialized JSON that cannot end its ``<script>`` early: ``</`` becomes ``<\\/``.

    ``<!--`` is escaped too, since it would switch the HTML tokenizer into a state where a later
    ``</script>`` is not seen. Keys are sorted so the same data gives the same bytes.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)
    return text.replace("</", "<\\/").replace("<!--", "<\\u0021--")


def inner_html(node: etree._Element) -> str:
    """The content of ``node`` as HTML, as lxml would write it."""
    parts = [html.escape(node.text or "", quote=False)]
    parts += [
        etree.tostring(child, method="html", encoding="unicode", with_tail=True) for child in node
    ]
    return "".join(parts)


def parse_fragment(markup: str, *, head: bool = False) -> tuple[str, list[etree._Element]]:
    """``markup`` parsed as the content of ``<head>`` or ``<body>``: leading text and elements."""
    inside = f"<head>{markup}</head><body>" if head else f"<head></head><body>{markup}"
    root = lxml.html.document_fromstring(f"<html>{inside}</body></html>".encode(), parser=_PARSER)
    holder = root.find("head" if head else "body")
    if holder is None:
        return "", []
    return ("" if head else holder.text or ""), list(holder)


def replace_content(node: etree._Element, text: str, children: list[etree._Element]) -> None:
    """Give ``node`` this text and these children instead of its own."""
    for child in list(node):
        node.remove(child)
    node.text = text or None
    node.extend(children)


def sanitize_page(root: etree._Element, *, slots: bool = False) -> None:
    """Rebuild a page's head and body, in place, from what the allowlist keeps of them; with
    ``slots`` (a template being loaded) template slots are kept too."""
    for name in list(root.attrib):
        if name not in ("lang", "dir"):
            del root.attrib[name]
    for child in list(root):
        if child.tag not in ("head", "body"):
            root.remove(child)
    head, body = root.find("head"), root.find("body")
    if head is not None:
        _sanitize_head(head, slots=slots)
    if body is not None:
        text, children = parse_fragment(clean_html(inner_html(body), slots=slots))
        replace_content(body, text, children)
        _keep_attrs(body, allowed_attrs(body))


def _keep_attrs(node: etree._Element, attrs: list[tuple[str, str]]) -> None:
    node.attrib.clear()
    for key, value in attrs:
        node.set(key, value)


def _sanitize_head(head: etree._Element, *, slots: bool) -> None:
    """Each head element through the head allowlist; pressflow's JSON-LD re-encoded."""
    kept: list[etree._Element] = []
    for child in head:
        if child.tag == "script" and child.get("type") == _JSON_LD:
            try:
                data = json.loads(child.text or "")
            except ValueError:
                continue
            script = etree.Element("script", type=_JSON_LD)
            script.text, script.tail = json_ld(data), child.tail
            kept.append(script)
            continue
        markup = clean_html(_outer_html(child), head=True, slots=slots)
        _, nodes = parse_fragment(markup, head=True)
        kept += [n for n in nodes if _head_element_ok(n)]
    replace_content(head, "\n" if kept else "", kept)


def _outer_html(node: etree._Element) -> str:
    return etree.tostring(node, method="html", encoding="unicode", with_tail=True)


def _head_element_ok(node: etree._Element) -> bool:
    """A style sheet whose text could end its element, a meta that says nothing: left out."""
    if node.tag == "style":
        return "<" not in (node.text or "")
    if node.tag == "meta":
        return any(node.get(k) for k in ("name", "property", "charset", SLOT_ATTR))
    return isinstance(node.tag, str)
