"""datasette plugin: the archive's metadata for any database name, a month facet, and our own pages."""

import copy
import json
from pathlib import Path
from typing import Any

from datasette import hookimpl

from archive.datasette.copies import article_copies
from archive.datasette.copies_facet import HasCopiesFacet
from archive.datasette.month_facet import MonthFacet
from archive.datasette.pages import daily_page, json_list, search_page, text_direction

#: Table and column descriptions, facets and canned queries of every archive served.
DATABASE_METADATA = json.loads((Path(__file__).parent.parent / "database.json").read_text(encoding="utf-8"))
NOT_ARCHIVES = frozenset({"_internal", "_memory"})


@hookimpl
def get_metadata(datasette: Any, key: str, database: str | None, table: str | None) -> dict[str, Any]:
    # datasette names a database after its file's stem, so apply the metadata to whatever is served.
    names = [database] if database else list(datasette.databases)
    return {"databases": {name: copy.deepcopy(DATABASE_METADATA)
                          for name in names if name not in NOT_ARCHIVES}}


@hookimpl
def register_facet_classes() -> list[type[Any]]:
    return [MonthFacet, HasCopiesFacet]


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [(r"^/(?P<database>[^/]+)/-/search$", search_page),
            (r"^/(?P<database>[^/]+)/-/articles-per-day$", daily_page)]


@hookimpl
def prepare_jinja2_environment(env: Any) -> None:
    env.filters["text_direction"] = text_direction
    env.filters["json_list"] = json_list


@hookimpl
def extra_template_vars(view_name: str, table: str | None, database: str | None, request: Any,
                        datasette: Any) -> Any:
    if view_name == "row" and table == "articles" and database:
        return article_copies(datasette, database, request)
    return None
