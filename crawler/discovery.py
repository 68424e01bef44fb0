"""Pure discovery helpers: feeds, sitemaps, robots.txt, links, and which URLs are articles."""

from __future__ import annotations

import gzip
import io
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from lxml import etree, html

MAX_XML_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit for one file

_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                              huge_tree=False, recover=True, remove_comments=True)


@dataclass(frozen=True)
class Entry:
    """A URL found in a feed or sitemap, with the date printed beside it."""

    url: str
    date: str | None = None
    title: str | None = None
    news: bool = False  # listed in a news sitemap (with a publication date): an article for sure


@dataclass(frozen=True)
class XmlListing:
    """What a feed or sitemap lists: pages (entries) or more sitemaps (children)."""

    kind: str  # rss | atom | urlset | sitemapindex | unknown
    entries: tuple[Entry, ...] = ()
    children: tuple[str, ...] = ()


def gunzip_bounded(body: bytes, limit: int = MAX_XML_BYTES) -> bytes:
    """Decompress a gzip body, refusing to produce more than `limit` bytes (sitemap bombs)."""
    with gzip.GzipFile(fileobj=io.BytesIO(body)) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"gzip body expands beyond {limit} bytes")
    return data


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _text(el: etree._Element | None) -> str | None:
    if el is None or el.text is None:
        return None
    return el.text.strip() or None


def _child(el: etree._Element, *names: str) -> etree._Element | None:
    for child in el.iter():
        if child is not el and _local(child.tag) in names:
            return child
    return None


def parse_xml_listing(body: bytes, base_url: str) -> XmlListing:
    """Parse an RSS/Atom feed or a sitemap/sitemap index (gzip allowed) without resolving entities."""
    if body[:2] == b"\x1f\x8b":
        body = gunzip_bounded(body)
    if len(body) > MAX_XML_BYTES:
        raise ValueError(f"XML body larger than {MAX_XML_BYTES} bytes")
    try:
        root = etree.fromstring(body, parser=_XML_PARSER) if body.strip() else None
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"not a feed or sitemap: {exc}") from None
    if root is None:
        return XmlListing("unknown")
    kind = _local(root.tag)
    if kind == "urlset":
        entries = []
        for url_el in root:
            if _local(url_el.tag) != "url":
                continue
            loc = _text(_child(url_el, "loc"))
            if loc:
                news_date = _text(_child(url_el, "publication_date"))
                date = news_date or _text(_child(url_el, "lastmod"))
                entries.append(Entry(urljoin(base_url, loc), date, _text(_child(url_el, "title")),
                                     news=news_date is not None))
        return XmlListing("urlset", tuple(entries))
    if kind == "sitemapindex":
        children = [urljoin(base_url, loc) for sm in root if _local(sm.tag) == "sitemap"
                    if (loc := _text(_child(sm, "loc")))]
        return XmlListing("sitemapindex", children=tuple(children))
    if kind in ("rss", "rdf"):
        entries = []
        for item in root.iter():
            if _local(item.tag) != "item":
                continue
            link = _text(_child(item, "link")) or _text(_child(item, "guid"))
            if link:
                date = _text(_child(item, "pubdate")) or _text(_child(item, "date"))
                entries.append(Entry(urljoin(base_url, link), date, _text(_child(item, "title"))))
        return XmlListing("rss", tuple(entries))
    if kind == "feed":
        entries = []
        for item in root:
            if _local(item.tag) != "entry":
                continue
            href = None
            for link in item:
                if _local(link.tag) == "link" and link.get("rel", "alternate") == "alternate":
                    href = link.get("href")
                    break
            if href:
                date = _text(_child(item, "published")) or _text(_child(item, "updated"))
                entries.append(Entry(urljoin(base_url, href), date, _text(_child(item, "title"))))
        return XmlListing("atom", tuple(entries))
    return XmlListing("unknown")


