"""The archive's single writer: every row the crawler produces goes through `Archive`."""

from __future__ import annotations

import gzip
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, Literal

from sqlite_utils import Database

from .duplicates import record as record_near_duplicates
from .errors import ArchiveError
from .schema import migrate
from .searchform import search_form
from .timeutil import isoformat

SaveOutcome = Literal["new", "updated", "unchanged"]

BUSY_TIMEOUT_MS = 30_000
_JSON_LIST_FIELDS = ("authors", "tags", "categories")


def content_hash(title: str | None, text: str | None) -> str:
    """The digest that decides whether an article changed."""
    return hashlib.sha256(f"{title or ''}\n{text or ''}".encode()).hexdigest()


def word_count(text: str | None) -> int:
    """Whitespace-separated words in `text`."""
    return len((text or "").split())


def compress_body(body: bytes) -> bytes:
    """Raw bodies are stored gzip-compressed (mtime 0, so equal bodies give equal blobs)."""
    return gzip.compress(body, compresslevel=6, mtime=0)


def decompress_body(blob: bytes | None) -> bytes:
    """The raw body of a capture row."""
    return gzip.decompress(blob) if blob else b""


def connect(path: str | Path, *, readonly: bool = False) -> Database:
    """Open an archive database in WAL mode with a busy timeout."""
    path = Path(path)
    if readonly and not path.exists():
        raise ArchiveError(f"{path}: no such archive")
    if path.exists() and path.is_dir():
        raise ArchiveError(f"{path}: is a directory, not an archive file")
    try:
        if readonly:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        else:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(f"{path}: not a newsarchive archive ({exc})") from None
    return Database(conn)


