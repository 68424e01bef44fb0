"""The `newsarchive` command line: archive commands here, crawler commands added by entry point."""

from __future__ import annotations

import dataclasses
import json
import sys
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import click

from .boilerplate import report as learned_report
from .errors import EXIT_FLAGGED, ConfigError, NewsarchiveError
from .health import source_health
from .history import diff, find_article, versions
from .maintenance import backup_archive, check_archive
from .options import db_option, format_option, source_filter_option
from .search import search_articles
from .store import Archive
from .validate import check_sources


class NewsarchiveGroup(click.Group):
    """A click group that loads plugin commands lazily and turns user errors into one line."""

    _plugins_loaded = False

    def _ensure_plugins(self) -> None:
        if not NewsarchiveGroup._plugins_loaded:
            NewsarchiveGroup._plugins_loaded = True
            _load_plugins(self)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._ensure_plugins()
        return super().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        self._ensure_plugins()
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except NewsarchiveError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exc.exit_code)


@click.group(cls=NewsarchiveGroup,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="newsarchive")
def cli() -> None:
    """Archive regional news sites into a searchable SQLite database.

    \b
    Example:
        newsarchive demo                 # crawl the built-in offline demo into ./archive.db
        newsarchive serve                # browse it in datasette
        newsarchive crawl --sources sources.toml --db archive.db
    """


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8001, show_default=True, type=int, help="Port (0 picks a free one).")
@click.option("--get", "get_path", metavar="PATH", help="Print the response for PATH and exit (for scripts).")
def serve(db: str, host: str, port: int, get_path: str | None) -> None:
    """Browse and search the archive in datasette (read-only; safe while a crawl writes).

    Besides datasette's tables and the canned queries, each archive DB has a search page at
    /DB/-/search and a chart of articles per day per source at /DB/-/articles-per-day.

    \b
    Example:
        newsarchive serve --db archive.db --port 8001
        newsarchive serve --get /archive/articles.json?_shape=array
    """
    from .serve import datasette_args

    Archive(db, readonly=True).close()  # a clear error for a missing or foreign file
    from datasette.cli import cli as datasette_cli

    args = datasette_args(Path(db), host=host, port=port, get_path=get_path)
    datasette_cli.main(args=args, prog_name="datasette", standalone_mode=False)


@cli.command()
@click.argument("query")
@db_option
@source_filter_option
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10_000), help="Most results.")
@format_option("table", "json", default="table")
def search(query: str, db: str, source_names: tuple[str, ...], limit: int, fmt: str) -> None:
    """Full-text search; Arabic and Persian letter variants, digits and ZWNJ spellings match.

    \b
    Example:
        newsarchive search "کتاب ایران" --db archive.db --limit 5
        newsarchive search 'port AND fishing' --format json
    """
    with Archive(db, readonly=True) as archive:
        check_sources(archive.db, source_names)
        results = search_articles(archive.db, query, sources=list(source_names), limit=limit)
    if fmt == "json":
        click.echo(json.dumps(results, ensure_ascii=False, indent=2))
        return
    if not results:
        click.echo("No articles match.", err=True)
        return
    for row in results:
        click.echo(f"{row['published'] or '':25.25}  {row['source']:12.12}  {row['title'] or ''}")
        click.echo(f"    {row['url']}")
        click.echo(f"    {row['snippet']}")


@cli.command()
@db_option
@click.option("--runs", "recent", default=5, show_default=True, type=click.IntRange(1, 1000),
              help="Judge each source on this many newest runs.")
