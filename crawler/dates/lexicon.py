"""Month names of the Jalali, Hijri and Gregorian calendars in Persian, Dari, Pashto, Arabic and English."""

from __future__ import annotations

import re

from .normalize import fold

JALALI = "jalali"
HIJRI = "hijri"
GREGORIAN = "gregorian"

_JALALI_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("فروردین", "حمل", "وری", "farvardin", "farwardin"),
    2: ("اردیبهشت", "ثور", "غویی", "ordibehesht", "ordibehest"),
    3: ("خرداد", "جوزا", "جوزای", "غبرگولی", "khordad", "khordaad"),
    4: ("تیر", "سرطان", "چنگاښ", "tir"),
    5: ("مرداد", "امرداد", "اسد", "زمری", "mordad", "amordad"),
    6: ("شهریور", "سنبله", "وږی", "shahrivar", "shahrivar"),
    7: ("مهر", "میزان", "تله", "mehr"),
    8: ("آبان", "عقرب", "لړم", "aban", "aabaan"),
    9: ("آذر", "قوس", "لیندۍ", "azar", "aazar"),
    10: ("دی", "دى", "جدی", "مرغومی", "dey", "dei"),
    11: ("بهمن", "دلو", "سلواغه", "bahman"),
    12: ("اسفند", "حوت", "کب", "esfand", "esfand"),
}

_GREGORIAN_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("ژانویه", "ژانویهٔ", "ژانوی", "يناير", "كانون الثاني", "جانفي", "january", "jan"),
    2: ("فوریه", "فبریه", "فبراير", "شباط", "فيفري", "february", "feb"),
    3: ("مارس", "آذار", "march", "mar"),
    4: ("آوریل", "آپریل", "أبريل", "إبريل", "ابريل", "نيسان", "أفريل", "april", "apr"),
    5: ("مه", "می", "مای", "مايو", "أيار", "ماي", "may"),
    6: ("ژوئن", "جون", "يونيو", "يونيه", "حزيران", "جوان", "june", "jun"),
    7: ("ژوئیه", "ژوييه", "جولای", "يوليو", "يوليه", "تموز", "جويلية", "يوليوز", "july", "jul"),
    8: ("اوت", "آگوست", "اگوست", "أغسطس", "اغسطس", "آب", "أوت", "غشت", "august", "aug"),
    9: ("سپتامبر", "سبتمبر", "أيلول", "شتنبر", "september", "sept", "sep"),
    10: ("اکتبر", "أكتوبر", "اكتوبر", "تشرين الأول", "october", "oct"),
    11: ("نوامبر", "نوفمبر", "تشرين الثاني", "نونبر", "november", "nov"),
    12: ("دسامبر", "ديسمبر", "كانون الأول", "دجنبر", "december", "dec"),
}

_HIJRI_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("محرم", "محرم الحرام", "muharram"),
    2: ("صفر", "صفر المظفر", "safar"),
    3: ("ربيع الأول", "ربيع أول", "ربیع‌الاول", "ربیع الاول", "rabi al-awwal", "rabi' al-awwal", "rabi i"),
    4: ("ربيع الآخر", "ربيع الثاني", "ربيع ثاني", "ربیع‌الثانی", "ربیع الآخر", "rabi al-thani",
        "rabi' al-thani", "rabi al-akhir", "rabi ii"),
    5: ("جمادى الأولى", "جمادى الأول", "جمادی‌الاول", "جمادی‌الاولی", "jumada al-awwal", "jumada al-ula",
        "jumada i"),
    6: ("جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادی‌الثانی", "جمادی‌الثانیه", "جمادی‌الآخر",
        "jumada al-thani", "jumada al-akhirah", "jumada ii"),
    7: ("رجب", "رجب المرجب", "rajab"),
    8: ("شعبان", "شعبان المعظم", "shaban", "sha'ban"),
    9: ("رمضان", "رمضان المبارك", "ramadan", "ramadhan"),
    10: ("شوال", "شوال المكرم", "shawwal"),
    11: ("ذو القعدة", "ذي القعدة", "ذی‌القعده", "ذوالقعده", "dhu al-qadah", "dhul qadah", "dhu al-qi'dah"),
    12: ("ذو الحجة", "ذي الحجة", "ذی‌الحجه", "ذوالحجه", "dhu al-hijjah", "dhul hijjah"),
}


