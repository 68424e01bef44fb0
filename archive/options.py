"""Click options shared by every newsarchive command."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

F = Callable[..., Any]


def db_option(fn: F) -> F:
    """--db: the archive file."""
    return click.option("--db", "db", type=click.Path(dir_okay=False), default="archive.db",
                        show_default=True, envvar="NEWSARCHIVE_DB",
                        help="Archive file (SQLite). Env: NEWSARCHIVE_DB.")(fn)


def sources_option(fn: F) -> F:
    """--sources: the sources TOML file."""
    return click.option("--sources", "sources_file", type=click.Path(dir_okay=False), default="sources.toml",
                        show_default=True, envvar="NEWSARCHIVE_SOURCES",
                        help="Sources file (TOML). Env: NEWSARCHIVE_SOURCES.")(fn)


def source_filter_option(fn: F) -> F:
    """--source NAME, repeatable."""
    return click.option("--source", "source_names", multiple=True, metavar="NAME",
                        help="Only this source (repeatable).")(fn)


def format_option(*choices: str, default: str) -> Callable[[F], F]:
    """--format with the given choices."""
    return click.option("--format", "fmt", type=click.Choice(choices), default=default, show_default=True,
                        help="Output format.")
