"""Reading through datasette while a crawl writes: never "database is locked", never an error page."""

from __future__ import annotations

import threading
import urllib.error
import urllib.parse
import urllib.request

from conftest import build_archive

from archive.datasette.process import running_datasette
from archive.store import Archive

READS, MAX_WRITES = 70, 20_000
PAGES = ["/articles", "/articles.json?_search={q}", "/-/search?q={q}", "/articles/1", "/search.json?q={q}",
         "/-/articles-per-day", "/source_problems.json"]


def _write_articles(path, stop: threading.Event, written: list[str], errors: list[str]) -> None:
    """Save articles one transaction each, as a crawl does, until the reader has finished."""
    try:
        with Archive(path) as archive:
            archive.upsert_sources([{"name": "live", "url": "https://live.example/"}])
            for i in range(MAX_WRITES):
                if stop.is_set():
                    break
                url = f"https://live.example/news/{i}"
                archive.save_article(
                    {"url": url, "source": "live", "language": "fa", "title": f"خبر {i}",
                     "text": f"کتاب ایران شماره {i}\nمتن خبر.",
                     "published": f"2024-04-{1 + i % 28:02d}T10:00:00"},
                    {"url": url, "source": "live", "status": 200, "body": f"<p>{i}</p>".encode(),
                     "outcome": "ok"})
                written.append(url)
    except Exception as exc:  # reported by the test, not lost in the thread
        errors.append(f"writer: {exc!r}")


def test_reading_while_another_connection_writes_gives_no_error(tmp_path):
    path = build_archive(tmp_path / "live.db")
    q = urllib.parse.quote("كتاب ايران")
    stop, written, errors = threading.Event(), [], []
    with running_datasette(path) as base:
        writer = threading.Thread(target=_write_articles, args=(path, stop, written, errors))
        writer.start()
        try:
            for i in range(READS):
                url = f"{base}/live{PAGES[i % len(PAGES)].format(q=q)}"
                try:
                    with urllib.request.urlopen(url, timeout=30) as response:
                        body = response.read().decode()
                except urllib.error.HTTPError as exc:
                    errors.append(f"{url}: HTTP {exc.code} {exc.read()[:300]!r}")
                    continue
                if "database is locked" in body or '"ok": false' in body:
                    errors.append(f"{url}: {body[:300]}")
        finally:
            stop.set()
            writer.join()
        last = urllib.parse.quote(written[-1], safe="") if written else ""
        found = urllib.request.urlopen(f"{base}/live/articles.json?url={last}&_shape=array").read().decode()
    assert errors == []
    assert len(written) >= READS  # the writes really overlapped the reads
    assert written[-1] in found  # and datasette sees the latest of them
