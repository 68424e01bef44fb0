"""Recognise pages that are not articles (error pages, listings, search results, galleries) and paywalls.

A paywalled article is still an article: its headline, date, authors and the lead printed above
the paywall are archived, with status ``paywalled`` so that nobody mistakes the teaser for the
whole text. A paywall with no teaser text at all is not archived.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from lxml import etree

from . import lexicon
from .blocks import Line
from .metadata import PageMeta, is_article_type
from .textnorm import fold

# Below this many characters (spaces excluded) the text is not an article, whatever the page is.
MIN_ARTICLE_CHARS = 40
# A listing or error page may carry this much text around its links and still be recognised.
THIN_TEXT = 1500
TEASER_TEXT = 1000
GALLERY_TEXT = 150
# Share of the kept text that is link text on a listing page.
LISTING_LINK_SHARE = 0.3

_LISTING_PATH_RE = re.compile(
    r"/(tags?|category|categories|topics?|section|sections|archives?|author|authors|list|latest|"
    r"برچسب|دسته|موضوع|آرشیو|بایگانی|وسم|تصنيف|قسم|أرشيف|schlagwort|thema|themen|rubrik|ressort|"
    r"etiqueta|categoria|categoría|seccion|sección|rubrique|sujet|kategorie|kategori|etiket)(/|$)"
    r"|/page/\d+/?$",
    re.IGNORECASE,
)
_SEARCH_PATH_RE = re.compile(r"/(search|recherche|suche|buscar|busca|cerca|szukaj|ara|جستجو|بحث)(/|$)", re.I)
_SEARCH_KEYS = {"q", "s", "query", "search", "keyword", "keywords", "term", "searchterm", "text"}
_LISTING_LD = {"collectionpage", "itemlist", "searchresultspage", "profilepage"}
_GALLERY_LD = {"imagegallery", "mediagallery"}
_PAYWALL_XPATH = etree.XPath(
    "//*[contains(@class, 'paywall') or contains(@id, 'paywall') or contains(@class, 'subscribe')"
    " or contains(@class, 'premium') or contains(@class, 'meter')]"
)
_ERROR_TITLE_RE = re.compile(r"(^|\D)404(\D|$)")


@dataclass(frozen=True)
class PageVerdict:
    """Status other than ok, with the reason."""

    status: str  # not_article | extraction_failed | paywalled
    reason: str


def _has_phrase(text: str | None, index: lexicon.PhraseIndex) -> str | None:
    return index.find(fold(text)) if text else None


def article_evidence(meta: PageMeta) -> bool:
    """Whether the page's markup declares it an article (JSON-LD type, og:type or a published time)."""
    return is_article_type(meta.ld_types) or meta.og_type == "article" or meta.has_published_time


def _teaser_count(tree: etree._Element) -> int:
    linked_headings = tree.xpath("count(//*[self::h2 or self::h3 or self::h4][.//a[@href]])")
    articles = tree.xpath("count(//article)")
    return int(max(linked_headings, articles if articles >= 3 else 0))


def _is_error_page(meta: PageMeta, text: str) -> str | None:
    if len(text) > THIN_TEXT:
        return None
    for source in (meta.raw_title, meta.h1):
        if phrase := _has_phrase(source, lexicon.ERROR_INDEX):
            return phrase
        if source and _ERROR_TITLE_RE.search(source) and len(source) < 80:
            return "404"
    head = "\n".join(text.splitlines()[:5])
    if len(text) < 600 and (phrase := _has_phrase(head, lexicon.ERROR_INDEX)):
        return phrase
    return None


def _is_search_page(meta: PageMeta, url: str | None) -> bool:
    if "searchresultspage" in meta.ld_types:
        return True
    if not url:
        return False
    parts = urlsplit(url)
    keys = {k.lower() for k in parse_qs(parts.query)}
    search_path = _SEARCH_PATH_RE.search(unquote(parts.path)) or not parts.path.strip("/")
    return bool(keys & _SEARCH_KEYS) and bool(search_path)


def _fragmented(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 4:
        return False
    short = sum(1 for line in lines if len(line) < 100)
    return short / len(lines) >= 0.6


def _is_paywalled(tree: etree._Element, meta: PageMeta, text: str, removed: list[str]) -> bool:
    """A short text and a subscribe-to-read notice, in the extraction or in a paywall element.

    Neither a JSON-LD isAccessibleForFree=false nor a "paywall" class is enough alone: many sites
    mark articles they serve in full that way.
    """
    if len(text) > TEASER_TEXT:
        return False
    if any(_has_phrase(line, lexicon.PAYWALL_INDEX) for line in removed):
        return True
    if meta.accessible_for_free is not False:
        return False
    notices = _PAYWALL_XPATH(tree)
    return any(_has_phrase(" ".join(n.text_content().split()), lexicon.PAYWALL_INDEX) for n in notices[:5])


def _link_share(lines: list[Line]) -> float:
    total = sum(len(line.text) for line in lines)
    return sum(line.link_chars for line in lines) / total if total else 0.0


def classify_page(
    tree: etree._Element,
    meta: PageMeta,
    lines: list[Line],
    url: str | None,
    removed: list[str] | None = None,
) -> PageVerdict | None:
    """Return why the page is not an article (or failed), or None for an article."""
    removed = removed or []
    text = "\n".join(line.text for line in lines)
    if phrase := _is_error_page(meta, text):
        return PageVerdict("not_article", f"error page ({phrase})")
    article = article_evidence(meta)
    if not article and _is_search_page(meta, url):
        return PageVerdict("not_article", "search results page")
    path = unquote(urlsplit(url or meta.canonical_url or "").path)
    linky = _link_share(lines) >= LISTING_LINK_SHARE
    if not article and (len(text) < THIN_TEXT or _fragmented(text)):
        teasers = _teaser_count(tree)
        listing_signal = bool(_LISTING_PATH_RE.search(path) or meta.ld_types & _LISTING_LD)
        if listing_signal and teasers >= 4 and (linky or _fragmented(text)):
            return PageVerdict("not_article", "listing page (section, tag or archive)")
        if teasers >= 10 and _fragmented(text) and (linky or len(text) < TEASER_TEXT):
            return PageVerdict("not_article", f"listing page ({teasers} linked teasers)")
    visible = len("".join(text.split()))
    if _is_paywalled(tree, meta, text, removed):
        if visible < MIN_ARTICLE_CHARS:
            return PageVerdict("not_article", "paywall without a teaser")
        return PageVerdict("paywalled", "paywall teaser: only the text above the paywall")
    if len(text) < GALLERY_TEXT and (
        meta.ld_types & _GALLERY_LD or tree.xpath("count(//img)") >= 8
    ):
        return PageVerdict("not_article", "gallery without text")
    if visible < MIN_ARTICLE_CHARS:
        return PageVerdict("extraction_failed", f"too short: {visible} characters")
    return None


def is_error_title(title: str | None) -> bool:
    """Whether a title announces a missing page (exposed for tests and the crawler)."""
    return bool(_has_phrase(title, lexicon.ERROR_INDEX)) or bool(
        title and _ERROR_TITLE_RE.search(title) and len(title) < 80
    )


__all__ = ["PageVerdict", "classify_page", "is_error_title"]
