"""A date candidate from one source, before the sources are cross-checked."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from .evidence import DateEvidence
from .mentions import PUBLISHED
from .zones import iso

MACHINE_ORIGINS = ("json-ld", "meta", "time", "feed", "sitemap")


@dataclass(frozen=True)
class Found:
    """One source's reading of one of the article's dates."""

    moment: datetime  # aware, in the site's zone
    precision: str  # day | hour | minute | second
    calendar: str
    original: str
    origin: str
    role: str = PUBLISHED
    resolved_against: str | None = None
    printed_wall: datetime | None = None  # a machine date's wall clock in the offset it was printed with

    @property
    def machine(self) -> bool:
        return self.origin in MACHINE_ORIGINS

    @property
    def has_time(self) -> bool:
        return self.precision != "day"

    @property
    def local_day(self) -> date:
        return self.moment.date()

    def as_role(self, role: str, origin: str | None = None) -> Found:
        return replace(self, role=role, origin=origin or self.origin)

    def evidence(self) -> DateEvidence:
        return DateEvidence(
            value=iso(self.moment),
            original=self.original,
            calendar=self.calendar,
            origin=self.origin,
            resolved_against=self.resolved_against,
            precision=self.precision,
        )
