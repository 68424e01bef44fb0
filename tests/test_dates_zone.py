"""The zone of a page whose source declares none: assumed from what the page shows, and said so."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from click.testing import CliRunner

from archive.cli import cli
from crawler.article import PageContext, process_page
from crawler.dates import find_article_dates
from crawler.dates.assumed_zone import assume_zone
from crawler.sources import Source

FETCHED = datetime(2024, 12, 1, tzinfo=UTC)

# (visible text, identified language) -> (zone, words the reason gives)
ZONE_CASES = [
    ("جمعه ۱۵ مهر ۱۴۰۱ - ۱۰:۳۰", "fa", "Asia/Tehran", "Iranian"),
    ("جمعه ۱۵ مهر ۱۴۰۱ - ۱۰:۳۰", None, "Asia/Tehran", "Iranian"),  # no language: the month names decide
    ("۱۵ میزان ۱۴۰۱ ساعت ۱۰:۳۰", "fa", "Asia/Kabul", "Afghan"),  # Dari news: Afghan month names
    ("۲۳ حمل ۱۴۰۳", "ps", "Asia/Kabul", "Afghan"),
    ("۱ آبان ۱۴۰۲، ۲ آبان ۱۴۰۲ و ۵ میزان ۱۴۰۲", "fa", "Asia/Tehran", "Iranian"),  # the more frequent kind
    ("3 Farvardin 1403", "en", "UTC", "no single usual zone"),  # romanised names are not a printed Persian date
    ("۱۴۰۱/۰۷/۱۵ ۱۰:۳۰", "fa", "Asia/Tehran", "usual zone of language 'fa'"),  # numeric: no month names
    ("حمل و نقل عمومی در شهر", "fa", "Asia/Tehran", "usual zone"),  # «حمل» the noun, not a date
    ("قیمت مهر و دی در بازار", "fa", "Asia/Tehran", "usual zone"),  # «مهر», «دی» as words
    ("میزان بارندگی ۱۲ میلیمتر", "ps", "Asia/Kabul", "usual zone of language 'ps'"),
    ("12 October 2022 10:30", "de", "Europe/Berlin", "usual zone of language 'de'"),
    ("12 October 2022 10:30", "tr", "Europe/Istanbul", "usual zone"),
    ("١٥ أكتوبر ٢٠٢٢", "ar", "UTC", "no single usual zone for language 'ar'"),  # Arabic spans many zones
    ("12 October 2022", "en", "UTC", "no single usual zone for language 'en'"),
    ("12 October 2022", None, "UTC", "no language identified"),
]


@pytest.mark.parametrize(("text", "language", "zone", "why"), ZONE_CASES)
def test_the_zone_a_page_shows(text: str, language: str | None, zone: str, why: str) -> None:
    assumed = assume_zone(text, language)
    assert assumed.name == zone
    assert why in assumed.why


def _page(date_line: str, lang: str = "fa") -> str:
    body = "".join(f"<p>{'نمایشگاه کتاب استان هرمزگان امروز در بندرعباس گشایش یافت و ادامه دارد. ' * 3}</p>"
                   for _ in range(4))
    return (f'<html lang="{lang}"><head><title>خبر</title></head><body><article><h1>افتتاح نمایشگاه کتاب</h1>'
            f'<div class="date">{date_line}</div>{body}</article></body></html>')


# (date line, declared zone) -> published; a declared zone always wins over the page's
DATE_CASES = [
    ("جمعه ۱۵ مهر ۱۴۰۱ - ۱۰:۳۰", None, "2022-10-07T10:30:00+03:30"),
    ("جمعه ۱۵ میزان ۱۴۰۱ - ۱۰:۳۰", None, "2022-10-07T10:30:00+04:30"),
    ("۱ تیر ۱۴۰۰ - ۱۰:۳۰", None, "2021-06-22T10:30:00+04:30"),  # Iran's daylight saving, before 2022
    ("جمعه ۱۵ مهر ۱۴۰۱ - ۱۰:۳۰", "UTC", "2022-10-07T10:30:00+00:00"),
    ("جمعه ۱۵ مهر ۱۴۰۱ - ۱۰:۳۰", "Asia/Kabul", "2022-10-07T10:30:00+04:30"),
]


@pytest.mark.parametrize(("line", "declared", "published"), DATE_CASES)
def test_published_time_in_the_assumed_or_declared_zone(line: str, declared: str | None, published: str) -> None:
    dates = find_article_dates(_page(line), tz=declared, lang="fa", fetched_at=FETCHED)
    assert dates.published is not None and dates.published.value == published
    assert (dates.zone is None) == (declared is not None)


def test_date_evidence_says_the_zone_was_assumed_and_a_declared_zone_says_nothing() -> None:
    body = _page("جمعه ۱۵ مهر ۱۴۰۱ - ۱۰:۳۰").encode()
    undeclared = process_page(body, PageContext.for_source(Source("s", "https://s.example/"), "https://s.example/n/1"))
    declared = process_page(body, PageContext.for_source(Source("s", "https://s.example/", timezone="Asia/Tehran"),
                                                         "https://s.example/n/1"))
    assert undeclared.article and declared.article
    assert undeclared.article["published"] == declared.article["published"] == "2022-10-07T10:30:00+03:30"
    assert undeclared.article["date_evidence"]["zone"] == {
        "name": "Asia/Tehran", "assumed": True, "why": "Solar Hijri date with Iranian month names (مهر)"}
    assert "zone" not in declared.article["date_evidence"]


def test_extract_assumes_tehran_without_language_or_timezone(tmp_path) -> None:
    page = tmp_path / "page.html"
    page.write_text(_page("جمعه ۱۵ مهر ۱۴۰۱ - ۱۰:۳۰"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(page)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["published"] == "2022-10-07T10:30:00+03:30"
    assert record["date_evidence"]["zone"]["assumed"] is True
    explicit = CliRunner().invoke(cli, ["extract", str(page), "--timezone", "UTC"])
    assert json.loads(explicit.output)["published"] == "2022-10-07T10:30:00+00:00"
