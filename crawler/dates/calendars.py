"""Calendar dates to Gregorian: jdatetime for Jalali, hijridate (Umm al-Qura) for Hijri."""

from __future__ import annotations

from datetime import date

import jdatetime
from hijridate import Gregorian, Hijri

from .lexicon import GREGORIAN, HIJRI, JALALI


def jalali_to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian day of a Jalali (Solar Hijri) date, or None when no such day exists."""
    try:
        gregorian: date = jdatetime.date(year, month, day).togregorian()
        return gregorian
    except (ValueError, OverflowError):
        return None


def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian day of an Umm al-Qura Hijri date, or None outside the table or calendar."""
    try:
        gregorian = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return date(gregorian.year, gregorian.month, gregorian.day)


def gregorian_date(year: int, month: int, day: int) -> date | None:
    """A Gregorian date, or None when no such day exists."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def to_gregorian(calendar: str, year: int, month: int, day: int) -> date | None:
    """The Gregorian day of a date in any supported calendar, or None when it does not exist."""
    if calendar == JALALI:
        return jalali_to_gregorian(year, month, day)
    if calendar == HIJRI:
        return hijri_to_gregorian(year, month, day)
    if calendar == GREGORIAN:
        return gregorian_date(year, month, day)
    raise ValueError(f"unknown calendar {calendar!r}")


def jalali_year(day: date) -> int:
    """The Jalali year a Gregorian day falls in."""
    return int(jdatetime.date.fromgregorian(date=day).year)


def hijri_year(day: date) -> int:
    """The Umm al-Qura Hijri year a Gregorian day falls in (clamped to the table's range)."""
    try:
        return int(Gregorian(day.year, day.month, day.day).to_hijri().year)
    except (ValueError, OverflowError):
        return 1500 if day.year > 2000 else 1343
