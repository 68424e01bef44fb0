"""Find an article's near-duplicates among everything archived, and keep its group's original up to date.

Candidates come from LSH: an article's MinHash is cut into bands and each band's key is looked up in
`near_duplicate_bands` (one index seek per band, whatever the archive's size). Each candidate is then
compared exactly (Jaccard of the shingle sets); those at or above the threshold are stored in
`near_duplicates` and join the article's group. `articles.duplicate_of` holds the URL of the group's
earliest article (by publication time, else first seen), null for that original and for articles
without copies; `articles.copies` counts the other articles of the group.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlite_utils import Database

from ..errors import ArchiveError, ConfigError
from ..timeutil import isoformat
from .signature import Layout, band_keys, jaccard, minhash, pack_keys, shingles, unpack_keys

DEFAULT_THRESHOLD = 0.8
MIN_THRESHOLD, MAX_THRESHOLD = 0.5, 1.0
#: The chance that a pair exactly at the threshold shares no band (and is missed) is at most this.
MISS_AT_THRESHOLD = 0.005
MAX_ROWS, MAX_BANDS = 7, 32


@dataclass(frozen=True)
class Settings:
    """The archive's near-duplicate settings (one row of near_duplicate_settings)."""

    threshold: float = DEFAULT_THRESHOLD
    layout: Layout = Layout()


def band_layout(threshold: float) -> tuple[int, int]:
    """(bands, rows): the most rows per band (fewest false candidates) for which at most MAX_BANDS bands
    give a pair of similarity `threshold` a chance of at least 1 - MISS_AT_THRESHOLD to share a band."""
    for rows in range(MAX_ROWS, 1, -1):
        hit = threshold ** rows
        bands = 1 if hit >= 1 else math.ceil(math.log(MISS_AT_THRESHOLD) / math.log(1 - hit))
        if bands <= MAX_BANDS:
            return bands, rows
    return MAX_BANDS, 2


def check_threshold(threshold: float) -> float:
    """`threshold` if it is usable, else a one-line ConfigError."""
    if not MIN_THRESHOLD <= threshold <= MAX_THRESHOLD:
        raise ConfigError(f"near-duplicate threshold {threshold}: must be between {MIN_THRESHOLD} and {MAX_THRESHOLD}")
    return threshold


def settings(db: Database) -> Settings:
    """The stored settings, or the defaults when the archive has none yet."""
    row = db.execute("SELECT threshold, shingle, bands, rows, seed, min_words FROM near_duplicate_settings "
                     "WHERE id = 1").fetchone()
    if row is None:
        bands, rows = band_layout(DEFAULT_THRESHOLD)
        return Settings(DEFAULT_THRESHOLD, replace(Layout(), bands=bands, rows=rows))
    threshold, shingle, bands, rows, seed, min_words = row
    return Settings(threshold, Layout(shingle=shingle, bands=bands, rows=rows, seed=seed, min_words=min_words))


def stored_settings(db: Database) -> Settings:
    """The stored settings, storing the defaults first if there are none (call from a writer)."""
    if db.execute("SELECT 1 FROM near_duplicate_settings WHERE id = 1").fetchone() is None:
        return configure(db, DEFAULT_THRESHOLD)
    return settings(db)


def configure(db: Database, threshold: float) -> Settings:
    """Store a new threshold (and the band layout it needs); existing relations are then stale until rebuilt."""
    bands, rows = band_layout(check_threshold(threshold))
    chosen = Settings(threshold, replace(settings(db).layout, bands=bands, rows=rows))
    layout = chosen.layout
    db.table("near_duplicate_settings").upsert(
        {"id": 1, "threshold": threshold, "shingle": layout.shingle, "bands": layout.bands, "rows": layout.rows,
         "seed": layout.seed, "min_words": layout.min_words}, pk="id")
    return chosen


def require_relation(db: Database) -> None:
    """Refuse, in one line, an archive written before near-duplicates were kept (opened read-only)."""
    if not db.table("near_duplicates").exists():
        raise ArchiveError("this archive predates near-duplicate detection: run `newsarchive duplicates --rebuild` "
                           "once to add it")


@dataclass(frozen=True)
class Match:
    """An earlier article found similar enough."""

    other: int
    similarity: float


def _forget(db: Database, article_id: int) -> None:
    """Take out an article's band keys and the pairs it found (a new version is compared afresh)."""
    row = db.execute("SELECT keys FROM near_duplicate_keys WHERE article = ?", [article_id]).fetchone()
    if row is not None:
        db.conn.executemany("DELETE FROM near_duplicate_bands WHERE key = ? AND article = ?",
                            [(key, article_id) for key in unpack_keys(row[0])])
        db.execute("DELETE FROM near_duplicate_keys WHERE article = ?", [article_id])
    db.execute("DELETE FROM near_duplicates WHERE article = ?", [article_id])


def candidates(db: Database, keys: list[int], exclude: int) -> list[int]:
    """Articles sharing at least one band key (one index seek per key)."""
    marks = ", ".join("?" * len(keys))
    rows = db.execute(f"SELECT DISTINCT article FROM near_duplicate_bands WHERE key IN ({marks}) AND article != ?",
                      [*keys, exclude]).fetchall()
    return [r[0] for r in rows]


