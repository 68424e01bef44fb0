"""datasette plugin: the archive's search form as SQL functions, so browser searches match too."""

import sqlite3

from datasette import hookimpl

from archive.searchform import fts_query, search_form


def fts_match(query: object) -> str:
    """fts_query for a MATCH operand: an expression that matches nothing when nothing is searchable."""
    return fts_query("" if query is None else str(query)) or '""'


@hookimpl(trylast=True)  # after datasette's own escape_fts, which this replaces
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.create_function("search_form", 1, search_form, deterministic=True)
    conn.create_function("fts_query", 1, fts_query, deterministic=True)
    conn.create_function("fts_match", 1, fts_match, deterministic=True)
    # The table search box (?_search=) matches escape_fts(:search): fold it like the index.
    conn.create_function("escape_fts", 1, fts_match, deterministic=True)
