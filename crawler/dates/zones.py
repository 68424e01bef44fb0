"""Site time zones (zoneinfo, with Iran's daylight saving until 2022) and the offsets printed beside times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


@lru_cache(maxsize=256)
def zone_named(name: str | None) -> tzinfo:
    """The zone for an IANA name; UTC when the name is empty or unknown."""
    if not name or name.upper() in ("UTC", "Z", "GMT"):
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def localize(wall: datetime, zone: tzinfo) -> datetime:
    """A naive wall-clock time in `zone`; a time skipped by daylight saving moves to the real wall time."""
    aware = wall.replace(tzinfo=zone, fold=0)
    return aware.astimezone(UTC).astimezone(zone)


def in_zone(moment: datetime, zone: tzinfo) -> datetime:
    """An aware moment shown in `zone` (a naive one is taken as wall time there)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        return localize(moment, zone)
    return moment.astimezone(zone)


def iso(moment: datetime) -> str:
    """ISO 8601 with the UTC offset and whole seconds."""
    return moment.replace(microsecond=0).isoformat()


def as_utc(moment: datetime) -> datetime:
    """An aware moment in UTC (a naive one is taken as UTC)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


# Zone abbreviations and words printed after a time. Only unambiguous ones: "AST" or "IST" mean
# different offsets in different places, so they are left to the site's zone.
_NAMED_OFFSETS: dict[str, float] = {
    "utc": 0, "gmt": 0, "z": 0, "غرینتش": 0, "گرینویچ": 0,
    "irst": 3.5, "irdt": 4.5, "aft": 4.5, "eet": 2, "eest": 3, "cet": 1, "cest": 2, "bst": 1,
    "est": -5, "edt": -4, "pst": -8, "pdt": -7, "msk": 3,
}

OFFSET_PATTERN = (
    r"(?:(?:بتوقیت|به\s*وقت)\s*)?(?P<zname>utc|gmt|غرینتش|گرینویچ|irst|irdt|aft|eest|eet|cest|cet|bst|est|edt|pst|pdt|msk)"
    r"(?:\s*(?P<zsign>[+-])\s*(?P<zh>\d{1,2})(?::?(?P<zm>\d{2}))?)?(?![a-z])"
)


def printed_offset(name: str, sign: str | None, hours: str | None, minutes: str | None) -> timezone:
    """The fixed offset a printed zone such as 'GMT+3:30' or 'IRST' names."""
    offset = timedelta(hours=_NAMED_OFFSETS[name])
    if sign and hours:
        extra = timedelta(hours=int(hours), minutes=int(minutes or 0))
        offset += extra if sign == "+" else -extra
    return timezone(offset)
