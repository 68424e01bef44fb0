"""صبح ساحل: a Persian regional news site in the markup of a common Iranian news CMS."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from email.utils import format_datetime
from functools import cache
from xml.sax.saxutils import escape as xml_escape

import jdatetime

from crawler.demo.markup import (
    FA_DIGITS,
    chunks,
    esc,
    href,
    html_page,
    http_date,
    json_ld,
    last_modified,
    moment,
    newest_first,
    redirect,
    text_page,
    urlset,
    xml_page,
)
from crawler.demo.model import ArticleRecord, Page, Site, load_content, make_record

SOURCE = "sahel"
TZ = "Asia/Tehran"
NAME = "صبح ساحل"
PAGE_SIZE = 4
FEED_SIZE = 10
SECTIONS = {"society": "اجتماعی", "economy": "اقتصادی", "culture": "فرهنگی"}
MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
          "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند")
WEEKDAYS = ("شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه")
MISSING = "/fa/news/30001/گزارش-تصویری-جشنواره-دریا"  # linked from the home page, deleted: 404

NO_COMMENT = "برای این مطلب تا کنون نظری ثبت نشده است."
COUNTER = "0 / 200"
RULES = (
    "نظر شما پس از بررسی و تایید منتشر خواهد شد.",
    "لطفا از بکاربردن الفاظ رکیک، توهین و تهمت به اشخاص حقیقی و حقوقی خودداری کنید.",
)
LATEST = "آخرین خبرها"
POPULAR = "پربازدیدترین"
COPYRIGHT = ("کلیه حقوق مادی و معنوی این سایت متعلق به پایگاه خبری صبح ساحل است. "
             "نقل مطالب با ذکر منبع بلامانع است.")
# Archive pages kept from the old CMS are windows-1256, which has no Persian yeh and no Persian digits.
LEGACY = str.maketrans({"ی": "ي", **{chr(0x06F0 + d): str(d) for d in range(10)}})
LEGACY_LATEST = "آخرين اخبار"
LEGACY_COPYRIGHT = "کليه حقوق براي صبح ساحل محفوظ است"
SLUG_DROP = str.maketrans("", "", "«»:،؛؟!.\"'()")


def slug(title: str) -> str:
    """The CMS's URL slug: the title with spaces as hyphens and punctuation dropped."""
    return "-".join(title.translate(SLUG_DROP).split())


def tag_path(tag: str) -> str:
    """The tag listing path."""
    return f"/fa/tag/{slug(tag)}"


def short_code(number: int) -> str:
    """The short-link code (base 62 of the news id)."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    code = ""
    while number:
        number, rest = divmod(number, 62)
        code = digits[rest] + code
    return code


def listed(records: list[ArticleRecord]) -> list[ArticleRecord]:
    """Articles linked from home, section, tag and sidebar lists, newest first."""
    return newest_first((r for r in records if "listing" in r.discovery), TZ)


@cache
def _articles() -> tuple[ArticleRecord, ...]:
    content = load_content(SOURCE)
    records = [make_record(SOURCE, raw, f"/fa/news/{raw['id']}/{slug(raw['title'])}", content["lang"])
               for raw in content["article"]]
    return tuple(dataclasses.replace(r, boilerplate_snippets=_boilerplate(r, records)) for r in records)


def articles() -> list[ArticleRecord]:
    """The demo articles of this source, with the facts a crawl must recover."""
    return list(_articles())


def _boilerplate(record: ArticleRecord, records: list[ArticleRecord]) -> tuple[str, ...]:
    if record.charset == "windows-1256":
        others = [r.title.translate(LEGACY) for r in _latest(record, records)]
        return (LEGACY_LATEST, LEGACY_COPYRIGHT, *others[:2])
    tail = tuple(c.text for c in record.comments) if record.comments else (NO_COMMENT,)
    first_latest = _latest(record, records)[0].title
    return (*tail, COUNTER, *RULES, LATEST, first_latest, POPULAR, COPYRIGHT)


def _latest(record: ArticleRecord, records: list[ArticleRecord], n: int = 6) -> list[ArticleRecord]:
    return [r for r in listed(records) if r.key != record.key][:n]


def _popular(records: list[ArticleRecord]) -> list[ArticleRecord]:
    """The most-read box: the oldest listed articles, which have had the longest to gather readers."""
    return listed(records)[::-1][:5]


def _fa(number: int | str) -> str:
    return str(number).translate(FA_DIGITS)


def _links(records: list[ArticleRecord]) -> str:
    return "\n".join(f'<li><a href="{esc(r.path)}">{esc(r.title)}</a></li>' for r in records)


def _layout(base: str, title: str, main: str, records: list[ArticleRecord], head: str = "",
            body_class: str = "") -> str:
    today = jdatetime.date.fromgregorian(date=max(moment(r.published, TZ) for r in records).date())
    menu = "\n".join(f'<li><a href="/fa/service/{key}">{label}</a></li>' for key, label in SECTIONS.items())
    return f"""<!DOCTYPE html>
