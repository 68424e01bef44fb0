"""صدى الخليج: an Arabic regional news site in WordPress markup (theme, Yoast, core sitemaps, feed)."""

from __future__ import annotations

import dataclasses
import re
import zlib
from datetime import UTC, datetime
from email.utils import format_datetime
from functools import cache
from urllib.parse import quote
from xml.sax.saxutils import escape as xml_escape

from crawler.demo.markup import (
    cdata,
    chunks,
    esc,
    html_page,
    json_ld,
    last_modified,
    moment,
    newest_first,
    redirect,
    sitemap_index,
    text_page,
    urlset,
    xml_page,
)
from crawler.demo.model import ArticleRecord, Page, Site, load_content, make_record

SOURCE = "khaleej"
TZ = "Asia/Dubai"
NAME = "صدى الخليج"
TAGLINE = "أخبار الساحل الشرقي"
PAGE_SIZE = 3
FEED_SIZE = 6
WP = "6.4.3"
HTML = "text/html; charset=UTF-8"
XSL = "/wp-sitemap.xsl"
SECTIONS = {"local": "محليات", "economy": "اقتصاد", "culture": "ثقافة ومنوعات"}
MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر",
          "ديسمبر")
MISSING = "/2023/11/02/مهرجان-القوارب-الخشبية/"  # a deleted post still linked from a widget: 404

READ_ALSO = "اقرأ أيضا"
LEAVE_REPLY = "اترك تعليقاً"
EMAIL_NOTE = "لن يتم نشر عنوان بريدك الإلكتروني."
RECENT = "أحدث المقالات"
COPYRIGHT = "جميع الحقوق محفوظة"


def wp_href(base: str, path: str) -> str:
    """An absolute URL the way WordPress prints it: slugs percent-encoded in lower case."""
    return base + re.sub(r"%[0-9A-F]{2}", lambda m: m.group().lower(), quote(path))


def tag_path(tag: str) -> str:
    """The tag archive path (WordPress slug: spaces become hyphens)."""
    return f"/tag/{'-'.join(tag.split())}/"


def listed(records: list[ArticleRecord]) -> list[ArticleRecord]:
    """Posts shown on the home, category and tag archives and in widgets, newest first."""
    return newest_first((r for r in records if "listing" in r.discovery), TZ)


@cache
def _articles() -> tuple[ArticleRecord, ...]:
    content = load_content(SOURCE)
    records = []
    for raw in content["article"]:
        day = moment(raw["published"], TZ)
        records.append(make_record(SOURCE, raw, f"/{day:%Y/%m/%d}/{raw['slug']}/", content["lang"]))
    return tuple(dataclasses.replace(r, boilerplate_snippets=_boilerplate(r, records)) for r in records)


def articles() -> list[ArticleRecord]:
    """The demo articles of this source, with the facts a crawl must recover."""
    return list(_articles())


def _boilerplate(record: ArticleRecord, records: list[ArticleRecord]) -> tuple[str, ...]:
    return (READ_ALSO, _read_also(record, records)[0].title, LEAVE_REPLY, EMAIL_NOTE, RECENT, COPYRIGHT,
            *(c.text for c in record.comments))


def _read_also(record: ArticleRecord, records: list[ArticleRecord]) -> list[ArticleRecord]:
    others = [r for r in listed(records) if r.key != record.key]
    return sorted(others, key=lambda r: r.section != record.section)[:2]


def _author_id(name: str) -> str:
    return f"{zlib.crc32(name.encode('utf-8')) & 0xFFFF:x}"


def _printed(when: datetime) -> str:
    return f"{when.day} {MONTHS[when.month - 1]} {when.year}"


def _excerpt(r: ArticleRecord, words: int = 30) -> str:
    return " ".join(r.paragraphs[0].split()[:words]) + " [&hellip;]"


