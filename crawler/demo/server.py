"""Serve demo sites over HTTP on 127.0.0.1, with conditional requests, hit counts and injectable faults.

Run one site until killed (its base URL is the first line on stdout):
    python -m crawler.demo.server --site sahel [--port 0]
"""

from __future__ import annotations

import argparse
import hashlib
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote

from crawler.demo.model import Page, Site

SiteFactory = Callable[[str], Site]
KEPT_ON_304 = ("ETag", "Last-Modified", "Cache-Control", "Vary")


@dataclass
class Override:
    """A fault injected for one path: another status, a delay, extra headers or another body."""

    status: int | None = None
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    times: int | None = None  # apply to this many requests, then lapse; None: until cleared


@dataclass(frozen=True)
class Request:
    """One request the server answered."""

    method: str
    path: str
    headers: dict[str, str]
    status: int
    time: float = field(default_factory=time.monotonic)  # when it was answered (monotonic clock)


def etag_of(body: bytes) -> str:
    """A strong entity tag for a body."""
    return '"' + hashlib.sha1(body).hexdigest()[:20] + '"'


def not_modified(request_headers: Any, etag: str, last_modified: str | None) -> bool:
    """Whether a GET/HEAD with these conditional headers should get 304 (RFC 9110 §13.2.2)."""
    if_none_match = request_headers.get("If-None-Match")
    if if_none_match is not None:
        tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
        return "*" in tags or etag.removeprefix("W/") in tags
    since = request_headers.get("If-Modified-Since")
    if since and last_modified:
        try:
            return parsedate_to_datetime(last_modified) <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
    return False


class SiteServer:
    """A threaded HTTP server for one demo site, in a daemon thread.

    `site_factory` gets the base URL once the port is bound (pages hold absolute links); a built
    Site may be given instead. `set_site()` swaps the site and pages may be changed in place between
    crawls; `override()` makes paths fail, slow down or answer Retry-After. `hits` counts requests per
    decoded path (with query) and `requests` lists them in order.
    """

    def __init__(self, site_factory: SiteFactory | Site, host: str = "127.0.0.1", port: int = 0, *,
                 log: bool = False):
        self._factory = site_factory
        self._host = host
        self._port = port
        self.log = log
        self.site: Site = Site("")
        self.hits: Counter[str] = Counter()
        self.requests: list[Request] = []
        self._overrides: dict[str, Override] = {}
        self._lock = threading.Lock()
        self._started = datetime.now(UTC).replace(microsecond=0)
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.base_url = ""

    def start(self) -> str:
        """Bind, build the site for the bound address, serve in a daemon thread; return the base URL."""
        if self._httpd is not None:
            return self.base_url
        httpd = ThreadingHTTPServer((self._host, self._port), _handler_for(self))
        httpd.daemon_threads = True
        httpd.handle_error = self._handle_error  # type: ignore[method-assign]
        host, port = httpd.server_address[:2]
        self.base_url = f"http://{host if isinstance(host, str) else host.decode()}:{port}"
        try:
            self.site = self._factory if isinstance(self._factory, Site) else self._factory(self.base_url)
        except BaseException:
            httpd.server_close()
            raise
        self._httpd = httpd
        self._thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.1},
                                        name=f"SiteServer {self.base_url}", daemon=True)
        self._thread.start()
        return self.base_url

    def stop(self) -> None:
        """Stop serving and release the port."""
        if self._httpd is None:
            return
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = None
        self._thread = None

    def __enter__(self) -> SiteServer:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def set_site(self, site: SiteFactory | Site) -> None:
        """Serve another site (or a factory's site for this base URL) from the next request on."""
        self.site = site if isinstance(site, Site) else site(self.base_url)

    def override(self, path: str, *, status: int | None = None, delay: float = 0.0,
                 retry_after: int | None = None, headers: dict[str, str] | None = None,
                 body: bytes | None = None, times: int | None = None) -> None:
        """Inject a fault for `path` (decoded, with query; without query it covers every query)."""
        extra = dict(headers or {})
        if retry_after is not None:
            extra["Retry-After"] = str(retry_after)
        with self._lock:
            self._overrides[path] = Override(status, delay, extra, body, times)

    def clear_overrides(self, path: str | None = None) -> None:
        """Remove the override of `path`, or all of them."""
        with self._lock:
            if path is None:
                self._overrides.clear()
            else:
                self._overrides.pop(path, None)

    def reset_hits(self) -> None:
        """Forget counted hits and recorded requests."""
        with self._lock:
            self.hits.clear()
            self.requests.clear()

    def _take_override(self, path: str) -> Override | None:
        with self._lock:
            key = path if path in self._overrides else path.split("?", 1)[0]
            fault = self._overrides.get(key)
            if fault is not None and fault.times is not None:
                fault.times -= 1
                if fault.times <= 0:
                    del self._overrides[key]
            return fault

    def _record(self, method: str, path: str, headers: dict[str, str], status: int) -> None:
        with self._lock:
            self.hits[path] += 1
            self.requests.append(Request(method, path, headers, status))

    def _handle_error(self, request: Any, client_address: Any) -> None:
        if self.log:
            ThreadingHTTPServer.handle_error(self._httpd, request, client_address)  # type: ignore[arg-type]

    def respond(self, method: str, raw_path: str, request_headers: Any) -> tuple[int, dict[str, str], bytes]:
        """Status, headers and body for one request (the body is dropped for HEAD by the handler)."""
        target, _, query = raw_path.partition("?")
        path = unquote(target) + (f"?{query}" if query else "")
        fault = self._take_override(path)
        if fault is not None and fault.delay:
            time.sleep(fault.delay)
        page = self.site.lookup(path)
        if fault is not None and (fault.status is not None or fault.body is not None):
            page = Page(fault.status or page.status, dict(page.headers),
                        fault.body if fault.body is not None else page.body)
        headers = dict(page.headers)
        headers.setdefault("Content-Type", "text/html; charset=utf-8")
        if page.status == 200:
            headers.setdefault("ETag", etag_of(page.body))
            headers.setdefault("Last-Modified", format_datetime(self._started, usegmt=True))
        if fault is not None:
            headers.update(fault.headers)
        status, body = page.status, page.body
        if method not in ("GET", "HEAD"):
            status, body = 405, b"Method Not Allowed"
            headers = {"Allow": "GET, HEAD", "Content-Type": "text/plain"}
        elif status == 200 and not_modified(request_headers, headers["ETag"], headers.get("Last-Modified")):
            status, body = 304, b""
            headers = {k: v for k, v in headers.items() if k in KEPT_ON_304}
        self._record(method, path, dict(request_headers.items()), status)
        return status, headers, body


