"""AutoThrottle bounded per host by the host's own floor, not by the global DOWNLOAD_DELAY.

Scrapy's AutoThrottle clamps every slot's delay to ``[DOWNLOAD_DELAY, AUTOTHROTTLE_MAX_DELAY]``, so
a source declaring ``delay = 0`` still waited the global default (1 s) between requests. Here the
lower bound of a host is its floor: the source's delay, raised by robots.txt Crawl-delay (see
``PolitenessMiddleware``); a host no source names keeps DOWNLOAD_DELAY. AutoThrottle may slow a
host down from there when it answers slowly, and never lowers it below its floor.
"""

from __future__ import annotations

from typing import Any

from scrapy.extensions.throttle import AutoThrottle
from scrapy.http import Request, Response
from scrapy.spiders import Spider


class SourceAutoThrottle(AutoThrottle):
    """Scrapy's AutoThrottle, with each host's delay kept within [its floor, max(floor, MAX_DELAY)]."""

    def floor(self, key: str | None) -> float:
        """The shortest delay the host of download slot `key` may get."""
        politeness: Any = getattr(self.crawler, "newsarchive_politeness", None)
        floors: dict[str, float] = politeness.floors if politeness is not None else {}
        if key in floors:
            return floors[key]
        declared = self.crawler.settings.getdict("DOWNLOAD_SLOTS").get(key or "", {})  # the sources' delays
        if "delay" in declared:
            return float(declared["delay"])
        return float(self._min_delay())

    def bounds(self, key: str | None) -> tuple[float, float]:
        """The (shortest, longest) delay AutoThrottle may give the host of download slot `key`."""
        floor = self.floor(key)
        return floor, max(floor, self._max_delay())

    def _response_downloaded(self, response: Response, request: Request, spider: Spider) -> None:
        key, slot = self._get_slot(request, spider)
        if slot is None:
            return
        # AutoThrottle's policy clamps to self.mindelay/self.maxdelay: give it this host's bounds.
        self.mindelay, self.maxdelay = self.bounds(key)
        try:
            super()._response_downloaded(response, request, spider)
        finally:
            self.mindelay = self._min_delay()
            self.maxdelay = self._max_delay()
