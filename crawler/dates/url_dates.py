"""Dates in article URLs: /1402/11/22/, /2024/02/11/, /2024-02-11-slug, /20240211/."""

from __future__ import annotations

import re
from datetime import datetime, time
from urllib.parse import unquote, urlsplit

from .context import ReadingContext
from .found import Found
from .normalize import fold
from .years import pick_day, readings_for
from .zones import localize

_SEPARATED = re.compile(
    r"(?<![\d])(?P<y>(?:19|20|13|14)\d{2})(?P<sep>[/_-])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)"
)
_COMPACT = re.compile(r"(?<=/)(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?=/|$|[-_.])")


def url_date(url: str | None, ctx: ReadingContext) -> Found | None:
    """The day an article's URL path names, if it names one."""
    if not url:
        return None
    path = fold(unquote(urlsplit(url).path))
    for pattern in (_SEPARATED, _COMPACT):
        for match in pattern.finditer(path):
            readings = readings_for(match["y"], int(match["m"]), int(match["d"]), ctx.lang, None, ctx)
            picked = pick_day(readings, ctx)
            if picked is None:
                continue
            calendar, day = picked
            moment = localize(datetime.combine(day, time()), ctx.zone)
            return Found(moment, "day", calendar, match.group(0), "url")
    return None