def _layout(base: str, title: str, main: str, records: list[ArticleRecord], head: str,
            body_class: str) -> str:
    menu = "".join(
        f'<li id="menu-item-{10 + i}" class="menu-item menu-item-type-taxonomy menu-item-object-category">'
        f'<a href="{base}/category/{key}/">{label}</a>'
        f'</li>' for i, (key, label) in enumerate(SECTIONS.items()))
    recent = "".join(f'<li><a href="{wp_href(base, r.path)}">{esc(r.title)}</a></li>'
                     for r in listed(records)[:5])
    year = max(moment(r.published, TZ) for r in records).year
    return f"""<!doctype html>
<html dir="rtl" lang="ar">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="profile" href="https://gmpg.org/xfn/11">
<title>{title}</title>
<meta name='robots' content='index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1' />
{head}
<link rel="alternate" type="application/rss+xml" title="{NAME} &laquo; الخلاصة" href="{base}/feed/" />
<link rel='stylesheet' id='wp-block-library-rtl-css'
href='{base}/wp-includes/css/dist/block-library/style-rtl.min.css?ver={WP}' media='all' />
<link rel='stylesheet' id='sada-style-css' href='{base}/wp-content/themes/sada/style.css?ver=1.4.2'
media='all' />
<script src="{base}/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
<link rel="https://api.w.org/" href="{base}/wp-json/" />
<meta name="generator" content="WordPress {WP}" />
</head>
<body class="{body_class} rtl wp-embed-responsive">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#primary">تخطي إلى المحتوى</a>
<header id="masthead" class="site-header">
<div class="top-bar"><ul class="social-links"><li><a href="https://twitter.com/sadakhaleej">تويتر</a></li>
<li><a href="https://www.instagram.com/sadakhaleej">إنستغرام</a></li></ul></div>
<div class="site-branding"><p class="site-title"><a href="{base}/" rel="home">{NAME}</a></p>
<p class="site-description">{TAGLINE}</p></div>
<nav id="site-navigation" class="main-navigation"><button class="menu-toggle" aria-controls="primary-menu"
aria-expanded="false">القائمة</button><div class="menu-main-container"><ul id="primary-menu" class="menu">
<li class="menu-item menu-item-home"><a href="{base}/">الرئيسية</a></li>{menu}
<li class="menu-item"><a href="{base}/about/">من نحن</a></li></ul></div></nav>
</header>
<div id="content" class="site-content">
<main id="primary" class="site-main">
{main}
</main>
<aside id="secondary" class="widget-area">
<section id="search-2" class="widget widget_search"><form role="search" method="get" class="search-form"
action="{base}/"><label><span class="screen-reader-text">البحث عن:</span>
<input type="search" class="search-field" placeholder="بحث &hellip;" value="" name="s" /></label>
<input type="submit" class="search-submit" value="بحث" /></form>
</section>
<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">{RECENT}</h2>
<ul>{recent}</ul></section>
<section id="custom_html-3" class="widget_text widget widget_custom_html"><h2 class="widget-title">ملفات</h2>
<div class="textwidget custom-html-widget"><a href="{wp_href(base, MISSING)}">مهرجان القوارب الخشبية</a></div>
</section>
</aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info">{COPYRIGHT} &copy; {year} {NAME}
<span class="sep"> | </span><a href="{base}/about/">من نحن</a><span class="sep"> | </span>
<a href="https://wordpress.org/">يعمل بواسطة ووردبريس</a></div></footer>
</div>
<script src="{base}/wp-content/themes/sada/js/navigation.js?ver=1.4.2" id="sada-navigation-js"></script>
</body>
</html>
"""


