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

from sqlite_utils import Database

from archive.datasette.pages import SEARCH_LIMIT
from archive.datasette.process import running_datasette
from archive.search import search_articles
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
    """The page's main query run straight on sqlite3: no HTTP, no datasette, no rendering."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    conn.create_function("fts_query", 1, fts_query)
    return lambda: conn.execute(sql, params).fetchall()


def direct_search(path: Path, query: str) -> Callable[[], list[object]]:
    """What the search page computes (best 50 with snippets), straight on sqlite3."""
    db = Database(sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False))
    return lambda: list(search_articles(db, query, limit=SEARCH_LIMIT))


def _stats(times: list[float]) -> tuple[float, float]:
    return statistics.median(times), statistics.quantiles(times, n=20)[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None, help="archive to build or reuse")
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    path = args.db or Path(f"/tmp/newsarchive-bench-{args.articles}.db")
    if not path.exists():
        start = time.perf_counter()
        build(path, args.articles)
        print(f"built {path} ({args.articles} articles) in {time.perf_counter() - start:.1f} s")
    name, article_id = path.stem, args.articles // 2
    table_search = ("SELECT * FROM articles WHERE id IN (SELECT rowid FROM articles_fts WHERE articles_fts "
                    "MATCH fts_query(?)) ORDER BY published DESC LIMIT 51")
    # (label, our path, bare datasette path, direct sqlite3 equivalent)
    pages: list[tuple[str, str, str, Callable[[], object]]] = [
        ("article list", "/articles", "/articles",
         direct(path, "SELECT * FROM articles ORDER BY published DESC LIMIT 51", [])),
        ("article list, JSON", "/articles.json", "/articles.json",
         direct(path, "SELECT * FROM articles ORDER BY published DESC LIMIT 51", [])),
        ("article page", f"/articles/{article_id}", f"/articles/{article_id}",
         direct(path, "SELECT * FROM articles WHERE id = ?", [article_id])),
    ]
    for kind, query in SEARCH_TERMS.items():
        # bare datasette cannot fold the query: give it the folded form so it finds the same articles
        folded = urllib.parse.quote(search_form(query))
        bare_search = f"/articles?_search={folded}&_fts_table=articles_fts&_fts_pk=id"
        q = urllib.parse.quote(query)
        pages.append((f"search page, {kind}", f"/-/search?q={q}", bare_search, direct_search(path, query)))
        pages.append((f"table _search, {kind}", f"/articles?_search={q}", bare_search,
                      direct(path, table_search, [query])))
    print(f"{args.articles} articles; milliseconds, {args.repeat} requests each after 2 warm-ups")
    print(f"{'page':30} {'ours':>7} {'p95':>7} | {'bare datasette':>14} {'p95':>7} {'ratio':>6} | "
          f"{'sqlite3':>7} {'ratio':>6}")
    with running_datasette(path) as ours, running_datasette(path, bare=True) as bare:
        for label, our_path, bare_path, run_direct in pages:
            med, p95 = _stats(timed(fetch(f"{ours}/{name}{our_path}"), args.repeat))
            bmed, bp95 = _stats(timed(fetch(f"{bare}/{name}{bare_path}"), args.repeat))
            dmed, _ = _stats(timed(run_direct, args.repeat))
            print(f"{label:30} {med:7.1f} {p95:7.1f} | {bmed:14.1f} {bp95:7.1f} {med / bmed:6.2f} | "
                  f"{dmed:7.1f} {med / max(dmed, 0.01):6.1f}")


if __name__ == "__main__":
    main()
