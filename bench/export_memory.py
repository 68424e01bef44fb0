"""Peak memory of `newsarchive export` at 20 k and 200 k articles, beside a bare baseline.

Builds an archive of N articles (bulk SQL into the real schema, ten sources of N/10 articles),
then runs every measurement in its own subprocess and reads that subprocess's peak RSS with
resource.getrusage(RUSAGE_CHILDREN).ru_maxrss. The baseline is a process that only opens the
database with the bare sqlite3 module and iterates the same rows in the same batches; "imports"
is a process that only imports what the export imports. The 20 k figures export one source of
the same archive, so both sizes read the same file. The ratio is export peak / baseline peak.

Run: PYTHONPATH=. python bench/export_memory.py [--articles 200000] [--formats jsonl,csv,parquet,warc]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from archive.export.rows import BATCH_ROWS
from archive.store import Archive, compress_body

SOURCES = 10
PARAGRAPHS = [
    "نمایشگاه کتاب ایران در بندرعباس برگزار می‌شود و ناشران استان هرمزگان آثار تازه‌ی خود را "
    "به علاقه‌مندان عرضه می‌کنند؛ شهرداری‌ها نیز در برگزاری آن همکاری کرده‌اند.",
    "افتتح معرض الكتاب الدولي في الشارقة اليوم بمشاركة واسعة من دور النشر العربية والأجنبية، "
    "وقالت اللجنة المنظمة إن عدد الزوار تجاوز التوقعات في اليوم الأول.",
    "The harbour reopened on Saturday after the storm damaged the pier; fishing boats returned "
    "to the quay and the port authority said repairs would take another two weeks.",
    "شهردار بندرخمیر در حاشیه‌ی این کنفرانس با شهرداران شهرهای اوسان و سونگدو گفتگو کرد و "
    "فعالیت‌های این شهر مورد توجه جامعه‌ی جهانی قرار گرفته است. ۱۴۰۲/۰۵/۱۰",
]

# Each measurement: a Python snippet run in a fresh process; {db}, {out}, {fmt}, {source} are filled in.
EXPORT = """
from archive.export import Filters, export_articles, export_warc, parse_fields
filters = Filters(sources=({source!r},) if {source!r} else ())
if {fmt!r} == "warc":
    export_warc({db!r}, {out!r}, filters=filters)
else:
    export_articles({db!r}, {fmt!r}, {out!r}, filters=filters, fields=parse_fields(None))
"""
BASELINE = """
import sqlite3
conn = sqlite3.connect("file:" + {db!r} + "?mode=ro", uri=True)
table = "captures" if {fmt!r} == "warc" else "articles"
where = "WHERE source = ?" if {source!r} else ""
cursor = conn.execute(f"SELECT * FROM {{table}} {{where}} ORDER BY id", ({source!r},) if {source!r} else ())
rows = 0
while batch := cursor.fetchmany({batch}):
    rows += len(batch)
"""
# What the export imports, and nothing else: the part of its peak that does not depend on the data.
IMPORTS = """
import archive.export.run
if {fmt!r} == "parquet":
    import archive.export.parquet
