"""A server that misbehaves at the byte level (drips, lies about lengths, breaks chunking)."""

from __future__ import annotations

import socket
import socketserver
import threading
import time
from collections import Counter
from collections.abc import Callable

Behaviour = Callable[[socket.socket], None]


def _head(status: str, headers: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {status}", *(f"{k}: {v}" for k, v in headers.items()), "", ""]
    return "\r\n".join(lines).encode("latin-1")


HTML = {"Content-Type": "text/html; charset=utf-8"}


def drip(seconds: float = 20.0) -> Behaviour:
    """Announce a page, then send one byte per second."""
    def run(sock: socket.socket) -> None:
        sock.sendall(_head("200 OK", {**HTML, "Content-Length": "100000"}))
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            sock.sendall(b"<")
            time.sleep(1)
    return run


def short_body() -> Behaviour:
    """Content-Length says 50 000 bytes; 300 arrive, then the connection closes."""
    def run(sock: socket.socket) -> None:
        sock.sendall(_head("200 OK", {**HTML, "Content-Length": "50000"}) + b"<html><body><p>" + b"x" * 280)
    return run


def broken_chunks() -> Behaviour:
    """A chunked body whose second chunk size is not hexadecimal."""
    def run(sock: socket.socket) -> None:
        sock.sendall(_head("200 OK", {**HTML, "Transfer-Encoding": "chunked"})
                     + b"10\r\n<html><body><p>ab\r\nzz\r\nbroken\r\n0\r\n\r\n")
    return run


def endless_body(size: int) -> Behaviour:
    """`size` bytes with no Content-Length, ended by closing the connection."""
    def run(sock: socket.socket) -> None:
        sock.sendall(_head("200 OK", {**HTML, "Connection": "close"}))
        chunk = b"<p>" + b"y" * 65533
        sent = 0
        try:
            while sent < size:
                sock.sendall(chunk)
                sent += len(chunk)
        except OSError:
            pass  # the client gave up, as it should
    return run


def ok_page(body: bytes) -> Behaviour:
    def run(sock: socket.socket) -> None:
        sock.sendall(_head("200 OK", {**HTML, "Content-Length": str(len(body))}) + body)
    return run


class RawServer:
    """Dispatch each request path to a byte-level behaviour; unknown paths get 404."""

    def __init__(self, routes: dict[str, Behaviour], host: str = "127.0.0.1"):
        self.routes = routes
        self.hits: Counter[str] = Counter()
        server = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                data = b""
                while b"\r\n\r\n" not in data and len(data) < 65536:
                    chunk = self.request.recv(4096)
                    if not chunk:
                        return
                    data += chunk
                path = data.split(b" ", 2)[1].decode("latin-1") if data.count(b" ") >= 2 else "/"
                server.hits[path] += 1
                behaviour = server.routes.get(path)
                try:
                    if behaviour is None:
                        self.request.sendall(_head("404 Not Found", {"Content-Length": "0"}))
                    else:
                        behaviour(self.request)
                except OSError:
                    pass

        self._server = socketserver.ThreadingTCPServer((host, 0), Handler)
        self._server.daemon_threads = True
        self.base_url = f"http://{host}:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> RawServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
