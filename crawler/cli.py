"""The crawler's commands, added to the `newsarchive` group: crawl, demo, extract."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from archive.errors import EXIT_PARTIAL, ConfigError
from archive.lock import crawl_lock
from archive.options import db_option, format_option, source_filter_option, sources_option
from archive.validate import check_sources

from .runner import RunResult
from .sources import Source


def register(group: click.Group) -> None:
    """Entry point `newsarchive.commands`: add the crawler's commands to `group`."""
    for command in (crawl, demo, extract, reprocess):
        group.add_command(command)


def _summary(result: RunResult, *, detailed: bool) -> None:
    """A table per source on a terminal; a single line for cron mail and logs."""
    t = result.totals
    click.echo(f"newsarchive crawl: run {result.run_id} {result.status}: {t.get('articles_new', 0)} new, "
               f"{t.get('articles_updated', 0)} updated, {t.get('articles_unchanged', 0)} unchanged, "
               f"{t.get('not_modified', 0)} not modified, {t.get('fetch_failed', 0)} failed fetches, "
               f"{t.get('extraction_failed', 0)} extraction failures from {len(result.per_source)} sources")
    if not detailed:
        return
    for name, counts in result.per_source.items():
        click.echo(f"  {name:14} {counts['articles_new']:5} new  {counts['articles_updated']:4} updated  "
                   f"{counts['articles_unchanged']:4} unchanged  {counts['fetched']:5} fetched  "
                   f"{counts['fetch_failed']:3} failed  {counts['extraction_failed']:3} extraction failures")


def _log_settings(verbose: bool, log_file: str | None) -> dict[str, Any]:
    settings: dict[str, Any] = {"LOG_LEVEL": "INFO" if verbose or log_file else "WARNING"}
    if log_file:
        settings["LOG_FILE"] = log_file
    return settings


def _parse_settings(pairs: tuple[str, ...]) -> dict[str, Any]:
    """NAME=VALUE pairs from -s options, checked against the type of the setting's default."""
    from scrapy.settings import default_settings

    from . import settings as project

    out: dict[str, Any] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip()
        if not sep or not name.isidentifier() or not name.isupper():
            raise ConfigError(f"-s {pair!r}: expected NAME=VALUE with an upper-case setting name")
        default = getattr(project, name, getattr(default_settings, name, None))
        try:
            if isinstance(default, bool):
                if value.strip().lower() not in ("1", "0", "true", "false", "yes", "no", "on", "off"):
                    raise ValueError(value)
                out[name] = value.strip().lower() in ("1", "true", "yes", "on")
            elif isinstance(default, int | float):
                out[name] = type(default)(float(value)) if isinstance(default, int) else float(value)
            else:
                out[name] = value
        except ValueError:
            kind = "true or false" if isinstance(default, bool) else "a number"
            raise ConfigError(f"-s {name}={value}: {name} takes {kind}") from None
    return out


def _is_terminal() -> bool:
    return sys.stderr.isatty()


@click.command()
@sources_option
@db_option
@source_filter_option
@click.option("--log-file", type=click.Path(dir_okay=False), help="Write the crawl's log (INFO) to this file.")
@click.option("-v", "--verbose", is_flag=True, help="Log at INFO level to stderr.")
@click.option("--ignore-backoff", is_flag=True, help="Crawl sources that are backing off after failed runs.")
@click.option("-s", "--set", "settings", multiple=True, metavar="NAME=VALUE",
              help="Override a Scrapy or NEWSARCHIVE_* setting (repeatable), e.g. -s DOWNLOAD_TIMEOUT=60.")
@click.pass_context
def crawl(ctx: click.Context, sources_file: str, db: str, source_names: tuple[str, ...],
          log_file: str | None, verbose: bool, ignore_backoff: bool, settings: tuple[str, ...]) -> None:
    """Crawl the sources into the archive (the job to run from cron).

    \b
    Exit codes: 0 success, 1 failure, 2 bad configuration, 3 partial failure
    (more failed fetches/extractions than NEWSARCHIVE_FAILURE_THRESHOLD), 75 another crawl holds the lock.

    \b
    Example:
        newsarchive crawl --sources sources.toml --db archive.db
        newsarchive crawl --source sobhesahel --source irna-hormozgan -s DOWNLOAD_TIMEOUT=60
    """
    from .runner import run_crawl
    from .sources import load_sources

    sources = load_sources(sources_file)  # read once: validated before taking the lock
    sources.select(list(source_names))
    overrides = {**_log_settings(verbose, log_file), "NEWSARCHIVE_PROGRESS": _is_terminal(),
                 "NEWSARCHIVE_IGNORE_BACKOFF": ignore_backoff, "NEWSARCHIVE_LOCK_HELD": True,
                 **_parse_settings(settings)}
    with crawl_lock(Path(db)):
        result = run_crawl(Path(db), sources, list(source_names), overrides)
    _summary(result, detailed=_is_terminal())
    if result.status == "partial":
        ctx.exit(EXIT_PARTIAL)
    if result.status != "ok":
        ctx.exit(1)


@click.command()
@db_option
@click.option("--delay", default=0.0, show_default=True, type=float,
              help="Seconds between requests to each demo site.")
def demo(db: str, delay: float) -> None:
    """Crawl the built-in offline demo sites (Persian, Arabic, English) into the archive.

    \b
    Example:
        newsarchive demo                  # into ./archive.db
        newsarchive demo --db /tmp/demo.db
    """
    from .demo_run import run_demo

    with crawl_lock(Path(db)):
        run_demo(Path(db), delay=delay)


def _inputs(paths: tuple[str, ...]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*")
                            if p.is_file() and p.suffix.lower() in (".html", ".htm", ".warc", ".gz"))
        elif path.is_file():
            files.append(path)
        else:
            raise ConfigError(f"{path}: no such file or directory")
    return files


