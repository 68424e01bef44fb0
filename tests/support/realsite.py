"""Real publisher pages served as one news site: the URLs, listings, feed and sitemap a real site has.

Each page (`NAME.html` beside `NAME.json`, as in `../shared/extraction-dev/` or `tests/realpages/`)
gets a URL drawn in turns from real schemes: its own original path when its JSON has a `url`,
`/fa/news/<6 digits>/<slug>`, `/<yyyy>/<mm>/<dd>/<slug>/`, WordPress `/?p=<n>`, short `/news/<n>`,
`/<section>/<slug>.html` and opaque ids (`/a/AST1F4445T1F`). Around them: a home page with the latest
teasers, section pages with `?page=N` pagination, a tag page, an about page, an RSS feed of the
latest 30, a sitemap with `lastmod` (articles, sections and the about page, as CMSs list them) and
robots.txt. Anything else is 404, as a real site's dead links are: the pages keep their publishers'
own relative links, and those lead nowhere here.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape, unescape
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from crawler.demo.model import Page, Site

SECTIONS = ("politics", "economy", "world", "culture", "sport")
PER_PAGE = 20
FEED_ITEMS = 30
FIRST_PUBLISHED = datetime(2024, 1, 1, 6, 0, tzinfo=UTC)
HTML = {"Content-Type": "text/html"}  # no charset: the crawler reads it from the page, as it must on real sites
SCHEMES = ("original", "fa_news", "dated", "wordpress", "short", "section_slug", "opaque")


@dataclass(frozen=True)
class RealPage:
    """One publisher page and its ground truth."""

    name: str  # "dataset/NAME"
    html: bytes
    truth: dict[str, Any]

    @property
    def title(self) -> str:
        match = re.search(rb"<title[^>]*>(.*?)</title>", self.html, re.S | re.I)
        text = unescape(match.group(1).decode("utf-8", "replace")) if match else ""
        return " ".join(text.split())[:120] or self.name.rsplit("/", 1)[-1]


@dataclass
class RealSite:
    """The site, which path serves which real page, and which paths are not articles."""

    site: Site
    articles: dict[str, RealPage] = field(default_factory=dict)  # decoded path → page
    listings: set[str] = field(default_factory=set)  # home, sections and their pages, tag, about


def load_pages(data_dir: Path, limit: int | None = None) -> list[RealPage]:
    """Every page with its truth under `data_dir/<dataset>/`, in a stable order (`.html` or `.html.gz`)."""
    pages = []
    for truth_file in sorted(data_dir.glob("*/*.json")):
        html_file = truth_file.with_suffix(".html")
        if not html_file.exists():
            html_file = truth_file.with_suffix(".html.gz")
        if not html_file.exists():
            continue
        raw = html_file.read_bytes()
        html = gzip.decompress(raw) if html_file.suffix == ".gz" else raw
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        pages.append(RealPage(f"{truth_file.parent.name}/{truth_file.stem}", html, truth))
    return pages[:limit] if limit else pages


def _slug(page: RealPage, number: int) -> str:
    words = re.findall(r"\w+", page.title.lower())[:6]
    return "-".join(words) or f"story-{number}"


def article_path(page: RealPage, number: int, taken: set[str]) -> str:
    """The page's decoded path: scheme `number % 7`, falling back to the next scheme on a clash."""
    for turn in range(len(SCHEMES)):
        scheme = SCHEMES[(number + turn) % len(SCHEMES)]
        path = _path(scheme, page, number)
        if path and path not in taken and path.split("?")[0].rstrip("/") not in ("", "/about", "/tag"):
            return path
    return f"/story/{number}"


def _path(scheme: str, page: RealPage, number: int) -> str | None:
    slug = _slug(page, number)
    published = FIRST_PUBLISHED + timedelta(hours=number)
    if scheme == "original":
        parts = urlsplit(page.truth.get("url") or "")
        path = unquote(parts.path) + (f"?{unquote(parts.query)}" if parts.query else "")
        return path if len(parts.path) > 1 and not parts.path.startswith("/robots") else None
    if scheme == "fa_news":
        return f"/fa/news/{100000 + number * 37}/{slug}"
    if scheme == "dated":
        return f"/{published:%Y/%m/%d}/{slug}/"
    if scheme == "wordpress":
        return f"/?p={2000 + number}"
    if scheme == "short":
        return f"/news/{number}"
    if scheme == "section_slug":
        return f"/{SECTIONS[number % len(SECTIONS)]}/{slug}.html"
    return f"/a/AST{number:04X}{(number * 7919) % 65536:04X}T1F"


