"""Gather every date an article page, its URL and its feed/sitemap entries state, then settle them."""

from __future__ import annotations

from dataclasses import replace

from .assumed_zone import assume_zone
from .context import ReadingContext
from .evidence import ArticleDates
from .found import Found
from .json_ld import json_ld_dates
from .machine import read_machine_date
from .mentions import MODIFIED, PUBLISHED
from .meta_tags import meta_dates
from .near_headline import find_headline, time_dates, visible_date_lines
from .page_tree import RawDate, page_language, parse_page
from .reading import has_date_label, read_text
from .resolve import settle_dates
from .url_dates import url_date

_HINT_ROLES = {"updated": MODIFIED, "modified": MODIFIED, "lastmod": MODIFIED, "published": PUBLISHED}


def article_dates(
    html: str, *, url: str | None, ctx: ReadingContext, hints: list[tuple[str, str]], assume: bool = False
) -> ArticleDates:
    """The published and modified dates of one article page, cross-checked across its sources.

    With `assume`, the context's zone is replaced by the one the page shows (see assumed_zone).
    """
    tree = parse_page(html)
    if tree is not None and ctx.lang is None:
        ctx = ctx.with_lang(page_language(tree))
    zone = assume_zone(tree.text_content() if tree is not None else "", ctx.lang) if assume else None
    if zone is not None:
        ctx = ctx.with_zone(zone.name)
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
    dates = settle_dates(candidates, ctx)
    return replace(dates, zone=zone) if zone is not None else dates


def _read_raw(raw: RawDate, ctx: ReadingContext) -> list[Found]:
    found = read_machine_date(raw.text, ctx, raw.origin, raw.role or PUBLISHED)
    return [found] if found is not None else []


def _printed(lines: list[RawDate], ctx: ReadingContext) -> list[Found]:
    """The first printed published date and the first printed modified date, nearest the headline first.

    A date line's enclosing element (when short) lends it a label printed in a sibling element
    («آخرین به‌روزرسانی» beside the date) and a time printed in a sibling element.
    """
    chosen: dict[str, Found] = {}
    for line in lines:
        found_here = read_text(line.text, ctx, "text")
        around = read_text(line.wider, ctx, "text") if line.wider and found_here else {}
        labelled = has_date_label(line.text)
        for role, found in found_here.items():
            if line.role and len(found_here) == 1:
                role = line.role  # an element marked 'updated' holding one unlabelled date
            elif not labelled:
                role = _role_around(found, around) or role
            chosen.setdefault(role, _with_time_around(found, around).as_role(role))
        if PUBLISHED in chosen and MODIFIED in chosen:
            break
    return list(chosen.values())


def _role_around(found: Found, around: dict[str, Found]) -> str | None:
    """The role the enclosing line's labels give the same date (same moment first, then same day)."""
    for role, other in around.items():
        if other.moment == found.moment:
            return role
    for role, other in around.items():
        if other.local_day == found.local_day:
            return role
    return None


def _with_time_around(found: Found, around: dict[str, Found]) -> Found:
    """The same day with its time when the enclosing line prints the time in a sibling element."""
    if found.has_time:
        return found
    for other in around.values():
        if other.has_time and other.local_day == found.local_day:
            return other
    return found
