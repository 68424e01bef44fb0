"""Articles with unusual URLs (/news/12, WordPress' /?p=2014) are archived; the page decides, not the URL."""

from __future__ import annotations

import json
import sqlite3
from email.utils import format_datetime
from html import escape

from crawler.demo.model import Page, Site
from crawler.demo.server import SiteServer
from tests.support.crawling import crawl, write_sources
from tests.support.sites import distinct_paragraphs, stories

HTML = {"Content-Type": "text/html; charset=utf-8"}


def rows(db, sql, *params):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def plain_article(title: str, paragraphs: list[str], printed_date: str = "") -> bytes:
    """An article page as small CMSs print it: no og:type, no JSON-LD, no published-time meta."""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    date = f'<div class="date">{escape(printed_date)}</div>' if printed_date else ""
    return (f'<!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f'</head><body><nav><a href="/">خانه</a> <a href="/category/local/">محلی</a></nav>'
            f'<article><h1>{escape(title)}</h1>{date}{body}</article>'
            f'<footer>تمامی حقوق محفوظ است</footer></body></html>').encode()


def section_page(links: list[tuple[str, str]]) -> bytes:
    cards = "".join(f'<article class="teaser"><h3><a href="{path}">{escape(title)}</a></h3>'
                    f"<p>{escape(title)} و گزارش کامل آن در این صفحه.</p></article>" for path, title in links)
    return (f'<!DOCTYPE html><html lang="fa"><head><meta charset="utf-8"><title>اخبار محلی</title></head>'
            f"<body><main><h1>اخبار محلی</h1>{cards}</main></body></html>").encode()


def unusual_site(base: str, count: int = 12) -> Site:
    """Half the articles at /news/N, half at /?p=N, each in the RSS feed and the sitemap, plus a section."""
    items = stories(count)
    paths = [f"/news/{s.number}" if s.number % 2 else f"/?p={2000 + s.number}" for s in items]
    pages = {path: Page(200, HTML, plain_article(s.title, s.paragraphs)) for path, s in zip(paths, items, strict=True)}
    pages["/category/local/"] = Page(200, HTML, section_page([(p, s.title) for p, s in zip(paths, items, strict=True)]))
    pages["/"] = Page(200, HTML, section_page([(p, s.title) for p, s in zip(paths[:4], items[:4], strict=True)]))
    rss = "".join(f"<item><title>{escape(s.title)}</title><link>{base}{escape(p)}</link>"
                  f"<pubDate>{format_datetime(s.published, usegmt=True)}</pubDate></item>"
                  for p, s in zip(paths, items, strict=True))
    pages["/feed/"] = Page(200, {"Content-Type": "application/rss+xml"},
                           f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{rss}'
                           f"</channel></rss>".encode())
    urls = "".join(f"<url><loc>{base}{escape(p)}</loc></url>" for p in [*paths, "/category/local/"])
    pages["/sitemap.xml"] = Page(200, {"Content-Type": "application/xml"},
                                 f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                 f"{urls}</urlset>".encode())
    pages["/robots.txt"] = Page(200, {"Content-Type": "text/plain"},
                                f"User-agent: *\nSitemap: {base}/sitemap.xml\n".encode())
    return Site(base, pages)


def test_feed_and_sitemap_articles_with_unusual_urls_are_all_archived(tmp_path):
    with SiteServer(unusual_site) as site:
        db = tmp_path / "a.db"
        sources = write_sources(tmp_path / "s.toml", {"wp": site.base_url}, feeds=[f"{site.base_url}/feed/"])
        result = crawl(db, sources)
        assert result.returncode == 0, result.stderr[-2000:]
        served = {p for p in site.site if p.startswith(("/news/", "/?p="))}
    archived = {url.split(site.base_url, 1)[1] for (url,) in rows(db, "SELECT url FROM articles")}
    assert archived == served  # 6 at /news/N and 6 at /?p=N, and not the section page
    refused = rows(db, "SELECT decision FROM captures WHERE url LIKE '%/category/local/'")
    assert refused and not json.loads(refused[0][0])["article"]


def test_three_persian_pages_behind_a_home_page_with_only_a_name_and_url(tmp_path):
    """No feed, no sitemap, no language, no zone: the page's own Jalali date gives +03:30."""
    printed = ["جمعه ۱۵ مهر ۱۴۰۱ - ۱۰:۳۰", "شنبه ۱۶ مهر ۱۴۰۱ - ۰۸:۱۵", "یکشنبه ۱۷ مهر ۱۴۰۱ - ۱۹:۰۵"]
    titles = ["افتتاح اسکله صیادی در بندر کنگ", "آغاز فصل صید میگو در هرمزگان", "مرمت خانه‌های تاریخی بندر لافت"]

    def build(base: str) -> Site:
        pages = {f"/news/{n}": Page(200, HTML, plain_article(titles[n - 1], distinct_paragraphs(n), printed[n - 1]))
                 for n in (1, 2, 3)}
        links = "".join(f'<li><a href="/news/{n}">{escape(titles[n - 1])}</a></li>' for n in (1, 2, 3))
        pages["/"] = Page(200, HTML, f'<html lang="fa"><body><h1>صبح ساحل</h1><ul>{links}</ul></body></html>'.encode())
        return Site(base, pages)

    with SiteServer(build) as site:
        db = tmp_path / "a.db"
        sources = tmp_path / "s.toml"
        sources.write_text(f'[[source]]\nname = "sahel"\nurl = "{site.base_url}/"\n', encoding="utf-8")
        result = crawl(db, sources)
        assert result.returncode == 0, result.stderr[-2000:]
    got = dict(rows(db, "SELECT url, published FROM articles"))
    assert got == {f"{site.base_url}/news/1": "2022-10-07T10:30:00+03:30",
                   f"{site.base_url}/news/2": "2022-10-08T08:15:00+03:30",
                   f"{site.base_url}/news/3": "2022-10-09T19:05:00+03:30"}
    zone = json.loads(rows(db, "SELECT date_evidence FROM articles LIMIT 1")[0][0])["zone"]
    assert zone["name"] == "Asia/Tehran" and zone["assumed"] is True
