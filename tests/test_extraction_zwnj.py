"""Zero-width joiners survive extraction although trafilatura alone drops them."""

from __future__ import annotations

import pytest
import trafilatura

from crawler.extraction import extract_html
from crawler.extraction.zwnj import ZeroWidthGuard

WORDS = ["بهره‌برداری", "می‌شود", "کار‌ها", "زیرساخت‌های"]
PARAGRAPHS = [
    "پروژه اسکله پس از سه سال کار بهره‌برداری شد و از امروز شناورها می‌توانند از آن استفاده کنند.",
    "به گفته مسئولان این طرح باعث می‌شود که کار‌ها سریع‌تر انجام شود و مسافران راضی‌تر باشند.",
    "توسعه زیرساخت‌های دریایی در شرق استان در اولویت برنامه‌های دولت قرار دارد و ادامه خواهد یافت.",
    "ساختمان پایانه مسافری و پارکینگ آن در مرحله دوم ساخته خواهد شد و هزینه آن تأمین شده است.",
]
PAGE = (
    "<html lang='fa'><head><title>بهره‌برداری از اسکله | صبح ساحل</title></head><body><article>"
    "<h1>بهره‌برداری از اسکله</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article></body></html>"
)


def test_trafilatura_alone_drops_zwnj():
    """The reason for the guard: if this starts failing, trafilatura fixed it upstream."""
    text = trafilatura.extract(PAGE) or ""
    assert "بهرهبرداری" in text and "\u200c" not in text


def test_extraction_keeps_zwnj_in_text_and_title():
    result = extract_html(PAGE, "https://sahel.example/fa/news/1")
    for word in WORDS:
        assert word in result.text
    assert result.title == "بهره‌برداری از اسکله"
    assert not any("\ua6a0" <= ch <= "\ua6e5" for ch in result.text), "placeholder leaked"


@pytest.mark.parametrize(
    "text",
    ["بهره‌برداری", "क्‍ष ZWJ", "no joiner here", "", "\u200c\u200d\u200c", "ꚠ already uses one placeholder‌"],
)
def test_guard_round_trip(text):
    guard = ZeroWidthGuard.for_text(text)
    protected = guard.protect(text)
    assert "\u200c" not in protected and "\u200d" not in protected
    assert protected.isprintable() or not text.isprintable() or text == protected
    assert guard.restore(protected) == text


def test_guard_avoids_placeholders_present_in_the_page():
    text = "ꚠ‌"  # the first candidate placeholder, then a ZWNJ
    guard = ZeroWidthGuard.for_text(text)
    assert guard.mapping[0][1] != "ꚠ"
    assert guard.restore(guard.protect(text)) == text


def test_guard_keeps_none():
    assert ZeroWidthGuard.for_text("‌").restore(None) is None


FORMAT_PARAGRAPHS = [
    # German hyphenation points, as CMSs with automatic hyphenation publish them
    "Die Landes\u00adregierung hat am Montag den Haushalts\u00adentwurf für das kommende Jahr vorgelegt und beraten.",
    # an RLM keeps the Latin abbreviation and the number in order inside Persian text
    "بودجه استان ۱۲ درصد افزایش یافت و سهم بندر ‏(GDP)‏ نیز در سال گذشته بیشتر از همیشه شد و ادامه دارد.",
    # a recipe line ending in an invisible separator (U+2063), as some recipe plugins write them
    "120g flat rice noodles, soaked in warm water for twenty minutes and drained well before use\u2063",
    "Ein weiterer Absatz, damit der Text lang genug für einen Artikel ist und nichts davon verloren geht.",
]
FORMAT_PAGE = (
    "<html><head><title>Haushalt</title></head><body><article><h1>Haushalt</h1>"
    + "".join(f"<p>{p}</p>" for p in FORMAT_PARAGRAPHS) + "</article></body></html>"
)


def test_trafilatura_alone_drops_other_format_characters():
    """Soft hyphens, bidi marks and invisible operators are lost the same way."""
    text = trafilatura.extract(FORMAT_PAGE) or ""
    assert "Landesregierung" in text
    assert not any(ch in text for ch in "\u00ad\u200f\u2063")


def test_extraction_keeps_format_characters_as_published():
    text = extract_html(FORMAT_PAGE, "https://example.org/haushalt").text
    for paragraph in FORMAT_PARAGRAPHS:
        assert paragraph in text