def _handler_for(server: SiteServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "newsarchive-demo/1"

        def _serve(self, method: str) -> None:
            status, headers, body = server.respond(method, self.path, self.headers)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if method != "HEAD" and status != 304:
                self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            self._serve("GET")

        def do_HEAD(self) -> None:  # noqa: N802
            self._serve("HEAD")

        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            self._serve("POST")

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (overrides the stdlib name)
            if server.log:
                super().log_message(format, *args)

    return Handler


@contextmanager
def serve_demo(sources: list[str] | None = None, *, log: bool = False,
               ports: dict[str, int] | None = None) -> Iterator[dict[str, str]]:
    """Serve every demo source (or the named ones) on 127.0.0.1; yield {name: base_url}.

    `ports` names a preferred port per source (so that repeated demo runs see the same URLs);
    a port that is taken falls back to an ephemeral one.
    """
    from crawler.demo import DEMO_SOURCES, site_factory

    with ExitStack() as stack:
        urls = {}
        for name in sources or DEMO_SOURCES:
            try:
                server = stack.enter_context(SiteServer(site_factory(name), port=(ports or {}).get(name, 0), log=log))
            except OSError:
                server = stack.enter_context(SiteServer(site_factory(name), log=log))
            urls[name] = server.base_url
        yield urls


def main(argv: list[str] | None = None) -> None:
    """Serve one demo site until killed, printing its base URL first."""
    from crawler.demo import DEMO_SOURCES, site_factory

    parser = argparse.ArgumentParser(prog="python -m crawler.demo.server", description=main.__doc__)
    parser.add_argument("--site", choices=DEMO_SOURCES, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--log", action="store_true", help="log requests to stderr")
    args = parser.parse_args(argv)
    server = SiteServer(site_factory(args.site), args.host, args.port, log=args.log)
    print(server.start(), flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


if __name__ == "__main__":
    main()
