"""find_article_dates on small realistic article pages: which source wins, and why."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import convertdate.persian
import jdatetime

from crawler.dates import ArticleDates, find_article_dates

FETCHED = datetime(2024, 6, 1, 8, 0, tzinfo=UTC)  # 1403/03/12 in Tehran
TEHRAN = "Asia/Tehran"


def jalali_iso(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> str:
    """A Jalali wall time in Tehran as ISO, the day computed by jdatetime and convertdate alike."""
    from zoneinfo import ZoneInfo

    gregorian = jdatetime.date(year, month, day).togregorian()
    assert gregorian == date(*convertdate.persian.to_gregorian(year, month, day))
    return datetime.combine(gregorian, time(hour, minute)).replace(tzinfo=ZoneInfo(TEHRAN)).isoformat()


BAHMAN_22_0905 = jalali_iso(1402, 11, 22, 9, 5)  # 2024-02-11T09:05:00+03:30


def page(head: str = "", body: str = "", lang: str = "fa") -> str:
    return f"""<!DOCTYPE html><html lang="{lang}" dir="rtl"><head><meta charset="utf-8">
<title>افزایش صادرات از بندر شهید رجایی - صبح ساحل</title>
<meta property="og:title" content="افزایش صادرات از بندر شهید رجایی">{head}</head>
<body>
<header class="site-header"><h1 class="logo"><a href="/">صبح ساحل</a></h1>
<div class="top-date">امروز: شنبه ۱۲ خرداد ۱۴۰۳</div><nav><a href="/">خانه</a></nav></header>
<main>{body}</main>
<aside class="sidebar"><h3>آخرین خبرها</h3><ul>
<li><a href="/news/9">خبر دیگر</a> <span class="date">۱۱ خرداد ۱۴۰۳ - ۱۰:۰۰</span></li>
<li><a href="/news/8">خبر قدیمی</a> <span class="date">۱۰ خرداد ۱۴۰۳ - ۰۸:۰۰</span></li></ul></aside>
<footer>© ۱۴۰۳ <span class="date">۱۲ خرداد ۱۴۰۳</span></footer></body></html>"""


def json_ld(published: str, modified: str | None = None, kind: str = "NewsArticle") -> str:
    modified_field = f', "dateModified": "{modified}"' if modified else ""
    return (f'<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "{kind}", '
            f'"headline": "افزایش صادرات", "datePublished": "{published}"{modified_field}}}</script>')


def article(date_line: str = '<div class="news-date">۲۲ بهمن ۱۴۰۲ - ۰۹:۰۵</div>') -> str:
    return f"""<article class="news"><div class="news-head">
