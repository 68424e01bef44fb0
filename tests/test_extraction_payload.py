"""Article text recovered from a script-rendered page's inline JSON data."""

from __future__ import annotations

import json

import pytest
from lxml import html as lxml_html

from crawler.extraction import extract_html
from crawler.extraction.payload import payload_text

SENTENCES = [
    f"The district council met on day {i} and agreed that the harbour wall must be rebuilt before summer."
    for i in range(12)
]
ARTICLE_HTML = "".join(f"<p class='editor-p'>{s}</p>$$ARTICLEAD$$" for s in SENTENCES)


def shell(payload: object, extra: str = "") -> str:
    data = json.dumps(payload)
    return (f"<html><head><title>Harbour</title></head><body><div id='__next'></div>{extra}"
            f"<script id='__NEXT_DATA__' type='application/json'>{data}</script>"
            f"<script>self.__push({json.dumps(data)})</script></body></html>")


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ({"props": {"article": {"content": ARTICLE_HTML, "title": "Harbour"}}}, SENTENCES),
        ({"props": {"article": {"text": " ".join(SENTENCES)}}}, [" ".join(SENTENCES)]),
        ({"props": {"css": "body{margin:0}" * 80}}, None),
        ({"props": {"image": "https://cdn.example/" + "a" * 800}}, None),
        ({"props": {"teaser": "Short teaser. " * 3}}, None),
    ],
)
def test_payload_text(payload, expected):
    tree = lxml_html.fromstring(shell(payload))
    text = payload_text(tree)
    assert (text.splitlines() if text else None) == expected


def test_empty_shell_page_gets_its_article_from_the_payload():
    page = shell({"props": {"article": {"content": ARTICLE_HTML}}})
    result = extract_html(page, "https://gazette.example/news/harbour")
    assert result.status == "ok"
    assert SENTENCES[0] in result.text and SENTENCES[-1] in result.text
    assert "$$" not in result.text


def test_rendered_article_is_not_replaced_by_the_payload():
    rendered = "<article><h1>Harbour</h1>" + "".join(f"<p>{s}</p>" for s in SENTENCES[:6]) + "</article>"
    other = " ".join(f"An unrelated sentence number {i} about the weather this week." for i in range(20))
    page = shell({"props": {"other": other}}, extra=rendered)
    result = extract_html(page, "https://gazette.example/news/harbour")
    assert SENTENCES[0] in result.text
    assert "unrelated sentence" not in result.text