def _yoast(base: str, r: ArticleRecord) -> str:
    url = wp_href(base, r.path)
    published = moment(r.published, TZ).astimezone(UTC).isoformat()
    modified = last_modified(r, TZ).astimezone(UTC).isoformat()
    head = (f'<link rel="canonical" href="{url}" />\n<meta property="og:locale" content="ar_AR" />\n'
            f'<meta property="og:type" content="article" />\n'
            f'<meta property="og:title" content="{esc(r.title)}" />\n'
            f'<meta property="og:url" content="{url}" />\n<meta property="og:site_name" content="{NAME}" />\n'
            f'<meta property="article:published_time" content="{published}" />\n'
            f'<meta property="article:modified_time" content="{modified}" />\n'
            f'<meta name="author" content="{esc(r.author)}" />\n'
            f"<link rel='shortlink' href='{base}/?p={r.key}' />")
    if not r.jsonld:
        return head
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "@id": f"{url}#article", "isPartOf": {"@id": url},
         "author": {"name": r.author, "@id": f"{base}/#/schema/person/{_author_id(r.author)}"},
         "headline": r.title, "datePublished": published, "dateModified": modified,
         "mainEntityOfPage": {"@id": url}, "wordCount": sum(len(p.split()) for p in r.paragraphs),
         "publisher": {"@id": f"{base}/#organization"}, "keywords": list(r.tags),
         "articleSection": [SECTIONS[r.section]], "inLanguage": "ar"},
        {"@type": "WebPage", "@id": url, "url": url, "name": f"{r.title} - {NAME}",
         "isPartOf": {"@id": f"{base}/#website"},
         "datePublished": published, "dateModified": modified, "breadcrumb": {"@id": f"{url}#breadcrumb"},
         "inLanguage": "ar"},
        {"@type": "BreadcrumbList", "@id": f"{url}#breadcrumb", "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "الرئيسية", "item": f"{base}/"},
            {"@type": "ListItem", "position": 2, "name": r.title}]},
        {"@type": "Organization", "@id": f"{base}/#organization", "name": NAME, "url": f"{base}/"},
    ]}
    return head + "\n" + json_ld(graph).replace("<script ", '<script class="yoast-schema-graph" ', 1)


def _content(base: str, r: ArticleRecord, records: list[ArticleRecord]) -> str:
    """entry-content: paragraphs, an image block and the «اقرأ أيضا» box a plugin inserts mid-post."""
    blocks = [f"<p>{esc(p)}</p>" for p in r.paragraphs]
    if r.caption:
        blocks.insert(1, '<figure class="wp-block-image size-large">'
                         '<img decoding="async" width="1024" height="683" '
                         f'src="{base}/wp-content/uploads/{r.path[1:8]}/{r.key}-1024x683.jpg" alt="" '
                         f'class="wp-image-{int(r.key) + 1}" /><figcaption class="wp-element-caption">'
                         f"{esc(r.caption)}</figcaption></figure>")
    also = "".join(f'<li><a href="{wp_href(base, o.path)}">{esc(o.title)}</a></li>'
                   for o in _read_also(r, records))
    blocks.insert(2, f'<div class="read-also"><p class="read-also-title"><strong>{READ_ALSO}:</strong></p>'
                     f"<ul>{also}</ul></div>")
    link = quote(wp_href(base, r.path), safe="")
    share = ('<div class="sada-share"><span class="sada-share-title">شارك:</span>'
             f'<a class="share-facebook" href="https://www.facebook.com/sharer/sharer.php?u={link}" '
             'target="_blank" rel="nofollow noopener">فيسبوك</a><a class="share-twitter" '
             f'href="https://twitter.com/intent/tweet?url={link}" target="_blank" '
             'rel="nofollow noopener">إكس</a><a class="share-whatsapp" href="https://wa.me/?text='
             f'{link}" target="_blank" rel="nofollow noopener">واتساب</a></div>')
    return "\n".join(blocks) + "\n" + share


def _comments(base: str, r: ArticleRecord) -> str:
    items = ""
    for n, c in enumerate(r.comments, start=1):
        cid = int(r.key) * 10 + n
        items += (f'<li id="comment-{cid}" class="comment {"even" if n % 2 else "odd"} thread-even depth-1">'
                  f'<article id="div-comment-{cid}" class="comment-body"><footer class="comment-meta">'
                  f'<div class="comment-author vcard">'
                  f'<b class="fn">{esc(c.author)}</b> <span class="says">قال:</span>'
                  f'</div><div class="comment-metadata"><a href="{wp_href(base, r.path)}#comment-{cid}">'
                  f"<time>{esc(c.date)}</time></a></div></footer><div class=\"comment-content\">"
                  f"<p>{esc(c.text)}</p>"
                  f'</div><div class="reply">'
                  f'<a rel="nofollow" class="comment-reply-link" href="#respond">رد</a></div>'
                  "</article></li>")
    title = ""
    if r.comments:
        count = "تعليق واحد" if len(r.comments) == 1 else f"{len(r.comments)} تعليقات"
        title = (f'<h2 class="comments-title">{count} على &ldquo;<span>{esc(r.title)}</span>&rdquo;</h2>'
                 f'<ol class="comment-list">{items}</ol>')
    return f"""<div id="comments" class="comments-area">
{title}
<div id="respond" class="comment-respond">
<h3 id="reply-title" class="comment-reply-title">{LEAVE_REPLY} <small>
<a rel="nofollow" id="cancel-comment-reply-link"
href="#respond" style="display:none;">إلغاء الرد</a></small></h3>
<form action="{base}/wp-comments-post.php" method="post" id="commentform" class="comment-form" novalidate>
<p class="comment-notes">
<span id="email-notes">{EMAIL_NOTE}</span> <span class="required-field-message">الحقول
الإلزامية مشار إليها بـ <span class="required">*</span></span></p>
<p class="comment-form-comment"><label for="comment">التعليق <span class="required">*</span></label>
<textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required></textarea></p>
<p class="comment-form-author"><label for="author">الاسم <span class="required">*</span></label>
<input id="author" name="author" type="text" value="" size="30" maxlength="245" autocomplete="name"
required /></p>
<p class="comment-form-email"><label for="email">البريد الإلكتروني <span class="required">*</span></label>
<input id="email" name="email" type="email" value="" size="30" maxlength="100" autocomplete="email"
required /></p>
<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="إرسال التعليق" />
<input type='hidden' name='comment_post_ID' value='{r.key}' id='comment_post_ID' /></p>
</form>
</div>
</div>"""