<div class="rutitr">گزارش</div><h1 class="title">افزایش صادرات از بندر شهید رجایی</h1>{date_line}</div>
<div class="lead">صادرات غیرنفتی از بندر شهید رجایی در ده ماه گذشته افزایش یافت.</div>
<p>به گزارش صبح ساحل، صادرات از این بندر در سال گذشته ۱۲ درصد بیشتر شد.</p></article>"""


def dates(html: str, **kwargs: object) -> ArticleDates:
    options: dict = {"tz": TEHRAN, "fetched_at": FETCHED, "url": "https://example.ir/news/1234/slug"}
    options.update(kwargs)
    return find_article_dates(html, **options)


def test_json_ld_and_the_printed_jalali_date_agree() -> None:
    found = dates(page(json_ld("2024-02-11T09:05:00+03:30", "2024-02-12T10:00:00+03:30"), article()))
    assert found.published is not None and found.modified is not None
    assert (found.published.value, found.published.origin) == (BAHMAN_22_0905, "json-ld")
    assert found.modified.value == "2024-02-12T10:00:00+03:30"
    assert any("agrees" in note for note in found.notes)


def test_json_ld_days_away_from_the_printed_date_loses_on_a_tie() -> None:
    """A machine date days away from the printed one is a template artefact unless another source backs it."""
    found = dates(page(json_ld("2024-05-30T18:00:00+03:30"), article()))
    assert found.published is not None
    assert (found.published.value, found.published.origin, found.published.calendar) == (
        BAHMAN_22_0905, "text", "jalali")
    assert found.published.original == "۲۲ بهمن ۱۴۰۲ - ۰۹:۰۵"
    assert any("days apart" in note for note in found.notes)


def test_json_ld_days_away_wins_when_the_url_backs_it() -> None:
    html = page(json_ld("2024-05-30T18:00:00+03:30"), article())
    found = dates(html, url="https://example.ir/fa/news/1403/03/10/123/slug")
    assert found.published is not None
    assert (found.published.value, found.published.origin) == ("2024-05-30T18:00:00+03:30", "json-ld")


def test_json_ld_labelling_tehran_wall_time_as_utc_gives_way_to_the_printed_time() -> None:
    found = dates(page(json_ld("2024-02-11T09:05:00+00:00"), article()))
    assert found.published is not None
    assert (found.published.value, found.published.origin) == (BAHMAN_22_0905, "text")
    assert any("another zone" in note for note in found.notes)


def test_printed_time_completes_a_machine_date_without_time() -> None:
    found = dates(page('<meta name="date" content="2024-02-11">', article()))
    assert found.published is not None
    assert (found.published.value, found.published.origin) == (BAHMAN_22_0905, "text")


def test_meta_article_published_time() -> None:
    head = ('<meta property="article:published_time" content="2024-02-11T05:35:00+00:00">'
            '<meta property="article:modified_time" content="2024-02-11T07:00:00+00:00">')
    found = dates(page(head, article('<div class="byline">گروه اقتصادی</div>')))
    assert found.published is not None and found.modified is not None
    assert (found.published.value, found.published.origin) == (BAHMAN_22_0905, "meta")
    assert found.modified.value == "2024-02-11T10:30:00+03:30"


def test_naive_machine_date_is_site_wall_time() -> None:
    found = dates(page(json_ld("2024-02-11T09:05:00"), article("")))
    assert found.published is not None and found.published.value == BAHMAN_22_0905


def test_time_element_with_datetime() -> None:
    line = ('<div class="meta"><time itemprop="datePublished" datetime="2024-02-11T09:05:00+03:30">'
            "۲۲ بهمن</time></div>")
    found = dates(page("", article(line)))
    assert found.published is not None
    assert (found.published.value, found.published.origin) == (BAHMAN_22_0905, "time")


def test_only_the_printed_date_near_the_headline() -> None:
    """No machine date: the line under the headline, not the header's 'today' or the sidebar's list."""
    found = dates(page("", article('<div class="news-date">تاریخ انتشار: ۲۲ بهمن ۱۴۰۲ - ۰۹:۰۵</div>')))
    assert found.published is not None
    assert (found.published.value, found.published.origin) == (BAHMAN_22_0905, "text")
    assert found.published.original == "تاریخ انتشار: ۲۲ بهمن ۱۴۰۲ - ۰۹:۰۵"


def test_printed_date_without_any_date_class() -> None:
    found = dates(page("", article("<span>۱۴۰۲/۱۱/۲۲ - ۰۹:۰۵</span>")))
    assert found.published is not None and found.published.value == BAHMAN_22_0905


def test_date_and_time_in_sibling_elements() -> None:
    line = '<div class="info"><span class="date">۱۴۰۲/۱۱/۲۲</span> <span class="time">۰۹:۰۵</span></div>'
    found = dates(page("", article(line)))
    assert found.published is not None and found.published.value == BAHMAN_22_0905


def test_no_date_at_all_is_null_not_the_sidebar_or_header_date() -> None:
    found = dates(page("", article('<div class="byline">گروه اقتصادی</div>')))
    assert found.published is None and found.modified is None


def test_published_and_updated_labels_in_one_line() -> None:
    line = '<div class="news-date">انتشار: ۲۲ بهمن ۱۴۰۲ - ۰۹:۰۵ | بروزرسانی: ۲۳ بهمن ۱۴۰۲ - ۱۱:۱۰</div>'
    found = dates(page("", article(line)))
    assert found.published is not None and found.modified is not None
    assert found.published.value == BAHMAN_22_0905
    assert found.modified.value == jalali_iso(1402, 11, 23, 11, 10)


def test_url_date_jalali_and_gregorian() -> None:
    bare = page("", article(""))
    jalali = dates(bare, url="https://example.ir/fa/news/1402/11/22/3012345/slug").published
    gregorian = dates(bare, url="https://example.com/2024/02/11/slug/").published
    assert jalali is not None and (jalali.value, jalali.calendar, jalali.origin) == (
        jalali_iso(1402, 11, 22), "jalali", "url")
    assert gregorian is not None and (gregorian.value, gregorian.calendar) == (
        "2024-02-11T00:00:00+03:30", "gregorian")


def test_feed_and_sitemap_hints() -> None:
    hints = [("feed", "Sun, 11 Feb 2024 05:35:00 GMT"), ("sitemap:lastmod", "2024-02-12T08:00:00+03:30")]
    found = dates(page("", article("")), hints=hints)
    assert found.published is not None and found.modified is not None
    assert (found.published.value, found.published.origin) == (BAHMAN_22_0905, "feed")
    assert (found.modified.value, found.modified.origin) == ("2024-02-12T08:00:00+03:30", "sitemap")


def test_future_machine_date_is_rejected_and_the_printed_one_used() -> None:
    found = dates(page(json_ld("2024-06-03T10:00:00+03:30"), article()))
    assert found.published is not None
    assert (found.published.value, found.published.origin) == (BAHMAN_22_0905, "text")
    assert any("after the fetch time" in note for note in found.notes)


def test_future_printed_date_only_gives_null() -> None:
    found = dates(page("", article('<div class="news-date">۱۵ تیر ۱۴۰۳ - ۱۰:۰۰</div>')))
    assert found.published is None


def test_relative_printed_date_records_the_fetch_time() -> None:
    found = dates(page("", article('<div class="news-date">۲ ساعت پیش</div>')))
    assert found.published is not None
    assert found.published.value == "2024-06-01T09:30:00+03:30"
    assert found.published.resolved_against == FETCHED.isoformat()
    assert found.published.precision == "hour"


def test_modified_before_published_is_dropped() -> None:
    found = dates(page(json_ld("2024-02-11T09:05:00+03:30", "2024-02-01T10:00:00+03:30"), article()))
    assert found.published is not None and found.modified is None
    assert any("before publication" in note for note in found.notes)


def test_json_ld_graph_prefers_the_article_object() -> None:
    script = ('<script type="application/ld+json">{"@graph": ['
              '{"@type": "WebSite", "datePublished": "2015-01-01"},'
              '{"@type": "WebPage", "datePublished": "2024-02-11T12:00:00+03:30"},'
              '{"@type": ["NewsArticle"], "datePublished": "2024-02-11T09:05:00+03:30"}]}</script>')
    found = dates(page(script, article("")))
    assert found.published is not None and found.published.value == BAHMAN_22_0905


def test_broken_json_ld_is_still_read() -> None:
    script = ('<script type="application/ld+json">{"@type": "NewsArticle", '
              '"datePublished": "2024-02-11T09:05:00+03:30", "headline": "a "quoted" word",}</script>')
    found = dates(page(script, article("")))
    assert found.published is not None
    assert (found.published.value, found.published.origin) == (BAHMAN_22_0905, "json-ld")


def test_arabic_page_with_hijri_and_gregorian_line() -> None:
    html = """<html lang="ar"><body><article><h1>ارتفاع الصادرات عبر الموانئ السعودية</h1>
