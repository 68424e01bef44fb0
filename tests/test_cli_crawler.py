"""The crawler's commands through CliRunner: bad input is one line and touches nothing."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import cli
from archive.errors import EXIT_CONFIG
from tests.support.crawling import cli_result
from tests.support.sites import Story, article_page

BAD_SOURCES = {
    "bad TOML": ("[[source]\nname = 'x'\n", "not valid TOML"),
    "no url": ("[[source]]\nname = 'x'\n", ":1: source has no 'url'"),
    "duplicate": ("[[source]]\nname='x'\nurl='https://a.example/'\n[[source]]\nname='x'\nurl='https://b.example/'\n",
                  ":5: duplicate source name 'x'"),
    "bad regex": ("[[source]]\nname='x'\nurl='https://a.example/'\narticle_pattern='[a-'\n",
                  ":4: article_pattern is not a valid regular expression"),
}


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("case", BAD_SOURCES)
def test_broken_sources_file_is_one_line_and_leaves_the_archive_untouched(tmp_path, sample_db, case):
    text, message = BAD_SOURCES[case]
    sources = tmp_path / "sources.toml"
    sources.write_text(text, encoding="utf-8")
    before = digest(sample_db)
    result = CliRunner().invoke(cli, ["crawl", "--sources", str(sources), "--db", str(sample_db)])
    assert result.exit_code == EXIT_CONFIG
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {sources}") and message in lines[0], lines
    assert digest(sample_db) == before
    assert not (tmp_path / "sources.toml.lock").exists()


def test_bad_setting_override_is_a_config_error(tmp_path):
    sources = tmp_path / "s.toml"
    sources.write_text("[[source]]\nname='x'\nurl='https://a.example/'\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["crawl", "--sources", str(sources), "--db", str(tmp_path / "a.db"),
                                      "-s", "lowercase=1"])
    assert result.exit_code == EXIT_CONFIG and "expected NAME=VALUE" in result.output
    assert not (tmp_path / "a.db").exists()


def test_extract_prints_the_fields_for_a_saved_page(tmp_path):
    page = tmp_path / "story.html"
    page.write_bytes(article_page(Story(7, "بهره‌برداری از اسکله جدید بندرعباس")))
    result = CliRunner().invoke(cli, ["extract", str(page), "--url", "https://sahel.example/fa/news/100007/x",
                                      "--timezone", "Asia/Tehran", "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert {"path", "url", "title", "text", "published", "language", "authors", "status"} <= set(record)
    assert record["status"] == "ok" and record["language"] == "fa"
    assert "بهره\u200cبرداری" in record["text"]  # ZWNJ kept
    assert "0 / 200" not in record["text"] and "آخرین خبرها" not in record["text"]


def test_extract_folder_as_jsonl_and_missing_path(tmp_path):
    for n in (1, 2):
        (tmp_path / f"{n}.html").write_bytes(article_page(Story(n, f"خبر {n} درباره قشم")))
    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 0
    assert [json.loads(line)["path"] for line in result.output.splitlines()] == [
        str(tmp_path / "1.html"), str(tmp_path / "2.html")]
    missing = CliRunner().invoke(cli, ["extract", str(tmp_path / "nope.html")])
    assert missing.exit_code == EXIT_CONFIG
    assert missing.output.strip() == f"Error: {tmp_path / 'nope.html'}: no such file or directory"


def test_reprocess_re_extracts_without_fetching(sample_db):
    code, output, exc = cli_result(["reprocess", "--db", str(sample_db)])
    assert code == 0, (output, exc)
    assert output.startswith("Re-extracted 3 captures:")
    code, output, _ = cli_result(["reprocess", "--db", str(sample_db), "--since", "last week"])
    assert code == EXIT_CONFIG and "not an ISO 8601 date" in output


def test_extract_reads_warc_files(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "pages.warc.gz"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for n in (1, 2):
            body = article_page(Story(n, f"خبر {n} از بندر لنگه"))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://sahel.example/fa/news/{n}/x", "response",
                                                          payload=io.BytesIO(body), length=len(body),
                                                          http_headers=headers))
    result = CliRunner().invoke(cli, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    assert [r["url"] for r in records] == ["https://sahel.example/fa/news/1/x", "https://sahel.example/fa/news/2/x"]
    assert all(r["status"] == "ok" and "بهره\u200cبرداری" in r["text"] for r in records)


@pytest.mark.parametrize("args, message", [
    (["demo", "--db", "/nonexistent-dir/x.db"], "cannot create the archive's lock file"),
    (["reprocess", "--db", "/tmp/newsarchive-no-such.db"], "no such archive"),
])
def test_impossible_archive_paths_are_one_line(args, message):
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [result.output.strip()] and message in result.output
    assert not Path("/tmp/newsarchive-no-such.db").exists()


@pytest.mark.parametrize("setting, message", [
    ("DOWNLOAD_TIMEOUT=abc", "DOWNLOAD_TIMEOUT takes a number"),
    ("ROBOTSTXT_OBEY=perhaps", "ROBOTSTXT_OBEY takes true or false"),
])
def test_setting_overrides_are_checked_against_their_type(tmp_path, setting, message):
    sources = tmp_path / "s.toml"
    sources.write_text("[[source]]\nname='x'\nurl='https://a.example/'\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["crawl", "--sources", str(sources), "--db", str(tmp_path / "a.db"),
                                      "-s", setting])
    assert result.exit_code == EXIT_CONFIG and message in result.output
    assert not (tmp_path / "a.db").exists()


def test_extract_reads_dates_in_the_zone_of_the_language_or_source(tmp_path):
    page = tmp_path / "p.html"
    page.write_bytes(article_page(Story(3, "خبر سوم درباره قشم")).replace(
        b"<h1", "<span class='news_date'>۱۴۰۳/۰۲/۱۵ - ۱۰:۳۰</span><h1".encode(), 1))
    result = CliRunner().invoke(cli, ["extract", str(page), "--language", "fa"])
    assert json.loads(result.output)["published"] == "2024-05-04T10:30:00+03:30"


def test_search_refuses_unknown_sources(sample_db):
    result = CliRunner().invoke(cli, ["search", "x", "--db", str(sample_db), "--source", "nosuch"])
    assert result.exit_code == EXIT_CONFIG
    assert "no source named 'nosuch'" in result.output and "coastal, khaleej, sahel" in result.output
