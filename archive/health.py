"""Source health from the archive's run history: failures, silence, layout changes, backoff."""

from __future__ import annotations

import json
import statistics
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlite_utils import Database

MAX_BACKOFF_HOURS = 168.0
FAILURE_RATE_FLAG = 0.5  # more than half of the fetches failed in the recent runs
WORDS_DROP_FLAG = 0.5  # recent articles less than half as long as before: the extractor lost the body


@dataclass
class SourceRun:
    """One run's counters for one source."""

    run_id: int
    started: str
    counts: dict[str, int]

    @property
    def attempted(self) -> int:
        return self.counts.get("fetched", 0) + self.counts.get("fetch_failed", 0)

    @property
    def failed_entirely(self) -> bool:
        """Nothing could be fetched although something was tried (or robots.txt was unavailable)."""
        return self.counts.get("fetched", 0) <= 1 and (
            self.counts.get("fetch_failed", 0) > 0 or self.counts.get("robots_unavailable", 0) > 0)


def source_runs(db: Database, source: str, limit: int = 50) -> list[SourceRun]:
    """The finished runs that included `source`, newest first."""
    rows = db.execute(
        "SELECT id, started, per_source FROM crawl_runs WHERE finished IS NOT NULL AND per_source IS NOT NULL "
        "ORDER BY id DESC LIMIT ?", [limit * 4]).fetchall()
    runs = []
    for run_id, started, per_source in rows:
        counts = json.loads(per_source or "{}").get(source)
        if counts is not None:
            runs.append(SourceRun(run_id, started, counts))
        if len(runs) >= limit:
            break
    return runs


def consecutive_failures(runs: list[SourceRun]) -> int:
    """How many of the newest runs in a row failed entirely."""
    count = 0
    for run in runs:
        if not run.failed_entirely:
            break
        count += 1
    return count


def backoff_until(runs: list[SourceRun]) -> datetime | None:
    """When a failing source may be tried again: 1, 2, 4 … hours after its last run (at most a week)."""
    failures = consecutive_failures(runs)
    if failures < 2:
        return None
    hours = min(2.0 ** (failures - 2), MAX_BACKOFF_HOURS)
    return datetime.fromisoformat(runs[0].started) + timedelta(hours=hours)


def _median_words(db: Database, source: str, where: str, params: list[Any]) -> float | None:
    values = [r[0] for r in db.execute(
        f"SELECT word_count FROM articles WHERE source = ? AND {where}", [source, *params]).fetchall()
        if r[0] is not None]
    return statistics.median(values) if values else None


@dataclass
class SourceHealth:
    """What `newsarchive sources` shows for one source."""

    name: str
    url: str
    articles: int
    last_success: str | None
    recent_runs: int
    recent_new: int
    failure_rate: float | None
    extraction_failure_rate: float | None
    runs_without_new: int
    flags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _runs_since_new(runs: list[SourceRun]) -> int:
    for index, run in enumerate(runs):
        if run.counts.get("articles_new", 0) > 0:
            return index
    return len(runs)


def _usual_gap(runs: list[SourceRun]) -> float | None:
    """The median number of runs between two runs that found new articles."""
    hits = [i for i, run in enumerate(runs) if run.counts.get("articles_new", 0) > 0]
    gaps = [b - a for a, b in zip(hits, hits[1:], strict=False)]
    return statistics.median(gaps) if gaps else None


def source_health(db: Database, recent: int = 5) -> list[SourceHealth]:
    """Health of every source in the archive, judged on its `recent` newest runs against its history."""
    report = []
    for name, url in db.execute("SELECT name, url FROM sources ORDER BY name").fetchall():
        runs = source_runs(db, name)
        window = runs[:recent]
        attempted = sum(r.attempted for r in window)
        failed = sum(r.counts.get("fetch_failed", 0) for r in window)
        extracted = sum(r.counts.get("articles_new", 0) + r.counts.get("articles_updated", 0)
                        + r.counts.get("articles_unchanged", 0) + r.counts.get("extraction_failed", 0)
                        for r in window)
        extraction_failed = sum(r.counts.get("extraction_failed", 0) for r in window)
        last_success = next((r.started for r in runs if not r.failed_entirely and r.attempted), None)
        health = SourceHealth(
            name=name, url=url,
            articles=db.execute("SELECT count(*) FROM articles WHERE source = ?", [name]).fetchone()[0],
            last_success=last_success, recent_runs=len(window),
            recent_new=sum(r.counts.get("articles_new", 0) for r in window),
            failure_rate=round(failed / attempted, 3) if attempted else None,
            extraction_failure_rate=round(extraction_failed / extracted, 3) if extracted else None,
            runs_without_new=_runs_since_new(runs),
        )
        health.flags = _flags(db, name, runs, window, health)
        report.append(health)
    return report


def _flags(db: Database, name: str, runs: list[SourceRun], window: list[SourceRun],
           health: SourceHealth) -> list[str]:
    flags = []
    if window and health.failure_rate is not None and health.failure_rate > FAILURE_RATE_FLAG:
        flags.append("failing")
    if consecutive_failures(runs) >= 2:
        flags.append("backing-off")
    gap = _usual_gap(runs[health.runs_without_new:])
    if gap is not None and health.runs_without_new >= max(3, 3 * gap):
        flags.append("silent")
    older = runs[len(window):]
    if window and older:
        def rate(rs: list[SourceRun]) -> float:
            done = sum(r.counts.get("articles_new", 0) + r.counts.get("articles_updated", 0)
                       + r.counts.get("articles_unchanged", 0) + r.counts.get("extraction_failed", 0)
                       for r in rs)
            return sum(r.counts.get("extraction_failed", 0) for r in rs) / done if done else 0.0
        if rate(window) - rate(older) > 0.3:
            flags.append("layout-changed")
    if window and "layout-changed" not in flags and older:
        since = window[-1].started
        recent_words = _median_words(db, name, "first_seen >= ?", [since])
        earlier_words = _median_words(db, name, "first_seen < ?", [since])
        if recent_words is not None and earlier_words and recent_words < WORDS_DROP_FLAG * earlier_words:
            flags.append("layout-changed")
    return flags
