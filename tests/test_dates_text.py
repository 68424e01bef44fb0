"""parse_date_text on real-world printed dates; expectations computed with two calendar libraries each."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import convertdate.islamic
import convertdate.persian
import dateutil.parser
import hijridate
import jdatetime
import pytest
from dates_table import CASES, Ago, Case, DaysBack, Greg, Hijri, Jalali

from crawler.dates import parse_date_text


def jalali_to_gregorian(year: int, month: int, day: int) -> date:
    """A Jalali day by jdatetime, asserted equal to convertdate.persian's independent arithmetic."""
    by_jdatetime = jdatetime.date(year, month, day).togregorian()
    by_convertdate = date(*convertdate.persian.to_gregorian(year, month, day))
    assert by_jdatetime == by_convertdate, (year, month, day, by_jdatetime, by_convertdate)
    return by_jdatetime


def hijri_to_gregorian(year: int, month: int, day: int, tabular_shift: int) -> date:
    """An Umm al-Qura day by hijridate, checked against convertdate.islamic (tabular) with the noted shift."""
    uqura = hijridate.Hijri(year, month, day).to_gregorian()
    by_hijridate = date(uqura.year, uqura.month, uqura.day)
    by_convertdate = date(*convertdate.islamic.to_gregorian(year, month, day))
    assert (by_hijridate - by_convertdate).days == tabular_shift, (by_hijridate, by_convertdate)
    return by_hijridate


def _at(day: date, hour: int | None, minute: int, zone: ZoneInfo, offset: float | None = None) -> datetime:
    wall = datetime.combine(day, time(hour or 0, minute))
    if offset is not None:
        return wall.replace(tzinfo=timezone(timedelta(hours=offset))).astimezone(zone)
    return wall.replace(tzinfo=zone)


def expected(case: Case) -> tuple[str, str, str, bool]:
    """(ISO value, calendar, precision, relative?) for a case."""
    zone = ZoneInfo(case.tz)
    spec = case.expect
    if isinstance(spec, Jalali):
        day = jalali_to_gregorian(spec.year, spec.month, spec.day)
        precision = "day" if spec.hour is None else "minute"
        return _at(day, spec.hour, spec.minute, zone).isoformat(), "jalali", precision, spec.year_inferred
    if isinstance(spec, Hijri):
        day = hijri_to_gregorian(spec.year, spec.month, spec.day, spec.tabular_shift)
        return _at(day, None, 0, zone).isoformat(), "hijri", "day", False
    if isinstance(spec, Greg):
        day = date(spec.year, spec.month, spec.day)
        precision = "day" if spec.hour is None else "minute"
        moment = _at(day, spec.hour, spec.minute, zone, spec.printed_offset)
        return moment.isoformat(), "gregorian", precision, False
    if isinstance(spec, Ago):
        moment = (case.fetched - timedelta(hours=spec.hours, minutes=spec.minutes)).replace(second=0)
        precision = "hour" if spec.hours and not spec.minutes else "minute"
        return moment.astimezone(zone).isoformat(), "gregorian", precision, True
    assert isinstance(spec, DaysBack)
    day = case.fetched.astimezone(zone).date() - timedelta(days=spec.days)
    precision = "day" if spec.hour is None else "minute"
    return _at(day, spec.hour, spec.minute, zone).isoformat(), "gregorian", precision, True


def _case_id(case: Case) -> str:
    return case.style[:48]


def test_the_table_is_large_and_annotated() -> None:
    assert len(CASES) >= 60
    assert all(case.style.strip() for case in CASES)
    assert len({case.text for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", [c for c in CASES if c.expect is not None], ids=_case_id)
def test_printed_date(case: Case) -> None:
    value, calendar, precision, relative = expected(case)
    if case.literal is not None:
        assert value == case.literal, "the two calendar libraries disagree with the issue's example"
    found = parse_date_text(case.text, tz=case.tz, lang=case.lang, fetched_at=case.fetched)
    assert found is not None, case.text
    assert found.value == value
    assert found.calendar == calendar
    assert found.precision == precision
    assert found.origin == "text"
    assert found.resolved_against == (case.fetched.isoformat() if relative else None)
    assert found.original.replace("\u200c", "") in case.text.replace("\u200c", "")


@pytest.mark.parametrize("case", [c for c in CASES if c.expect is None], ids=_case_id)
def test_not_a_credible_date(case: Case) -> None:
    assert parse_date_text(case.text, tz=case.tz, lang=case.lang, fetched_at=case.fetched) is None


PERSIAN_JALALI = [c for c in CASES if isinstance(c.expect, Jalali) and c.lang == "fa"]


@pytest.mark.parametrize("case", PERSIAN_JALALI, ids=_case_id)
def test_jalali_years_are_never_read_as_gregorian(case: Case) -> None:
    found = parse_date_text(case.text, tz=case.tz, lang=case.lang, fetched_at=case.fetched)
    assert found is not None
    assert 1990 < int(found.value[:4]) <= case.fetched.year


def test_dateutil_alone_reads_jalali_as_the_year_1403() -> None:
    """The trap the issue names: dateutil gives 1403 AD; parse_date_text gives 2024."""
    assert dateutil.parser.parse("1403/07/15").year == 1403
    found = parse_date_text("۱۴۰۳/۰۷/۱۵", tz="Asia/Tehran", lang=None, fetched_at=CASES[0].fetched)
    assert found is not None and found.value.startswith("2024-10-06")


@pytest.mark.parametrize(
    ("text", "lang", "calendar", "year"),
    [
        ("1403/07/15", "ar", "jalali", 2024),  # Hijri 1403 would be 1983: Jalali is the credible reading
        ("1445/08/01", "ar", "hijri", 2024),  # Jalali 1445 would be 2066: Hijri is the credible reading
        ("1445/08/01", "fa", None, None),  # on a Persian page 14xx is Jalali: 2066 is rejected
    ],
)
def test_fourteen_hundreds_without_a_marker(
    text: str, lang: str, calendar: str | None, year: int | None
) -> None:
    found = parse_date_text(text, tz="Asia/Riyadh", lang=lang, fetched_at=CASES[0].fetched)
    if calendar is None:
        assert found is None
    else:
        assert found is not None and found.calendar == calendar and int(found.value[:4]) == year


def test_clock_skew_allows_a_few_minutes_only() -> None:
    fetched = datetime(2024, 2, 11, 5, 35, tzinfo=UTC)  # 09:05 in Tehran
    at = {minutes: f"۲۲ بهمن ۱۴۰۲ - ۰۹:{5 + minutes:02d}" for minutes in (3, 30)}
    assert parse_date_text(at[3], tz="Asia/Tehran", fetched_at=fetched) is not None
    assert parse_date_text(at[30], tz="Asia/Tehran", fetched_at=fetched) is None


def test_language_is_guessed_from_the_script_when_unknown() -> None:
    fetched = CASES[0].fetched
    persian = parse_date_text("۰۲/۱۱/۲۲", tz="Asia/Tehran", lang=None, fetched_at=fetched)
    english = parse_date_text("02/11/22", tz="Europe/London", lang="en", fetched_at=fetched)
    assert persian is not None and persian.value.startswith("2024-02-11")
    assert english is not None and english.value.startswith("2022-02-11")
