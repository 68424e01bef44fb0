"""What the text scanners report: days, times of day, 'N hours ago' moments and labels, with their spans."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import TypeVar

PUBLISHED = "published"
MODIFIED = "modified"


@dataclass(frozen=True)
class Span:
    """Where in the folded text something was found."""

    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def gap_to(self, other: Span) -> int:
        """Characters between two spans (0 when they touch or overlap)."""
        return max(0, other.start - self.end, self.start - other.end)


@dataclass(frozen=True)
class DayMention(Span):
    """A printed calendar day, already converted to its Gregorian day."""

    calendar: str
    day: date
    relative: bool = False  # 'yesterday', or a year worked out from the fetch day
    needs_clock: bool = False  # a bare 'today'/'yesterday' counts only with a time or alone


@dataclass(frozen=True)
class MomentMention(Span):
    """An 'N hours ago' kind of phrase resolved to a moment."""

    moment: datetime
    precision: str


@dataclass(frozen=True)
class ClockMention(Span):
    """A printed time of day, with the zone printed beside it, if any."""

    hour: int
    minute: int
    second: int | None
    zone: tzinfo | None = None


@dataclass(frozen=True)
class LabelMention(Span):
    """A label such as «تاریخ انتشار:» or 'Updated' that says which date follows."""

    role: str


SpanT = TypeVar("SpanT", bound="Span")


def without_overlaps(found: list[SpanT]) -> list[SpanT]:
    """Drop each span overlapping one before it in the list (callers order by priority); sort by position."""
    kept: list[SpanT] = []
    for item in found:
        if not any(item.overlaps(other) for other in kept):
            kept.append(item)
    return sorted(kept, key=lambda s: s.start)


def by_position(found: list[SpanT]) -> list[SpanT]:
    """Spans ordered by start, the longer first where two start together."""
    return sorted(found, key=lambda s: (s.start, s.start - s.end))
