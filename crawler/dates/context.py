"""What a printed date is read against: the site's zone and language and the fetch time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from .calendars import hijri_year, jalali_year
from .zones import as_utc, zone_named

CLOCK_SKEW = timedelta(minutes=10)
"""How far after the fetch time a date may lie and still be believed (server clocks drift)."""


@dataclass(frozen=True)
class ReadingContext:
    """The zone, language and fetch time a date is resolved against, with derived 'today' values."""

    zone: tzinfo
    lang: str | None
    fetched_at: datetime  # aware, UTC
    today: date  # the fetch day on the site's wall calendar
    jalali_year: int
    hijri_year: int

    @property
    def latest(self) -> datetime:
        """The latest moment a credible date may have (fetch time plus clock skew)."""
        return self.fetched_at + CLOCK_SKEW

    def with_lang(self, lang: str | None) -> ReadingContext:
        """The same context for another language."""
        if lang == self.lang:
            return self
        return ReadingContext(self.zone, lang, self.fetched_at, self.today, self.jalali_year, self.hijri_year)

    def with_zone(self, zone: str | tzinfo) -> ReadingContext:
        """The same context in another zone (its 'today' values follow)."""
        return reading_context(zone, self.lang, self.fetched_at)


def reading_context(tz: str | tzinfo | None, lang: str | None, fetched_at: datetime) -> ReadingContext:
    """Build the context for a site zone name (or zone), a language code and an aware fetch time."""
    zone = tz if isinstance(tz, tzinfo) else zone_named(tz)
    fetched = as_utc(fetched_at)
    today = fetched.astimezone(zone).date()
    language = lang.split("-")[0].lower() if lang else None
    return ReadingContext(zone, language, fetched, today, jalali_year(today), hijri_year(today))
