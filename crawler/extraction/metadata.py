"""Page metadata from <meta> tags, JSON-LD and a few markup conventions (no dates: see crawler.dates).

One pass over the <meta> and <link> elements and the JSON-LD blocks; the DOM is searched only for
the <title>, the first <h1>, byline markup and rel=tag links. Cheap enough to run on every page
(trafilatura's own metadata step costs about as much as the body extraction).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree

from .reference import declared_text
from .textnorm import fold

ARTICLE_TYPES = {
    "article", "newsarticle", "blogposting", "reportagenews", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "liveblogposting", "report",
    "scholarlyarticle", "techarticle", "socialmediaposting", "posting", "review", "recipe",
}

_TITLE_SEP_RE = re.compile(r"\s+[|\-–—:·•»«/]\s+|\s*[|·•»«]\s*|\s*::\s*")
# Words that make a title segment a publication's name rather than part of the headline.
_SITE_WORDS = {
    "news", "times", "post", "daily", "tribune", "herald", "gazette", "journal", "online", "tv", "radio",
    "agency", "press", "magazine", "newspaper", "network", "media", "observer", "chronicle", "courier",
    "خبرگزاری", "روزنامه", "پایگاه", "سایت", "شبکه", "هفته نامه", "ماهنامه", "خبرآنلاین", "اخبار",
    "صحیفه", "جریده", "موقع", "بوابه", "وکاله", "قناه", "نیوز",
    "zeitung", "nachrichten", "rundschau", "allgemeine", "anzeiger", "kurier", "tagblatt",
    "diario", "periódico", "noticias", "le monde", "gazzetta", "giornale", "corriere",
    "jornal", "gazeta", "haber", "haberleri", "новости", "газета",
}
# A title segment starting with one of these ("خبرگزاری X", «صحيفة X») names the publication.
_SITE_PREFIXES = ("خبرگزاری", "روزنامه", "پایگاه", "سایت", "صحیفه", "جریده", "موقع", "وکاله")
_BYLINE_PREFIX_RE = re.compile(
    r"^\s*(by|written by|words by|reporting by|von|par|por|di|door|przez|автор|author|"
    r"نویسنده|نوشته|گزارش|خبرنگار|بقلم|کتب|کتبه|بواسطه|تحریر|إعداد|اعداد)\s*[:：]?\s+",
    re.IGNORECASE,
)
_AUTHOR_SPLIT_RE = re.compile(r"\s*(?:;|,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b| و |،|\|)\s*")
_AUTHOR_NOISE = {
    "staff", "admin", "administrator", "editor", "editors", "editorial", "editorial staff", "editorial team",
    "newsroom", "news desk", "web desk", "desk", "staff writer", "staff reporter", "correspondent",
    "reporter", "agencies", "agency", "wire", "wires", "redaktion", "red", "redacción", "rédaction",
    "redazione", "redação", "guest", "anonymous", "unknown", "team", "the editors", "news",
    "تحریریه", "سردبیر", "خبرنگار", "ادمین", "مدیر", "مدیر سایت", "گروه خبری", "هیئت تحریریه",
    "المحرر", "التحریر", "هیئه التحریر", "فریق التحریر", "محرر", "ادمن",
}
_BYLINE_XPATH = etree.XPath(
    "//*[@rel='author' or @itemprop='author'"
    " or contains(@class, 'byline') or contains(@class, 'author-name')]"
)
_REL_TAG_XPATH = etree.XPath("//a[@rel]")
_EXCLUDED_ANCESTOR_RE = re.compile(r"sidebar|widget|related|comment|footer|teaser|promo|recommend", re.I)


@dataclass
class PageMeta:
    """Metadata declared by one page."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    description: str | None = None
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    image: str | None = None
    canonical_url: str | None = None
    sitename: str | None = None
    page_language: str | None = None
    # signals for the page-type decision
    raw_title: str | None = None
    h1: str | None = None
    og_type: str | None = None
    ld_types: set[str] = field(default_factory=set)
    accessible_for_free: bool | None = None
    has_published_time: bool = False
    article_body: str | None = None  # JSON-LD articleBody as text, a second opinion on the body


