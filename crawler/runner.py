"""Run the news spider in this process and report what the run archived."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from archive.errors import ArchiveError, ConfigError

from .config import NewsarchiveConfig
from .spiders.news import NewsSpider


@dataclass
class RunResult:
    """What one crawl did."""

    run_id: int
    status: str  # ok | partial | interrupted | failed
    totals: dict[str, int] = field(default_factory=dict)
    per_source: dict[str, dict[str, int]] = field(default_factory=dict)


def project_settings(overrides: dict[str, Any] | None = None) -> Settings:
    """The crawler's settings module plus overrides."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def run_crawl(db: Path, sources_file: Path, source_names: list[str] | None = None,
              overrides: dict[str, Any] | None = None) -> RunResult:
    """Crawl the named sources (all when empty) into `db`; blocks until the crawl ends."""
    settings = project_settings({"NEWSARCHIVE_DB": str(db), "NEWSARCHIVE_SOURCES": str(sources_file),
                                 "NEWSARCHIVE_SOURCE_NAMES": list(source_names or []),
                                 **(overrides or {})})
    NewsarchiveConfig.from_settings(settings)  # fail on a bad sources file before anything starts
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(NewsSpider)
    process.crawl(crawler)
    process.start()
    spider: Any = crawler.spider
    if spider is None or not hasattr(spider, "run_status"):
        raise ConfigError("the crawl did not start; see the log above")
    if getattr(spider, "archive_error", None):
        raise ArchiveError(spider.archive_error)
    return RunResult(spider.run_id, spider.run_status, spider.run_totals, spider.run_per_source)