<html lang="fa" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
<link rel="stylesheet" href="/client/themes/fa/main/css/style.css?v=3.2">
<link rel="alternate" type="application/rss+xml" title="{NAME} - همه اخبار" href="{base}/fa/rss/allnews">
{head}
</head>
<body class="rtl {body_class}">
<div id="wrapper" class="container">
<header class="header">
<div class="top_header">
<span class="header_date">{WEEKDAYS[today.weekday()]} {_fa(today.day)} {MONTHS[today.month - 1]}
{_fa(today.year)}</span>
<form class="search_form" action="/fa/search" method="get">
<input type="text" name="query" placeholder="جستجو">
</form></div>
<div class="logo"><a href="/"><img src="/client/themes/fa/main/img/logo.png" alt="{NAME}"></a></div>
<nav class="main_menu"><ul><li><a href="/">صفحه نخست</a></li>{menu}
<li><a href="/fa/search">جستجو</a></li><li><a href="/fa/about">درباره ما</a></li></ul></nav>
</header>
<main class="main_body row">
<div class="col-md-8 main_col">
{main}
</div>
<aside class="col-md-4 sidebar">
<div class="box most_visited"><div class="box_title">{POPULAR}</div>
<ul class="news_list_small">{_links(_popular(records))}</ul></div>
</aside>
</main>
<footer class="footer">
<div class="footer_menu"><a href="/fa/about">درباره ما</a> | <a href="/fa/rss/allnews">RSS</a></div>
<div class="copyright">{COPYRIGHT}</div>
</footer>
</div>
</body>
</html>
"""


def _share(url: str, title: str) -> str:
    return (f'<div class="share_links"><a class="telegram" href="https://t.me/share/url?url={href(url)}">تلگرام</a>'
            f'<a class="whatsapp" href="https://wa.me/?text={href(url)}">واتساپ</a>'
            f'<a class="twitter" href="https://twitter.com/intent/tweet?url={href(url)}">توییتر</a></div>')


def _comments(record: ArticleRecord) -> str:
    if record.comments:
        items = "\n".join(
            f'<li class="comment"><div class="comment_info"><span class="comment_name">{esc(c.author)}</span>'
            f'<span class="comment_date">{esc(c.date)}</span></div>'
            f'<p class="comment_body">{esc(c.text)}</p></li>'
            for c in record.comments)
        listing = f'<ul class="comments_list">{items}</ul>'
    else:
        listing = f'<div class="no_comment">{NO_COMMENT}</div>'
    rules = "\n".join(f"<li>{rule}</li>" for rule in RULES)
    return f"""<div class="comments" id="comments">
{listing}
<form class="comment_form" method="post" action="/fa/comment/{record.key}">
<input type="text" name="name" placeholder="نام"><input type="email" name="email" placeholder="ایمیل">
<textarea name="body" class="comment_text" maxlength="200"></textarea>
<div class="char_counter"><span class="count">0</span> / 200</div>
<input type="submit" class="btn" value="ارسال">
</form>
<ul class="comment_rules">{rules}</ul>
</div>"""


def _body(paragraphs: tuple[str, ...]) -> str:
    return "\n".join(f"<p>{esc(p).replace(chr(0xA0), '&nbsp;')}</p>" for p in paragraphs)


def _jsonld(base: str, r: ArticleRecord) -> str:
    author = {"@type": "Person", "name": r.author} if r.author else {"@type": "Organization", "name": NAME}
    return json_ld({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": r.title,
        "description": r.lead, "datePublished": r.published, "dateModified": r.modified or r.published,
        "inLanguage": "fa", "mainEntityOfPage": r.url(base), "author": author,
        "publisher": {"@type": "Organization", "name": NAME,
                      "logo": {"@type": "ImageObject", "url": f"{base}/client/themes/fa/main/img/logo.png"}},
    })


def _image(r: ArticleRecord) -> str:
    when = moment(r.published, TZ)
    return f"/files/fa/news/{when:%Y/%m/%d}/{r.key}_{len(r.title)}.jpg"


def article_page(base: str, r: ArticleRecord, records: list[ArticleRecord]) -> str:
    """A news page: toolbar, title block, body, then comments and the latest-news list."""
    url = r.url(base)
    short = f"{base}/x/{short_code(int(r.key))}"
    head = (f'<meta name="description" content="{esc(r.lead)}">\n'
            f'<meta name="keywords" content="{esc("،".join(r.tags))}">\n'
            f'<meta property="og:type" content="article">\n'
            f'<meta property="og:title" content="{esc(r.title)}">\n'
            f'<meta property="og:url" content="{url}">\n'
            f'<meta property="og:image" content="{base}{_image(r)}">\n'
            f'<link rel="canonical" href="{url}">\n<link rel="shortlink" href="{short}">')
    if r.jsonld:
        head += "\n" + _jsonld(base, r)
    tags = ""
    if r.tags:
        tags = ('<div class="tags_box"><span class="tags_title">برچسب‌ها:</span>'
                + " ".join(f'<a class="tag" href="{esc(tag_path(t))}">{esc(t)}</a>' for t in r.tags)
                + "</div>")
    author = f'<div class="news_reporter">خبرنگار: {esc(r.author)}</div>' if r.author else ""
    main = f"""<div class="news_path"><a href="/">صفحه نخست</a> <span>»</span>
