"""Timestamps as the archive stores them."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


def isoformat(moment: datetime | None = None) -> str:
    """ISO 8601 in UTC with seconds precision, e.g. 2024-02-11T05:35:00+00:00."""
    return (moment or utcnow()).astimezone(UTC).isoformat(timespec="seconds")
