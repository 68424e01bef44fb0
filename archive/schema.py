"""The archive's public schema, built only by numbered migrations."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("newsarchive")

#: Public tables: names are a contract with datasette users and researchers.
PUBLIC_TABLES = ("articles", "captures", "sources", "crawl_runs", "revisions", "frontier", "http_validators",
                 "boilerplate_lines", "boilerplate_sources", "near_duplicates")


@migrations()
def m001_initial(db: Database) -> None:
    """Articles, captures, sources, runs, revisions and their full-text index."""
    db.table("sources").create(
        {"name": str, "url": str, "language": str, "timezone": str, "calendar": str,
         "config": str, "added": str, "updated": str},
        pk="name",
    )
    db.table("crawl_runs").create(
        {"id": int, "started": str, "finished": str, "status": str, "sources": str,
         "discovered": int, "fetched": int, "articles_new": int, "articles_updated": int,
         "articles_unchanged": int, "not_modified": int, "fetch_failed": int,
         "extraction_failed": int, "not_article": int, "blocked": int, "bytes": int,
         "per_source": str, "error": str},
        pk="id",
    )
    db.table("captures").create(
        {"id": int, "run_id": int, "source": str, "url": str, "final_url": str, "fetched": str,
         "status": int, "headers": str, "body": bytes, "body_encoding": str, "body_sha256": str,
         "size": int, "charset": str, "outcome": str, "error": str},
        pk="id",
        foreign_keys=[("run_id", "crawl_runs", "id")],
    )
    db.table("captures").create_index(["url"])
    db.table("captures").create_index(["source", "fetched"])
    db.table("articles").create(
        {"id": int, "url": str, "source": str, "title": str, "text": str, "published": str,
         "modified": str, "language": str, "authors": str, "description": str, "tags": str,
         "categories": str, "image": str, "sitename": str, "word_count": int, "content_hash": str,
         "date_evidence": str, "first_seen": str, "last_seen": str, "last_changed": str,
         "capture_id": int, "status": str, "extractor": str, "boilerplate_removed": int},
        pk="id",
        not_null={"url", "source"},
        foreign_keys=[("capture_id", "captures", "id"), ("source", "sources", "name")],
    )
    db.table("articles").create_index(["url"], unique=True)
    db.table("articles").create_index(["source", "published"])
    db.table("articles").create_index(["published"])
    db.table("articles").create_index(["language"])
    db.table("revisions").create(
        {"id": int, "article_id": int, "url": str, "title": str, "text": str, "content_hash": str,
         "capture_id": int, "first_seen": str, "replaced": str},
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("capture_id", "captures", "id")],
    )
    db.table("revisions").create_index(["article_id"])
    # The index holds the *search form* of title and text (archive.searchform), not the text as
    # published, so that Arabic/Persian letter variants, digits and ZWNJ spellings match.
    db.execute(
        "CREATE VIRTUAL TABLE articles_fts USING fts5("
        "title, text, tokenize='unicode61 remove_diacritics 2')"
    )


@migrations()
def m002_frontier(db: Database) -> None:
    """The crawl frontier: every discovered URL until it is fetched or has failed."""
    db.table("frontier").create(
        {"url": str, "source": str, "kind": str, "depth": int, "discovered": str, "run_id": int,
         "state": str, "attempts": int, "updated": str, "error": str, "hint_date": str,
         "article_url": str},
        pk="url",
    )
    db.table("frontier").create_index(["source", "state"])


@migrations()
def m003_validators_and_url_keys(db: Database) -> None:
    """HTTP validators per feed/sitemap URL, and a key that joins http/https/www/m. spellings."""
    db.table("http_validators").create(
        {"url": str, "etag": str, "last_modified": str, "updated": str}, pk="url")
    db.table("articles").add_column("url_key", str)
    db.table("articles").create_index(["url_key"])


@migrations()
def m004_robots_disallowed(db: Database) -> None:
    """Count URLs that robots.txt kept the crawler from, apart from failures."""
    db.table("crawl_runs").add_column("robots_disallowed", int)


@migrations()
def m005_learned_boilerplate(db: Database) -> None:
    """Lines that recur across a source's articles, counted per source, to learn its boilerplate."""
    db.table("boilerplate_lines").create(
        {"source": str, "key": str, "example": str, "count": int, "last_article": int},
        pk=("source", "key"))
    db.table("boilerplate_sources").create({"source": str, "articles": int}, pk="source")


@migrations()
def m006_source_hash(db: Database) -> None:
    """The digest of the text as extracted before learned boilerplate was removed: a revisit of an
    unchanged page is unchanged even after the learned lines of its source changed."""
    db.table("articles").add_column("source_hash", str)


@migrations()
def m009_near_duplicates(db: Database) -> None:
    """Near-duplicate articles across sources: each article's group original, the matched pairs, and
    the LSH band keys (archive.duplicates) that find an article's candidates through one index."""
    articles = db.table("articles")
    articles.add_column("duplicate_of", str)
    articles.add_column("copies", int, not_null_default=0)
    articles.create_index(["duplicate_of"])
    articles.create_index(["copies"])
    db.table("near_duplicates").create(
        {"article": int, "other": int, "similarity": float, "found": str},
        pk=("article", "other"),
        foreign_keys=[("article", "articles", "id"), ("other", "articles", "id")],
    )
    db.table("near_duplicates").create_index(["other"])
    # One row per (band key, article): the check is one index lookup per band, at any archive size.
    db.execute("CREATE TABLE near_duplicate_bands (key INTEGER NOT NULL, article INTEGER NOT NULL, "
               "PRIMARY KEY (key, article)) WITHOUT ROWID")
    # Each article's band keys, so a new version of the article can take its old keys out.
    db.table("near_duplicate_keys").create({"article": int, "keys": bytes}, pk="article")
    db.table("near_duplicate_settings").create(
        {"id": int, "threshold": float, "shingle": int, "bands": int, "rows": int, "seed": int,
         "min_words": int}, pk="id")


@migrations()
def m013_capture_decision(db: Database) -> None:
    """Why the crawl did or did not archive a fetched page as an article (JSON: article, reasons)."""
    db.table("captures").add_column("decision", str)


def migrate(db: Database) -> None:
    """Apply every pending migration."""
    migrations.apply(db)
