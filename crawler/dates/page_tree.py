"""The parsed article page: its tree, declared language, element text, and what counts as site chrome."""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
from lxml import etree
from lxml.html import HtmlElement as Element


@dataclass(frozen=True)
class RawDate:
    """A date string as a page states it, before it is read."""

    text: str
    origin: str  # json-ld | meta | time | text
    role: str | None  # None: the labels printed in the text decide
    wider: str | None = None  # the enclosing element's short text, where a time may sit beside the date


def parse_page(html: str) -> Element | None:
    """The page's element tree, or None for an empty or unparsable page."""
    if not html or not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def page_language(tree: Element) -> str | None:
    """The primary language subtag of <html lang>, if declared."""
    lang = tree.get("lang") or tree.get("xml:lang") or ""
    return lang.split("-")[0].split("_")[0].strip().lower() or None

_CHROME = {"nav", "footer", "aside"}
_CHROME_MARKS = re.compile(r"(?<![a-z])(?:comments?|related|sidebar|widget|popular|most-?read)", re.I)


def element_text(element: Element) -> str:
    if not isinstance(element.tag, str):
        return ""  # comments and processing instructions
    return " ".join(" ".join(element.itertext()).split())  # text of adjacent elements kept apart


def in_chrome(element: Element) -> bool:
    """Inside navigation, footer, sidebar, comments, related lists, or a header outside the article."""
    for ancestor in element.iterancestors():
        tag = ancestor.tag if isinstance(ancestor.tag, str) else ""
        if tag in _CHROME:
            return True
        if tag == "header" and not any(a.tag in ("article", "main") for a in ancestor.iterancestors()):
            return True
        marks = f"{ancestor.get('class', '')} {ancestor.get('id', '')}"
        if marks != " " and _CHROME_MARKS.search(marks):
            return True
    return False