def _index() -> dict[str, tuple[str, int]]:
    names: dict[str, tuple[str, int]] = {}
    for calendar, table in ((JALALI, _JALALI_MONTHS), (GREGORIAN, _GREGORIAN_MONTHS), (HIJRI, _HIJRI_MONTHS)):
        for month, spellings in table.items():
            for spelling in spellings:
                key = fold(spelling)
                if names.setdefault(key, (calendar, month)) != (calendar, month):
                    raise ValueError(f"month name {spelling!r} is ambiguous")
    return names


MONTHS: dict[str, tuple[str, int]] = _index()
"""Folded month name (see normalize.fold) -> (calendar, month number)."""


def _alternation(words: list[str]) -> str:
    """A regex alternation, longest first, where a space also matches no space ('ذوالقعده')."""
    parts = [re.escape(w).replace(r"\ ", r"\s*") for w in sorted(words, key=len, reverse=True)]
    return "|".join(parts)


MONTH_PATTERN = _alternation(list(MONTHS))

_MONTH_KEYS_NO_SPACE = {re.sub(r"\s+", "", key): value for key, value in MONTHS.items()}


def lookup_month(matched: str) -> tuple[str, int] | None:
    """(calendar, month) for a month name as matched by MONTH_PATTERN (spaces optional)."""
    return _MONTH_KEYS_NO_SPACE.get(re.sub(r"\s+", "", matched.rstrip(".")))


# Words printed after a year that name its calendar (folded forms).
CALENDAR_MARKERS: tuple[tuple[str, str], ...] = (
    (r"ه\s*\.?\s*ش\b\.?", JALALI),
    (r"هجری\s*شمسی", JALALI),
    (r"شمسی", JALALI),
    (r"خورشیدی", JALALI),
    (r"ه\s*\.?\s*ق\b\.?", HIJRI),
    (r"هجری\s*قمری", HIJRI),
    (r"قمری", HIJRI),
    (r"هجریه?", HIJRI),
    (r"ah\b", HIJRI),
    (r"میلادی", GREGORIAN),
    (r"ه", HIJRI),
    (r"ق", HIJRI),
    (r"ش", JALALI),
    (r"م", GREGORIAN),
    (r"ad\b", GREGORIAN),
    (r"ce\b", GREGORIAN),
)
MARKER_PATTERN = "|".join(f"(?:{p})" for p, _ in CALENDAR_MARKERS)
_MARKERS_COMPILED = [(re.compile(p), cal) for p, cal in CALENDAR_MARKERS]


def marker_calendar(marker: str) -> str:
    """The calendar a matched year marker names."""
    for pattern, calendar in _MARKERS_COMPILED:
        if pattern.fullmatch(marker.strip()):
            return calendar
    raise ValueError(marker)


# Labels before a printed date that say which date it is (folded forms).
PUBLISHED_LABELS = (
    r"تاریخ\s*انتشار", r"زمان\s*انتشار", r"منتشر\s*شده", r"انتشار", r"تاریخ\s*مخابره", r"تاریخ\s*خبر",
    r"تاریخ\s*النشر", r"نشر\s*فی", r"نشر\s*بتاریخ", r"نشر", r"بتاریخ",
    r"published(?:\s+on)?", r"posted(?:\s+on)?", r"first\s+published",
)
MODIFIED_LABELS = (
    r"اخرین\s*به\s*روز\s*رسانی", r"اخرین\s*بروز\s*رسانی", r"به\s*روز\s*رسانی\s*شده", r"به\s*روز\s*رسانی",
    r"بروز\s*رسانی", r"بروزرسانی", r"اخرین\s*ویرایش", r"تاریخ\s*ویرایش", r"ویرایش", r"اصلاح\s*شده",
    r"اخر\s*تحدیث", r"تم\s*التحدیث", r"تحدیث", r"محدث", r"تعدیل",
    r"last\s+updated", r"last\s+modified", r"updated(?:\s+on)?", r"modified(?:\s+on)?",
)
