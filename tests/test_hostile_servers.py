"""Hostile and broken servers: the crawl finishes, each failure is recorded per URL, nothing else suffers.

One crawl runs over a fixture site whose pages misbehave in every way listed below (plus a
byte-level server and two unreachable sources); each test then checks one scenario's outcome.
"""

from __future__ import annotations

import gzip
import io
import json
import socket
import sqlite3
import subprocess
import sys
import time
import zlib

import brotli
import pytest

from crawler.demo.model import Page, Site
from crawler.demo.server import SiteServer
from tests.support.crawling import CLI, FAST, ROOT, write_sources
from tests.support.rawserver import RawServer, broken_chunks, drip, endless_body, ok_page, short_body

pytestmark = pytest.mark.timeout(600)
HTML = {"Content-Type": "text/html; charset=utf-8"}
A = "/news/2024/01/01/"
GOOD_TEXT = ("شهرداری بندرعباس از بهره‌برداری پارک ساحلی جدید خبر داد و گفت این پارک برای خانواده‌ها "
             "ساخته شده است. ") * 6
MiB = 1024 * 1024


def _gzip_bomb(size: int) -> bytes:
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9) as stream:
        block = b"\0" * MiB
        for _ in range(size // MiB):
            stream.write(block)
    return out.getvalue()


def _deflate_html_bomb(size: int) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [compressor.compress(b"<html><body>")]
    block = b"<p>" + b"a" * (MiB - 3)
    parts += [compressor.compress(block) for _ in range(size // MiB)]
    parts.append(compressor.flush())
    return b"".join(parts)


class TrapSite(Site):
    """A static site plus endless calendars, repeating path segments and session IDs."""

    def lookup(self, path: str) -> Page:
        if path.startswith("/calendar/"):
            month = int(path.rstrip("/").rsplit("/", 1)[-1])
            return Page(200, HTML, f'<html><body><a href="/calendar/{month + 1}">next</a>'
                                   f'<a href="/calendar/{month - 1}">prev</a></body></html>'.encode())
        if path.startswith("/loop/"):
            return Page(200, HTML, f'<html><body><a href="{path.rstrip("/")}/a/b/">deeper</a></body></html>'.encode())
        if path.startswith("/session"):
            token = str(time.monotonic_ns())
            return Page(200, HTML, f'<html><body><a href="/session?sid={token}">again</a>'
                                   f'<a href="/session;jsessionid={token}">again</a></body></html>'.encode())
        return super().lookup(path)


def hostile_site(base: str) -> Site:
    def redirect(to: str) -> Page:
        return Page(302, {"Location": to, "Content-Type": "text/html"}, b"")

    feed = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
            b'<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">'
            b'<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">'
            b'<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<rss version="2.0"><channel><title>&g;</title><item><title>&x;</title>'
            + f"<link>{base}{A}good-article</link></item></channel></rss>".encode())
    links = ["good-article", "gzip-bomb", "brotli-bomb", "huge-with-length", "chain-0", "cycle-a", "to-file",
             "to-data", "to-ftp", "meta-file", "always-500", "nested", "big-page"]
    home = ("<html><head><link rel='alternate' type='application/rss+xml' href='/feed.xml'></head><body>"
            + "".join(f'<a href="{A}{name}">{name}</a>' for name in links)
            + '<a href="/calendar/1">calendar</a><a href="/loop/">loop</a><a href="/session?sid=1">s</a>'
            + "</body></html>")
    nested = "<html><body>" + "<div>" * 100_000 + "متن" + "</div>" * 100_000 + "</body></html>"
    pages = {
        "/": Page(200, HTML, home.encode()),
        "/robots.txt": Page(200, {"Content-Type": "text/plain"},
                            f"User-agent: *\nSitemap: {base}/sitemap.xml\n".encode()),
        "/sitemap.xml": Page(200, {"Content-Type": "application/xml"},
                             f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                             f"<sitemap><loc>{base}/sitemap-bomb.xml.gz</loc></sitemap></sitemapindex>".encode()),
        "/sitemap-bomb.xml.gz": Page(200, {"Content-Type": "application/x-gzip"}, _gzip_bomb(80 * MiB)),
        "/feed.xml": Page(200, {"Content-Type": "application/rss+xml"}, feed),
        A + "good-article": Page(200, HTML, f"<html lang='fa'><head><title>پارک ساحلی</title></head><body>"
                                            f"<article><h1>پارک ساحلی</h1><p>{GOOD_TEXT}</p></article>"
                                            f"</body></html>".encode()),
        A + "gzip-bomb": Page(200, {**HTML, "Content-Encoding": "gzip"}, _deflate_html_bomb(200 * MiB)),
        A + "brotli-bomb": Page(200, {**HTML, "Content-Encoding": "br"},
                                brotli.compress(b"<p>" + b"b" * (100 * MiB), quality=1)),
        A + "huge-with-length": Page(200, HTML, b"<p>" + b"h" * (40 * MiB)),
        A + "cycle-a": redirect(f"{base}{A}cycle-b"),
        A + "cycle-b": redirect(f"{base}{A}cycle-a"),
        A + "to-file": redirect("file:///etc/passwd"),
        A + "to-data": redirect("data:text/html,<p>injected</p>"),
        A + "to-ftp": redirect("ftp://127.0.0.1/pub/x"),
        A + "meta-file": Page(200, HTML, b'<html><head><meta http-equiv="refresh" content="0;url=file:///etc/passwd">'
                                         b"</head><body><p>moved</p></body></html>"),
        A + "always-500": Page(500, HTML, b"<h1>Internal Server Error</h1>"),
        A + "nested": Page(200, HTML, nested.encode()),
        A + "big-page": Page(200, HTML, ("<html><body>" + "<p>" + "بزرگ " * 100 + "</p>" * 1)
                             .encode() * 9000 + b"</body></html>"),
    }
    for i in range(15):
        pages[f"{A}chain-{i}"] = redirect(f"{base}{A}chain-{i + 1}")
    return TrapSite(base, pages)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    raw_routes = {"/": ok_page(b"<html><body>" + b"".join(
        f'<a href="{A}{n}">{n}</a>'.encode() for n in ("drip", "short", "chunked", "endless")) + b"</body></html>"),
        A + "drip": drip(), A + "short": short_body(), A + "chunked": broken_chunks(),
        A + "endless": endless_body(40 * MiB)}
    with SiteServer(hostile_site) as site, RawServer(raw_routes) as raw:
        sources = write_sources(tmp / "s.toml", {"hostile": site.base_url, "raw": raw.base_url,
                                                 "refused": f"http://127.0.0.1:{_closed_port()}",
                                                 "nodns": "http://no-such-host.invalid"},
                                max_pages=60, max_depth=30, language="fa")
        db = tmp / "a.db"
        wrapper = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
                   "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r.returncode)")
        started = time.monotonic()
        result = subprocess.run([sys.executable, "-c", wrapper, *CLI, "crawl", "--db", str(db), "--sources",
                                 str(sources), *FAST, "-s", "DOWNLOAD_TIMEOUT=4"],
                                capture_output=True, text=True, timeout=400, cwd=ROOT)
        elapsed = time.monotonic() - started
        yield {"db": db, "result": result, "site": site, "raw": raw, "elapsed": elapsed,
               "peak_mib": int(result.stdout.strip().splitlines()[-1]) / 1024}


def outcome(crawled, path, base_key="site"):
    base = crawled[base_key].base_url
    with sqlite3.connect(crawled["db"]) as conn:
        return conn.execute("SELECT outcome, status, error FROM captures WHERE url = ? ORDER BY id DESC",
                            [base + path]).fetchall()


def test_the_crawl_finishes_and_the_good_article_is_archived(crawled):
    assert crawled["result"].returncode in (0, 3), crawled["result"].stderr[-3000:]
    with sqlite3.connect(crawled["db"]) as conn:
        urls = [u for (u,) in conn.execute("SELECT url FROM articles")]
    assert urls == [crawled["site"].base_url + A + "good-article"]


def test_memory_stays_bounded_under_bombs_and_huge_pages(crawled):
    print(f"peak RSS of the crawl under bombs and a 25 MB page: {crawled['peak_mib']:.0f} MiB")
    assert crawled["peak_mib"] < 700, crawled["peak_mib"]


@pytest.mark.parametrize("name", ["gzip-bomb", "brotli-bomb", "huge-with-length"])
def test_bombs_and_oversized_bodies_are_recorded_failures(crawled, name):
    rows = outcome(crawled, A + name)
    assert rows and rows[0][0] == "fetch_failed", rows


@pytest.mark.parametrize("name", ["drip", "short", "chunked", "endless"])
def test_broken_transfers_store_no_partial_body(crawled, name):
    rows = outcome(crawled, A + name, "raw")
    assert rows and {r[0] for r in rows} == {"fetch_failed"}, rows


def test_redirect_chain_and_cycle_end_with_a_recorded_outcome(crawled):
    chain = outcome(crawled, A + "chain-0")
    cycle = outcome(crawled, A + "cycle-a")
    assert chain and chain[0][0] == "fetch_failed" and "max redirections" in chain[0][2]
    assert cycle and cycle[0][0] == "fetch_failed" and "max redirections" in cycle[0][2]


@pytest.mark.parametrize("name", ["to-file", "to-data", "to-ftp"])
def test_redirects_to_other_schemes_are_not_followed(crawled, name):
    rows = outcome(crawled, A + name)
    assert rows and rows[0][0] == "fetch_failed" and rows[0][1] == 302, rows


def test_meta_refresh_to_file_is_not_followed(crawled):
    rows = outcome(crawled, A + "meta-file")
    assert rows and rows[0][0] != "blocked"
    with sqlite3.connect(crawled["db"]) as conn:
        assert conn.execute("SELECT count(*) FROM captures WHERE url LIKE 'file:%' OR final_url LIKE 'file:%'"
                            ).fetchone() == (0,)


def test_crawler_traps_are_bounded(crawled):
    hits = crawled["site"].hits
    calendar = sum(n for p, n in hits.items() if p.startswith("/calendar/"))
    loops = sum(n for p, n in hits.items() if p.startswith("/loop/"))
    sessions = sum(n for p, n in hits.items() if p.startswith("/session"))
    assert sum(hits.values()) <= 60 + 10  # the per-run budget of the source (+ robots and retries)
    assert calendar <= 31 and loops <= 31  # max_depth 30
    assert sessions <= 2  # session IDs are stripped, so every "new" URL is the same page


def test_server_errors_are_retried_then_recorded(crawled):
    assert crawled["site"].hits[A + "always-500"] == 2  # RETRY_TIMES=1
    rows = outcome(crawled, A + "always-500")
    assert rows and rows[0][:2] == ("fetch_failed", 500)


def test_refused_connections_and_dns_failures_are_recorded(crawled):
    with sqlite3.connect(crawled["db"]) as conn:
        per_source = json.loads(conn.execute("SELECT per_source FROM crawl_runs").fetchone()[0])
        errors = dict(conn.execute("SELECT source, group_concat(error, ' | ') FROM captures "
                                   "WHERE source IN ('refused', 'nodns') GROUP BY source"))
    assert per_source["refused"]["fetch_failed"] >= 1 and "Connection" in errors["refused"]
    assert per_source["nodns"]["fetch_failed"] >= 1 and "DNS" in errors["nodns"]


def test_hostile_feeds_and_sitemap_bombs_are_parsed_safely(crawled):
    with sqlite3.connect(crawled["db"]) as conn:
        captures = dict(conn.execute("SELECT url, outcome FROM captures WHERE source = 'hostile'"))
        titles = [t for (t,) in conn.execute("SELECT title FROM articles")]
    base = crawled["site"].base_url
    assert captures[base + "/feed.xml"] == "feed"
    assert captures[base + "/sitemap-bomb.xml.gz"] == "sitemap"
    assert all("root:" not in (t or "") for t in titles)  # no external entity was read


@pytest.mark.parametrize("name", ["nested", "big-page"])
def test_pathological_html_is_an_extraction_failure_with_its_capture_kept(crawled, name):
    with sqlite3.connect(crawled["db"]) as conn:
        row = conn.execute("SELECT outcome, size, error FROM captures WHERE url = ?",
                           [crawled["site"].base_url + A + name]).fetchone()
    assert row is not None
    assert row[0] == "extraction_failed" and row[1] > 1_000_000 and row[2], row