"""
# Runs one snippet as a grandchild, so RUSAGE_CHILDREN holds that process's peak and nothing else.
WRAPPER = """
import resource, subprocess, sys
subprocess.run([sys.executable, "-c", sys.argv[1]], check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def article_rows(count: int, seed: int = 7):
    """Synthetic articles (about 1 kB of text each) with every public column filled."""
    rng = random.Random(seed)
    for i in range(count):
        text = "\n".join(rng.choice(PARAGRAPHS) for _ in range(rng.randint(3, 8)))
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        seen = "2024-03-20T00:00:00+00:00"
        authors = json.dumps(["مریم", "Jane Doe"][: i % 3], ensure_ascii=False)
        yield (i + 1, f"https://s{i % SOURCES}.example/news/{i}", f"s{i % SOURCES}", f"خبر شماره {i}", text,
               f"2024-{month:02d}-{day:02d}T09:05:00+03:30", None, ("fa", "ar", "en")[i % 3], authors,
               "خلاصه", '["بندر"]', '["اقتصاد"]', None, "صبح ساحل", len(text.split()), f"{i:064x}",
               '{"published": {"source": "meta"}}', seen, seen, seen, i + 1, "ok", "newsarchive bench", 120)


def build(path: Path, count: int, with_captures: bool) -> None:
    """An archive of `count` articles in ten sources, written with executemany."""
    Archive(path).close()  # the real schema, through the migrations
    with Archive(path) as archive:
        db = archive.db
        db.conn.execute("PRAGMA synchronous = OFF")
        with archive.transaction():
            archive.upsert_sources([{"name": f"s{i}", "url": f"https://s{i}.example/"}
                                    for i in range(SOURCES)])
        with db.conn:
            db.conn.execute("PRAGMA foreign_keys = OFF")
            db.conn.executemany(
                "INSERT INTO articles (id, url, source, title, text, published, modified, language, authors, "
                "description, tags, categories, image, sitename, word_count, content_hash, date_evidence, "
                "first_seen, last_seen, last_changed, capture_id, status, extractor, boilerplate_removed) "
                "VALUES (" + ", ".join("?" * 24) + ")", article_rows(count))
            if with_captures:
                body = compress_body("<html><body><p>خبر</p></body></html>".encode())
                db.conn.executemany(
                    "INSERT INTO captures (id, source, url, final_url, fetched, status, headers, body, "
                    "body_encoding, body_sha256, size, outcome) "
                    "VALUES (?, ?, ?, ?, ?, 200, ?, ?, 'gzip', NULL, 40, 'ok')",
                    ((i + 1, f"s{i % SOURCES}", f"https://s{i % SOURCES}.example/news/{i}",
                      f"https://s{i % SOURCES}.example/news/{i}", "2024-03-20T00:00:00+00:00",
                      '{"Content-Type": "text/html; charset=utf-8"}', body) for i in range(count)))


def peak_rss_mb(snippet: str) -> tuple[float, float]:
    """Peak RSS (MB) of a fresh Python process running `snippet`, and its wall time."""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", WRAPPER, snippet], check=True, capture_output=True, text=True)
    kib = int(out.stdout.strip().splitlines()[-1])  # Linux reports ru_maxrss in KiB
    return kib / 1024, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--formats", default="jsonl,csv,parquet,warc")
    parser.add_argument("--dir", help="Work directory (default: a temporary one, removed afterwards)")
    args = parser.parse_args()
    formats = args.formats.split(",")
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        work = Path(tmp)
        db = work / "bench.db"
        start = time.perf_counter()
        build(db, args.articles, "warc" in formats)
        size = db.stat().st_size / 1e6
        print(f"built {args.articles} articles ({size:.0f} MB) in {time.perf_counter() - start:.1f} s")
        small = args.articles // SOURCES
        print(f"{'format':8} {'rows':>8} {'baseline MB':>12} {'imports MB':>11} {'export MB':>10} "
              f"{'ratio':>6} {'export s':>9}")
        results: dict[tuple[str, int], float] = {}
        for fmt in formats:
            for rows, source in ((small, "s0"), (args.articles, "")):
                suffix = ".warc.gz" if fmt == "warc" else f".{fmt}"
                out = work / f"{fmt}-{rows}" / f"out{suffix}"
                params = {"db": str(db), "out": str(out), "fmt": fmt, "source": source, "batch": BATCH_ROWS}
                base, _ = peak_rss_mb(BASELINE.format(**params))
                imports, _ = peak_rss_mb(IMPORTS.format(**params))
                peak, seconds = peak_rss_mb(EXPORT.format(**params))
                results[fmt, rows] = peak
                print(f"{fmt:8} {rows:>8} {base:>12.1f} {imports:>11.1f} {peak:>10.1f} {peak / base:>6.2f} "
                      f"{seconds:>9.1f}")
        print(f"flatness (peak at {args.articles} / peak at {small} articles):")
        for fmt in formats:
            print(f"  {fmt:8} {results[fmt, args.articles] / results[fmt, small]:.2f}")


if __name__ == "__main__":
    main()