def _learned(db: str | None, source: str | None) -> tuple[frozenset[str], Source | None]:
    """The learned boilerplate and the recorded `source` in the archive `db` (both or neither)."""
    if not source and not db:
        return frozenset(), None
    if not (source and db):
        raise ConfigError("--db and --source go together: the learned boilerplate of a source in an archive")
    from archive.boilerplate import learned_lines
    from archive.store import Archive

    with Archive(db, readonly=True) as archive:
        check_sources(archive.db, [source])
        row = archive.db.table("sources").get(source)
        return frozenset(learned_lines(archive.db, source)), Source.from_record(dict(row))


def _is_warc(path: Path) -> bool:
    return path.name.lower().endswith((".warc", ".warc.gz", ".arc", ".arc.gz"))


def _pages(paths: tuple[str, ...], url: str | None,
           charset: str | None) -> Iterator[tuple[str, str, dict[str, str], bytes]]:
    """(label, url, HTTP headers, body) for every HTML page in the files, folders and WARC files given."""
    from archive.warc import iter_warc_pages

    for path in _inputs(paths):
        if _is_warc(path):
            for number, (page_url, headers, body) in enumerate(iter_warc_pages(path), 1):
                yield f"{path}#{number}", page_url, headers, body
        else:
            headers = {"Content-Type": f"text/html; charset={charset}"} if charset else {}
            yield str(path), url or path.resolve().as_uri(), headers, path.read_bytes()


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--url", help="The page's original URL (for relative links, canonical URL, URL dates).")
@click.option("--charset", help="The charset an HTTP header declared, if known.")
@click.option("--timezone", help="Time zone for dates printed without one [default: the --source's zone, "
              "else assumed from the page as in a crawl: Iranian month names Asia/Tehran, Afghan ones "
              "Asia/Kabul, else the language's usual zone, else UTC].")
@click.option("--language", help="The source's declared language (ISO 639-1).")
@click.option("--db", type=click.Path(dir_okay=False), help="Archive to take --source's learned boilerplate from.")
@click.option("--source", help="Apply this source's learned boilerplate (needs --db).")
@format_option("json", "jsonl", "text", default="json")
def extract(paths: tuple[str, ...], url: str | None, charset: str | None, timezone: str | None,
            language: str | None, db: str | None, source: str | None, fmt: str) -> None:
    """Extract articles from saved HTML files, folders or WARC files, exactly as the crawler does.

    \b
    Example:
        newsarchive extract page.html --url https://www.sobhesahel.com/fa/news/1234 --timezone Asia/Tehran
        newsarchive extract saved-pages/ --format jsonl > articles.jsonl
        newsarchive extract captures.warc.gz --format jsonl
        newsarchive extract page.html --db archive.db --source sobhesahel
    """
    from .article import PageContext, process_page

    learned, recorded = _learned(db, source)
    overrides = {key: value for key, value in (("language", language), ("timezone", timezone)) if value}
    records: list[dict[str, Any]] = []
    for label, page_url, headers, body in _pages(paths, url, charset):
        page = process_page(body, PageContext.for_source(recorded, page_url, headers, learned=learned, **overrides))
        article = page.article or {}
        ex = page.extraction
        records.append({
            "path": label, "url": article.get("url", page_url), "status": page.status,
            "reason": page.reason, "charset": page.charset, "title": ex.title,
            "text": article.get("text", ex.text),
            "published": article.get("published"), "modified": article.get("modified"),
            "date_evidence": article.get("date_evidence"), "language": article.get("language"),
            "authors": ex.authors, "description": ex.description, "tags": ex.tags,
            "categories": ex.categories, "image": ex.image, "canonical_url": ex.canonical_url,
            "sitename": ex.sitename,
        })
    if fmt == "json":
        click.echo(json.dumps(records if len(records) != 1 else records[0], ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
    else:
        for record in records:
            click.echo(f"== {record['path']} [{record['status']}]")
            click.echo(f"title: {record['title']}\npublished: {record['published']}\n"
                       f"language: {record['language']}\nauthors: {', '.join(record['authors'])}\n")
            click.echo(record["text"])
            click.echo()

@click.command()
@db_option
@click.option("--source", help="Only this source.")
@click.option("--since", metavar="DATE", help="Only captures fetched on or after DATE (ISO 8601).")
def reprocess(db: str, source: str | None, since: str | None) -> None:
    """Re-extract archived captures with the current extractor; fetches nothing.

    Articles whose text or title changes keep their old version as a revision; captures whose
    extraction failed before are tried again.

    \b
    Example:
        newsarchive reprocess --db archive.db --source sobhesahel --since 2024-01-01
    """
    from archive.store import Archive

    from .reprocess import reprocess as run
    from .reprocess import reprocess_candidates

    if since:
        try:
            datetime.fromisoformat(since)
        except ValueError:
            raise ConfigError(f"--since: not an ISO 8601 date: {since!r}") from None
    with Archive(db, create=False):  # a clear error for a missing archive, before any lock file is made
        pass
    with crawl_lock(Path(db)), Archive(db) as archive:
        check_sources(archive.db, [source] if source else [])
        total = sum(1 for _ in reprocess_candidates(archive, source, since))
        with click.progressbar(length=total, label="Re-extracting", file=sys.stderr,
                               hidden=not _is_terminal()) as bar:
            counts = run(archive, source=source, since=since, progress=bar.update)
    summary = ", ".join(f"{n} {outcome}" for outcome, n in sorted(counts.outcomes.items()))
    click.echo(f"Re-extracted {counts.seen} captures: {summary or 'nothing to do'}")
