"""The public result types: a resolved date with its evidence, and an article's two dates."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .assumed_zone import AssumedZone


@dataclass(frozen=True)
class DateEvidence:
    """A resolved date and where it came from."""

    value: str  # ISO 8601 with the site's UTC offset
    original: str  # the string as printed
    calendar: str  # gregorian | jalali | hijri (relative dates are counted back on the Gregorian calendar)
    origin: str  # json-ld | meta | time | text | url | feed | sitemap
    resolved_against: str | None = None  # fetch time, when the printed date was relative
    precision: str = "second"  # day | hour | minute | second: how much of `value` was printed

    def to_dict(self) -> dict[str, str | None]:
        return asdict(self)


@dataclass(frozen=True)
class ArticleDates:
    """The published and modified dates found for one article."""

    published: DateEvidence | None = None
    modified: DateEvidence | None = None
    notes: tuple[str, ...] = field(default=())  # how sources were cross-checked, and what was rejected
    zone: AssumedZone | None = None  # set when the source declared no zone and the page's was assumed

    def to_dict(self) -> dict[str, object]:
        found: dict[str, object] = {
            "published": self.published.to_dict() if self.published else None,
            "modified": self.modified.to_dict() if self.modified else None,
            "notes": list(self.notes),
        }
        if self.zone is not None:
            found["zone"] = self.zone.to_dict()
        return found
