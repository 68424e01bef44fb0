"""Remove reader-comment containers that trafilatura's own comment patterns miss.

trafilatura drops containers whose class *starts* with "comment"; generated class lists put the word
anywhere ("x8Fq2 Comment", "post-item comments"). A container with a whole class or id token
"comment"/"comments" is dropped too, unless it holds most of the page's text (a page-wide wrapper).
"""

from __future__ import annotations

from lxml import etree

# contains() runs in libxml2; the whole-token test is then made in Python on the few candidates.
_CANDIDATES = etree.XPath(
    "//*[self::div or self::section or self::aside or self::ol or self::ul or self::li or self::article]"
    "[contains(@class, 'omment') or contains(@id, 'omment')]"
)
_CLASS_TOKENS = {"comment", "comments"}


def _is_comment_container(elem: etree._Element) -> bool:
    tokens = {token.casefold() for token in (elem.get("class") or "").split()}
    return bool(tokens & _CLASS_TOKENS) or (elem.get("id") or "").casefold() in _CLASS_TOKENS


# A container holding at least this share of the page's paragraph text is the page, not its comments.
PAGE_SHARE = 0.5


def _paragraph_chars(elem: etree._Element) -> int:
    return sum(len(p.text_content()) for p in elem.iter("p"))


def drop_comment_containers(tree: etree._Element) -> int:
    """Remove comment containers from the tree in place; returns how many were removed."""
    found = [elem for elem in _CANDIDATES(tree) if _is_comment_container(elem)]
    if not found:
        return 0
    page = _paragraph_chars(tree) or 1
    removed = 0
    for elem in found:
        parent = elem.getparent()
        if parent is None or elem.find(".//h1") is not None or _paragraph_chars(elem) >= PAGE_SHARE * page:
            continue  # the headline or most of the text inside: this is the article, not its comments
        previous, tail = elem.getprevious(), elem.tail
        parent.remove(elem)
        if tail and tail.strip():  # text that follows the container stays
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        removed += 1
    return removed
