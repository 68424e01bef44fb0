"""`newsarchive demo`: serve the built-in demo sites on 127.0.0.1 and crawl them."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

import click

from .runner import run_crawl

#: How each demo source is declared, as a user would in sources.toml.
#: Preferred ports, so that running the demo twice sees the same URLs (and archives nothing twice).
DEMO_PORTS = {"sahel": 8431, "khaleej": 8432, "coastal": 8433}

DEMO_SOURCE_KEYS = {
    "sahel": {"language": "fa", "timezone": "Asia/Tehran", "calendar": "jalali"},
    "khaleej": {"language": "ar", "timezone": "Asia/Dubai"},
    "coastal": {"language": "en", "timezone": "America/New_York"},
}


def demo_sources_toml(base_urls: dict[str, str], delay: float) -> str:
    """A sources file for the running demo servers."""
    blocks = []
    for name, url in base_urls.items():
        lines = ["[[source]]", f'name = "{name}"', f'url = "{url}"', f"delay = {delay}", "concurrency = 2"]
        for key, value in DEMO_SOURCE_KEYS.get(name, {}).items():
            lines.append(f'{key} = "{value}"')
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _archived(db: Path) -> dict[str, tuple[int, int]]:
    """Articles and boilerplate characters removed, per source."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT source, count(*), coalesce(sum(boilerplate_removed), 0) FROM articles "
                            "GROUP BY source ORDER BY source").fetchall()
    return {source: (n, removed) for source, n, removed in rows}


def run_demo(db: Path, delay: float = 0.0) -> None:
    """Serve the demo sites, crawl them into `db`, and say what was archived."""
    from .demo import serve_demo

    with serve_demo(ports=DEMO_PORTS) as base_urls, tempfile.TemporaryDirectory() as tmp:
        sources_file = Path(tmp) / "demo-sources.toml"
        sources_file.write_text(demo_sources_toml(base_urls, delay), encoding="utf-8")
        click.echo(f"Serving {len(base_urls)} demo sites on 127.0.0.1; crawling into {db} …", err=True)
        result = run_crawl(db, sources_file, overrides={
            "AUTOTHROTTLE_ENABLED": False, "LOG_LEVEL": "WARNING", "DOWNLOAD_DELAY": delay,
            "NEWSARCHIVE_LOCK_HELD": True})
    click.echo(f"Demo run {result.run_id}: {result.status}")
    totals = _archived(db)
    for name, counts in result.per_source.items():
        archived, removed = totals.get(name, (0, 0))
        click.echo(f"  {name:10} {archived:3} articles in the archive ({counts['articles_new']} new, "
                   f"{counts['articles_updated']} updated, {counts['articles_unchanged'] + counts['not_modified']} "
                   f"unchanged this run); {removed} characters of boilerplate removed from them")
    click.echo(f"\nBrowse it:  newsarchive serve --db {db}\n"
               f"Search it:  newsarchive search 'بندرخمیر' --db {db}")
