"""Per-source boilerplate learned from the archive: lines that recur across many of a source's articles.

Each new article's lines (normalised to keys by the crawler) are counted once per article. A line
found in at least MIN_COUNT articles and MIN_SHARE of all the source's counted articles is learned
and removed from new and re-extracted articles. Lines seen fewer than MIN_COUNT times and not for
the last WINDOW articles are forgotten, so the table stays small however large the archive grows.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

MIN_COUNT = 5
MIN_SHARE = 0.3
WINDOW = 1000


@dataclass(frozen=True)
class LearnedLine:
    """One recurring line of a source, as `newsarchive boilerplate` shows it."""

    example: str
    count: int
    share: float
    learned: bool


def threshold(articles: int) -> float:
    """How many articles a line must recur in to be learned."""
    return max(MIN_COUNT, MIN_SHARE * articles)


def record_lines(db: Database, source: str, lines: dict[str, str]) -> int:
    """Count one new article's distinct line keys (key -> example line); return the source's article count."""
    db.execute("INSERT INTO boilerplate_sources (source, articles) VALUES (?, 1) "
               "ON CONFLICT(source) DO UPDATE SET articles = articles + 1", [source])
    articles = int(db.execute("SELECT articles FROM boilerplate_sources WHERE source = ?", [source]).fetchone()[0])
    db.conn.executemany(
        "INSERT INTO boilerplate_lines (source, key, example, count, last_article) VALUES (?, ?, ?, 1, ?) "
        "ON CONFLICT(source, key) DO UPDATE SET count = count + 1, last_article = excluded.last_article",
        [(source, key, example[:500], articles) for key, example in lines.items()])
    return articles


def line_counts(db: Database, source: str) -> tuple[int, dict[str, int]]:
    """(articles counted, key -> number of articles with that line) for one source."""
    row = db.execute("SELECT articles FROM boilerplate_sources WHERE source = ?", [source]).fetchone()
    counts = dict(db.execute("SELECT key, count FROM boilerplate_lines WHERE source = ?", [source]).fetchall())
    return (int(row[0]) if row else 0), counts


def learned_lines(db: Database, source: str) -> dict[str, int]:
    """The learned boilerplate of a source: key -> count."""
    articles, counts = line_counts(db, source)
    limit = threshold(articles)
    return {key: n for key, n in counts.items() if n >= limit}


def report(db: Database, source: str, *, everything: bool = False) -> tuple[int, list[LearnedLine]]:
    """(articles counted, recurring lines most frequent first): learned ones, or all seen twice or more."""
    articles, _ = line_counts(db, source)
    limit = threshold(articles)
    rows = db.execute("SELECT example, count FROM boilerplate_lines WHERE source = ? AND count >= ? "
                      "ORDER BY count DESC, example", [source, 2 if everything else limit]).fetchall()
    return articles, [LearnedLine(example, n, n / articles if articles else 0.0, n >= limit) for example, n in rows]


def forget_rare(db: Database, source: str) -> int:
    """Drop lines below MIN_COUNT not seen for WINDOW articles; return how many were dropped."""
    articles, _ = line_counts(db, source)
    cursor = db.execute("DELETE FROM boilerplate_lines WHERE source = ? AND count < ? AND last_article < ?",
                        [source, MIN_COUNT, articles - WINDOW])
    return cursor.rowcount
