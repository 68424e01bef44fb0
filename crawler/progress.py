"""Live per-source progress on a terminal (a Scrapy extension, on when NEWSARCHIVE_PROGRESS is true)."""

from __future__ import annotations

import sys
from typing import Any, TextIO

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.internet import task

from .config import NewsarchiveConfig
from .stats import PREFIX


def progress_line(stats: dict[str, Any], sources: list[str]) -> str:
    """One line: each source's fetched, new, updated and failed counts so far."""
    parts = []
    for name in sources:
        fetched, new, updated, failed = (int(stats.get(f"{PREFIX}/{name}/{key}", 0)) for key in (
            "fetched", "articles_new", "articles_updated", "fetch_failed"))
        parts.append(f"{name}: {fetched} fetched, {new} new, {updated} updated, {failed} failed")
    return " | ".join(parts)


class ProgressExtension:
    """Redraw the progress line every `interval` seconds while the crawl runs."""

    def __init__(self, crawler: Crawler, stream: TextIO = sys.stderr, interval: float = 1.0):
        self.crawler = crawler
        self.stream = stream
        self.interval = interval
        self.loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressExtension:
        config = NewsarchiveConfig.of(crawler)
        if config is None or not config.progress:
            raise NotConfigured
        extension = cls(crawler)
        crawler.signals.connect(extension.opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.closed, signal=signals.spider_closed)
        return extension

    def _sources(self) -> list[str]:
        return list(getattr(self.crawler.spider, "sources", {}) or [])

    def draw(self) -> None:
        line = progress_line(self.crawler.stats.get_stats(), self._sources())
        self.stream.write("\r\x1b[2K" + line[:400])
        self.stream.flush()

    def opened(self, spider: Any) -> None:
        self.loop = task.LoopingCall(self.draw)
        self.loop.start(self.interval, now=True)

    def closed(self, spider: Any, reason: str) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        self.draw()
        self.stream.write("\n")
        self.stream.flush()
