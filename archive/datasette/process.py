"""Run `newsarchive serve` in a child process on a free local port (for tests and benchmarks)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

REPO_ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, process: subprocess.Popen[bytes], log: IO[bytes], timeout: float = 30.0) -> None:
    """Poll `url` until it answers; raise with the server's output if it dies or never answers."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            output = log.read().decode(errors="replace")
            raise RuntimeError(f"datasette exited with {process.returncode}:\n{output}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    raise RuntimeError(f"datasette did not answer {url} within {timeout} s")


@contextmanager
def running_datasette(db: Path, *, bare: bool = False) -> Iterator[str]:
    """Yield the base URL of `newsarchive serve --db DB`, or of bare `datasette serve DB` (no extras)."""
    port = free_port()
    if bare:
        command = ["-m", "datasette", "serve", str(db), "--host", "127.0.0.1", "--port", str(port)]
    else:
        command = ["-c", "from archive.cli import cli; cli()", "serve", "--db", str(db), "--port", str(port)]
    path = os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": path}
    base = f"http://127.0.0.1:{port}"
    # The access log goes to a file: a pipe nobody reads would fill up and stall the server.
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen([sys.executable, *command], env=env,
                                   stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_until_up(base + "/-/versions.json", process, log)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
