"""URL canonicalisation as a table of inputs and outputs."""

import pytest

from archive.urls import canonicalize, same_site, site_key


@pytest.mark.parametrize("url, expected", [
    ("HTTPS://WWW.Example.COM:443/News/1?utm_source=x&utm_medium=y#top", "https://www.example.com/News/1"),
    ("http://example.com:80/a/", "http://example.com/a/"),
    ("http://example.com:8080/a", "http://example.com:8080/a"),
    ("https://example.com/", "https://example.com/"),
    ("https://example.com", "https://example.com/"),
    ("https://example.com/a?b=2&a=1&fbclid=zzz", "https://example.com/a?a=1&b=2"),
    ("https://example.com/a;jsessionid=ABC123?x=1", "https://example.com/a?x=1"),
    ("https://example.com/a?PHPSESSID=abc&id=5", "https://example.com/a?id=5"),
    ("https://example.com/news/index.html", "https://example.com/news/index.html"),
    ("https://sobhesahel.com/fa/news/123/%D8%B4%D9%87%D8%B1", "https://sobhesahel.com/fa/news/123/%D8%B4%D9%87%D8%B1"),
    ("https://sobhesahel.com/fa/news/123/شهر", "https://sobhesahel.com/fa/news/123/%D8%B4%D9%87%D8%B1"),
    ("https://example.com/a?gclid=1&ref=tw", "https://example.com/a"),
])
def test_canonicalize(url, expected):
    assert canonicalize(url) == expected
    assert canonicalize(expected) == expected  # idempotent


@pytest.mark.parametrize("a, b", [
    ("http://www.example.com/a/", "https://example.com/a"),
    ("https://m.example.com/a?utm_source=x", "https://example.com/a"),
    ("https://amp.example.com/a#x", "https://www.example.com/a"),
    ("https://example.com/2024/03/15/slug/", "https://example.com/2024/03/15/slug"),
    ("https://example.com/news/index.html", "https://example.com/news/"),
])
def test_site_key_joins_spellings_of_one_page(a, b):
    assert site_key(a) == site_key(b)


def test_site_key_keeps_different_pages_apart():
    assert site_key("https://example.com/a") != site_key("https://example.com/b")
    assert site_key("https://example.com/a?id=1") != site_key("https://example.com/a?id=2")


def test_same_site():
    hosts = {"example.com", "www.example.com"}
    assert same_site("https://WWW.example.com/x", hosts)
    assert not same_site("https://evil.example.org/x", hosts)


@pytest.mark.parametrize("value, expected", [
    ("2024-02-11T09:05:00+03:30", "2024-02-11T05:35:00+00:00"),
    ("2024-02-11", "2024-02-10T20:30:00+00:00"),  # a date alone is midnight on the site's clock
    ("2024-02-11T05:35:00Z", "2024-02-11T05:35:00+00:00"),
    ("Sun, 11 Feb 2024 05:35:00 GMT", "2024-02-11T05:35:00+00:00"),
    ("Sun, 11 Feb 2024 09:05:00 +0330", "2024-02-11T05:35:00+00:00"),
    ("1402-11-22", "2024-02-10T20:30:00+00:00"),  # a Jalali lastmod, never the year 1402 AD
    ("۱۴۰۲/۱۱/۲۲", "2024-02-10T20:30:00+00:00"),
    ("", None),
    (None, None),
    ("not a date", None),
])
def test_machine_dates_of_feeds_and_sitemaps(value, expected):
    from datetime import UTC, datetime

    from crawler.feeddates import machine_date

    parsed = machine_date(value, tz="Asia/Tehran", lang="fa", now=datetime(2026, 1, 1, tzinfo=UTC))
    assert (parsed.isoformat() if parsed else None) == expected
