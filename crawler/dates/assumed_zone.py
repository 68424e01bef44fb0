"""The zone of a page whose source declares none, taken from what the page shows.

1. A Solar Hijri date written with Iranian month names (۱۵ مهر ۱۴۰۱) -> Asia/Tehran;
   with Afghan month names (۱۵ میزان ۱۴۰۱) -> Asia/Kabul; the more frequent kind wins.
2. Otherwise the language's usual zone, for languages whose news is overwhelmingly written in one zone.
3. Otherwise UTC.
Each answer says why, so the archive can record that the zone was assumed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import fold

IRANIAN_MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "امرداد", "شهریور", "مهر", "آبان", "آذر",
                  "دی", "بهمن", "اسفند")
AFGHAN_MONTHS = ("حمل", "ثور", "جوزا", "جوزای", "سرطان", "اسد", "سنبله", "میزان", "عقرب", "قوس", "جدی", "دلو",
                 "حوت")
_KINDS = {**{fold(m): "Asia/Tehran" for m in IRANIAN_MONTHS}, **{fold(m): "Asia/Kabul" for m in AFGHAN_MONTHS}}
_NAMES = "|".join(sorted(map(re.escape, _KINDS), key=len, reverse=True))
# day, month name, Solar Hijri year (1300-1499): the month words alone (مهر, دی, میزان) are common nouns.
_WRITTEN_JALALI = re.compile(rf"(?<!\d)(?:[0-2]?\d|3[01])\s*(?P<month>{_NAMES})\s*,?\s*1[34]\d\d(?!\d)")

#: Languages whose news is overwhelmingly published in one zone (not ar, en, es, fr, pt: many zones).
LANGUAGE_ZONES: dict[str, str] = {
    "fa": "Asia/Tehran", "ps": "Asia/Kabul", "ur": "Asia/Karachi", "tr": "Europe/Istanbul",
    "he": "Asia/Jerusalem", "ja": "Asia/Tokyo", "ko": "Asia/Seoul", "zh": "Asia/Shanghai",
    "th": "Asia/Bangkok", "vi": "Asia/Ho_Chi_Minh", "id": "Asia/Jakarta", "hi": "Asia/Kolkata",
    "de": "Europe/Berlin", "it": "Europe/Rome", "pl": "Europe/Warsaw", "nl": "Europe/Amsterdam",
    "cs": "Europe/Prague", "sk": "Europe/Bratislava", "hu": "Europe/Budapest", "ro": "Europe/Bucharest",
    "bg": "Europe/Sofia", "el": "Europe/Athens", "uk": "Europe/Kyiv", "sv": "Europe/Stockholm",
    "da": "Europe/Copenhagen", "fi": "Europe/Helsinki", "nb": "Europe/Oslo", "no": "Europe/Oslo",
    "hr": "Europe/Zagreb", "sl": "Europe/Ljubljana", "lt": "Europe/Vilnius", "lv": "Europe/Riga",
    "et": "Europe/Tallinn", "ka": "Asia/Tbilisi", "hy": "Asia/Yerevan", "az": "Asia/Baku",
}


@dataclass(frozen=True)
class AssumedZone:
    """A zone the page did not declare, and why it was chosen."""

    name: str
    why: str

    def to_dict(self) -> dict[str, str | bool]:
        return {"name": self.name, "assumed": True, "why": self.why}


def assume_zone(text: str, language: str | None) -> AssumedZone:
    """The zone a page's visible `text` and identified `language` point to (see the module docstring)."""
    votes: dict[str, list[str]] = {}
    for match in _WRITTEN_JALALI.finditer(fold(text)):
        month = match.group("month")
        votes.setdefault(_KINDS[month], []).append(month)
    if votes:
        zone, months = max(votes.items(), key=lambda item: (len(item[1]), item[0] == "Asia/Tehran"))
        kind = "Iranian" if zone == "Asia/Tehran" else "Afghan"
        return AssumedZone(zone, f"Solar Hijri date with {kind} month names ({months[0]})")
    code = (language or "").split("-")[0].lower()
    if code in LANGUAGE_ZONES:
        return AssumedZone(LANGUAGE_ZONES[code], f"the usual zone of language {code!r}")
    if code:
        return AssumedZone("UTC", f"no single usual zone for language {code!r}")
    return AssumedZone("UTC", "no zone shown and no language identified")
