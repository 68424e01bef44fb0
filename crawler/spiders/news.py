"""The one generic spider for every source: feeds, sitemaps and section pages lead to articles."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import AsyncIterator, Collection, Iterable, Iterator
from datetime import timedelta
from typing import Any
from urllib.parse import urljoin

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from archive.boilerplate import forget_rare
from archive.frontier import Frontier
from archive.health import backoff_until, source_runs
from archive.lock import CrawlLock
from archive.store import Archive
from archive.timeutil import isoformat, utcnow
from archive.urls import canonicalize, same_site

from ..addresses import BlockedAddress, BlockedLookup, SafeResolver
from ..article import PageContext, process_page
from ..boilerplate import LearnedBoilerplate
from ..config import NewsarchiveConfig
from ..decision import Decision, decide, page_signals
from ..discovery import html_links, is_asset, looks_like_article, parse_xml_listing, robots_sitemaps
from ..feeddates import machine_date
from ..items import ArticleItem, CaptureItem
from ..sources import Source
from ..stats import RunStats, per_source, totals

LISTING, FEED, SITEMAP, ROBOTS, ARTICLE = "listing", "feed", "sitemap", "robots", "article"
PAGE = "page"  # frontier kind of a sitemap entry read as a listing (its URL does not look like an article)


def _first_url(request: scrapy.Request) -> str:
    """The URL a request was made for before any redirect."""
    return str((request.meta.get("redirect_urls") or [request.url])[0])


def _headers(response: Response) -> dict[str, str]:
    return {k.decode("latin-1"): b", ".join(v).decode("latin-1") for k, v in response.headers.items()}


class NewsSpider(scrapy.Spider):
    """Crawl each source's feeds, sitemaps and sections; extract and archive its articles."""

    name = "news"
    config: NewsarchiveConfig
    sources: dict[str, Source]
    archive: Archive
    lock: CrawlLock | None
    frontier: Frontier
    run_id: int
    budget: dict[str, int]
    requested: set[str]
    known: dict[str, dict[str, tuple[str, str]]]
    boilerplate: dict[str, LearnedBoilerplate]
    run_status: str
    run_totals: dict[str, int]
    run_per_source: dict[str, dict[str, int]]

    def __init__(self, source: str | None = None, sources: str | None = None, db: str | None = None,
                 *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.source_arg = [s for s in (source or "").split(",") if s]
        self.sources_arg = sources
        self.db_arg = db

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        if spider.sources_arg:
            crawler.settings.set("NEWSARCHIVE_SOURCES", spider.sources_arg, priority="spider")
        if spider.db_arg:
            crawler.settings.set("NEWSARCHIVE_DB", spider.db_arg, priority="spider")
        spider.config = NewsarchiveConfig.from_settings(crawler.settings, spider.source_arg)
        crawler.settings.set("DOWNLOAD_SLOTS", spider.config.download_slots(), priority="spider")
        SafeResolver.trusted.update(spider.config.trusted_hosts())
        spider.lock = None
        if not spider.config.lock_held:  # `scrapy crawl news` takes the lock here
            spider.lock = CrawlLock(spider.config.db)
            spider.lock.acquire()
        spider.archive = Archive(spider.config.db)
        spider.archive.close_abandoned_runs()
        spider.sources = spider._not_backing_off(spider.config.sources, spider.config.ignore_backoff)
        spider.frontier = Frontier(spider.archive.db)
        spider.archive.upsert_sources(s.to_record() for s in spider.config.sources)
        spider.run_id = spider.archive.start_run(list(spider.sources))
        spider.budget = {name: 0 for name in spider.sources}
        spider.requested = set()
        spider.known = {name: spider.frontier.archived(name) for name in spider.sources}
        spider.boilerplate = {name: LearnedBoilerplate.load(spider.archive.db, name) for name in spider.sources}
        crawler.signals.connect(spider.closed_run, signal=signals.spider_closed)
        return spider

    def _not_backing_off(self, sources: tuple[Source, ...], ignore: bool) -> dict[str, Source]:
        """The sources to crawl now: one that failed whole runs in a row waits 1, 2, 4 … hours."""
        chosen = {}
        for source in sources:
            until = None if ignore else backoff_until(source_runs(self.archive.db, source.name))
            if until is not None and until > utcnow():
                self.logger.warning("%s: backing off after failed runs; next attempt after %s",
                                    source.name, isoformat(until))
                continue
            chosen[source.name] = source
        return chosen

    # -- scheduling ---------------------------------------------------------------------------

    def _request(self, source: Source, url: str, kind: str, depth: int = 0,
                 **meta: Any) -> scrapy.Request | None:
        """A (conditional) request for `url`, or None when the source's budget for this run is spent."""
        if kind != ROBOTS and url in self.requested:
            return None  # queued already this run (say pending and due for a revisit): one request, one budget slot
        if self.budget[source.name] >= source.max_pages:
            RunStats(self.crawler.stats, source.name).inc("budget_exhausted")
            return None
        self.budget[source.name] += 1
        self.requested.add(url)
        callback = self.parse_article if kind == ARTICLE else self.parse_listing
        headers = {}
        # Feeds, sitemaps and archived articles are asked for conditionally; HTML listings are read whole.
        if kind in (FEED, SITEMAP) or (kind == ARTICLE and url in self.known[source.name]):
            etag, last_modified = self.archive.validators(url)
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
        return scrapy.Request(url, callback=callback, errback=self.failed, headers=headers,
                              meta={"source": source.name, "kind": kind, "depth": depth,
                                    "handle_httpstatus_list": [304], **meta},
                              dont_filter=kind == ROBOTS)

    def _not_modified(self, response: Response) -> bool:
        """Count a 304 answer to a conditional request (validators are stored with each capture)."""
        if response.status == 304:
            RunStats(self.crawler.stats, response.meta["source"]).inc("not_modified")
            return True
        return False

    async def start(self) -> AsyncIterator[Any]:
        for request in self.start_requests():
            yield request

    def start_requests(self) -> Iterator[scrapy.Request]:
        for source in self.sources.values():
            seeds = [(urljoin(source.url, "/robots.txt"), ROBOTS)]
            seeds += [(source.url, LISTING)] + [(u, LISTING) for u in source.sections]
            seeds += [(u, FEED) for u in source.feeds] + [(u, SITEMAP) for u in source.sitemaps]
            if not source.sitemaps:
                seeds.append((urljoin(source.url, "/sitemap.xml"), SITEMAP))
            for url, kind in seeds:
                request = self._request(source, url, kind, dont_obey_robotstxt=kind == ROBOTS)
                if request:
                    yield request
            # Articles discovered by an earlier run that never finished them.
            for row in self.frontier.pending(source.name):
                kind = LISTING if row["kind"] == PAGE else ARTICLE
                request = self._request(source, row["url"], kind, row["depth"] or 0,
                                        hint_date=row["hint_date"], hint_origin=row["kind"],
                                        newsarchive_listed=row["kind"] == FEED)
                if request:
                    yield request
            # Articles inside their revisit window, whether or not a listing still links them.
            for url in self._revisits_due(source):
                if (request := self._request(source, url, ARTICLE, 1)):
                    yield request

    def _revisits_due(self, source: Source) -> list[str]:
        """Archived article URLs first seen less than `revisit_hours` ago."""
        if source.revisit_hours <= 0:
            return []
        cutoff = isoformat(utcnow() - timedelta(hours=source.revisit_hours))
        return [url for url, (first_seen, _last) in self.known[source.name].items() if first_seen > cutoff]

    def _wants_article(self, source: Source, url: str, hint_date: str | None = None) -> bool:
        """Not archived yet, changed since (sitemap lastmod / feed date), or inside the revisit window."""
        seen = self.known[source.name].get(url)
        if seen is None:
            return True
        first_seen, last_seen = seen
        hinted = machine_date(hint_date, tz=source.tz, lang=source.language)
        if hinted is not None and isoformat(hinted) > last_seen:
            return True
        if source.revisit_hours <= 0:
            return False
        return isoformat(utcnow() - timedelta(hours=source.revisit_hours)) < first_seen

    def _discovered(self, source: Source, urls: Iterable[tuple[str, str | None]], depth: int,
                    origin: str, listed: Collection[str] = ()) -> Iterator[scrapy.Request]:
        """Requests for the article URLs found on a listing; each is committed to the frontier first.

        `listed` are entries of a feed or news sitemap: articles unless their page says otherwise.
        """
        fresh: list[dict[str, Any]] = []
        for url, hint_date in urls:
            is_listed = url in listed
            url = canonicalize(url)
            if not same_site(url, source.hosts()) or not self._wants_article(source, url, hint_date):
                continue
            fresh.append({"url": url, "kind": origin, "depth": depth, "hint_date": hint_date, "listed": is_listed})
        if not fresh:
            return
        stats = RunStats(self.crawler.stats, source.name)
        stats.inc("discovered", self.frontier.add(
            source.name, [{k: v for k, v in e.items() if k != "listed"} for e in fresh], self.run_id))
        self.frontier.requeue(e["url"] for e in fresh if e["url"] in self.known[source.name])
        for entry in fresh:
            request = self._request(source, entry["url"], ARTICLE, depth,
                                    hint_date=entry["hint_date"], hint_origin=origin,
                                    newsarchive_listed=entry["listed"])
            if request:
                yield request

    # -- callbacks ----------------------------------------------------------------------------

    def _capture(self, response: Response, outcome: str, charset: str | None = None) -> dict[str, Any]:
        source = response.meta["source"]
        stats = RunStats(self.crawler.stats, source)
        stats.inc("fetched")
        stats.inc("bytes", len(response.body))
        return {"run_id": self.run_id, "source": source,
                "url": _first_url(response.request) if response.request else response.url,
                "final_url": response.url, "fetched": isoformat(), "status": response.status,
                "headers": _headers(response), "body": response.body, "charset": charset,
                "outcome": outcome}

    def parse_listing(self, response: Response) -> Iterator[Any]:
        """Robots.txt, feeds, sitemaps and HTML listings: find feeds, sections and articles."""
        source = self.sources[response.meta["source"]]
        kind, depth = response.meta["kind"], response.meta["depth"]
        if self._not_modified(response):
            return
        if kind == LISTING and depth > 0 and isinstance(response, TextResponse) and not self._is_xml(response):
            # A page reached by following links may be an article whose URL did not say so.
            yield from self._extract(response, source, frontier_url=None)
            return
        capture = CaptureItem(source.name, self._capture(response, kind))
        if kind in (FEED, SITEMAP) or self._is_xml(response):
            # the capture (and with it the ETag a 304 will rely on) is stored after the entries
            # are in the frontier, so a run that dies in between reads the feed again next time
            yield from self._parse_xml(source, response)
            yield capture
            return
        yield capture
        if kind == ROBOTS:
            text = response.body.decode("utf-8", "replace")
            for url in robots_sitemaps(text, response.url):
                if same_site(url, source.hosts()) and (request := self._request(source, url, SITEMAP)):
                    yield request
            return
        if not isinstance(response, TextResponse):
            return
        feeds, links = html_links(response.text, response.url)
        for url in feeds:
            if same_site(url, source.hosts()) and (request := self._request(source, url, FEED)):
                yield request
        yield from self._follow(source, links, depth)

    def _follow(self, source: Source, links: list[str], depth: int) -> Iterator[scrapy.Request]:
        articles = [(u, None) for u in links
                    if looks_like_article(u, source.article_pattern, source.exclude_pattern)]
        yield from self._discovered(source, articles, depth + 1, LISTING)
        if depth + 1 > source.max_depth:
            return
        article_set = {u for u, _ in articles}
        for url in links:
            if url in article_set or is_asset(url) or not same_site(url, source.hosts()):
                continue
            if source.exclude_pattern and re.search(source.exclude_pattern, url):
                continue
            url = canonicalize(url)
            if url in self.known[source.name] and not self._wants_article(source, url):
                continue  # an archived article reached through a URL that did not look like one
            if (request := self._request(source, url, LISTING, depth + 1)):
                yield request

    @staticmethod
    def _is_xml(response: Response) -> bool:
        content_type = (response.headers.get(b"Content-Type") or b"").lower()
        return b"xml" in content_type or response.body.lstrip()[:5] in (b"<?xml", b"<rss ", b"<urls")

    def _parse_xml(self, source: Source, response: Response) -> Iterator[scrapy.Request]:
        try:
            listing = parse_xml_listing(response.body, response.url)
        except (ValueError, OSError) as exc:
            self.logger.warning("%s: unreadable feed or sitemap: %s", response.url, exc)
            return
        for child in listing.children:
            if same_site(child, source.hosts()) and (request := self._request(source, child, SITEMAP)):
                yield request
        origin = FEED if listing.kind in ("rss", "atom") else SITEMAP
        # Feed and news-sitemap entries are articles unless their page says otherwise; a plain
        # sitemap entry with an article-like URL is a candidate its page decides on.
        excluded = re.compile(source.exclude_pattern).search if source.exclude_pattern else None
        listed = {e.url for e in listing.entries
                  if (origin == FEED or e.news) and not (excluded and excluded(e.url))}
        articles = [e for e in listing.entries
                    if e.url in listed or looks_like_article(e.url, source.article_pattern, source.exclude_pattern)]
        yield from self._discovered(source, [(e.url, e.date) for e in articles], 1, origin, listed)
        # Other entries (section, tag or static pages, or articles with unusual URLs) are read as
        # listings: their links are followed, and they are archived only if their markup says "article".
        # They go to the frontier too (kind "page"), so a run killed before reading them reads them next time.
        chosen = {e.url for e in articles}
        pages: list[dict[str, Any]] = []
        for entry in listing.entries:
            url = canonicalize(entry.url)
            if entry.url in chosen or is_asset(url) or not same_site(url, source.hosts()):
                continue
            if source.exclude_pattern and re.search(source.exclude_pattern, url):
                continue
            if url in self.known[source.name] and not self._wants_article(source, url, entry.date):
                continue
            pages.append({"url": url, "kind": PAGE, "depth": 1, "hint_date": entry.date})
        if pages:
            self.frontier.add(source.name, pages, self.run_id)
        for page in pages:
            if (request := self._request(source, page["url"], LISTING, 1, hint_date=page["hint_date"],
                                         hint_origin=origin)):
                yield request

    def parse_article(self, response: Response) -> Iterator[Any]:
        """Extract an article; a page that is not one still serves discovery."""
        source = self.sources[response.meta["source"]]
        frontier_url = _first_url(response.request) if response.request else response.url
        if self._not_modified(response):
            with self.archive.transaction():
                self.frontier.mark(frontier_url, "done")
                if (article_url := self.frontier.article_of(frontier_url)) is not None:
                    self.archive.touch(article_url, isoformat())
            return
        yield from self._extract(response, source, frontier_url)

    def _extract(self, response: Response, source: Source, frontier_url: str | None) -> Iterator[Any]:
        """Archive the page as an article when it is one; follow its links either way."""
        stats = RunStats(self.crawler.stats, source.name)
        is_listing = frontier_url is None
        hints = []
        if response.meta.get("hint_date"):
            hints.append((response.meta.get("hint_origin") or "feed", response.meta["hint_date"]))
        if not isinstance(response, TextResponse) and b"html" not in (
                response.headers.get(b"Content-Type") or b"html").lower():
            stats.inc("not_article")
            yield CaptureItem(source.name, self._capture(response, "not_html"), frontier_url, "done")
            return
        ctx = PageContext.for_source(source, response.url, _headers(response), date_hints=hints,
                                     max_bytes=self.config.max_article_bytes,
                                     learned=self.boilerplate[source.name].learned)
        page = process_page(response.body, ctx)
        refused = False
        if page.article is not None:
            decision = decide(page_signals(response.url, page.extraction, dated=page.article["published"] is not None,
                                           listed=bool(response.meta.get("newsarchive_listed")),
                                           pattern=source.article_pattern, exclude=source.exclude_pattern))
            if not decision.article:
                refused, page.article = True, None  # a section, tag, author or about page that reads like prose
        else:
            decision = Decision(False, (f"{page.status}: {page.reason}",))
        if page.article is not None:
            outcome = page.status
        else:
            outcome = LISTING if is_listing else "not_article" if refused else page.status
        capture = self._capture(response, outcome, page.charset)
        capture["decision"] = json.dumps(decision.to_dict(), ensure_ascii=False)
        if page.article is not None:
            if page.status == "encoding_error":
                stats.inc("extraction_failed")
            if frontier_url is None:
                frontier_url = _first_url(response.request) if response.request else response.url
                self.frontier.add(source.name, [{"url": frontier_url, "kind": LISTING,
                                                 "depth": response.meta["depth"]}], self.run_id)
            yield ArticleItem(source.name, page.article, capture, frontier_url, page.line_keys)
        else:
            if not is_listing:
                stats.inc("not_article" if refused or page.status == "not_article" else "extraction_failed")
            capture["error"] = "; ".join(decision.reasons) if refused else page.reason
            # a listing page from a sitemap sits in the frontier as kind "page" (for others this is a no-op)
            done_url = frontier_url or (_first_url(response.request) if response.request else response.url)
            yield CaptureItem(source.name, capture, done_url, "done")
        depth = response.meta["depth"]
        # A listing's article links are always collected (pagination can sit at the depth limit); a
        # page whose URL looked like an article's has its links ("related news") followed under the limit.
        if isinstance(response, TextResponse) and (is_listing or page.article is None or depth < source.max_depth):
            _feeds, links = html_links(response.text, response.url)
            yield from self._follow(source, links, depth)

    def failed(self, failure: Failure) -> Iterator[Any]:
        """A fetch that failed after retries: recorded in captures and the frontier."""
        request = failure.request  # type: ignore[attr-defined]
        source = request.meta["source"]
        stats = RunStats(self.crawler.stats, source)
        status = None
        exc = failure.value
        if isinstance(exc, HttpError):
            status = exc.response.status
            if status == 404 and request.meta["kind"] in (SITEMAP, ROBOTS):
                return  # an absent /sitemap.xml or robots.txt is normal, not a failure
        if isinstance(exc, IgnoreRequest) and "robots.txt" in failure.getErrorMessage():
            stats.inc("robots_disallowed")
            return  # an article stays pending in the frontier: robots.txt may allow it later
        blocked = isinstance(exc, BlockedAddress | BlockedLookup)
        stats.inc("blocked" if blocked else "fetch_failed")
        error = f"{type(exc).__name__}: {failure.getErrorMessage()}"[:500]
        first_url = _first_url(request)
        capture = {"run_id": self.run_id, "source": source, "url": first_url, "final_url": request.url,
                   "fetched": isoformat(), "status": status, "headers": {}, "body": b"",
                   "outcome": "blocked" if blocked else "fetch_failed", "error": error}
        state = "blocked" if blocked else "failed"
        yield CaptureItem(source, capture, first_url, state)  # a no-op for URLs the frontier does not hold

    def closed_run(self, spider: scrapy.Spider, reason: str) -> None:
        """Close the crawl_runs row with the run's statistics."""
        stats = self.crawler.stats.get_stats()
        run_totals = totals(stats)
        attempted = run_totals["fetched"] + run_totals["fetch_failed"]
        failed = run_totals["fetch_failed"] + run_totals["extraction_failed"]
        if reason == "archive_error":
            status = "failed"
        elif reason != "finished":
            status = "interrupted"
        elif attempted and failed / attempted > self.config.failure_threshold:
            status = "partial"
        else:
            status = "ok"
        self.run_status = status
        self.run_totals = run_totals
        self.run_per_source = per_source(stats, list(self.sources))
        try:
            with self.archive.transaction():
                for name in self.sources:
                    forget_rare(self.archive.db, name)
            self.archive.finish_run(self.run_id, status, run_totals, self.run_per_source,
                                    error=getattr(self, "archive_error", None))
        except sqlite3.Error as exc:
            self.logger.error("could not record the run's statistics: %s", exc)
        finally:
            self.archive.close()
            if self.lock is not None:
                self.lock.release()
