"""The archive's single writer: one row per article, revisions, atomic writes, clear errors."""

import json
import sqlite3

import pytest

from archive.errors import ArchiveError
from archive.frontier import Frontier
from archive.store import Archive, decompress_body


def article(url="https://s.example/news/1", title="عنوان", text="متن می‌شود", **extra):
    return {"url": url, "source": "s", "title": title, "text": text, "authors": ["الف"], **extra}


def capture(url="https://s.example/news/1", body=b"<html>page</html>", fetched="2024-02-11T05:35:00+00:00"):
    return {"url": url, "final_url": url, "source": "s", "status": 200, "headers": {"Content-Type": "text/html"},
            "body": body, "charset": "utf-8", "outcome": "ok", "fetched": fetched}


@pytest.fixture
def archive(tmp_path):
    with Archive(tmp_path / "a.db") as a:
        a.upsert_sources([{"name": "s", "url": "https://s.example/"}])
        yield a


def test_new_unchanged_updated_and_revisions(archive):
    assert archive.save_article(article(), capture()) == "new"
    assert archive.save_article(article(), capture(fetched="2024-02-12T00:00:00+00:00")) == "unchanged"
    assert archive.db["revisions"].count == 0
    assert archive.save_article(article(title="عنوان تازه"), capture(fetched="2024-02-13T00:00:00+00:00")) \
        == "updated"
    assert archive.db["articles"].count == 1
    row = next(archive.db["articles"].rows)
    assert row["title"] == "عنوان تازه"
    assert row["first_seen"] == "2024-02-11T05:35:00+00:00"
    assert row["last_changed"] == "2024-02-13T00:00:00+00:00"
    assert json.loads(row["authors"]) == ["الف"]
    assert row["text"] == "متن می\u200cشود"  # ZWNJ kept as published
    (revision,) = archive.db["revisions"].rows
    assert revision["title"] == "عنوان" and revision["replaced"] == "2024-02-13T00:00:00+00:00"
    assert revision["capture_id"] == 2  # the capture the old version was last seen in
    assert archive.db["captures"].count == 3  # every fetch is a capture


def test_capture_body_round_trips_compressed(archive):
    body = "<html>بندرعباس</html>".encode() * 100
    archive.save_article(article(), capture(body=body))
    row = next(archive.db["captures"].rows)
    assert decompress_body(row["body"]) == body
    assert row["size"] == len(body) and len(row["body"]) < len(body)
    assert json.loads(row["headers"]) == {"Content-Type": "text/html"}


def test_search_index_holds_the_search_form(archive):
    archive.save_article(article(title="كتاب ايران"), capture())
    (row,) = archive.db.execute("SELECT title FROM articles_fts").fetchall()
    assert row[0] == "کتاب ایران"


def test_failed_write_rolls_back_whole_article(archive):
    bad = article()
    bad["no_such_column"] = 1
    with pytest.raises(sqlite3.OperationalError):
        archive.save_article(bad, capture())
    assert archive.db["captures"].count == 0
    assert archive.db["articles"].count == 0


def test_frontier_add_pending_mark(archive):
    frontier = Frontier(archive.db)
    assert frontier.add("s", [{"url": "https://s.example/1"}, {"url": "https://s.example/2"}]) == 2
    assert frontier.add("s", [{"url": "https://s.example/1"}]) == 0
    frontier.mark("https://s.example/1", "done", article_url="https://s.example/news/1")
    assert [r["url"] for r in frontier.pending("s")] == ["https://s.example/2"]
    assert frontier.counts() == {"done": 1, "pending": 1}


def test_runs_record_status_and_counts(archive):
    run = archive.start_run(["s"])
    archive.finish_run(run, "ok", {"fetched": 3, "articles_new": 2}, {"s": {"fetched": 3}})
    row = archive.db["crawl_runs"].get(run)
    assert (row["status"], row["fetched"], row["articles_new"]) == ("ok", 3, 2)
    assert row["finished"] >= row["started"]


def test_opening_something_that_is_not_an_archive(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(ArchiveError, match="not a newsarchive archive"):
        Archive(junk)
    assert junk.read_bytes().startswith(b"this is not sqlite")  # untouched
    with pytest.raises(ArchiveError, match="no such archive"):
        Archive(tmp_path / "absent.db", readonly=True)
    with pytest.raises(ArchiveError, match="is a directory"):
        Archive(tmp_path)


def test_reopening_applies_no_migration_twice(tmp_path):
    Archive(tmp_path / "a.db").close()
    with Archive(tmp_path / "a.db") as again:
        names = [r["name"] for r in again.db["_sqlite_migrations"].rows]
    assert names == sorted(set(names), key=names.index) and "m001_initial" in names


def test_spellings_of_one_page_are_one_article(archive):
    from archive.urls import site_key

    first = "http://sahel.example/fa/news/7/"
    second = "https://www.sahel.example/fa/news/7?utm_source=telegram"
    assert archive.save_article(article(url=first, url_key=site_key(first)), capture(url=first)) == "new"
    outcome = archive.save_article(article(url=second, url_key=site_key(second), title="عنوان دوم"),
                                   capture(url=second))
    assert outcome == "updated"
    assert [r["url"] for r in archive.db.table("articles").rows] == [first]  # the first spelling stays


def test_a_print_copy_never_replaces_the_article_it_copies(archive):
    assert archive.save_article(article(), capture()) == "new"
    copy = article(title="نسخه چاپی", text="متن ناقص", variant=True)
    assert archive.save_article(copy, capture(url="https://s.example/print/1")) == "unchanged"
    row = next(archive.db.table("articles").rows)
    assert (row["title"], archive.db.table("revisions").count) == ("عنوان", 0)
    assert archive.save_article(article(url="https://s.example/news/2", variant=True),
                                capture(url="https://s.example/print/2")) == "new"  # the only copy we have


def test_a_revisit_of_an_unchanged_page_is_unchanged_even_if_learned_lines_changed(archive):
    assert archive.save_article(article(text="متن\nانتهای پیام", source_hash="h1"), capture()) == "new"
    # the same page, now that «انتهای پیام» is learned boilerplate of the source
    assert archive.save_article(article(text="متن", source_hash="h1"), capture()) == "unchanged"
    assert archive.db.table("revisions").count == 0
    # reprocess applies what was learned, keeping the old text as a revision
    assert archive.reextracted(article(text="متن", source_hash="h1"), 1, "2024-02-11T05:35:00+00:00") == "updated"
    assert next(archive.db.table("articles").rows)["text"] == "متن"


def test_stored_url_follows_the_first_spelling(archive):
    from archive.urls import site_key

    first, second = "https://www.ex.example/news/1", "http://ex.example/news/1/"
    archive.save_article(article(url=first, url_key=site_key(first)), capture(url=first))
    assert archive.stored_url(second, site_key(second)) == first
    assert archive.stored_url("https://ex.example/news/2", site_key("https://ex.example/news/2")) == \
        "https://ex.example/news/2"
