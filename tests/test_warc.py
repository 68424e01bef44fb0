"""Captures exported as WARC (checked by warcio) and read back by iter_warc_pages."""

from __future__ import annotations

import gzip
import hashlib
import json
import sqlite3
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archive.errors import ArchiveError, ConfigError
from archive.export import Filters, export_warc
from archive.export.warc import payload_digest
from archive.store import Archive
from archive.warc import iter_warc_pages

WARCIO = Path(sys.executable).parent / "warcio"
PERSIAN_HTML = ("<html><head><meta charset='utf-8'><title>کتاب</title></head>"
                "<body><p>نمایشگاه کتاب ایران برگزار می\u200cشود.</p></body></html>").encode()
HTML_HEADERS = {"Content-Type": "text/html; charset=utf-8", "Content-Length": "97", "Server": "nginx",
                "Date": "Wed, 20 Mar 2024 00:00:00 GMT"}
ARTICLE_URL = "https://sahel.example/fa/news/1/a"


def capture(url, fetched, body=b"", *, source="sahel", status=200, headers=None, outcome="ok",
            final_url=None):
    return {"url": url, "final_url": final_url or url, "source": source, "status": status,
            "headers": HTML_HEADERS if headers is None else headers, "body": body, "outcome": outcome,
            "fetched": fetched, "charset": "utf-8"}


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "archive.db"
    with Archive(path) as archive:
        archive.upsert_sources([{"name": "sahel", "url": "https://sahel.example/"},
                                {"name": "khaleej", "url": "https://khaleej.example/"}])
        article = {"url": ARTICLE_URL, "source": "sahel", "title": "کتاب", "text": "نمایشگاه کتاب",
                   "language": "fa", "published": "2024-02-11T09:05:00+03:30"}
        archive.save_article(dict(article), capture(ARTICLE_URL, "2024-02-20T10:00:00+00:00", PERSIAN_HTML))
        archive.add_capture(capture("https://sahel.example/feed", "2024-02-20T10:00:01+00:00",
                                    b"<?xml version='1.0'?><rss></rss>",
                                    headers={"Content-Type": "application/rss+xml"}, outcome="feed"))
        archive.add_capture(capture("https://sahel.example/old", "2024-02-20T10:00:02+00:00",
                                    headers={}, status=None, outcome="fetch_failed"))
        archive.add_capture(capture("https://sahel.example/gone", "2024-02-20T10:00:03+00:00",
                                    b"<html><body>Not found</body></html>", status=404,
                                    outcome="not_article"))
        archive.add_capture(capture("http://sahel.example/short", "2024-02-20T10:00:04+00:00",
                                    b"<html><body>moved here</body></html>", outcome="not_article",
                                    final_url="https://sahel.example/long?id=7"))
        # the article again a month later, byte for byte: a revisit record
        archive.save_article(dict(article), capture(ARTICLE_URL, "2024-03-20T10:00:00+00:00", PERSIAN_HTML))
        archive.add_capture(capture("https://khaleej.example/x", "2024-03-21T08:00:00+00:00",
                                    "<html><body>معرض الكتاب</body></html>".encode(), source="khaleej",
                                    headers={"Content-Type": "text/html"}))
    return path


def records(path):
    with open(path, "rb") as stream:
        out = []
        for record in ArchiveIterator(stream):
            body = record.content_stream().read()
            out.append((record.rec_type, record.rec_headers, record.http_headers, body))
        return out


def warcio_check(path):
    return subprocess.run([str(WARCIO), "check", "-v", str(path)], capture_output=True, text=True, timeout=60)


def test_export_passes_warcio_check(db, tmp_path):
    result = export_warc(db, tmp_path / "out" / "captures.warc.gz", filters=Filters())
    warc = result.paths[0]
    check = warcio_check(warc)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "digest pass" in check.stdout
    assert result.rows == 6 and result.skipped == 1
    with gzip.open(warc) as stream:  # a valid multi-member gzip
        assert stream.read().startswith(b"WARC/1.0\r\n")


