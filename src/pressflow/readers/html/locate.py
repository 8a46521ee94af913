"""Where a block of a parsed page lives: its runs and the elements its placeholders stand for,
so that the renderer replaces exactly what the reader read (the same rules, from ``tree``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...model import Block
from .tree import boundary, empty_inline, is_element

if TYPE_CHECKING:
    import lxml.html


def runs(container: lxml.html.HtmlElement) -> list[tuple[str, list]]:
    """The runs of ``container``: (leading text, inline child nodes) split at block-level children.

    Comments and processing instructions count as inline nodes (their tails carry text).
    """
    result: list[tuple[str, list]] = [(container.text or "", [])]
    for child in container:
        if boundary(child):
            result.append((child.tail or "", []))
        else:
            result[-1][1].append(child)
    return result


def run_placeholders(nodes: list) -> list[lxml.html.HtmlElement]:
    """Elements that placeholders 1, 2… of a run stand for, in the reader's numbering order."""
    found: list[lxml.html.HtmlElement] = []

    def walk(items: list) -> None:
        for node in items:
            if not is_element(node):
                continue
            found.append(node)
            if not empty_inline(node):
                walk(list(node))

    walk(nodes)
    return found


@dataclass(frozen=True)
class Target:
    """Where a block lives in a parsed page: the element, the attribute or the run, the inlines."""

    element: lxml.html.HtmlElement
    attr: str = ""
    run: int = 0
    anchor: lxml.html.HtmlElement | None = None  # block-level child whose tail starts run > 0
    nodes: tuple = ()  # the run's child nodes, to be replaced by the translated run
    placeholders: tuple = ()  # placeholders[i] is the element for placeholder i + 1


def locate_block(root: lxml.html.HtmlElement, block: Block) -> Target:
    """Resolve ``block.locator`` in a tree from ``parse_html``; resolve all before changing any."""
    xpath, _, run = block.locator.partition("#")
    found = root.getroottree().xpath(xpath)
    if not found:
        raise LookupError(f"block {block.index}: {block.locator!r} not found")
    element = found[0]
    if block.attr:
        return Target(element=element, attr=block.attr)
    index = int(run or 0)
    _text, nodes = runs(element)[index]
    anchor = [c for c in element if boundary(c)][index - 1] if index else None
    return Target(
        element=element,
        run=index,
        anchor=anchor,
        nodes=tuple(nodes),
        placeholders=tuple(run_placeholders(nodes)),
    )
