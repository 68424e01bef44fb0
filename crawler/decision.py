"""Is this fetched page an article? The page decides, with its URL as one weak signal among others.

Pure: `PageSignals` (what the page and the way it was found show) → `Decision` (yes or no, and why).
The reasons are stored with the page's capture, so a user can see why a page was or was not archived.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .discovery import url_shape
from .extraction import Extraction

# Prose: this many paragraphs, or this many characters of body text.
PROSE_PARAGRAPHS = 3
PROSE_CHARS = 1200
# Listing-like: this many linked headings (teasers), or this share of the body as link text.
TEASER_HEADINGS = 6
TEASER_CARDS = 3
LINKY_SHARE = 0.3


@dataclass(frozen=True)
class PageSignals:
    """What one fetched page shows, and how the crawl found it."""

    url: str
    listed: bool = False  # an entry of a feed or a news sitemap
    pattern: bool | None = None  # the source's article_pattern matched (None: no pattern)
    excluded: bool = False  # the source's exclude_pattern matched
    declared: bool = False  # JSON-LD/OpenGraph/microdata say article, or a published-time meta
    dated: bool = False  # a visible or machine publication date was found
    headline_in_container: bool = False  # <article>/<main> holds the headline
    paragraphs: int = 0
    body_chars: int = 0
    link_share: float = 0.0
    linked_headings: int = 0
    teaser_cards: int = 0  # <article> teaser cards outside the headline's container


@dataclass(frozen=True)
class Decision:
    """Whether to archive the page as an article, and the reasons, in the order they were weighed."""

    article: bool
    reasons: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {"article": self.article, "reasons": list(self.reasons)}


def decide(s: PageSignals) -> Decision:
    """Weigh the signals (the extraction has already refused error, listing, gallery and empty pages)."""
    if s.excluded:
        return Decision(False, ("exclude_pattern matches the URL",))
    if s.pattern:
        return Decision(True, ("article_pattern matches the URL",))
    if s.listed:
        return Decision(True, ("listed in a feed or news sitemap",))
    if s.declared:
        return Decision(True, ("the markup declares an article",))
    shape = "unknown" if s.pattern is False else url_shape(s.url)
    if shape == "not_article":
        return Decision(False, ("the URL is a home, section, tag, author or static page's",))
    reasons, points = [], 0
    if shape == "article":
        points += 1
        reasons.append("article-like URL")
    if s.dated:
        points += 1
        reasons.append("publication date")
    if s.headline_in_container:
        points += 1
        reasons.append("headline inside <article>/<main>")
    if s.paragraphs >= PROSE_PARAGRAPHS or s.body_chars >= PROSE_CHARS:
        points += 1
        reasons.append(f"prose ({s.paragraphs} paragraphs, {s.body_chars} characters)")
    cards = s.teaser_cards >= TEASER_CARDS and not s.headline_in_container
    if cards or s.linked_headings >= TEASER_HEADINGS or s.link_share >= LINKY_SHARE:
        points -= 2
        reasons.append(f"listing-like ({s.teaser_cards} teaser cards, {s.linked_headings} linked headings, "
                       f"{s.link_share:.0%} link text)")
    anchored = s.dated or shape == "article"
    if not anchored:
        reasons.append("neither a date nor an article-like URL")
    return Decision(points >= 2 and anchored, tuple(reasons))


def page_signals(url: str, extraction: Extraction, *, dated: bool, listed: bool,
            pattern: str | None = None, exclude: str | None = None) -> PageSignals:
    """The signals of a page from its extraction and the way the crawl found it."""
    shape = extraction.shape
    return PageSignals(
        url=url, listed=listed,
        pattern=None if not pattern else re.search(pattern, url) is not None,
        excluded=bool(exclude and re.search(exclude, url)),
        declared=extraction.article_evidence or shape.itemtype_article,
        dated=dated, headline_in_container=shape.headline_in_container,
        paragraphs=shape.paragraphs, body_chars=shape.body_chars,
        link_share=shape.link_share, linked_headings=shape.linked_headings, teaser_cards=shape.teaser_cards,
    )