def robots_sitemaps(robots_txt: str, base_url: str) -> list[str]:
    """The `Sitemap:` URLs of a robots.txt."""
    found = []
    for line in robots_txt.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "sitemap" and value.strip():
            found.append(urljoin(base_url, value.strip()))
    return found


_FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/feed+json",
               "application/rdf+xml", "text/xml", "application/xml"}


def html_links(page: str, base_url: str) -> tuple[list[str], list[str]]:
    """(feed URLs from <link rel=alternate>, page links from <a href>) of an HTML page."""
    if not page.strip():
        return [], []
    try:
        doc = html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return [], []
    base = doc.find(".//base[@href]")
    base_url = urljoin(base_url, base.get("href")) if base is not None else base_url
    feeds = [urljoin(base_url, el.get("href")) for el in doc.iterfind(".//link[@href]")
             if "alternate" in (el.get("rel") or "").lower().split()
             and (el.get("type") or "").lower().split(";")[0].strip() in _FEED_TYPES]
    links = []
    for el in doc.iterfind(".//a[@href]"):
        href = (el.get("href") or "").strip()
        if not href or href.startswith("#"):
            continue
        absolute = urljoin(base_url, href)
        if urlsplit(absolute).scheme in ("http", "https"):
            links.append(absolute.split("#", 1)[0])
    return feeds, list(dict.fromkeys(links))


# URL path segments of pages that list, search or describe rather than report.
_NOT_ARTICLE_SEGMENT = re.compile(
    r"^(tag|tags|category|categories|section|sections|topic|topics|author|authors|search|page|"
    r"archive|archives|feed|rss|login|register|account|subscribe|newsletter|about|about-us|contact|"
    r"privacy|terms|advertise|video|videos|gallery|galleries|photo|photos|multimedia|wp-admin|"
    r"wp-login\.php|admin|cdn-cgi|service|services|weather|jobs|staff|people|profile|profiles|user|users|members|برچسب|دسته|بایگانی|جستجو|وسم)$",
    re.IGNORECASE,
)
_ASSET = re.compile(r"\.(jpe?g|png|gif|webp|svg|ico|css|js|pdf|zip|rar|mp3|mp4|avi|mov|xml|json|txt|"
                    r"docx?|xlsx?|pptx?|apk|exe|woff2?|ttf)$", re.IGNORECASE)
_DATE_PATH = re.compile(r"/(19|20|13|14)\d\d/\d{1,2}(/\d{1,2})?/")
_PAGINATION_QUERY = re.compile(r"(^|&)(page|paged|pg|offset|start)=\d+(&|$)", re.IGNORECASE)
_ID = re.compile(r"(^|[/_=-])\d{4,}([/_.-]|$)")


def is_asset(url: str) -> bool:
    """Whether a URL points at a file that is not a web page."""
    return bool(_ASSET.search(urlsplit(url).path))


def url_shape(url: str) -> str:
    """What the URL alone suggests: "article", "not_article" (home, section, tag, static, asset) or "unknown".

    Only a weak signal: `/news/12` or WordPress' `/?p=2014` are articles with "unknown" URLs.
    """
    if is_asset(url):
        return "not_article"
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if _PAGINATION_QUERY.search(parts.query):
        return "not_article"
    if not segments:
        return "unknown" if parts.query else "not_article"  # /?p=2014 is WordPress' default permalink
    if any(_NOT_ARTICLE_SEGMENT.match(s) for s in segments[:2]):
        return "not_article"
    if _DATE_PATH.search(parts.path + "/") or _ID.search(parts.path) or re.search(r"\bid=\d+", parts.query):
        return "article"
    last = segments[-1].rsplit(".", 1)[0]
    return "article" if last.count("-") >= 3 or len(last) >= 40 else "unknown"


def looks_like_article(url: str, pattern: str | None = None, exclude: str | None = None) -> bool:
    """Guess from the URL alone whether it is an article (a source's pattern decides when given)."""
    if exclude and re.search(exclude, url):
        return False
    if is_asset(url):
        return False
    if pattern:
        return re.search(pattern, url) is not None
    return url_shape(url) == "article"
