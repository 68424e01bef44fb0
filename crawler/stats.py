"""newsarchive's Scrapy stats: totals under `newsarchive/KEY`, per source under `newsarchive/SOURCE/KEY`."""

from __future__ import annotations

from typing import Any

PREFIX = "newsarchive"
#: The counters of a run, in the order `crawl_runs` and the summary show them.
COUNTERS = ("discovered", "fetched", "articles_new", "articles_updated", "articles_unchanged",
            "not_modified", "fetch_failed", "extraction_failed", "not_article", "blocked", "bytes",
            "robots_disallowed")


class RunStats:
    """Increment a counter both in total and for one source."""

    def __init__(self, stats: Any, source: str):
        self.stats = stats
        self.source = source

    def inc(self, key: str, count: int = 1) -> None:
        self.stats.inc_value(f"{PREFIX}/{key}", count)
        self.stats.inc_value(f"{PREFIX}/{self.source}/{key}", count)


def totals(stats: dict[str, Any]) -> dict[str, int]:
    """The run's totals from a Scrapy stats dict."""
    return {key: int(stats.get(f"{PREFIX}/{key}", 0)) for key in COUNTERS}


def per_source(stats: dict[str, Any], sources: list[str]) -> dict[str, dict[str, int]]:
    """Each source's counters from a Scrapy stats dict."""
    return {s: {key: int(stats.get(f"{PREFIX}/{s}/{key}", 0)) for key in COUNTERS} for s in sources}
