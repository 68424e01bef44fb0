"""`newsarchive export` through click's CliRunner."""

from __future__ import annotations

import json
import sqlite3

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from archive.cli import cli
from archive.export import Filters, export_articles, parse_fields


@pytest.fixture
def runner():
    return CliRunner()


def run(runner, *args):
    return runner.invoke(cli, ["export", *map(str, args)])


def one_line_error(result, code, message):
    assert result.exit_code == code, result.output
    assert result.output.strip().splitlines() == [f"Error: {message}"]


def test_export_parquet(runner, sample_db, tmp_path):
    target = tmp_path / "out" / "articles.parquet"
    result = run(runner, "--db", sample_db, "--format", "parquet", "--output", target, "--language", "fa")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"Exported 1 articles into 1 file(s) in {tmp_path / 'out'}, with README.md and manifest.json:",
        "  articles.parquet"]
    table = pq.read_table(target)
    assert table.column("language").to_pylist() == ["fa"]
    assert "\u200c" in table.column("text")[0].as_py()
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["filters"] == {"language": ["fa"]}


def test_export_split_jsonl_with_query_and_fields(runner, sample_db, tmp_path):
    result = run(runner, "--db", sample_db, "--format", "jsonl", "-o", tmp_path / "parts",
                 "--split", "source", "--query", "الكتاب OR كتاب", "--fields", "url,title")
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in (tmp_path / "parts").iterdir())
    assert files == ["README.md", "khaleej.jsonl", "manifest.json", "sahel.jsonl"]
    rows = [json.loads(line) for line in (tmp_path / "parts" / "sahel.jsonl").read_text().splitlines()]
    assert rows == [{"url": "https://sahel.example/fa/news/1/a", "title": "کتاب ایران در بندرعباس"}]


def test_export_warc(runner, sample_db, tmp_path):
    result = run(runner, "--db", sample_db, "--format", "warc", "-o", tmp_path / "c.warc.gz",
                 "--source", "sahel")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Exported 1 captures into 1 file(s)")


def test_sql_in_an_option_value_does_nothing(runner, sample_db, tmp_path):
    result = run(runner, "--db", sample_db, "--format", "jsonl", "-o", tmp_path / "a.jsonl",
                 "--language", "fa' OR 1=1; DROP TABLE articles; --")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "a.jsonl").read_text() == ""
    with sqlite3.connect(sample_db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3


@pytest.mark.parametrize("args, code, message", [
    (["--fields", "url,body"], 2, "unknown field(s) body in --fields; valid fields: url, source, title, "
     "text, published, modified, language, authors, description, tags, categories, image, sitename, "
     "word_count, content_hash, date_evidence, first_seen, last_seen, last_changed, capture_id, status, "
     "extractor, boilerplate_removed, duplicate_of, copies"),
    (["--since", "2024-02-30"], 2, "--since '2024-02-30': not an ISO date (expected YYYY-MM-DD)"),
    (["--until", "yesterday"], 2, "--until 'yesterday': not an ISO date (expected YYYY-MM-DD)"),
    (["--source", "nowhere"], 2,
     "unknown source(s) nowhere; sources in the archive: coastal, khaleej, sahel"),
    (["--query", "()"], 2, "--query '()' has no word to search for"),
])
def test_bad_options_are_one_line(runner, sample_db, tmp_path, args, code, message):
    result = run(runner, "--db", sample_db, "--format", "csv", "-o", tmp_path / "out" / "a.csv", *args)
    one_line_error(result, code, message)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("args, message", [
    (["--fields", "url"], "--fields chooses article columns; a WARC export holds whole captures"),
    (["--language", "fa"], "--language filters articles; a WARC export holds captures "
     "(use --source, --since, --until)"),
])
def test_article_options_with_warc_are_one_line(runner, sample_db, tmp_path, args, message):
    result = run(runner, "--db", sample_db, "--format", "warc", "-o", tmp_path / "c.warc.gz", *args)
    one_line_error(result, 2, message)


def test_missing_archive_is_one_line(runner, tmp_path):
    result = run(runner, "--db", tmp_path / "none.db", "-o", tmp_path / "out" / "a.parquet")
    one_line_error(result, 1, f"{tmp_path / 'none.db'}: no such archive")
    assert not (tmp_path / "none.db").exists() and not (tmp_path / "out").exists()


def test_existing_output_needs_force(runner, sample_db, tmp_path):
    target = tmp_path / "a.csv"
    target.write_text("precious\n")
    result = run(runner, "--db", sample_db, "--format", "csv", "-o", target)
    one_line_error(result, 2, f"{target} already exists; use --force to replace it")
    assert target.read_text() == "precious\n"
    result = run(runner, "--db", sample_db, "--format", "csv", "-o", target, "--force")
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8-sig").startswith("url,source,title")


def test_help_explains_output_and_formats(runner):
    result = runner.invoke(cli, ["export", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "newsarchive export --format parquet --output out/articles.parquet" in text
    assert "writes out/articles.parquet, out/README.md, out/manifest.json" in text
    assert "leading apostrophe" in text and "with --split, --output is a directory" in text


class RecordingProgress:
    def __init__(self):
        self.total = None
        self.steps = []

    def start(self, total):
        self.total = total

    def advance(self, rows):
        self.steps.append(rows)


def test_progress_is_told_the_total_and_each_batch(sample_db, tmp_path, monkeypatch):
    monkeypatch.setattr("archive.export.rows.BATCH_ROWS", 2)
    progress = RecordingProgress()
    export_articles(sample_db, "jsonl", tmp_path / "a.jsonl", filters=Filters(), fields=parse_fields(None),
                    progress=progress)
    assert progress.total == 3 and progress.steps == [2, 1]
