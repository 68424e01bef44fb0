"""An article's versions and readable diffs between them."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from .errors import NewsarchiveError
from .urls import canonicalize, site_key

_SENTENCE_END = re.compile(r"(?<=[.!?؟۔])\s+")


@dataclass
class Version:
    """One version of an article: the current row or a revision."""

    seen_from: str
    seen_until: str | None
    title: str
    text: str
    capture_id: int | None


def find_article(db: Database, url: str) -> dict[str, Any]:
    """The article for a URL as the user typed it (any spelling of the canonical URL)."""
    for sql, value in (("url = ?", url), ("url = ?", canonicalize(url)), ("url_key = ?", site_key(url))):
        row = next(db.table("articles").rows_where(sql, [value], limit=1), None)
        if row:
            return dict(row)
    raise NewsarchiveError(f"no archived article has the URL {url}")


def versions(db: Database, article: dict[str, Any]) -> list[Version]:
    """Oldest first: every revision, then the current text."""
    rows = db.execute("SELECT first_seen, replaced, title, text, capture_id FROM revisions "
                      "WHERE article_id = ? ORDER BY id", [article["id"]]).fetchall()
    out = [Version(first, replaced, title or "", text or "", capture) for first, replaced, title, text, capture in rows]
    out.append(Version(article.get("last_changed") or article["first_seen"], None, article["title"] or "",
                       article["text"] or "", article["capture_id"]))
    return out


def _lines(version: Version) -> list[str]:
    """A version split into title and sentences, so a diff shows what changed readably."""
    sentences = [s for para in version.text.splitlines() for s in _SENTENCE_END.split(para) if s.strip()]
    return [f"# {version.title}", *sentences]


def diff(old: Version, new: Version) -> list[str]:
    """A unified diff between two versions, sentence by sentence."""
    return list(difflib.unified_diff(_lines(old), _lines(new), fromfile=old.seen_from, tofile=new.seen_from,
                                     lineterm="", n=1))
