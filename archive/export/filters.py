"""What an export selects, as a WHERE clause made only of bound parameters."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from ..errors import ConfigError
from ..searchform import fts_query


def parse_day(value: str | None, option: str) -> date | None:
    """An ISO calendar date (YYYY-MM-DD) given to `option`, or None."""
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ConfigError(f"{option} {value!r}: not an ISO date (expected YYYY-MM-DD)") from None


@dataclass(frozen=True)
class Filters:
    """The rows to export; every value reaches SQLite as a bound parameter, never as SQL text."""

    sources: tuple[str, ...] = ()
    since: date | None = None  # inclusive
    until: date | None = None  # inclusive
    languages: tuple[str, ...] = ()
    query: str | None = None
    min_words: int | None = None
    no_duplicates: bool = False  # only originals: leave out articles that are near-duplicates of an earlier one
    match: str = field(default="", init=False)

    def __post_init__(self) -> None:
        if self.since and self.until and self.since > self.until:
            raise ConfigError(f"--since {self.since} is after --until {self.until}")
        if self.query is not None:
            match = fts_query(self.query)
            if not match:
                raise ConfigError(f"--query {self.query!r} has no word to search for")
            object.__setattr__(self, "match", match)

    @classmethod
    def from_options(cls, sources: tuple[str, ...] = (), since: str | None = None, until: str | None = None,
                     languages: tuple[str, ...] = (), query: str | None = None,
                     min_words: int | None = None, no_duplicates: bool = False) -> Filters:
        """Filters from command-line strings; a malformed value is a one-line ConfigError."""
        return cls(tuple(dict.fromkeys(sources)), parse_day(since, "--since"), parse_day(until, "--until"),
                   tuple(dict.fromkeys(languages)), query, min_words, no_duplicates)

    def describe(self) -> dict[str, Any]:
        """The filters that were set, as the command line spelt them (for the card and manifest)."""
        given = {"source": list(self.sources), "since": self.since and self.since.isoformat(),
                 "until": self.until and self.until.isoformat(), "language": list(self.languages),
                 "query": self.query, "min_words": self.min_words, "no_duplicates": self.no_duplicates or None}
        return {key: value for key, value in given.items() if value not in (None, [], "")}

    def article_where(self, alias: str = "a") -> tuple[str, dict[str, Any]]:
        """WHERE clause (without the keyword) over `articles AS alias`, and its parameters.

        Dates compare with the publisher's own calendar date (the first ten characters of
        `published`), so an article dated 2024-03-15T23:30:00+03:30 is in --until 2024-03-15.
        """
        where, params = self._common(alias, "published")
        if self.languages:
            names = {f"lang{i}": name for i, name in enumerate(self.languages)}
            where.append(f"{alias}.language IN ({', '.join(':' + k for k in names)})")
            params.update(names)
        if self.min_words is not None:
            where.append(f"{alias}.word_count >= :min_words")
            params["min_words"] = self.min_words
        if self.no_duplicates:
            where.append(f"{alias}.duplicate_of IS NULL")
        if self.match:
            where.append(f"{alias}.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :match)")
            params["match"] = self.match
        return " AND ".join(where) or "1", params

    def capture_where(self, alias: str = "c") -> tuple[str, dict[str, Any]]:
        """WHERE clause over `captures AS alias`: sources, and dates by fetch time (UTC)."""
        for option, value in (("--language", self.languages), ("--query", self.query),
                              ("--min-words", self.min_words), ("--no-duplicates", self.no_duplicates)):
            if value:
                raise ConfigError(f"{option} filters articles; a WARC export holds captures "
                                  "(use --source, --since, --until)")
        where, params = self._common(alias, "fetched")
        return " AND ".join(where) or "1", params

    def _common(self, alias: str, date_column: str) -> tuple[list[str], dict[str, Any]]:
        where: list[str] = []
        params: dict[str, Any] = {}
        if self.sources:
            names = {f"src{i}": name for i, name in enumerate(self.sources)}
            where.append(f"{alias}.source IN ({', '.join(':' + k for k in names)})")
            params.update(names)
        if self.since:
            where.append(f"{alias}.{date_column} >= :since")
            params["since"] = self.since.isoformat()
        if self.until:
            # Strictly before the next day: every time of day on `until` is included.
            where.append(f"{alias}.{date_column} < :until_next_day")
            params["until_next_day"] = (self.until + timedelta(days=1)).isoformat()
        return where, params
