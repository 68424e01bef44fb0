"""Dates in <meta> tags (article:published_time, dc.date, ...) and microdata attributes."""

from __future__ import annotations

from lxml.html import HtmlElement as Element

from .mentions import MODIFIED, PUBLISHED
from .page_tree import RawDate

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