def test_records_carry_urls_dates_headers_and_digests(db, tmp_path):
    result = export_warc(db, tmp_path / "out" / "captures.warc.gz", filters=Filters())
    recs = records(result.paths[0])
    assert [r[0] for r in recs] == (["warcinfo"] + ["response", "request"] * 4 + ["revisit", "request"]
                                    + ["response", "request"])
    info = recs[0][3].decode()
    assert "software: newsarchive" in info and "robots: obey" in info
    rtype, warc_headers, http, body = recs[1]
    assert warc_headers.get_header("WARC-Target-URI") == ARTICLE_URL
    assert warc_headers.get_header("WARC-Date") == "2024-02-20T10:00:00Z"
    assert warc_headers.get_header("WARC-Payload-Digest") == payload_digest(PERSIAN_HTML)
    assert body == PERSIAN_HTML
    assert http.get_statuscode() == "200" and http.protocol == "HTTP/1.1"
    assert http.get_header("Content-Type") == "text/html; charset=utf-8"
    assert http.get_header("Server") == "nginx"
    assert http.get_header("Content-Length") == str(len(PERSIAN_HTML))
    assert http.get_header("X-Archive-Orig-Content-Length") == "97"
    request = recs[2]
    assert request[1].get_header("WARC-Concurrent-To") == warc_headers.get_header("WARC-Record-ID")
    assert request[2].protocol == "GET" and request[2].get_header("Host") == "sahel.example"
    targets = [r[1].get_header("WARC-Target-URI") for r in recs if r[0] == "response"]
    assert "https://sahel.example/old" not in targets  # failed fetch without a response: skipped
    assert "https://sahel.example/long?id=7" in targets  # the URL that answered, after redirects
    redirected = next(r for r in recs if r[0] == "request"
                      and r[1].get_header("WARC-Target-URI") == "https://sahel.example/long?id=7")
    assert (redirected[2].protocol, redirected[2].statusline) == ("GET", "/long?id=7 HTTP/1.1")
    gone = next(r for r in recs if r[1].get_header("WARC-Target-URI") == "https://sahel.example/gone")
    assert gone[2].statusline == "404 Not Found"
    revisit = recs[9]
    assert revisit[1].get_header("WARC-Refers-To-Target-URI") == ARTICLE_URL
    assert revisit[1].get_header("WARC-Refers-To-Date") == "2024-02-20T10:00:00Z"
    assert revisit[1].get_header("WARC-Date") == "2024-03-20T10:00:00Z"
    assert revisit[1].get_header("WARC-Payload-Digest") == payload_digest(PERSIAN_HTML)
    assert "identical-payload-digest" in revisit[1].get_header("WARC-Profile")


def test_warc_filters_by_source_and_fetch_date(db, tmp_path):
    result = export_warc(db, tmp_path / "a" / "a.warc.gz", filters=Filters.from_options(sources=("sahel",),
                                                                                   since="2024-03-01"))
    recs = records(result.paths[0])
    # the revisit's original is not in this file, so the repeat is written as a full response
    assert [(r[0], r[1].get_header("WARC-Target-URI")) for r in recs[1:]] == [
        ("response", ARTICLE_URL), ("request", ARTICLE_URL)]
    assert recs[1][3] == PERSIAN_HTML
    result = export_warc(db, tmp_path / "b" / "b.warc.gz", filters=Filters.from_options(until="2024-02-20"))
    assert result.rows == 4


