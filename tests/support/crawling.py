"""Run real crawls in child processes (Scrapy's reactor cannot restart in one process)."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-c", "from archive.cli import main; main()"]
#: Settings that make a crawl of a local fixture site fast (politeness is tested separately).
FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "RETRY_TIMES=1",
        "-s", "DOWNLOAD_TIMEOUT=10"]


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


def crawl(db: Path, sources: Path, *extra: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`newsarchive crawl` in a child process, as cron runs it."""
    return subprocess.run([*CLI, "crawl", "--db", str(db), "--sources", str(sources), *FAST, *extra],
                          capture_output=True, text=True, timeout=timeout, cwd=ROOT,
                          env={**os.environ, "PYTHONUNBUFFERED": "1"})


def start_crawl(db: Path, sources: Path, *extra: str) -> subprocess.Popen[str]:
    """Start `newsarchive crawl` in a child process without waiting."""
    return subprocess.Popen([*CLI, "crawl", "--db", str(db), "--sources", str(sources), *FAST, *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)


def _invoke(args: list[str], conn: Any) -> None:
    from click.testing import CliRunner

    from archive.cli import cli

    result = CliRunner().invoke(cli, args)
    conn.send((result.exit_code, result.output, repr(result.exception) if result.exception else None))
    conn.close()


def cli_in_child(args: list[str], timeout: float = 120) -> tuple[int, str, str | None]:
    """CliRunner.invoke(cli, args) in a forked child: (exit code, output, exception)."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_invoke, args=(args, child))
    process.start()
    child.close()
    if not parent.poll(timeout):
        process.kill()
        raise TimeoutError(f"newsarchive {' '.join(args)} did not finish in {timeout}s")
    result = parent.recv()
    process.join(10)
    return result
