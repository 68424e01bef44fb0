"""A source's learned boilerplate during a crawl: loaded from the archive, updated as articles arrive."""

from __future__ import annotations

from sqlite_utils import Database

from archive.boilerplate import line_counts, threshold

from .extraction.learned import normalise_line

MIN_KEY_CHARS = 2
REFRESH_EVERY = 50


def line_keys(text: str) -> dict[str, str]:
    """The distinct normalised lines of an extracted text, each with the line as printed."""
    keys: dict[str, str] = {}
    for line in text.splitlines():
        key = normalise_line(line)
        if len(key) >= MIN_KEY_CHARS:
            keys.setdefault(key, line.strip())
    return keys


class LearnedBoilerplate:
    """Line counts of one source; `learned` is the set of keys that count as its boilerplate now."""

    def __init__(self, articles: int = 0, counts: dict[str, int] | None = None):
        self.articles = articles
        self.counts = dict(counts or {})
        self.learned: frozenset[str] = frozenset()
        self._refresh()

    @classmethod
    def load(cls, db: Database, source: str) -> LearnedBoilerplate:
        articles, counts = line_counts(db, source)
        return cls(articles, counts)

    def observe(self, keys: dict[str, str]) -> None:
        """Count one new article's lines."""
        self.articles += 1
        limit = threshold(self.articles)
        crossed = []
        for key in keys:
            count = self.counts[key] = self.counts.get(key, 0) + 1
            if count >= limit:
                crossed.append(key)
        if self.articles % REFRESH_EVERY == 0:
            self._refresh()  # the threshold grows with the article count
        elif crossed:
            self.learned = self.learned | frozenset(crossed)

    def _refresh(self) -> None:
        limit = threshold(self.articles)
        self.learned = frozenset(key for key, n in self.counts.items() if n >= limit)
