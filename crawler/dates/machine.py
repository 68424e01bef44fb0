"""Machine-readable dates: ISO 8601 / W3C with or without an offset, RFC 822, and Jalali ISO look-alikes."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time, timedelta, timezone
from email.utils import parsedate_to_datetime

from .context import ReadingContext
from .found import Found
from .mentions import PUBLISHED
from .normalize import fold, guess_script_language
from .reading import read_text
from .years import pick_day, readings_for
from .zones import localize

_ISO = re.compile(
    r"(?P<y>\d{4})(?:(?P<sep>[-/.])(?P<mo>\d{1,2})(?P=sep)(?P<d>\d{1,2})|(?P<cmo>\d{2})(?P<cd>\d{2}))"
    r"(?:(?:t|\s+|t\s*)(?P<h>\d{1,2}):?(?P<mi>\d{2})(?::?(?P<s>\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(?P<off>z|utc|gmt|[+-]\d{2}(?::?\d{2})?)?"
)
_EPOCH = re.compile(r"\d{10}(?:\d{3})?")
_RFC822 = re.compile(r"(?:[a-z]{3},?\s*)?\d{1,2}\s+[a-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}.*")


def read_machine_date(value: str, ctx: ReadingContext, origin: str, role: str = PUBLISHED) -> Found | None:
    """A date from an attribute, JSON-LD field, feed or sitemap entry; printed-style text is read as text."""
    folded = fold(value)
    if not folded:
        return None
    match = _ISO.fullmatch(folded)
    if match:
        return _from_iso(match, value, ctx, origin, role)
    if _EPOCH.fullmatch(folded):
        seconds = int(folded[:10])
        moment = datetime.fromtimestamp(seconds, UTC).astimezone(ctx.zone)
        return Found(moment, "second", "gregorian", value.strip(), origin, role)
    rfc = _from_rfc822(folded, value, ctx, origin, role)
    if rfc is not None:
        return rfc
    text = read_text(value, ctx, origin)
    found = text.get(PUBLISHED) or text.get(role)
    return found.as_role(role) if found else None


def _from_iso(match: re.Match[str], value: str, ctx: ReadingContext, origin: str, role: str) -> Found | None:
    month, day = (match["mo"], match["d"]) if match["sep"] else (match["cmo"], match["cd"])
    lang = ctx.lang or guess_script_language(value)
    picked = pick_day(readings_for(match["y"], int(month), int(day), lang, None, ctx), ctx)
    if picked is None:
        return None
    calendar, gregorian = picked
    if match["h"] is None:
        moment = localize(datetime.combine(gregorian, time()), ctx.zone)
        return Found(moment, "day", calendar, value.strip(), origin, role)
    hour, minute, second = int(match["h"]), int(match["mi"]), int(match["s"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    wall = datetime.combine(gregorian, time(hour, minute, second))
    precision = "second" if match["s"] else "minute"
    offset = _offset(match["off"])
    if offset is None:
        return Found(localize(wall, ctx.zone), precision, calendar, value.strip(), origin, role)
    moment = wall.replace(tzinfo=offset).astimezone(ctx.zone)
    return Found(moment, precision, calendar, value.strip(), origin, role, printed_wall=wall)


def _offset(text: str | None) -> timezone | None:
    if not text:
        return None
    if text in ("z", "utc", "gmt"):
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 14 or minutes > 59:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _from_rfc822(folded: str, value: str, ctx: ReadingContext, origin: str, role: str) -> Found | None:
    """'Sun, 11 Feb 2024 05:35:00 GMT' as feeds print it (a missing or -0000 zone is the site's)."""
    if not _RFC822.fullmatch(folded):
        return None
    try:
        parsed = parsedate_to_datetime(folded)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed.year < 1800:
        return None
    precision = "second"
    if parsed.tzinfo is None:
        return Found(localize(parsed, ctx.zone), precision, "gregorian", value.strip(), origin, role)
    wall = parsed.replace(tzinfo=None)
    return Found(parsed.astimezone(ctx.zone), precision, "gregorian", value.strip(), origin, role,
                 printed_wall=wall)