def _post_classes(r: ArticleRecord) -> str:
    tags = " ".join(f"tag-{'-'.join(t.split())}" for t in r.tags)
    return (f"post-{r.key} post type-post status-publish format-standard has-post-thumbnail hentry "
            f"category-{r.section} {tags}")


def _meta(base: str, r: ArticleRecord) -> str:
    published = moment(r.published, TZ)
    updated = last_modified(r, TZ)
    return ('<div class="entry-meta"><span class="posted-on">'
            f'<a href="{wp_href(base, r.path)}" rel="bookmark">'
            f'<time class="entry-date published" datetime="{published.isoformat()}">'
            f'{esc(r.published_print)}</time>'
            f'<time class="updated" datetime="{updated.isoformat()}">{_printed(updated)}</time></a></span>'
            f'<span class="byline"> بواسطة <span class="author vcard"><a class="url fn n" '
            f'href="{base}/author/{_author_id(r.author)}/">{esc(r.author)}</a></span></span></div>')


def article_page(base: str, r: ArticleRecord, records: list[ArticleRecord]) -> str:
    """A single post: entry header, content with inline boxes, tags, post navigation, comments."""
    news = listed(records)
    older = [o for o in news if moment(o.published, TZ) < moment(r.published, TZ)]
    newer = [o for o in news if moment(o.published, TZ) > moment(r.published, TZ)]
    nav = ""
    if older:
        nav += (f'<div class="nav-previous"><a href="{wp_href(base, older[0].path)}" rel="prev">'
                '<span class="nav-subtitle">'
                f'السابق:</span> <span class="nav-title">{esc(older[0].title)}</span></a></div>')
    if newer:
        nav += (f'<div class="nav-next"><a href="{wp_href(base, newer[-1].path)}" rel="next">'
                '<span class="nav-subtitle">'
                f'التالي:</span> <span class="nav-title">{esc(newer[-1].title)}</span></a></div>')
    tags = "، ".join(f'<a href="{wp_href(base, tag_path(t))}" rel="tag">{esc(t)}</a>' for t in r.tags)
    main = f"""<article id="post-{r.key}" class="{_post_classes(r)}">
<header class="entry-header">
<span class="cat-links">
<a href="{base}/category/{r.section}/" rel="category tag">{SECTIONS[r.section]}</a></span>
<h1 class="entry-title">{esc(r.title)}</h1>
{_meta(base, r)}
</header>
<div class="post-thumbnail">
<img width="1200" height="800" src="{base}/wp-content/uploads/{r.path[1:8]}/{r.key}.jpg"
class="attachment-post-thumbnail size-post-thumbnail wp-post-image" alt="" decoding="async" /></div>
<div class="entry-content">
{_content(base, r, records)}
</div>
<footer class="entry-footer"><span class="tags-links">الوسوم: {tags}</span></footer>
</article>
<nav class="navigation post-navigation" aria-label="المقالات">
<h2 class="screen-reader-text">تصفّح المقالات</h2>
<div class="nav-links">{nav}</div></nav>
{_comments(base, r)}"""
    body_class = f"post-template-default single single-post postid-{r.key} single-format-standard"
    return _layout(base, f"{esc(r.title)} &#8211; {NAME}", main, records, _yoast(base, r), body_class)


