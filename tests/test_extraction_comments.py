"""Reader-comment containers that trafilatura's own patterns miss are removed before extraction."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from crawler.extraction import extract_html
from crawler.extraction.comments import drop_comment_containers

STORY = "".join(
    f"<p>The harbour wall will be rebuilt before the summer season, paragraph {i} of the council report.</p>"
    for i in range(6)
)
COMMENT = "I walked along the wall yesterday and the cracks are worse than anyone admits."


@pytest.mark.parametrize(
    ("container", "removed"),
    [
        ("<div class='x8Fq2 Comment'><p>{c}</p></div>", 1),
        ("<section class='post-item comments'><p>{c}</p></section>", 1),
        ("<ol id='comments'><li><p>{c}</p></li></ol>", 1),
        ("<div class='commentary-box'><p>{c}</p></div>", 0),  # a commentary is an article genre
        ("<div class='has-comments'><p>{c}</p></div>", 0),
    ],
)
def test_comment_containers(container, removed):
    page = f"<html><body><article><h1>Wall</h1>{STORY}</article>{container.format(c=COMMENT)}</body></html>"
    tree = lxml_html.fromstring(page)
    assert drop_comment_containers(tree) == removed
    assert (COMMENT in tree.text_content()) is (removed == 0)


def test_page_wide_wrapper_named_comments_is_kept():
    page = f"<html><body><div class='comments'><h1>Wall</h1>{STORY}<p>{COMMENT}</p></div></body></html>"
    tree = lxml_html.fromstring(page)
    assert drop_comment_containers(tree) == 0


def test_comment_text_does_not_reach_the_extraction():
    page = (f"<html><head><title>Wall</title></head><body><article><h1>Wall</h1>{STORY}</article>"
            f"<div class='a1b2 Comment'><p>{COMMENT}</p></div></body></html>")
    result = extract_html(page, "https://gazette.example/news/wall")
    assert result.status == "ok"
    assert "paragraph 5 of the council report" in result.text
    assert COMMENT not in result.text
