"""Run the news spider in this process and report what the run archived."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler, CrawlerProcess, CrawlerRunner
from scrapy.settings import Settings
from twisted.internet.defer import Deferred

from archive.errors import ArchiveError, ConfigError

from .config import NewsarchiveConfig
from .sources import SourcesFile, load_sources
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


def crawl_settings(db: Path, sources_file: Path | SourcesFile, source_names: list[str] | None = None,
                   overrides: dict[str, Any] | None = None) -> Settings:
    """The settings of one crawl, with its config built here: the sources file is read once per crawl."""
    path = sources_file.path if isinstance(sources_file, SourcesFile) else sources_file
    settings = project_settings({"NEWSARCHIVE_DB": str(db), "NEWSARCHIVE_SOURCES": str(path),
                                 "NEWSARCHIVE_SOURCE_NAMES": list(source_names or []),
                                 **(overrides or {})})
    parsed = sources_file if isinstance(sources_file, SourcesFile) else load_sources(path)
    # fails on a bad sources file before anything starts
    settings.set("NEWSARCHIVE_CONFIG", NewsarchiveConfig.from_settings(settings, sources_file=parsed),
                 priority="cmdline")
    return settings


def run_crawl(db: Path, sources_file: Path | SourcesFile, source_names: list[str] | None = None,
              overrides: dict[str, Any] | None = None) -> RunResult:
    """Crawl the named sources (all when empty) into `db`; blocks until the crawl ends.

    It runs Scrapy's reactor, which cannot start twice in one process; `crawl_on_reactor` runs the same
    crawl on a reactor that is already running.
    """
    process = CrawlerProcess(crawl_settings(db, sources_file, source_names, overrides))
    crawler = process.create_crawler(NewsSpider)
    process.crawl(crawler)
    process.start()
    return run_result(crawler)


def crawl_on_reactor(db: Path, sources_file: Path | SourcesFile, source_names: list[str] | None = None,
                     overrides: dict[str, Any] | None = None) -> Deferred[RunResult]:
    """The crawl `run_crawl` makes, on the running reactor (Scrapy's CrawlerRunner); fires with its result."""
    runner = CrawlerRunner(crawl_settings(db, sources_file, source_names, overrides))
    crawler = runner.create_crawler(NewsSpider)
    finished: Deferred[RunResult] = runner.crawl(crawler).addCallback(lambda _: run_result(crawler))
    return finished


def run_result(crawler: Crawler) -> RunResult:
    """What the news spider of a finished crawl reports (raises when the crawl could not run)."""
    spider: Any = crawler.spider
    if spider is None or not hasattr(spider, "run_status"):
        raise ConfigError("the crawl did not start; see the log above")
    if getattr(spider, "archive_error", None):
        raise ArchiveError(spider.archive_error)
    return RunResult(spider.run_id, spider.run_status, spider.run_totals, spider.run_per_source)
