"""Near-duplicates in `newsarchive serve`: the "has copies" facet and an article page's copies."""

from __future__ import annotations

import json
import urllib.request

import pytest

from archive.datasette.process import running_datasette
from archive.store import Archive
from tests.support.syndication import SITES, articles
from tests.test_duplicates import save

DB = "syndicated"


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("dups") / f"{DB}.db"
    with Archive(path) as archive:
        archive.upsert_sources([{"name": s, "url": f"https://{s}.example/"} for s in SITES])
        for story in articles():
            save(archive, story)
    with running_datasette(path) as base:
        yield base


@pytest.fixture(scope="module")
def ids(server):
    rows = json.loads(_get(f"{server}/{DB}/articles.json?_shape=array&_col=url&_size=max"))
    return {row["url"].rsplit("/", 1)[1]: row["id"] for row in rows}


def test_has_copies_facet_counts_and_filters(server):
    data = json.loads(_get(f"{server}/{DB}/articles.json?_size=0"))
    facet = data["facet_results"]["has_copies"]
    assert {v["value"]: v["count"] for v in facet["results"]} == {"yes": 19, "no": 8}
    yes = next(v for v in facet["results"] if v["value"] == "yes")
    selected = json.loads(_get(yes["toggle_url"].replace("/articles?", "/articles.json?")))
    assert selected["filtered_table_rows_count"] == 19
    assert [(v["value"], v["selected"]) for v in selected["facet_results"]["has_copies"]["results"]] == [("yes", True)]
    html = _get(f"{server}/{DB}/articles")
    assert "has_copies" in html


def test_article_page_lists_its_copies_with_sources(server, ids):
    html = _get(f"{server}/{DB}/articles/{ids['shrimp']}")
    section = html.split('<section class="article-copies">')[1].split("</section>")[0]
    assert "The same story elsewhere (2)" in section
    assert "sobhesahel" in section and "jonoubnews" in section
    assert "صید میگو در بوشهر از هفته آینده آغاز می\u200cشود" in section
    assert f"/{DB}/articles/{ids['shrimp-1-sobhesahel']}" in section
    assert "similarity 0." in section
    copy_page = _get(f"{server}/{DB}/articles/{ids['shrimp-2-jonoubnews']}")
    assert "the original (published first)" in copy_page.split('<section class="article-copies">')[1]


def test_article_without_copies_has_no_copies_section(server, ids):
    assert 'class="article-copies"' not in _get(f"{server}/{DB}/articles/{ids['festival']}")


def test_most_republished_stories_query(server):
    rows = json.loads(_get(f"{server}/{DB}/widest_stories.json?_shape=array"))
    assert len(rows) == 7 and rows[0]["copies"] == 2
    assert {r["first_source"] for r in rows} == {"irna", "sobhesahel", "gulfwire", "coastdaily"}
