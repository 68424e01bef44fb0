"""The item pipeline that writes into the archive through its single writer."""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.utils.defer import deferred_from_coro

from archive.boilerplate import record_lines

from .items import ArticleItem, CaptureItem
from .stats import RunStats

logger = logging.getLogger(__name__)


class ArchivePipeline:
    """Save articles and captures (each in one transaction); count outcomes per source.

    A write that fails (disk full, archive damaged) rolls back whole; the run is then stopped
    with reason ``archive_error`` instead of carrying on and losing every later article.
    """

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.error: str | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchivePipeline:
        if not hasattr(crawler.spider, "archive"):
            raise NotConfigured("ArchivePipeline needs the news spider")
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        if self.error is not None:
            raise DropItem(f"archive unavailable: {self.error}")
        try:
            self._save(item)
        except sqlite3.Error as exc:
            self._stop(exc)
            raise DropItem(f"not archived: {exc}") from None
        return item

    def _save(self, item: Any) -> None:
        spider: Any = self.crawler.spider
        if isinstance(item, ArticleItem):
            with spider.archive.transaction():
                outcome = spider.archive.save_article(item.article, item.capture)
                stored = spider.archive.stored_url(item.article["url"], item.article.get("url_key"))
                spider.frontier.mark(item.frontier_url, "done", article_url=stored)
                if outcome == "new" and item.line_keys:
                    record_lines(spider.archive.db, item.source, item.line_keys)
            if outcome == "new" and item.line_keys:
                spider.boilerplate[item.source].observe(item.line_keys)
            RunStats(self.crawler.stats, item.source).inc(f"articles_{outcome}")
        elif isinstance(item, CaptureItem):
            with spider.archive.transaction():
                spider.archive.add_capture(item.capture)
                if item.frontier_url and item.frontier_state:
                    spider.frontier.mark(item.frontier_url, item.frontier_state, item.capture.get("error"))

    def _stop(self, exc: sqlite3.Error) -> None:
        self.error = f"{exc}"
        spider: Any = self.crawler.spider
        spider.archive_error = f"cannot write to the archive {spider.config.db}: {exc}"
        logger.error("%s; stopping the run (nothing half-written was kept)", spider.archive_error)
        if self.crawler.engine is not None:
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="archive_error"))
