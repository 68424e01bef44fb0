"""SSRF: a public-looking site cannot lead the crawler to other loopback or private addresses."""

from __future__ import annotations

import sqlite3

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from crawler.addresses import RecordingRedirectMiddleware
from crawler.demo.model import Page, Site
from crawler.demo.server import SiteServer
from tests.support.crawling import crawl, write_sources

pytestmark = pytest.mark.timeout(300)
HTML = {"Content-Type": "text/html; charset=utf-8"}
A = "/news/2024/02/11/"


def _victim(base: str) -> Site:
    return Site(base, {p: Page(200, HTML, b"<html><body><p>secret admin page</p></body></html>")
                       for p in ("/", "/secret", "/latest/meta-data/")})


def _attacker(port: int):
    targets = {
        "plain": f"http://127.0.0.2:{port}/secret",
        "decimal": f"http://2130706434:{port}/secret",
        "hex": f"http://0x7f000002:{port}/secret",
        "octal": f"http://0177.0.0.2:{port}/secret",
        "short": f"http://127.2:{port}/secret",
        "mapped": f"http://[::ffff:127.0.0.2]:{port}/secret",
        "localhost-name": f"http://localhost:{port}/secret",
        "metadata": "http://169.254.169.254/latest/meta-data/",
    }

    def build(base: str) -> Site:
        pages = {f"{A}redirect-{name}": Page(302, {"Location": url}, b"") for name, url in targets.items()}
        links = "".join(f'<a href="{A}redirect-{name}">{name}</a><a href="{url}">{name}</a>'
                        for name, url in targets.items())
        pages["/"] = Page(200, HTML, f"<html><body>{links}<a href='/feed.xml'>feed</a></body></html>".encode())
        pages["/feed.xml"] = Page(200, {"Content-Type": "application/rss+xml"}, (
            '<?xml version="1.0"?><rss version="2.0"><channel>'
            + "".join(f"<item><title>x</title><link>{url}</link></item>" for url in targets.values())
            + "</channel></rss>").encode())
        pages["/sitemap.xml"] = Page(200, {"Content-Type": "application/xml"}, (
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + "".join(f"<url><loc>{url}</loc></url>" for url in targets.values()) + "</urlset>").encode())
        pages["/robots.txt"] = Page(200, {"Content-Type": "text/plain"},
                                    f"Sitemap: http://127.0.0.2:{port}/sitemap.xml\n".encode())
        return Site(base, pages)
    return targets, build


def test_no_byte_is_fetched_from_blocked_addresses(tmp_path):
    with SiteServer(_victim, host="127.0.0.2") as victim:
        port = int(victim.base_url.rsplit(":", 1)[1])
        targets, build = _attacker(port)
        with SiteServer(build) as attacker:
            db = tmp_path / "a.db"
            result = crawl(db, write_sources(tmp_path / "s.toml", {"site": attacker.base_url}))
            assert result.returncode in (0, 3), result.stderr[-2000:]
        assert sum(victim.hits.values()) == 0, victim.hits
    with sqlite3.connect(db) as conn:
        blocked = dict(conn.execute("SELECT url, error FROM captures WHERE outcome = 'blocked'"))
        runs = conn.execute("SELECT blocked FROM crawl_runs").fetchone()
    for name in targets:
        url = f"{attacker.base_url}{A}redirect-{name}"
        assert url in blocked, (name, sorted(blocked))
        assert "blocked:" in blocked[url]
    assert runs[0] == len(targets)


def test_a_source_on_a_private_address_may_be_crawled(tmp_path):
    with SiteServer(_victim, host="127.0.0.2") as own:
        db = tmp_path / "a.db"
        result = crawl(db, write_sources(tmp_path / "s.toml", {"intranet": own.base_url}))
        assert result.returncode == 0, result.stderr[-2000:]
        assert own.hits["/"] == 1  # the user named this host: it is allowed, for that host only


@pytest.mark.parametrize("target", ["http://other.example/x", "https://127.0.0.9:8000/x"])
def test_authorization_and_cookie_never_follow_a_redirect_to_another_host(target):
    crawler = get_crawler(settings_dict={"REDIRECT_MAX_TIMES": 5})
    middleware = RecordingRedirectMiddleware.from_crawler(crawler)
    request = Request("http://127.0.0.1:8000/a", headers={"Authorization": "Bearer s3cret", "Cookie": "id=1"})
    response = HtmlResponse("http://127.0.0.1:8000/a", status=302, headers={"Location": target})
    redirected = middleware.process_response(request, response)
    assert isinstance(redirected, Request) and redirected.url == target
    assert b"Authorization" not in redirected.headers and b"Cookie" not in redirected.headers
    assert not redirected.dont_filter  # a plain redirect to a page fetched already is a duplicate


def test_redirect_cycles_and_article_redirects_pass_the_duplicate_filter():
    crawler = get_crawler(settings_dict={"REDIRECT_MAX_TIMES": 5})
    middleware = RecordingRedirectMiddleware.from_crawler(crawler)
    first = Request("http://127.0.0.1:8000/a")
    to_b = middleware.process_response(first, HtmlResponse(first.url, status=302, headers={"Location": "/b"}))
    back = middleware.process_response(to_b, HtmlResponse(to_b.url, status=302, headers={"Location": "/a"}))
    assert not to_b.dont_filter and back.dont_filter  # back into its own chain: a cycle, counted to the limit
    article = Request("http://127.0.0.1:8000/news/1", meta={"kind": "article"})
    moved = middleware.process_response(article, HtmlResponse(article.url, status=301,
                                                               headers={"Location": "/news/1/"}))
    assert moved.dont_filter  # a frontier article must end done or failed
