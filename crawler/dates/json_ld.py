"""Dates in the page's JSON-LD: the main Article object's datePublished/dateModified."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from lxml.html import HtmlElement as Element

from .mentions import MODIFIED, PUBLISHED
from .page_tree import RawDate

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
