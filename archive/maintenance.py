"""Checking an archive's integrity and taking consistent snapshots of a live one."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from .errors import ArchiveError
from .store import decompress_body


def check_archive(db: Database) -> list[str]:
    """Every problem found: SQLite integrity, FTS integrity and coverage, capture digests, orphan rows."""
    problems = []
    result = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
    if result != ["ok"]:
        problems += [f"integrity: {line}" for line in result[:20]]
    try:
        db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as exc:
        problems.append(f"full-text index: {exc}")
    missing = db.execute("SELECT count(*) FROM articles WHERE id NOT IN (SELECT rowid FROM articles_fts)").fetchone()[0]
    if missing:
        problems.append(f"full-text index: {missing} articles are not indexed")
    extra = db.execute("SELECT count(*) FROM articles_fts WHERE rowid NOT IN (SELECT id FROM articles)").fetchone()[0]
    if extra:
        problems.append(f"full-text index: {extra} index rows have no article")
    for table, column in (("articles", "capture_id"), ("revisions", "capture_id"), ("revisions", "article_id")):
        parent = "articles" if column == "article_id" else "captures"
        orphans = db.execute(f"SELECT count(*) FROM {table} WHERE {column} IS NOT NULL AND {column} NOT IN "
                             f"(SELECT id FROM {parent})").fetchone()[0]
        if orphans:
            problems.append(f"orphans: {orphans} {table} rows point at missing {parent}")
    no_capture = db.execute("SELECT count(*) FROM articles WHERE capture_id IS NULL").fetchone()[0]
    if no_capture:
        problems.append(f"orphans: {no_capture} articles have no capture")
    for capture_id, blob, digest, size in db.execute(
            "SELECT id, body, body_sha256, size FROM captures WHERE body_sha256 IS NOT NULL"):
        try:
            body = decompress_body(blob)
        except (OSError, EOFError) as exc:
            problems.append(f"capture {capture_id}: body does not decompress ({exc})")
            continue
        if hashlib.sha256(body).hexdigest() != digest or len(body) != size:
            problems.append(f"capture {capture_id}: body does not match its sha256")
    return problems


def backup_archive(db: Database, output: Path) -> None:
    """A consistent snapshot of a (possibly live) archive through SQLite's backup API."""
    if output.exists():
        raise ArchiveError(f"{output}: already exists; not overwriting")
    partial = output.with_name(output.name + ".partial")
    try:
        target = sqlite3.connect(partial)
        with target:
            db.conn.backup(target, pages=1024)
        target.execute("PRAGMA journal_mode = DELETE")
        target.close()
        partial.rename(output)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise ArchiveError(f"{output}: backup failed ({exc})") from None
