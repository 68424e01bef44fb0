"""Run `newsarchive` in a forked child and SIGKILL it at a chosen point of its archive writes.

Children fork from a forkserver that imported the crawler once, so a child starts in milliseconds
and runs the real command (its own Scrapy reactor, its own process). A kill point is found through
sqlite3's statement trace, which sees every statement the archive runs without touching its code:

* ``("after_items", n)``: at the first statement after n items (captures with their articles) committed;
* ``("in_transaction", n)``: at the n-th write statement inside an open transaction;
* ``("capture_write", n)``: as the n-th capture row is being inserted.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import resource
import signal
import sqlite3
import sys
from collections.abc import Sequence
from multiprocessing.process import BaseProcess
from typing import Any

KINDS = ("after_items", "in_transaction", "capture_write")
_WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)
_CAPTURE = re.compile(r"""^\s*INSERT\s+INTO\s+[\["]?captures\b""", re.IGNORECASE)
_PRELOAD = ["archive.cli", "crawler.cli", "crawler.runner", "crawler.spiders.news", "crawler.article",
            "tests.support.killpoints"]
_context: Any = None


def _forkserver() -> Any:
    global _context
    if _context is None:
        _context = multiprocessing.get_context("forkserver")
        _context.set_forkserver_preload(_PRELOAD)
    return _context


class KillPoint:
    """Counts the archive's statements and kills this process at the chosen one."""

    def __init__(self, kind: str, n: int):
        if kind not in KINDS:
            raise ValueError(kind)
        self.kind, self.n = kind, n
        self.commits = self.writes = self.captures = 0
        self.pending = False  # a capture was written in the open transaction

    def __call__(self, statement: str) -> None:
        if self._due(statement):
            os.kill(os.getpid(), signal.SIGKILL)

    def _due(self, statement: str) -> bool:
        text = statement.lstrip().upper()
        if self.kind == "after_items":
            if self.commits >= self.n:
                return True
            if _CAPTURE.match(statement):
                self.pending = True
            elif self.pending and text.startswith("COMMIT"):
                self.commits, self.pending = self.commits + 1, False
            return False
        if self.kind == "in_transaction":
            self.writes += bool(_WRITE.match(statement))
            return self.writes >= self.n and bool(_WRITE.match(statement))
        self.captures += bool(_CAPTURE.match(statement))
        return self.captures >= self.n and bool(_CAPTURE.match(statement))


def _install(point: KillPoint) -> None:
    """Every sqlite3 connection this process opens reports its statements to `point`."""
    original = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = original(*args, **kwargs)
        conn.set_trace_callback(point)
        return conn

    sqlite3.connect = connect  # type: ignore[assignment]


def _child(args: list[str], kill: tuple[str, int] | None, file_limit: int | None) -> None:
    if file_limit is not None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))
    if kill is not None:
        _install(KillPoint(*kill))
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    from archive.cli import cli

    try:
        cli.main(args, prog_name="newsarchive")
    except SystemExit as exc:
        sys.stderr.flush()
        os._exit(exc.code if isinstance(exc.code, int) else 1)
    os._exit(0)


def start(args: Sequence[str], kill: tuple[str, int] | None = None, *, file_limit: int | None = None,
          stderr_path: str | None = None) -> BaseProcess:
    """`newsarchive ARGS` in a forked child, killed at `kill` when given; stderr to `stderr_path`."""
    process = _forkserver().Process(target=_redirected, args=(list(args), kill, file_limit, stderr_path))
    process.start()
    return process


def _redirected(args: list[str], kill: tuple[str, int] | None, file_limit: int | None,
                stderr_path: str | None) -> None:
    if stderr_path is not None:
        fd = os.open(stderr_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(fd, 2)
        sys.stderr = os.fdopen(2, "w", buffering=1, closefd=False)
    _child(args, kill, file_limit)


def run(args: Sequence[str], kill: tuple[str, int] | None = None, *, file_limit: int | None = None,
        stderr_path: str | None = None, timeout: float = 120) -> int:
    """Run `newsarchive ARGS` in a forked child to its end (or its kill point); its exit code (-9: killed)."""
    process = start(args, kill, file_limit=file_limit, stderr_path=stderr_path)
    process.join(timeout)
    if process.exitcode is None:
        process.kill()
        process.join(10)
        raise TimeoutError(f"newsarchive {' '.join(args)} did not finish in {timeout}s")
    return int(process.exitcode)
