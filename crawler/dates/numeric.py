"""All-digit dates: «۱۴۰۲/۱۱/۲۲», «22/11/1402», «۰۲/۱۱/۲۲», '2024-02-11', '11.02.2024', «1445/08/01هـ»."""

from __future__ import annotations

import re

from .context import ReadingContext
from .lexicon import MARKER_PATTERN, marker_calendar
from .mentions import DayMention
from .years import pick_day, rank_by_closeness, readings_for

_NUMERIC = re.compile(
    r"(?<![\d/.:-])(?P<a>\d{1,4})\s?(?P<sep>[/.-])\s?(?P<b>\d{1,2})\s?(?P=sep)\s?(?P<c>\d{1,4})"
    r"(?!\d)(?!\s?(?P=sep)\s?\d)(?!:\d)"
    rf"(?:\s*(?P<marker>{MARKER_PATTERN})(?!\w))?"
)

Reading = tuple[str, int, int, int]


def find_numeric_dates(folded: str, ctx: ReadingContext, lang: str | None) -> list[DayMention]:
    """Every Y/M/D, D/M/Y or M/D/Y date (any of / - . as separator) in folded text."""
    found = []
    for match in _NUMERIC.finditer(folded):
        explicit = marker_calendar(match["marker"]) if match["marker"] else None
        picked = pick_day(_readings(match["a"], match["b"], match["c"], lang, explicit, ctx), ctx)
        if picked is not None:
            found.append(DayMention(match.start(), match.end(), picked[0], picked[1]))
    return found


def _readings(
    a: str, b: str, c: str, lang: str | None, explicit: str | None, ctx: ReadingContext
) -> list[Reading]:
    """Readings in the order the site's conventions make likely."""
    middle = int(b)
    if len(a) == 4:
        return readings_for(a, middle, int(c), lang, explicit, ctx)
    if len(a) == 3 or len(c) == 3:
        return []
    day_month_year = readings_for(c, middle, int(a), lang, explicit, ctx)
    month_day_year = readings_for(c, int(a), middle, lang, explicit, ctx)
    if len(c) == 4:
        return month_day_year + day_month_year if lang == "en" else day_month_year + month_day_year
    # Two-digit years: a Persian CMS prints YY/MM/DD, others DD/MM/YY (US sites MM/DD/YY);
    # of the readings that exist, the one nearest before the fetch day wins.
    year_month_day = readings_for(a, middle, int(c), lang, explicit, ctx)
    if lang in ("fa", "ps"):
        ordered = year_month_day + day_month_year
    elif lang == "en":
        ordered = month_day_year + day_month_year + year_month_day
    else:
        ordered = day_month_year + month_day_year + year_month_day
    return rank_by_closeness(ordered, ctx)
