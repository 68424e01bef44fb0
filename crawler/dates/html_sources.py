"""Where an article page states its dates: JSON-LD, meta tags, microdata, <time>, lines near the headline."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

import lxml.html
from lxml import etree
from lxml.html import HtmlElement as Element

from .mentions import MODIFIED, PUBLISHED


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


# ---- JSON-LD -------------------------------------------------------------------------------------------

_ARTICLE_TYPES = {
    "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "liveblogposting", "socialmediaposting",
    "report", "techarticle", "scholarlyarticle",
}
_PAGE_TYPES = {"webpage", "itempage", "collectionpage", "mediaobject", "videoobject", "imageobject"}
_JSON_FIELDS = (("datePublished", PUBLISHED), ("dateCreated", PUBLISHED), ("uploadDate", PUBLISHED),
                ("dateModified", MODIFIED))
_JSON_FIELD_RE = re.compile(r'"(datePublished|dateCreated|uploadDate|dateModified)"\s*:\s*"([^"]{6,60})"')


def json_ld_dates(tree: Element) -> list[RawDate]:
    """Dates of the page's main Article (else WebPage, else any) object in its JSON-LD blocks."""
    best: tuple[int, dict[str, object]] | None = None
    fallback: list[RawDate] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        text = script.text or ""
        try:
            data = json.loads(text, strict=False)
        except ValueError:
            fallback.extend(_regex_fields(text))
            continue
        for obj in _objects(data, depth=0):
            rank = _type_rank(obj)
            if any(key in obj for key, _ in _JSON_FIELDS) and (best is None or rank < best[0]):
                best = (rank, obj)
    if best is None:
        return fallback
    found = []
    roles_seen: set[str] = set()
    for key, role in _JSON_FIELDS:
        value = best[1].get(key)
        if isinstance(value, list) and value:
            value = value[0]
        if isinstance(value, str) and value.strip() and role not in roles_seen:
            roles_seen.add(role)
            found.append(RawDate(value, "json-ld", role))
    return found


def _regex_fields(text: str) -> list[RawDate]:
    """Date fields of a JSON-LD block too broken for the JSON parser (first of each role)."""
    found: dict[str, RawDate] = {}
    for key, value in _JSON_FIELD_RE.findall(text):
        role = MODIFIED if key == "dateModified" else PUBLISHED
        found.setdefault(role, RawDate(value, "json-ld", role))
    return list(found.values())


def _objects(data: object, depth: int) -> Iterator[dict[str, object]]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "hasPart"):
            if key in data:
                yield from _objects(data[key], depth + 1)


def _type_rank(obj: dict[str, object]) -> int:
    types = obj.get("@type")
    names = {t.lower() for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)}
    if names & _ARTICLE_TYPES:
        return 0
    if names & _PAGE_TYPES:
        return 1
    return 2


# ---- meta tags and microdata ---------------------------------------------------------------------------

_META_PUBLISHED = (
    "article:published_time", "og:article:published_time", "og:published_time", "published_time",
    "article:published", "article.published", "datepublished", "publishdate", "publish-date", "publish_date",
    "pubdate", "pub_date", "publication_date", "date_published", "dc.date.issued", "dcterms.issued",
    "dc.date.created", "dcterms.created", "dc.date", "dcterms.date", "sailthru.date", "parsely-pub-date",
    "citation_publication_date", "originalpublicationdate", "article_date_original", "datecreated", "created",
    "creation_date", "date",
)
_META_MODIFIED = (
    "article:modified_time", "og:updated_time", "article:modified", "article.updated", "datemodified",
    "modified_time", "dc.date.modified", "dcterms.modified", "last-modified", "lastmod", "updated_time",
)
_META_RANK = {name: (PUBLISHED, i) for i, name in enumerate(_META_PUBLISHED)} | {
    name: (MODIFIED, i) for i, name in enumerate(_META_MODIFIED)
}


def meta_dates(tree: Element) -> list[RawDate]:
    """Dates in <meta> tags (by property, name or itemprop) and in microdata with content/datetime."""
    best: dict[str, tuple[int, RawDate]] = {}
    for meta in tree.xpath("//meta[@content]"):
        content = meta.get("content", "").strip()
        for attr in ("property", "name", "itemprop"):
            key = (meta.get(attr) or "").strip().lower()
            if key in _META_RANK and content:
                role, rank = _META_RANK[key]
                if role not in best or rank < best[role][0]:
                    best[role] = (rank, RawDate(content, "meta", role))
    for role, itemprop in ((PUBLISHED, "datePublished"), (MODIFIED, "dateModified")):
        if role in best:
            continue
        for element in tree.xpath(f'//*[@itemprop="{itemprop}"][not(self::meta)][@content or @datetime]')[:1]:
            origin = "time" if element.tag == "time" else "meta"
            best[role] = (0, RawDate(element.get("datetime") or element.get("content"), origin, role))
    return [raw for _, raw in best.values()]


# ---- the headline and what is printed near it ----------------------------------------------------------

_CHROME = {"nav", "footer", "aside"}
_CHROME_MARKS = re.compile(r"(?<![a-z])(?:comments?|related|sidebar|widget|popular|most-?read)", re.I)
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


def _text(element: Element) -> str:
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


def find_headline(tree: Element) -> Element | None:
    """The article's headline: the <h1> that best matches og:title/<title>, outside site chrome."""
    headings = [h for h in tree.xpath("//h1")[:10] if len(_text(h)) >= 8 and not in_chrome(h)]
    if not headings:
        headings = [h for h in tree.xpath('//*[@itemprop="headline"][not(self::meta)]')[:5] if _text(h)]
    if not headings:
        return None
    if len(headings) == 1:
        return headings[0]
    titles = [m.get("content", "") for m in tree.xpath('//meta[@property="og:title"]')[:1]]
    titles += [t.text_content() for t in tree.xpath("//title")[:1]]
    title_words = set(" ".join(titles).split())
    return max(headings, key=lambda h: (len(set(_text(h).split()) & title_words), len(_text(h))))


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
        return _near_text(headline) if headline is not None else []
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
    if headline is not None and not lines:
        lines.extend(_near_text(headline))
    return lines[:12]


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
    text = _text(element)
    if not text or len(text) > _MAX_DATE_LINE:
        return None
    role = {"dateModified": MODIFIED}.get(itemprop, PUBLISHED if itemprop else None) or _class_role(element)
    parent = element.getparent()
    wider = _text(parent) if parent is not None else ""
    return RawDate(text, "text", role, wider if text != wider and len(wider) <= _MAX_DATE_LINE else None)


def _near_text(headline: Element) -> list[RawDate]:
    """Short texts just before and after the headline (and its parent), for pages with no date-ish classes."""
    texts: list[RawDate] = []
    for anchor in (headline, headline.getparent()):
        if anchor is None:
            continue
        neighbours = [*list(anchor.itersiblings())[:3], *list(anchor.itersiblings(preceding=True))[:2]]
        for element in neighbours:
            text = _text(element)
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
