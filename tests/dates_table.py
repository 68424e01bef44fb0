"""Real-world printed date strings with what they mean, for tests/test_dates_text.py.

Each case names the kind of site or CMS that prints that format. Expected values are not typed as ISO
strings: a case gives the calendar date as printed (Jalali, Hijri or Gregorian) or the relative offset,
and the test converts it with two independent calendar libraries and the zone database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True)
class Jalali:
    """A Jalali date (and wall time) as printed."""

    year: int
    month: int
    day: int
    hour: int | None = None
    minute: int = 0
    year_inferred: bool = False


@dataclass(frozen=True)
class Hijri:
    """A Hijri date as printed; `tabular_shift` = Umm al-Qura day minus convertdate.islamic's day."""

    year: int
    month: int
    day: int
    tabular_shift: int = 0


@dataclass(frozen=True)
class Greg:
    """A Gregorian date (and wall time) as printed; `printed_offset` hours when a zone is printed (GMT)."""

    year: int
    month: int
    day: int
    hour: int | None = None
    minute: int = 0
    printed_offset: float | None = None


@dataclass(frozen=True)
class Ago:
    """'N minutes/hours ago' or 'just now': the fetch time minus this much, to the minute."""

    hours: int = 0
    minutes: int = 0


@dataclass(frozen=True)
class DaysBack:
    """'today' / 'yesterday' / 'N days ago', with the wall time when one is printed."""

    days: int
    hour: int | None = None
    minute: int = 0


Expected = Jalali | Hijri | Greg | Ago | DaysBack | None

FETCHED = datetime(2025, 3, 1, 8, 0, 37, tzinfo=UTC)  # 1403/12/11 in Tehran, 1 Ramadan 1446


@dataclass(frozen=True)
class Case:
    text: str
    style: str  # the kind of site or CMS that prints this format
    expect: Expected
    lang: str | None = "fa"
    tz: str = "Asia/Tehran"
    literal: str | None = None  # the value the issue states, checked as well
    fetched: datetime = FETCHED


TEH, KBL = "Asia/Tehran", "Asia/Kabul"

