"""Near-duplicates: precision and recall on the syndication fixture, and the check's cost at 1 M articles.

1. Choice of signature, by measurement: for word shingles of 1, 2, 3 and 5 words (Jaccard, compared
   exactly) and for SimHash (trafilatura's 64-bit Charikar hash, similarity = shared bits / 64), the
   precision and recall of the groups found at several thresholds, and the margin between the least
   similar link that holds a story's group together and the most similar pair of distinct stories.
2. The fixture through the real store (Archive.save_article, which runs the check): precision and
   recall over pairs of articles put in one group, against the stories the fixture says they tell.
3. Time per article against an archive holding N signatures (default 1 M, generated as random band
   keys: unrelated articles share no band), beside the bare baseline measured in the same run on the
   same archive: saving the article (capture, article row, full-text row) with the check switched off.

Usage: .venv/bin/python bench/duplicates.py [--articles 1000000] [--rounds 20]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import archive.store as store  # noqa: E402
from archive.duplicates import finder, settings  # noqa: E402
from archive.duplicates.signature import Layout, band_keys, compared_words, jaccard, minhash, shingles  # noqa: E402
from archive.searchform import search_form  # noqa: E402
from archive.store import Archive  # noqa: E402
from tests.support.syndication import SITES, Story, articles, copy_pairs  # noqa: E402

Pairs = set[frozenset[str]]


def groups_at(keys: list[str], similarity: dict[tuple[str, str], float], threshold: float) -> Pairs:
    """Pairs of keys joined (transitively) by links of at least `threshold`."""
    parent = {k: k for k in keys}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for (a, b), value in similarity.items():
        if value >= threshold:
            parent[find(a)] = find(b)
    return {frozenset((a, b)) for a, b in combinations(keys, 2) if find(a) == find(b)}


def precision_recall(found: Pairs, expected: Pairs) -> tuple[float, float]:
    hits = len(found & expected)
    return (hits / len(found) if found else 1.0), (hits / len(expected) if expected else 1.0)


def margin(keys: list[str], similarity: dict[tuple[str, str], float], stories: list[Story]) -> tuple[float, float]:
    """(weakest link a story's group needs, strongest pair of distinct stories)."""
    story_of = {s.key: s.story for s in stories}
    weakest = 1.0
    for story in {s.story for s in stories}:
        members = [k for k in keys if story_of[k] == story]
        if len(members) < 2:
            continue
        inside = {members[0]}
        while len(inside) < len(members):  # Prim: the maximum spanning tree's weakest edge
            best, joined = max((similarity.get((a, b), similarity.get((b, a), 0.0)), b)
                               for a in inside for b in members if b not in inside)
            weakest = min(weakest, best)
            inside.add(joined)
    distinct = max(v for (a, b), v in similarity.items() if story_of[a] != story_of[b])
    return weakest, distinct


def simhash_similarity(a: str, b: str) -> float:
    from trafilatura.deduplication import Simhash

    return Simhash(search_form(a)).similarity(Simhash(search_form(b)))


def measure_methods(stories: list[Story]) -> None:
    comparable = [s for s in stories if len(compared_words(s.text)) >= 50]
    keys = [s.key for s in comparable]
    expected = copy_pairs(comparable)
    methods: dict[str, Callable[[Story, Story], float]] = {}
    for size in (1, 2, 3, 5):
        layout = Layout(shingle=size)
        cache = {s.key: shingles(s.text, layout) for s in comparable}
        methods[f"minhash {size}-word shingles"] = lambda a, b, c=cache: jaccard(c[a.key], c[b.key])  # type: ignore[misc]
    methods["simhash 64 bit"] = lambda a, b: simhash_similarity(a.text, b.text)
    print("## Signature, by measurement (syndication fixture, exact similarities, groups = connected pairs)")
    print(f"{len(comparable)} articles of 50+ words, {len(expected)} pairs telling the same story\n")
    thresholds = (0.6, 0.7, 0.8, 0.9)
    print(f"{'method':26} {'weakest link':>12} {'distinct max':>12}  " + "  ".join(f"P/R@{t}" for t in thresholds))
    for name, compare in methods.items():
        similarity = {(a.key, b.key): compare(a, b) for a, b in combinations(comparable, 2)}
        weakest, distinct = margin(keys, similarity, comparable)
        cells = []
        for threshold in thresholds:
            p, r = precision_recall(groups_at(keys, similarity, threshold), expected)
            cells.append(f"{p:.2f}/{r:.2f}")
        print(f"{name:26} {weakest:12.3f} {distinct:12.3f}  " + "  ".join(f"{c:>9}" for c in cells))
    print()


def url_of(story: Story) -> str:
    return f"https://{story.site}.example{story.path}"


def save(archive: Archive, story: Story) -> None:
    url = url_of(story)
    archive.save_article(
        {"url": url, "source": story.site, "title": story.title, "text": story.text, "published": story.published,
         "language": story.language},
        {"url": url, "final_url": url, "source": story.site, "status": 200, "headers": {}, "body": b"<html></html>",
         "outcome": "ok", "fetched": story.published})


def found_pairs(archive: Archive, stories: list[Story]) -> Pairs:
    key = {url_of(s): s.key for s in stories}
    rows = archive.db.execute("SELECT url, coalesce(duplicate_of, url) FROM articles").fetchall()
    return {frozenset((key[a], key[b])) for (a, ra), (b, rb) in combinations(rows, 2) if ra == rb}


def fixture_through_store(path: Path, stories: list[Story], label: str) -> None:
    with Archive(path) as archive:
        archive.upsert_sources([{"name": s, "url": f"https://{s}.example/"} for s in SITES])
        for story in stories:
            save(archive, story)
        found = found_pairs(archive, stories)
        expected = copy_pairs(stories)
        p, r = precision_recall(found, expected)
        threshold = settings(archive.db).threshold
        print(f"fixture through Archive.save_article ({label}): {len(stories)} articles, {len(expected)} copy pairs, "
              f"{len(found)} pairs grouped; threshold {threshold}: precision {p:.3f}, recall {r:.3f}")


def generate_signatures(path: Path, count: int) -> float:
    """`count` articles' band keys (random: unrelated texts share no band) and key blobs; returns seconds."""
    Archive(path).close()
    start = time.perf_counter()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    bands, _rows = finder.band_layout(finder.DEFAULT_THRESHOLD)
    rng = np.random.default_rng(7)
    first_id = 10_000_000
    chunk = 200_000
    with conn:
        keys = rng.integers(-(2 ** 63), 2 ** 63 - 1, size=(count, bands), dtype=np.int64)
        ids = np.arange(first_id, first_id + count, dtype=np.int64)
        flat_keys = keys.ravel()
        flat_ids = np.repeat(ids, bands)
        order = np.argsort(flat_keys, kind="stable")
        flat_keys, flat_ids = flat_keys[order], flat_ids[order]
        for start_row in range(0, len(flat_keys), chunk):
            conn.executemany("INSERT INTO near_duplicate_bands (key, article) VALUES (?, ?)",
                             zip(flat_keys[start_row:start_row + chunk].tolist(),
                                 flat_ids[start_row:start_row + chunk].tolist(), strict=True))
        conn.executemany("INSERT INTO near_duplicate_keys (article, keys) VALUES (?, ?)",
                         ((int(i), keys[n].astype("<i8").tobytes()) for n, i in enumerate(ids)))
    conn.execute("ANALYZE")
    conn.close()
    return time.perf_counter() - start


def timed_saves(path: Path, stories: list[Story], rounds: int,
                check: bool) -> tuple[list[float], list[float], list[float]]:
    """Per-article seconds of save_article, and of the check inside it for articles that matched nothing and
    for articles that matched earlier ones (each candidate is then compared exactly); rounds are rolled back."""
    saves: list[float] = []
    alone: list[float] = []
    matched: list[float] = []
    real_record = store.record_near_duplicates

    def timed_record(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        result = real_record(*args, **kwargs)
        (matched if result else alone).append(time.perf_counter() - start)
        return result

    store.record_near_duplicates = timed_record if check else (lambda *a, **k: [])  # type: ignore[assignment]
    try:
        with Archive(path) as archive:
            archive.upsert_sources([{"name": s, "url": f"https://{s}.example/"} for s in SITES])
            save(archive, stories[0])  # warm up: imports, permutations, statement cache
            for _ in range(rounds):
                archive.db.execute("BEGIN")
                for story in stories[1:]:
                    start = time.perf_counter()
                    save(archive, story)
                    saves.append(time.perf_counter() - start)
                archive.db.conn.rollback()
    finally:
        store.record_near_duplicates = real_record
    return saves, alone, matched


def lookup_times(path: Path, stories: list[Story], rounds: int) -> tuple[list[float], list[float]]:
    """Seconds to compute a signature, and to look its band keys up, per article."""
    signing, looking = [], []
    layout = Layout()
    with Archive(path, readonly=True) as archive:
        layout = settings(archive.db).layout
        for _ in range(rounds):
            for story in stories:
                start = time.perf_counter()
                items = shingles(story.text, layout)
                if not items:
                    continue
                keys = band_keys(minhash(items, layout), layout)
                middle = time.perf_counter()
                finder.candidates(archive.db, keys, -1)
                signing.append(middle - start)
                looking.append(time.perf_counter() - middle)
    return signing, looking


def ms(values: Iterable[float]) -> str:
    data = sorted(values)
    p95 = data[int(0.95 * (len(data) - 1))]
    return f"median {1000 * statistics.median(data):.3f} ms, p95 {1000 * p95:.3f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000, help="signatures in the large archive")
    parser.add_argument("--rounds", type=int, default=20, help="times each fixture article is saved")
    args = parser.parse_args()
    stories = articles()
    measure_methods(stories)
    with tempfile.TemporaryDirectory(prefix="bench-dups-") as tmp:
        print("## Fixture precision and recall")
        fixture_through_store(Path(tmp) / "small.db", stories, "empty archive")
        big = Path(tmp) / "big.db"
        seconds = generate_signatures(big, args.articles)
        rows = sqlite3.connect(big).execute("SELECT count(*) FROM near_duplicate_bands").fetchone()[0]
        size = big.stat().st_size / 1e6
        print(f"generated {args.articles:,} signatures ({rows:,} band rows, {size:.0f} MB) in {seconds:.1f} s")
        fixture_copy = Path(tmp) / "big-fixture.db"
        shutil.copyfile(big, fixture_copy)
        fixture_through_store(fixture_copy, stories, f"archive of {args.articles:,} signatures")
        fixture_copy.unlink()
        print()
        print(f"## Time per article against {args.articles:,} signatures ({args.rounds} rounds of "
              f"{len(stories) - 1} fixture articles, each round rolled back)")
        empty = Path(tmp) / "empty.db"
        Archive(empty).close()
        signing, looking_empty = lookup_times(empty, stories, args.rounds)
        _, looking = lookup_times(big, stories, args.rounds)
        bare, _, _ = timed_saves(big, stories, args.rounds, check=False)
        saves, alone, matched = timed_saves(big, stories, args.rounds, check=True)
        checks = alone + matched
        base = statistics.median(bare)
        print(f"baseline: save_article without the check       {ms(bare)}")
        print(f"save_article with the check                    {ms(saves)}  "
              f"(x{statistics.median(saves) / base:.2f} of the baseline)")
        print(f"the check alone (sign, look up, store, regroup) {ms(checks)}  "
              f"(x{statistics.median(checks) / base:.2f} of the baseline)")
        print(f"  articles with no earlier copy ({len(alone):4})      {ms(alone)}")
        print(f"  articles with earlier copies ({len(matched):4})       {ms(matched)}")
        print(f"  signature (words, shingles, MinHash, bands)  {ms(signing)}")
        print(f"  band lookup at {args.articles:,}                  {ms(looking)}")
        print(f"  band lookup in an empty archive              {ms(looking_empty)}  "
              f"(large / empty: x{statistics.median(looking) / statistics.median(looking_empty):.2f})")


if __name__ == "__main__":
    main()
