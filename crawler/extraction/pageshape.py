"""What a page's layout shows about it: the measurements the crawler's article decision weighs."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from .blocks import Line

# A body line this long is a paragraph of prose, not a caption, byline or link.
PARAGRAPH_CHARS = 80

# Teaser cards: <article> elements without a headline of their own that link somewhere.
_CARDS = "//article[not(.//h1)][.//a[@href]]"
_TEASER_CARDS = etree.XPath(f"count({_CARDS})")
_HEADLINE_IN_ARTICLE = etree.XPath(
    "boolean(//article[.//h1]"
    " | //*[contains(@itemtype, 'Article') or contains(@itemtype, 'BlogPosting')][.//h1])")
_HEADLINE_IN_MAIN = etree.XPath("boolean(//main[.//h1] | //*[@role='main'][.//h1])")
_ITEMTYPE_ARTICLE = etree.XPath(
    "boolean(//*[contains(@itemtype, 'schema.org/') and (contains(@itemtype, 'Article')"
    " or contains(@itemtype, 'BlogPosting') or contains(@itemtype, 'Report'))])")
_LINKED_HEADINGS = etree.XPath("count(//*[self::h2 or self::h3 or self::h4][.//a[@href]])")
@dataclass(frozen=True)
class PageShape:
    """Layout measurements of one page and its extracted body."""

    # an <article> holds the <h1>, or a <main> without teaser cards does (a listing's <h1> names the
    # section above its cards)
    headline_in_container: bool = False
    teaser_cards: int = 0  # <article> elements without a headline of their own that link elsewhere
    itemtype_article: bool = False  # microdata itemtype says Article/NewsArticle/BlogPosting
    linked_headings: int = 0  # h2-h4 headings that are links: teasers of a listing
    link_share: float = 0.0  # share of the body's characters that are link text
    paragraphs: int = 0  # body lines of at least PARAGRAPH_CHARS characters
    body_chars: int = 0


def page_shape(tree: etree._Element, lines: list[Line]) -> PageShape:
    """Measure `tree` (the parsed page) and `lines` (its extracted body)."""
    chars = sum(len(line.text) for line in lines)
    links = sum(line.link_chars for line in lines)
    cards = int(_TEASER_CARDS(tree))
    in_article = bool(_HEADLINE_IN_ARTICLE(tree))
    return PageShape(
        headline_in_container=in_article or (cards == 0 and bool(_HEADLINE_IN_MAIN(tree))),
        teaser_cards=cards,
        itemtype_article=bool(_ITEMTYPE_ARTICLE(tree)),
        linked_headings=int(_LINKED_HEADINGS(tree)),
        link_share=links / chars if chars else 0.0,
        paragraphs=sum(1 for line in lines if len(line.text) >= PARAGRAPH_CHARS),
        body_chars=chars,
    )
