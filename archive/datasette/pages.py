"""The archive's own datasette pages: a search page and a chart of articles per day per source."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from typing import Any

from datasette.database import Database as DatasetteDatabase
from datasette.database import QueryInterrupted
from datasette.utils import tilde_decode
from datasette.utils.asgi import NotFound, Request, Response
from sqlite_utils import Database

from archive.search import search_articles
from archive.searchform import fts_query

from .chart import chart_window, daily_chart

SEARCH_LIMIT = 50
CHART_DAYS, MAX_CHART_DAYS = 90, 3660
#: Languages written right to left; their text is shown with dir="rtl".
RTL_LANGUAGES = frozenset({"ar", "fa", "ur", "ps", "he", "yi", "ckb", "sd", "ug", "dv", "bal", "lrc", "mzn",
                           "glk", "azb", "arz", "ary", "arq", "apc", "acm"})


def text_direction(language: str | None) -> str:
    """The dir attribute for text in `language`: rtl, ltr, or auto when the language is unknown."""
    if not language:
        return "auto"
    return "rtl" if language.split("-")[0].lower() in RTL_LANGUAGES else "ltr"


def json_list(value: str | None) -> list[str]:
    """The items of a JSON list column (authors, tags), or [] when it holds anything else."""
    try:
        items = json.loads(value or "[]")
    except ValueError:
        return []
    return [str(item) for item in items] if isinstance(items, list) else []


def date_bounds(since: str, until: str) -> tuple[str | None, str | None]:
    """Inclusive YYYY-MM-DD bounds as search_articles' since and exclusive until; ValueError if malformed."""
    start = date.fromisoformat(since).isoformat() if since else None
    end = (date.fromisoformat(until) + timedelta(days=1)).isoformat() if until else None
    return start, end


async def _archive_db(datasette: Any, request: Request) -> DatasetteDatabase:
    try:
        db = datasette.get_database(route=tilde_decode(request.url_vars["database"]))
    except KeyError:
        raise NotFound("Database not found") from None
    await datasette.ensure_permissions(request.actor, [("view-database", db.name), "view-instance"])
    return db


def _search(conn: sqlite3.Connection, query: str, sources: list[str], since: str | None,
            until: str | None) -> list[dict[str, Any]]:
    results = search_articles(Database(conn), query, sources=sources, limit=SEARCH_LIMIT, since=since,
                              until=until)
    urls = [r["url"] for r in results]
    marks = ", ".join("?" * len(urls))
    ids = dict(conn.execute(f"SELECT url, id FROM articles WHERE url IN ({marks})", urls).fetchall())
    for row in results:
        row["id"] = ids.get(row["url"])
        row["dir"] = text_direction(row["language"])
    return results


async def search_page(datasette: Any, request: Request) -> Response:
    """/DB/-/search?q=&source=&since=&until=: best matches first, each with a snippet of its text."""
    db = await _archive_db(datasette, request)
    query = request.args.get("q", "").strip()
    source = request.args.get("source", "")
    since, until = request.args.get("since", "").strip(), request.args.get("until", "").strip()
    results: list[dict[str, Any]] = []
    message = None
    if query and not fts_query(query):
        message = "Nothing to search for: type at least one word with a letter or a digit."
    elif query:
        try:
            start, end = date_bounds(since, until)
        except ValueError:
            message = "Dates must be written like 2024-03-15."
        else:
            try:
                results = await db.execute_fn(
                    lambda conn: _search(conn, query, [source] if source else [], start, end))
            except (sqlite3.Error, QueryInterrupted) as exc:
                message = f"The search could not be run ({exc}); try fewer or simpler words."
            if not results and not message:
                message = "No article matches. Try fewer words, a word* prefix, or no source or date filter."
    sources = [row[0] for row in await db.execute("SELECT name FROM sources ORDER BY name")]
    context = {"database": db.name, "query": query, "source": source, "since": since, "until": until,
               "sources": sources, "results": results, "message": message, "limit": SEARCH_LIMIT}
    return Response.html(await datasette.render_template("newsarchive_search.html", context, request=request))


async def daily_page(datasette: Any, request: Request) -> Response:
    """/DB/-/articles-per-day?days=N: a line per source over the N days up to the latest article."""
    db = await _archive_db(datasette, request)
    try:
        days = min(max(int(request.args.get("days", CHART_DAYS)), 1), MAX_CHART_DAYS)
    except ValueError:
        days = CHART_DAYS
    today = date.today()
    latest = (await db.execute("SELECT max(published) FROM articles WHERE published < ?",
                               [(today + timedelta(days=2)).isoformat()])).first()[0]
    first, last = chart_window(latest, days, today)
    rows = await db.execute(
        "SELECT substr(published, 1, 10) AS day, source, count(*) FROM articles "
        "WHERE published >= ? AND published < ? GROUP BY day, source",
        [first.isoformat(), (last + timedelta(days=1)).isoformat()])
    chart = daily_chart(((r[0], r[1], r[2]) for r in rows.rows), first, last)
    context = {"database": db.name, "chart": chart, "days": days}
    return Response.html(await datasette.render_template("newsarchive_daily.html", context, request=request))
