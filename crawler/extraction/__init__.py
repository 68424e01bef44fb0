"""Article extraction: trafilatura plus a boilerplate post-filter, and page metadata.

The pipeline for one page (``extract_html``):

1. size budget on the decoded HTML, then ZWNJ/ZWJ protection (see ``zwnj``);
2. one lxml parse, element-count and depth budgets;
3. metadata from <meta>/JSON-LD (``metadata``), no dates;
4. reader-comment containers removed (``comments``), then trafilatura in precision mode without
   comments, with a balanced-mode retry when that finds (almost) nothing; readability's second
   opinion merged block by block (``vote``); the printed standfirst put back when precision mode
   dropped it (``lead``);
   a script-rendered page whose text is only in its inline JSON data gets it from there (``payload``);
5. the line post-filter (``postfilter``) and the page-type decision (``pagetype``).

Everything runs under a time budget; no input makes it raise or hang.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

import trafilatura
from trafilatura.utils import load_html

from .blocks import Line, body_lines, lines_weight
from .budget import (
    DEFAULT_BUDGET,
    Budget,
    BudgetExceeded,
    TimeBudgetExceeded,
    check_size,
    check_tree,
    deadline,
)
from .comments import drop_comment_containers
from .lead import recover_lead, with_lead
from .metadata import PageMeta, read_metadata
from .pageshape import PageShape, page_shape
from .pagetype import article_evidence, classify_page
from .payload import payload_text
from .postfilter import filter_lines
from .reference import REPLACE_MIN_WORDS, consult
from .textnorm import word_weight
from .vote import second_opinion
from .zwnj import ZeroWidthGuard

LOGGER = logging.getLogger(__name__)

# Below this many words the precision run is retried in trafilatura's balanced mode.
RETRY_BELOW_WORDS = 40
# ... or when a text shorter than this leaves four times as much in the page's paragraphs.
RETRY_BELOW_CHARS = 1500


# trafilatura logs every odd link or empty element at WARNING; the crawl's log is for the crawl.
logging.getLogger("trafilatura").setLevel(logging.ERROR)

@dataclass
class Extraction:
    """What extraction found in one HTML page."""

    status: str  # ok | paywalled | not_article | empty | extraction_failed
    text: str = ""
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    description: str | None = None
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    image: str | None = None
    canonical_url: str | None = None
    sitename: str | None = None
    page_language: str | None = None  # as declared by <html lang> / meta
    removed_chars: int = 0  # boilerplate characters the post-filter removed
    reason: str | None = None  # why status is not ok
    article_evidence: bool = False  # the markup says "article" (JSON-LD type, og:type, published time)
    shape: PageShape = field(default_factory=PageShape)  # layout measurements for the crawl's decision


def _trafilatura_lines(tree: object, declared: str | None = None) -> list[Line]:
    """Body lines from trafilatura: precision mode first, balanced mode when that found too little.

    A declared JSON-LD articleBody long enough to stand in for the body (see ``reference``) is a
    better rescue than the balanced run, so there is no retry then.
    """
    rescued_by_declared = bool(declared) and word_weight(declared or "") >= REPLACE_MIN_WORDS
    lines: list[Line] = []
    for precision in (True, False):
        doc = trafilatura.bare_extraction(
            tree,
            url=None,  # the URL only resolves link targets, which the lines do not keep (and it is slow)
            favor_precision=precision,
            include_comments=False,
            include_links=True,
            # fast: no readability comparison inside trafilatura; ``vote`` runs readability once itself
            fast=precision,
            with_metadata=False,
        )
        body = getattr(doc, "body", None)
        if body is not None:
            candidate = body_lines(body)
            # the balanced run must bring clearly more text to replace the precision run
            if lines_weight(candidate) > (2 if lines else 1) * lines_weight(lines):
                lines = candidate
        enough = lines_weight(lines) >= RETRY_BELOW_WORDS and not _misses_paragraphs(tree, lines)
        if rescued_by_declared or enough:
            break
    return lines


def _misses_paragraphs(tree: Any, lines: list[Line]) -> bool:
    """Whether a short extraction leaves far more text in the page's <p> elements (under-extraction)."""
    extracted = sum(len(line.text) for line in lines)
    if extracted >= RETRY_BELOW_CHARS:
        return False
    paragraphs = 0
    for p in tree.iter("p"):
        paragraphs += len(p.text_content())
        if paragraphs > 4 * extracted + 1000:
            return True
    return False


