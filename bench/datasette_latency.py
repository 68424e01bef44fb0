"""Latency of `newsarchive serve` pages on a big archive, beside bare datasette and direct sqlite3.

Builds (once, then reuses) an archive of --articles articles with direct SQL inserts into the real
schema, starts datasette as `newsarchive serve` does and bare (`datasette serve FILE`, no metadata,
plugins or settings) on the same file, and prints median and p95 latency per page with the ratio.

Run: PYTHONPATH=. python bench/datasette_latency.py [--articles 100000] [--db FILE] [--repeat 10]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path

from archive.datasette.process import running_datasette
from archive.searchform import fts_query, search_form
from archive.store import Archive

_PERSIAN_TEXT = ("ایران کتاب شهر بندرعباس خبر دولت مجلس وزیر نفت دریا بندر هرمزگان استان مردم سال روز "
           "گزارش اقتصاد بازار قیمت آب برق کشاورزی ماهی صیادان جزیره قشم کیش فرهنگ دانشگاه مدرسه "
           "می‌شود است بود کرد شده‌اند خانه‌ها کتاب‌ها بزرگ‌ترین نمایشگاه شهرداری جلسه طرح")
_ARABIC_TEXT = ("الكتاب معرض الشارقة دبي الإمارات الحكومة الوزير النفط البحر الميناء الصيادين السوق الأسعار "
          "المياه الكهرباء الجامعة المدرسة الثقافة اليوم العام قال أعلن مشاركة واسعة الدولي")
_ENGLISH_TEXT = ("harbour port storm fishing city council minister oil market prices water power island "
           "university school culture today year said announced the of and in to a for on with")
PERSIAN, ARABIC, ENGLISH = _PERSIAN_TEXT.split(), _ARABIC_TEXT.split(), _ENGLISH_TEXT.split()
SYNTHETIC_WORDS = 4000  # per language, after the real words: a Zipfian vocabulary like real prose


def vocabularies(seed: int = 3) -> dict[str, list[str]]:
    """Per language: real words first (most frequent), then made-up words from the same alphabet."""
    rng = random.Random(seed)
    vocab = {}
    for lang, words in (("fa", PERSIAN), ("ar", ARABIC), ("en", ENGLISH)):
        letters = sorted(set("".join(words)) - {"\u200c"})
        made_up = {"".join(rng.choices(letters, k=rng.randrange(3, 9))) for _ in range(SYNTHETIC_WORDS)}
        vocab[lang] = words + sorted(made_up - set(words))
    return vocab


VOCABULARY = vocabularies()
WEIGHTS = {lang: [1 / (rank + 1) for rank in range(len(words))] for lang, words in VOCABULARY.items()}
#: Queries by how many articles they match: a top word written with Arabic letters (a third of the
#: archive), a mid-frequency word, a rare word, and a two-word phrase.
SEARCH_TERMS = {"common (33%)": "كتاب", "medium": VOCABULARY["fa"][150], "rare": VOCABULARY["fa"][3000],
                "phrase": '"harbour storm"'}


def _text(rng: random.Random, lang: str, n: int) -> str:
    lines = []
    for _ in range(max(1, n // 40)):
        lines.append(" ".join(rng.choices(VOCABULARY[lang], WEIGHTS[lang], k=40)) + ".")
    return "\n".join(lines)


def build(path: Path, articles: int, seed: int = 7) -> None:
    """An archive of `articles` articles from 20 sources over two years, with runs and revisions."""
    Archive(path).close()  # the real schema, through its migrations
    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    sources = [(f"source{i:02d}", ("fa", "ar", "en")[i % 3]) for i in range(20)]
    conn.executemany("INSERT INTO sources (name, url, language) VALUES (?, ?, ?)",
                     [(n, f"https://{n}.example/", lang) for n, lang in sources])
    end = datetime(2025, 6, 30, tzinfo=timezone(timedelta(hours=3, minutes=30)))
    rows, fts = [], []
    for i in range(1, articles + 1):
        name, lang = sources[rng.randrange(len(sources))]
        published = (end - timedelta(minutes=rng.randrange(730 * 24 * 60))).isoformat()
        title = _text(rng, lang, 8).rstrip(".")
        text = _text(rng, lang, rng.randrange(80, 400))
        rows.append((i, f"https://{name}.example/news/{i}", name, title, text, published, lang, "[]", "[]",
                     "[]", len(text.split()), published, published, published, i, "ok"))
        fts.append((i, search_form(title), search_form(text)))
    conn.executemany("INSERT INTO captures (id, source, url, outcome) VALUES (?, ?, ?, 'ok')",
                     [(r[0], r[2], r[1]) for r in rows])
    conn.executemany(
        "INSERT INTO articles (id, url, source, title, text, published, language, authors, tags, categories, "
        "word_count, first_seen, last_seen, last_changed, capture_id, status) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.executemany("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)", fts)
    conn.executemany(
        "INSERT INTO revisions (article_id, url, title, text, replaced) VALUES (?, ?, ?, ?, ?)",
        [(r[0], r[1], r[3] + " (old)", r[4], r[5]) for r in rng.sample(rows, min(2000, len(rows)))])
    for run in range(1, 11):
        per_source = {n: {"fetched": 50, "fetch_failed": rng.choice((0, 0, 3)), "extraction_failed": 0,
                          "blocked": 0, "articles_new": rng.choice((0, 5, 10))} for n, _ in sources}
        conn.execute("INSERT INTO crawl_runs (id, started, status, per_source) VALUES (?, ?, 'ok', ?)",
                     [run, f"2025-06-{run:02d}T00:00:00+00:00", json.dumps(per_source)])
    conn.commit()
    conn.execute("PRAGMA optimize")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Milliseconds per call, after two warm-up calls."""
    for _ in range(2):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def fetch(url: str) -> Callable[[], bytes]:
    def get() -> bytes:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.read()
    return get


