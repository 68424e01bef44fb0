"""Run crawls in this process on one reactor thread for the whole session, or as cron runs them.

Scrapy's reactor cannot restart in one process, so the first in-process crawl starts Twisted's
asyncio reactor in a daemon thread and every later crawl runs on it through
`crawler.runner.crawl_on_reactor` (Scrapy's CrawlerRunner): the same settings, config and spider as
`run_crawl`, without a process start per test. `crawl` and `run_cli` drive the real click commands
with `run_crawl` pointed at that reactor; `crawl_subprocess` and `start_crawl` are for the few tests
of the command line itself (signals, exit codes seen by the shell, logging to stderr).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-c", "from archive.cli import main; main()"]
#: Settings that make a crawl of a local fixture site fast (politeness is tested separately).
FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "RETRY_TIMES=1",
        "-s", "DOWNLOAD_TIMEOUT=10"]
REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"


def write_sources(path: Path, sources: dict[str, str], **keys: Any) -> Path:
    """A sources file with one table per {name: url}; `keys` are added to every table (delay 0 unless given)."""
    keys = {"delay": 0, **keys}
    blocks = []
    for name, url in sources.items():
        lines = ["[[source]]", f'name = "{name}"', f'url = "{url}/"' if not url.endswith("/") else f'url = "{url}"']
        for key, value in keys.items():
            lines.append(f"{key} = {value!r}" if not isinstance(value, str) else f'{key} = "{value}"')
        blocks.append("\n".join(lines))
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    return path


_lock = threading.Lock()
_reactor: Any = None


def session_reactor() -> Any:
    """The reactor running in this process's crawl thread (started on first use, never stopped)."""
    global _reactor
    with _lock:
        if _reactor is None:
            ready = threading.Event()
            holder: list[Any] = []

            def run() -> None:
                from scrapy.utils.reactor import install_reactor

                install_reactor(REACTOR)
                from twisted.internet import reactor

                holder.append(reactor)
                reactor.callWhenRunning(ready.set)
                reactor.run(installSignalHandlers=False)

            threading.Thread(target=run, name="twisted-reactor", daemon=True).start()
            if not ready.wait(30):
                raise RuntimeError("the test reactor did not start")
            _reactor = holder[0]
        return _reactor


def run_crawl_in_process(db: Path, sources_file: Any, source_names: list[str] | None = None,
                         overrides: dict[str, Any] | None = None) -> Any:
    """`crawler.runner.run_crawl`, run on the session reactor (blocks until the crawl ends)."""
    from twisted.internet.threads import blockingCallFromThread

    from crawler.runner import crawl_on_reactor

    return blockingCallFromThread(session_reactor(), crawl_on_reactor, db, sources_file, source_names, overrides)


@contextmanager
def crawls_in_process() -> Iterator[None]:
    """Inside, every `run_crawl` (newsarchive crawl, demo) runs on the session reactor."""
    with mock.patch("crawler.runner.run_crawl", run_crawl_in_process), \
            mock.patch("crawler.demo_run.run_crawl", run_crawl_in_process):
        yield


@dataclass
class Completed:
    """What a command left: exit code and output, shaped like subprocess.CompletedProcess."""

    returncode: int
    stdout: str
    stderr: str
    exception: BaseException | None = None


def run_cli(args: list[str]) -> Completed:
    """`newsarchive ARGS` in this process (click's CliRunner), crawls on the session reactor."""
    from click.testing import CliRunner

    from archive.cli import cli

    with crawls_in_process():
        result = CliRunner().invoke(cli, args)
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "".join(traceback.format_exception(result.exception))
    exception = None if isinstance(result.exception, SystemExit) else result.exception
    return Completed(result.exit_code, result.stdout, stderr, exception)


def crawl(db: Path, sources: Path, *extra: str) -> Completed:
    """`newsarchive crawl` with the fast settings, in this process."""
    return run_cli(["crawl", "--db", str(db), "--sources", str(sources), *FAST, *extra])


def crawl_subprocess(db: Path, sources: Path, *extra: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`newsarchive crawl` in a child process, as cron runs it (for tests of the command line itself)."""
    return subprocess.run([*CLI, "crawl", "--db", str(db), "--sources", str(sources), *FAST, *extra],
                          capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                          env={**os.environ, "PYTHONUNBUFFERED": "1"})


def start_crawl(db: Path, sources: Path, *extra: str) -> subprocess.Popen[str]:
    """Start `newsarchive crawl` in a child process without waiting."""
    return subprocess.Popen([*CLI, "crawl", "--db", str(db), "--sources", str(sources), *FAST, *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)


def cli_result(args: list[str]) -> tuple[int, str, str | None]:
    """`newsarchive ARGS` in this process: (exit code, output, exception repr or None)."""
    from click.testing import CliRunner

    from archive.cli import cli

    with crawls_in_process():
        result = CliRunner().invoke(cli, args)
    failed = result.exception is not None and not isinstance(result.exception, SystemExit)
    return result.exit_code, result.output, repr(result.exception) if failed else None
