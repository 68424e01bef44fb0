"""Dates relative to the fetch time: «۲ ساعت پیش», «دیروز», «لحظاتی پیش», «منذ ساعتين», '3 hours ago'."""

from __future__ import annotations

import re
from datetime import timedelta

from .context import ReadingContext
from .lexicon import GREGORIAN
from .mentions import DayMention, MomentMention
from .normalize import fold

_NUMBER_WORDS = {
    # Persian
    "یک": 1, "یه": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "شیش": 6, "هفت": 7, "هشت": 8,
    "نه": 9, "ده": 10, "یازده": 11, "دوازده": 12, "بیست": 20, "سی": 30,
    # Arabic
    "واحد": 1, "واحده": 1, "اثنین": 2, "اثنان": 2, "اثنتین": 2, "ثلاث": 3, "ثلاثه": 3, "اربع": 4,
    "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثمانی": 8, "ثمان": 8,
    "ثمانیه": 8, "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10,
    # English
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
_NUMBER_WORDS = {fold(word): value for word, value in _NUMBER_WORDS.items()}
_NUMBER = "|".join(sorted((re.escape(w) for w in _NUMBER_WORDS), key=len, reverse=True))

# Unit words (folded) -> seconds per unit. Months and years are too coarse to be a credible date.
_UNITS = {
    "ثانیه": 1, "دقیقه": 60, "ساعت": 3600, "روز": 86400, "هفته": 604800,
    "ثوان": 1, "ثوانی": 1, "دقائق": 60, "ساعه": 3600, "ساعات": 3600, "یوم": 86400, "ایام": 86400,
    "اسبوع": 604800, "اسابیع": 604800,
    "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1, "m": 60, "min": 60, "mins": 60,
    "minute": 60, "minutes": 60, "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
    "d": 86400, "day": 86400, "days": 86400, "w": 604800, "wk": 604800, "wks": 604800, "week": 604800,
    "weeks": 604800,
}
_UNIT = "|".join(sorted((re.escape(u) for u in _UNITS), key=len, reverse=True))
# Arabic duals ('two hours') and bare singulars ('an hour') after «منذ» / «قبل».
_ARABIC_DUALS = {"ثانیتین": 1, "دقیقتین": 60, "ساعتین": 3600, "ساعتان": 3600, "یومین": 86400,
                 "یومان": 86400, "اسبوعین": 604800}
_ARABIC_SINGLE = {"ثانیه": 1, "دقیقه": 60, "ساعه": 3600, "یوم": 86400, "اسبوع": 604800}
_ARABIC_ONE = "|".join(sorted(list(_ARABIC_DUALS) + list(_ARABIC_SINGLE), key=len, reverse=True))

_AMOUNT = rf"(?P<n{{i}}>\d{{{{1,3}}}}|{_NUMBER})\s*(?P<u{{i}}>{_UNIT})(?![a-z\u0600-\u06ff])"
_PAIR = _AMOUNT.format(i=1) + r"(?:\s*(?:و|,|and)?\s*" + _AMOUNT.format(i=2) + ")?"

_AGO_AFTER = re.compile(rf"(?<!\w){_PAIR}\s*(?:پیش|قبل|ago)(?!\w)")
_AGO_BEFORE = re.compile(rf"(?<!\w)(?:منذ|قبل)\s*(?:{_PAIR}|(?P<one>{_ARABIC_ONE})(?!\w))")
_JUST_NOW = re.compile(
    r"(?<!\w)(?:لحظاتی\s*(?:پیش|قبل)|لحظه\s*ای\s*(?:پیش|قبل)|دقایقی\s*(?:پیش|قبل)|همین\s*الان|هم\s*اکنون"
    r"|(?:منذ|قبل)\s*(?:لحظات|دقائق|قلیل)|الان|للتو|just\s+now|moments?\s+ago|(?:a\s+)?few\s+(?:seconds|minutes)"
    r"\s+ago|seconds\s+ago|minutes\s+ago)(?!\w)"
)
_DAY_WORDS = {
    "امروز": 0, "دیروز": 1, "پریروز": 2, "الیوم": 0, "امس": 1, "الامس": 1, "البارحه": 1,
    "اول امس": 2, "اول من امس": 2, "today": 0, "yesterday": 1,
}
_DAY_WORD = re.compile(
    r"(?<!\w)(?P<word>"
    + "|".join(sorted((w.replace(" ", r"\s*") for w in _DAY_WORDS), key=len, reverse=True))
    + r")(?!\w)"
)


def find_relative(folded: str, ctx: ReadingContext) -> tuple[list[MomentMention], list[DayMention]]:
    """'N units ago' and 'just now' moments, and 'today'/'yesterday' days, resolved against the fetch time."""
    moments: list[MomentMention] = []
    days: list[DayMention] = []
    now = ctx.fetched_at.replace(second=0, microsecond=0).astimezone(ctx.zone)
    for match in _JUST_NOW.finditer(folded):
        moments.append(MomentMention(match.start(), match.end(), now, "minute"))
    for pattern in (_AGO_AFTER, _AGO_BEFORE):
        for match in pattern.finditer(folded):
            seconds = _seconds(match)
            if seconds >= 86400:
                day = ctx.today - timedelta(days=seconds // 86400)
                days.append(DayMention(match.start(), match.end(), GREGORIAN, day, relative=True))
                continue
            precision = "hour" if seconds >= 3600 and seconds % 3600 == 0 else "minute"
            moment = (ctx.fetched_at - timedelta(seconds=seconds)).replace(second=0, microsecond=0)
            moments.append(MomentMention(match.start(), match.end(), moment.astimezone(ctx.zone), precision))
    for match in _DAY_WORD.finditer(folded):
        back = _DAY_WORDS[re.sub(r"\s+", " ", match["word"])]
        day = ctx.today - timedelta(days=back)
        days.append(DayMention(match.start(), match.end(), GREGORIAN, day, relative=True, needs_clock=True))
    return moments, days


def _seconds(match: re.Match[str]) -> int:
    groups = match.groupdict()
    if groups.get("one"):
        word = groups["one"]
        return _ARABIC_DUALS.get(word, 0) * 2 or _ARABIC_SINGLE[word]
    total = 0
    for i in (1, 2):
        number, unit = groups.get(f"n{i}"), groups.get(f"u{i}")
        if number and unit:
            count = int(number) if number.isdigit() else _NUMBER_WORDS[number]
            total += count * _UNITS[unit]
    return total
