"""datasette plugin: the archive's search form as an SQL function, so browser searches match too."""

from datasette import hookimpl

from archive.searchform import fts_query, search_form


@hookimpl
def prepare_connection(conn):
    conn.create_function("search_form", 1, search_form, deterministic=True)
    conn.create_function("fts_query", 1, fts_query, deterministic=True)
