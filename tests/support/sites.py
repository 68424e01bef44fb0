"""Small fixture news sites for crawl tests, in the markup of an Iranian news CMS."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape

from crawler.demo.model import Page, Site

PARAGRAPHS = [
    "به گزارش خبرنگار ما، سازمان بنادر و دریانوردی استان هرمزگان از بهره‌برداری اسکله جدید در بندرعباس خبر داد.",
    "مدیرکل بنادر گفت این اسکله ظرفیت پهلوگیری شناورهای بزرگ را دارد و نقش مهمی در توسعه منطقه ایفا می‌کند.",
    "وی افزود عملیات ساخت از سه سال پیش آغاز شده و با وجود مشکلات اعتباری اکنون به پایان رسیده است.",
    "ماهیگیران منطقه نیز از این طرح استقبال کرده‌اند و امیدوارند شرایط کاری آنان بهبود یابد.",
]
TAIL = """<div class="comments"><div class="comment-count">برای این مطلب تا کنون نظری ثبت نشده است.</div>
<form class="comment-form"><textarea maxlength="200"></textarea><span class="counter">0 / 200</span>
<ul class="rules"><li>نظر شما پس از بررسی و تایید منتشر خواهد شد.</li>
<li>لطفا از بکاربردن الفاظ رکیک، توهین و تهمت به اشخاص حقیقی و حقوقی خودداری کنید.</li></ul></form></div>
<div class="latest"><h3>آخرین خبرها</h3><ul><li><a href="/fa/news/100001/story-1">خبر کوتاه یک</a></li>
<li><a href="/fa/news/100002/story-2">خبر کوتاه دو</a></li></ul></div>"""


PLACES = ["بندرعباس", "قشم", "کیش", "بندر لنگه", "میناب", "جاسک", "پارسیان", "بستک", "رودان", "هرمز", "لارک",
          "سیریک", "خمیر", "کنگ", "چارک", "گاوبندی", "بندر خمیر", "تیاب"]
SUBJECTS = ["اسکله", "بیمارستان", "مدرسه", "پارک ساحلی", "جاده", "کتابخانه", "بازارچه", "آب‌شیرین‌کن", "ورزشگاه"]


def distinct_paragraphs(number: int) -> list[str]:
    """Four paragraphs that no other story number shares (the learned-boilerplate filter would
    rightly remove lines that every fixture article repeated)."""
    place = PLACES[number % len(PLACES)]
    other = PLACES[(number * 7 + 3) % len(PLACES)]
    subject = SUBJECTS[number % len(SUBJECTS)]
    return [
        f"به گزارش خبرنگار ما از {place}، {subject} جدید این شهر با حضور مسئولان استان به بهره‌برداری رسید.",
        f"فرماندار {place} گفت ساخت {subject} از سه سال پیش آغاز شد و ساکنان {other} نیز از آن بهره‌مند می‌شوند.",
        f"وی افزود مرحله دوم طرح {subject} در {other} از پاییز آغاز خواهد شد و اعتبار آن تأمین شده است.",
        f"اهالی {place} از این طرح استقبال کرده‌اند و امیدوارند {subject} بعدی در روستاهای اطراف ساخته شود.",
    ]


@dataclass
class Story:
    """One fixture article (its paragraphs are its own unless given)."""

    number: int
    title: str
    paragraphs: list[str] = field(default_factory=list)
    published: datetime = field(default_factory=lambda: datetime(2024, 2, 11, 5, 35, tzinfo=UTC))

    def __post_init__(self) -> None:
        if not self.paragraphs:
            self.paragraphs = distinct_paragraphs(self.number)

    @property
    def path(self) -> str:
        return f"/fa/news/{100000 + self.number}/story-{self.number}"


def stories(count: int) -> list[Story]:
    """`count` distinct stories."""
    return [Story(n, f"خبر شماره {n} درباره {PLACES[n % len(PLACES)]} و {SUBJECTS[n % len(SUBJECTS)]} جدید",
                  published=datetime(2024, 2, 11, 5, 35, tzinfo=UTC) + timedelta(hours=n))
            for n in range(1, count + 1)]


def _html(body: str, title: str = "صبح ساحل") -> bytes:
    return (f'<!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f'<link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>'
            f'<nav><a href="/">خانه</a> <a href="/fa/section/1">اقتصادی</a></nav>{body}'
            f'<footer>تمامی حقوق محفوظ است</footer></body></html>').encode()


def article_page(story: Story, *, broken_layout: bool = False) -> bytes:
    """An article page; `broken_layout` simulates a redesign the extractor no longer reads."""
    if broken_layout:  # the redesign renders the story from JSON in the browser: no text in the HTML
        data = escape(" ".join(story.paragraphs))
        return _html(f'<div id="app"></div><script type="application/json" id="state">{{"body": "{data}"}}'
                     f'</script><script src="/static/app.js"></script>', story.title)
    body = "".join(f"<p>{escape(p)}</p>" for p in story.paragraphs)
    return _html(f'<div class="news"><h1 class="title">{escape(story.title)}</h1>'
                 f'<div class="news_body item-text">{body}</div></div>{TAIL}', f"{story.title} | صبح ساحل")


def news_site(base_url: str, items: list[Story], *, robots: bytes | None = None,
              broken_layout: bool = False) -> Site:
    """Home page, section page, RSS feed, sitemap, robots.txt and the articles."""
    html = {"Content-Type": "text/html; charset=utf-8"}
    links = "".join(f'<li><a href="{s.path}">{escape(s.title)}</a></li>' for s in items)
    teasers = "".join(f'<article class="news-item"><h3><a href="{s.path}">{escape(s.title)}</a></h3>'
                      f'<p class="lead">{escape(s.paragraphs[0][:60])}</p></article>' for s in items)
    rss_items = "".join(f"<item><title>{escape(s.title)}</title><link>{base_url}{s.path}</link>"
                        f"<pubDate>{format_datetime(s.published, usegmt=True)}</pubDate></item>" for s in items)
    urls = "".join(f"<url><loc>{base_url}{s.path}</loc><lastmod>{s.published.date().isoformat()}</lastmod></url>"
                   for s in items) + f"<url><loc>{base_url}/fa/section/1</loc></url>"  # a section, as CMSs list them
    pages = {
        "/": Page(200, html, _html(f"<ul class='latest'>{links}</ul>")),
        "/fa/section/1": Page(200, html, _html(f"<h1>اقتصادی</h1><div class='news-list'>{teasers}</div>")),
        "/feed.xml": Page(200, {"Content-Type": "application/rss+xml; charset=utf-8"},
                          f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
                          f"{rss_items}</channel></rss>".encode()),
        "/sitemap.xml": Page(200, {"Content-Type": "application/xml"},
                             f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                             f"{urls}</urlset>".encode()),
        "/robots.txt": Page(200, {"Content-Type": "text/plain"},
                            robots or f"User-agent: *\nDisallow: /admin\nSitemap: {base_url}/sitemap.xml\n".encode()),
    }
    for story in items:
        pages[story.path] = Page(200, html, article_page(story, broken_layout=broken_layout))
    return Site(base_url, pages)
