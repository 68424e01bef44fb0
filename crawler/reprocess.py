"""Re-extract archived captures with the current extractor, fetching nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from archive.boilerplate import learned_lines
from archive.store import Archive, decompress_body

from .article import PageContext, process_page
from .sources import Source

# Capture outcomes worth another extraction attempt besides the captures articles point at.
RETRY_OUTCOMES = ("empty", "extraction_failed", "encoding_error", "not_article")


@dataclass
class ReprocessCounts:
    """What a reprocess run did."""

    seen: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)

    def add(self, outcome: str) -> None:
        self.seen += 1
        self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1


def reprocess_candidates(archive: Archive, source: str | None, since: str | None) -> Iterator[dict[str, Any]]:
    """The latest capture of each archived article, and failed extractions with no article yet."""
    where, params = ["1 = 1"], []
    if source:
        where.append("c.source = ?")
        params.append(source)
    if since:
        where.append("c.fetched >= ?")
        params.append(since)
    outcomes = ", ".join(f"'{o}'" for o in RETRY_OUTCOMES)
    sql = (f"SELECT c.* FROM captures c WHERE {' AND '.join(where)} AND ("
           f"c.id IN (SELECT capture_id FROM articles) OR (c.outcome IN ({outcomes}) "
           f"AND c.final_url NOT IN (SELECT url FROM articles))) ORDER BY c.id")
    for row in archive.db.query(sql, params):
        yield dict(row)


def _context(row: dict[str, Any], sources: dict[str, Source], learned: dict[str, frozenset[str]]) -> PageContext:
    """The context the crawl built for this capture: its source's, with the capture's headers and time."""
    return PageContext.for_source(sources.get(row["source"]), row["final_url"] or row["url"],
                                  json.loads(row.get("headers") or "{}"),
                                  fetched_at=datetime.fromisoformat(row["fetched"]),
                                  learned=learned.get(row["source"], ()))


def reprocess(archive: Archive, *, source: str | None = None, since: str | None = None,
              progress: Any = None) -> ReprocessCounts:
    """Re-extract captures and update their articles (a changed text keeps a revision)."""
    sources = {r["name"]: Source.from_record(r) for r in archive.db.table("sources").rows}
    learned = {name: frozenset(learned_lines(archive.db, name)) for name in sources}
    counts = ReprocessCounts()
    rows = list(reprocess_candidates(archive, source, since))
    for row in rows:
        page = process_page(decompress_body(row["body"]), _context(row, sources, learned))
        if page.article is None:
            counts.add("still_" + page.status)
        else:
            existing = archive.db.execute("SELECT published FROM articles WHERE url = ?",
                                          [page.article["url"]]).fetchone()
            if existing and existing[0] and not page.article.get("published"):
                page.article["published"] = existing[0]  # a feed date the capture alone cannot show
            counts.add(archive.reextracted(page.article, row["id"], row["fetched"]))
        if progress is not None:
            progress(1)
    return counts