def direct(path: Path, sql: str, params: Sequence[object]) -> Callable[[], list[object]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    conn.create_function("fts_query", 1, fts_query)
    return lambda: conn.execute(sql, params).fetchall()


def report(label: str, ours: list[float], base: list[float], base_label: str) -> None:
    med, p95 = statistics.median(ours), statistics.quantiles(ours, n=20)[-1]
    bmed, bp95 = statistics.median(base), statistics.quantiles(base, n=20)[-1]
    print(f"{label:34} {med:8.1f} {p95:8.1f}   {base_label:22} {bmed:8.1f} {bp95:8.1f}   x{med / bmed:6.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None, help="archive to build or reuse")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    path = args.db or Path(f"/tmp/newsarchive-bench-{args.articles}.db")
    if not path.exists():
        start = time.perf_counter()
        build(path, args.articles)
        print(f"built {path} ({args.articles} articles) in {time.perf_counter() - start:.1f} s")
    name = path.stem
    article_id = args.articles // 2
    print(f"{'page (ms)':34} {'median':>8} {'p95':>8}   {'baseline':22} {'median':>8} {'p95':>8}   ratio")
    with running_datasette(path) as ours, running_datasette(path, bare=True) as bare:
        pages = [
            ("article list (HTML)", "/articles", "/articles"),
            ("article list (JSON)", "/articles.json", "/articles.json"),
            ("article page", f"/articles/{article_id}", f"/articles/{article_id}"),
        ]
        for kind, query in SEARCH_TERMS.items():
            q = urllib.parse.quote(query)
            pages.append((f"search page, {kind}", f"/-/search?q={q}",
                          f"/articles?_search={q}&_fts_table=articles_fts&_fts_pk=id"))
            pages.append((f"table _search, {kind}", f"/articles?_search={q}",
                          f"/articles?_search={q}&_fts_table=articles_fts&_fts_pk=id"))
        for label, our_path, bare_path in pages:
            report(label, timed(fetch(f"{ours}/{name}{our_path}"), args.repeat),
                   timed(fetch(f"{bare}/{name}{bare_path}"), args.repeat), "bare datasette")
    sql_list = "SELECT * FROM articles ORDER BY published DESC LIMIT 51"
    sql_search = ("SELECT a.* FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
                  "WHERE articles_fts MATCH fts_query(?) ORDER BY bm25(articles_fts, 5.0, 1.0) LIMIT 50")
    print("direct sqlite3 (no HTTP, no rendering) for scale:")
    for label, sql, params in (("article list query", sql_list, []),
                               ("search query, common", sql_search, [SEARCH_TERMS["common (33%)"]])):
        times = timed(direct(path, sql, params), args.repeat)
        print(f"  {label:32} {statistics.median(times):8.1f} {statistics.quantiles(times, n=20)[-1]:8.1f}")


if __name__ == "__main__":
    main()
