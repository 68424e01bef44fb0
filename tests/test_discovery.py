"""Discovery helpers are pure functions: tables of inputs and outputs."""

import gzip

import pytest

from crawler.discovery import (
    Entry,
    gunzip_bounded,
    html_links,
    looks_like_article,
    parse_xml_listing,
    robots_sitemaps,
)

BASE = "https://news.example/"


@pytest.mark.parametrize("url, expected", [
    ("https://www.sobhesahel.com/fa/news/123456/حضور-شهردار", True),          # Iranian CMS id
    ("https://khaleej.example/2024/03/15/%D8%AE%D8%A8%D8%B1/", True),       # WordPress date path
    ("https://coastal.example/news/local/2024/03/15/harbour-reopens", True),  # Arc-style date path
    ("https://site.example/1402/11/22/some-story", True),                   # Jalali date path
    ("https://site.example/story.php?id=98765", True),
    ("https://site.example/politics/minister-visits-port-city-of-bandar-abbas", True),  # long slug
    ("https://site.example/", False),
    ("https://site.example/tag/ports", False),
    ("https://site.example/category/local/", False),
    ("https://site.example/page/2", False),
    ("https://site.example/about-us", False),
    ("https://site.example/search?q=x", False),
    ("https://site.example/politics", False),
    ("https://site.example/fa/برچسب/بندرعباس", False),
    ("https://site.example/2024/03/15/photo.jpg", False),
    ("https://site.example/files/report-2024-11-01.pdf", False),
])
def test_looks_like_article(url, expected):
    assert looks_like_article(url) is expected


@pytest.mark.parametrize("url, pattern, exclude, expected", [
    ("https://a.example/x/1", r"/x/\d+$", None, True),
    ("https://a.example/2024/03/15/slug-one-two-three", r"/x/\d+$", None, False),  # pattern decides
    ("https://a.example/news/12345/slug", None, r"/news/1234", False),          # exclusion wins
])
def test_looks_like_article_with_source_patterns(url, pattern, exclude, expected):
    assert looks_like_article(url, pattern, exclude) is expected


@pytest.mark.parametrize("robots, expected", [
    ("User-agent: *\nDisallow: /admin\nSitemap: https://news.example/sitemap_index.xml\n",
     ["https://news.example/sitemap_index.xml"]),
    ("sitemap: /news-sitemap.xml\nSITEMAP:https://news.example/s2.xml", [
        "https://news.example/news-sitemap.xml", "https://news.example/s2.xml"]),
    ("User-agent: *\nDisallow:\n", []),
    ("Sitemap:\n", []),
])
def test_robots_sitemaps(robots, expected):
    assert robots_sitemaps(robots, BASE) == expected


RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>
<item><title>\xd8\xae\xd8\xa8\xd8\xb1</title><link>https://news.example/2024/02/11/a/</link>
<pubDate>Sun, 11 Feb 2024 05:35:00 +0000</pubDate></item>
<item><title>no link</title><guid>https://news.example/?p=42</guid><dc:date>2024-02-10T08:00:00Z</dc:date></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<entry><title>One</title><link rel="alternate" href="/news/local/2024/03/15/one"/>
<link rel="enclosure" href="/img.jpg"/><published>2024-03-15T10:00:00Z</published></entry>
<entry><title>Two</title><link href="https://news.example/news/2"/><updated>2024-03-16T10:00:00Z</updated></entry>
</feed>"""

URLSET = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://news.example/a</loc><lastmod>2024-01-02</lastmod></url>
<url><loc>https://news.example/b</loc><news:news><news:publication><news:name>N</news:name>
<news:language>fa</news:language></news:publication>
<news:publication_date>2024-02-11T09:05:00+03:30</news:publication_date><news:title>B</news:title></news:news>
<lastmod>2024-02-12</lastmod></url>
</urlset>"""

INDEX = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://news.example/post-sitemap.xml</loc></sitemap>
<sitemap><loc>/news-sitemap.xml</loc></sitemap></sitemapindex>"""


@pytest.mark.parametrize("body, kind, entries, children", [
    (RSS, "rss", [Entry("https://news.example/2024/02/11/a/", "Sun, 11 Feb 2024 05:35:00 +0000", "خبر"),
                  Entry("https://news.example/?p=42", "2024-02-10T08:00:00Z", "no link")], []),
    (ATOM, "atom", [Entry("https://news.example/news/local/2024/03/15/one", "2024-03-15T10:00:00Z", "One"),
                    Entry("https://news.example/news/2", "2024-03-16T10:00:00Z", "Two")], []),
    (URLSET, "urlset", [Entry("https://news.example/a", "2024-01-02", None),
                        Entry("https://news.example/b", "2024-02-11T09:05:00+03:30", "B", news=True)], []),
    (INDEX, "sitemapindex", [], ["https://news.example/post-sitemap.xml", "https://news.example/news-sitemap.xml"]),
    (gzip.compress(URLSET), "urlset", [Entry("https://news.example/a", "2024-01-02", None),
                                       Entry("https://news.example/b", "2024-02-11T09:05:00+03:30", "B",
                                             news=True)], []),
    (b"<html><body>not xml at all", "unknown", [], []),
    (b"", "unknown", [], []),
])
def test_parse_xml_listing(body, kind, entries, children):
    listing = parse_xml_listing(body, BASE)
    assert listing.kind == kind
    assert list(listing.entries) == entries
    assert list(listing.children) == children


def test_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    xxe = (f'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file://{secret}">]>'
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
           '<url><loc>https://news.example/&x;</loc></url></urlset>').encode()
    listing = parse_xml_listing(xxe, BASE)
    assert all("TOP-SECRET" not in e.url for e in listing.entries)


def test_gzip_bomb_is_refused():
    bomb = gzip.compress(b"<" + b"a" * (2 * 1024 * 1024))
    with pytest.raises(ValueError, match="expands beyond"):
        gunzip_bounded(bomb, limit=1024 * 1024)


@pytest.mark.parametrize("page, feeds, links", [
    ('<html><head><link rel="alternate" type="application/rss+xml" href="/feed/">'
     '<link rel="alternate" hreflang="en" href="/en/"></head>'
     '<body><a href="/a">a</a><a href="#top">top</a><a href="mailto:x@y">m</a>'
     '<a href="javascript:alert(1)">j</a><a href="/a#c">a again</a><a href="https://o.example/b">b</a></body></html>',
     ["https://news.example/feed/"], ["https://news.example/a", "https://o.example/b"]),
    ('<html><head><base href="https://cdn.example/root/"></head><body><a href="x">x</a></body></html>',
     [], ["https://cdn.example/root/x"]),
    ("", [], []),
])
def test_html_links(page, feeds, links):
    assert html_links(page, BASE) == (feeds, links)


@pytest.mark.parametrize("body", [b"\x00<urlset/>", b"<?xml version='1.0'?><rss><channel><item>", b"\xff\xfe\x00<"])
def test_broken_xml_is_a_value_error_or_an_empty_listing(body):
    try:
        listing = parse_xml_listing(body, BASE)
    except ValueError as exc:
        assert "not a feed or sitemap" in str(exc)
    else:
        assert listing.entries == ()