def record(db: Database, article_id: int, text: str | None, *, config: Settings | None = None,
           found: str | None = None) -> list[Match]:
    """Compare a new or changed article with the archive, store what matched and regroup; call inside
    the transaction that wrote the article."""
    config = config or stored_settings(db)
    layout = config.layout
    _forget(db, article_id)
    items = shingles(text, layout)
    matches: list[Match] = []
    if items:
        keys = band_keys(minhash(items, layout), layout)
        for other in candidates(db, keys, article_id):
            other_text = db.execute("SELECT text FROM articles WHERE id = ?", [other]).fetchone()
            if other_text is None:
                continue
            similarity = jaccard(items, shingles(other_text[0], layout))
            if similarity >= config.threshold:
                matches.append(Match(other, round(similarity, 4)))
        db.conn.executemany("INSERT OR IGNORE INTO near_duplicate_bands (key, article) VALUES (?, ?)",
                            [(key, article_id) for key in keys])
        db.execute("INSERT INTO near_duplicate_keys (article, keys) VALUES (?, ?)", [article_id, pack_keys(keys)])
    if matches:
        when = found or isoformat()
        db.conn.executemany("INSERT INTO near_duplicates (article, other, similarity, found) VALUES (?, ?, ?, ?)",
                            [(article_id, m.other, m.similarity, when) for m in matches])
    _regroup(db, article_id, matches)
    return matches


def _time_key(published: str | None, first_seen: str | None) -> str:
    """A UTC sort key: the publication time when it parses, else when the archive first saw the article."""
    for value in (published, first_seen):
        if not value:
            continue
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            continue
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC).isoformat()
    return "9999"


def _earliest(db: Database, urls: Iterable[str]) -> str:
    """The URL, among `urls`, of the article published (else first seen) first; ties by id."""
    wanted = list(dict.fromkeys(urls))
    marks = ", ".join("?" * len(wanted))
    rows = db.execute(f"SELECT url, published, first_seen, id FROM articles WHERE url IN ({marks})", wanted)
    return str(min(rows, key=lambda r: (_time_key(r[1], r[2]), r[3]))[0])


def _recount(db: Database, root: str) -> None:
    """Every member of the group of `root` gets the number of other members."""
    count = db.execute("SELECT count(*) FROM articles WHERE duplicate_of = ?", [root]).fetchone()[0]
    db.execute("UPDATE articles SET copies = ? WHERE url = ? OR duplicate_of = ?", [count, root, root])


def _regroup(db: Database, article_id: int, matches: list[Match]) -> None:
    url, duplicate_of = db.execute("SELECT url, duplicate_of FROM articles WHERE id = ?", [article_id]).fetchone()
    if not matches:
        still_matched = db.execute("SELECT 1 FROM near_duplicates WHERE other = ? LIMIT 1", [article_id]).fetchone()
        if duplicate_of is not None and still_matched is None:  # a changed text left its group
            db.execute("UPDATE articles SET duplicate_of = NULL, copies = 0 WHERE id = ?", [article_id])
            _recount(db, duplicate_of)
        return
    ids = [m.other for m in matches]
    marks = ", ".join("?" * len(ids))
    roots = {duplicate_of or url}
    roots |= {r[1] or r[0] for r in db.execute(f"SELECT url, duplicate_of FROM articles WHERE id IN ({marks})", ids)}
    original = _earliest(db, roots)
    root_marks = ", ".join("?" * len(roots))
    db.execute(f"UPDATE articles SET duplicate_of = ? WHERE (duplicate_of IN ({root_marks}) OR url IN ({root_marks}))"
               " AND url != ?", [original, *roots, *roots, original])
    db.execute("UPDATE articles SET duplicate_of = NULL WHERE url = ?", [original])
    _recount(db, original)


#: Called with the number of articles just compared.
Progress = Callable[[int], None]


def rebuild(db: Database, *, threshold: float | None = None, batch: int = 500,
            progress: Progress | None = None) -> int:
    """Recompute every relation from the archived texts, in the order they were archived; return the
    number of articles in a group. `threshold` replaces the stored one."""
    with db.atomic():
        config = configure(db, threshold if threshold is not None else settings(db).threshold)
        for table in ("near_duplicates", "near_duplicate_bands", "near_duplicate_keys"):
            db.execute(f"DELETE FROM {table}")
        db.execute("UPDATE articles SET duplicate_of = NULL, copies = 0 WHERE duplicate_of IS NOT NULL OR copies != 0")
    ids = [r[0] for r in db.execute("SELECT id FROM articles ORDER BY first_seen, id")]
    for start in range(0, len(ids), batch):
        chunk = ids[start:start + batch]
        with db.atomic():
            for article_id in chunk:
                (text,) = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
                record(db, article_id, text, config=config)
        if progress is not None:
            progress(len(chunk))
    return int(db.execute("SELECT count(*) FROM articles WHERE copies > 0").fetchone()[0])

