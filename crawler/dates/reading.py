"""Read one printed string: find its days, times, relative phrases and labels; settle each date it gives."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time

from .clock import find_clocks
from .context import ReadingContext
from .found import Found
from .lexicon import GREGORIAN, HIJRI, JALALI, MODIFIED_LABELS, PUBLISHED_LABELS
from .mentions import (
    MODIFIED,
    PUBLISHED,
    ClockMention,
    DayMention,
    LabelMention,
    MomentMention,
    Span,
    by_position,
    without_overlaps,
)
from .normalize import collapse, fold, fold_mapped, guess_script_language
from .numeric import find_numeric_dates
from .relative import find_relative
from .written import find_written_dates
from .zones import iso, localize

_LABELS = re.compile(
    r"(?<!\w)(?:(?P<modified>" + "|".join(MODIFIED_LABELS) + r")|(?P<published>" + "|".join(PUBLISHED_LABELS)
    + r"))(?!\w)"
)
CLOCK_REACH = 40  # characters between a date and the time printed with it
_LETTER = re.compile(r"[^\W\d_]")

Item = DayMention | MomentMention


@dataclass(frozen=True)
class _Scan:
    raw: str
    folded: str
    where: list[int]
    items: list[Item]
    clocks: list[ClockMention]
    labels: list[LabelMention]


def read_text(text: str, ctx: ReadingContext, origin: str = "text") -> dict[str, Found]:
    """The published and/or modified dates a printed string gives, keyed by role."""
    scan = _scan(text, ctx)
    if not scan.items:
        return {}
    roles = _roles(scan)
    several_roles = len(set(roles.values())) > 1
    found: dict[str, Found] = {}
    for role in (PUBLISHED, MODIFIED):
        items = [item for item in scan.items if roles[id(item)] == role]
        clocks = [clock for clock in scan.clocks if roles[id(clock)] == role]
        settled = _settle(items, clocks, scan, ctx, lang=ctx.lang or guess_script_language(text))
        if settled is None:
            continue
        moment, precision, calendar, relative, used = settled
        original = _region_text(scan, role, used) if several_roles else collapse(text)
        found[role] = Found(moment, precision, calendar, original, origin, role,
                            iso(ctx.fetched_at) if relative else None)
    return found


def has_date_label(text: str) -> bool:
    """True when the text prints a label such as «تاریخ انتشار» or 'Updated'."""
    return _LABELS.search(fold(text)) is not None


def _scan(text: str, ctx: ReadingContext) -> _Scan:
    folded, where = fold_mapped(text)
    lang = ctx.lang or guess_script_language(text)
    absolute = without_overlaps(by_position(find_written_dates(folded, ctx, lang))
                                + by_position(find_numeric_dates(folded, ctx, lang)))
    moments, relative_days = find_relative(folded, ctx)
    relative: list[Item] = by_position([*moments, *relative_days])
    items: list[Item] = without_overlaps([*absolute, *relative])
    clocks = [c for c in find_clocks(folded) if not any(c.overlaps(item) for item in items)]
    labels = [LabelMention(m.start(), m.end(), MODIFIED if m["modified"] else PUBLISHED)
              for m in _LABELS.finditer(folded)]
    labels = [label for label in labels if not any(label.overlaps(item) for item in items)]
    return _Scan(text, folded, where, items, clocks, labels)


def _roles(scan: _Scan) -> dict[int, str]:
    """Each item and clock takes the role of the last label before it (published when none)."""
    events: list[Span] = by_position([*scan.labels, *scan.items, *scan.clocks])
    role = PUBLISHED
    roles: dict[int, str] = {}
    for event in events:
        if isinstance(event, LabelMention):
            role = event.role
        else:
            roles[id(event)] = role
    return roles


def _settle(items: list[Item], clocks: list[ClockMention], scan: _Scan, ctx: ReadingContext,
            lang: str | None) -> tuple[datetime, str, str, bool, list[Span]] | None:
    """(moment, precision, calendar, relative?, spans used) for one role's items, best first."""
    printed = [i for i in items if isinstance(i, DayMention) and not i.needs_clock]
    if printed:
        cluster = [i for i in printed if _agree(i, printed[0])]
        chosen = min(cluster, key=lambda i: _calendar_rank(i.calendar, lang))
        return _at_clock(chosen, cluster, items, clocks, ctx)
    moments = [i for i in items if isinstance(i, MomentMention)]
    if moments:
        return moments[0].moment, moments[0].precision, GREGORIAN, True, [moments[0]]
    for word in (i for i in items if isinstance(i, DayMention)):
        settled = _at_clock(word, [word], items, clocks, ctx)
        if settled[1] != "day" or _stands_alone(word, scan):
            return settled
    return None


