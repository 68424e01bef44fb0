"""The `newsarchive` command line: archive commands here, crawler commands added by entry point."""

from __future__ import annotations

import json
from importlib.metadata import entry_points
from pathlib import Path

import click

from .errors import NewsarchiveError
from .options import db_option, format_option, source_filter_option
from .search import search_articles
from .store import Archive


class _UserError(click.ClickException):
    """A NewsarchiveError shown as one line, with its exit code."""

    def __init__(self, exc: NewsarchiveError):
        super().__init__(str(exc))
        self.exit_code = exc.exit_code

    def format_message(self) -> str:
        return self.message


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
            raise _UserError(exc) from None


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
