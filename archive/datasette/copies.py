"""The near-duplicate copies an article page lists: the other articles of its group, with their sources."""

from __future__ import annotations

import sqlite3
from dataclasses import asdict
from typing import Any

from datasette.utils import tilde_decode
from sqlite_utils import Database

from archive.duplicates import group_of


def copies_of(conn: sqlite3.Connection, article_id: int) -> list[dict[str, Any]]:
    """The other members of the article's group, original first: id, url, source, title, published, original
    (bool) and the similarity to this article (None when they were grouped through another member); []
    when it has none or the archive keeps no near-duplicates yet."""
    db = Database(conn)
    if not db.table("near_duplicates").exists():
        return []
    row = conn.execute("SELECT url FROM articles WHERE id = ?", [article_id]).fetchone()
    cluster = group_of(db, row[0]) if row else None
    if cluster is None:
        return []
    direct = dict(conn.execute("SELECT other, similarity FROM near_duplicates WHERE article = ? UNION ALL "
                               "SELECT article, similarity FROM near_duplicates WHERE other = ?",
                               [article_id, article_id]).fetchall())
    return [{**asdict(member), "similarity": direct.get(member.id), "original": member is cluster.original}
            for member in cluster.members if member.id != article_id]


async def article_copies(datasette: Any, database: str, request: Any) -> dict[str, Any]:
    """Template variables of an article page: `near_copies`."""
    try:
        article_id = int(tilde_decode(request.url_vars["pks"]))
    except (KeyError, ValueError):
        return {}
    db = datasette.get_database(database)
    return {"near_copies": await db.execute_fn(lambda conn: copies_of(conn, article_id))}
