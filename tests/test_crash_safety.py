"""Crashes, full disks and overlapping runs: nothing acknowledged lost, nothing duplicated."""

from __future__ import annotations

import random
import signal
import sqlite3
import time

import pytest

from archive.errors import EXIT_LOCKED
from crawler.demo.server import SiteServer
from tests.support import killpoints
from tests.support.crawling import FAST, cli_result, crawl, start_crawl, write_sources
from tests.support.killpoints import KINDS
from tests.support.sites import news_site, stories

pytestmark = pytest.mark.timeout(400)
ARTICLES = 12


def query(db, sql, *params):
    with sqlite3.connect(db, timeout=30) as conn:
        return conn.execute(sql, params).fetchall()


@pytest.fixture
def site():
    items = stories(ARTICLES)
    with SiteServer(lambda base: news_site(base, items)) as server:
        server.items = items  # type: ignore[attr-defined]
        yield server


@pytest.fixture
def slow_site():
    items = stories(ARTICLES)
    with SiteServer(lambda base: news_site(base, items)) as server:
        for story in items:
            server.override(story.path, delay=0.25)
        server.items = items  # type: ignore[attr-defined]
        yield server


def assert_archive_sound(db):
    code, output, exc = cli_result(["check", "--db", str(db)])
    assert code == 0, (output, exc)
    assert query(db, "SELECT count(*) FROM articles WHERE capture_id IS NULL "
                     "OR capture_id NOT IN (SELECT id FROM captures)") == [(0,)]
    assert query(db, "SELECT count(*) - count(DISTINCT url) FROM articles") == [(0,)]


def kill_points(seed: int, rounds: int) -> list[tuple[str, int]]:
    """A seeded list of (kind, n) kill points: after n items written, at the n-th write inside a
    transaction (migrations included), while the n-th capture is being written."""
    rng = random.Random(seed)
    bounds = {"after_items": 4, "in_transaction": 40, "capture_write": 4}
    return [(kind, rng.randint(1, bounds[kind])) for kind in (rng.choice(KINDS) for _ in range(rounds))]


def test_kill_9_at_chosen_points_then_the_next_run_completes(tmp_path, site):
    """20 rounds: the site grows, a crawl starts and is killed at a chosen write; then one run finishes."""
    db = tmp_path / "a.db"
    sources = write_sources(tmp_path / "s.toml", {"sahel": site.base_url}, revisit_hours=0, language="fa")
    args = ["crawl", "--db", str(db), "--sources", str(sources), *FAST]
    discovered: set[str] = set()
    everything = stories(ARTICLES + 2 * 19)
    points = kill_points(20241125, 20)
    assert {kind for kind, _ in points} == set(KINDS)
    for round_, point in enumerate(points):
        current = everything[:ARTICLES + 2 * round_]
        site.set_site(lambda base, items=current: news_site(base, items))
        code = killpoints.run(args, point, stderr_path=str(tmp_path / "stderr.txt"))
        assert code == -signal.SIGKILL, (point, code, (tmp_path / "stderr.txt").read_text()[-2000:])
        if db.exists():
            assert_archive_sound(db)
            discovered |= {url for (url,) in query(db, "SELECT url FROM frontier")}
    final = crawl(db, sources)
    assert final.returncode == 0, final.stderr
    assert_archive_sound(db)
    states = dict(query(db, "SELECT url, state FROM frontier"))
    assert len(discovered) > ARTICLES  # the kills did interrupt discovery and fetching
    assert discovered <= set(states)
    assert {state for url, state in states.items() if url in discovered} <= {"done", "failed"}
    total = len(current)
    assert query(db, "SELECT count(*), count(DISTINCT url) FROM articles") == [(total, total)]
    assert query(db, "SELECT count(*) FROM crawl_runs WHERE status = 'running'") == [(0,)]


def test_a_second_run_while_one_is_going_exits_with_the_lock_code(tmp_path, slow_site):
    db = tmp_path / "a.db"
    sources = write_sources(tmp_path / "s.toml", {"sahel": slow_site.base_url}, language="fa")
    first = start_crawl(db, sources)
    try:
        wait_for(lambda: _count(db, "crawl_runs") > 0)
        runs_before = query(db, "SELECT count(*) FROM crawl_runs")
        second = crawl(db, sources)
        assert second.returncode == EXIT_LOCKED
        assert second.stderr.strip().splitlines()[-1].startswith("Error:")
        assert "already running" in second.stderr
        assert query(db, "SELECT count(*) FROM crawl_runs") == runs_before
    finally:
        first.kill()
        first.communicate(timeout=30)  # reaps the child and closes its pipes


def _count(db, table):
    try:
        return query(db, f"SELECT count(*) FROM {table}")[0][0]
    except sqlite3.Error:
        return 0


def wait_for(predicate, timeout=30.0):
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.1)


def test_disk_full_rolls_back_the_article_and_exits_non_zero(tmp_path, site):
    db = tmp_path / "a.db"
    sources = write_sources(tmp_path / "s.toml", {"sahel": site.base_url}, language="fa")
    assert crawl(db, sources, "--source", "sahel").returncode == 0  # a healthy archive first
    before = query(db, "SELECT count(*) FROM articles")[0][0]
    more = stories(ARTICLES + 40)[ARTICLES:]
    site.set_site(lambda base: news_site(base, site.items + more))
    size = max(db.stat().st_size, (tmp_path / "a.db-wal").stat().st_size if (tmp_path / "a.db-wal").exists() else 0)
    stderr = tmp_path / "stderr.txt"
    # the stderr file is under the same file-size limit: Scrapy's item logs must not fill it
    code = killpoints.run(["crawl", "--db", str(db), "--sources", str(sources), *FAST, "-s", "LOG_LEVEL=CRITICAL"],
                          file_limit=size + 64 * 1024, stderr_path=str(stderr))
    assert code == 1, stderr.read_text()
    last = stderr.read_text().strip().splitlines()[-1]
    assert last.startswith("Error:") and "cannot write to the archive" in last
    assert_archive_sound(db)
    after = query(db, "SELECT count(*) FROM articles")[0][0]
    assert before <= after < before + len(more)
    # every stored article is whole: its capture and its search row are there
    assert query(db, "SELECT count(*) FROM articles WHERE id NOT IN (SELECT rowid FROM articles_fts)") == [(0,)]
