"""newsarchive's Scrapy settings, read once into one typed object."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scrapy.crawler import Crawler
from scrapy.settings import BaseSettings

from . import settings as defaults
from .sources import Source, SourcesFile, load_sources


@dataclass(frozen=True)
class NewsarchiveConfig:
    """Every NEWSARCHIVE_* setting, typed; built by `from_settings` and nowhere else."""

    db: Path
    sources_file: Path
    sources: tuple[Source, ...]
    failure_threshold: float  # share of failed fetches/extractions above which a run is partial
    max_article_bytes: int  # bodies larger than this are not extracted (capture kept)
    progress: bool  # print live per-source progress to stderr
    ignore_backoff: bool  # crawl sources that are backing off after failed runs
    lock_held: bool  # the caller (newsarchive crawl) holds the archive's lock already
    politeness: bool  # per-host delay floors, Crawl-delay and Retry-After

    @classmethod
    def from_settings(cls, settings: BaseSettings, source_names: list[str] | None = None,
                      sources_file: SourcesFile | None = None) -> NewsarchiveConfig:
        """Read and validate the settings (raises archive.errors.ConfigError).

        A crawl started by crawler.runner reads its sources file once and puts the config in
        NEWSARCHIVE_CONFIG; every component then gets that same object here.
        """
        built = settings.get("NEWSARCHIVE_CONFIG")
        if isinstance(built, NewsarchiveConfig) and not source_names:
            return built
        path = Path(settings.get("NEWSARCHIVE_SOURCES", defaults.NEWSARCHIVE_SOURCES))
        names = source_names or settings.getlist("NEWSARCHIVE_SOURCE_NAMES")
        sources = tuple((sources_file or load_sources(path)).select(names))
        return cls(
            db=Path(settings.get("NEWSARCHIVE_DB", defaults.NEWSARCHIVE_DB)),
            sources_file=path,
            sources=sources,
            failure_threshold=settings.getfloat("NEWSARCHIVE_FAILURE_THRESHOLD",
                                                defaults.NEWSARCHIVE_FAILURE_THRESHOLD),
            max_article_bytes=settings.getint("NEWSARCHIVE_MAX_ARTICLE_BYTES", defaults.NEWSARCHIVE_MAX_ARTICLE_BYTES),
            progress=settings.getbool("NEWSARCHIVE_PROGRESS", defaults.NEWSARCHIVE_PROGRESS),
            ignore_backoff=settings.getbool("NEWSARCHIVE_IGNORE_BACKOFF", defaults.NEWSARCHIVE_IGNORE_BACKOFF),
            lock_held=settings.getbool("NEWSARCHIVE_LOCK_HELD", defaults.NEWSARCHIVE_LOCK_HELD),
            politeness=settings.getbool("NEWSARCHIVE_POLITENESS", defaults.NEWSARCHIVE_POLITENESS),
        )

    @staticmethod
    def of(crawler: Crawler) -> NewsarchiveConfig | None:
        """The config of the news spider this crawler runs, or None for any other spider."""
        return getattr(crawler.spider, "config", None)

    def trusted_hosts(self) -> list[str]:
        """The hosts the user named as sources: the only ones that may be on non-public addresses."""
        hosts: set[str] = set()
        for source in self.sources:
            hosts.add(source.host)
            hosts.update(h.lower() for h in source.allowed_hosts)
        return sorted(hosts)

    def download_slots(self) -> dict[str, dict[str, float]]:
        """Per-host politeness from the sources: Scrapy's DOWNLOAD_SLOTS."""
        slots: dict[str, dict[str, float]] = {}
        for source in self.sources:
            for host in source.hosts():
                slots[host] = {"concurrency": source.concurrency, "delay": source.delay}
        return slots