def _summaries(base: str, items: list[ArticleRecord]) -> str:
    return "\n".join(
        f'<article id="post-{r.key}" class="{_post_classes(r)}"><header class="entry-header">'
        f'<h2 class="entry-title"><a href="{wp_href(base, r.path)}" rel="bookmark">{esc(r.title)}</a></h2>'
        f"{_meta(base, r)}</header><div class=\"entry-summary\"><p>{_excerpt(r)}</p></div></article>"
        for r in items)


def archive_pages(base: str, path: str, heading: str, title: str, items: list[ArticleRecord],
                  records: list[ArticleRecord], body_class: str) -> dict[str, str]:
    """A category, tag or home archive, paginated WordPress-style (/page/N/)."""
    pages = chunks(items, PAGE_SIZE)
    out = {}
    for number, chunk in enumerate(pages, start=1):
        links = []
        if number < len(pages):
            links.append(f'<div class="nav-previous"><a href="{wp_href(base, f"{path}page/{number + 1}/")}">'
                         "مقالات أقدم</a></div>")
        if number > 1:
            newer = path if number == 2 else f"{path}page/{number - 1}/"
            links.append(f'<div class="nav-next"><a href="{wp_href(base, newer)}">مقالات أحدث</a></div>')
        header = ""
        if heading:
            header = f'<header class="page-header"><h1 class="page-title">{heading}</h1></header>'
        main = (f"{header}\n{_summaries(base, list(chunk))}\n<nav class=\"navigation posts-navigation\" "
                f'aria-label="المقالات"><div class="nav-links">{"".join(links)}</div></nav>')
        key = path if number == 1 else f"{path}page/{number}/"
        paged = f" paged paged-{number}" if number > 1 else ""
        out[key] = _layout(base, f"{esc(title)} &#8211; {NAME}", main, records,
                           f'<link rel="canonical" href="{wp_href(base, key)}" />', body_class + paged)
    return out


def static_page(base: str, heading: str, html: str, records: list[ArticleRecord], body_class: str) -> str:
    """A WordPress page (about) or the search page: not articles."""
    main = (f'<article class="page type-page status-publish hentry"><header class="entry-header">'
            f'<h1 class="entry-title">{heading}</h1></header><div class="entry-content">{html}</div>'
            f'</article>')
    return _layout(base, f"{heading} &#8211; {NAME}", main, records, "", body_class)


ABOUT = ("<p>صدى الخليج موقع إخباري مستقل يغطي أخبار مدن الساحل الشرقي وقراه منذ عام 2012.</p>"
         "<p>للتواصل مع التحرير: newsroom@sada-khaleej.example</p>")
SEARCH = "<p>لم يتم العثور على نتائج. حاول البحث بكلمات أخرى.</p>"


def feed(base: str, records: list[ArticleRecord]) -> str:
    """The WordPress RSS 2.0 feed at /feed/ (excerpt in description, full post in content:encoded)."""
    posts = newest_first((r for r in records if "feed" in r.discovery), TZ)[:FEED_SIZE]
    items = []
    for r in posts:
        categories = "".join(f"<category>{cdata(c)}</category>" for c in (SECTIONS[r.section], *r.tags))
        url = wp_href(base, r.path)
        body = "".join(f"<p>{esc(p)}</p>" for p in r.paragraphs)
        items.append(f"""	<item>
		<title>{xml_escape(r.title)}</title>
		<link>{url}</link>
		<comments>{url}#respond</comments>
		<dc:creator>{cdata(r.author)}</dc:creator>
		<pubDate>{format_datetime(moment(r.published, TZ).astimezone(UTC))}</pubDate>
		{categories}
		<guid isPermaLink="false">{base}/?p={r.key}</guid>
		<description>{cdata(_excerpt(r))}</description>
		<content:encoded>{cdata(body)}</content:encoded>
		<wfw:commentRss>{url}feed/</wfw:commentRss>
		<slash:comments>{len(r.comments)}</slash:comments>
	</item>""")
    built = format_datetime(max(last_modified(r, TZ) for r in records).astimezone(UTC))
    rows = "\n".join(items)
    return f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
	>