def _url(base: str, path: str) -> str:
    return base + quote(path, safe="/?=&%:@!$'()*+,;~-._")


def _layout(title: str, main: str) -> bytes:
    nav = "".join(f'<li><a href="/{s}/">{s.title()}</a></li>' for s in SECTIONS)
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)} | Regional Times'
            f'</title><link rel="alternate" type="application/rss+xml" href="/feed/"></head><body>'
            f'<header><a href="/">Regional Times</a><nav><ul>{nav}<li><a href="/about/">About</a></li>'
            f'<li><a href="/tag/local/">Local</a></li></ul></nav></header><main>{main}</main>'
            f"<footer><p>© Regional Times</p></footer></body></html>").encode()


def _teasers(base: str, items: list[tuple[str, RealPage, datetime]]) -> str:
    return "".join(f'<article class="teaser"><h2><a href="{escape(_url(base, path))}">{escape(page.title)}</a></h2>'
                   f'<time datetime="{when.isoformat()}">{when:%d %B %Y}</time>'
                   f"<p>{escape(page.title)}: the full story on its page.</p></article>"
                   for path, page, when in items)


def build(base: str, pages: list[RealPage]) -> RealSite:
    """The site for `pages` (oldest first: page i was published i hours after the first)."""
    real = RealSite(Site(base))
    taken: set[str] = set()
    dated: list[tuple[str, RealPage, datetime]] = []
    for number, page in enumerate(pages):
        path = article_path(page, number, taken)
        taken.add(path)
        real.articles[path] = page
        real.site[path] = Page(200, HTML, page.html)
        dated.append((path, page, FIRST_PUBLISHED + timedelta(hours=number)))
    newest = dated[::-1]
    site = real.site

    def listing(path: str, title: str, main: str) -> None:
        site[path] = Page(200, HTML, _layout(title, main))
        real.listings.add(path)

    listing("/", "Home", f"<h1>Latest news</h1>{_teasers(base, newest[:PER_PAGE])}")
    for index, section in enumerate(SECTIONS):
        items = [item for number, item in enumerate(newest) if (len(newest) - 1 - number) % len(SECTIONS) == index]
        chunks = [items[i:i + PER_PAGE] for i in range(0, len(items), PER_PAGE)] or [[]]
        for page_no, chunk in enumerate(chunks, start=1):
            path = f"/{section}/" if page_no == 1 else f"/{section}/?page={page_no}"
            more = f'<a rel="next" href="/{section}/?page={page_no + 1}">Older</a>' if page_no < len(chunks) else ""
            listing(path, section.title(), f"<h1>{section.title()}</h1>{_teasers(base, chunk)}<nav>{more}</nav>")
    listing("/tag/local/", "Local", f"<h1>Tagged: local</h1>{_teasers(base, newest[:8])}")
    listing("/about/", "About us", "<h1>About us</h1>" + "".join(
        f"<p>Regional Times has reported on the province since 1998. {sentence}</p>" for sentence in (
            "Our newsroom sits in the old harbour building and our reporters cover eleven towns.",
            "We publish corrections openly and keep every story online, with its revisions.",
            "Readers can reach the editors by letter, by telephone or at the weekly open meeting.",
            "The paper is owned by a cooperative of its staff and is funded by subscriptions.")))

    items = "".join(f"<item><title>{escape(page.title)}</title><link>{escape(_url(base, path))}</link>"
                    f"<pubDate>{format_datetime(when, usegmt=True)}</pubDate></item>"
                    for path, page, when in newest[:FEED_ITEMS])
    site["/feed/"] = Page(200, {"Content-Type": "application/rss+xml; charset=utf-8"},
                          f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                          f"<title>Regional Times</title><link>{base}/</link>{items}</channel></rss>".encode())
    last = newest[0][2] if newest else FIRST_PUBLISHED
    urls = [(_url(base, path), when) for path, _page, when in dated]
    urls += [(f"{base}/{section}/", last) for section in SECTIONS] + [(f"{base}/about/", FIRST_PUBLISHED)]
    entries = "".join(f"<url><loc>{escape(loc)}</loc><lastmod>{when.isoformat()}</lastmod></url>" for loc, when in urls)
    site["/sitemap.xml"] = Page(200, {"Content-Type": "application/xml"},
                                f'<?xml version="1.0" encoding="utf-8"?><urlset '
                                f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'.encode())
    site["/robots.txt"] = Page(200, {"Content-Type": "text/plain"},
                               f"User-agent: *\nDisallow: /search\nSitemap: {base}/sitemap.xml\n".encode())
    return real
