"""`newsarchive serve` over real HTTP: metadata, facets, article pages, search, canned queries, escaping."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest
from conftest import SAMPLE_ARTICLES, build_archive

from archive.datasette.process import running_datasette
from archive.schema import PUBLIC_TABLES
from archive.store import Archive

DB = "news"  # not "archive": the metadata must follow the file's stem
EVIL_SOURCE = 'evil<script>alert("source")</script>'
HOSTILE_ARTICLES = [
    {"url": "https://evil.example/a?x=<script>alert(1)</script>&y=\"onerror=alert(2)", "source": EVIL_SOURCE,
     "language": "en", "title": "<script>alert('title')</script> headline",
     "text": "<img src=x onerror=alert('text')>\n<a href=\"javascript:alert(3)\">click</a> harbour",
     "published": "2024-03-17T10:00:00+00:00", "authors": ["<b onmouseover=alert(4)>x</b>"]},
    {"url": "javascript:alert('url')", "source": EVIL_SOURCE, "language": "en",
     "title": "Not a web link harbour", "text": "The url of this article is not http(s).",
     "published": "2024-03-17T11:00:00+00:00"},
]
#: Markup that would run if it reached the page unescaped (escaped text containing "onerror=" is harmless).
PAYLOADS = ["<script>alert(", "<img src=x", "<b onmouseover", '"onerror=alert(2)', '<a href="javascript:']
HOSTILE_QUERIES = [
    '"', '"unbalanced phrase', "((", ")", "a AND", "OR", "AND OR NOT", "NOT", "NEAR(a b)", "NEAR(", "*", "**",
    "-", "-کتاب", "title:x", "col:x", "text:harbour", 'a" OR "b', "'; DROP TABLE articles; --", "^", "{a b}",
    "[x]",
    "%", "\\", "\x00", "\u200c", "كتاب AND (ايران OR", "x" * 10_000, "word " * 2000, "كتاب ايران " * 250,
]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(errors="replace")


def _json(url: str):
    status, body = _get(url)
    assert status == 200, body[:500]
    return json.loads(body)


def _q(text: str) -> str:
    return urllib.parse.quote_plus(text)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = build_archive(tmp_path_factory.mktemp("serve") / f"{DB}.db", SAMPLE_ARTICLES + HOSTILE_ARTICLES)
    with Archive(path) as archive:
        edited = dict(SAMPLE_ARTICLES[0], text=SAMPLE_ARTICLES[0]["text"] + "\nخبر تازه.")
        archive.save_article(edited, {"url": edited["url"], "source": "sahel", "status": 200, "body": b"<p>",
                                      "outcome": "ok", "fetched": "2024-03-21T00:00:00+00:00"})
        for _ in range(2):
            run = archive.start_run(["sahel", "khaleej", "coastal"])
            archive.finish_run(run, "ok", {"fetched": 9}, {
                "sahel": {"fetched": 5, "articles_new": 2, "fetch_failed": 0, "extraction_failed": 0},
                "khaleej": {"fetched": 2, "articles_new": 1, "fetch_failed": 3, "extraction_failed": 0},
                "coastal": {"fetched": 2, "articles_new": 0, "fetch_failed": 0, "extraction_failed": 0}})
    with running_datasette(path) as base:
        yield base


@pytest.fixture(scope="module")
def ids(server):
    rows = _json(f"{server}/{DB}/articles.json?_shape=array&_col=url&_size=max")
    return {row["url"]: row["id"] for row in rows}


def test_index_shows_title_description_licence_and_source(server):
    status, html = _get(server + "/")
    assert status == 200
    assert "<h1>newsarchive</h1>" in html
    assert "archived for non-commercial research" in html and "Data source" in html
    assert "finds <em>کتاب ایران</em>" in html


def test_metadata_applies_to_the_database_whatever_its_name(server):
    metadata = _json(server + "/-/metadata.json")
    tables = metadata["databases"][DB]["tables"]
    assert set(PUBLIC_TABLES) <= set(tables)
    status, html = _get(f"{server}/{DB}/articles")
    assert status == 200
    assert "One row per article" in html
    assert 'data-column-description="Headline as published."' in html


def test_article_list_has_source_language_and_month_facets_newest_first(server):
    data = _json(f"{server}/{DB}/articles.json?_col=published")
    facets = data["facet_results"]
    assert {v["value"]: v["count"] for v in facets["source"]["results"]} == {
        "sahel": 1, "khaleej": 1, "coastal": 1, EVIL_SOURCE: 2}
    assert {v["value"] for v in facets["language"]["results"]} == {"fa", "ar", "en"}
    months = [(v["value"], v["count"]) for v in facets["published"]["results"]]
    assert months == [("2024-03", 4), ("2024-02", 1)]
    published = [row[1] for row in data["rows"]]
    assert published == sorted(published, reverse=True)
    assert data["suggested_facets"] == []


def test_month_facet_selects_the_month(server):
    data = _json(f"{server}/{DB}/articles.json?published__startswith=2024-02&_shape=objects")
    assert [row["source"] for row in data["rows"]] == ["sahel"]
    month = data["facet_results"]["published"]["results"]
    assert [(v["value"], v["selected"]) for v in month] == [("2024-02", True)]


def test_article_page_shows_text_right_to_left_with_links(server, ids):
    article = SAMPLE_ARTICLES[0]
    status, html = _get(f"{server}/{DB}/articles/{ids[article['url']]}")
    assert status == 200
    assert re.search(r'<h1 dir="rtl" lang="fa">کتاب ایران در بندرعباس</h1>', html)
    text = re.search(r'<div class="article-text" dir="rtl" lang="fa">(.*?)</div>', html, re.S)
    assert text and "<p>شهرداری‌ها همکاری کردند.</p>" in text.group(1) and "<p>خبر تازه.</p>" in text.group(1)
    assert f'href="{article["url"]}"' in html
    assert f'href="/{DB}/revisions?article_id={ids[article["url"]]}"' in html
    assert f'href="/{DB}/captures?url=' in html
    assert "مریم" in html and "sahel" in html and "2024-02-11T09:05:00+03:30" in html


def test_english_article_page_is_left_to_right(server, ids):
    status, html = _get(f"{server}/{DB}/articles/{ids[SAMPLE_ARTICLES[2]['url']]}")
    assert status == 200 and '<div class="article-text" dir="ltr" lang="en">' in html


@pytest.mark.parametrize("path", [
    "/-/search?q={q}",
    "/search.json?q={q}&_shape=array",
    "/articles.json?_search={q}&_shape=array",
])
def test_arabic_letters_find_the_persian_article(server, path):
    url = f"{server}/{DB}" + path.format(q=_q("كتاب ايران"))
    if url.endswith("array"):
        rows = _json(url)
        assert [row["url"] for row in rows] == [SAMPLE_ARTICLES[0]["url"]]
    else:
        status, html = _get(url)
        assert status == 200
        assert '<li dir="rtl" lang="fa">' in html and "کتاب ایران در بندرعباس" in html
        assert "1 match," in html


def test_search_filters_by_source_and_dates(server):
    base = f"{server}/{DB}/search.json?_shape=array&q=harbour"
    assert len(_json(base)) == 3
    assert [r["source"] for r in _json(base + "&source=coastal")] == ["coastal"]
    assert [r["source"] for r in _json(base + "&until=2024-03-16")] == ["coastal"]
    assert {r["source"] for r in _json(base + "&since=2024-03-17")} == {EVIL_SOURCE}
    status, html = _get(f"{server}/{DB}/-/search?q=harbour&source=coastal&until=2024-03-16")
    assert status == 200 and "1 match," in html and "Harbour reopens after storm" in html
    status, html = _get(f"{server}/{DB}/-/search?q=harbour&since=yesterday")
    assert status == 200 and "Dates must be written like 2024-03-15." in html


@pytest.mark.parametrize("query", HOSTILE_QUERIES, ids=lambda q: repr(q[:20]))
def test_hostile_queries_get_results_or_a_friendly_message(server, query):
    q = _q(query)
    for path in (f"/-/search?q={q}", f"/articles?_search={q}", f"/search?q={q}"):
        status, html = _get(f"{server}/{DB}{path}")
        assert status == 200, (path, html[:300])
        assert "fts5" not in html.lower() and "syntax error" not in html.lower()
    for path in (f"/articles.json?_search={q}&_shape=array", f"/search.json?q={q}&_shape=array"):
        assert isinstance(_json(f"{server}/{DB}{path}"), list)


def test_search_page_explains_empty_and_unmatched_queries(server):
    status, html = _get(f"{server}/{DB}/-/search?q=" + _q('"" ((( ***'))
    assert status == 200 and "Nothing to search for" in html
    status, html = _get(f"{server}/{DB}/-/search?q=zzzzqqq")
    assert status == 200 and "No article matches" in html


@pytest.mark.parametrize("path", [
    "/articles", "/articles?_search=harbour", "/-/search?q=harbour", "/search?q=harbour",
    "/-/articles-per-day", "/latest_per_source", "/articles?_facet=source", "/sources",
])
def test_hostile_titles_texts_urls_and_sources_are_escaped(server, path):
    status, html = _get(f"{server}/{DB}{path}")
    assert status == 200
    for payload in PAYLOADS:
        assert payload not in html, (path, payload)
    assert not re.search(r"href=[\"']?\s*javascript:", html, re.I)


def test_hostile_article_pages_are_escaped_and_link_only_http_urls(server, ids):
    for article in HOSTILE_ARTICLES:
        status, html = _get(f"{server}/{DB}/articles/{ids[article['url']]}")
        assert status == 200
        for payload in PAYLOADS:
            assert payload not in html, payload
        assert not re.search(r"href=[\"']?\s*javascript:", html, re.I)
    status, html = _get(f"{server}/{DB}/articles/{ids[HOSTILE_ARTICLES[0]['url']]}")
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; headline" in html
    assert 'href="https://evil.example/a?x=&lt;script&gt;' in html  # an http(s) URL stays a link, escaped
    status, html = _get(f"{server}/{DB}/articles/{ids[HOSTILE_ARTICLES[1]['url']]}")
    assert "Original:" in html and "javascript:alert(&#39;url&#39;)" in html  # shown as text, not linked


def test_canned_queries_return_rows(server):
    per_day = _json(f"{server}/{DB}/articles_per_day.json?_shape=array&days=30")
    assert {"day": "2024-03-16", "source": "coastal", "articles": 1} in per_day
    assert all(row["day"] >= "2024-02-17" for row in per_day)
    latest = _json(f"{server}/{DB}/latest_per_source.json?_shape=array&per_source=1")
    assert [(r["source"], r["title"]) for r in latest if r["source"] != EVIL_SOURCE] == [
        ("coastal", "Harbour reopens after storm"), ("khaleej", "معرض الكتاب في الشارقة"),
        ("sahel", "کتاب ایران در بندرعباس")]
    edited = _json(f"{server}/{DB}/recently_edited.json?_shape=array")
    assert [(r["source"], r["title_before"]) for r in edited] == [("sahel", "کتاب ایران در بندرعباس")]
    assert edited[0]["chars_added"] > 0
    problems = {r["source"]: r for r in _json(f"{server}/{DB}/source_problems.json?_shape=array")}
    assert set(problems) == {"khaleej", "coastal"}
    assert problems["khaleej"]["fetch_failed"] == 6 and problems["khaleej"]["runs"] == 2
    assert problems["coastal"]["runs_without_new_articles"] == 2
    assert problems["coastal"]["last_run_with_new_articles"] is None


def test_chart_page_draws_a_line_per_source_inline(server):
    status, html = _get(f"{server}/{DB}/-/articles-per-day?days=60")
    assert status == 200
    svg = re.search(r"<svg class=\"daily-chart\".*?</svg>", html, re.S)
    assert svg and svg.group(0).count("<polyline") == 4
    assert "coastal: 1 articles" in svg.group(0)
    # nothing loads from elsewhere: no remote scripts, images, stylesheets or CSS urls
    assert not re.search(r"src=[\"']?(https?:)?//|<link[^>]+href=[\"']?(https?:)?//|url\((https?:)?//", html)
    status, html = _get(f"{server}/{DB}/-/articles-per-day?days=nonsense")
    assert status == 200 and 'value="90"' in html


def test_pages_for_an_unknown_database_are_404(server):
    assert _get(f"{server}/nope/-/search?q=x")[0] == 404
    assert _get(f"{server}/nope/-/articles-per-day")[0] == 404
