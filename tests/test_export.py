"""Article exports: formats round-trip, filters, CSV safety, card, manifest, split, output safety."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sqlite3
from datetime import UTC, date, datetime

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import SAMPLE_ARTICLES, build_archive

from archive.errors import ConfigError
from archive.export import FIELDS, Filters, csvfile, export_articles, output, parse_fields, run
from archive.export.rows import iter_batches

PERSIAN_URL = SAMPLE_ARTICLES[0]["url"]
PERSIAN_TEXT = SAMPLE_ARTICLES[0]["text"]
FORMULA_URL = "https://sahel.example/fa/news/2/formula"
EXTRA_ARTICLES = [
    {"url": FORMULA_URL, "source": "sahel", "language": "fa",
     "title": '=HYPERLINK("http://evil.example","بندر")',
     "text": "-2+3 بندرعباس\n@همه بخوانید که بازار ماهی امروز شلوغ بود و قیمت‌ها بالا رفت.",
     "published": "2024-03-31T23:30:00+03:30", "tags": ["بندر", "+tag"], "categories": ["اقتصاد"]},
    {"url": "https://coastal.example/news/undated", "source": "coastal", "language": "en",
     "title": "Tide tables", "text": "Tide tables for the week ahead.", "published": None},
]
ARTICLES = SAMPLE_ARTICLES + EXTRA_ARTICLES
ALL = parse_fields(None)


@pytest.fixture
def db(tmp_path):
    return build_archive(tmp_path / "archive.db", ARTICLES)


def export(db, tmp_path, fmt, name=None, *, filters=None, fields=None, split=None, force=False):
    target = tmp_path / "out" / (name or f"articles.{fmt}")
    return export_articles(db, fmt, target, filters=filters or Filters(), fields=fields or ALL,
                           split=split, force=force)


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def urls_of(db, tmp_path, filters):
    result = export(db, tmp_path, "jsonl", filters=filters, fields=parse_fields("url"), force=True)
    return sorted(row["url"] for row in read_jsonl(result.paths[0]))


# -- fields ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("spec, names", [
    (None, [f.name for f in FIELDS]),
    ("", [f.name for f in FIELDS]),
    ("url", ["url"]),
    (" title , url ", ["title", "url"]),
    ("url,,published,", ["url", "published"]),
])
def test_parse_fields(spec, names):
    assert [f.name for f in parse_fields(spec)] == names


@pytest.mark.parametrize("spec, message", [
    ("url,body,titel", "unknown field(s) body, titel in --fields; valid fields: url, source, title"),
    ("url,url", "--fields names url more than once"),
    (",,", "--fields names no field"),
    ("id", "unknown field(s) id"),
])
def test_parse_fields_refuses(spec, message):
    with pytest.raises(ConfigError) as caught:
        parse_fields(spec)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


# -- filters --------------------------------------------------------------------------------------


@pytest.mark.parametrize("options, message", [
    ({"since": "2024-13-01"}, "--since '2024-13-01': not an ISO date (expected YYYY-MM-DD)"),
    ({"until": "last week"}, "--until 'last week': not an ISO date (expected YYYY-MM-DD)"),
    ({"since": "2024-03-02", "until": "2024-03-01"}, "--since 2024-03-02 is after --until 2024-03-01"),
    ({"query": '" * ( -'}, """--query '" * ( -' has no word to search for"""),
])
def test_bad_filter_values(options, message):
    with pytest.raises(ConfigError, match="^" + re.escape(message) + "$"):
        Filters.from_options(**options)


@pytest.mark.parametrize("options, expected", [
    ({}, sorted(a["url"] for a in ARTICLES)),
    ({"sources": ("sahel",)}, sorted([PERSIAN_URL, FORMULA_URL])),
    ({"sources": ("sahel", "khaleej")}, sorted([PERSIAN_URL, FORMULA_URL, ARTICLES[1]["url"]])),
    ({"languages": ("en",)}, sorted([ARTICLES[2]["url"], ARTICLES[4]["url"]])),
    # inclusive days, in the publisher's calendar: 23:30 +03:30 on 31 March is still 31 March
    ({"since": "2024-03-15", "until": "2024-03-15"}, [ARTICLES[1]["url"]]),
    ({"since": "2024-03-16"}, sorted([ARTICLES[2]["url"], FORMULA_URL])),
    ({"until": "2024-03-31", "since": "2024-03-31"}, [FORMULA_URL]),
    ({"until": "2024-02-11"}, [PERSIAN_URL]),
    # Arabic kaf and yeh find the Persian spelling through the search form
    ({"query": "كتاب ايران"}, [PERSIAN_URL]),
    ({"query": "بندرعباس"}, sorted([PERSIAN_URL, FORMULA_URL])),
    ({"query": "بندرعباس", "sources": ("sahel",), "since": "2024-03-01"}, [FORMULA_URL]),
    ({"min_words": 11}, sorted([ARTICLES[2]["url"], FORMULA_URL])),
    ({"min_words": 10}, sorted([PERSIAN_URL, ARTICLES[2]["url"], FORMULA_URL])),
])
def test_filters_select(db, tmp_path, options, expected):
    assert urls_of(db, tmp_path, Filters.from_options(**options)) == expected


@pytest.mark.parametrize("options", [
    {"sources": ("sahel' OR '1'='1",)},
    {"languages": ("fa'; DROP TABLE articles; --",)},
    {"languages": ("en) OR (1=1",)},
    {"query": "x\" OR 1=1; DROP TABLE articles_fts; --"},
])
def test_sql_in_filter_values_is_inert(db, options):
    filters = Filters.from_options(**options)
    with sqlite3.connect(db) as conn:
        rows = [r for batch in iter_batches(conn, ALL, filters) for r in batch]
        assert rows == []
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(ARTICLES)
        assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == len(ARTICLES)


def test_unknown_source_is_refused(db, tmp_path):
    message = "unknown source(s) nowhere; sources in the archive: coastal, khaleej, sahel"
    with pytest.raises(ConfigError, match="^" + re.escape(message) + "$"):
        export(db, tmp_path, "jsonl", filters=Filters(sources=("nowhere",)))
    assert not (tmp_path / "out" / "articles.jsonl").exists()


# -- formats --------------------------------------------------------------------------------------


def test_jsonl_round_trip(db, tmp_path):
    result = export(db, tmp_path, "jsonl")
    path = result.paths[0]
    rows = read_jsonl(path)
    assert result.rows == len(rows) == len(ARTICLES)
    by_url = {r["url"]: r for r in rows}
    persian = by_url[PERSIAN_URL]
    assert persian["text"] == PERSIAN_TEXT and "\u200c" in persian["text"]
    assert PERSIAN_TEXT.splitlines()[0].encode() in path.read_bytes()  # unescaped UTF-8, ZWNJ included
    assert persian["authors"] == ["مریم"] and persian["tags"] == []
    assert by_url[FORMULA_URL]["tags"] == ["بندر", "+tag"]
    assert by_url[FORMULA_URL]["title"] == EXTRA_ARTICLES[0]["title"]  # JSONL keeps text exactly
    assert persian["published"] == "2024-02-11T09:05:00+03:30"
    assert isinstance(persian["word_count"], int) and persian["word_count"] == len(PERSIAN_TEXT.split())
    assert list(persian) == [f.name for f in FIELDS]


def test_csv_round_trip_and_neutralisation(db, tmp_path):
    result = export(db, tmp_path, "csv")
    path = result.paths[0]
    assert path.read_bytes().startswith(b"\xef\xbb\xbfurl,source,")
    rows = {r["url"]: r for r in read_csv(path)}
    assert len(rows) == result.rows == len(ARTICLES)
    persian = rows[PERSIAN_URL]
    assert persian["text"] == PERSIAN_TEXT
    assert persian["authors"] == "مریم" and persian["word_count"] == str(len(PERSIAN_TEXT.split()))
    formula = rows[FORMULA_URL]
    assert formula["title"] == "'" + EXTRA_ARTICLES[0]["title"]
    assert formula["text"] == "'" + EXTRA_ARTICLES[0]["text"]
    assert formula["tags"] == "بندر; +tag"  # only the cell's first character matters
    assert rows["https://coastal.example/news/undated"]["published"] == ""


@pytest.mark.parametrize("text, cell", [
    ("=1+1", "'=1+1"), ("+98 912", "'+98 912"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("a=1", "a=1"), ("کتاب", "کتاب"), ("'quoted", "'quoted"), ("", ""),
])
def test_neutralise(text, cell):
    assert csvfile.neutralise(text) == cell


def test_parquet_round_trip_types(db, tmp_path):
    result = export(db, tmp_path, "parquet")
    table = pq.read_table(result.paths[0])
    assert table.num_rows == result.rows == len(ARTICLES)
    schema = table.schema
    assert schema.field("published").type == pa.timestamp("us", tz="UTC")
    assert schema.field("published_local").type == pa.string()
    assert schema.field("first_seen").type == pa.timestamp("us", tz="UTC")
    assert schema.field("authors").type == pa.list_(pa.string())
    assert schema.field("word_count").type == pa.int64()
    assert schema.names.index("published_local") == schema.names.index("published") + 1
    rows = {r["url"]: r for r in table.to_pylist()}
    persian = rows[PERSIAN_URL]
    assert persian["text"].encode("utf-8") == PERSIAN_TEXT.encode("utf-8")
    assert persian["published"] == datetime(2024, 2, 11, 5, 35, tzinfo=UTC)
    assert persian["published_local"] == "2024-02-11T09:05:00+03:30"
    assert persian["authors"] == ["مریم"] and persian["tags"] == []
    assert rows[FORMULA_URL]["published"] == datetime(2024, 3, 31, 20, 0, tzinfo=UTC)
    assert rows[FORMULA_URL]["title"] == EXTRA_ARTICLES[0]["title"]
    undated = rows["https://coastal.example/news/undated"]
    assert undated["published"] is None and undated["published_local"] is None


def test_parquet_writes_row_groups_as_it_goes(db, tmp_path, monkeypatch):
    monkeypatch.setattr("archive.export.parquet.ROW_GROUP_ROWS", 2)
    monkeypatch.setattr("archive.export.rows.BATCH_ROWS", 1)
    result = export(db, tmp_path, "parquet")
    metadata = pq.ParquetFile(result.paths[0]).metadata
    assert metadata.num_rows == len(ARTICLES)
    assert [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)] == [2, 2, 1]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_fields_choose_columns_in_order(db, tmp_path, fmt):
    result = export(db, tmp_path, fmt, fields=parse_fields("title,url,published"))
    path = result.paths[0]
    if fmt == "jsonl":
        columns = list(read_jsonl(path)[0])
    elif fmt == "csv":
        columns = list(read_csv(path)[0])
    else:
        columns = pq.read_table(path).schema.names
    expected = ["title", "url", "published"] + (["published_local"] if fmt == "parquet" else [])
    assert columns == expected


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_empty_selection_writes_empty_files(db, tmp_path, fmt):
    result = export(db, tmp_path, fmt, filters=Filters(languages=("sw",)))
    assert result.rows == 0
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["rows"]["total"] == 0 and manifest["files"][0]["rows"] == 0
    if fmt == "parquet":
        assert pq.read_table(result.paths[0]).num_rows == 0


# -- card and manifest ----------------------------------------------------------------------------


def test_manifest_lists_every_file_with_its_sha256(db, tmp_path):
    result = export(db, tmp_path, "parquet", filters=Filters.from_options(sources=("sahel",)),
                    fields=parse_fields("url,text"))
    out = tmp_path / "out"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(p.name for p in out.iterdir()) == ["README.md", "articles.parquet", "manifest.json"]
    assert [f["path"] for f in manifest["files"]] == ["articles.parquet", "README.md"]
    for entry in manifest["files"]:
        data = (out / entry["path"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert entry["bytes"] == len(data)
    assert manifest["files"][0]["rows"] == result.rows == 2
    assert manifest["rows"] == {"kind": "articles", "total": 2}
    assert manifest["format"] == "parquet" and manifest["fields"] == ["url", "text"]
    assert manifest["filters"] == {"source": ["sahel"]}


def test_card_describes_the_export(db, tmp_path):
    filters = Filters.from_options(sources=("sahel", "coastal"), since="2024-01-01")
    export(db, tmp_path, "csv", filters=filters, fields=parse_fields("url,published,authors,word_count"))
    card = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    assert card.startswith('---\npretty_name: "newsarchive articles: coastal, sahel"\n'
                           'language:\n- "en"\n- "fa"\n')
    assert '  data_files:\n  - "articles.csv"\n---' in card
    assert "**3 articles** from 2 source(s)" in card
    assert "| sahel | https://sahel.example/ |  | 2 |" in card
    assert "| coastal | https://coastal.example/ |  | 1 |" in card
    assert "khaleej" not in card
    assert "| 2024-02 | 1 |" in card and "| 2024-03 | 2 |" in card and "undated |" not in card
    assert "| fa | 2 |" in card and "| en | 1 |" in card
    assert "first fetch 2024-03-20T00:00:00+00:00" in card
    assert "obeys robots.txt" in card
    assert "| `published` | text, ISO 8601 with offset |" in card
    assert '| `authors` | text, joined with "; " |' in card and "| `word_count` | integer |" in card
    assert "| `text` |" not in card  # only the exported fields
    assert "- `--source` sahel, coastal" in card and "- `--since` 2024-01-01" in card
    assert "leading apostrophe" in card or "added apostrophe" in card
    assert "```bibtex\n@misc{" in card and "## How to cite" in card


def test_card_counts_extractors(tmp_path):
    articles = [dict(a, extractor="newsarchive 0.1.0 / trafilatura 2.3.1") for a in SAMPLE_ARTICLES]
    db = build_archive(tmp_path / "x.db", articles)
    export(db, tmp_path, "jsonl")
    card = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    assert "| newsarchive 0.1.0 / trafilatura 2.3.1 | 3 |" in card


# -- split ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("split, files", [
    ("source", {"coastal.jsonl": 2, "khaleej.jsonl": 1, "sahel.jsonl": 2}),
    ("month", {"2024-02.jsonl": 1, "2024-03.jsonl": 3, "undated.jsonl": 1}),
])
def test_split_writes_one_file_per_group(db, tmp_path, split, files):
    result = export_articles(db, "jsonl", tmp_path / "parts", filters=Filters(), fields=ALL, split=split)
    assert {p.name: len(read_jsonl(p)) for p in result.paths if p.suffix == ".jsonl"} == files
    assert result.rows == len(ARTICLES)
    for path in result.paths:
        rows = read_jsonl(path) if path.suffix == ".jsonl" else []
        group = path.stem
        for row in rows:
            value = row["source"] if split == "source" else (row["published"] or "undated")[:7]
            assert value == group
    manifest = json.loads((tmp_path / "parts" / "manifest.json").read_text())
    assert {f["path"]: f["rows"] for f in manifest["files"] if "rows" in f} == files
    assert manifest["split"] == split
    card = (tmp_path / "parts" / "README.md").read_text(encoding="utf-8")
    assert f"one file per {split}" in card


def test_month_split_crosses_the_year(tmp_path):
    articles = [dict(SAMPLE_ARTICLES[0], url=f"https://sahel.example/{i}", published=p)
                for i, p in enumerate(["2023-12-31T23:00:00+03:30", "2024-01-01T00:10:00+03:30"])]
    db = build_archive(tmp_path / "y.db", articles)
    result = export_articles(db, "jsonl", tmp_path / "parts", filters=Filters(), fields=ALL, split="month")
    assert {p.name: len(read_jsonl(p)) for p in result.paths[:-1]} == {"2023-12.jsonl": 1, "2024-01.jsonl": 1}


# -- output safety --------------------------------------------------------------------------------


def test_existing_output_needs_force(db, tmp_path):
    export(db, tmp_path, "jsonl")
    first = (tmp_path / "out" / "articles.jsonl").read_bytes()
    with pytest.raises(ConfigError, match=r"articles\.jsonl already exists; use --force to replace it$"):
        export(db, tmp_path, "jsonl", filters=Filters(languages=("en",)))
    assert (tmp_path / "out" / "articles.jsonl").read_bytes() == first
    export(db, tmp_path, "jsonl", filters=Filters(languages=("en",)), force=True)
    assert len(read_jsonl(tmp_path / "out" / "articles.jsonl")) == 2


def test_card_beside_output_is_not_overwritten(db, tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "README.md").write_text("my project\n")
    with pytest.raises(ConfigError, match="is not a dataset card of an earlier export"):
        export(db, tmp_path, "parquet")
    with pytest.raises(ConfigError, match="even --force keeps it"):
        export_articles(db, "parquet", tmp_path / "out" / "articles.parquet", filters=Filters(), fields=ALL,
                        force=True)
    assert (tmp_path / "out" / "README.md").read_text() == "my project\n"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["README.md"]


def test_split_into_non_empty_directory_needs_force_and_drops_stale_files(db, tmp_path):
    parts = tmp_path / "parts"
    export_articles(db, "jsonl", parts, filters=Filters(), fields=ALL, split="source")
    with pytest.raises(ConfigError, match="already exists"):
        export_articles(db, "jsonl", parts, filters=Filters(), fields=ALL, split="source")
    (parts / "notes.txt").write_text("mine")
    export_articles(db, "jsonl", parts, filters=Filters(sources=("sahel",)), fields=ALL, split="source",
                    force=True)
    names = sorted(p.name for p in parts.iterdir())
    assert names == ["README.md", "manifest.json", "notes.txt", "sahel.jsonl"]


@pytest.mark.parametrize("fmt, name, message", [
    ("csv", "articles.parquet", "a csv export's file name ends in .csv"),
    ("parquet", "README.md", "a parquet export's file name ends in .parquet"),
    ("jsonl", "manifest.json", "a jsonl export's file name ends in .jsonl"),
])
def test_output_name_must_match_the_format(db, tmp_path, fmt, name, message):
    with pytest.raises(ConfigError, match=message):
        export(db, tmp_path, fmt, name)


def test_output_that_is_a_directory_is_refused(db, tmp_path):
    (tmp_path / "out" / "articles.csv").mkdir(parents=True)
    with pytest.raises(ConfigError, match="is a directory; name the file, e.g. "):
        export(db, tmp_path, "csv")


def test_failed_export_leaves_nothing_behind(db, tmp_path, monkeypatch):
    class Boom(Exception):
        pass

    class FailingWriter(csvfile.CsvWriter):
        def write(self, rows):
            super().write(rows)
            raise Boom("disk full")

    monkeypatch.setitem(run.ARTICLE_FORMATS, "csv", FailingWriter)
    with pytest.raises(Boom):
        export(db, tmp_path, "csv")
    assert list((tmp_path / "out").iterdir()) == []


def test_failed_forced_export_keeps_the_previous_one(db, tmp_path, monkeypatch):
    export(db, tmp_path, "jsonl")
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()}

    def failing_card(*args, **kwargs):
        raise RuntimeError("card failed")

    monkeypatch.setattr(run, "article_card", failing_card)
    with pytest.raises(RuntimeError):
        export(db, tmp_path, "jsonl", filters=Filters(languages=("en",)), force=True)
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()} == before


@pytest.mark.parametrize("group, stem", [
    ("sahel", "sahel"), ("2024-03", "2024-03"), ("a b/c", "a_b_c"), ("../x", "x"), ("صبح ساحل", "صبح_ساحل"),
])
def test_file_stem(group, stem):
    assert output.file_stem(group) == stem


def test_parse_day():
    from archive.export.filters import parse_day

    assert parse_day("2024-03-15", "--since") == date(2024, 3, 15)
    assert parse_day(None, "--since") is None


def test_month_split_keeps_malformed_dates_in_their_own_file(tmp_path):
    articles = [dict(SAMPLE_ARTICLES[0], url=f"https://sahel.example/{i}", published=p)
                for i, p in enumerate(["2024", "2024-01-05T10:00:00+03:30", None])]
    db = build_archive(tmp_path / "z.db", articles)
    result = export_articles(db, "jsonl", tmp_path / "parts", filters=Filters(), fields=ALL, split="month")
    counts = {p.name: len(read_jsonl(p)) for p in result.paths[:-1]}
    assert counts == {"2024.jsonl": 1, "2024-01.jsonl": 1, "undated.jsonl": 1}
