"""Full-text search over the archive, through the same search form the index was built on."""

from __future__ import annotations

import re
from typing import Any

from sqlite_utils import Database

from .searchform import fts_query, search_form

SNIPPET_CHARS = 200


def snippet(text: str, query: str, width: int = SNIPPET_CHARS) -> str:
    """A passage of the text as published around the first line that matches a query term."""
    terms = [t for t in re.findall(r"\w+", search_form(query)) if len(t) > 1]
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    for line in lines:
        form = search_form(line)
        if any(t in form for t in terms):
            return line if len(line) <= width else line[:width].rsplit(" ", 1)[0] + " …"
    first = lines[0] if lines else ""
    return first if len(first) <= width else first[:width].rsplit(" ", 1)[0] + " …"


def search_articles(db: Database, query: str, *, sources: list[str] | None = None, limit: int = 20,
                    since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
    """Articles matching `query`, best first: url, title, published, source, snippet."""
    match = fts_query(query)
    if not match:
        return []
    where = ["articles_fts MATCH :match"]
    params: dict[str, Any] = {"match": match, "limit": limit}
    if sources:
        names = {f"s{i}": name for i, name in enumerate(sources)}
        where.append(f"a.source IN ({', '.join(':' + k for k in names)})")
        params.update(names)
    if since:
        where.append("a.published >= :since")
        params["since"] = since
    if until:
        where.append("a.published < :until")
        params["until"] = until
    sql = (
        "SELECT a.url, a.title, a.published, a.source, a.language, a.text FROM articles_fts "
        "JOIN articles a ON a.id = articles_fts.rowid "
        f"WHERE {' AND '.join(where)} ORDER BY bm25(articles_fts, 5.0, 1.0) LIMIT :limit"
    )
    rows = db.execute(sql, params).fetchall()
    return [{"url": url, "title": title, "published": published, "source": source, "language": language,
             "snippet": snippet(text, query)} for url, title, published, source, language, text in rows]
