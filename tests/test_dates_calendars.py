"""Calendar conversions cross-checked between libraries, Iran's zone history, and text folding."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

import convertdate.islamic
import convertdate.persian
import hijridate
import jdatetime
import pytest

from crawler.dates.calendars import hijri_to_gregorian, jalali_to_gregorian, to_gregorian
from crawler.dates.normalize import fold, guess_script_language
from crawler.dates.zones import localize, zone_named

# convertdate.persian computes astronomically (about 20 ms a date), so the sample is sparse but spans
# two centuries; every 1st and 29th of every month 1300-1499 (4,800 dates) agreed when run by hand.
_NOWRUZ_YEARS = list(range(1300, 1500, 9))


@pytest.mark.parametrize("year", _NOWRUZ_YEARS)
def test_jdatetime_and_convertdate_agree_on_nowruz(year: int) -> None:
    assert jalali_to_gregorian(year, 1, 1) == date(*convertdate.persian.to_gregorian(year, 1, 1))


@pytest.mark.parametrize("year", range(1395, 1408))
def test_jdatetime_and_convertdate_agree_on_leap_years(year: int) -> None:
    leap = convertdate.persian.leap(year)
    assert jdatetime.date(year, 1, 1).isleap() == leap
    last = jalali_to_gregorian(year, 12, 30)
    if leap:
        assert last == date(*convertdate.persian.to_gregorian(year, 12, 30))
    else:
        assert last is None


def test_umm_al_qura_against_the_tabular_calendar() -> None:
    """hijridate (Umm al-Qura tables) and convertdate.islamic (arithmetic) differ by up to two days.

    Over the first days of all months 1343-1500 they agree about a third of the time; Umm al-Qura is
    most often a day earlier. Month starts are decided by the tables, so only hijridate is used.
    """
    shifts: Counter[int] = Counter()
    for year in range(1343, 1501):
        for month in range(1, 13):
            by_table = hijri_to_gregorian(year, month, 1)
            assert by_table is not None
            by_arithmetic = date(*convertdate.islamic.to_gregorian(year, month, 1))
            shifts[(by_table - by_arithmetic).days] += 1
    assert set(shifts) <= {-2, -1, 0, 1}
    assert shifts[0] > 0.25 * sum(shifts.values())
    assert shifts[-1] > shifts[0]


def test_hijri_round_trip_through_hijridate() -> None:
    day = hijri_to_gregorian(1445, 9, 1)
    assert day is not None
    back = hijridate.Gregorian(day.year, day.month, day.day).to_hijri()
    assert (back.year, back.month, back.day) == (1445, 9, 1)


@pytest.mark.parametrize(
    ("calendar", "ymd"),
    [("jalali", (1402, 12, 30)), ("jalali", (1402, 13, 1)), ("hijri", (1445, 7, 30)), ("hijri", (1600, 1, 1)),
     ("gregorian", (2023, 2, 29)), ("gregorian", (2024, 13, 1))],
)
def test_days_that_do_not_exist(calendar: str, ymd: tuple[int, int, int]) -> None:
    assert to_gregorian(calendar, *ymd) is None


@pytest.mark.parametrize(
    ("wall", "offset_hours"),
    [
        (datetime(2020, 3, 20, 0, 0), 3.5),  # 1399-01-01: DST began the next night
        (datetime(2020, 3, 21, 0, 30), 4.5),  # skipped by DST: moved on to 01:30 +04:30
        (datetime(2021, 9, 21, 23, 0), 4.5),  # the repeated hour: first occurrence
        (datetime(2021, 9, 22, 8, 15), 3.5),
        (datetime(2022, 6, 1, 12, 0), 4.5),  # the last summer of Iranian DST
        (datetime(2023, 6, 1, 12, 0), 3.5),  # DST abolished from 1402
    ],
)
def test_tehran_offsets(wall: datetime, offset_hours: float) -> None:
    moment = localize(wall, zone_named("Asia/Tehran"))
    assert moment.utcoffset() == timedelta(hours=offset_hours)
    if offset_hours == 4.5 and wall.hour == 0:
        assert moment.hour == 1  # a wall time that never existed is shown as the real one


def test_unknown_zone_falls_back_to_utc() -> None:
    assert localize(datetime(2024, 1, 1), zone_named("Mars/Olympus")).utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("۱۴۰۲/۱۱/۲۲", "1402/11/22"),
        ("١٤٠٢/١١/٢٢", "1402/11/22"),
        ("دي", "دی"),
        ("دى", "دی"),
        ("سه‌شنبه", "سه شنبه"),
        ("\u200f۲۲\u200e بهمن", "22 بهمن"),
        ("هـ", "ه"),
        ("تشرين الأول", "تشرین الاول"),
        ("۲۲ بهمن ۱۴۰۲ – ۰۹:۰۵", "22 بهمن 1402 - 09:05"),
        ("Feb  11", "feb 11"),
    ],
)
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


@pytest.mark.parametrize(
    ("text", "lang"),
    [("۲۲ بهمن ۱۴۰۲", "fa"), ("١١ فبراير ٢٠٢٤", "ar"), ("11 فبراير 2024", "ar"), ("2024", None)],
)
def test_script_language(text: str, lang: str | None) -> None:
    assert guess_script_language(text) == lang
