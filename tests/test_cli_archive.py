"""The archive's commands through click's CliRunner."""

import json

import pytest
from click.testing import CliRunner

from archive.cli import cli


@pytest.fixture
def runner():
    return CliRunner()


def test_help_lists_every_command_with_an_example(runner):
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    commands = [line.split()[0] for line in result.output.split("Commands:")[1].splitlines() if line.strip()]
    assert {"serve", "search", "crawl", "demo", "extract"} <= set(commands)
    for command in commands:
        sub = runner.invoke(cli, [command, "--help"])
        assert sub.exit_code == 0, command
        assert "Example:" in sub.output and "newsarchive " + command in sub.output, command


def test_search_json_finds_persian_with_arabic_letters(runner, sample_db):
    result = runner.invoke(cli, ["search", "كتاب ايران", "--db", str(sample_db), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [r["url"] for r in rows] == ["https://sahel.example/fa/news/1/a"]
    assert set(rows[0]) >= {"url", "title", "published", "source", "snippet"}
    assert "می\u200cشود" in rows[0]["snippet"] or "کتاب" in rows[0]["snippet"]


def test_search_source_filter_and_table(runner, sample_db):
    result = runner.invoke(cli, ["search", "الكتاب", "--db", str(sample_db), "--source", "sahel"])
    assert result.exit_code == 0
    assert "No articles match." in result.output
    result = runner.invoke(cli, ["search", "harbour", "--db", str(sample_db)])
    assert "Harbour reopens after storm" in result.output and "coastal" in result.output


@pytest.mark.parametrize("query", ['"', "(", "AND", "NEAR(", "*", "-x", "col:x", '"unbalanced', "a" * 10_000])
def test_hostile_queries_never_error(runner, sample_db, query):
    result = runner.invoke(cli, ["search", "--db", str(sample_db), "--format", "json", "--", query])
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.output), list)


def test_missing_archive_is_one_line(runner, tmp_path):
    result = runner.invoke(cli, ["search", "x", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"Error: {tmp_path / 'none.db'}: no such archive"]
    assert not (tmp_path / "none.db").exists()


def test_serve_get_answers_datasette_json(runner, sample_db):
    result = runner.invoke(cli, ["serve", "--db", str(sample_db), "--get",
                                 "/archive/articles.json?_shape=array&_sort=id"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [r["source"] for r in rows] == ["sahel", "khaleej", "coastal"]
