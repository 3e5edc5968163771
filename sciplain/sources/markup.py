"""Inline markup in titles and abstracts, reduced to plain text and to a safe HTML subset.

PubMed and Europe PMC print italics (gene and species names), super- and subscripts
(units, isotopes) and MathML inside titles. The site shows ``title_html``
unescaped, so only i, b, sup and sub survive and every other character is escaped.
"""

from __future__ import annotations

from html import escape

from lxml import etree, html

from .text import squash

SAFE_TAGS = frozenset({"i", "b", "sup", "sub"})
_MATHML = "{http://www.w3.org/1998/Math/MathML}"


def element_text(element: etree._Element | None) -> str:
    """Plain text of an element, inline markup and MathML included as their text."""
    if element is None:
        return ""
    return squash(element.text if len(element) == 0 else "".join(element.itertext()))


def element_html(element: etree._Element) -> str:
    """The element's content as safe HTML: i, b, sup, sub kept; MathML as its text."""
    parts: list[str] = []
    _html(element, parts)
    return squash("".join(parts))


def fragment(markup: str) -> tuple[str, str]:
    """Plain text and safe HTML of an HTML string such as a Europe PMC title."""
    if "<" not in markup and "&" not in markup:
        text = squash(markup)
        return text, escape(text, quote=False)
    root = html.fragment_fromstring(markup, create_parent="div")
    return element_text(root), element_html(root)


def _html(element: etree._Element, parts: list[str]) -> None:
    if element.text:
        parts.append(escape(element.text, quote=False))
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag.startswith((_MATHML, "mml:")) or tag == "math":
            parts.append(escape(squash("".join(child.itertext())), quote=False))
        elif tag in SAFE_TAGS:
            parts.append(f"<{tag}>")
            _html(child, parts)
            parts.append(f"</{tag}>")
        elif tag:
            _html(child, parts)
        if child.tail:
            parts.append(escape(child.tail, quote=False))