<a href="/fa/service/{r.section}">{SECTIONS[r.section]}</a></div>
<div class="news_toolbar">
<span class="news_id">کد خبر: {_fa(r.key)}</span>
<span class="news_pdate">تاریخ انتشار: <span class="news_pdate_c">{esc(r.published_print)}</span></span>
<span class="short_link">لینک کوتاه: <a href="{short}">{short}</a></span>
<a class="news_print" href="/fa/print/{r.key}" rel="nofollow" target="_blank">نسخه چاپی</a>
{_share(url, r.title)}
</div>
<article class="news_item" id="news_{r.key}">
<div class="rutitr">{esc(r.kicker)}</div>
<h1 class="title">{esc(r.title)}</h1>
<div class="lead subtitle">{esc(r.lead)}</div>
<figure class="news_image"><img src="{_image(r)}" alt="{esc(r.title)}"></figure>
<div class="news_body item-text">
{_body(r.paragraphs)}
</div>
{author}
{tags}
</article>
{_comments(r)}
<div class="box latest_news"><div class="box_title">{LATEST}</div>
<ul class="news_list_small">{_links(_latest(r, records))}</ul></div>"""
    return _layout(base, f"{r.title} - {NAME}", main, records, head, f"news_page news_{r.key}")


def legacy_page(base: str, r: ArticleRecord, records: list[ArticleRecord]) -> bytes:
    """An archive page kept from the old table-layout CMS, as windows-1256 bytes."""
    latest = "<br>\n".join(f'<a href="{href(o.path)}" class="link">{esc(o.title)}</a>'
                           for o in _latest(r, records))
    html = f"""<html dir="rtl">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">
<title>{NAME} :: {esc(r.title)}</title>
<link href="/style.css" rel="stylesheet" type="text/css">
</head>
<body bgcolor="#FFFFFF" topmargin="0" leftmargin="0">
<table width="780" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td colspan="2"><a href="/">
<img src="/images/header.jpg" width="780" height="120" border="0" alt="{NAME}"></a></td></tr>
<tr>
<td width="180" valign="top" class="right_col">
<table width="100%" border="0" cellpadding="3"><tr><td class="box_title">{LEGACY_LATEST}</td></tr>
<tr><td class="box_body">{latest}</td></tr></table>
</td>
<td valign="top" class="content">
<span class="news_date">{esc(r.published_print)}</span> &nbsp; <span class="news_id">کد خبر:
{r.key}</span><br>
<h1 class="title">{esc(r.title)}</h1>
<div class="lead">{esc(r.lead)}</div>
<table width="100%"><tr><td class="news_body">
{_body(r.paragraphs)}
</td></tr></table>
<div class="print">
<a href="/fa/print/{r.key}">نسخه چاپی</a></div>
</td></tr>
<tr><td colspan="2" class="footer" align="center">{LEGACY_COPYRIGHT} &copy; 1389</td></tr>
</table>
</body>
</html>
"""
    return html.translate(LEGACY).encode("windows-1256")


def print_page(base: str, r: ArticleRecord) -> str:
    """The print version (robots.txt keeps crawlers away; canonical points at the article)."""
    return f"""<!DOCTYPE html>
