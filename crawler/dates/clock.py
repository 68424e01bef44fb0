"""Times of day: '۰۹:۰۵', '۸:۱۵ ق.ظ', '۶:۲۰ ب.ظ', '10:30 م', '9:05 a.m.', '09.05 GMT', '09:05:00+03:30'."""

from __future__ import annotations

import re
from datetime import UTC, timedelta, timezone

from .mentions import ClockMention
from .zones import OFFSET_PATTERN, printed_offset

_MORNING = r"ق\s*\.?\s*ظ\.?|قبل\s*از\s*ظهر|صبح|a\.?\s?m\.?|صباحا|صباح|ص"
_AFTERNOON = r"ب\s*\.?\s*ظ\.?|بعد\s*از\s*ظهر|بعدازظهر|عصر|شب|p\.?\s?m\.?|مساءا|مساء|م"

_CLOCK = re.compile(
    r"(?<![\d:.])(?P<h>\d{1,2})(?:\s?:\s?|(?P<dot>\.))(?P<m>\d{2}|\d(?![\d/.-]))(?:\s?:\s?(?P<s>\d{2}))?(?:[.,]\d{1,6})?(?!\d)"
    r"(?:(?P<osign>[+-])(?P<oh>\d{2}):?(?P<om>\d{2})(?!\d)|(?P<utc>z)(?![a-z]))?"
    rf"(?:\s*(?:(?P<am>{_MORNING})|(?P<pm>{_AFTERNOON}))(?![\w.]))?"
    rf"(?:\s*\(?{OFFSET_PATTERN}\)?)?"
)


def find_clocks(folded: str) -> list[ClockMention]:
    """Every valid time of day in folded text, made 24-hour, with any zone printed beside it."""
    found = []
    for match in _CLOCK.finditer(folded):
        if match["dot"] and not (match["am"] or match["pm"] or match["zname"]):
            continue  # '09.05' is a time only with 'GMT' or 'a.m.' beside it (else '11.02.2024' ...)
        hour, minute = int(match["h"]), int(match["m"])
        second = int(match["s"]) if match["s"] else None
        if match["am"] or match["pm"]:
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if match["pm"] else 0)
        if hour > 23 or minute > 59 or (second is not None and second > 59):
            continue
        found.append(ClockMention(match.start(), match.end(), hour, minute, second, _zone(match)))
    return found


def _zone(match: re.Match[str]) -> timezone | None:
    if match["utc"]:
        return UTC
    if match["osign"]:
        offset = timedelta(hours=int(match["oh"]), minutes=int(match["om"]))
        if offset > timedelta(hours=14) or int(match["om"]) % 15:
            return None
        return timezone(offset if match["osign"] == "+" else -offset)
    if match["zname"]:
        return printed_offset(match["zname"], match["zsign"], match["zh"], match["zm"])
    return None
