"""Captures as WARC: request and response records with the original headers, replayable in pywb."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from base64 import b32encode
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from http import HTTPStatus
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import datetime_to_iso_date
from warcio.warcwriter import WARCWriter

from ..errors import ArchiveError
from ..store import decompress_body
from . import rows
from .filters import Filters
from .manifest import newsarchive_version
from .rows import group_clause

WARC_VERSION = "1.0"
#: Headers that described the bytes on the wire, not the decoded body the crawler stored.
FRAMING_HEADERS = ("content-encoding", "transfer-encoding", "content-length")


def has_response(alias: str = "c") -> str:
    """SQL condition: the server answered and its body was kept, so the capture replays."""
    return (f"{alias}.status IS NOT NULL AND {alias}.outcome IS NOT 'fetch_failed' "
            f"AND {alias}.fetched IS NOT NULL")


@dataclass
class Capture:
    """One captures row, as the WARC writer needs it."""

    id: int
    url: str
    final_url: str | None
    fetched: str
    status: int
    headers: str | None
    body: bytes | None
    body_sha256: str | None
    original_fetched: str | None  # set when an earlier record of this URL has the same body

    @property
    def target(self) -> str:
        return self.final_url or self.url


def warc_date(fetched: str, capture_id: int) -> str:
    """captures.fetched (ISO 8601 with offset) as a WARC-Date in UTC."""
    try:
        moment = datetime.fromisoformat(fetched)
    except ValueError:
        raise ArchiveError(f"capture {capture_id}: unreadable fetch time {fetched!r}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return str(datetime_to_iso_date(moment.astimezone(UTC).replace(tzinfo=None)))


def payload_digest(body: bytes) -> str:
    """The WARC-Payload-Digest warcio writes (base32 SHA-1), so revisits match their original."""
    return "sha1:" + b32encode(hashlib.sha1(body).digest()).decode("ascii")


def http_response_headers(capture: Capture, body_length: int) -> StatusAndHeaders:
    """The stored response headers, made true of the decoded body the archive holds."""
    try:
        stored: dict[str, Any] = json.loads(capture.headers or "{}") or {}
    except ValueError:
        stored = {}
    headers: list[tuple[str, str]] = []
    for name, value in stored.items():
        clean = " ".join(str(value).splitlines())  # a raw CR or LF would end the header block
        if name.lower() in FRAMING_HEADERS:
            headers.append((f"X-Archive-Orig-{name}", clean))
        else:
            headers.append((name, clean))
    headers.append(("Content-Length", str(body_length)))
    try:
        phrase = HTTPStatus(capture.status).phrase
    except ValueError:
        phrase = "Unknown"
    return StatusAndHeaders(f"{capture.status} {phrase}", headers, protocol="HTTP/1.1")


def http_request_headers(url: str) -> StatusAndHeaders:
    """A GET request for `url`: only what the archive knows (method, path, Host)."""
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return StatusAndHeaders(f"GET {path} HTTP/1.1", [("Host", parts.netloc)], is_http_request=True)


class WarcFile:
    """A WARC file being written: a warcinfo record, then one request/response pair per capture."""

    def __init__(self, path: Path, name: str, info: dict[str, str]):
        """Write to `path` the file that will be called `name` (gzip-compressed when it ends in .gz)."""
        self._stream: BinaryIO = open(path, "wb")  # noqa: SIM115 - closed in close()
        self._writer = WARCWriter(self._stream, gzip=name.endswith(".gz"), warc_version=WARC_VERSION)
        self._writer.write_record(self._writer.create_warcinfo_record(name, info))

    def write(self, capture: Capture) -> None:
        """Write a capture: a revisit when its body repeats an earlier record, else a response."""
        body = decompress_body(capture.body)
        if capture.body_sha256 and hashlib.sha256(body).hexdigest() != capture.body_sha256:
            raise ArchiveError(f"capture {capture.id}: body does not match its body_sha256; "
                               "the archive is damaged")
        date = warc_date(capture.fetched, capture.id)
        http_headers = http_response_headers(capture, len(body))
        warc_headers = {"WARC-Date": date}
        if capture.original_fetched is not None:
            response = self._writer.create_revisit_record(
                capture.target, payload_digest(body), capture.target,
                warc_date(capture.original_fetched, capture.id), http_headers=http_headers,
                warc_headers_dict=warc_headers)
        else:
            response = self._writer.create_warc_record(
                capture.target, "response", payload=BytesIO(body), length=len(body),
                http_headers=http_headers, warc_headers_dict=warc_headers)
        request = self._writer.create_warc_record(capture.target, "request",
                                                  http_headers=http_request_headers(capture.target),
                                                  warc_headers_dict=dict(warc_headers))
        self._writer.write_request_response_pair(request, response)
        for record in (request, response):
            if record.raw_stream is not None:
                record.raw_stream.close()  # warcio buffers a record without a length in a temp file

    def close(self) -> None:
        self._stream.close()


def warc_info(filters: Filters, created: str) -> dict[str, str]:
    """The warcinfo record's fields."""
    return {"software": f"newsarchive {newsarchive_version()}", "format": f"WARC File Format {WARC_VERSION}",
            "description": "Raw HTTP captures exported from a newsarchive archive",
            "robots": "obey", "created": created,
            "newsarchive-filters": json.dumps(filters.describe(), ensure_ascii=False)}


def capture_groups(conn: sqlite3.Connection, filters: Filters, split: str) -> list[str]:
    """The groups of --split source|month (month of fetch, UTC) among exportable captures."""
    where, params = filters.capture_where()
    key = "c.source" if split == "source" else "substr(c.fetched, 1, 7)"
    rows = conn.execute(f"SELECT DISTINCT {key} FROM captures c WHERE {where} AND {has_response()}",
                        params).fetchall()
    return sorted(value for (value,) in rows)


def count_captures(conn: sqlite3.Connection, filters: Filters, *, with_response: bool = True) -> int:
    """Captures the export writes (or, with with_response=False, skips for want of a response)."""
    where, params = filters.capture_where()
    condition = has_response() if with_response else f"NOT ({has_response()})"
    return int(conn.execute(f"SELECT count(*) FROM captures c WHERE {where} AND {condition}", params)
               .fetchone()[0])


def iter_captures(conn: sqlite3.Connection, filters: Filters, split: str | None = None,
                  group: str | None = None, batch_rows: int | None = None) -> Iterator[list[Capture]]:
    """Batches of exportable captures in the order they were stored."""
    where, params = filters.capture_where("c")
    earlier_where, _ = filters.capture_where("o")
    extra, extra_params = group_clause(split, group, "c", "fetched")
    earlier_extra, _ = group_clause(split, group, "o", "fetched")
    # The first earlier capture of the same URL with the same body that this same file also holds.
    original = (
        f"SELECT o.fetched FROM captures o WHERE o.url = c.url AND o.final_url IS c.final_url "
        f"AND o.body_sha256 = c.body_sha256 AND o.id < c.id AND o.size > 0 "
        f"AND {earlier_where} AND {earlier_extra} AND {has_response('o')} "
        "ORDER BY o.id LIMIT 1"
    )
    cursor = conn.execute(
        "SELECT c.id, c.url, c.final_url, c.fetched, c.status, c.headers, c.body, c.body_sha256, "
        f"({original}) FROM captures c WHERE {where} AND {extra} AND {has_response()} ORDER BY c.id",
        {**params, **extra_params},
    )
    try:
        while batch := cursor.fetchmany(batch_rows or rows.BATCH_ROWS):
            yield [Capture(*row) for row in batch]
    finally:
        cursor.close()
