"""Scrapy settings of the newsarchive project (see README "Settings" for each NEWSARCHIVE_* key)."""

from crawler.sources import default

BOT_NAME = "newsarchive"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Politeness. Users should set a User-Agent that says who they are and how to reach them.
USER_AGENT = "newsarchive/0.1 (+https://github.com/newsarchive/newsarchive; research news archive)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = default("delay")  # a host no source names gets a source's default delay
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

# Bounded size and time.
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 32 * 1024 * 1024  # also bounds decompression (gzip/brotli bombs)
DOWNLOAD_WARNSIZE = 8 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 2
REDIRECT_MAX_TIMES = 10
DEPTH_LIMIT = 6
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"

ITEM_PIPELINES = {"crawler.pipelines.ArchivePipeline": 300}
DOWNLOADER_MIDDLEWARES = {
    # RFC 9309: a robots.txt answering 5xx or unreachable disallows the host; Crawl-delay honoured.
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.politeness.StrictRobotsTxtMiddleware": 100,
    # Per-source delay floors, Crawl-delay and Retry-After (before RetryMiddleware at 550 sees a 429).
    "crawler.politeness.PolitenessMiddleware": 560,
    # No request to loopback/private/link-local/multicast/reserved addresses, except configured sources.
    "crawler.addresses.AddressSafetyMiddleware": 50,
    # Redirect cycles end in "max redirections reached" (recorded) instead of a silent duplicate drop.
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "crawler.addresses.RecordingRedirectMiddleware": 600,
}
# Host names are checked again at connect time (DNS rebinding): see crawler.addresses.SafeResolver.
TWISTED_DNS_RESOLVER = "crawler.addresses.SafeResolver"
EXTENSIONS = {
    "crawler.progress.ProgressExtension": 500,
    # AutoThrottle bounded by each host's own delay instead of the global DOWNLOAD_DELAY.
    "scrapy.extensions.throttle.AutoThrottle": None,
    "crawler.throttle.SourceAutoThrottle": 0,
}
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]

# newsarchive's own settings, read by crawler.config.NewsarchiveConfig.from_settings.
NEWSARCHIVE_DB = "archive.db"
NEWSARCHIVE_SOURCES = "sources.toml"
NEWSARCHIVE_FAILURE_THRESHOLD = 0.5
NEWSARCHIVE_MAX_ARTICLE_BYTES = 5 * 1024 * 1024
NEWSARCHIVE_PROGRESS = False
NEWSARCHIVE_IGNORE_BACKOFF = False
NEWSARCHIVE_LOCK_HELD = False  # set by `newsarchive crawl`, which takes the archive's lock itself
NEWSARCHIVE_POLITENESS = True