@click.option("--check", is_flag=True, help=f"Exit with code {EXIT_FLAGGED} when any source is flagged (for cron).")
@format_option("table", "json", default="table")
@click.pass_context
def sources(ctx: click.Context, db: str, recent: int, check: bool, fmt: str) -> None:
    """Each source's health: last success, recent articles, failure rates, and flags.

    \b
    Flags: failing (most fetches failed), backing-off (failed whole runs in a row),
    silent (no new article for much longer than usual), layout-changed (extraction
    failures jumped, or new articles are far shorter than before).

    \b
    Example:
        newsarchive sources --db archive.db
        newsarchive sources --check --runs 10 || echo "a source needs attention"
    """
    with Archive(db, readonly=True) as archive:
        report = source_health(archive.db, recent=recent)
    if fmt == "json":
        click.echo(json.dumps([h.to_dict() for h in report], ensure_ascii=False, indent=2))
    else:
        click.echo(f"{'source':16} {'articles':>8} {'new':>5} {'fail%':>6} {'xfail%':>6}  {'last success':25} flags")
        for h in report:
            fail = f"{100 * h.failure_rate:.0f}" if h.failure_rate is not None else "-"
            xfail = f"{100 * h.extraction_failure_rate:.0f}" if h.extraction_failure_rate is not None else "-"
            click.echo(f"{h.name:16} {h.articles:8} {h.recent_new:5} {fail:>6} {xfail:>6}  "
                       f"{h.last_success or 'never':25} {', '.join(h.flags) or 'ok'}")
    if check and any(h.flags for h in report):
        ctx.exit(EXIT_FLAGGED)


@cli.command()
@click.argument("url")
@db_option
def history(url: str, db: str) -> None:
    """An article's versions and what changed between them.

    \b
    Example:
        newsarchive history https://www.sobhesahel.com/fa/news/123456 --db archive.db
    """
    with Archive(db, readonly=True) as archive:
        article = find_article(archive.db, url)
        all_versions = versions(archive.db, article)
    click.echo(f"{article['url']}  ({len(all_versions)} version{'s' if len(all_versions) != 1 else ''})")
    for number, version in enumerate(all_versions, 1):
        until = version.seen_until or "now"
        click.echo(f"  v{number}: {version.seen_from} → {until}  capture {version.capture_id}  {version.title}")
    for old, new in zip(all_versions, all_versions[1:], strict=False):
        click.echo()
        for line in diff(old, new):
            click.echo(line)


class _ProgressBar:
    """A row-count progress bar on stderr (only used when stderr is a terminal)."""

    def __init__(self, label: str):
        self.label = label
        self.bar: Any = None

    def start(self, total: int) -> None:
        self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr, show_pos=True)
        self.bar.__enter__()

    def advance(self, rows: int) -> None:
        self.bar.update(rows)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


@cli.command()
@db_option
@click.pass_context
def check(ctx: click.Context, db: str) -> None:
    """Verify an archive: SQLite and full-text integrity, capture digests, orphan rows.

    \b
    Example:
        newsarchive check --db archive.db && echo healthy
    """
    with Archive(db, upgrade=False) as archive:  # FTS5's integrity-check needs a writable handle
        problems = check_archive(archive.db)
        articles = archive.db.table("articles").count
        captures = archive.db.table("captures").count
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        click.echo(f"{db}: {len(problems)} problem{'s' if len(problems) != 1 else ''} found", err=True)
        ctx.exit(1)
    click.echo(f"{db}: ok ({articles} articles, {captures} captures)")


@cli.command()
@db_option
@click.option("--output", required=True, type=click.Path(dir_okay=False), help="Snapshot file to write.")
def backup(db: str, output: str) -> None:
    """A consistent snapshot of the archive, safe while a crawl is writing to it.

    \b
    Example:
        newsarchive backup --db archive.db --output backups/archive-$(date +%F).db
    """
    with Archive(db, readonly=True) as archive:
        backup_archive(archive.db, Path(output))
    with Archive(output, upgrade=False) as snapshot:
        problems = check_archive(snapshot.db)
    if problems:
        raise NewsarchiveError(f"{output}: snapshot failed its check: {problems[0]}")
    click.echo(f"{output}: snapshot written and checked")


@cli.command()
@db_option
@format_option("parquet", "jsonl", "csv", "warc", default="parquet")
@click.option("--output", "-o", required=True, metavar="PATH",
              help="Data file to write (README.md, manifest.json go beside it); with --split, a directory.")
@source_filter_option
@click.option("--since", metavar="DATE", help="Published on or after DATE (YYYY-MM-DD); warc: fetched.")
@click.option("--until", metavar="DATE", help="Published on or before DATE (YYYY-MM-DD); warc: fetched.")
@click.option("--language", "languages", multiple=True, metavar="CODE",
              help="Only this language (repeatable).")
