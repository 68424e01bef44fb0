"""Recover the standfirst: the lead paragraph printed under the headline that precision mode drops.

News pages print their summary between the headline and the body (``<p class="lead">``,
``<h2 class="subtitle">``, an excerpt block). trafilatura's precision mode often prunes that
element as a teaser, and the same text is the page's own description (``og:description``,
``<meta name="description">``, JSON-LD). So when the declared description is printed as a
visible paragraph of the page and the extraction does not have it, it is put back in front of
the body. A description that is not printed in the page (an SEO summary) is never added.
"""

from __future__ import annotations

import re

from lxml import etree

from .blocks import Line
from .textnorm import word_weight, words_key

# Shorter descriptions are labels ("News from the coast"), not leads.
MIN_LEAD_WORDS = 8
# The printed lead may run on past a description cut short with an ellipsis, up to this factor.
TRUNCATED_GROWTH = 3.0
_ELLIPSIS = ("…", "...", "[…]", "[...]")
_WORD_RE = re.compile(r"\w+")
_CANDIDATE_TAGS = ("p", "h2", "h3", "h4", "div", "span", "strong", "em", "b")
_BLOCK_CHILDREN = {"p", "div", "ul", "ol", "table", "section", "article", "h1", "h2", "h3", "h4"}
_INVISIBLE = {"head", "script", "style", "noscript", "template", "a", "button", "select", "option", "figcaption"}


def _hidden(elem: etree._Element) -> bool:
    """Whether the element or an ancestor is not shown to readers."""
    for node in elem.iterancestors():
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _INVISIBLE or node.get("hidden") is not None or node.get("aria-hidden") == "true":
            return True
        if "display:none" in (node.get("style") or "").replace(" ", ""):
            return True
    return False


_TEXT_WITH = etree.XPath("//body//text()[contains(., $word)]")
# How far above the text node that starts the lead its element may be (<p><strong>ROME</strong> — …).
_ANCESTOR_LEVELS = 3


def _candidates(tree: etree._Element, first_word: str) -> list[etree._Element]:
    """Elements near the text nodes holding the description's first word, nearest first, no repeats."""
    seen: set[etree._Element] = set()
    found = []
    for node in _TEXT_WITH(tree, word=first_word)[:50]:
        elem = node.getparent()
        for _ in range(_ANCESTOR_LEVELS):
            if elem is None:
                break
            if elem not in seen and isinstance(elem.tag, str) and elem.tag in _CANDIDATE_TAGS:
                seen.add(elem)
                found.append(elem)
            elem = elem.getparent()
    return found


def _printed(tree: etree._Element, wanted: str, first_word: str, truncated: bool) -> str | None:
    """The text of a visible element of `tree` that prints the description (None if none does)."""
    limit = int(len(wanted) * TRUNCATED_GROWTH) if truncated else len(wanted) + 8
    for elem in _candidates(tree, first_word):
        if elem.tag in ("div", "span") and any(
            isinstance(child.tag, str) and child.tag in _BLOCK_CHILDREN for child in elem
        ):
            continue
        text = " ".join(elem.text_content().split())
        if not text or len(text) < len(wanted) // 2:
            continue
        key = words_key(text)
        if len(key) > limit or not key.startswith(wanted):
            continue
        if (truncated or key == wanted) and not _hidden(elem):
            return text
    return None


def recover_lead(tree: etree._Element, description: str | None, lines: list[Line], title: str | None) -> Line | None:
    """The printed lead paragraph missing from `lines`, or None.

    It must be the page's declared description (or start with it, when the description is cut short
    with an ellipsis), printed in a visible element outside links, buttons and captions.
    """
    if not description or word_weight(description) < MIN_LEAD_WORDS:
        return None
    stripped = description.strip()
    truncated = stripped.endswith(_ELLIPSIS)
    for mark in _ELLIPSIS:
        stripped = stripped.removesuffix(mark)
    wanted = words_key(stripped)
    if not wanted or wanted in words_key("".join(line.text for line in lines)):
        return None
    first_word = _WORD_RE.search(stripped)
    text = _printed(tree, wanted, first_word.group(), truncated) if first_word else None
    if text is None or (title and words_key(text) == words_key(title)):
        return None
    return Line(text, "p")


def with_lead(lines: list[Line], lead: Line | None, title: str | None) -> list[Line]:
    """`lines` with the lead put in front of the body (after a leading headline line)."""
    if lead is None:
        return lines
    at = 1 if lines and title and words_key(lines[0].text) == words_key(title) else 0
    return [*lines[:at], lead, *lines[at:]]


__all__ = ["recover_lead", "with_lead"]
