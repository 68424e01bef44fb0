"""Article rows streamed from the archive in batches, with JSON lists decoded."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from typing import Any

from ..errors import ConfigError
from .fields import Field
from .filters import Filters

BATCH_ROWS = 1000

Row = dict[str, Any]


def check_sources(conn: sqlite3.Connection, names: tuple[str, ...]) -> None:
    """Refuse a --source that the archive has never heard of (a typo would export nothing)."""
    if not names:
        return
    known = {name for (name,) in conn.execute("SELECT name FROM sources")}
    known |= {name for (name,) in conn.execute("SELECT DISTINCT source FROM articles")}
    unknown = [name for name in names if name not in known]
    if unknown:
        listed = ", ".join(sorted(known)) or "none"
        raise ConfigError(f"unknown source(s) {', '.join(unknown)}; sources in the archive: {listed}")


def group_clause(split: str | None, group: str | None, alias: str = "a",
                 date_column: str = "published") -> tuple[str, dict[str, Any]]:
    """Extra condition selecting one --split group ('source' name or 'YYYY-MM' month, or 'undated')."""
    if split is None:
        return "1", {}
    if split == "source":
        return f"{alias}.source = :group", {"group": group}
    if group == "undated":
        return f"{alias}.{date_column} IS NULL", {}
    if not re.fullmatch(r"\d{4}-\d{2}", group or ""):  # a malformed date: match its text as grouped
        return f"substr({alias}.{date_column}, 1, 7) = :group", {"group": group}
    year, month = (int(part) for part in (group or "").split("-"))
    following = f"{year + month // 12:04d}-{month % 12 + 1:02d}"
    # A range on the column (not substr) so SQLite walks its index.
    return (f"{alias}.{date_column} >= :group_start AND {alias}.{date_column} < :group_end",
            {"group_start": f"{year:04d}-{month:02d}", "group_end": following})


def groups(conn: sqlite3.Connection, filters: Filters, split: str) -> list[str]:
    """The groups --split source|month yields under `filters`, sorted ('undated' last)."""
    where, params = filters.article_where()
    key = "a.source" if split == "source" else "coalesce(substr(a.published, 1, 7), 'undated')"
    rows = conn.execute(f"SELECT DISTINCT {key} FROM articles a WHERE {where}", params).fetchall()
    return sorted((value for (value,) in rows), key=lambda v: (v == "undated", v))


def count_articles(conn: sqlite3.Connection, filters: Filters, split: str | None = None,
                   group: str | None = None) -> int:
    """How many articles the export (or one of its groups) holds."""
    where, params = filters.article_where()
    extra, extra_params = group_clause(split, group)
    row = conn.execute(f"SELECT count(*) FROM articles a WHERE {where} AND {extra}",
                       {**params, **extra_params}).fetchone()
    return int(row[0])


def decode(field: Field, value: Any) -> Any:
    """A column value as exported: list fields become lists of strings."""
    if field.kind != "list":
        return value
    if value is None or value == "":
        return []
    try:
        decoded = json.loads(value)
    except (TypeError, ValueError):
        return [str(value)]
    if not isinstance(decoded, list):
        decoded = [decoded]
    return [item if isinstance(item, str) else json.dumps(item, ensure_ascii=False) for item in decoded]


def iter_batches(conn: sqlite3.Connection, fields: list[Field], filters: Filters, split: str | None = None,
                 group: str | None = None, batch_rows: int | None = None) -> Iterator[list[Row]]:
    """Batches of decoded rows, ordered by publication time as written, then id."""
    where, params = filters.article_where()
    extra, extra_params = group_clause(split, group)
    columns = ", ".join(f"a.{f.name}" for f in fields)
    cursor = conn.execute(
        f"SELECT {columns} FROM articles a WHERE {where} AND {extra} ORDER BY a.published, a.id",
        {**params, **extra_params},
    )
    try:
        while batch := cursor.fetchmany(batch_rows or BATCH_ROWS):
            yield [{f.name: decode(f, value) for f, value in zip(fields, row, strict=True)} for row in batch]
    finally:
        cursor.close()