def _clean(text: Any) -> str | None:
    if not isinstance(text, str):
        return None
    text = " ".join(text.split())
    return text or None


def _meta_tags(tree: etree._Element) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        content = _clean(meta.get("content"))
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attr)
            if key:
                found.setdefault(key.strip().lower(), []).append(content)
    return found


def _ld_nodes(tree: etree._Element) -> list[dict[str, Any]]:
    nodes: list[dict[str, Any]] = []

    def walk(obj: Any, depth: int = 0) -> None:
        if depth > 6:
            return
        if isinstance(obj, list):
            for item in obj:
                walk(item, depth + 1)
        elif isinstance(obj, dict):
            nodes.append(obj)
            if "@graph" in obj:
                walk(obj["@graph"], depth + 1)
            main = obj.get("mainEntity")
            if isinstance(main, dict | list):
                walk(main, depth + 1)

    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            walk(json.loads(script.text, strict=False))
        except (ValueError, RecursionError):
            continue
    return nodes


def is_article_type(types: set[str]) -> bool:
    """Whether schema.org types name an article (any *Article / *Posting type counts)."""
    return bool(types & ARTICLE_TYPES) or any(t.endswith(("article", "posting")) for t in types)


def _types(node: dict[str, Any]) -> set[str]:
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return {v.lower() for v in values if isinstance(v, str)}


