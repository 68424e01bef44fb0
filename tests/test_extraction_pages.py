"""Page types, the JSON-LD second opinion and the byte-level entry point."""

from __future__ import annotations

import pytest

from crawler.extraction import decode_bytes, extract_html, extract_text
from crawler.extraction.blocks import Line
from crawler.extraction.pagetype import is_error_title
from crawler.extraction.reference import consult, declared_text

PARAGRAPHS = [
    "The district council has approved a plan to rebuild the harbour wall before the summer season begins.",
    "Fishermen have moored in the outer basin since the storm and say they lost days at sea this winter.",
    "A specialist contractor will start work in April and the cost will be met by a government grant.",
    "The car park on the north quay will close while the work takes place, the council said on Friday.",
]


def article_page(extra_head: str = "", body_end: str = "") -> str:
    return (f"<html lang='en'><head><title>Harbour wall to be rebuilt | Gazette</title>{extra_head}</head>"
            "<body><article><h1>Harbour wall to be rebuilt</h1>"
            + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + body_end + "</article></body></html>")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Page not found | Gazette", True),
        ("404 - Gazette", True),
        ("صفحه مورد نظر یافت نشد", True),
        ("الصفحة غير موجودة", True),
        ("Seite nicht gefunden", True),
        ("Harbour wall to be rebuilt", False),
        ("Bus 404 timetable changes from Monday as the new network starts across the county", False),
    ],
)
def test_error_titles(title, expected):
    assert is_error_title(title) is expected


def test_article_is_ok():
    result = extract_html(article_page(), "https://gazette.example/news/harbour-wall")
    assert result.status == "ok"
    assert all(p in result.text for p in PARAGRAPHS)
    assert result.title == "Harbour wall to be rebuilt"


def test_search_results_page():
    teasers = "".join(f"<div><h3><a href='/n/{i}'>Harbour story {i}</a></h3><p>Snippet {i}</p></div>"
                      for i in range(10))
    page = f"<html><head><title>Search</title></head><body><h1>Search results</h1>{teasers}</body></html>"
    result = extract_html(page, "https://gazette.example/search?q=harbour")
    assert (result.status, result.reason) == ("not_article", "search results page")


def test_article_text_containing_not_found_is_still_an_article():
    body_end = "<p>The missing boat was not found until the next morning, the coastguard said.</p>"
    assert extract_html(article_page(body_end=body_end), None).status == "ok"


def test_declared_body_replaces_a_much_shorter_extraction():
    declared = "\n".join(PARAGRAPHS * 2)
    lines = [Line("Harbour wall to be rebuilt", "head"), Line(PARAGRAPHS[0], "p")]
    result = consult(lines, declared)
    assert result.action == "replaced"
    assert [line.text for line in result.lines] == ["Harbour wall to be rebuilt", *PARAGRAPHS * 2]


def test_declared_body_trims_lines_it_does_not_contain():
    box = [Line("Beach cafe wins national award", "item"), Line("New bus timetable for summer", "item")]
    lines = [Line(PARAGRAPHS[0], "p"), *box, *(Line(p, "p") for p in PARAGRAPHS[1:])]
    result = consult(lines, "\n".join(PARAGRAPHS))
    assert result.action == "trimmed"
    assert [line.text for line in result.lines] == PARAGRAPHS
    assert result.removed == box


def test_a_summary_is_not_used_as_reference():
    lines = [Line(p, "p") for p in PARAGRAPHS]
    assert consult(lines, "Harbour wall to be rebuilt.").action == "none"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("<p>One.</p><p>Two &amp; three.</p>", "One.\nTwo & three."),
        ("Plain text body", "Plain text body"),
        ("", None),
        (None, None),
        (42, None),
    ],
)
def test_declared_text(value, expected):
    assert declared_text(value) == expected


def test_extract_text_decodes_a_declared_legacy_charset():
    page = article_page(extra_head="<meta charset='windows-1256'>").replace(
        PARAGRAPHS[0], "افتتح سوق السمك الجديد في خورفكان صباح اليوم بعد أعمال تطوير استمرت عامين كاملين")
    text = extract_text(page.encode("windows-1256"), "https://example.org/a")
    assert "افتتح سوق السمك الجديد" in text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("caf\u00e9".encode(), "caf\u00e9"),
        (b"<meta charset='iso-8859-1'>caf\xe9", "<meta charset='iso-8859-1'>caf\u00e9"),
        (b"caf\xe9 \xff", "caf\u00e9 \u00ff"),
    ],
)
def test_decode_bytes(raw, expected):
    assert decode_bytes(raw) == expected


def test_extract_text_is_empty_for_pages_that_are_not_articles():
    page = ("<html><head><title>Page not found</title></head><body><h1>Page not found</h1>"
            "<p>The page you are looking for does not exist.</p></body></html>")
    assert extract_text(page.encode(), "https://example.org/missing") == ""


PAYWALL_NOTICE = "<div class='paywall'><p>Subscribe to continue reading this article.</p><p>Log in</p></div>"
NOT_FREE = '<script type="application/ld+json">{"@type": "NewsArticle", "isAccessibleForFree": false}</script>'


def paywalled_page(teaser: list[str]) -> str:
    return (f"<html lang='en'><head><title>Harbour wall to be rebuilt | Gazette</title>{NOT_FREE}</head>"
            "<body><article><h1>Harbour wall to be rebuilt</h1><div class='story'>"
            + "".join(f"<p>{p}</p>" for p in teaser) + PAYWALL_NOTICE + "</div></article></body></html>")


def test_paywalled_article_keeps_its_teaser_with_status_paywalled():
    result = extract_html(paywalled_page(PARAGRAPHS[:1]), "https://gazette.example/news/harbour-wall")
    assert (result.status, result.reason) == ("paywalled", "paywall teaser: only the text above the paywall")
    assert PARAGRAPHS[0] in result.text and "Subscribe" not in result.text
    assert extract_text(paywalled_page(PARAGRAPHS[:1]).encode(), "https://gazette.example/a") == result.text


def test_paywall_without_any_teaser_is_not_an_article():
    result = extract_html(paywalled_page([]), "https://gazette.example/news/harbour-wall")
    assert (result.status, result.reason) == ("not_article", "paywall without a teaser")


def test_full_article_marked_not_free_is_ok():
    """isAccessibleForFree=false alone proves nothing: many sites serve the whole text anyway."""
    page = article_page(extra_head=NOT_FREE)
    assert extract_html(page, "https://gazette.example/news/harbour-wall").status == "ok"


def test_paywalled_page_is_archived_as_a_paywalled_article():
    from crawler.article import PageContext, process_page

    page = process_page(paywalled_page(PARAGRAPHS[:1]).encode(), PageContext(url="https://gazette.example/n/1"))
    assert page.status == "paywalled"
    assert page.article is not None and page.article["status"] == "paywalled"
    assert PARAGRAPHS[0] in page.article["text"]
