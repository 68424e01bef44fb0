"""Groups of near-duplicate articles as users browse them: the original first, then its copies."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from sqlite_utils import Database

from .finder import require_relation


@dataclass(frozen=True)
class Member:
    """One article of a cluster."""

    id: int
    url: str
    source: str
    title: str | None
    published: str | None
    first_seen: str | None
    similarity: float | None  # to the closest article it was matched with; None for the original


@dataclass
class Cluster:
    """An original and its copies."""

    original: Member
    copies: list[Member] = field(default_factory=list)

    @property
    def size(self) -> int:
        return 1 + len(self.copies)

    @property
    def first_seen(self) -> str | None:
        return min((m.first_seen for m in self.members if m.first_seen), default=None)

    @property
    def members(self) -> list[Member]:
        return [self.original, *self.copies]

    def to_dict(self) -> dict[str, Any]:
        return {"size": self.size, "first_source": self.original.source, "first_seen": self.first_seen,
                "original": asdict(self.original), "copies": [asdict(m) for m in self.copies]}


_MEMBER = ("a.id, a.url, a.source, a.title, a.published, a.first_seen, "
           "(SELECT max(similarity) FROM near_duplicates n WHERE n.article = a.id OR n.other = a.id)")


def _member(row: tuple[Any, ...], original: bool = False) -> Member:
    return Member(row[0], row[1], row[2], row[3], row[4], row[5], None if original else row[6])


def group_of(db: Database, url: str) -> Cluster | None:
    """The cluster an article belongs to, or None when it has no copies."""
    row = db.execute("SELECT url, duplicate_of, copies FROM articles WHERE url = ?", [url]).fetchone()
    if row is None or not row[2]:
        return None
    root = row[1] or row[0]
    original = db.execute(f"SELECT {_MEMBER} FROM articles a WHERE a.url = ?", [root]).fetchone()
    copies = db.execute(f"SELECT {_MEMBER} FROM articles a WHERE a.duplicate_of = ? "
                        "ORDER BY a.published, a.first_seen, a.id", [root]).fetchall()
    return Cluster(_member(original, original=True), [_member(c) for c in copies])


def clusters(db: Database, *, sources: tuple[str, ...] = (), since: str | None = None,
             limit: int = 50) -> list[Cluster]:
    """Clusters, the most recently joined first: with an article of one of `sources`, with an article
    first seen on or after `since` (YYYY-MM-DD)."""
    require_relation(db)
    where = ["o.duplicate_of IS NULL", "o.copies > 0"]
    params: dict[str, Any] = {"limit": limit}
    member = "(m.url = o.url OR m.duplicate_of = o.url)"
    if sources:
        names = {f"s{i}": name for i, name in enumerate(sources)}
        where.append(f"EXISTS (SELECT 1 FROM articles m WHERE {member} AND m.source IN "
                     f"({', '.join(':' + k for k in names)}))")
        params.update(names)
    if since:
        where.append(f"EXISTS (SELECT 1 FROM articles m WHERE {member} AND m.first_seen >= :since)")
        params["since"] = since
    rows = db.execute(
        # The copies index finds the few originals; the duplicate_of index would visit every original.
        f"SELECT o.url, (SELECT max(m.first_seen) FROM articles m WHERE {member}) AS latest "
        "FROM articles o INDEXED BY idx_articles_copies "
        f"WHERE {' AND '.join(where)} ORDER BY latest DESC, o.id DESC LIMIT :limit", params).fetchall()
    found = [group_of(db, url) for url, _ in rows]
    return [c for c in found if c is not None]

