"""One crawl at a time per archive: an advisory lock file beside the database."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import ArchiveError, LockedError


class CrawlLock:
    """`<db>.lock`, held with flock for as long as a crawl writes; the kernel frees it if the process dies."""

    def __init__(self, db: Path):
        self.db = Path(db)
        self.path = Path(f"{db}.lock")
        self.fd: int | None = None

    def acquire(self) -> None:
        """Take the lock, or raise LockedError at once when another process holds it."""
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise ArchiveError(f"{self.db}: cannot create the archive's lock file ({exc.strerror})") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise LockedError(f"{self.db}: a crawl is already running (pid {holder}); not starting") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self.fd = fd

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


@contextmanager
def crawl_lock(db: Path) -> Iterator[CrawlLock]:
    """Hold the crawl lock of `db` for the duration of the block."""
    lock = CrawlLock(db)
    lock.acquire()
    try:
        yield lock
    finally:
        lock.release()
