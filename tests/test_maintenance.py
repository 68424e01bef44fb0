"""`newsarchive check` finds every kind of damage; `backup` snapshots a live archive consistently."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from click.testing import CliRunner

from archive.cli import cli
from archive.store import Archive
from tests.conftest import SAMPLE_ARTICLES, build_archive


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_healthy_archive_passes(sample_db):
    result = run("check", "--db", str(sample_db))
    assert result.exit_code == 0, result.output
    assert "ok (3 articles, 3 captures)" in result.output


@pytest.mark.parametrize("damage, message", [
    ("UPDATE captures SET body = X'1f8b0800' WHERE id = 1", "body does not decompress"),
    ("UPDATE captures SET body_sha256 = 'x' WHERE id = 2", "does not match its sha256"),
    ("DELETE FROM captures WHERE id = 3", "articles rows point at missing captures"),
    ("DELETE FROM articles_fts WHERE rowid = 1", "1 articles are not indexed"),
    ("INSERT INTO articles_fts (rowid, title, text) VALUES (99, 'x', 'y')", "1 index rows have no article"),
])
def test_each_kind_of_damage_is_reported(sample_db, damage, message):
    with sqlite3.connect(sample_db) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute(damage)
    result = run("check", "--db", str(sample_db))
    assert result.exit_code == 1
    assert message in result.output


def test_backup_of_a_live_archive_is_consistent(tmp_path):
    db = build_archive(tmp_path / "live.db")
    stop = threading.Event()

    def writer():
        with Archive(db) as archive:
            n = 0
            while not stop.is_set() and n < 2000:
                art = dict(SAMPLE_ARTICLES[0], url=f"https://sahel.example/fa/news/{1000 + n}/x")
                archive.save_article(art, {"url": art["url"], "source": "sahel", "status": 200, "headers": {},
                                           "body": b"<html>x</html>", "outcome": "ok",
                                           "fetched": "2024-03-20T00:00:00+00:00"})
                n += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        result = run("backup", "--db", str(db), "--output", str(tmp_path / "snap.db"))
    finally:
        stop.set()
        thread.join()
    assert result.exit_code == 0, result.output
    assert "snapshot written and checked" in result.output
    with sqlite3.connect(tmp_path / "snap.db") as conn:
        articles, captures = conn.execute("SELECT (SELECT count(*) FROM articles), "
                                          "(SELECT count(*) FROM captures)").fetchone()
    assert articles >= 3 and articles == captures  # every article came with its capture
    again = run("backup", "--db", str(db), "--output", str(tmp_path / "snap.db"))
    assert again.exit_code == 1 and "already exists" in again.output
