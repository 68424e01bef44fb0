"""The item pipeline that writes into the archive through its single writer."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from .items import ArticleItem, CaptureItem
from .stats import RunStats


class ArchivePipeline:
    """Save articles and captures; count new/updated/unchanged articles per source."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchivePipeline:
        if not hasattr(crawler.spider, "archive"):
            raise NotConfigured("ArchivePipeline needs the news spider")
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        spider: Any = self.crawler.spider
        stats = RunStats(self.crawler.stats, item.source) if hasattr(item, "source") else None
        if isinstance(item, ArticleItem) and stats:
            with spider.archive.transaction():
                outcome = spider.archive.save_article(item.article, item.capture)
                spider.frontier.mark(item.frontier_url, "done", article_url=item.article["url"])
            stats.inc(f"articles_{outcome}")
        elif isinstance(item, CaptureItem) and stats:
            with spider.archive.transaction():
                spider.archive.add_capture(item.capture)
                if item.frontier_url and item.frontier_state:
                    spider.frontier.mark(item.frontier_url, item.frontier_state, item.capture.get("error"))
        return item
