"""Page metadata: titles without site names, real authors only, declared language, JSON-LD fields."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from crawler.extraction.metadata import clean_author, clean_title, normalize_language_tag, read_metadata


@pytest.mark.parametrize(
    ("title", "sitename", "host", "h1", "expected"),
    [
        ("Harbour reopens | Coastal Gazette", "Coastal Gazette", None, None, "Harbour reopens"),
        ("Coastal Gazette - Harbour reopens", "Coastal Gazette", None, None, "Harbour reopens"),
        ("افتتاح اسکله - خبرگزاری ساحل", None, None, None, "افتتاح اسکله"),
        ("افتتاح سوق السمك – صحيفة الساحل الشرقي", None, None, None, "افتتاح سوق السمك"),
        ("Harbour reopens | coastal-gazette.com", None, "www.coastal-gazette.com", None, "Harbour reopens"),
        ("بهره‌برداری از اسکله | صبح ساحل", None, None, "بهره‌برداری از اسکله", "بهره‌برداری از اسکله"),
        ("Covid - what we know so far", "Coastal Gazette", None, None, "Covid - what we know so far"),
        ("Title without any site", None, None, None, "Title without any site"),
    ],
)
def test_clean_title(title, sitename, host, h1, expected):
    assert clean_title(title, sitename, host, h1) == expected


@pytest.mark.parametrize(
    ("raw", "sitename", "expected"),
    [
        ("By Jane Doe", None, ["Jane Doe"]),
        ("Jane Doe and John Smith", None, ["Jane Doe", "John Smith"]),
        ("By Staff", None, []),
        ("Staff Reporter", None, []),
        ("admin", None, []),
        ("Coastal Gazette", "Coastal Gazette", []),
        ("https://facebook.com/janedoe", None, []),
        ("نویسنده: مریم احمدی", None, ["مریم احمدی"]),
        ("بقلم سارة المنصوري", None, ["سارة المنصوري"]),
        ("خبرگزاری ساحل جنوب", None, []),
        ("Von Klaus Petersen", None, ["Klaus Petersen"]),
        ("Reporter 2024", None, []),
    ],
)
def test_clean_author(raw, sitename, expected):
    assert clean_author(raw, sitename) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("fa-IR", "fa-IR"), ("fa_ir", "fa-IR"), ("AR", "ar"), ("en-GB, en", "en-GB"), ("x", None),
     ("123", None)],
)
def test_normalize_language_tag(value, expected):
    assert normalize_language_tag(value) == expected


PAGE = """<html lang="ar"><head>
<title>Ignored | Site</title>
<meta property="og:title" content="Harbour reopens after storm | Coastal Gazette">
<meta property="og:site_name" content="Coastal Gazette">
<meta property="og:image" content="/img/harbour.jpg">
<meta name="description" content="The harbour reopened on Saturday.">
<meta property="article:tag" content="Harbour"><meta property="article:tag" content="Storms">
<link rel="canonical" href="/news/harbour-reopens">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "ReportageNewsArticle", "author": [{"@type": "Person", "name": "Jane Doe"},
   {"@type": "Organization", "name": "Coastal Gazette"}], "articleSection": "Local",
  "articleBody": "<p>The harbour reopened.</p><p>Boats are back.</p>", "isAccessibleForFree": "False"},
 {"@type": "BreadcrumbList", "itemListElement": [{"name": "Home"}, {"name": "News"}, {"name": "Harbour"}]}]}
</script></head>
<body><aside class="sidebar"><span class="byline">By Tom Sidebar</span></aside>
<h1>Harbour reopens after storm</h1><p>Text.</p>
<a rel="tag" href="/t/pier">Pier</a><a rel="category tag" href="/c/local">Local</a></body></html>"""


def test_read_metadata_from_meta_and_json_ld():
    meta = read_metadata(lxml_html.fromstring(PAGE), "https://coastal.example/news/123?utm=x")
    assert meta.title == "Harbour reopens after storm"
    assert meta.sitename == "Coastal Gazette"
    assert meta.authors == ["Jane Doe"]
    assert meta.canonical_url == "https://coastal.example/news/harbour-reopens"
    assert meta.image == "https://coastal.example/img/harbour.jpg"
    assert meta.description == "The harbour reopened on Saturday."
    assert meta.tags == ["Harbour", "Storms", "Pier"]
    assert meta.categories == ["Local", "News"]
    assert meta.page_language == "ar"
    assert meta.accessible_for_free is False
    assert meta.article_body == "The harbour reopened.\nBoats are back."


def test_sidebar_bylines_are_not_authors():
    page = ("<html><body><aside><span class='byline'>By Tom Sidebar</span></aside>"
            "<div class='related'><span class='author-name'>Ann Other</span></div>"
            "<article><p class='byline'>By Jane Doe</p><p>Text</p></article></body></html>")
    assert read_metadata(lxml_html.fromstring(page), None).authors == ["Jane Doe"]


def test_language_from_content_language_and_og_locale():
    page = "<html><head><meta http-equiv='content-language' content='de-DE'></head><body></body></html>"
    assert read_metadata(lxml_html.fromstring(page), None).page_language == "de-DE"
    page = "<html><head><meta property='og:locale' content='fa_IR'></head><body></body></html>"
    assert read_metadata(lxml_html.fromstring(page), None).page_language == "fa-IR"