<html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>{esc(r.title)}</title>
<meta name="robots" content="noindex"><link rel="canonical" href="{r.url(base)}"></head>
<body class="print" onload="window.print()"><div class="print_logo">{NAME}</div>
<div class="news_pdate_c">{esc(r.published_print)}</div><h1>{esc(r.title)}</h1>
<div class="lead">{esc(r.lead)}</div>
<div class="news_body">{_body(r.paragraphs)}</div></body></html>
"""


def _teasers(records: list[ArticleRecord]) -> str:
    return "\n".join(
        f'<li class="news_item"><a class="news_image" href="{esc(r.path)}"><img src="{_image(r)}" alt=""></a>'
        f'<div class="rutitr">{esc(r.kicker)}</div><h3 class="title">'
        f'<a href="{esc(r.path)}">{esc(r.title)}</a></h3>'
        f'<div class="news_date">{esc(r.published_print)}</div><p class="lead">{esc(r.lead)}</p></li>'
        for r in records)


def listing_pages(base: str, path: str, heading: str, items: list[ArticleRecord],
                  records: list[ArticleRecord], head: str = "") -> dict[str, str]:
    """A section or tag listing, paginated with ?page=N."""
    pages = chunks(items, PAGE_SIZE)
    out = {}
    for number, chunk in enumerate(pages, start=1):
        nav = " ".join(
            f'<a href="{esc(path)}?page={n}" class="{"active" if n == number else ""}">{_fa(n)}</a>'
            for n in range(1, len(pages) + 1))
        if number < len(pages):
            nav += f' <a class="next" href="{esc(path)}?page={number + 1}">صفحه بعد</a>'
        main = (f'<div class="news_path"><a href="/">صفحه نخست</a> <span>»</span> {esc(heading)}</div>'
                f'<h1 class="service_title">{esc(heading)}</h1>\n'
                f'<ul class="news_list">\n{_teasers(list(chunk))}\n</ul>'
                f'\n<div class="pagination">{nav}</div>')
        key = path if number == 1 else f"{path}?page={number}"
        out[key] = _layout(base, f"{heading} - {NAME}", main, records, head, "service_page")
    return out


def home_page(base: str, records: list[ArticleRecord]) -> str:
    """The front page: a lead story, the latest news and a featured box (one item since deleted)."""
    news = listed(records)
    top, rest = news[0], news[1:8]
    main = f"""<div class="top_news"><div class="rutitr">{esc(top.kicker)}</div>
