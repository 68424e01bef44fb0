"""The headline, the <time> elements and the short printed date lines around it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree
from lxml.html import HtmlElement as Element

from .mentions import MODIFIED, PUBLISHED
from .page_tree import RawDate, element_text, in_chrome

_DATEISH = re.compile(
    r"date|time|publish|posted|byline|tarikh|zaman|created|updated|modified|meta|info", re.IGNORECASE
)
_DATE_ITEMPROPS = ("datePublished", "dateModified", "dateCreated")
_MARKED = etree.XPath(".//*[@class or @id or @itemprop] | .//time | .//h1")  # filtered in C; _dateish decides
_NOT_DATES = re.compile(r"today|current-?date|access|weather|prayer|owghat|azan|ticker|timeline", re.I)
_MAX_DATE_LINE = 250  # characters: longer elements are prose or lists, not a date line
_MAX_NEAR_TEXT = 120
_LEVELS = 4  # ancestors of the headline searched when no <article>/<main> encloses it nearby
_MAX_LEVELS = 8  # how far up an enclosing <article>/<main> is looked for
_MAX_DISTANCE = 30  # marked elements between the headline and a date line, at most


def find_headline(tree: Element) -> Element | None:
    """The article's headline: the <h1> that best matches og:title/<title>, outside site chrome."""
    headings = [h for h in tree.xpath("//h1")[:10] if len(element_text(h)) >= 8 and not in_chrome(h)]
    if not headings:
        marked = tree.xpath('//*[@itemprop="headline"][not(self::meta)]')[:5]
        headings = [h for h in marked if element_text(h)]
    if not headings:
        return None
    if len(headings) == 1:
        return headings[0]
    titles = [m.get("content", "") for m in tree.xpath('//meta[@property="og:title"]')[:1]]
    titles += [t.text_content() for t in tree.xpath("//title")[:1]]
    title_words = set(" ".join(titles).split())

    def likeness(heading: Element) -> tuple[int, int]:
        text = element_text(heading)
        return len(set(text.split()) & title_words), len(text)

    return max(headings, key=likeness)


def time_dates(tree: Element, headline: Element | None) -> list[RawDate]:
    """<time datetime> elements marking the article's own dates (itemprop/pubdate, or near the headline)."""
    found: list[RawDate] = []
    region = _region(headline)
    for element in tree.xpath("//time[@datetime]"):
        marked = _marked_role(element)
        if in_chrome(element) and marked is None:
            continue
        if marked is None and region is not None and not _contains(region, element):
            continue
        found.append(RawDate(element.get("datetime", ""), "time", marked or _class_role(element)))
    found.sort(key=lambda raw: raw.role is None)
    return found[:4]


def visible_date_lines(tree: Element, headline: Element | None) -> list[RawDate]:
    """Short printed date lines, nearest to the headline first (whole article body when there is none)."""
    levels = list(_scopes(tree, headline))
    if not levels:
        return _texts_beside(headline) if headline is not None else []
    marked = _MARKED(levels[-1])
    at = next((i for i, element in enumerate(marked) if element is headline), None)
    ranked: list[tuple[int, int, Element]] = []
    for order, element in enumerate(marked):
        if at is None:  # no headline: the article/main/body element in document order
            ranked.append((0, order, element))
        elif element is not headline and abs(order - at) <= _MAX_DISTANCE:
            ranked.append((_level(element, levels), abs(order - at), element))
    ranked = [item for item in ranked if _dateish(item[2])]
    ranked.sort(key=lambda item: item[:2])
    lines = [raw for _, _, element in ranked[:40] if (raw := _date_line(element)) is not None]
    if headline is not None and not lines and levels[-1].tag in ("article", "main"):
        # Many CMSs print the date in a toolbar just outside the <article> that holds the headline.
        lines = _outside_article(levels, headline)
    if headline is not None and not lines:
        lines.extend(_texts_beside(headline))
    return lines[:12]


