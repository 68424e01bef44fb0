"""Learned boilerplate on a fixture site: repeated blocks removed, body kept (one run, beside bare trafilatura).

    .venv/bin/python bench/learned_boilerplate.py [--articles 60]

A fixture source publishes N articles, each with its own body and the same three signature lines
(a column note, a follow-us call, a republication notice) that no lexicon knows. The script crawls
it, re-extracts with what was learned, and prints for newsarchive (crawl, then after reprocess)
and for bare trafilatura on the same pages: the share of signature lines left in the texts, the
share of body lines kept, and the time per page.
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import trafilatura

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.store import decompress_body  # noqa: E402
from crawler.demo.server import SiteServer  # noqa: E402
from tests.support.crawling import CLI, FAST, write_sources  # noqa: E402
from tests.support.sites import news_site  # noqa: E402
from tests.test_learned_boilerplate import SIGNATURE, story  # noqa: E402


def scores(texts: dict[str, str], bodies: dict[str, list[str]]) -> tuple[float, float]:
    """(share of signature lines left, share of body lines kept) over all pages."""
    left = sum(line in texts.get(url, "") for url in bodies for line in SIGNATURE)
    kept = sum(p in texts.get(url, "") for url, body in bodies.items() for p in body)
    return left / (len(SIGNATURE) * len(bodies)), kept / sum(len(b) for b in bodies.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=60)
    args = parser.parse_args()
    items = [story(n) for n in range(1, args.articles + 1)]
    with tempfile.TemporaryDirectory() as tmp, SiteServer(lambda base: news_site(base, items)) as site:
        db = Path(tmp) / "a.db"
        sources = write_sources(Path(tmp) / "s.toml", {"sahel": site.base_url}, revisit_hours=0, language="fa")
        subprocess.run([*CLI, "crawl", "--db", str(db), "--sources", str(sources), *FAST], check=True,
                       capture_output=True, cwd=ROOT)
        bodies = {site.base_url + s.path: s.paragraphs[:3] for s in items}
        with sqlite3.connect(db) as conn:
            crawled = dict(conn.execute("SELECT url, text FROM articles"))
            pages = {url: decompress_body(body) for url, body in conn.execute(
                "SELECT a.url, c.body FROM articles a JOIN captures c ON c.id = a.capture_id")}
        started = time.perf_counter()
        subprocess.run([*CLI, "reprocess", "--db", str(db)], check=True, capture_output=True, cwd=ROOT)
        reprocess_ms = 1000 * (time.perf_counter() - started) / len(pages)
        with sqlite3.connect(db) as conn:
            reprocessed = dict(conn.execute("SELECT url, text FROM articles"))
    started = time.perf_counter()
    bare = {url: trafilatura.extract(body, url=url) or "" for url, body in pages.items()}
    bare_ms = 1000 * (time.perf_counter() - started) / len(pages)
    print(f"{len(items)} articles, {len(SIGNATURE)} signature lines each")
    print(f"{'extractor':34} {'signature lines left':>21} {'body lines kept':>16}")
    for name, texts in (("newsarchive, during the first crawl", crawled),
                        ("newsarchive, after reprocess", reprocessed), ("bare trafilatura", bare)):
        left, kept = scores(texts, bodies)
        print(f"{name:34} {100 * left:20.1f}% {100 * kept:15.1f}%")
    print(f"reprocess: {reprocess_ms:.1f} ms/page (incl. process start-up) vs bare trafilatura {bare_ms:.1f} ms/page "
          f"= {reprocess_ms / bare_ms:.2f}x")


if __name__ == "__main__":
    main()
