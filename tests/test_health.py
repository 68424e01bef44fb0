"""Source health and backoff, judged from crawl_runs rows written through the real writer."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from archive.health import SourceRun, backoff_until, consecutive_failures, source_health, source_runs
from archive.store import Archive
from crawler.progress import progress_line

OK = {"fetched": 10, "articles_new": 3, "fetch_failed": 0}
QUIET = {"fetched": 10, "articles_new": 0, "fetch_failed": 0}
DEAD = {"fetched": 1, "articles_new": 0, "fetch_failed": 4}


def run(counts, started="2024-05-01T00:00:00+00:00", run_id=1):
    return SourceRun(run_id, started, counts)


@pytest.mark.parametrize("history, failures", [
    ([], 0), ([OK], 0), ([DEAD], 1), ([DEAD, DEAD, OK], 2), ([OK, DEAD, DEAD], 0), ([DEAD] * 5, 5),
])
def test_consecutive_failures(history, failures):
    assert consecutive_failures([run(c) for c in history]) == failures


@pytest.mark.parametrize("failures, hours", [(0, None), (1, None), (2, 1), (3, 2), (4, 4), (12, 168)])
def test_backoff_doubles_and_is_capped_at_a_week(failures, hours):
    started = "2024-05-01T10:00:00+00:00"
    until = backoff_until([run(DEAD, started)] * failures)
    expected = None if hours is None else datetime.fromisoformat(started) + timedelta(hours=hours)
    assert until == expected


def _archive_with_runs(path, history):
    with Archive(path) as archive:
        archive.upsert_sources([{"name": "s", "url": "https://s.example/"}])
        for counts in history:
            run_id = archive.start_run(["s"])
            archive.finish_run(run_id, "ok", {}, {"s": counts})
    return Archive(path, readonly=True)


@pytest.mark.parametrize("history, flags", [
    ([OK] * 6, []),
    ([OK, QUIET, OK, QUIET, OK, QUIET, QUIET, QUIET, QUIET, QUIET, QUIET], ["silent"]),
    ([OK] * 5 + [DEAD, DEAD], ["failing", "backing-off"]),
    ([OK] * 5 + [{"fetched": 10, "articles_new": 1, "extraction_failed": 8}], ["layout-changed"]),
])
def test_flags(tmp_path, history, flags):
    with _archive_with_runs(tmp_path / "a.db", history) as archive:
        (health,) = source_health(archive.db, recent=2 if "failing" in flags else 1)
        assert len(source_runs(archive.db, "s")) == len(history)
    assert health.flags == flags


def test_progress_line_shows_each_source():
    stats = {"newsarchive/a/fetched": 5, "newsarchive/a/articles_new": 2, "newsarchive/b/fetch_failed": 1}
    assert progress_line(stats, ["a", "b"]) == (
        "a: 5 fetched, 2 new, 0 updated, 0 failed | b: 0 fetched, 0 new, 0 updated, 1 failed")