@click.option("--query", metavar="WORDS", help="Full-text search, as in `newsarchive search`.")
@click.option("--min-words", type=click.IntRange(min=0), metavar="N", help="Only articles of N+ words.")
@click.option("--no-duplicates", is_flag=True,
              help="Leave out near-duplicates of earlier articles (`newsarchive duplicates`): one article per story.")
@click.option("--fields", metavar="A,B,...", help="Columns to export, in this order (default: all).")
@click.option("--split", type=click.Choice(["source", "month"]),
              help="One file per source or per month of publication (warc: of fetch).")
@click.option("--force", is_flag=True,
              help="Replace an existing export at --output (and the files its manifest.json lists).")
def export(db: str, fmt: str, output: str, source_names: tuple[str, ...], since: str | None,
           until: str | None, languages: tuple[str, ...], query: str | None, min_words: int | None,
           fields: str | None, split: str | None, force: bool, no_duplicates: bool) -> None:
    """Export articles (jsonl, csv, parquet) or raw captures (warc) for research.

    Beside the data, README.md (a dataset card: sources, crawl dates, counts per source, language
    and month, schema, extractor, robots.txt policy, filters, citation) and manifest.json (row
    counts and the SHA-256 of every file) are written. Without --split, --output is the data
    file and the card and manifest go into its directory; with --split, --output is a directory
    holding one file per group. Files are written under temporary names and renamed once
    complete; an existing export is replaced only with --force.

    \b
    Formats:
      parquet  typed columns (timestamps in UTC plus published_local text, lists, int64)
      jsonl    one article per line, UTF-8, lists as JSON lists
      csv      UTF-8 with BOM for spreadsheets; lists joined with "; "; cells starting
               with = + - @ (or tab, CR) get a leading apostrophe so they never run as formulas
      warc     request/response records of every fetch with a response (failed fetches skipped)

    \b
    Example:
        newsarchive export --format parquet --output out/articles.parquet
            # writes out/articles.parquet, out/README.md, out/manifest.json
        newsarchive export --format jsonl --output by-month --split month --language fa
        newsarchive export --format csv -o sahel.csv --source sahel --since 2024-01-01 \\
            --until 2024-03-31 --query "کتاب" --fields url,published,title
        newsarchive export --format warc --output captures.warc.gz --source sahel
        newsarchive export --format jsonl -o stories.jsonl --no-duplicates  # one article per story
    """
    from .export import Filters, export_articles, export_warc, parse_fields

    filters = Filters.from_options(source_names, since, until, languages, query, min_words, no_duplicates)
    progress = _ProgressBar("Exporting") if sys.stderr.isatty() else None
    try:
        if fmt == "warc":
            if fields:
                raise ConfigError("--fields chooses article columns; a WARC export holds whole captures")
            result = export_warc(db, output, filters=filters, split=split, force=force, progress=progress)
        else:
            result = export_articles(db, fmt, output, filters=filters, fields=parse_fields(fields),
                                     split=split, force=force, progress=progress)
    finally:
        if progress is not None:
            progress.close()
    unit = "captures" if fmt == "warc" else "articles"
    data = result.paths[:-1]  # the card comes last
    click.echo(f"Exported {result.rows} {unit} into {len(data)} file(s) in {result.directory}, "
               "with README.md and manifest.json:")
    for path in data:
        click.echo(f"  {path.name}")


@cli.command()
@click.argument("source")
@db_option
@click.option("--all", "everything", is_flag=True, help="Also lines seen twice or more that are not learned yet.")
@format_option("table", "json", default="table")
def boilerplate(source: str, db: str, everything: bool, fmt: str) -> None:
    """The boilerplate learned for a source: lines that recur across its articles, and how often.

    Learned lines are removed from the source's new articles, and from old ones by
    `newsarchive reprocess`.

    \b
    Example:
        newsarchive boilerplate sobhesahel --db archive.db
        newsarchive boilerplate sobhesahel --all --format json
    """
    with Archive(db, readonly=True) as archive:
        if not archive.db.table("sources").count_where("name = ?", [source]):
            names = ", ".join(r[0] for r in archive.db.execute("SELECT name FROM sources ORDER BY name"))
            raise NewsarchiveError(f"no source named {source!r} in {db} (sources: {names or 'none'})")
        articles, lines = learned_report(archive.db, source, everything=everything)
    if fmt == "json":
        click.echo(json.dumps({"source": source, "articles": articles,
                               "lines": [dataclasses.asdict(line) for line in lines]}, ensure_ascii=False, indent=2))
        return
    learned = sum(1 for line in lines if line.learned)
    click.echo(f"{source}: {learned} learned lines from {articles} articles")
    for line in lines:
        mark = "*" if line.learned else " "
        click.echo(f" {mark} {line.count:6} {100 * line.share:5.1f}%  {line.example}")


