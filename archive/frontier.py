"""The crawl frontier kept in the archive, so a killed run is completed by the next one."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from .timeutil import isoformat

PENDING, DONE, FAILED, BLOCKED = "pending", "done", "failed", "blocked"


class Frontier:
    """Discovered URLs and what became of them; every change is committed at once."""

    def __init__(self, db: Database):
        self.db = db

    def add(self, source: str, entries: Iterable[dict[str, Any]], run_id: int | None = None) -> int:
        """Record newly discovered URLs as pending (known ones are left alone); return how many were new."""
        now = isoformat()
        rows = [
            {"url": e["url"], "source": source, "kind": e.get("kind", "article"),
             "depth": e.get("depth", 0), "hint_date": e.get("hint_date"), "discovered": now,
             "run_id": run_id, "state": PENDING, "attempts": 0, "updated": now}
            for e in entries
        ]
        if not rows:
            return 0
        with self.db.atomic():
            before = self.db.execute("SELECT total_changes()").fetchone()[0]
            self.db.table("frontier").insert_all(rows, pk="url", ignore=True)
            after = self.db.execute("SELECT total_changes()").fetchone()[0]
        return int(after - before)

    def requeue(self, urls: Iterable[str]) -> None:
        """Make already-known URLs pending again (revisits)."""
        now = isoformat()
        with self.db.atomic():
            for url in urls:
                self.db.execute(
                    "UPDATE frontier SET state = ?, updated = ? WHERE url = ?", [PENDING, now, url]
                )

    def pending(self, source: str) -> list[dict[str, Any]]:
        """URLs of `source` discovered but not yet fetched or failed, oldest first."""
        return list(self.db.table("frontier").rows_where(
            "source = ? AND state = ?", [source, PENDING], order_by="discovered, rowid"))

    def states(self, urls: Iterable[str]) -> dict[str, str]:
        """The frontier state of each given URL that the frontier knows."""
        out: dict[str, str] = {}
        for url in urls:
            row = self.db.execute("SELECT state FROM frontier WHERE url = ?", [url]).fetchone()
            if row:
                out[url] = row[0]
        return out

    def mark(self, url: str, state: str, error: str | None = None, article_url: str | None = None) -> None:
        """Record the outcome of fetching `url` (and the canonical URL of the article it gave)."""
        with self.db.atomic():
            self.db.execute(
                "UPDATE frontier SET state = ?, error = ?, attempts = attempts + 1, updated = ?, "
                "article_url = coalesce(?, article_url) WHERE url = ?",
                [state, error, isoformat(), article_url, url])

    def article_of(self, url: str) -> str | None:
        """The canonical URL of the article a fetched URL gave, if any."""
        row = self.db.execute("SELECT article_url FROM frontier WHERE url = ?", [url]).fetchone()
        return row[0] if row else None

    def archived(self, source: str) -> dict[str, tuple[str, str]]:
        """Fetched URL -> (first_seen, last_seen) of the article it gave, for one source."""
        rows = self.db.execute(
            "SELECT f.url, a.first_seen, a.last_seen FROM frontier f JOIN articles a ON a.url = f.article_url "
            "WHERE f.source = ? AND f.state = 'done'", [source])
        return {url: (first, last) for url, first, last in rows.fetchall()}

    def counts(self, source: str | None = None) -> dict[str, int]:
        """How many frontier URLs are in each state."""
        where, params = ("WHERE source = ?", [source]) if source else ("", [])
        rows = self.db.execute(f"SELECT state, count(*) FROM frontier {where} GROUP BY state", params)
        return {state: n for state, n in rows.fetchall()}
