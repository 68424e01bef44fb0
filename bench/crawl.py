"""Pages per second of the demo crawl, beside bare trafilatura on the same pages (one run, as ratios).

    .venv/bin/python bench/crawl.py [--rounds 3]

Prints: the crawl's article pages/second (whole pipeline: Scrapy on 127.0.0.1, extraction, dates,
language, archive writes), newsarchive's page processing alone, and bare `trafilatura.extract`
on the very same captured pages.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import trafilatura

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.store import decompress_body  # noqa: E402
from crawler.article import PageContext, process_page  # noqa: E402
from crawler.demo import serve_demo  # noqa: E402
from crawler.demo_run import demo_sources_toml  # noqa: E402

CLI = [sys.executable, "-c", "from archive.cli import main; main()"]


def crawl_once(tmp: Path) -> tuple[float, int, Path]:
    """Crawl the demo sites into a fresh archive: (seconds, article pages, db)."""
    db = tmp / f"bench-{time.monotonic_ns()}.db"
    with serve_demo() as base_urls:
        sources = tmp / "sources.toml"
        sources.write_text(demo_sources_toml(base_urls, 0.0), encoding="utf-8")
        started = time.perf_counter()
        subprocess.run([*CLI, "crawl", "--db", str(db), "--sources", str(sources),
                        "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0"],
                       check=True, capture_output=True, cwd=ROOT)
        elapsed = time.perf_counter() - started
    with sqlite3.connect(db) as conn:
        pages = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    return elapsed, pages, db


def captured_pages(db: Path) -> list[tuple[str, bytes]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT c.final_url, c.body FROM articles a JOIN captures c ON c.id = a.capture_id")
        return [(url, decompress_body(body)) for url, body in rows]


def rate(fn, pages: list[tuple[str, bytes]], rounds: int) -> float:
    """Best pages/second of `rounds` passes of fn over the pages."""
    best = 0.0
    for _ in range(rounds):
        started = time.perf_counter()
        for url, body in pages:
            fn(url, body)
        best = max(best, len(pages) / (time.perf_counter() - started))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        crawls = [crawl_once(Path(tmp)) for _ in range(args.rounds)]
        seconds = statistics.median(c[0] for c in crawls)
        articles = crawls[0][1]
        pages = captured_pages(crawls[0][2])
    crawl_rate = articles / seconds
    ours = rate(lambda url, body: process_page(body, PageContext(url=url)), pages, args.rounds)
    bare = rate(lambda url, body: trafilatura.extract(body, url=url), pages, args.rounds)
    print(f"demo crawl: {articles} articles in {seconds:.2f} s (median of {args.rounds}) "
          f"= {crawl_rate:.1f} pages/s, whole pipeline incl. Scrapy start-up")
    print(f"newsarchive page processing: {ours:.1f} pages/s")
    print(f"bare trafilatura.extract:    {bare:.1f} pages/s")
    print(f"ratio crawl / bare trafilatura: {crawl_rate / bare:.3f}")
    print(f"ratio page processing / bare trafilatura: {ours / bare:.3f}")


if __name__ == "__main__":
    main()