def _restore_meta(meta: PageMeta, guard: ZeroWidthGuard) -> PageMeta:
    """Put the joiners back into every text field read from the protected page."""
    for name in ("title", "raw_title", "h1", "description", "sitename", "article_body"):
        setattr(meta, name, guard.restore(getattr(meta, name)))
    for name in ("authors", "tags", "categories"):
        setattr(meta, name, guard.restore_all(getattr(meta, name)))
    return meta


def _with_meta(result: Extraction, meta: PageMeta) -> Extraction:
    result.title = meta.title
    result.authors = meta.authors
    result.description = meta.description
    result.tags = meta.tags
    result.categories = meta.categories
    result.image = meta.image
    result.canonical_url = meta.canonical_url
    result.sitename = meta.sitename
    result.page_language = meta.page_language
    result.article_evidence = article_evidence(meta)
    return result


def _extract(html: str, url: str | None, budget: Budget) -> Extraction:
    with deadline(budget.seconds) as dl:
        html = check_size(html, budget)
        guard = ZeroWidthGuard.for_text(html)
        tree = load_html(guard.protect(html))
        if tree is None:
            return Extraction(status="extraction_failed", reason="unparseable HTML")
        check_tree(tree, budget)
        meta = _restore_meta(read_metadata(tree, url), guard)
        drop_comment_containers(tree)
        title = guard.protect(meta.title or "")
        lines = _trafilatura_lines(tree, meta.article_body)
        lines = second_opinion(tree, lines).lines
        lines = with_lead(lines, recover_lead(tree, guard.protect(meta.description or ""), lines, title), title)
        for line in lines:  # the filter's lexicon needs the real joiners back
            line.text = guard.restore(line.text) or ""
        dl.check("trafilatura")
        declared = meta.article_body
        if not declared and lines_weight(lines) < RETRY_BELOW_WORDS:
            declared = guard.restore(payload_text(tree))
        result = _with_meta(Extraction(status="ok"), meta)
        if not lines and not declared:
            result.status, result.reason = "empty", "no article text found"
            return result
        consulted = consult(lines, declared)
        filtered = filter_lines(consulted.lines)
        result.text = filtered.text
        result.removed_chars = filtered.removed_chars
        if consulted.action == "trimmed":
            result.removed_chars += sum(len(line.text) for line in consulted.removed)
        verdict = classify_page(tree, meta, filtered.kept, url, [line.text for line, _ in filtered.removed])
        result.shape = page_shape(tree, filtered.kept)
        if verdict is not None:
            result.status, result.reason = verdict.status, verdict.reason
        dl.check("post-filter")
        return result


def extract_html(html: str, url: str | None = None, *, budget: Budget = DEFAULT_BUDGET) -> Extraction:
    """Extract the article body and metadata from one decoded HTML page; never raises."""
    try:
        return _extract(html, url, budget)
    except BudgetExceeded as err:
        return Extraction(status="extraction_failed", reason=str(err))
    except TimeBudgetExceeded as err:
        return Extraction(status="extraction_failed", reason=str(err))
    except RecursionError:
        return Extraction(status="extraction_failed", reason="document nested too deeply")
    except Exception as err:  # a library bug on a strange page must not stop the crawl
        LOGGER.warning("extraction failed on %s: %r", url, err)
        return Extraction(status="extraction_failed", reason=f"error: {type(err).__name__}: {err}"[:300])


_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)


def decode_bytes(html_bytes: bytes) -> str:
    """Decode a page: UTF-8, else the charset its <meta> declares, else latin-1."""
    try:
        return html_bytes.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET_RE.search(html_bytes[:4096])
    if match:
        try:
            return html_bytes.decode(match.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return html_bytes.decode("latin-1")


#: Extraction statuses whose text is archived as an article.
ARTICLE_STATUSES = ("ok", "paywalled")


def extract_text(html_bytes: bytes, url: str | None) -> str:
    """Evaluation entry point: the text the crawler would archive for a page ("" when it archives none)."""
    result = extract_html(decode_bytes(html_bytes), url)
    return result.text if result.status in ARTICLE_STATUSES else ""


__all__ = ["ARTICLE_STATUSES", "Budget", "Extraction", "decode_bytes", "extract_html", "extract_text"]
