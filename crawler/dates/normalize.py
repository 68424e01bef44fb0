"""Fold Persian/Arabic digits, letter variants, invisible marks and dashes into one searchable form."""

from __future__ import annotations

import re

_PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"

_TABLE: dict[int, str | None] = {}
for _i, (_fa, _ar) in enumerate(zip(_PERSIAN_DIGITS, _ARABIC_INDIC_DIGITS, strict=True)):
    _TABLE[ord(_fa)] = str(_i)
    _TABLE[ord(_ar)] = str(_i)
# Arabic letter forms folded onto the Persian ones (and hamza/madda seats onto bare alef).
for _src, _dst in {
    "ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "ہ": "ه",
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
}.items():
    _TABLE[ord(_src)] = _dst
# Joiners and odd spaces become plain spaces: «سه‌شنبه» and «سه شنبه» read alike.
for _cp in (0x200C, 0x200D, 0x00A0, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009,
            0x200A, 0x202F, 0x205F, 0x3000):
    _TABLE[_cp] = " "
# Bidi controls, BOM, tatweel and Arabic diacritics carry no meaning for dates.
for _cp in (0x200B, 0x200E, 0x200F, 0x061C, 0xFEFF, 0x0640, 0x0670, *range(0x202A, 0x202F),
            *range(0x2066, 0x206A), *range(0x064B, 0x0660)):
    _TABLE[_cp] = None
_PUNCTUATION: dict[str, str | None] = {
    "،": ",", "؛": ";", "٫": ".", "٬": ",", "∕": "/", "⁄": "/", "／": "/", "：": ":",
    "–": "-", "—": "-", "−": "-", "‐": "-", "‑": "-", "ـ": None,
}
for _mark, _replacement in _PUNCTUATION.items():
    _TABLE[ord(_mark)] = _replacement

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Latin digits, Persian letter forms, no invisible marks, lower case, single spaces."""
    return _SPACES.sub(" ", text.translate(_TABLE).lower()).strip()


def collapse(text: str) -> str:
    """The printed text with runs of whitespace made single spaces (kept as evidence)."""
    return _SPACES.sub(" ", text).strip()


def has_persian_script(text: str) -> bool:
    """True when the raw text has Persian digits or letters that Arabic does not use."""
    return any(ch in "۰۱۲۳۴۵۶۷۸۹پچژگکیۀ" for ch in text)


def has_arabic_script(text: str) -> bool:
    """True when the raw text has Arabic-Indic digits or letters that Persian does not use."""
    return any(ch in "٠١٢٣٤٥٦٧٨٩ةيكإأ" for ch in text)


def guess_script_language(text: str) -> str | None:
    """'fa', 'ar' or None from the letters and digits of a short printed string."""
    if has_persian_script(text):
        return "fa"
    if has_arabic_script(text):
        return "ar"
    return None


def fold_mapped(text: str) -> tuple[str, list[int]]:
    """fold(text) and, for each folded character, the index of the raw character it came from."""
    out: list[str] = []
    where: list[int] = []
    pending_space = False
    for index, char in enumerate(text):
        for piece in char.translate(_TABLE).lower():
            if piece.isspace():
                pending_space = bool(out)
                continue
            if pending_space:
                out.append(" ")
                where.append(index - 1)
                pending_space = False
            out.append(piece)
            where.append(index)
    return "".join(out), where
