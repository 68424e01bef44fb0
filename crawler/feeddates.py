"""Dates that feeds and sitemaps print for machines (W3C datetime, RFC 822), for crawl decisions."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime


def machine_date(value: str | None) -> datetime | None:
    """Parse a sitemap lastmod / news date (W3C) or an RSS pubDate (RFC 822) into aware UTC; None if not."""
    if not value:
        return None
    text = value.strip()
    moment: datetime | None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
