"""Publication dates in any calendar a site prints (Gregorian, Jalali, Hijri), with evidence.

`find_article_dates` reads an article page (JSON-LD, meta tags, <time>, the visible date near the
headline, the URL, and feed/sitemap hints) and cross-checks the sources; `parse_date_text` reads one
printed string. Values are ISO 8601 in the site's zone (zoneinfo, so Iran's daylight saving until 2022
is right); anything after the fetch time (plus a few minutes of clock skew) is rejected.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from .context import reading_context
from .evidence import ArticleDates, DateEvidence
from .mentions import MODIFIED, PUBLISHED
from .page import article_dates
from .reading import read_text

__all__ = ["ArticleDates", "DateEvidence", "find_article_dates", "parse_date_text"]


def parse_date_text(
    text: str, *, tz: str | tzinfo | None, lang: str | None = None, fetched_at: datetime
) -> DateEvidence | None:
    """The date one printed string gives (its published date when it labels several), or None.

    Relative phrases and dates printed without a year are resolved against `fetched_at`; a date
    after `fetched_at` (plus clock skew) is rejected.
    """
    ctx = reading_context(tz, lang, fetched_at)
    found = read_text(text, ctx, origin="text")
    for role in (PUBLISHED, MODIFIED):
        candidate = found.get(role)
        if candidate is not None and candidate.moment <= ctx.latest:
            return candidate.evidence()
    return None


def find_article_dates(
    html: str,
    *,
    url: str | None = None,
    tz: str | None = "UTC",
    lang: str | None = None,
    fetched_at: datetime | None = None,
    hints: list[tuple[str, str]] | None = None,
) -> ArticleDates:
    """Find an article's published/modified dates; `hints` are (origin, date string) from feeds/sitemaps.

    A hint's origin is "feed" or "sitemap" (taken as the published date) or "feed:updated" /
    "sitemap:lastmod" (taken as the modified date). See `resolve.settle_dates` for which source wins.
    With `tz=None` (a source that declares no zone) the zone is assumed from the page: see assumed_zone.
    """
    ctx = reading_context(tz, lang, fetched_at or datetime.now(UTC))
    return article_dates(html, url=url, ctx=ctx, hints=hints or [], assume=tz is None)