def test_warc_split_by_month_and_card(db, tmp_path):
    result = export_warc(db, tmp_path / "parts", filters=Filters(), split="month")
    names = [p.name for p in result.paths]
    assert names == ["2024-02.warc.gz", "2024-03.warc.gz", "README.md"]
    for path in result.paths[:2]:
        assert warcio_check(path).returncode == 0
    manifest = json.loads((tmp_path / "parts" / "manifest.json").read_text())
    assert [(f["path"], f.get("rows")) for f in manifest["files"]] == [
        ("2024-02.warc.gz", 4), ("2024-03.warc.gz", 2), ("README.md", None)]
    assert manifest["rows"] == {"kind": "captures", "total": 6, "skipped_without_response": 1}
    for entry in manifest["files"]:
        data = (tmp_path / "parts" / entry["path"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
    card = (tmp_path / "parts" / "README.md").read_text(encoding="utf-8")
    assert "**6 captures** from 2 source(s); 1 failed fetch(es) without a response were skipped" in card
    assert "| sahel | https://sahel.example/ |  | 5 |" in card and "| 2024-03 | 2 |" in card
    assert "obeys robots.txt" in card and "revisit" in card


def test_uncompressed_warc(db, tmp_path):
    result = export_warc(db, tmp_path / "captures.warc", filters=Filters(sources=("khaleej",)))
    assert result.paths[0].read_bytes().startswith(b"WARC/1.0\r\n")
    assert warcio_check(result.paths[0]).returncode == 0


@pytest.mark.parametrize("options, message", [
    ({"languages": ("fa",)}, "--language filters articles"),
    ({"query": "کتاب"}, "--query filters articles"),
    ({"min_words": 5}, "--min-words filters articles"),
])
def test_article_filters_are_refused_for_warc(db, tmp_path, options, message):
    with pytest.raises(ConfigError, match=message):
        export_warc(db, tmp_path / "c.warc.gz", filters=Filters(**options))
    assert not (tmp_path / "c.warc.gz").exists()


def test_damaged_body_stops_the_export(db, tmp_path):
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE captures SET body_sha256 = 'x' WHERE id = 1")
    with pytest.raises(ArchiveError, match="^capture 1: body does not match its body_sha256"):
        export_warc(db, tmp_path / "out" / "c.warc.gz", filters=Filters())
    assert list((tmp_path / "out").iterdir()) == []


# -- reader ---------------------------------------------------------------------------------------


def test_reader_round_trip(db, tmp_path):
    result = export_warc(db, tmp_path / "c.warc.gz", filters=Filters())
    pages = list(iter_warc_pages(result.paths[0]))
    assert [url for url, _, _ in pages] == [ARTICLE_URL, "https://sahel.example/long?id=7",
                                            "https://khaleej.example/x"]
    url, headers, body = pages[0]
    assert body == PERSIAN_HTML
    assert headers["content-type"] == "text/html; charset=utf-8" and headers["server"] == "nginx"
    assert "content-length" not in headers
    assert pages[2][2].decode() == "<html><body>معرض الكتاب</body></html>"


def _write_warc(path, entries, gzip_records=True):
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=gzip_records)
        for url, statusline, headers, payload in entries:
            http = StatusAndHeaders(statusline, headers, protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(payload),
                                                          length=len(payload), http_headers=http))


def test_reader_decodes_content_encoding_and_sniffs_html(tmp_path):
    html = "<!DOCTYPE html><html><body>خبر</body></html>".encode()
    path = tmp_path / "foreign.warc"
    _write_warc(path, [
        ("https://a.example/gz", "200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip"),
                                            ("Set-Cookie", "a=1"), ("set-cookie", "b=2")],
         gzip.compress(html)),
        ("https://a.example/sniffed", "200 OK", [], html),
        ("https://a.example/img", "200 OK", [("Content-Type", "image/png")], b"\x89PNG"),
        ("https://a.example/text", "200 OK", [], b"plain words"),
        ("https://a.example/moved", "301 Moved Permanently", [("Content-Type", "text/html")], html),
        ("https://a.example/xhtml", "200 OK", [("Content-Type", "application/xhtml+xml")], html),
    ], gzip_records=False)
    pages = list(iter_warc_pages(path))
    assert [u for u, _, _ in pages] == ["https://a.example/gz", "https://a.example/sniffed",
                                        "https://a.example/xhtml"]
    assert pages[0][2] == html and "content-encoding" not in pages[0][1]
    assert pages[0][1]["set-cookie"] == "a=1, b=2"


@pytest.mark.parametrize("content, message", [
    (None, "no such WARC file"),
    (b"<html>hello</html>\r\n", "unreadable WARC file"),
])
def test_reader_errors_are_one_line(tmp_path, content, message):
    path = tmp_path / "bad.warc.gz"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ArchiveError, match=f"^{path}: {message}") as caught:
        list(iter_warc_pages(path))
    assert "\n" not in str(caught.value)
