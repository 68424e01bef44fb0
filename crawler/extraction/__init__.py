"""Article extraction: trafilatura plus a boilerplate post-filter, and page metadata."""

from __future__ import annotations

from dataclasses import dataclass, field

import trafilatura


@dataclass
class Extraction:
    """What extraction found in one HTML page."""

    status: str  # ok | not_article | empty | extraction_failed
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


def extract_html(html: str, url: str | None = None) -> Extraction:
    """Extract the article body and metadata from one decoded HTML page."""
    doc = trafilatura.bare_extraction(html, url=url, include_comments=False, with_metadata=True)
    if doc is None or not doc.text:
        return Extraction(status="empty", reason="no article text found")
    return Extraction(
        status="ok",
        text=doc.text,
        title=doc.title,
        authors=[a.strip() for a in (doc.author or "").split(";") if a.strip()],
        description=doc.description,
        tags=list(doc.tags or []),
        categories=list(doc.categories or []),
        image=doc.image,
        canonical_url=doc.url,
        sitename=doc.sitename,
    )