CASES: list[Case] = [
    # ---- Persian (Iran), written Jalali months ----
    Case("۲۲ بهمن ۱۴۰۲ - ۰۹:۰۵", "Tasnim-style article header", Jalali(1402, 11, 22, 9, 5),
         literal="2024-02-11T09:05:00+03:30"),
    Case("چهارشنبه ۳۱ شهریور ۱۴۰۰ ساعت ۰۸:۱۵", "Hamshahri-style weekday and «ساعت», day after DST ended",
         Jalali(1400, 6, 31, 8, 15), literal="2021-09-22T08:15:00+03:30"),
    Case("۳۰ شهریور ۱۴۰۰ - ۲۳:۰۰", "Tasnim-style, the last DST hour of 1400", Jalali(1400, 6, 30, 23, 0),
         literal="2021-09-21T23:00:00+04:30"),
    Case("تاریخ انتشار: ۱۴:۳۲ - ۰۳ تیر ۱۴۰۲", "Entekhab-style label with the time before the date",
         Jalali(1402, 4, 3, 14, 32)),
    Case("سه‌شنبه ۱۵ اسفند ۱۴۰۲ - ۱۸:۴۵", "YJC-style weekday written with ZWNJ", Jalali(1402, 12, 15, 18, 45)),
    Case("یکشنبه، ۲۲ بهمن ۱۴۰۲، ۰۹:۰۵", "IRNA-style with Persian commas", Jalali(1402, 11, 22, 9, 5)),
    Case("۲۲ بهمن ماه ۱۴۰۲", "press-release style «بهمن ماه»", Jalali(1402, 11, 22)),
    Case("۲۲ بهمن ۱۴۰۲ ه.ش", "with the «ه.ش» calendar marker (provincial sites)", Jalali(1402, 11, 22)),
    Case("۱۰ امرداد ۱۴۰۲", "«امرداد» spelling (cultural sites)", Jalali(1402, 5, 10)),
    Case("۵ دى ۱۴۰۲", "«دى» typed with Arabic alef maksura", Jalali(1402, 10, 5)),
    Case("پنجشنبه ۷ دي ۱۴۰۲ ساعت ۱۱:۲۰", "«دي» with Arabic yeh (CMS on an Arabic keyboard layout)",
         Jalali(1402, 10, 7, 11, 20)),
    Case("کد خبر: ۸۴۱۲۳۴۵ | تاریخ: ۲۲ بهمن ۱۴۰۲ - ۰۹:۰۵", "Khabaronline-style news code beside the date",
         Jalali(1402, 11, 22, 9, 5)),
    Case("تاریخ انتشار: ۲۲ بهمن ۱۴۰۲ - ۰۹:۰۵ | آخرین بروزرسانی: ۲۳ بهمن ۱۴۰۲ - ۱۰:۰۰",
         "Hamshahri Online-style published and updated labels", Jalali(1402, 11, 22, 9, 5)),
    Case("یکشنبه ۲۲ بهمن ۱۴۰۲ - ۳۰ رجب ۱۴۴۵ - ۱۱ فوریه ۲۰۲۴",
         "ISNA/IRNA header: Jalali, Hijri (Iranian sighting, no 30 Rajab in Umm al-Qura) and Gregorian",
         Jalali(1402, 11, 22)),
    Case("۱۳۹۸/۰۶/۳۱ ۲۳:۳۰", "numeric, the day after DST ended in 1398", Jalali(1398, 6, 31, 23, 30)),
    Case("۱۵ تیر ۱۴۰۱ - ۱۰:۰۰", "Mehr-style, the last summer of Iranian DST", Jalali(1401, 4, 15, 10, 0)),
    Case("۱۵ تیر ۱۴۰۲ - ۱۰:۰۰", "Mehr-style, the first summer without DST", Jalali(1402, 4, 15, 10, 0)),
    Case("۱ فروردین ۱۴۰۳ - ۰۰:۰۵", "Nowruz, just after midnight", Jalali(1403, 1, 1, 0, 5)),
    Case("۲۲ بهمن", "listing page without a year (year from the fetch day)",
         Jalali(1403, 11, 22, year_inferred=True)),
    # ---- Persian, numeric Jalali ----
    Case("۱۳۹۹/۰۱/۰۱", "ISNA-style archive list, Y/M/D in Persian digits", Jalali(1399, 1, 1),
         literal="2020-03-20T00:00:00+03:30"),
    Case("۱۴۰۲/۱۱/۲۲ - ۰۹:۰۵", "Fars-style numeric date and time", Jalali(1402, 11, 22, 9, 5)),
    Case("۱۴۰۲-۱۱-۲۲ ۰۹:۰۵", "dashed Y-M-D (ISNA service pages)", Jalali(1402, 11, 22, 9, 5)),
    Case("۲۲/۱۱/۱۴۰۲", "D/M/Y printed by some ASP.NET news CMSs", Jalali(1402, 11, 22)),
    Case("۰۲/۱۱/۲۲", "two-digit Jalali year YY/MM/DD (older Persian CMSs)", Jalali(1402, 11, 22)),
    Case("1402/11/22 09:05", "Latin digits on a Persian page (Joomla Persian)", Jalali(1402, 11, 22, 9, 5)),
    Case("١٤٠٢/١١/٢٢", "Arabic-Indic digits on a Persian page", Jalali(1402, 11, 22)),
    Case("۸:۱۵ ق.ظ ۱۴۰۲/۰۸/۱۲", "Persian WordPress 12-hour time with «ق.ظ»", Jalali(1402, 8, 12, 8, 15)),
    Case("۱۴۰۲/۰۸/۱۲ ۰۶:۳۰ ب.ظ", "Persian WordPress «ب.ظ» afternoon", Jalali(1402, 8, 12, 18, 30)),
    Case("۱۴۰۳/۰۷/۱۵", "the string dateutil reads as the year 1403 AD", Jalali(1403, 7, 15)),
    # ---- Persian, Gregorian with Persian month names ----
    Case("۱۴ اکتبر ۲۰۲۳", "foreign-news desk, Gregorian with Persian month name", Greg(2023, 10, 14)),
    Case("۲۵ دسامبر ۲۰۲۳ - ۱۴:۰۰", "foreign-news desk with time", Greg(2023, 12, 25, 14, 0)),
    Case("۳ ژوئیه ۲۰۲۳", "«ژوئیه» (July)", Greg(2023, 7, 3)),
    # ---- Persian, relative ----
    Case("۲ ساعت پیش", "Varzesh3-style relative hours", Ago(hours=2)),
    Case("۱۵ دقیقه پیش", "aggregator relative minutes", Ago(minutes=15)),
    Case("لحظاتی پیش", "breaking-news ticker", Ago()),
    Case("دقایقی پیش", "breaking-news ticker, «minutes ago»", Ago()),
    Case("دیروز ۱۸:۲۰", "Zoomit-style «yesterday» with a time", DaysBack(1, 18, 20)),
    Case("امروز ۰۸:۳۰", "«today» with a time", DaysBack(0, 8, 30)),
    Case("تاریخ انتشار: امروز", "«published: today» (news agency tickers)", DaysBack(0)),
    Case("یک روز پیش", "«one day ago» (comment-style CMS)", DaysBack(1)),
    Case("۳ روز قبل", "«3 days before»", DaysBack(3)),
    # ---- Dari (Afghanistan) ----
    Case("۲۲ دلو ۱۴۰۲", "TOLOnews-style Dari month names", Jalali(1402, 11, 22), tz=KBL),
    Case("۱۵ حمل ۱۴۰۳ - ۱۰:۳۰", "Afghan site, Dari month and time", Jalali(1403, 1, 15, 10, 30), tz=KBL),
    # ---- Arabic ----
    Case("الأحد 11 فبراير 2024 - 09:05 ص", "Youm7-style (Egypt), «ص» = a.m.", Greg(2024, 2, 11, 9, 5),
         lang="ar", tz="Africa/Cairo"),
    Case("نشر في: 11 فبراير ,2024: 09:05 ص", "Al Arabiya-style label and punctuation",
         Greg(2024, 2, 11, 9, 5), lang="ar", tz="Asia/Dubai"),
    Case("11/2/2024", "Al Jazeera-style D/M/Y", Greg(2024, 2, 11), lang="ar", tz="Asia/Qatar"),
    Case("فبراير 11, 2024", "WordPress Arabic default format 'F j, Y'", Greg(2024, 2, 11), lang="ar",
         tz="Asia/Riyadh"),
    Case("11 تشرين الأول 2023 - 10:30 م", "Lebanese site, Levantine month, «م» = p.m.",
         Greg(2023, 10, 11, 22, 30), lang="ar", tz="Asia/Beirut"),
    Case("الأحد 11 شباط 2024", "SANA-style (Syria) Levantine month", Greg(2024, 2, 11), lang="ar",
         tz="Asia/Damascus"),
    Case("11 شباط/فبراير 2024", "Levantine and Egyptian month names paired", Greg(2024, 2, 11), lang="ar",
         tz="Asia/Beirut"),
    Case("22 أكتوبر 2023", "Egyptian spelling «أكتوبر»", Greg(2023, 10, 22), lang="ar", tz="Africa/Cairo"),
    Case("١١ فبراير ٢٠٢٤", "Egyptian site with Arabic-Indic digits", Greg(2024, 2, 11), lang="ar",
         tz="Africa/Cairo"),
    Case("٢٠٢٤/٠٢/١١ ١٠:٣٠ م", "Iraqi site numeric Y/M/D, «م» = p.m.", Greg(2024, 2, 11, 22, 30), lang="ar",
         tz="Asia/Baghdad"),
    Case("10 جانفي 2024", "Tunisian site, Maghreb month name", Greg(2024, 1, 10), lang="ar",
         tz="Africa/Tunis"),
    Case("الخميس 11 يناير 2024 | 10:30", "WordPress Arabic theme with a time after a bar",
         Greg(2024, 1, 11, 10, 30), lang="ar", tz="Asia/Amman"),
    Case("آخر تحديث: 12 فبراير 2024 - 08:00 ص | نشر في: 11 فبراير 2024 - 09:05 ص",
         "Al Arabiya-style 'updated' printed before 'published'", Greg(2024, 2, 11, 9, 5), lang="ar",
         tz="Asia/Dubai"),
    Case("الأحد 1 شعبان 1445هـ - 11 فبراير 2024م", "Okaz/Sabq-style (Saudi) Hijri and Gregorian side by side",
         Greg(2024, 2, 11), lang="ar", tz="Asia/Riyadh"),
    Case("1445/08/01هـ", "Saudi numeric Hijri with «هـ»", Hijri(1445, 8, 1), lang="ar", tz="Asia/Riyadh"),
    Case("١ شعبان ١٤٤٥ هـ", "Hijri with Arabic-Indic digits", Hijri(1445, 8, 1), lang="ar", tz="Asia/Riyadh"),
    Case("1 محرم 1446 هـ", "Hijri new year: Umm al-Qura is a day before the tabular calendar",
         Hijri(1446, 1, 1, tabular_shift=-1), lang="ar", tz="Asia/Riyadh"),
    Case("منذ ساعتين", "Sky News Arabia-style relative (dual)", Ago(hours=2), lang="ar", tz="Asia/Dubai"),
    Case("منذ 3 ساعات", "relative hours, plural", Ago(hours=3), lang="ar", tz="Asia/Dubai"),
    Case("منذ ساعة", "relative, singular hour", Ago(hours=1), lang="ar", tz="Asia/Dubai"),
    Case("منذ دقيقتين", "relative minutes (dual)", Ago(minutes=2), lang="ar", tz="Asia/Dubai"),
    Case("منذ 5 دقائق", "relative minutes, plural", Ago(minutes=5), lang="ar", tz="Asia/Dubai"),
    Case("أمس الساعة 18:20", "«yesterday at»", DaysBack(1, 18, 20), lang="ar", tz="Asia/Riyadh"),
    # ---- English ----
    Case("February 11, 2024 9:05 AM", "WordPress English", Greg(2024, 2, 11, 9, 5), lang="en",
         tz="America/New_York"),
    Case("11 February 2024", "BBC-style", Greg(2024, 2, 11), lang="en", tz="Europe/London"),
    Case("Sun 11 Feb 2024 09.05 GMT", "Guardian-style dotted time with GMT", Greg(2024, 2, 11, 9, 5, 0),
         lang="en", tz="Europe/London"),
    Case("11 Feb 2024 05:35 GMT", "English edition of an Iranian agency, time in GMT",
         Greg(2024, 2, 11, 5, 35, 0), lang="en", tz=TEH),
    Case("Feb. 11, 2024 at 9:05 a.m.", "AP-style", Greg(2024, 2, 11, 9, 5), lang="en", tz="America/New_York"),
    Case("2024-02-11 09:05", "ISO-like date in visible text", Greg(2024, 2, 11, 9, 5), lang="en", tz=TEH),
    Case("February 11, 2024 - 9:5", "Tehran Times-style single-digit minutes", Greg(2024, 2, 11, 9, 5),
         lang="en", tz=TEH),
    Case("Bahman 22, 1402", "IRNA English-style Jalali in Latin letters", Jalali(1402, 11, 22), lang="en"),
    Case("3 hours ago", "English relative", Ago(hours=3), lang="en", tz="Europe/London"),
    Case("Yesterday at 6:20 PM", "social-style 'yesterday at'", DaysBack(1, 18, 20), lang="en",
         tz="Europe/London"),
    Case("Just now", "live-blog entry", Ago(), lang="en", tz="Europe/London"),
    # ---- not credible dates ----
    Case("۱۴۰۵/۰۱/۰۱", "after the fetch time: rejected", None),
    Case("۲ ماه پیش", "«2 months ago»: too coarse for a publication time", None),
    Case("کد خبر: ۸۴۱۲۳۴۵", "a news code, not a date", None),
    Case("ساعاتی پیش", "«some hours ago»: no number", None),
    Case("30/02/2024", "no such day", None, lang="en", tz="Europe/London"),
    Case("۳۰ اسفند ۱۴۰۲", "1402 is not a leap year: Esfand has 29 days", None),
    Case("۰۹:۰۵", "a time without a date", None),
    Case("اليوم السابع", "the newspaper name «The Seventh Day», not 'today'", None, lang="ar",
         tz="Africa/Cairo"),
]
