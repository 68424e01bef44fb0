"""Gather every date an article page, its URL and its feed/sitemap entries state, then settle them."""

from __future__ import annotations

from .context import ReadingContext
from .evidence import ArticleDates
from .found import Found
from .html_sources import (
    RawDate,
    find_headline,
    json_ld_dates,
    meta_dates,
    page_language,
    parse_page,
    time_dates,
    visible_date_lines,
)
from .machine import read_machine_date
from .mentions import MODIFIED, PUBLISHED
from .reading import read_text
from .resolve import settle_dates
from .url_dates import url_date

_HINT_ROLES = {"updated": MODIFIED, "modified": MODIFIED, "lastmod": MODIFIED, "published": PUBLISHED}


def article_dates(
    html: str, *, url: str | None, ctx: ReadingContext, hints: list[tuple[str, str]]
) -> ArticleDates:
    """The published and modified dates of one article page, cross-checked across its sources."""
    tree = parse_page(html)
    if tree is not None and ctx.lang is None:
        ctx = ctx.with_lang(page_language(tree))
    candidates: list[Found] = []
    if tree is not None:
        headline = find_headline(tree)
        for raw in [*json_ld_dates(tree), *meta_dates(tree), *time_dates(tree, headline)]:
            candidates.extend(_read_raw(raw, ctx))
        candidates.extend(_printed(visible_date_lines(tree, headline), ctx))
    from_url = url_date(url, ctx)
    if from_url is not None:
        candidates.append(from_url)
    for origin, text in hints:
        base, _, kind = origin.partition(":")
        found = read_machine_date(text, ctx, base or origin, _HINT_ROLES.get(kind.lower(), PUBLISHED))
        if found is not None:
            candidates.append(found)
    return settle_dates(candidates, ctx)


def _read_raw(raw: RawDate, ctx: ReadingContext) -> list[Found]:
    found = read_machine_date(raw.text, ctx, raw.origin, raw.role or PUBLISHED)
    return [found] if found is not None else []


def _printed(lines: list[RawDate], ctx: ReadingContext) -> list[Found]:
    """The first printed published date and the first printed modified date, nearest the headline first."""
    chosen: dict[str, Found] = {}
    for line in lines:
        found_here = read_text(line.text, ctx, "text")
        for role, found in found_here.items():
            if line.role and len(found_here) == 1:
                role = line.role  # an element marked 'updated' holding one unlabelled date
            if not found.has_time and line.wider:
                found = _with_time_nearby(found, line.wider, ctx)
            chosen.setdefault(role, found.as_role(role))
        if PUBLISHED in chosen and MODIFIED in chosen:
            break
    return list(chosen.values())


def _with_time_nearby(found: Found, wider: str, ctx: ReadingContext) -> Found:
    """The same day with its time when the enclosing line prints the time in a sibling element."""
    for other in read_text(wider, ctx, "text").values():
        if other.has_time and other.local_day == found.local_day:
            return other
    return found
