"""Reading WARC files: the HTML pages they hold, for `newsarchive extract`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from .errors import ArchiveError

HTML_TYPES = ("text/html", "application/xhtml+xml")
#: The body is yielded decoded, so headers about the wire encoding no longer describe it.
DROPPED_HEADERS = ("content-encoding", "transfer-encoding", "content-length")
SNIFF_BYTES = 512


def _is_html(content_type: str, body: bytes) -> bool:
    if content_type:
        return content_type.split(";")[0].strip().lower() in HTML_TYPES
    start = body[:SNIFF_BYTES].lstrip().lower()
    return start.startswith(b"<!doctype html") or b"<html" in start


def iter_warc_pages(path: str | Path) -> Iterator[tuple[str, dict[str, str], bytes]]:
    """Yield (url, headers, body) for every successful (2xx) HTML response in a WARC or ARC file.

    * ``path`` may be gzip-compressed (``.warc.gz``) or not; ARC files are read too.
    * ``url`` is the record's WARC-Target-URI.
    * ``headers`` are the HTTP response headers, names lower-cased, repeated headers joined with
      ", ", without Content-Encoding, Transfer-Encoding and Content-Length (which describe the
      bytes on the wire, not the decoded body).
    * ``body`` is the payload with any chunking and content encoding (gzip, br, deflate) undone.

    Skipped: request, metadata and warcinfo records, ``revisit`` records (they carry no body; their
    payload is that of an earlier response), non-2xx responses and responses that are not HTML
    (by Content-Type, or by sniffing the body when there is none).
    A damaged or foreign file raises ArchiveError.
    """
    path = Path(path)
    try:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream, arc2warc=True):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                status = record.http_headers.get_statuscode() or ""
                if not (status.isdigit() and 200 <= int(status) < 300):
                    continue
                headers: dict[str, str] = {}
                for name, value in record.http_headers.headers:
                    key = name.lower()
                    if key not in DROPPED_HEADERS:
                        headers[key] = f"{headers[key]}, {value}" if key in headers else value
                body = record.content_stream().read()
                if _is_html(headers.get("content-type", ""), body):
                    yield record.rec_headers.get_header("WARC-Target-URI"), headers, body
    except FileNotFoundError:
        raise ArchiveError(f"{path}: no such WARC file") from None
    except IsADirectoryError:
        raise ArchiveError(f"{path}: is a directory, not a WARC file") from None
    except (ArchiveLoadFailed, StatusAndHeadersParserException, OSError, EOFError, ValueError) as exc:
        raise ArchiveError(f"{path}: unreadable WARC file ({exc})") from None