def _names(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _names(item)
    elif isinstance(value, dict) and not ({"organization", "newsmediaorganization"} & _types(value)):
        name = value.get("name")
        if isinstance(name, str):
            yield name


def _url_of(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value:
        return _url_of(value[0])
    if isinstance(value, dict):
        return _url_of(value.get("url") or value.get("contentUrl"))
    return None


def _split_list(values: Iterable[Any]) -> list[str]:
    out: dict[str, None] = {}
    for value in values:
        if isinstance(value, list):
            items = value
        elif isinstance(value, str):
            items = re.split(r"\s*[,،;]\s*", value)
        else:
            items = []
        for item in items:
            text = _clean(item)
            if text and len(text) <= 80:
                out.setdefault(text, None)
    return list(out)[:40]


def clean_author(raw: str, sitename: str | None = None) -> list[str]:
    """Split a byline into names and drop what is not a person's name."""
    raw = _BYLINE_PREFIX_RE.sub("", " ".join(raw.split()))
    site = fold(sitename) if sitename else None
    names = []
    for part in _AUTHOR_SPLIT_RE.split(raw):
        name = _BYLINE_PREFIX_RE.sub("", part).strip(" .:-–—|()[]")
        key = fold(name)
        if (
            not name
            or len(name) < 2
            or len(name) > 60
            or len(name.split()) > 5
            or any(ch.isdigit() for ch in name)
            or "@" in name
            or "://" in name
            or key.startswith("www.")
            or key in _AUTHOR_NOISE
            or (site and key == site)
            or _looks_like_site(name, sitename, None)
        ):
            continue
        names.append(name)
    return names


def _dom_authors(tree: etree._Element, sitename: str | None) -> list[str]:
    for elem in _BYLINE_XPATH(tree)[:10]:
        excluded = False
        for anc in elem.iterancestors():
            if anc.tag in ("aside", "nav", "footer") or _EXCLUDED_ANCESTOR_RE.search(
                f"{anc.get('class', '')} {anc.get('id', '')}"
            ):
                excluded = True
                break
        if excluded:
            continue
        text = _clean(elem.get("content") or " ".join(elem.itertext()))
        if text and len(text) <= 120 and (names := clean_author(text, sitename)):
            return names
    return []


def clean_title(
    title: str, sitename: str | None = None, host: str | None = None, h1: str | None = None
) -> str:
    """Drop a site-name prefix or suffix ("Title | Site", «عنوان - خبرگزاری X») from a title."""
    title = " ".join(title.split())
    if h1:
        h1 = " ".join(h1.split())
        if len(h1) >= 0.4 * len(title) and fold(h1) in fold(title) and fold(h1) != fold(title):
            rest = fold(title).replace(fold(h1), "", 1).strip(" |-–—:·•»«/")
            if _looks_like_site(rest, sitename, host):
                return h1
    parts = _TITLE_SEP_RE.split(title)
    if len(parts) < 2:
        return title
    if h1:
        # "Headline | Site" where the page's own <h1> is exactly one end of the title
        for keep, others in ((parts[0], parts[1:]), (parts[-1], parts[:-1])):
            if fold(keep) == fold(h1) and sum(len(o.split()) for o in others) <= 6:
                return keep.strip()
    while len(parts) > 1 and _looks_like_site(parts[-1], sitename, host):
        parts.pop()
    while len(parts) > 1 and _looks_like_site(parts[0], sitename, host):
        parts.pop(0)
    if len(parts) == len(_TITLE_SEP_RE.split(title)):
        return title
    # keep the original separators between the remaining parts
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if start >= 0 and end > start else " ".join(parts)


def site_from_title(raw_title: str, title: str) -> str | None:
    """The publication name that `clean_title` cut from a title ("Headline | Site" gives "Site")."""
    rest = " ".join(raw_title.split()).replace(title, "", 1)
    name = rest.strip(" |-–—:·•»«/")
    return name if 2 <= len(name) <= 60 else None


def _looks_like_site(segment: str, sitename: str | None, host: str | None) -> bool:
    key = fold(segment).strip(" |-–—:·•»«/")
    if not key:
        return True
    if sitename:
        site = fold(sitename)
        if key == site or (len(site) >= 3 and (site in key or key in site) and len(key) <= len(site) + 20):
            return True
    if host:
        compact = re.sub(r"[\W_]+", "", key)
        host_core = re.sub(r"[\W_]+", "", host.split(".")[-2] if host.count(".") else host)
        if compact and len(compact) >= 3 and (compact == host_core or compact in re.sub(r"[\W_]+", "", host)):
            return True
    words = key.split()
    return len(words) <= 5 and any(w in _SITE_WORDS for w in words) and key.startswith(_SITE_PREFIXES)


def _language(tree: etree._Element, metas: dict[str, list[str]]) -> str | None:
    candidates = [
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        tree.get("xml:lang"),
        *metas.get("content-language", []),
        *metas.get("language", []),
        *metas.get("dc.language", []),
        *metas.get("og:locale", []),
    ]
    for value in candidates:
        if value and (code := normalize_language_tag(value)):
            return code
    return None


def normalize_language_tag(value: str) -> str | None:
    """Turn a declared language ("fa_IR", "ar-sa", "en, de") into a BCP 47 tag ("fa-IR")."""
    first = value.split(",")[0].strip().replace("_", "-")
    parts = [p for p in first.split("-") if p]
    if not parts or not parts[0].isalpha() or not 2 <= len(parts[0]) <= 3:
        return None
    tag = parts[0].lower()
    if len(parts) > 1 and parts[1].isalpha() and len(parts[1]) == 2:
        tag += "-" + parts[1].upper()
    return tag


def read_metadata(tree: etree._Element, url: str | None = None) -> PageMeta:
    """Collect the page's declared metadata."""
    metas = _meta_tags(tree)
    nodes = _ld_nodes(tree)
    meta = PageMeta()
    for node in nodes:
        meta.ld_types |= _types(node)
    article = next((n for n in nodes if is_article_type(_types(n))), None)

    def first(*keys: str) -> str | None:
        for key in keys:
            for value in metas.get(key, []):
                return value
        return None

    # canonical URL and site name first: the title cleaning needs them
    canonical = None
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        href = link.get("href")
        if "canonical" in rel and href and not canonical:
            canonical = urljoin(url or "", href.strip())
        elif "image_src" in rel and href and not meta.image:
            meta.image = urljoin(url or "", href.strip())
    meta.canonical_url = canonical or (urljoin(url or "", og) if (og := first("og:url")) else None) or url
    host = urlsplit(meta.canonical_url or url or "").hostname
    publisher = article.get("publisher") if article else None
    meta.sitename = first("og:site_name", "application-name", "al:android:app_name") or (
        _clean(publisher.get("name")) if isinstance(publisher, dict) else None
    )
    if not meta.sitename:
        site_node = next((n for n in nodes if "website" in _types(n)), None)
        meta.sitename = _clean(site_node.get("name")) if site_node else None
    declared_site = meta.sitename
    if not meta.sitename and host:
        meta.sitename = host.removeprefix("www.")

    title_elem = tree.find(".//title")
    page_title = _clean(" ".join(title_elem.itertext())) if title_elem is not None else None
    h1_elem = tree.find(".//h1")
    meta.h1 = _clean(" ".join(h1_elem.itertext())) if h1_elem is not None else None
    meta.raw_title = first("og:title", "twitter:title") or (
        _clean(article.get("headline")) if article else None
    ) or page_title or meta.h1
    if meta.raw_title:
        meta.title = clean_title(meta.raw_title, meta.sitename, host, meta.h1)
        if not declared_site and meta.title != meta.raw_title:
            meta.sitename = site_from_title(meta.raw_title, meta.title) or meta.sitename

    meta.description = first("og:description", "description", "twitter:description", "dc.description") or (
        _clean(article.get("description")) if article else None
    )

    authors: list[str] = []
    if article:
        for author_name in _names(article.get("author")):
            authors += clean_author(author_name, meta.sitename)
    if not authors:
        for key in ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl"):
            for value in metas.get(key, []):
                authors += clean_author(value, meta.sitename)
            if authors:
                break
    if not authors:
        authors = _dom_authors(tree, meta.sitename)
    meta.authors = list(dict.fromkeys(authors))[:10]

    tag_values: list[Any] = list(metas.get("article:tag", []))
    if article and article.get("keywords"):
        tag_values.append(article["keywords"])
    if not tag_values:
        tag_values += metas.get("news_keywords", []) + metas.get("keywords", [])
    for anchor in _REL_TAG_XPATH(tree):
        rel = (anchor.get("rel") or "").lower().split()
        if "tag" in rel and "category" not in rel and (label := _clean(anchor.text)):
            tag_values.append(label)
    meta.tags = _split_list(tag_values)

    cat_values: list[Any] = list(metas.get("article:section", []))
    if article and article.get("articleSection"):
        cat_values.append(article["articleSection"])
    crumbs = next((n for n in nodes if "breadcrumblist" in _types(n)), None)
    if crumbs and isinstance(crumbs.get("itemListElement"), list):
        names = []
        for item in crumbs["itemListElement"]:
            if isinstance(item, dict):
                name = item.get("name")
                if not name and isinstance(item.get("item"), dict):
                    name = item["item"].get("name")
                if isinstance(name, str):
                    names.append(name)
        cat_values += names[1:-1]
    meta.categories = _split_list(cat_values)

    image = first("og:image:secure_url", "og:image", "og:image:url", "twitter:image", "twitter:image:src")
    if not image and article:
        image = _url_of(article.get("image"))
    if image:
        meta.image = urljoin(url or "", image)

    body_node = next((n for n in nodes if isinstance(n.get("articleBody"), str)), None)
    if body_node:
        meta.article_body = declared_text(body_node.get("articleBody"))
    meta.page_language = _language(tree, metas)
    meta.og_type = (first("og:type") or "").lower() or None
    if article and "isAccessibleForFree" in article:
        flag = article["isAccessibleForFree"]
        meta.accessible_for_free = flag if isinstance(flag, bool) else str(flag).lower() not in ("false", "0")
    meta.has_published_time = bool(
        first("article:published_time", "og:article:published_time", "datePublished", "pubdate")
        or (article and article.get("datePublished"))
    )
    return meta
