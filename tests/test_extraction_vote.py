"""readability's second opinion: what it replaces, what it adds, and what it must leave out."""

from __future__ import annotations

import pytest
import trafilatura
from lxml import html as lxml_html

from crawler.extraction import extract_html
from crawler.extraction.blocks import Line
from crawler.extraction.vote import merge, paragraph_lines, readability_lines, second_opinion

P = [
    "The district council approved a plan to rebuild the harbour wall before the summer season begins.",
    "Fishermen have moored in the outer basin since the storm and say they lost many days at sea.",
    "A specialist contractor will start work in April and a government grant will meet the cost.",
    "The car park on the north quay will close while the work takes place, the council said on Friday.",
    "Residents can see the plans at the library on Harbour Street until the end of the month.",
]
LEAD = "The harbour wall that the storm broke will be rebuilt by the summer, the council decided this week."
RELATED = "Read more: ferry timetable changes from Monday"


def lines(*texts: str, links: int = 0) -> list[Line]:
    return [Line(t, "p", links) for t in texts]


def texts(result: list[Line]) -> list[str]:
    return [line.text for line in result]


@pytest.mark.parametrize(
    ("ours", "theirs", "expected", "action"),
    [
        # a paragraph trafilatura dropped inside the shared stretch goes back in its place
        ([P[0], P[1], P[3]], [P[0], P[1], P[2], P[3]], [P[0], P[1], P[2], P[3]], "merged"),
        # a lead paragraph right before the shared stretch comes back in front of it
        ([P[0], P[1], P[2]], [LEAD, P[0], P[1], P[2]], [LEAD, P[0], P[1], P[2]], "merged"),
        # what follows the shared stretch is where related lists and comments start: left out
        ([P[0], P[1], P[2]], [P[0], P[1], P[2], P[3]], [P[0], P[1], P[2]], "none"),
        # a long run inside the stretch is a box of its own (fact box, gallery): left out
        ([P[0], P[4]], [P[0], P[1], P[2], P[3], P[4]], [P[0], P[4]], "none"),
        # a block repeated down the page (consent placeholder, caption) spoils its gap
        ([P[0], P[2], P[4]], [P[0], P[1], P[2], P[1], P[4]], [P[0], P[2], P[4]], "none"),
        # readability found another part of the page: nothing is taken from it
        ([P[0], P[1]], [P[2], P[3], P[4]], [P[0], P[1]], "none"),
        # the same paragraph with the link text trafilatura lost: the fuller one replaces it
        (
            [P[0], "A specialist contractor will start work in April and a grant will meet the cost.", P[3]],
            [P[0], P[2], P[3]],
            [P[0], P[2], P[3]],
            "merged",
        ),
    ],
)
def test_merge(ours: list[str], theirs: list[str], expected: list[str], action: str) -> None:
    vote = merge(lines(*ours), lines(*theirs))
    assert texts(vote.lines) == expected
    assert vote.action == action


def test_link_block_inside_the_stretch_is_not_added() -> None:
    ours = lines(P[0], P[2])
    theirs = [*lines(P[0]), Line(RELATED, "p", len(RELATED)), *lines(P[2])]
    assert texts(merge(ours, theirs).lines) == [P[0], P[2]]


def _page(body: str) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(f"<html><head><title>t</title></head><body>{body}</body></html>")


def test_readability_lines_skip_captions_figures_and_asides() -> None:
    tree = _page(
        "<div class='story'>" + "".join(f"<p>{p}</p>" for p in P)
        + "<figure><img src='a.jpg' title='Image title text'><figcaption>The harbour in 1990.</figcaption></figure>"
        "<p class='wp-caption-text'>Workers on the quay (archive picture)</p>"
        "<aside><p>Most read: the ten best beaches of the county this summer, chosen by our readers.</p></aside>"
        "</div>"
    )
    found = " ".join(texts(readability_lines(tree)))
    assert all(p in found for p in P)
    for boilerplate in ("Image title", "1990", "archive picture", "Most read"):
        assert boilerplate not in found


def test_paragraph_rescue_reads_the_densest_element() -> None:
    """Broken markup that nests the article inside an unclosed navigation menu."""
    tree = _page(
        "<nav id='menu'><ul><li><a href='/'>Home</a></li></ul><div class='article-content'>"
        + "".join(f"<p>{p}</p>" for p in P)
        + "<blockquote class='twitter-tweet'><p>An embedded post that is not part of the article at all.</p>"
        "</blockquote></div>"
    )
    assert texts(paragraph_lines(tree)) == P


def test_second_opinion_replaces_an_empty_extraction() -> None:
    tree = _page("<div class='story'>" + "".join(f"<p>{p}</p>" for p in P) + "</div>")
    vote = second_opinion(tree, [])
    assert vote.action == "replaced"
    assert texts(vote.lines) == P


def test_extractor_recovers_the_article_trafilatura_loses_in_a_menu() -> None:
    """A sidebar widget left unclosed before the article: trafilatura and readability find nothing."""
    page = (
        "<html lang='en'><head><title>Harbour wall | Gazette</title></head><body>"
        "<aside class='sidebar'><div id='nav_menu-2' class='widget widget_nav_menu'>"
        "<ul><li><a href='/'>Home</a></li></ul>"
        "<article class='article-detailed'><h1>Harbour wall</h1><div class='article-content'>"
        + "".join(f"<p>{p}</p>" for p in P)
        + "</div></article></div></aside></body></html>"
    )
    assert P[2] not in (trafilatura.extract(page, favor_precision=True) or "")
    result = extract_html(page, "https://gazette.example/news/harbour-wall")
    assert result.status == "ok"
    assert all(p in result.text for p in P)
