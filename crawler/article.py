"""One fetched page to one article record: decode, extract, date, identify, canonicalise.

The crawler and `newsarchive extract` both call `process_page`, so they archive the same thing.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from archive.store import content_hash
from archive.timeutil import utcnow
from archive.urls import canonicalize, site_key

from .boilerplate import line_keys
from .dates import find_article_dates
from .encoding import decode_html
from .extraction import ARTICLE_STATUSES, Extraction, extract_html
from .extraction.learned import remove_learned
from .language import identify_language
from .settings import NEWSARCHIVE_MAX_ARTICLE_BYTES

if TYPE_CHECKING:
    from .sources import Source


def _version(dist: str) -> str:
    try:
        return version(dist)
    except PackageNotFoundError:
        return "unknown"


EXTRACTOR = f"newsarchive {_version('newsarchive')} / trafilatura {_version('trafilatura')}"


def header_charset(headers: Mapping[str, str]) -> str | None:
    """The charset a Content-Type header declares, if any."""
    content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("'\"") or None
    return None


@dataclass
class PageContext:
    """What the crawler knows about a page besides its bytes (build it with `for_source`)."""

    url: str
    header_charset: str | None = None
    source: str | None = None
    language: str | None = None  # the source's declared language
    timezone: str | None = None  # the source's declared zone; None: assumed from the page
    fetched_at: datetime = field(default_factory=utcnow)
    date_hints: list[tuple[str, str]] = field(default_factory=list)  # (feed|sitemap, printed date)
    allowed_hosts: set[str] | None = None  # rel=canonical may only point inside these
    max_bytes: int = NEWSARCHIVE_MAX_ARTICLE_BYTES  # larger pages are not extracted (their capture is kept)
    learned: Collection[str] = ()  # the source's learned boilerplate (normalised line keys)

    @classmethod
    def for_source(cls, source: Source | None, url: str, headers: Mapping[str, str] | None = None,
                   **known: Any) -> PageContext:
        """The context of a page of `source` (None: a page of no known source) fetched from `url`.

        The crawl, `newsarchive extract`, `reprocess` and the benches all build it here, so the same
        bytes give the same article; `known` adds what only the caller knows (fetched_at, date_hints,
        learned, max_bytes) or what the user overrides (language, timezone).
        """
        charset = header_charset(headers or {})
        if source is None:
            return cls(url=url, header_charset=charset, **known)
        return cls(**{"url": url, "header_charset": charset, "source": source.name,
                      "language": source.language, "timezone": source.timezone,
                      "allowed_hosts": source.hosts(), **known})


@dataclass
class ProcessedPage:
    """The outcome of processing one page: status, charset, and the article when there is one."""

    status: str  # ok | paywalled | encoding_error (archived) | not_article | empty | extraction_failed
    charset: str
    extraction: Extraction
    article: dict[str, Any] | None = None
    line_keys: dict[str, str] = field(default_factory=dict)  # for learning: the text's lines before removal

    @property
    def reason(self) -> str | None:
        return self.extraction.reason


def _canonical(extracted: str | None, ctx: PageContext) -> str:
    """rel=canonical when it stays on the source's hosts, else the fetched URL; canonicalised."""
    if extracted:
        candidate = urljoin(ctx.url, extracted)
        host = (urlsplit(candidate).hostname or "").lower()
        fetched_host = (urlsplit(ctx.url).hostname or "").lower()
        if urlsplit(candidate).scheme in ("http", "https") and (
                host == fetched_host or (ctx.allowed_hosts and host in ctx.allowed_hosts)):
            return canonicalize(candidate)
    return canonicalize(ctx.url)


def process_page(body: bytes, ctx: PageContext) -> ProcessedPage:
    """Turn one page's raw bytes into an article record (or say why it is not one)."""
    if len(body) > ctx.max_bytes:
        reason = f"page is {len(body)} bytes, over the {ctx.max_bytes}-byte extraction budget"
        return ProcessedPage("extraction_failed", "", Extraction(status="extraction_failed", reason=reason))
    decoded = decode_html(body, ctx.header_charset)
    extraction = extract_html(decoded.text, ctx.url)
    status = extraction.status
    if status == "ok" and not decoded.clean and "\ufffd" in extraction.text:
        status = "encoding_error"  # no charset decodes the bytes cleanly and the damage reached the text
    if status not in (*ARTICLE_STATUSES, "encoding_error"):
        return ProcessedPage(status, decoded.charset, extraction)
    keys = line_keys(extraction.text)
    text, learned_removed = remove_learned(extraction.text, ctx.learned) if ctx.learned else (extraction.text, 0)
    language = identify_language(text, ctx.language or extraction.page_language)
    dates = find_article_dates(decoded.text, url=ctx.url, tz=ctx.timezone, lang=language,
                               fetched_at=ctx.fetched_at, hints=ctx.date_hints)
    evidence: dict[str, Any] = {key: getattr(dates, key).to_dict() for key in ("published", "modified")
                                if getattr(dates, key) is not None}
    if evidence and dates.zone is not None:
        evidence["zone"] = dates.zone.to_dict()  # the source declared no zone: say which was assumed
    url = _canonical(extraction.canonical_url, ctx)
    article = {
        "url": url,
        "url_key": site_key(url),
        # a print or AMP copy that names another page as canonical: it never overwrites that page
        "variant": site_key(url) != site_key(ctx.url),
        # what the page said before learned boilerplate was removed: decides "unchanged" on revisits
        "source_hash": content_hash(extraction.title, extraction.text),
        "source": ctx.source,
        "title": extraction.title,
        "text": text,
        "published": dates.published.value if dates.published else None,
        "modified": dates.modified.value if dates.modified else None,
        "language": language,
        "authors": extraction.authors,
        "description": extraction.description,
        "tags": extraction.tags,
        "categories": extraction.categories,
        "image": extraction.image,
        "sitename": extraction.sitename,
        "date_evidence": evidence or None,
        "status": status,
        "extractor": EXTRACTOR,
        "boilerplate_removed": extraction.removed_chars + learned_removed,
    }
    return ProcessedPage(status, decoded.charset, extraction, article, keys)
