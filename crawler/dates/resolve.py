"""Cross-check the sources of an article's dates and pick one published and one modified date.

Policy (published):
1. Candidates after the fetch time (plus clock skew) or before 1990 are rejected and noted.
2. Machine-readable dates are preferred, in the order json-ld, meta, time, feed, sitemap.
3. The best machine date is checked against the date printed near the headline:
   - the printed wall time under another offset, or exactly the site's UTC offset away: the CMS
     labelled local time as UTC or printed UTC without an offset, so the printed date wins;
   - same day, or one day apart (a zone boundary): the machine date wins, except that a printed time
     beats a machine date that has no time;
   - more than a day apart: each side counts the independent sources that agree with it (page markup,
     feed, sitemap, URL); the side with more wins, and on a tie the printed date wins, because a machine
     field that contradicts what readers see by days is usually a template artefact (the render time,
     a site-wide default, or the modification time filed as publication).
4. Without a machine date, the printed date is used, then the URL date.
Modified: the best machine date, else the printed one; dropped when earlier than the published date.
"""

from __future__ import annotations

from datetime import UTC, datetime

from .context import ReadingContext
from .evidence import ArticleDates
from .found import Found
from .mentions import MODIFIED, PUBLISHED
from .zones import iso

EARLIEST_CREDIBLE = datetime(1990, 1, 1, tzinfo=UTC)
ORIGIN_ORDER = ("json-ld", "meta", "time", "feed", "sitemap", "text", "url")
_SOURCE_GROUP = {"json-ld": "markup", "meta": "markup", "time": "markup"}


def settle_dates(candidates: list[Found], ctx: ReadingContext) -> ArticleDates:
    """One published and one modified date out of every source's candidates, with notes on the checks."""
    notes: list[str] = []
    credible = [c for c in candidates if _credible(c, ctx, notes)]
    credible.sort(key=_origin_rank)
    published = _published([c for c in credible if c.role == PUBLISHED], notes)
    modified = _modified([c for c in credible if c.role == MODIFIED], published, notes)
    return ArticleDates(
        published=published.evidence() if published else None,
        modified=modified.evidence() if modified else None,
        notes=tuple(notes),
    )


def _origin_rank(candidate: Found) -> int:
    return ORIGIN_ORDER.index(candidate.origin) if candidate.origin in ORIGIN_ORDER else len(ORIGIN_ORDER)


def _credible(candidate: Found, ctx: ReadingContext, notes: list[str]) -> bool:
    what = f"{candidate.origin} {candidate.role} {iso(candidate.moment)}"
    if candidate.moment > ctx.latest:
        notes.append(f"rejected {what}: after the fetch time")
        return False
    if candidate.moment < EARLIEST_CREDIBLE:
        notes.append(f"rejected {what}: before 1990")
        return False
    return True


def _published(candidates: list[Found], notes: list[str]) -> Found | None:
    machine = [c for c in candidates if c.machine]
    printed = next((c for c in candidates if c.origin == "text"), None)
    fallback = printed or next((c for c in candidates if c.origin == "url"), None)
    if not machine:
        return fallback
    best = machine[0]
    if printed is None:
        return best
    if _zone_confusion(best, printed):
        notes.append(f"{best.origin} {best.original!r} is the printed time read in another zone: "
                     f"the printed date wins in the site's zone")
        return printed
    apart = abs((best.local_day - printed.local_day).days)
    if apart <= 1:
        if apart == 0 and printed.has_time and not best.has_time:
            notes.append(f"{best.origin} agrees with the printed date, which also gives the time")
            return printed
        notes.append(f"{best.origin} agrees with the printed date")
        return best
    best_support, printed_support = _support(best, candidates), _support(printed, candidates)
    winner = best if best_support > printed_support else printed
    notes.append(
        f"{best.origin} {iso(best.moment)} and printed {iso(printed.moment)} are {apart} days apart; "
        f"sources agreeing: {best.origin} {best_support}, printed {printed_support}; {winner.origin} wins"
    )
    return winner


def _zone_confusion(machine: Found, printed: Found) -> bool:
    """The machine time is the printed wall time under another offset, or off by exactly the site's offset.

    CMSs often label local time as UTC ('09:05+00:00' for 09:05 in Tehran) or print UTC without an
    offset, which the site's zone then reads as local time.
    """
    if not (machine.has_time and printed.has_time) or machine.moment == printed.moment:
        return False
    if machine.printed_wall is not None and machine.printed_wall == printed.moment.replace(tzinfo=None):
        return True
    site_offset = printed.moment.utcoffset()
    if not site_offset:
        return False
    return abs(printed.moment - machine.moment) == abs(site_offset)


def _support(candidate: Found, candidates: list[Found]) -> int:
    """How many independent kinds of source (page markup, feed, sitemap, URL, text) agree within a day."""
    own = _SOURCE_GROUP.get(candidate.origin, candidate.origin)
    groups = {
        _SOURCE_GROUP.get(other.origin, other.origin)
        for other in candidates
        if other is not candidate and abs((other.local_day - candidate.local_day).days) <= 1
    }
    groups.discard(own)
    return len(groups)


def _modified(candidates: list[Found], published: Found | None, notes: list[str]) -> Found | None:
    for candidate in candidates:
        if published is not None and _earlier(candidate, published):
            notes.append(f"dropped {candidate.origin} modified {iso(candidate.moment)}: before publication")
            continue
        return candidate
    return None



def _earlier(a: Found, b: Found) -> bool:
    """a is before b, compared by day when either has no time."""
    if a.has_time and b.has_time:
        return a.moment < b.moment
    return a.local_day < b.local_day
