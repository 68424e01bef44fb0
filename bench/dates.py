"""Speed of crawler.dates beside bare baselines measured in the same run.

    PYTHONPATH=. python bench/dates.py [--seconds 1.0] [--pages ../shared/extraction-dev]

1. parse_date_text, strings per second, on Latin-digit Gregorian strings beside dateutil.parser.parse
   on the same strings (the ratio is the price of calendar-aware parsing), and on the whole test table
   (Persian, Arabic, English, relative, Hijri, mixed headers).
2. find_article_dates, pages per second, on real publisher pages beside lxml parsing the same pages
   alone (the floor: find_article_dates parses once with lxml) and htmldate.find_date; and how many
   of the dates it found there are malformed (no UTC offset, out of range, modified before published).
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime

import dateutil.parser
import lxml.html

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests"))
from dates_table import CASES  # noqa: E402

from crawler.dates import ArticleDates, find_article_dates, parse_date_text  # noqa: E402

FETCHED = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)

LATIN_GREGORIAN = [
    "February 11, 2024 9:05 AM",
    "11 February 2024",
    "2024-02-11 09:05",
    "Sun, 11 Feb 2024 05:35:00 GMT",
    "11/2/2024",
    "Feb 11, 2024",
    "2024-02-11T09:05:00+03:30",
    "Sunday, 11 February 2024 09:05",
    "Jan 3, 2023, 10:15 PM",
    "03 Oct 2023 14:00",
]


def rate(work: Callable[[], object], items: int, seconds: float) -> float:
    """Items per second: `work` handles `items` items per call, repeated for about `seconds`."""
    work()  # warm caches (regexes, zones)
    calls, start = 0, time.perf_counter()
    while True:
        work()
        calls += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return calls * items / elapsed


def bench_strings(seconds: float) -> None:
    def ours_latin() -> None:
        for text in LATIN_GREGORIAN:
            parse_date_text(text, tz="Asia/Tehran", lang="en", fetched_at=FETCHED)

    def dateutil_latin() -> None:
        for text in LATIN_GREGORIAN:
            dateutil.parser.parse(text)

    def ours_table() -> None:
        for case in CASES:
            parse_date_text(case.text, tz=case.tz, lang=case.lang, fetched_at=case.fetched)

    baseline = rate(dateutil_latin, len(LATIN_GREGORIAN), seconds)
    latin = rate(ours_latin, len(LATIN_GREGORIAN), seconds)
    table = rate(ours_table, len(CASES), seconds)
    print(f"strings: dateutil.parser.parse (Latin Gregorian, baseline) {baseline:10.0f}/s")
    print(f"strings: parse_date_text       (same strings)              {latin:10.0f}/s  "
          f"ratio {latin / baseline:.2f}")
    print(f"strings: parse_date_text       (all {len(CASES)} table strings)     {table:10.0f}/s  "
          f"ratio {table / baseline:.2f}")


def bench_pages(folder: str, seconds: float) -> None:
    paths = sorted(glob.glob(os.path.join(folder, "*", "*.html")))
    if not paths:
        print(f"pages: none under {folder}; skipped")
        return
    pages = []
    for path in paths:
        with open(path, "rb") as handle:
            pages.append(handle.read().decode("utf-8", errors="replace"))

    def lxml_only() -> None:
        for html in pages:
            lxml.html.document_fromstring(html)

    def ours() -> None:
        for html in pages:
            find_article_dates(html, tz="UTC", fetched_at=FETCHED)

    def htmldate_fast() -> None:
        from htmldate import find_date

        for html in pages:
            find_date(html, extensive_search=False)

    baseline = rate(lxml_only, len(pages), seconds)
    found = rate(ours, len(pages), seconds)
    other = rate(htmldate_fast, len(pages), seconds)
    results = [find_article_dates(html, tz="UTC", fetched_at=FETCHED) for html in pages]
    with_dates = sum(found.published is not None for found in results)
    problems = [problem for found in results for problem in malformed(found)]
    count = f"pages ({len(pages)}):"
    print(f"{count} lxml parse alone (baseline)        {baseline:8.1f}/s")
    print(f"{count} find_article_dates                 {found:8.1f}/s  ratio {found / baseline:.2f}  "
          f"({with_dates} with a published date)")
    print(f"{count} htmldate.find_date (no extensive)  {other:8.1f}/s  ratio {other / baseline:.2f}")
    print(f"{count} malformed dates: {len(problems)}" + "".join(f"\n  {p}" for p in problems[:10]))


def malformed(found: ArticleDates) -> list[str]:
    """What is wrong with the dates found on one page: no UTC offset, out of range, unknown origin."""
    problems = []
    for evidence in (found.published, found.modified):
        if evidence is None:
            continue
        moment = datetime.fromisoformat(evidence.value)
        if moment.utcoffset() is None or not datetime(1990, 1, 1, tzinfo=UTC) <= moment <= FETCHED:
            problems.append(f"{evidence.value} out of range or without offset ({evidence.original!r})")
        if evidence.calendar not in ("gregorian", "jalali", "hijri") or not evidence.original.strip():
            problems.append(f"{evidence.value}: calendar {evidence.calendar!r}, printed {evidence.original!r}")
    if found.published and found.modified and found.modified.value[:10] < found.published.value[:10]:
        problems.append(f"modified {found.modified.value} before published {found.published.value}")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=1.0, help="time per measurement")
    default_pages = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "extraction-dev")
    parser.add_argument("--pages", default=default_pages, help="folder of */*.html publisher pages")
    args = parser.parse_args()
    bench_strings(args.seconds)
    bench_pages(args.pages, args.seconds)


if __name__ == "__main__":
    main()