def _outside_article(levels: list[Element], headline: Element) -> list[RawDate]:
    """Date lines in the article element's parent, nearest the headline first."""
    parent = levels[-1].getparent()
    if parent is None or parent.tag in ("body", "html"):
        return []
    marked = _MARKED(parent)
    at = next((i for i, element in enumerate(marked) if element is headline), None)
    if at is None:
        return []
    near = sorted((abs(order - at), element) for order, element in enumerate(marked)
                  if element is not headline and abs(order - at) <= _MAX_DISTANCE and _dateish(element)
                  and not _contains(levels[-1], element))
    return [raw for _, element in near[:20] if (raw := _date_line(element)) is not None]


def _dateish(element: Element) -> bool:
    """An element whose class/id, tag or itemprop says it may hold a date."""
    if not isinstance(element.tag, str):
        return False
    if element.tag == "time" or element.get("itemprop") in _DATE_ITEMPROPS:
        return True
    marks = element.get("class"), element.get("id")
    return any(mark and _DATEISH.search(mark) for mark in marks)


def _level(element: Element, levels: list[Element]) -> int:
    """The index of the narrowest headline ancestor that holds the element."""
    for ancestor in element.iterancestors():
        if ancestor in levels:
            return levels.index(ancestor)
    return len(levels)


def _date_line(element: Element) -> RawDate | None:
    attributes = f"{element.get('class', '')} {element.get('id', '')}"
    itemprop = element.get("itemprop", "")
    if itemprop and itemprop not in ("datePublished", "dateModified", "dateCreated"):
        return None
    if _NOT_DATES.search(attributes) or in_chrome(element):
        return None
    text = element_text(element)
    if not text or len(text) > _MAX_DATE_LINE:
        return None
    role = {"dateModified": MODIFIED}.get(itemprop, PUBLISHED if itemprop else None) or _class_role(element)
    parent = element.getparent()
    wider = element_text(parent) if parent is not None else ""
    return RawDate(text, "text", role, wider if text != wider and len(wider) <= _MAX_DATE_LINE else None)


def _texts_beside(headline: Element) -> list[RawDate]:
    """Short texts just before and after the headline (and its parent), for pages with no date-ish classes."""
    texts: list[RawDate] = []
    for anchor in (headline, headline.getparent()):
        if anchor is None:
            continue
        neighbours = [*list(anchor.itersiblings())[:3], *list(anchor.itersiblings(preceding=True))[:2]]
        for element in neighbours:
            text = element_text(element)
            if text and len(text) <= _MAX_NEAR_TEXT and not in_chrome(element):
                texts.append(RawDate(text, "text", None))
    return texts


def _scopes(tree: Element, headline: Element | None) -> Iterator[Element]:
    """Ever wider ancestors of the headline; the article/main element or body when there is no headline."""
    if headline is None:
        yield from tree.xpath("//article")[:1] or tree.xpath("//main")[:1] or tree.xpath("//body")[:1]
        return
    yield from _ancestors_near(headline)


def _ancestors_near(headline: Element) -> list[Element]:
    """The headline's ancestors up to its <article>/<main> (within eight levels), else four; never <body>."""
    chain: list[Element] = []
    for ancestor in headline.iterancestors():
        if ancestor.tag in ("body", "html") or len(chain) == _MAX_LEVELS:
            break
        chain.append(ancestor)
        if ancestor.tag in ("article", "main"):
            return chain
    return chain[:_LEVELS]


def _region(headline: Element | None) -> Element | None:
    """The widest ancestor searched around the headline."""
    chain = _ancestors_near(headline) if headline is not None else []
    return chain[-1] if chain else None


def _contains(ancestor: Element, element: Element) -> bool:
    return any(a is ancestor for a in element.iterancestors())


def _marked_role(element: Element) -> str | None:
    itemprop = element.get("itemprop", "")
    if itemprop in ("datePublished", "dateCreated") or element.get("pubdate") is not None:
        return PUBLISHED
    if itemprop == "dateModified":
        return MODIFIED
    return None


def _class_role(element: Element) -> str | None:
    attributes = f"{element.get('class', '')} {element.get('id', '')}".lower()
    if "updated" in attributes or "modified" in attributes:
        return MODIFIED
    if "publish" in attributes or "posted" in attributes or "created" in attributes:
        return PUBLISHED
    return None