def _stands_alone(word: DayMention, scan: _Scan) -> bool:
    """A bare «امروز» / 'today' is a date only with nothing but labels around it («اليوم السابع» is not)."""
    rest = scan.folded[: word.start] + " " + scan.folded[word.end:]
    for label in scan.labels:
        rest = rest.replace(scan.folded[label.start: label.end], " ")
    return _LETTER.search(rest) is None


def _agree(a: DayMention, b: DayMention) -> bool:
    """Two printed days name the same day (a Hijri day may be one off: sighting versus Umm al-Qura)."""
    slack = 1 if HIJRI in (a.calendar, b.calendar) else 0
    return abs((a.day - b.day).days) <= slack


def _calendar_rank(calendar: str, lang: str | None) -> int:
    """Solar calendars before Hijri; the site's own solar calendar first."""
    native = JALALI if lang in ("fa", "ps") else GREGORIAN
    return 0 if calendar == native else 2 if calendar == HIJRI else 1


def _at_clock(chosen: DayMention, cluster: list[DayMention], items: list[Item], clocks: list[ClockMention],
              ctx: ReadingContext) -> tuple[datetime, str, str, bool, list[Span]]:
    clock = _nearest_clock(cluster, items, clocks)
    used: list[Span] = [*cluster, *([clock] if clock else [])]
    if clock is None:
        midnight = localize(datetime.combine(chosen.day, time()), ctx.zone)
        return midnight, "day", chosen.calendar, chosen.relative, used
    wall = datetime.combine(chosen.day, time(clock.hour, clock.minute, clock.second or 0))
    moment = wall.replace(tzinfo=clock.zone).astimezone(ctx.zone) if clock.zone else localize(wall, ctx.zone)
    precision = "minute" if clock.second is None else "second"
    return moment, precision, chosen.calendar, chosen.relative, used


def _nearest_clock(
    cluster: list[DayMention], items: list[Item], clocks: list[ClockMention]
) -> ClockMention | None:
    """The time printed closest to the date (after it first), not past another date."""
    others = [i for i in items if i not in cluster]
    best: tuple[int, int, ClockMention] | None = None
    for clock in clocks:
        member = min(cluster, key=lambda m: m.gap_to(clock))
        gap = member.gap_to(clock)
        low, high = min(member.end, clock.end), max(member.start, clock.start)
        if gap > CLOCK_REACH or any(low <= o.start and o.end <= high for o in others):
            continue
        rank = (gap, 0 if clock.start >= member.end else 1, clock)
        if best is None or rank[:2] < best[:2]:
            best = rank
    return best[2] if best else None


def _region_text(scan: _Scan, role: str, used: list[Span]) -> str:
    """The printed words of one role's date: from its label (if any) to the last span used."""
    start = min(s.start for s in used)
    labels_before = [label for label in scan.labels if label.role == role and label.end <= start]
    if labels_before:
        start = labels_before[-1].start
    end = max(s.end for s in used)
    return collapse(scan.raw[scan.where[start]: scan.where[end - 1] + 1])
