"""End to end: the demo sites, served by subprocesses on 127.0.0.1, crawled into an archive."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import datetime

import pytest

from archive.store import decompress_body
from archive.urls import site_key
from crawler.demo import DEMO_SOURCES, demo_articles
from crawler.demo_run import demo_sources_toml
from tests.support.crawling import ROOT, cli_result, crawl

pytestmark = pytest.mark.timeout(300)
SEED_TAIL = ["برای این مطلب تا کنون نظری ثبت نشده است", "0 / 200", "نظر شما پس از بررسی و تایید منتشر خواهد شد",
             "لطفا از بکاربردن الفاظ رکیک", "آخرین خبرها"]


def collapse(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def demo_servers():
    """One `python -m crawler.demo.server` subprocess per demo source (Scrapy's mockserver pattern)."""
    processes, urls = [], {}
    try:
        for name in DEMO_SOURCES:
            process = subprocess.Popen([sys.executable, "-m", "crawler.demo.server", "--site", name],
                                       stdout=subprocess.PIPE, text=True, cwd=ROOT)
            processes.append(process)
            urls[name] = process.stdout.readline().strip()
            assert urls[name].startswith("http://127.0.0.1:"), urls[name]
        yield urls
    finally:
        for process in processes:
            process.kill()
            process.communicate(timeout=10)  # reaps the child and closes its pipe


@pytest.fixture(scope="module")
def demo_db(demo_servers, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("demo")
    sources = tmp / "sources.toml"
    sources.write_text(demo_sources_toml(demo_servers, 0.0), encoding="utf-8")
    db = tmp / "archive.db"
    first = crawl(db, sources)
    assert first.returncode == 0, first.stderr[-3000:]
    second = crawl(db, sources)
    assert second.returncode == 0, second.stderr[-3000:]
    return db, demo_servers


def archived(db):
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return {site_key(r["url"]): dict(r) for r in conn.execute("SELECT * FROM articles")}


def expected():
    return [(name, record) for name in DEMO_SOURCES for record in demo_articles(name)]


def test_every_demo_article_is_archived_once_and_nothing_else(demo_db):
    db, urls = demo_db
    rows = archived(db)
    wanted = {site_key(record.url(urls[name])) for name, record in expected()}
    assert wanted <= set(rows), sorted(wanted - set(rows))
    assert set(rows) == wanted, sorted(set(rows) - wanted)  # no listing, tag or about page got in
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) - count(DISTINCT url) FROM articles").fetchone() == (0,)
        runs = conn.execute("SELECT articles_new FROM crawl_runs ORDER BY id").fetchall()
    assert runs == [(len(wanted),), (0,)]  # the second run archived nothing twice


@pytest.mark.parametrize("name, record", expected(), ids=lambda v: v if isinstance(v, str) else v.key)
def test_article_text_metadata_and_date(demo_db, name, record):
    db, urls = demo_db
    row = archived(db)[site_key(record.url(urls[name]))]
    text = collapse(row["text"])
    for snippet in record.body_snippets:
        assert snippet in text, snippet
    for snippet in record.boilerplate_snippets:
        assert snippet not in text, snippet
    assert row["language"] == record.lang
    assert collapse(row["title"]) == collapse(record.title)
    if any("\u200c" in p for p in record.paragraphs):
        assert "\u200c" in row["text"]  # ZWNJ survives extraction
    if record.lang == "fa":
        for phrase in SEED_TAIL:
            assert phrase not in text
    if "T" in record.published:
        assert row["published"] is not None
        assert datetime.fromisoformat(row["published"]) == datetime.fromisoformat(record.published)
    else:
        assert (row["published"] or "")[:10] == record.published


def test_the_seed_article_keeps_its_body_and_loses_its_tail(demo_db):
    db, urls = demo_db
    seed = next(r for r in demo_articles("sahel") if r.key == "21834" or "21834" in r.path)
    row = archived(db)[site_key(seed.url(urls["sahel"]))]
    assert "بندرخمیر در سال 2020 توانست" in row["text"]
    assert "شهردار بندرخمیر تاکنون در چندین وبینار" in row["text"]
    for phrase in SEED_TAIL:
        assert phrase not in row["text"]


def test_extract_prints_what_the_crawl_archived(demo_db, tmp_path):
    db, urls = demo_db
    with sqlite3.connect(db) as conn:
        url, text, body, charset_header = conn.execute(
            "SELECT a.url, a.text, c.body, c.headers FROM articles a JOIN captures c ON c.id = a.capture_id "
            "WHERE a.source = 'sahel' ORDER BY a.id LIMIT 1").fetchone()
    page = tmp_path / "page.html"
    page.write_bytes(decompress_body(body))
    content_type = json.loads(charset_header).get("Content-Type", "")
    charset = content_type.split("charset=")[-1] if "charset=" in content_type else None
    args = ["extract", str(page), "--url", url, "--timezone", "Asia/Tehran", "--language", "fa"]
    code, output, exc = cli_result(args + (["--charset", charset] if charset else []))
    assert code == 0, (output, exc)
    assert json.loads(output)["text"] == text


def test_search_and_datasette_answer_on_the_demo_archive(demo_db):
    db, _ = demo_db
    code, output, _ = cli_result(["search", "بندرخمير", "--db", str(db), "--format", "json"])  # Arabic yeh
    assert code == 0 and any("بندرخمیر" in r["title"] for r in json.loads(output))
    code, output, exc = cli_result(["serve", "--db", str(db), "--get", "/archive/articles.json?_shape=array"])
    assert code == 0, (output, exc)
    assert len(json.loads(output)) > 0


def test_demo_command_through_cli_runner(tmp_path):
    db = tmp_path / "demo.db"
    code, output, exc = cli_result(["demo", "--db", str(db)])
    assert code == 0, (output, exc)
    assert "sahel" in output and "khaleej" in output and "coastal" in output and "newsarchive serve" in output
    code, again, exc = cli_result(["demo", "--db", str(db)])
    assert code == 0, (again, exc)
    with sqlite3.connect(db) as conn:
        counts = conn.execute("SELECT count(*), count(DISTINCT url) FROM articles").fetchone()
    assert counts[0] == counts[1] == sum(len(demo_articles(n)) for n in DEMO_SOURCES)
