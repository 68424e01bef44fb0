"""Crawl real publisher pages served as one news site, twice, beside bare trafilatura on the same pages.

    .venv/bin/python bench/site_crawl.py [--data ../shared/extraction-dev] [--limit N] [--added 20]

The 502 pages of `../shared/extraction-dev/` become one site on 127.0.0.1 (tests/support/realsite.py:
real URL schemes in turns, home, sections with pagination, tag and about pages, an RSS feed of the
latest 30, a sitemap with lastmod, robots.txt, 404 for anything else). `newsarchive crawl` runs on it
with a sources entry of name, url, `delay = 0` and `revisit_hours = 0`; then `--added` pages are
published and it runs again. Printed: article pages archived / served, listing pages archived,
requests per archived article (run 1) and per new article (run 2), article pages per second, and
the body F1 of the archived texts against the pages' truth (`../shared/tools/eval_extract.py`'s
scorer), beside bare `trafilatura.extract` on the very same pages (F1 and pages per second).
"""

from __future__ import annotations

import argparse
import importlib.util
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from urllib.parse import unquote, urlsplit

import trafilatura

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.demo.server import SiteServer  # noqa: E402
from tests.support.realsite import RealPage, RealSite, build, load_pages  # noqa: E402

CLI = [sys.executable, "-c", "from archive.cli import main; main()"]
SOURCES = 'revisit_hours = 0\ndelay = 0\n'


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_extract", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"no scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return unquote(parts.path) + (f"?{unquote(parts.query)}" if parts.query else "")


def archived(db: Path, run_id: int | None = None) -> dict[str, str]:
    """Decoded path → archived text of every page that became (a revision of) an article, in one run or all."""
    where = "WHERE c.run_id = ?" if run_id is not None else ""
    sql = (f"SELECT c.url, coalesce(r.text, a.text) FROM captures c "
           f"LEFT JOIN articles a ON a.capture_id = c.id LEFT JOIN revisions r ON r.capture_id = c.id "
           f"{where} {'AND' if where else 'WHERE'} (a.id IS NOT NULL OR r.id IS NOT NULL)")
    with sqlite3.connect(db) as conn:
        return {path_of(url): text or "" for url, text in conn.execute(sql, (run_id,) if run_id is not None else ())}


def crawl(db: Path, sources: Path) -> tuple[float, int]:
    """One `newsarchive crawl` run: (seconds, the run's id)."""
    started = time.perf_counter()
    done = subprocess.run([*CLI, "crawl", "--db", str(db), "--sources", str(sources)],
                          capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - started
    print(f"  crawl: {done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ''}")
    if done.returncode not in (0, 3):  # 3: partial, as dead links make it
        raise SystemExit(f"crawl failed ({done.returncode}): {done.stderr[-2000:]}")
    with sqlite3.connect(db) as conn:
        return elapsed, int(conn.execute("SELECT max(id) FROM crawl_runs").fetchone()[0])


def f1_of(scorer: ModuleType, texts: dict[str, str], real: RealSite) -> float:
    scores = [scorer.score_page(texts.get(path, ""), page.truth)["f1"]
              for path, page in real.articles.items() if page.truth.get("body")]
    return statistics.fmean(scores) if scores else float("nan")


def bare_trafilatura(scorer: ModuleType, real: RealSite, base: str) -> tuple[float, float]:
    """Bare trafilatura on the same pages: (body F1, pages per second)."""
    texts = {}
    started = time.perf_counter()
    for path, page in real.articles.items():
        texts[path] = trafilatura.extract(page.html, url=base + path) or ""
    elapsed = time.perf_counter() - started
    return f1_of(scorer, texts, real), len(real.articles) / elapsed


def requests_to(server: SiteServer, since: int) -> int:
    return len(server.requests) - since


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "extraction-dev")
    ap.add_argument("--eval-tool", type=Path, default=ROOT.parent / "shared" / "tools" / "eval_extract.py")
    ap.add_argument("--limit", type=int, help="use the first N pages only")
    ap.add_argument("--added", type=int, default=20, help="pages published between the two runs")
    args = ap.parse_args(argv)

    scorer = load_scorer(args.eval_tool)
    pages: list[RealPage] = load_pages(args.data, args.limit)
    if len(pages) <= args.added:
        raise SystemExit(f"need more than {args.added} pages under {args.data}")
    first = pages[:-args.added]
    with tempfile.TemporaryDirectory() as tmp, SiteServer(lambda base: build(base, first).site) as server:
        base = server.base_url
        real1, real2 = build(base, first), build(base, pages)
        db, sources = Path(tmp) / "site.db", Path(tmp) / "sources.toml"
        sources.write_text(f'[[source]]\nname = "realsite"\nurl = "{base}/"\n{SOURCES}', encoding="utf-8")

        seconds1, run1 = crawl(db, sources)
        requests1 = requests_to(server, 0)
        got1 = archived(db, run1)
        server.set_site(real2.site)
        before2 = len(server.requests)
        seconds2, run2 = crawl(db, sources)
        requests2 = requests_to(server, before2)
        got2 = archived(db, run2)
        added = set(real2.articles) - set(real1.articles)
        all_got = archived(db)
        bare_f1, bare_rate = bare_trafilatura(scorer, real2, base)

    arts1 = set(real1.articles)
    kept1 = arts1 & set(got1)
    new2 = added & set(got2)
    listings = (real2.listings & set(all_got))
    f1 = f1_of(scorer, all_got, real2)
    print(f"real pages: {len(pages)} from {args.data} ({len(first)} on run 1, {args.added} added for run 2)")
    print(f"run 1: article pages archived {len(kept1)}/{len(arts1)} = {len(kept1) / len(arts1):.1%}; "
          f"requests {requests1} = {requests1 / max(len(kept1), 1):.2f} per archived article; {seconds1:.1f} s "
          f"= {len(kept1) / seconds1:.1f} article pages/s")
    print(f"run 2: new article pages archived {len(new2)}/{len(added)}; requests {requests2} "
          f"= {requests2 / max(len(new2), 1):.2f} per new article; {seconds2:.1f} s")
    print(f"listing pages archived (home, sections, pagination, tag, about): {len(listings)} of {len(real2.listings)}"
          + (f" {sorted(listings)[:5]}" if listings else ""))
    missing = sorted(set(real2.articles) - set(all_got))
    print(f"article pages never archived: {len(missing)}" + (f" e.g. {missing[:8]}" if missing else ""))
    print(f"body F1 of archived texts (missing pages count 0): newsarchive {f1:.3f}  bare trafilatura {bare_f1:.3f}"
          f"  ratio {f1 / bare_f1:.3f}")
    print(f"speed: crawl {len(kept1) / seconds1:.1f} article pages/s (whole pipeline, Scrapy start-up included); "
          f"bare trafilatura.extract {bare_rate:.1f} pages/s; ratio {len(kept1) / seconds1 / bare_rate:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
