"""The dataset card (README.md) written beside every export."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .fields import Field
from .filters import Filters
from .manifest import WrittenFile, newsarchive_version
from .warc import has_response

TYPES = {
    "parquet": {"text": "string", "time": "timestamp[us, UTC]", "list": "list<string>", "int": "int64"},
    "jsonl": {"text": "string", "time": "string, ISO 8601 with offset", "list": "list of strings",
              "int": "integer"},
    "csv": {"text": "text", "time": "text, ISO 8601 with offset", "list": 'text, joined with "; "',
            "int": "integer"},
}

FORMAT_NOTES = {
    "parquet": (
        "Parquet (zstd-compressed row groups) written with pyarrow; it loads as is in pandas "
        "(`pd.read_parquet`), DuckDB (`SELECT * FROM 'file.parquet'`) and Hugging Face `datasets` "
        "(`load_dataset('parquet', data_files=...)`).\n\n"
        "Times are `timestamp[us, UTC]`. Publishers give `published` and `modified` in their own time "
        "zone: the exact text they gave, with its UTC offset, is kept in `published_local` and "
        "`modified_local`; the timestamp is null when that text has no offset."
    ),
    "jsonl": (
        "JSON Lines: one article per line, UTF-8 without escapes, lists as JSON lists, times as the "
        "ISO 8601 text the archive holds (publication times with the publisher's UTC offset)."
    ),
    "csv": (
        "CSV (RFC 4180, header row) in UTF-8 **with a byte-order mark**, so that Excel shows Persian "
        "and Arabic correctly; pandas, DuckDB and Python's `utf-8-sig` codec skip the mark. Lists are "
        'joined with `"; "`.\n\n'
        "**Spreadsheet safety:** a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return "
        "would run as a formula in a spreadsheet, so such cells start with an added apostrophe (`'`). "
        "Strip one leading apostrophe from those cells to get the exact text, or use the JSONL or "
        "Parquet export, which hold the text unchanged."
    ),
}

ROBOTS_POLICY = (
    "newsarchive obeys robots.txt: before crawling a site it reads the site's robots.txt and does not "
    "fetch pages that it disallows for the crawler (Scrapy's `ROBOTSTXT_OBEY` is on and is not "
    "configurable per source). It fetches pages that readers can see without logging in."
)

RIGHTS = (
    "The articles' text, headlines and images belong to their publishers. This export is a research "
    "copy; check the publishers' terms and your jurisdiction's research exceptions before "
    "redistributing it."
)


@dataclass
class CardContext:
    """What every card says about the export itself."""

    fmt: str
    created: str
    archive_name: str
    filters: Filters
    files: list[WrittenFile]
    split: str | None


def cell(value: Any) -> str:
    """A value as a Markdown table cell."""
    text = "" if value is None else str(value)
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def _in(names: Sequence[str], prefix: str) -> tuple[str, dict[str, str]]:
    params = {f"{prefix}{i}": name for i, name in enumerate(names)}
    return f"({', '.join(':' + k for k in params) or 'NULL'})", params


def _front_matter(title: str, languages: list[str], data_files: list[str]) -> str:
    """YAML header that the Hugging Face Hub and `datasets` read; every scalar is JSON-quoted."""
    lines = ["---", f"pretty_name: {json.dumps(title, ensure_ascii=False)}"]
    codes = [code for code in languages if code and code.isalpha() and len(code) <= 3]
    if codes:
        lines.append("language:")
        lines += [f"- {json.dumps(code)}" for code in codes]
    if data_files:
        lines += ["configs:", "- config_name: default", "  data_files:"]
        lines += [f"  - {json.dumps(name, ensure_ascii=False)}" for name in data_files]
    lines.append("---")
    return "\n".join(lines)


def _sources_section(conn: sqlite3.Connection, counts: list[tuple[str, int]], unit: str) -> str:
    urls = {name: (url, language) for name, url, language in
            conn.execute("SELECT name, url, language FROM sources")}
    rows = [(name, *urls.get(name, (None, None)), count) for name, count in counts]
    return "## Sources\n\n" + table(("source", "url", "language", unit), rows)


def _crawl_section(conn: sqlite3.Connection, sources: list[str]) -> str:
    names, params = _in(sources, "s")
    first, last, captures = conn.execute(
        f"SELECT min(fetched), max(fetched), count(*) FROM captures WHERE source IN {names}", params
    ).fetchone()
    runs, started, finished = conn.execute(
        "SELECT count(*), min(started), max(finished) FROM crawl_runs WHERE id IN "
        f"(SELECT DISTINCT run_id FROM captures WHERE source IN {names})", params).fetchone()
    statuses = conn.execute(
        "SELECT coalesce(status, 'unknown'), count(*) FROM crawl_runs WHERE id IN "
        f"(SELECT DISTINCT run_id FROM captures WHERE source IN {names}) GROUP BY 1 ORDER BY 1",
        params).fetchall()
    lines = ["## Crawl", "",
             f"- Pages fetched from these sources: {captures} (first fetch {first or 'none'}, "
             f"last fetch {last or 'none'}, times in UTC)."]
    if runs:
        by_status = ", ".join(f"{status}: {count}" for status, count in statuses)
        lines.append(f"- Crawl runs: {runs} ({by_status}); the first started {started}, "
                     f"the last finished {finished or 'not yet'}.")
    else:
        lines.append("- Crawl runs: none recorded for these pages.")
    lines += ["", "### Collection policy", "", ROBOTS_POLICY]
    return "\n".join(lines)


PUBLICATION_DATES = ("compared with the date the publisher gave (in the publisher's own time zone); "
                     "articles without a date are left out.")
FETCH_DATES = "compared with the fetch time (UTC)."


def _filters_section(filters: Filters, date_note: str) -> str:
    described = filters.describe()
    if not described:
        return "## Filters\n\nNone: everything in the archive."
    lines = ["## Filters", ""]
    for key, value in described.items():
        shown = ", ".join(value) if isinstance(value, list) else "" if value is True else value
        lines.append(f"- `--{key.replace('_', '-')}` {shown}".rstrip())
    if "since" in described or "until" in described:
        lines.append("")
        lines.append(f"Dates are inclusive calendar dates, {date_note}")
    return "\n".join(lines)


def _cite_section(ctx: CardContext, sources: list[str], first: str | None, last: str | None) -> str:
    year = ctx.created[:4]
    period = f"{(first or '')[:10]} to {(last or '')[:10]}" if first else "no fetches"
    title = f"News archive of {', '.join(sources) or 'no sources'}, crawled {period}"
    bibtex = "\n".join([
        f"@misc{{newsarchive_{ctx.created[:10].replace('-', '')},",
        f"  title        = {{{title}}},",
        f"  year         = {{{year}}},",
        f"  note         = {{Exported with newsarchive {newsarchive_version()} on {ctx.created[:10]}; "
        f"{ctx.fmt}, manifest SHA-256 in manifest.json}},",
        "  howpublished = {Dataset}",
        "}",
    ])
    return ("## How to cite\n\nCite the dataset with its export date and the checksum of the file(s) "
            "you used (from `manifest.json`), and cite individual articles by publisher, title, "
            "publication date and URL.\n\n```bibtex\n" + bibtex + "\n```\n\n## Rights\n\n" + RIGHTS)


def _files_section(ctx: CardContext, unit: str) -> str:
    rows = [(f"`{f.name}`", f.group or "", f.rows) for f in ctx.files]
    by = f", one file per {ctx.split}" if ctx.split else ""
    return (f"## Files\n\n{ctx.fmt}{by}; `manifest.json` lists each file's SHA-256.\n\n"
            + table(("file", "group", unit), rows))


def _grouped(conn: sqlite3.Connection, table: str, where: str, params: Any, key: str) -> list[tuple[str, int]]:
    """Row counts per value of `key` among the exported rows."""
    sql = f"SELECT {key} AS k, count(*) FROM {table} WHERE {where} GROUP BY k ORDER BY k"
    return conn.execute(sql, params).fetchall()


def _fetch_span(conn: sqlite3.Connection, sources: list[str]) -> tuple[str | None, str | None]:
    """The first and last fetch time of the given sources."""
    names, name_params = _in(sources, "s")
    first, last = conn.execute(f"SELECT min(fetched), max(fetched) FROM captures WHERE source IN {names}",
                               name_params).fetchone()
    return first, last


def _duplicates_section(conn: sqlite3.Connection, where: str, params: Any) -> str:
    """Originals and near-duplicate copies per source among the exported articles."""
    rows = conn.execute(f"SELECT a.source, count(*), sum(a.duplicate_of IS NULL), sum(a.duplicate_of IS NOT NULL) "
                        f"FROM articles a WHERE {where} GROUP BY a.source ORDER BY a.source", params).fetchall()
    copies = sum(row[3] for row in rows)
    return ("## Originals and copies\n\nA copy is a near-duplicate of an article published earlier, by any "
            "source: the same story, typically syndicated wire copy with a new headline, lead or tail "
            "(`duplicate_of` names the earliest article of its group; `copies` counts the group's other "
            "articles). Near-duplicates have a Jaccard similarity of at least the archive's threshold over "
            f"the words of their texts. This export holds {copies} copies.\n\n"
            + table(("source", "articles", "originals", "copies"), rows))


def article_card(conn: sqlite3.Connection, ctx: CardContext, fields: list[Field]) -> str:
    """The card of an article export: sources, crawl, counts, schema, extractor, policy, filters, citation."""
    where, params = ctx.filters.article_where()

    def grouped(key: str) -> list[tuple[str, int]]:
        return _grouped(conn, "articles a", where, params, key)

    per_source = grouped("a.source")
    per_language = grouped("coalesce(a.language, 'unknown')")
    per_month = grouped("coalesce(substr(a.published, 1, 7), 'undated')")
    extractors = grouped("coalesce(a.extractor, 'unknown')")
    sources = [name for name, _ in per_source]
    total = sum(count for _, count in per_source)
    first, last = _fetch_span(conn, sources)
    types = TYPES[ctx.fmt]
    schema_rows: list[tuple[str, str, str]] = []
    for field in fields:
        schema_rows.append((f"`{field.name}`", types[field.kind], field.description))
        if field.local and ctx.fmt == "parquet":
            schema_rows.append((f"`{field.name}_local`", "string",
                                f"`{field.name}` exactly as the publisher gave it, with its UTC offset."))
    title = f"newsarchive articles: {', '.join(sources) or 'none'}"
    data_files = [f.name for f in ctx.files] if ctx.fmt in ("parquet", "jsonl", "csv") else []
    parts = [
        _front_matter(title, [code for code, _ in per_language], data_files),
        f"# {title}",
        f"News articles archived by newsarchive {newsarchive_version()} and exported on {ctx.created} "
        f"from `{ctx.archive_name}`: "
        f"**{total} articles** from {len(sources)} source(s).",
        _files_section(ctx, "articles"),
        _sources_section(conn, per_source, "articles"),
        _duplicates_section(conn, where, params),
        _crawl_section(conn, sources),
        "## Articles by language\n\n" + table(("language", "articles"), per_language),
        "## Articles by month of publication\n\nThe month is the publisher's calendar month from "
        "`published`; `undated` counts articles without a publication date.\n\n"
        + table(("month", "articles"), per_month),
        "## Schema\n\n" + FORMAT_NOTES[ctx.fmt] + "\n\n"
        + table(("field", "type", "description"), schema_rows),
        "## Extraction\n\nArticles were extracted from the archived HTML by the extractor below "
        "(`extractor` field); the raw pages are kept in the archive's `captures` table and can be "
        "exported as WARC (`newsarchive export --format warc`).\n\n"
        + table(("extractor", "articles"), extractors),
        _filters_section(ctx.filters, PUBLICATION_DATES),
        _cite_section(ctx, sources, first, last),
    ]
    return "\n\n".join(parts) + "\n"


WARC_NOTES = (
    "WARC/1.0 written with warcio (a `.warc.gz` file has one gzip member per record); it replays in pywb "
    "(`wb-manager add COLLECTION FILE`) and passes `warcio check`.\n\n"
    "- Every capture with an HTTP response becomes a `response` record (WARC-Target-URI is the URL "
    "that answered, after redirects; WARC-Date is when it was fetched) preceded by a `request` "
    "record. The crawler keeps no request headers, so a request record holds only the method, path "
    "and Host.\n"
    "- The crawler stores bodies already decoded, so `Content-Encoding` and `Transfer-Encoding` are "
    "left out of the stored headers, `Content-Length` is the stored body's length, and each original "
    "value of those headers is kept as `X-Archive-Orig-<name>`.\n"
    "- A body identical to an earlier record of the same URL in this file is written as a `revisit` "
    "record (profile identical-payload-digest) that refers to it.\n"
    "- Fetches that failed without an HTTP response body (`outcome = fetch_failed`: timeouts, DNS "
    "errors, HTTP errors whose body the crawler did not keep) are skipped: the archive holds nothing "
    "a WARC response could replay. Their number is given above.\n"
    "- Redirect hops are not stored by the crawler, so no record exists for the URL first requested "
    "when it differs from the one that answered."
)


def warc_card(conn: sqlite3.Connection, ctx: CardContext, skipped: int) -> str:
    """The card of a WARC export: sources, crawl, captures per source and month, WARC notes."""
    where, params = ctx.filters.capture_where()
    written = f"{where} AND {has_response()}"

    def grouped(key: str) -> list[tuple[str, int]]:
        return _grouped(conn, "captures c", written, params, key)

    per_source = grouped("c.source")
    per_month = grouped("substr(c.fetched, 1, 7)")
    per_outcome = grouped("coalesce(c.outcome, 'unknown')")
    sources = [name for name, _ in per_source]
    total = sum(count for _, count in per_source)
    first, last = _fetch_span(conn, sources)
    title = f"newsarchive captures: {', '.join(sources) or 'none'}"
    parts = [
        f"# {title}",
        f"Raw HTTP captures archived by newsarchive {newsarchive_version()} and exported as WARC on "
        f"{ctx.created} from `{ctx.archive_name}`: **{total} captures** from {len(sources)} source(s); "
        f"{skipped} failed fetch(es) without a response were skipped.",
        _files_section(ctx, "captures"),
        _sources_section(conn, per_source, "captures"),
        _crawl_section(conn, sources),
        "## Captures by month of fetch (UTC)\n\n" + table(("month", "captures"), per_month),
        "## Captures by outcome\n\n`outcome` is what the crawler made of the page.\n\n"
        + table(("outcome", "captures"), per_outcome),
        "## WARC records\n\n" + WARC_NOTES,
        _filters_section(ctx.filters, FETCH_DATES),
        _cite_section(ctx, sources, first, last),
    ]
    return "\n\n".join(parts) + "\n"
