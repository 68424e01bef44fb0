"""The datasette pieces that need no server: metadata coverage, SQL functions, page helpers, chart."""

from __future__ import annotations

import asyncio
import importlib.util
import json
import sqlite3
import types
from datetime import date
from pathlib import Path

import pytest

from archive.datasette.chart import chart_window, daily_chart
from archive.datasette.pages import date_bounds, json_list, text_direction
from archive.schema import PUBLIC_TABLES
from archive.serve import DATASETTE_DIR, datasette_args
from archive.store import Archive

DATABASE_METADATA = json.loads((DATASETTE_DIR / "database.json").read_text(encoding="utf-8"))


def _search_plugin():
    """The SQL-function plugin, loaded from its file the way datasette's --plugins-dir loads it."""
    path = DATASETTE_DIR / "plugins" / "newsarchive_search.py"
    spec = importlib.util.spec_from_file_location("newsarchive_search", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_metadata_describes_every_table_and_column_of_the_public_schema(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        conn = archive.db.conn
        tables = {*PUBLIC_TABLES, "articles_fts"}
        for table in tables:
            columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
            described = DATABASE_METADATA["tables"][table]
            assert described["description"], table
            assert set(described["columns"]) == columns, table
            assert all(described["columns"].values()), table


def test_site_metadata_has_title_description_licence_and_source():
    site = json.loads((DATASETTE_DIR / "metadata.json").read_text(encoding="utf-8"))
    assert site["title"] and site["license"] and site["source"]
    assert site.get("description") or site.get("description_html")
    assert "databases" not in site  # per-database metadata is applied by the plugin, whatever the name


def test_datasette_args_ship_metadata_plugins_templates_and_no_facet_suggestions(tmp_path):
    args = datasette_args(tmp_path / "my.db", port=9999)
    for option in ("--metadata", "--plugins-dir", "--template-dir"):
        assert Path(args[args.index(option) + 1]).exists(), option
    settings = {args[i + 1]: args[i + 2] for i, arg in enumerate(args) if arg == "--setting"}
    assert settings["suggest_facets"] == "off"
    assert args[args.index("--port") + 1] == "9999"


@pytest.mark.parametrize("query, expected", [
    ("كتاب", '"کتاب"'),
    ("", '""'),
    (None, '""'),
    ("((( *** ---", '""'),
    ('"unbalanced', '"unbalanced"'),
])
def test_fts_match_is_fts_query_or_an_expression_matching_nothing(query, expected):
    assert _search_plugin().fts_match(query) == expected


def test_plugin_replaces_datasette_escape_fts_with_the_search_form():
    conn = sqlite3.connect(":memory:")
    from datasette.sql_functions import prepare_connection as datasette_functions

    datasette_functions(conn)  # what datasette registers first; ours must win (trylast)
    _search_plugin().prepare_connection(conn)
    conn.execute("CREATE VIRTUAL TABLE f USING fts5(title, text)")
    conn.execute("INSERT INTO f (rowid, title, text) VALUES (1, search_form('کتاب ایران'), '')")
    for query in ("كتاب ايران", "", '"', "NEAR(", "title:x"):
        rows = conn.execute("SELECT rowid FROM f WHERE f MATCH escape_fts(?)", [query]).fetchall()
        assert rows == ([(1,)] if query == "كتاب ايران" else [])


@pytest.mark.parametrize("language, direction", [
    ("fa", "rtl"), ("ar", "rtl"), ("ur", "rtl"), ("he", "rtl"), ("ckb", "rtl"), ("fa-IR", "rtl"),
    ("AR", "rtl"), ("en", "ltr"), ("fr", "ltr"), ("ru", "ltr"), (None, "auto"), ("", "auto"),
])
def test_text_direction(language, direction):
    assert text_direction(language) == direction


@pytest.mark.parametrize("value, items", [
    ('["مریم", "Jane"]', ["مریم", "Jane"]), ("[]", []), (None, []), ("not json", []), ('{"a": 1}', []),
])
def test_json_list(value, items):
    assert json_list(value) == items


@pytest.mark.parametrize("since, until, bounds", [
    ("", "", (None, None)),
    ("2024-03-01", "", ("2024-03-01", None)),
    ("", "2024-03-15", (None, "2024-03-16")),
    ("2024-02-28", "2024-02-29", ("2024-02-28", "2024-03-01")),
])
def test_date_bounds_make_until_inclusive(since, until, bounds):
    assert date_bounds(since, until) == bounds


@pytest.mark.parametrize("since, until", [("yesterday", ""), ("", "2024-13-01"), ("2024/03/01", "")])
def test_date_bounds_reject_malformed_dates(since, until):
    with pytest.raises(ValueError):
        date_bounds(since, until)


@pytest.mark.parametrize("latest, today, window", [
    ("2024-03-16T08:00:00+00:00", date(2025, 1, 1), (date(2024, 3, 7), date(2024, 3, 16))),
    ("2030-01-01", date(2025, 1, 1), (date(2024, 12, 23), date(2025, 1, 1))),  # future dates: up to today
    (None, date(2025, 1, 1), (date(2024, 12, 23), date(2025, 1, 1))),
    ("garbage", date(2025, 1, 1), (date(2024, 12, 23), date(2025, 1, 1))),
])
def test_chart_window(latest, today, window):
    assert chart_window(latest, 10, today) == window


def test_daily_chart_draws_one_line_per_source_scaled_to_the_peak():
    counts = [("2024-03-01", "b", 2), ("2024-03-03", "b", 4), ("2024-03-02", "a", 1),
              ("2024-02-01", "a", 99), ("bad", "a", 5)]  # outside the window or unreadable: ignored
    chart = daily_chart(counts, date(2024, 3, 1), date(2024, 3, 3))
    assert chart.peak == 4
    assert [(s.source, s.total) for s in chart.series] == [("b", 6), ("a", 1)]
    x0, y0, width, height = chart.plot
    points = [tuple(map(float, p.split(","))) for p in chart.series[0].points.split()]
    assert [x for x, _ in points] == [x0, x0 + width / 2, x0 + width]
    assert [y for _, y in points] == [y0 + height / 2, y0 + height, y0]
    assert chart.series[0].colour != chart.series[1].colour


def test_daily_chart_without_articles_has_no_series():
    chart = daily_chart([], date(2024, 3, 1), date(2024, 3, 3))
    assert chart.series == [] and chart.peak == 0


MONTH_ROWS = [("2024-03-16T08:00:00+00:00", "a"), ("2024-03-01", "b"), ("2024-02-29T23:59:59+03:30", "a"),
              ("2023-12-31T10:00:00", "a"), ("2024-03", "b"), (None, "a"), ("2022-01-05", "b")]


@pytest.fixture
def month_db():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (published TEXT, source TEXT)")
    conn.execute("CREATE INDEX t_published ON t (published)")
    conn.executemany("INSERT INTO t VALUES (?, ?)", MONTH_ROWS)
    return conn


@pytest.mark.parametrize("sql, limit", [
    ("select * from t", 31),
    ("select * from t where source = 'a'", 31),
    ("select * from t where source = 'nobody'", 31),
    ("select * from t where published like '2024-03%'", 31),
    ("select * from t", 2),
])
def test_month_facet_skip_scan_counts_like_group_by(month_db, sql, limit):
    from archive.datasette.month_facet import group_by_sql, skip_scan_sql

    expected = month_db.execute(group_by_sql(sql, "published", limit)).fetchall()
    assert month_db.execute(skip_scan_sql(sql, "published", limit)).fetchall() == expected
    if sql == "select * from t" and limit == 31:
        assert expected == [("2024-03", 3), ("2024-02", 1), ("2023-12", 1), ("2022-01", 1)]


class _FakeDatasette:
    """Stands in for datasette's execute: the index walk times out when `slow`, other queries answer."""

    def __init__(self, conn, slow):
        self.conn, self.slow, self.queries = conn, slow, []

    async def execute(self, database, sql, params, truncate, custom_time_limit):
        from datasette.database import QueryInterrupted

        self.queries.append(sql)
        if self.slow and "recursive" in sql:
            raise QueryInterrupted(None, sql, params)
        return types.SimpleNamespace(rows=self.conn.execute(sql, params).fetchall())

    def setting(self, name):
        return 200


@pytest.mark.parametrize("args, slow, strategies", [
    ({}, False, ["recursive"]),
    ({}, True, ["recursive", "group by"]),  # too slow: falls back
    ({"_search": "x"}, False, ["group by"]),  # search results: straight to grouping
    ({"_search_title": "x"}, False, ["group by"]),
])
def test_month_facet_strategy(month_db, args, slow, strategies):
    from archive.datasette.month_facet import MonthFacet

    facet = MonthFacet.__new__(MonthFacet)  # only what _months uses
    facet.ds = _FakeDatasette(month_db, slow)
    facet.database, facet.sql, facet.params = "db", "select * from t", []
    facet.request = types.SimpleNamespace(args=args)
    rows = asyncio.run(facet._months("published", 31))
    assert [tuple(r) for r in rows] == [("2024-03", 3), ("2024-02", 1), ("2023-12", 1), ("2022-01", 1)]
    used = ["recursive" if "recursive" in q else "group by" for q in facet.ds.queries]
    assert used == strategies
