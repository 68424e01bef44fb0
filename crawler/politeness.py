"""Politeness beyond Scrapy's defaults: robots.txt failures disallow, Crawl-delay, Retry-After.

Scrapy treats a robots.txt that answers 5xx or cannot be fetched as "allow all"; RFC 9309 says
such a site must be treated as fully disallowed for now. Scrapy also ignores Crawl-delay and
retries 429/503 answers at once, whatever Retry-After says.
"""

from __future__ import annotations

import logging
import time
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Request, Response
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred
from twisted.internet.task import deferLater

from .config import NewsarchiveConfig

logger = logging.getLogger(__name__)

MAX_RETRY_AFTER = 300.0  # seconds; a server asking for more is given up on for this run
MAX_JITTER = 0.25  # waits vary between 1 and 1.67 × a host's floor delay


class DisallowAll:
    """The robots parser used while a site's robots.txt is unavailable (RFC 9309 §2.3.1.4)."""

    def allowed(self, url: str | bytes, user_agent: str | bytes) -> bool:
        return False

    def crawl_delay(self, user_agent: str | bytes) -> float | None:
        return None


class StrictRobotsTxtMiddleware(RobotsTxtMiddleware):
    """Obey robots.txt; a 5xx or unreachable robots.txt disallows the host; note Crawl-delay."""

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self.crawl_delays: dict[str, float] = {}

    async def robot_parser(self, request: Request) -> Any:
        """The host's parser, also for requests that waited while robots.txt was being fetched.

        Requests arriving while robots.txt is downloading all wait on one Deferred; turned into
        futures, only the first of them receives the parser and the others get None, which Scrapy
        reads as "allow". That lets every URL queued at the start of a run (the frontier left by
        an earlier run, say) past robots.txt; the settled parser is looked up again instead.
        """
        parser = await super().robot_parser(request)
        settled = self._parsers.get(urlparse_cached(request).netloc)
        return parser if settled is None or isinstance(settled, Deferred) else settled

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if response.status >= 500:
            self._stats.inc_value("newsarchive/robots_unavailable")
            logger.warning("robots.txt of %s answered %s: the host is disallowed for this run",
                           netloc, response.status)
            self._settle(netloc, DisallowAll())
            return
        await super()._parse_robots(response, netloc, request)
        parser: Any = self._parsers.get(netloc)
        delay = parser.crawl_delay(self._robotstxt_useragent or self._default_useragent) if parser else None
        if delay:
            host = urlparse_cached(request).hostname or netloc
            self.crawl_delays[host] = float(delay)
            politeness = getattr(self.crawler, "newsarchive_politeness", None)
            if politeness is not None:
                politeness.raise_floor(host, float(delay))

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        self._stats.inc_value("newsarchive/robots_unavailable")
        logger.warning("robots.txt of %s could not be fetched (%s): the host is disallowed for this run",
                       netloc, type(exc).__name__)
        self._settle(netloc, DisallowAll())

    def _settle(self, netloc: str, parser: Any) -> None:
        waiting: Any = self._parsers.get(netloc)
        self._parsers[netloc] = parser
        if waiting is not None and hasattr(waiting, "callback") and not waiting.called:
            waiting.callback(parser)


def retry_after_seconds(value: bytes | str | None, now: float | None = None) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if moment is None:
        return None
    return max(0.0, moment.timestamp() - (now if now is not None else time.time()))


class PolitenessMiddleware:
    """Keep each host's delay at or above its source's delay and its Crawl-delay; honour Retry-After."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.floors: dict[str, float] = {}
        self.not_before: dict[str, float] = {}
        crawler.newsarchive_politeness = self  # type: ignore[attr-defined]

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PolitenessMiddleware:
        config = NewsarchiveConfig.of(crawler)
        if config is None or not config.politeness:
            raise NotConfigured
        middleware = cls(crawler)
        for host, slot in config.download_slots().items():
            middleware.raise_floor(host, slot["delay"])
        return middleware

    def raise_floor(self, host: str, delay: float) -> None:
        """Never wait less than `delay` seconds between requests to `host`."""
        self.floors[host] = max(delay, self.floors.get(host, 0.0))

    async def process_request(self, request: Request) -> None:
        host = urlparse_cached(request).hostname or ""
        engine = self.crawler.engine
        if host in self.floors and engine is not None:
            _key, slot = engine.downloader._get_slot(request)
            # Scrapy randomises each wait to delay × (1 ± jitter); keep the shortest wait at the floor.
            slot.jitter = min(slot.jitter, MAX_JITTER)
            slot.delay = max(slot.delay, self.floors[host] / (1 - slot.jitter))
        wait = self.not_before.get(host, 0.0) - time.monotonic()
        if wait > 0:
            from twisted.internet import reactor  # the one Scrapy installed; never import it at module level

            await maybe_deferred_to_future(deferLater(reactor, wait, lambda: None))

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status in (429, 503):
            seconds = retry_after_seconds(response.headers.get(b"Retry-After"))
            if seconds is not None:
                host = urlparse_cached(request).hostname or ""
                if seconds > MAX_RETRY_AFTER:
                    raise IgnoreRequest(f"Retry-After {seconds:.0f}s is beyond {MAX_RETRY_AFTER:.0f}s")
                self.not_before[host] = max(self.not_before.get(host, 0.0), time.monotonic() + seconds)
                self.crawler.stats.inc_value("newsarchive/retry_after_honoured")
        return response