<div class="post-meta">الأحد 1 شعبان 1445هـ - 11 فبراير 2024م | 09:05 ص</div><p>نص الخبر</p></article>
</body></html>"""
    found = find_article_dates(html, tz="Asia/Riyadh", fetched_at=FETCHED)
    assert found.published is not None
    assert (found.published.value, found.published.calendar) == ("2024-02-11T09:05:00+03:00", "gregorian")


def test_english_page_relative_date() -> None:
    html = """<html lang="en"><body><article><h1>Port exports rise for a third month</h1>
<p class="byline">By Staff · <span class="timestamp">3 hours ago</span></p><p>Text.</p>
</article></body></html>"""
    found = find_article_dates(html, tz="Europe/London", fetched_at=FETCHED)
    assert found.published is not None
    assert found.published.value == "2024-06-01T06:00:00+01:00"
    assert found.published.resolved_against == FETCHED.isoformat()


def test_empty_and_broken_pages() -> None:
    assert dates("").published is None
    assert dates("<<<>>>").published is None
    only_url = dates("", url="https://example.com/2024/02/11/x")
    assert only_url.published is not None and only_url.published.origin == "url"


def test_to_dict_is_json_ready() -> None:
    found = dates(page(json_ld("2024-02-11T09:05:00+03:30"), article()))
    data = found.to_dict()
    assert data["published"] == {
        "value": BAHMAN_22_0905, "original": "2024-02-11T09:05:00+03:30", "calendar": "gregorian",
        "origin": "json-ld", "resolved_against": None, "precision": "second",
    }
    assert data["modified"] is None


def test_without_a_headline_site_chrome_is_skipped() -> None:
    html = """<html lang="fa"><body>
<header><div class="header-date">شنبه ۱۲ خرداد ۱۴۰۳</div></header>
<aside><span class="date">۱۱ خرداد ۱۴۰۳ - ۱۰:۰۰</span></aside>
<div class="content"><div class="post-title">افزایش صادرات</div>
<span class="post-date">۲۲ بهمن ۱۴۰۲ - ۰۹:۰۵</span><p>متن</p></div>
<footer><span class="date">۱۲ خرداد ۱۴۰۳</span></footer></body></html>"""
    found = dates(html)
    assert found.published is not None and found.published.value == BAHMAN_22_0905


def test_label_and_date_in_sibling_elements() -> None:
    """ISNA-style meta list: the label in one span, the date in the next; the updated date listed first."""
    line = ('<ul class="list-inline"><li><span class="label">آخرین به‌روزرسانی:</span>'
            '<span class="text-meta">۱۴۰۲-۱۱-۲۳ ۱۱:۱۰</span></li>'
            '<li><span class="label">تاریخ انتشار:</span>'
            '<span class="text-meta">۱۴۰۲-۱۱-۲۲ ۰۹:۰۵</span></li></ul>')
    found = dates(page("", article(line)))
    assert found.published is not None and found.modified is not None
    assert found.published.value == BAHMAN_22_0905
    assert found.modified.value == jalali_iso(1402, 11, 23, 11, 10)


def test_naive_json_ld_in_utc_gives_way_to_the_printed_time() -> None:
    """A naive '05:35' read as Tehran time is exactly the site's offset away from the printed 09:05."""
    found = dates(page(json_ld("2024-02-11T05:35:00"), article()))
    assert found.published is not None
    assert (found.published.value, found.published.origin) == (BAHMAN_22_0905, "text")