@cli.command()
@db_option
@source_filter_option
@click.option("--since", metavar="DATE", help="Only clusters with an article first seen on or after DATE (YYYY-MM-DD).")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 100_000), help="Most clusters.")
@click.option("--rebuild", is_flag=True, help="Recompute every relation from the archived texts first.")
@click.option("--threshold", type=float, metavar="J",
              help="With --rebuild: the similarity (Jaccard, 0.5-1.0) from which articles are copies; "
                   "stored in the archive for every later crawl. Default 0.8.")
@format_option("table", "json", default="table")
def duplicates(db: str, source_names: tuple[str, ...], since: str | None, limit: int, rebuild: bool,
               threshold: float | None, fmt: str) -> None:
    """Near-duplicate clusters: the same story archived from several sources (syndicated copies).

    Each cluster shows its size, the source and URL of its original (the earliest published
    article), when it was first seen, and every article's source and title with its similarity.
    As articles are archived each one is compared with every earlier article of any source.
    --rebuild fills the relation for an archive made before this existed, or after changing
    --threshold; it takes the crawl lock, so it waits for no crawl and none runs meanwhile.

    \b
    Example:
        newsarchive duplicates --db archive.db --source sobhesahel --since 2024-10-01
        newsarchive duplicates --rebuild --threshold 0.85 --format json
    """
    from .duplicates import clusters as find_clusters
    from .duplicates import rebuild as rebuild_relation
    from .duplicates.finder import check_threshold
    from .export.filters import parse_day
    from .lock import crawl_lock

    day = parse_day(since, "--since")
    if threshold is not None and not rebuild:
        raise ConfigError("--threshold takes effect only with --rebuild (it changes the whole relation)")
    if threshold is not None:
        check_threshold(threshold)
    if rebuild:
        Archive(db, create=False).close()  # a clear error for a missing archive, before any lock file is made
        with crawl_lock(Path(db)), Archive(db) as archive:
            total = archive.db.table("articles").count
            progress = _ProgressBar("Comparing") if sys.stderr.isatty() else None
            if progress is not None:
                progress.start(total)
            try:
                grouped = rebuild_relation(archive.db, threshold=threshold,
                                           progress=progress.advance if progress else None)
            finally:
                if progress is not None:
                    progress.close()
        click.echo(f"{db}: compared {total} articles; {grouped} are in a cluster of near-duplicates", err=True)
    with Archive(db, readonly=True) as archive:
        check_sources(archive.db, source_names)
        found = find_clusters(archive.db, sources=source_names, since=day.isoformat() if day else None, limit=limit)
    if fmt == "json":
        click.echo(json.dumps([c.to_dict() for c in found], ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo("No near-duplicate clusters.", err=True)
        return
    for cluster in found:
        click.echo(f"{cluster.size} articles  first {cluster.original.source}  first seen {cluster.first_seen}")
        for member in cluster.members:
            similarity = "original" if member.similarity is None else f"{member.similarity:.2f}"
            click.echo(f"  {similarity:>8}  {member.source:12.12}  {member.title or '(no title)'}")
            click.echo(f"            {member.url}")


def _load_plugins(group: click.Group) -> None:
    """Add the commands that other packages (the crawler) register under newsarchive.commands."""
    for ep in entry_points(group="newsarchive.commands"):
        try:
            register = ep.load()
        except ImportError as exc:  # e.g. Scrapy missing: the archive commands still work
            click.echo(f"newsarchive: crawler commands unavailable ({exc})", err=True)
            continue
        register(group)


def main() -> None:
    """Entry point of the `newsarchive` console script."""
    cli(prog_name="newsarchive")
