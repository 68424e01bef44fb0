"""Dates with the month written out: «۲۲ بهمن ۱۴۰۲», «11 تشرين الأول 2023», «فبراير 11, 2024», 'Feb 11'."""

from __future__ import annotations

import re

from .context import ReadingContext
from .lexicon import GREGORIAN, HIJRI, JALALI, MARKER_PATTERN, MONTH_PATTERN, lookup_month
from .mentions import DayMention
from .years import YEAR_RANGES, expand_two_digit_year, pick_day

_YEAR = r"(?P<year>\d{4}(?!\d)(?!:\d)|\d{2}(?![\d:]))"
_MARKER = rf"(?:\s*(?P<marker>{MARKER_PATTERN})(?!\w))?"

_DAY_FIRST = re.compile(
    rf"(?<!\d)(?P<day>\d{{1,2}})(?!\d)(?:\s*(?:st|nd|rd|th|ام|er))?\s*(?:of\s+)?[-/]?\s*"
    rf"(?P<month>{MONTH_PATTERN})(?!\w)\.?"
    rf"(?:\s*[/(]\s*(?P<month2>{MONTH_PATTERN})(?!\w)\s*\)?)?"
    rf"(?:\s*ماه(?!\w))?"
    rf"(?:\s*[,/]?\s*,?\s*{_YEAR}{_MARKER})?"
)
_MONTH_FIRST = re.compile(
    rf"(?<!\w)(?P<month>{MONTH_PATTERN})(?!\w)\.?\s*(?P<day>\d{{1,2}})(?!\d)(?!:\d)(?:st|nd|rd|th)?"
    rf"(?:\s*,?\s*,?\s*(?P<year>\d{{4}}(?!\d)(?!:\d)){_MARKER})?"
)
_LATIN = re.compile(r"[a-z]")


def find_written_dates(folded: str, ctx: ReadingContext, lang: str | None) -> list[DayMention]:
    """Every day-month(-year) and month-day(-year) date in folded text."""
    found: list[DayMention] = []
    for pattern, day_first in ((_DAY_FIRST, True), (_MONTH_FIRST, False)):
        for match in pattern.finditer(folded):
            mention = _mention(match, ctx, day_first)
            if mention is not None:
                found.append(mention)
    return found


def _mention(match: re.Match[str], ctx: ReadingContext, day_first: bool) -> DayMention | None:
    """The day a match names; the month name decides the calendar (a contradicting marker is ignored)."""
    named = lookup_month(match["month"])
    if named is None:
        return None
    calendar, month = named
    second = match.groupdict().get("month2")
    if second and lookup_month(second) not in (None, named):
        # «شباط/فبراير» names one month twice; «شباط/مارس» is not a date we can trust.
        return None
    if not day_first and match["year"] is None and not _LATIN.match(match["month"]):
        return None  # «بهمن ۲۲» without a year is too often not a date at all
    return _checked(match, ctx, calendar, month)


def _checked(match: re.Match[str], ctx: ReadingContext, calendar: str, month: int) -> DayMention | None:
    day = int(match["day"])
    year_text = match["year"]
    inferred = False
    if year_text is None:
        year = _latest_year_for(calendar, month, day, ctx)
        if year is None:
            return None
        inferred = True
    elif len(year_text) == 2:
        year = expand_two_digit_year(int(year_text), calendar, ctx)
    else:
        year = int(year_text)
        if year not in YEAR_RANGES[calendar]:
            return None
    picked = pick_day([(calendar, year, month, day)], ctx)
    if picked is None:
        return None
    return DayMention(match.start(), match.end(), calendar, picked[1], relative=inferred)


def _latest_year_for(calendar: str, month: int, day: int, ctx: ReadingContext) -> int | None:
    """The year a month-day without a year most likely has: the latest one not after the fetch day."""
    current = {GREGORIAN: ctx.today.year, JALALI: ctx.jalali_year, HIJRI: ctx.hijri_year}[calendar]
    for year in (current, current - 1):
        picked = pick_day([(calendar, year, month, day)], ctx)
        if picked is not None and picked[1] <= ctx.today:
            return year
    return None
