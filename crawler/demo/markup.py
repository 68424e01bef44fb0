"""Helpers shared by the demo CMS renderers: escaping, dates, responses, sitemaps, listings."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from email.utils import format_datetime
from html import escape
from typing import Any, TypeVar
from urllib.parse import quote
from xml.sax.saxutils import escape as xml_escape
from zoneinfo import ZoneInfo

from crawler.demo.model import ArticleRecord, Page

T = TypeVar("T")

FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def esc(text: str) -> str:
    """HTML-escape text for element content and quoted attributes."""
    return escape(text, quote=True)


def href(path: str) -> str:
    """A path percent-encoded as UTF-8 (what sitemaps and feeds print)."""
    return quote(path, safe="/?=&-._~")


def moment(iso: str, tz: str) -> datetime:
    """An aware datetime from ISO 8601; a bare date is midnight in the site's time zone."""
    if len(iso) == 10:
        day = date.fromisoformat(iso)
        return datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(tz))
    return datetime.fromisoformat(iso)


def http_date(when: datetime) -> str:
    """An HTTP-date (RFC 9110 IMF-fixdate)."""
    return format_datetime(when.astimezone(UTC), usegmt=True)


def newest_first(records: Iterable[ArticleRecord], tz: str) -> list[ArticleRecord]:
    """Records sorted by publication time, newest first."""
    return sorted(records, key=lambda r: moment(r.published, tz), reverse=True)


def last_modified(record: ArticleRecord, tz: str) -> datetime:
    """When the article page last changed."""
    return moment(record.modified or record.published, tz)


def chunks(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """Items split into listing pages of `size` (at least one, possibly empty, page)."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [items[:0]]


def html_page(html: str, modified: datetime, content_type: str = "text/html; charset=utf-8",
              encoding: str = "utf-8") -> Page:
    """A 200 HTML response."""
    headers = {"Content-Type": content_type, "Last-Modified": http_date(modified)}
    return Page(200, headers, html.encode(encoding))


def xml_page(xml: str, modified: datetime, content_type: str) -> Page:
    """A 200 XML response (feed or sitemap)."""
    headers = {"Content-Type": content_type, "Last-Modified": http_date(modified)}
    return Page(200, headers, xml.encode("utf-8"))


def text_page(text: str, modified: datetime) -> Page:
    """A 200 plain-text response (robots.txt)."""
    return Page(200, {"Content-Type": "text/plain; charset=utf-8", "Last-Modified": http_date(modified)},
                text.encode("utf-8"))


def redirect(location: str, status: int = 301) -> Page:
    """A redirect to an absolute URL."""
    return Page(status, {"Location": location, "Content-Type": "text/html; charset=utf-8"}, b"")


def json_ld(data: dict[str, Any]) -> str:
    """A JSON-LD script element."""
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def urlset(entries: Iterable[tuple[str, datetime | None]], stylesheet: str = "") -> str:
    """A sitemap <urlset> of (absolute URL, lastmod)."""
    rows = []
    for loc, lastmod in entries:
        when = f"<lastmod>{lastmod.isoformat()}</lastmod>" if lastmod else ""
        rows.append(f"<url><loc>{xml_escape(loc)}</loc>{when}</url>")
    head = f'<?xml-stylesheet type="text/xsl" href="{stylesheet}" ?>\n' if stylesheet else ""
    body = "\n".join(rows)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{head}<urlset xmlns="{SITEMAP_NS}">\n{body}\n</urlset>\n'


def sitemap_index(locs: Iterable[tuple[str, datetime | None]], stylesheet: str = "") -> str:
    """A <sitemapindex> of (absolute URL, lastmod)."""
    rows = []
    for loc, lastmod in locs:
        when = f"<lastmod>{lastmod.isoformat()}</lastmod>" if lastmod else ""
        rows.append(f"<sitemap><loc>{xml_escape(loc)}</loc>{when}</sitemap>")
    head = f'<?xml-stylesheet type="text/xsl" href="{stylesheet}" ?>\n' if stylesheet else ""
    body = "\n".join(rows)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n{head}<sitemapindex xmlns="{SITEMAP_NS}">\n{body}\n'
            "</sitemapindex>\n")


def cdata(text: str) -> str:
    """Text wrapped in CDATA (feeds carry HTML this way)."""
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"