<channel>
	<title>{NAME}</title>
	<atom:link href="{base}/feed/" rel="self" type="application/rss+xml" />
	<link>{base}</link>
	<description>{TAGLINE}</description>
	<lastBuildDate>{built}</lastBuildDate>
	<language>ar</language>
	<sy:updatePeriod>hourly</sy:updatePeriod>
	<sy:updateFrequency>1</sy:updateFrequency>
	<generator>https://wordpress.org/?v={WP}</generator>
{rows}
</channel>
</rss>
"""


def build(base: str) -> Site:
    """Every page of the site served at `base`."""
    records = articles()
    newest = max(last_modified(r, TZ) for r in records)
    news = listed(records)
    pages: dict[str, Page] = {}
    for r in records:
        pages[r.path] = html_page(article_page(base, r, records), last_modified(r, TZ), HTML)
        pages[f"/?p={r.key}"] = redirect(wp_href(base, r.path))
    archives = {"/": ("", TAGLINE, news, "home blog")}
    for n, (key, label) in enumerate(SECTIONS.items(), start=2):
        archives[f"/category/{key}/"] = (f"التصنيف: <span>{label}</span>", label,
                                         [r for r in news if r.section == key],
                                         f"archive category category-{key} category-{n}")
    for tag in sorted({t for r in news for t in r.tags}):
        archives[tag_path(tag)] = (f"الوسم: <span>{esc(tag)}</span>", tag, [r for r in news if tag in r.tags],
                                   "archive tag")
    for author in sorted({r.author for r in records}):
        archives[f"/author/{_author_id(author)}/"] = (f"الكاتب: <span>{esc(author)}</span>", author,
                                                      [r for r in news if r.author == author],
                                                      f"archive author author-{_author_id(author)}")
    for path, (heading, title, items, body_class) in archives.items():
        for key, html in archive_pages(base, path, heading, title, items, records, body_class).items():
            pages[key] = html_page(html, newest, HTML)
    about = static_page(base, "من نحن", ABOUT, records, "page-template-default page page-id-2")
    pages["/about/"] = html_page(about, newest, HTML)
    search = static_page(base, "نتائج البحث", SEARCH, records, "search search-no-results")
    pages["/search/"] = html_page(search, newest, HTML)
    pages["/feed/"] = xml_page(feed(base, records), newest, "application/rss+xml; charset=UTF-8")
    xml = "application/xml; charset=UTF-8"
    posts = newest_first((r for r in records if "sitemap" in r.discovery), TZ)
    pages["/wp-sitemap.xml"] = xml_page(sitemap_index(
        [(f"{base}/wp-sitemap-posts-post-1.xml", None), (f"{base}/wp-sitemap-posts-page-1.xml", None),
         (f"{base}/wp-sitemap-taxonomies-category-1.xml", None)], "/wp-sitemap-index.xsl"), newest, xml)
    pages["/wp-sitemap-posts-post-1.xml"] = xml_page(
        urlset([(wp_href(base, r.path), last_modified(r, TZ)) for r in posts], XSL), newest, xml)
    pages["/wp-sitemap-posts-page-1.xml"] = xml_page(urlset([(f"{base}/about/", newest)], XSL), newest, xml)
    pages["/wp-sitemap-taxonomies-category-1.xml"] = xml_page(
        urlset([(f"{base}/category/{key}/", None) for key in SECTIONS], XSL), newest, xml)
    pages["/sitemap.xml"] = redirect(f"{base}/wp-sitemap.xml")
    pages["/robots.txt"] = text_page(
        "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n"
        "Disallow: /search/\nDisallow: /?s=\n\n"
        f"Sitemap: {base}/wp-sitemap.xml\n", newest)
    not_found = static_page(base, "عذراً! لا يمكن العثور على هذه الصفحة.",
                            "<p>يبدو أنه لم يتم العثور على شيء في هذا المكان. جرب البحث.</p>",
                            records, "error404")
    missing = Page(404, {"Content-Type": HTML}, not_found.encode("utf-8"))
    pages[MISSING] = missing
    return Site(base, pages, missing)