class Archive:
    """One archive file: open it, then read and write articles, captures, runs and the frontier."""

    def __init__(self, path: str | Path, *, readonly: bool = False, upgrade: bool = True, create: bool = True):
        """Open (creating and migrating unless `readonly`; `upgrade=False` opens an existing file as is;
        `create=False` refuses a file that does not exist yet)."""
        self.path = Path(path)
        self.readonly = readonly
        if not self.path.parent.is_dir():
            raise ArchiveError(f"{self.path}: no such directory {self.path.parent}")
        if (not upgrade or not create) and not self.path.exists():
            raise ArchiveError(f"{self.path}: no such archive")
        self.db = connect(self.path, readonly=readonly)
        if readonly or not upgrade:
            if not self.db.table("articles").exists():
                raise ArchiveError(f"{self.path}: not a newsarchive archive (no articles table)")
        else:
            try:
                migrate(self.db)
            except sqlite3.DatabaseError as exc:
                raise ArchiveError(f"{self.path}: cannot prepare the archive ({exc})") from None

    def close(self) -> None:
        """Checkpoint the WAL back into the main file and close."""
        if not self.readonly:
            with suppress(sqlite3.DatabaseError):
                self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.db.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """All writes inside commit together or not at all."""
        with self.db.atomic():
            yield self.db

    # -- sources and runs ---------------------------------------------------------------------

    def upsert_sources(self, sources: Iterable[dict[str, Any]]) -> None:
        """Record the configured sources (name, url, language, timezone, calendar, config)."""
        now = isoformat()
        rows = []
        for source in sources:
            row = dict(source)
            row["config"] = json.dumps(row.get("config") or {}, ensure_ascii=False, sort_keys=True)
            row["updated"] = now
            rows.append(row)
        with self.transaction():
            for row in rows:
                existing = self.db.table("sources").count_where("name = ?", [row["name"]])
                if not existing:
                    row["added"] = now
                self.db.table("sources").upsert(row, pk="name")

    def close_abandoned_runs(self) -> int:
        """Mark runs left 'running' by a process that died (call only while holding the crawl lock)."""
        with self.transaction():
            cursor = self.db.execute("UPDATE crawl_runs SET status = 'killed' WHERE status = 'running'")
            return cursor.rowcount

    def start_run(self, sources: list[str]) -> int:
        """Open a crawl_runs row and return its id."""
        with self.transaction():
            table = self.db.table("crawl_runs")
            table.insert({"started": isoformat(), "status": "running",
                          "sources": json.dumps(sources, ensure_ascii=False)})
            return int(table.last_pk or 0)

    def finish_run(self, run_id: int, status: str, totals: dict[str, int],
                   per_source: dict[str, dict[str, int]], error: str | None = None) -> None:
        """Close a crawl_runs row with its statistics."""
        row: dict[str, Any] = {"finished": isoformat(), "status": status, "error": error,
                               "per_source": json.dumps(per_source, ensure_ascii=False, sort_keys=True)}
        row.update(totals)
        with self.transaction():
            self.db.table("crawl_runs").update(run_id, row)

    # -- captures and articles ----------------------------------------------------------------

    def _insert_capture(self, capture: dict[str, Any]) -> int:
        row = dict(capture)
        body: bytes = row.pop("body", b"") or b""
        row["headers"] = json.dumps(row.get("headers") or {}, ensure_ascii=False)
        row["size"] = len(body)
        row["body_sha256"] = hashlib.sha256(body).hexdigest()
        row["body"] = compress_body(body)
        row["body_encoding"] = "gzip"
        table = self.db.table("captures")
        table.insert(row)
        self._keep_validators(capture)
        return int(table.last_pk or 0)

    def add_capture(self, capture: dict[str, Any]) -> int:
        """Store one fetch that produced no article (a listing, a failure, a non-article)."""
        with self.transaction():
            return self._insert_capture(capture)

    def save_article(self, article: dict[str, Any], capture: dict[str, Any]) -> SaveOutcome:
        """Store a capture and its article in one transaction; keep a revision when it changed.

        An article marked `variant` (a print or AMP copy of a page that names another URL as
        canonical) is stored only if that page is not archived yet; it never replaces its text.
        """
        with self.transaction():
            capture_id = self._insert_capture(capture)
            return self._upsert_article(article, capture_id, capture.get("fetched") or isoformat())

    def reextracted(self, article: dict[str, Any], capture_id: int, fetched: str) -> SaveOutcome:
        """Store an article re-extracted from an archived capture (no new fetch, no new capture)."""
        with self.transaction():
            return self._upsert_article(article, capture_id, fetched, changed=isoformat())

    def _upsert_article(self, article: dict[str, Any], capture_id: int, seen: str,
                        changed: str | None = None) -> SaveOutcome:
        row = dict(article)
        variant = bool(row.pop("variant", False))
        for key in _JSON_LIST_FIELDS:
            row[key] = json.dumps(list(row.get(key) or []), ensure_ascii=False)
        if isinstance(row.get("date_evidence"), dict | list):
            row["date_evidence"] = json.dumps(row["date_evidence"], ensure_ascii=False)
        row["content_hash"] = content_hash(row.get("title"), row.get("text"))
        row["word_count"] = word_count(row.get("text"))
        row["capture_id"] = capture_id
        row["last_seen"] = seen
        articles = self.db.table("articles")
        existing = next(articles.rows_where("url = ?", [row["url"]], limit=1), None)
        if existing is None and row.get("url_key"):
            existing = next(articles.rows_where("url_key = ?", [row["url_key"]], limit=1), None)
        if existing is None:
            row["first_seen"] = seen
            row["last_changed"] = changed or seen
            articles.insert(row)
            article_id = int(articles.last_pk or 0)
            self._index(article_id, row)
            return "new"
        article_id = existing["id"]
        same_source = row.get("source_hash") is not None and existing.get("source_hash") == row["source_hash"]
        if existing["content_hash"] == row["content_hash"] or variant or (same_source and changed is None):
            articles.update(article_id, {"last_seen": seen, "capture_id": capture_id})
            return "unchanged"
        self.db.table("revisions").insert({
            "article_id": article_id, "url": existing["url"], "title": existing["title"],
            "text": existing["text"], "content_hash": existing["content_hash"],
            "capture_id": existing["capture_id"],
            "first_seen": existing["last_changed"] or existing["first_seen"], "replaced": changed or seen,
        })
        row["last_changed"] = changed or seen
        row.pop("first_seen", None)
        row["url"] = existing["url"]  # the first canonical spelling stays the article's identity
        articles.update(article_id, row)
        self._index(article_id, row)
        return "updated"

    def stored_url(self, url: str, url_key: str | None = None) -> str:
        """The URL under which an article is archived (the first spelling seen), or `url` itself."""
        row = self.db.execute("SELECT url FROM articles WHERE url = ? OR (? IS NOT NULL AND url_key = ?) "
                              "ORDER BY url = ? DESC LIMIT 1", [url, url_key, url_key, url]).fetchone()
        return str(row[0]) if row else url

    def touch(self, url: str, seen: str) -> None:
        """Record that an archived article was seen again unchanged (a 304 answer)."""
        self.db.execute("UPDATE articles SET last_seen = ? WHERE url = ?", [seen, url])

    def _index(self, article_id: int, row: dict[str, Any]) -> None:
        self.db.execute("DELETE FROM articles_fts WHERE rowid = ?", [article_id])
        self.db.execute(
            "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
            [article_id, search_form(row.get("title") or ""), search_form(row.get("text") or "")],
        )
        record_near_duplicates(self.db, article_id, row.get("text"))

    # -- HTTP validators for conditional requests ----------------------------------------------

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """(ETag, Last-Modified) stored for `url` by an earlier fetch."""
        row = self.db.execute("SELECT etag, last_modified FROM http_validators WHERE url = ?", [url]).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def _keep_validators(self, capture: dict[str, Any]) -> None:
        """Remember a 200 response's ETag/Last-Modified, in the capture's own transaction."""
        if capture.get("status") != 200:
            return
        headers = {k.lower(): v for k, v in (capture.get("headers") or {}).items()}
        etag, last_modified = headers.get("etag"), headers.get("last-modified")
        if etag or last_modified:
            self.db.table("http_validators").upsert(
                {"url": capture["url"], "etag": etag, "last_modified": last_modified, "updated": isoformat()},
                pk="url")
