"""The page-level article decision and the URL's weak signal, as tables of inputs and outputs."""

from __future__ import annotations

import pytest

from crawler.decision import PageSignals, decide, page_signals
from crawler.discovery import url_shape
from crawler.extraction import extract_html

ARTICLE_PROSE = {"paragraphs": 4, "body_chars": 1400}
LISTING = {"teaser_cards": 8, "linked_headings": 8}

DECISIONS = [
    # (what the page shows, archived?, a reason that must be given)
    (PageSignals("https://s.ir/news/12", listed=True), True, "listed in a feed"),
    (PageSignals("https://s.ir/?p=2014", listed=True), True, "listed in a feed"),
    (PageSignals("https://s.ir/news/12", dated=True, headline_in_container=True, **ARTICLE_PROSE), True,
     "publication date"),
    (PageSignals("https://s.ir/?p=2014", dated=True, **ARTICLE_PROSE), True, "prose"),
    (PageSignals("https://s.ir/a/AST1F4445T1F", dated=True, headline_in_container=True), True, "headline"),
    (PageSignals("https://s.ir/fa/news/104028/x", **ARTICLE_PROSE), True, "article-like URL"),
    (PageSignals("https://s.ir/page.html", declared=True), True, "declares an article"),
    (PageSignals("https://s.ir/news/12", pattern=True), True, "article_pattern"),
    (PageSignals("https://s.ir/2013/05/story-of-the-day/", listed=True, excluded=True), False, "exclude_pattern"),
    # static pages that read like prose: no date and no article-like URL
    (PageSignals("https://s.ir/news/12", headline_in_container=True, **ARTICLE_PROSE), False,
     "neither a date nor"),
    (PageSignals("https://s.ir/about", dated=True, headline_in_container=True, **ARTICLE_PROSE), False,
     "static page"),
    (PageSignals("https://s.ir/", dated=True, **ARTICLE_PROSE), False, "home"),
    (PageSignals("https://s.ir/tag/qeshm", dated=True, **ARTICLE_PROSE), False, "tag"),
    (PageSignals("https://s.ir/news/local?page=2", dated=True, headline_in_container=True), False, "section"),
    # a section page: dated teasers, prose-like teaser text, but cards and an <h1> above them
    (PageSignals("https://s.ir/news/local", dated=True, **ARTICLE_PROSE, **LISTING), False, "listing-like"),
    (PageSignals("https://s.ir/news/local", dated=True, link_share=0.6, **ARTICLE_PROSE), False, "listing-like"),
    # an article with a related-news block of cards keeps its headline inside <article>
    (PageSignals("https://s.ir/news/12", dated=True, headline_in_container=True, teaser_cards=6,
                 **ARTICLE_PROSE), True, "headline"),
    (PageSignals("https://s.ir/news/12", pattern=False, dated=True, **ARTICLE_PROSE), True, "prose"),
    (PageSignals("https://s.ir/fa/news/104028/x", pattern=False, **ARTICLE_PROSE), False, "neither a date nor"),
]


@pytest.mark.parametrize("signals, archived, reason", DECISIONS)
def test_decision(signals: PageSignals, archived: bool, reason: str) -> None:
    decision = decide(signals)
    assert decision.article is archived, decision.reasons
    assert any(reason in r for r in decision.reasons), decision.reasons


URL_SHAPES = [
    ("https://s.ir/fa/news/104028/slug", "article"),
    ("https://s.ir/2013/05/story-of-the-day/", "article"),
    ("https://s.ir/1402/07/15/story/", "article"),
    ("https://s.ir/a-long-headline-written-as-a-slug-here", "article"),
    ("https://s.ir/item.php?id=4411", "article"),
    ("https://s.ir/news/12", "unknown"),
    ("https://s.ir/?p=2014", "unknown"),
    ("https://s.ir/a/AST1F4445T1F", "unknown"),
    ("https://s.ir/politics/story.html", "unknown"),
    ("https://s.ir/", "not_article"),
    ("https://s.ir/tag/qeshm", "not_article"),
    ("https://s.ir/fa/tag/قشم", "not_article"),
    ("https://s.ir/category/local/", "not_article"),
    ("https://s.ir/author/jane/", "not_article"),
    ("https://s.ir/staff/jane-doe", "not_article"),
    ("https://s.ir/news/local?page=2", "not_article"),
    ("https://s.ir/?paged=3", "not_article"),
    ("https://s.ir/logo.png", "not_article"),
]


@pytest.mark.parametrize("url, shape", URL_SHAPES)
def test_url_shape(url: str, shape: str) -> None:
    assert url_shape(url) == shape


CARD = '<article class="teaser"><h3><a href="/news/{n}">خبر شماره {n} درباره بندر</a></h3><p>{text}</p></article>'
TEXT = "به گزارش خبرنگار ما طرح تازه‌ای در بندر آغاز شد و ساکنان از آن استقبال کردند و امیدوارند ادامه یابد."


def test_signals_from_real_markup_tell_a_section_from_an_article() -> None:
    cards = "".join(CARD.format(n=n, text=TEXT) for n in range(1, 7))
    section = (f'<html lang="fa"><body><main><h1>اخبار محلی</h1>{cards}</main></body></html>')
    article = (f'<html lang="fa"><body><article><h1>طرح تازه در بندر</h1>'
               f'{"".join(f"<p>{TEXT} {n}</p>" for n in range(4))}</article>'
               f'<aside>{"".join(CARD.format(n=n, text=TEXT) for n in range(1, 4))}</aside></body></html>')
    as_section = page_signals("https://s.ir/news/local", extract_html(section, "https://s.ir/news/local"),
                              dated=True, listed=False)
    as_article = page_signals("https://s.ir/news/7", extract_html(article, "https://s.ir/news/7"),
                              dated=True, listed=False)
    assert (as_section.headline_in_container, as_section.teaser_cards) == (False, 6)
    assert (as_article.headline_in_container, as_article.teaser_cards) == (True, 3)
    assert decide(as_article).article
    assert not decide(as_section).article
