"""Scheduled runs against fixture sites on 127.0.0.1: incremental, conditional, revisions, health."""

from __future__ import annotations

import json
import sqlite3

import pytest

from archive.errors import EXIT_FLAGGED
from crawler.demo.server import SiteServer
from tests.support.crawling import cli_result, crawl, crawl_subprocess, write_sources
from tests.support.sites import Story, news_site, stories

pytestmark = pytest.mark.timeout(300)


def rows(db, sql, *params):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def article_hits(server, items):
    return {s.path: server.hits[s.path] for s in items}


@pytest.fixture
def site():
    items = stories(4)
    server = SiteServer(lambda base: news_site(base, items))
    with server:
        server.items = items  # type: ignore[attr-defined]
        yield server


def test_second_run_fetches_only_new_articles(tmp_path, site):
    db = tmp_path / "a.db"
    sources = write_sources(tmp_path / "s.toml", {"sahel": site.base_url}, revisit_hours=0, language="fa")
    first = crawl(db, sources)
    assert first.returncode == 0, first.stderr
    assert rows(db, "SELECT count(*) FROM articles") == [(4,)]
    assert set(article_hits(site, site.items).values()) == {1}
    # a sitemap entry that is no article is read as a listing, and kept in the frontier until it is
    assert rows(db, "SELECT kind, state FROM frontier WHERE url = ?", site.base_url + "/fa/section/1") == [
        ("page", "done")]

    site.items.append(Story(5, "خبر تازه درباره صیادان قشم"))
    site.set_site(lambda base: news_site(base, site.items))
    site.reset_hits()
    second = crawl(db, sources)
    assert second.returncode == 0, second.stderr
    assert article_hits(site, site.items) == {s.path: (1 if s.number == 5 else 0) for s in site.items}
    assert rows(db, "SELECT count(*), count(DISTINCT url) FROM articles") == [(5, 5)]
    (run,) = rows(db, "SELECT articles_new, articles_updated, status FROM crawl_runs ORDER BY id DESC LIMIT 1")
    assert run == (1, 0, "ok")
    wal = db.with_name(db.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # checkpointed back at the end of the run


def test_revisit_window_uses_conditional_requests_and_keeps_revisions(tmp_path, site):
    db = tmp_path / "a.db"
    sources = write_sources(tmp_path / "s.toml", {"sahel": site.base_url}, revisit_hours=48, language="fa")
    assert crawl(db, sources).returncode == 0
    edited = site.items[0]
    edited.paragraphs = [*edited.paragraphs, "این خبر پس از انتشار به‌روزرسانی شد و جزئیات تازه افزوده شد."]
    site.set_site(lambda base: news_site(base, site.items))
    site.requests.clear()
    second = crawl(db, sources)
    assert second.returncode == 0, second.stderr

    conditional = [r for r in site.requests if r.path == "/feed.xml"]
    assert conditional and "If-None-Match" in conditional[0].headers  # validators from run 1 were sent
    (run,) = rows(db, "SELECT articles_updated, articles_unchanged, not_modified FROM crawl_runs "
                      "ORDER BY id DESC LIMIT 1")
    updated, unchanged, not_modified = run
    assert updated == 1
    assert not_modified >= 3 + 1  # three unedited articles and the unchanged feed answered 304
    assert rows(db, "SELECT a.url FROM revisions r JOIN articles a ON a.id = r.article_id") == [
        (f"{site.base_url}{edited.path}",)]
    second_run_started = rows(db, "SELECT started FROM crawl_runs ORDER BY id DESC LIMIT 1")[0][0]
    (stale,) = rows(db, "SELECT count(*) FROM articles WHERE last_seen < ?", second_run_started)[0]
    assert stale == 0  # a 304 counts as seeing the article again
    (text,) = rows(db, "SELECT text FROM articles WHERE url = ?", f"{site.base_url}{edited.path}")[0]
    assert "به‌روزرسانی" in text

    code, output, exc = cli_result(["history", f"{site.base_url}{edited.path}", "--db", str(db)])
    assert code == 0, (output, exc)
    assert "2 versions" in output and "+این خبر پس از انتشار به‌روزرسانی شد" in output


def test_robots_txt_server_error_disallows_the_host(tmp_path, site):
    site.override("/robots.txt", status=503)
    db = tmp_path / "a.db"
    sources = write_sources(tmp_path / "s.toml", {"sahel": site.base_url}, language="fa")
    crawl(db, sources)
    fetched = {r.path for r in site.requests} - {"/robots.txt"}
    assert fetched == set()  # RFC 9309: unavailable robots.txt means "disallow for now"
    assert rows(db, "SELECT count(*) FROM articles") == [(0,)]


def test_flaky_host_is_retried_and_retry_after_honoured(tmp_path, site):
    flaky = site.items[1].path
    site.override(flaky, status=503, retry_after=1, times=1)
    db = tmp_path / "a.db"
    sources = write_sources(tmp_path / "s.toml", {"sahel": site.base_url}, language="fa")
    result = crawl(db, sources)
    assert result.returncode == 0, result.stderr
    times = [r.time for r in site.requests if r.path == flaky]
    assert len(times) == 2
    assert times[1] - times[0] >= 0.9  # the retry waited for Retry-After: 1
    assert rows(db, "SELECT count(*) FROM articles") == [(4,)]


def test_source_whose_layout_changes_is_flagged(tmp_path, site):
    db = tmp_path / "a.db"
    sources = write_sources(tmp_path / "s.toml", {"sahel": site.base_url}, revisit_hours=0, language="fa")
    for batch in range(2):
        site.items.extend(Story(10 + 3 * batch + i, f"خبر {batch}-{i} درباره بندر لنگه") for i in range(3))
        site.set_site(lambda base: news_site(base, site.items))
        assert crawl(db, sources).returncode == 0
    code, output, _ = cli_result(["sources", "--db", str(db), "--check", "--runs", "1"])
    assert code == 0, output

    site.items.extend(Story(30 + i, f"خبر پس از تغییر قالب {i}") for i in range(3))
    site.set_site(lambda base: news_site(base, site.items, broken_layout=True))
    crawl(db, sources)
    code, output, _ = cli_result(["sources", "--db", str(db), "--check", "--runs", "1", "--format", "json"])
    assert code == EXIT_FLAGGED
    (health,) = json.loads(output)
    assert "layout-changed" in health["flags"]


def _gaps(server, paths):
    times = sorted(r.time for r in server.requests if r.path in paths)
    return [b - a for a, b in zip(times, times[1:], strict=False)]


def test_crawl_delay_and_the_source_delay_space_requests_to_a_host(tmp_path):
    items = stories(4)
    robots = b"User-agent: *\nCrawl-delay: 0.3\n"
    with SiteServer(lambda base: news_site(base, items, robots=robots)) as site:
        result = crawl(tmp_path / "a.db", write_sources(tmp_path / "s.toml", {"sahel": site.base_url},
                                                        language="fa"))
        assert result.returncode == 0, result.stderr[-2000:]
        gaps = _gaps(site, {s.path for s in items})
    assert len(gaps) == 3 and min(gaps) >= 0.27  # robots.txt asked for 0.3 s between requests
    items = stories(4)
    with SiteServer(lambda base: news_site(base, items)) as site:
        result = crawl(tmp_path / "b.db", write_sources(tmp_path / "t.toml", {"sahel": site.base_url},
                                                        language="fa", delay=0.2))
        assert result.returncode == 0, result.stderr[-2000:]
        gaps = _gaps(site, {s.path for s in items})
    assert len(gaps) == 3 and min(gaps) >= 0.18  # the source's own delay


THROTTLED = ["-s", "AUTOTHROTTLE_ENABLED=True", "-s", "DOWNLOAD_DELAY=1.0"]  # the shipped settings


def test_autothrottle_bounds_each_host_by_its_source_delay_not_the_global_default():
    from scrapy.core.downloader import Slot
    from scrapy.http import Request, Response
    from scrapy.utils.test import get_crawler

    from crawler.throttle import SourceAutoThrottle

    crawler = get_crawler(settings_dict={
        "AUTOTHROTTLE_ENABLED": True, "DOWNLOAD_DELAY": 1.0, "AUTOTHROTTLE_MAX_DELAY": 30.0,
        "DOWNLOAD_SLOTS": {"fast.example": {"delay": 0.0}, "slow.example": {"delay": 2.0}}})
    throttle = SourceAutoThrottle(crawler)
    assert throttle.bounds("fast.example") == (0.0, 30.0)
    assert throttle.bounds("slow.example") == (2.0, 30.0)
    assert throttle.bounds("other.example") == (1.0, 30.0)  # a host no source names keeps DOWNLOAD_DELAY
    # A quick answer (10 ms) moves a delay-0 host's delay towards 10 ms, not up to the global 1 s.
    for host, expected in (("fast.example", 0.01), ("slow.example", 2.0), ("other.example", 1.0)):
        slot = Slot(8, 0.0, 0.0)
        throttle.mindelay, throttle.maxdelay = throttle.bounds(host)
        throttle._adjust_delay(slot, 0.01, Response(f"https://{host}/", request=Request(f"https://{host}/")))
        assert slot.delay == pytest.approx(expected), host


def test_a_source_delay_of_two_seconds_holds_with_autothrottle(tmp_path):
    items = stories(2)
    with SiteServer(lambda base: news_site(base, items)) as site:
        result = crawl(tmp_path / "a.db", write_sources(tmp_path / "s.toml", {"sahel": site.base_url},
                                                        language="fa", delay=2, max_pages=5), *THROTTLED)
        assert result.returncode == 0, result.stderr[-2000:]
        times = sorted(r.time for r in site.requests)
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert len(gaps) >= 4 and min(gaps) >= 1.95, gaps  # every request to the host, robots.txt included


def test_a_source_that_keeps_failing_is_backed_off_across_runs(tmp_path):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    db = tmp_path / "a.db"
    sources = write_sources(tmp_path / "s.toml", {"gone": f"http://127.0.0.1:{port}"})
    for _ in range(2):
        crawl(db, sources)
    third = crawl_subprocess(db, sources, "-v")  # what -v shows on stderr
    assert "backing off after failed runs" in third.stderr
    per_source = [json.loads(p) for (p,) in rows(db, "SELECT per_source FROM crawl_runs ORDER BY id")]
    assert [("gone" in p) for p in per_source] == [True, True, False]  # the third run left it alone
    forced = crawl(db, sources, "--ignore-backoff")
    assert "gone" in json.loads(rows(db, "SELECT per_source FROM crawl_runs ORDER BY id DESC LIMIT 1")[0][0])
    assert forced.returncode in (1, 3)
    code, output, _ = cli_result(["sources", "--db", str(db), "--format", "json"])
    assert "backing-off" in json.loads(output)[0]["flags"]


def test_robots_txt_still_applies_to_urls_queued_at_the_start_of_a_later_run(tmp_path):
    """Disallowed article URLs wait in the frontier; the next run queues them all at once at its start,
    while robots.txt is still being fetched, and every one of them must still be refused."""
    items = stories(8)
    disallowed = [s.path for s in items[::2]]
    robots = ("User-agent: *\n" + "".join(f"Disallow: {p}\n" for p in disallowed)).encode()
    with SiteServer(lambda base: news_site(base, items, robots=robots)) as site:
        db = tmp_path / "a.db"
        sources = write_sources(tmp_path / "s.toml", {"sahel": site.base_url}, language="fa")
        for _ in range(2):
            assert crawl(db, sources).returncode == 0
        assert {p: site.hits[p] for p in disallowed} == dict.fromkeys(disallowed, 0)
    states = dict(rows(db, "SELECT url, state FROM frontier"))
    assert {states[site.base_url + p] for p in disallowed} == {"pending"}  # kept for when robots.txt allows
    assert [r for (r,) in rows(db, "SELECT robots_disallowed FROM crawl_runs ORDER BY id")] == [4, 4]
