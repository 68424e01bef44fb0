"""Dates that feeds and sitemaps print (W3C datetime, RFC 822, Jalali look-alikes), for crawl decisions."""

from __future__ import annotations

from datetime import UTC, datetime

from .dates.context import reading_context
from .dates.machine import read_machine_date


def machine_date(value: str | None, *, tz: str = "UTC", lang: str | None = None,
                 now: datetime | None = None) -> datetime | None:
    """A sitemap lastmod / news date or a feed date as an aware UTC moment; None when it is not one.

    The dates package reads it, so a Jalali `1402-11-22` lastmod is not taken for the year 1402 AD.
    """
    if not value or not value.strip():
        return None
    found = read_machine_date(value.strip(), reading_context(tz, lang, now or datetime.now(UTC)), "sitemap")
    return found.moment.astimezone(UTC) if found else None
