"""Machine-readable dates (JSON-LD, meta, feeds, sitemaps) and dates in URLs."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import convertdate.persian
import jdatetime
import pytest

from crawler.dates.context import reading_context
from crawler.dates.machine import read_machine_date
from crawler.dates.url_dates import url_date

FETCHED = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
TEHRAN = ZoneInfo("Asia/Tehran")


def jalali(year: int, month: int, day: int) -> date:
    by_jdatetime = jdatetime.date(year, month, day).togregorian()
    assert by_jdatetime == date(*convertdate.persian.to_gregorian(year, month, day))
    return by_jdatetime


def in_tehran(day: date, hour: int = 0, minute: int = 0, printed_offset: float | None = None) -> str:
    wall = datetime.combine(day, time(hour, minute))
    if printed_offset is None:
        return wall.replace(tzinfo=TEHRAN).isoformat()
    return wall.replace(tzinfo=timezone(timedelta(hours=printed_offset))).astimezone(TEHRAN).isoformat()


FEB_11 = date(2024, 2, 11)
IN_UTC_0535 = in_tehran(FEB_11, 5, 35, printed_offset=0)

MACHINE_CASES = [
    # (string, origin, expected ISO in Tehran, calendar, precision)
    ("2024-02-11T09:05:00+03:30", "json-ld", in_tehran(FEB_11, 9, 5), "gregorian", "second"),
    ("2024-02-11T05:35:00Z", "json-ld", IN_UTC_0535, "gregorian", "second"),
    ("2024-02-11T05:35:00.000+00:00", "meta", IN_UTC_0535, "gregorian", "second"),
    ("2024-02-11T09:05:00", "json-ld", in_tehran(FEB_11, 9, 5), "gregorian", "second"),  # naive: site zone
    ("2024-02-11T09:05+0330", "meta", in_tehran(FEB_11, 9, 5), "gregorian", "minute"),
    ("2024-02-11", "sitemap", in_tehran(FEB_11), "gregorian", "day"),
    ("2024-02-11 09:05:00", "meta", in_tehran(FEB_11, 9, 5), "gregorian", "second"),
    ("Sun, 11 Feb 2024 05:35:00 GMT", "feed", IN_UTC_0535, "gregorian", "second"),
    ("Sun, 11 Feb 2024 09:05:00 +0330", "feed", in_tehran(FEB_11, 9, 5), "gregorian", "second"),
    ("1402-11-22T09:05:00+03:30", "json-ld", in_tehran(jalali(1402, 11, 22), 9, 5), "jalali", "second"),
    ("1402/11/22 09:05", "meta", in_tehran(jalali(1402, 11, 22), 9, 5), "jalali", "minute"),
    ("۱۴۰۲/۱۱/۲۲ ۰۹:۰۵:۰۰", "meta", in_tehran(jalali(1402, 11, 22), 9, 5), "jalali", "second"),
    ("۲۲ بهمن ۱۴۰۲ - ۰۹:۰۵", "feed", in_tehran(jalali(1402, 11, 22), 9, 5), "jalali", "minute"),
    (str(int(datetime(2024, 2, 11, 5, 35, tzinfo=UTC).timestamp())), "json-ld",
     IN_UTC_0535, "gregorian", "second"),
]


@pytest.mark.parametrize(("text", "origin", "value", "calendar", "precision"), MACHINE_CASES)
def test_machine_date(text: str, origin: str, value: str, calendar: str, precision: str) -> None:
    ctx = reading_context("Asia/Tehran", "fa", FETCHED)
    found = read_machine_date(text, ctx, origin)
    assert found is not None
    evidence = found.evidence()
    assert (evidence.value, evidence.calendar, evidence.precision, evidence.origin) == (
        value, calendar, precision, origin)
    assert evidence.original == text


def test_a_machine_offset_is_kept_as_printed_wall_time() -> None:
    ctx = reading_context("Asia/Tehran", "fa", FETCHED)
    found = read_machine_date("2024-02-11T09:05:00+00:00", ctx, "json-ld")
    assert found is not None and found.printed_wall == datetime(2024, 2, 11, 9, 5)
    assert found.evidence().value == "2024-02-11T12:35:00+03:30"


@pytest.mark.parametrize("text", ["", "  ", "not a date", "0000-00-00", "2024-13-45T10:00:00Z"])
def test_machine_nonsense(text: str) -> None:
    assert read_machine_date(text, reading_context("Asia/Tehran", "fa", FETCHED), "meta") is None


URL_CASES = [
    ("https://www.tasnimnews.com/fa/news/1402/11/22/3012345/slug", "fa", jalali(1402, 11, 22), "jalali"),
    ("https://example.com/2024/02/11/some-story/", "en", FEB_11, "gregorian"),
    ("https://example.com/news/2024-02-11-some-story", None, FEB_11, "gregorian"),
    ("https://example.com/archive/20240211/story.html", "en", FEB_11, "gregorian"),
    ("https://example.ir/%DB%B1%DB%B4%DB%B0%DB%B2/11/22/story", "fa", jalali(1402, 11, 22), "jalali"),
]


@pytest.mark.parametrize(("url", "lang", "day", "calendar"), URL_CASES)
def test_url_date(url: str, lang: str | None, day: date, calendar: str) -> None:
    found = url_date(url, reading_context("Asia/Tehran", lang, FETCHED))
    assert found is not None
    assert (found.evidence().value, found.calendar, found.origin, found.precision) == (
        in_tehran(day), calendar, "url", "day")


@pytest.mark.parametrize(
    "url", ["https://example.com/news/12345678/slug", "https://example.com/news/3012345", "https://example.com/",
            "https://example.com/2024/02/", None]
)
def test_url_without_a_date(url: str | None) -> None:
    assert url_date(url, reading_context("Asia/Tehran", "fa", FETCHED)) is None