<h2 class="title"><a href="{esc(top.path)}">{esc(top.title)}</a></h2><p class="lead">{esc(top.lead)}</p></div>
<div class="box"><div class="box_title">اخبار</div><ul class="news_list">
{_teasers(rest)}
</ul></div>
<div class="box featured"><div class="box_title">ویژه</div><ul class="news_list_small">
<li><a href="{esc(MISSING)}">گزارش تصویری جشنواره دریا</a></li></ul></div>"""
    head = f'<meta name="description" content="پایگاه خبری تحلیلی {NAME} - اخبار استان هرمزگان">'
    return _layout(base, f"{NAME} | پایگاه خبری تحلیلی استان هرمزگان", main, records, head, "home_page")


def static_page(base: str, heading: str, text: str, records: list[ArticleRecord]) -> str:
    """About and search pages: site pages that are not articles."""
    main = f'<div class="static_page"><h1 class="title">{esc(heading)}</h1>{text}</div>'
    return _layout(base, f"{heading} - {NAME}", main, records, body_class="static_page")


ABOUT = ("<p>پایگاه خبری تحلیلی صبح ساحل از سال ۱۳۸۷ اخبار استان هرمزگان را پوشش می‌دهد.</p>"
         "<p>نشانی: بندرعباس، بلوار امام خمینی. تلفن: ۰۷۶۳۳۳۳۳۳۳۳</p>")
SEARCH = ('<form action="/fa/search" method="get"><input type="text" name="query">'
          '<button type="submit">جستجو</button></form>'
          '<p class="no_result">عبارت مورد نظر خود را وارد کنید.</p>')


def rss(base: str, records: list[ArticleRecord], section: str = "") -> str:
    """The all-news (or one section's) RSS 2.0 feed, pubDate in Tehran time as the CMS writes it."""
    items = []
    chosen = (r for r in records if "feed" in r.discovery and section in ("", r.section))
    for r in newest_first(chosen, TZ)[:FEED_SIZE]:
        items.append(
            f"<item><title>{xml_escape(r.title)}</title><link>{xml_escape(r.url(base))}</link>"
            f"<description>{xml_escape(r.lead)}</description>"
            f"<pubDate>{format_datetime(moment(r.published, TZ))}</pubDate>"
            f"<category>{SECTIONS[r.section]}</category>"
            f'<guid isPermaLink="false">{base}/fa/news/{r.key}</guid></item>')
    rows = "\n".join(items)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>{NAME} - {SECTIONS.get(section, "همه اخبار")}</title><link>{base}/</link>
<description>پایگاه خبری تحلیلی {NAME}</description>
<language>fa</language><copyright>{NAME}</copyright>
{rows}
</channel></rss>
"""


def build(base: str) -> Site:
    """Every page of the site served at `base`."""
    records = articles()
    newest = max(last_modified(r, TZ) for r in records)
    pages: dict[str, Page] = {}
    for r in records:
        when = last_modified(r, TZ)
        if r.charset == "windows-1256":
            body = legacy_page(base, r, records)
            pages[r.path] = Page(200, {"Content-Type": "text/html", "Last-Modified": http_date(when)}, body)
        else:
            pages[r.path] = html_page(article_page(base, r, records), when)
        pages[f"/fa/print/{r.key}"] = html_page(print_page(base, r), when)
        pages[f"/x/{short_code(int(r.key))}"] = redirect(r.url(base))
    news = listed(records)
    for key, label in SECTIONS.items():
        section = [r for r in news if r.section == key]
        feed = f"/fa/rss/service/{key}"
        link = (f'<link rel="alternate" type="application/rss+xml" title="{NAME} - {label}" '
                f'href="{base}{feed}">')
        for path, html in listing_pages(base, f"/fa/service/{key}", label, section, records, link).items():
            pages[path] = html_page(html, newest)
        pages[feed] = xml_page(rss(base, records, key), newest, "text/xml; charset=utf-8")
    for tag in sorted({t for r in news for t in r.tags}):
        tagged = [r for r in news if tag in r.tags]
        for path, html in listing_pages(base, tag_path(tag), tag, tagged, records).items():
            pages[path] = html_page(html, newest)
    pages["/"] = html_page(home_page(base, records), newest)
    pages["/fa/about"] = html_page(static_page(base, "درباره ما", ABOUT, records), newest)
    pages["/fa/search"] = html_page(static_page(base, "جستجو", SEARCH, records), newest)
    pages["/fa/rss/allnews"] = xml_page(rss(base, records), newest, "text/xml; charset=utf-8")
    in_sitemap = [r for r in records if "sitemap" in r.discovery]
    entries: list[tuple[str, datetime | None]] = [(f"{base}/", newest)]
    entries += [(f"{base}/fa/service/{key}", newest) for key in SECTIONS]
    entries += [(r.url(base), last_modified(r, TZ)) for r in newest_first(in_sitemap, TZ)]
    pages["/sitemap.xml"] = xml_page(urlset(entries), newest, "application/xml; charset=utf-8")
    pages["/robots.txt"] = text_page(
        f"User-agent: *\nDisallow: /admin\nDisallow: /fa/search\nDisallow: /fa/print/\n\n"
        f"Sitemap: {base}/sitemap.xml\n", newest)
    not_found = static_page(base, "صفحه مورد نظر یافت نشد",
                            "<p>خطای ۴۰۴: این صفحه وجود ندارد یا حذف شده است.</p>", records)
    missing = Page(404, {"Content-Type": "text/html; charset=utf-8"}, not_found.encode("utf-8"))
    pages[MISSING] = missing
    return Site(base, pages, missing)
