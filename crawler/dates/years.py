"""Which calendar a printed year belongs to, and which day a printed Y/M/D names."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from .calendars import to_gregorian
from .context import ReadingContext
from .lexicon import GREGORIAN, HIJRI, JALALI

Reading = tuple[str, int, int, int]  # (calendar, year, month, day) as printed

# Four-digit years each calendar can have on a news page.
YEAR_RANGES = {GREGORIAN: range(1800, 2200), JALALI: range(1200, 1600), HIJRI: range(1343, 1501)}


def calendars_for_year(year: int, lang: str | None, explicit: str | None = None) -> list[str]:
    """Calendars a four-digit year can be in: 1300-1499 on a Persian page is always Jalali."""
    if explicit:
        return [explicit] if year in YEAR_RANGES[explicit] else []
    if year in YEAR_RANGES[GREGORIAN]:
        return [GREGORIAN]
    if 1300 <= year <= 1499:
        if lang == "fa" or lang == "ps":
            return [JALALI]
        return [JALALI, HIJRI]  # the context picks: Jalali 1403 is 2024, Hijri 1403 is 1983
    return []


def expand_two_digit_year(short: int, calendar: str, ctx: ReadingContext) -> int:
    """The latest year ending in `short` that is not after the fetch year of that calendar."""
    current = {GREGORIAN: ctx.today.year, JALALI: ctx.jalali_year, HIJRI: ctx.hijri_year}[calendar]
    year = current - (current % 100) + short
    return year if year <= current else year - 100


def short_year_calendar(lang: str | None, explicit: str | None) -> str:
    """The calendar a two-digit year is taken in."""
    if explicit:
        return explicit
    return JALALI if lang in ("fa", "ps") else GREGORIAN


def pick_day(readings: Iterable[Reading], ctx: ReadingContext) -> tuple[str, date] | None:
    """The first reading that exists and is not after the fetch day, else the first that exists."""
    valid: list[tuple[str, date]] = []
    for calendar, year, month, day in readings:
        gregorian = to_gregorian(calendar, year, month, day)
        if gregorian is not None:
            valid.append((calendar, gregorian))
    if not valid:
        return None
    for calendar, gregorian in valid:
        if gregorian <= ctx.today:
            return calendar, gregorian
    return valid[0]


def rank_by_closeness(readings: list[Reading], ctx: ReadingContext) -> list[Reading]:
    """Readings not after the fetch day first, then by how many years back they fall (ties keep their order).

    This tells Jalali 14xx from Hijri 14xx and a two-digit year's reading, keeping D/M/Y-before-M/D/Y.
    """

    def key(reading: Reading) -> tuple[int, int]:
        gregorian = to_gregorian(*reading)
        if gregorian is None:
            return (2, 0)
        return (1 if gregorian > ctx.today else 0, abs(ctx.today.year - gregorian.year))

    return sorted(readings, key=key)


def readings_for(year_text: str, month: int, day: int, lang: str | None, explicit: str | None,
                 ctx: ReadingContext) -> list[Reading]:
    """The (calendar, Y, M, D) readings of a printed year (two or four digits) with month and day."""
    year = int(year_text)
    if len(year_text) == 4:
        calendars = calendars_for_year(year, lang, explicit)
        readings = [(calendar, year, month, day) for calendar in calendars]
        return rank_by_closeness(readings, ctx) if len(readings) > 1 else readings
    if len(year_text) == 2:
        calendar = short_year_calendar(lang, explicit)
        return [(calendar, expand_two_digit_year(year, calendar, ctx), month, day)]
    return []
