"""find_article_dates on every real publisher page in shared/extraction-dev: no errors, well-formed values."""

from __future__ import annotations

import glob
import json
import os
from datetime import UTC, datetime

import pytest

from crawler.dates import find_article_dates

PAGES = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "extraction-dev")
FETCHED = datetime(2026, 11, 25, tzinfo=UTC)


def _pages() -> list[str]:
    return sorted(glob.glob(os.path.join(PAGES, "*", "*.html")))


@pytest.mark.skipif(not _pages(), reason="shared/extraction-dev is not beside this checkout")
def test_every_page_gives_well_formed_dates() -> None:
    with_published = 0
    for path in _pages():
        with open(path, "rb") as handle:
            html = handle.read().decode("utf-8", errors="replace")
        with open(path[:-5] + ".json", encoding="utf-8") as handle:
            url = json.load(handle).get("url")
        found = find_article_dates(html, url=url, tz="Europe/Berlin", fetched_at=FETCHED)
        for evidence in (found.published, found.modified):
            if evidence is None:
                continue
            moment = datetime.fromisoformat(evidence.value)
            assert moment.utcoffset() is not None, path
            assert datetime(1990, 1, 1, tzinfo=UTC) <= moment <= FETCHED, path
            assert evidence.calendar in ("gregorian", "jalali", "hijri"), path
            assert evidence.origin in ("json-ld", "meta", "time", "text", "url", "feed", "sitemap"), path
            assert evidence.original.strip(), path
        if found.published and found.modified:
            published_day = datetime.fromisoformat(found.published.value).date()
            assert datetime.fromisoformat(found.modified.value).date() >= published_day, path
        with_published += found.published is not None
    assert with_published > 0.6 * len(_pages())
