"""The sanitizer's own helpers, on small trees: what a page keeps of its root, head and body,
how fragments are parsed and written back, and which tags and attributes lxml may hold."""

from __future__ import annotations

import json

import lxml.html
from lxml import etree

from pressflow.render import sanitize


def _page(markup: str) -> etree._Element:
    return lxml.html.document_fromstring(markup)


def test_a_page_keeps_lang_and_dir_on_its_root_and_only_head_and_body_under_it() -> None:
    root = _page(
        '<html lang="ky" dir="ltr" onload="x()" class="c"><head></head><body></body></html>'
    )
    root.append(etree.Element("div"))
    sanitize.sanitize_page(root)
    assert dict(root.attrib) == {"lang": "ky", "dir": "ltr"}
    assert [child.tag for child in root] == ["head", "body"]


def test_the_body_keeps_its_text_its_allowed_markup_and_its_global_attributes() -> None:
    root = _page(
        '<html><body class="page" aria-label="Басма сөз" onclick="x()" style="color:red">'
        "Салам <b>дүйнө</b><script>alert(1)</script> &lt;эх&gt;</body></html>"
    )
    sanitize.sanitize_page(root)
    body = root.find("body")
    assert dict(body.attrib) == {"class": "page", "aria-label": "Басма сөз"}
    assert body.text == "Салам "
    assert [child.tag for child in body] == ["b"]
    assert body[0].text == "дүйнө" and body[0].tail == " <эх>"


def test_the_head_keeps_json_ld_re_encoded_and_drops_other_scripts_and_broken_data() -> None:
    data = {"headline": "</script><script>alert(1)</script>", "name": "Форум"}
    encoded = json.dumps(data).replace("</", "<\\/")  # as JSON may write it inside HTML
    root = _page(
        "<html><head><title>Форум</title>"
        '<script type="application/ld+json">{broken</script>'
        '<script>alert(1)</script><script type="text/javascript">alert(2)</script>'
        f'<script type="application/ld+json">{encoded}</script>'
        '<link rel="alternate" type="application/ld+json" href="/feed.json">'
        '<meta name="description" content="Басма сөз"></head><body></body></html>'
    )
    sanitize.sanitize_page(root)
    head = root.find("head")
    assert [child.tag for child in head] == ["title", "script", "link", "meta"]
    script = head[1]
    assert script.get("type") == "application/ld+json" and "</" not in script.text
    assert json.loads(script.text) == data
    assert head[2].get("href") == "/feed.json"


def test_a_fragment_is_parsed_as_body_or_head_content() -> None:
    text, nodes = sanitize.parse_fragment("Салам <b>дүйнө</b> жана <i>эл</i>")
    assert text == "Салам " and [n.tag for n in nodes] == ["b", "i"]
    assert (nodes[0].text, nodes[0].tail) == ("дүйнө", " жана ")
    text, nodes = sanitize.parse_fragment('<title>Т</title><meta name="a" content="b">', head=True)
    assert text == "" and [n.tag for n in nodes] == ["title", "meta"]


def test_inner_html_escapes_text_but_not_quotes_and_keeps_tails() -> None:
    node = lxml.html.fragment_fromstring('<p>say "hi" &amp; &lt;go&gt;<b>b</b> tail</p>')
    assert sanitize.inner_html(node) == 'say "hi" &amp; &lt;go&gt;<b>b</b> tail'
    assert sanitize.inner_html(etree.Element("p")) == ""


def test_replacing_content_sets_text_and_children() -> None:
    node = lxml.html.fragment_fromstring("<p>old<b>x</b></p>")
    child = etree.Element("i")
    sanitize.replace_content(node, "new ", [child])
    assert (node.text, list(node)) == ("new ", [child])
    sanitize.replace_content(node, "", [])
    assert (node.text, list(node)) == (None, [])


def test_tags_and_attributes_lxml_may_hold() -> None:
    assert sanitize.settable_tag("div") == "div"
    assert sanitize.settable_tag("javascript:x()") == "span"
    assert sanitize.inline_tag("B") == "b" and sanitize.inline_tag("DIV") == "span"
    attrs = [("title", "a\x01b"), ("bad name", "x"), ("onclick", "y"), (3, 4)]
    assert sanitize.settable_attrs(attrs) == [("title", "ab"), ("onclick", "y")]
    node = lxml.html.fragment_fromstring(
        '<p class="c" aria-hidden="true" onclick="x()" style="s" lang="ky">t</p>'
    )
    assert sanitize.allowed_attrs(node) == [("class", "c"), ("aria-hidden", "true"), ("lang", "ky")]


def test_json_ld_is_sorted_indented_unescaped_and_cannot_end_its_element() -> None:
    assert sanitize.json_ld({"b": "Форум", "a": ["</script>", "<!--"]}) == (
        '{\n "a": [\n  "<\\/script>",\n  "<\\u0021--"\n ],\n "b": "Форум"\n}'
    )


def test_the_head_keeps_safe_styles_and_meta_that_say_something() -> None:
    root = _page(
        "<html><head><style>p { color: red }</style><style>/* <b> */ p {}</style>"
        '<meta property="og:title" content="Форум"><meta content="nothing">'
        '<meta charset="utf-8"><meta name="description" content="Басма сөз"></head>'
        "<body></body></html>"
    )
    sanitize.sanitize_page(root)
    head = root.find("head")
    assert [(n.tag, n.text, dict(n.attrib)) for n in head] == [
        ("style", "p { color: red }", {}),
        ("meta", None, {"property": "og:title", "content": "Форум"}),
        ("meta", None, {"charset": "utf-8"}),
        ("meta", None, {"name": "description", "content": "Басма сөз"}),
    ]
    assert head.text == "\n"
    empty = _page("<html><head><script>x()</script></head><body></body></html>")
    sanitize.sanitize_page(empty)
    assert empty.find("head").text is None and len(empty.find("head")) == 0


def test_frames_and_objects_are_dropped_with_their_fallback_content() -> None:
    iframe = '<p>a</p><iframe src="https://x.example">Your browser cannot show frames</iframe>'
    assert sanitize.clean_html(iframe + "<p>b</p>") == "<p>a</p><p>b</p>"
    flash = '<object data="movie.swf"><p>Flash fallback</p></object><p>b</p>'
    assert sanitize.clean_html(flash) == "<p>b</p>"


def test_template_slots_are_kept_only_while_a_template_is_loaded() -> None:
    markup = '<html><body><p data-pressflow="body" class="c">x</p></body></html>'
    published, template = _page(markup), _page(markup)
    sanitize.sanitize_page(published)
    sanitize.sanitize_page(template, slots=True)
    assert dict(published.find("body")[0].attrib) == {"class": "c"}
    assert dict(template.find("body")[0].attrib) == {"data-pressflow": "body", "class": "c"}
