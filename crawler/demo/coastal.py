"""Cape Harbor Gazette: an English county newspaper in Drupal markup (news sitemap, Atom feed)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from functools import cache
from urllib.parse import quote
from xml.sax.saxutils import escape as xml_escape

from crawler.demo.markup import (
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

SOURCE = "coastal"
TZ = "America/New_York"
NAME = "Cape Harbor Gazette"
PAGE_SIZE = 4
FEED_SIZE = 10
SECTIONS = {"local": "Local News", "business": "Business"}
MISSING = "/news/local/2023/01/05/harbor-seals-return-to-bay"  # unpublished story still on the home page: 404

COOKIES = "We use cookies on this site to enhance your user experience."
RELATED = "Related stories"
NEWSLETTER = "Get the Harbor Morning newsletter"
NEWSLETTER_TEXT = "Local headlines in your inbox every weekday at 6 a.m."
READER_COMMENTS = "Reader comments"
MODERATION = "Comments are moderated and may take a few hours to appear."
MOST_READ = "Most read"
COPYRIGHT = "All rights reserved."
ADVERTISEMENT = "Advertisement"


def tag_path(tag: str) -> str:
    """The taxonomy term alias (/tags/fishing)."""
    return "/tags/" + "-".join(tag.lower().split())


def staff_path(author: str) -> str:
    """The staff page alias of a byline."""
    return "/staff/" + "-".join(author.lower().split())


def listed(records: list[ArticleRecord]) -> list[ArticleRecord]:
    """Stories shown on the front, section and tag pages and in blocks, newest first."""
    return newest_first((r for r in records if "listing" in r.discovery), TZ)


@cache
def _articles() -> tuple[ArticleRecord, ...]:
    content = load_content(SOURCE)
    records = []
    for raw in content["article"]:
        day = moment(raw["published"], TZ)
        path = f"/news/{raw['section']}/{day:%Y/%m/%d}/{raw['slug']}"
        records.append(make_record(SOURCE, raw, path, content["lang"]))
    return tuple(dataclasses.replace(r, boilerplate_snippets=_boilerplate(r, records)) for r in records)


def articles() -> list[ArticleRecord]:
    """The demo articles of this source, with the facts a crawl must recover."""
    return list(_articles())


def _boilerplate(record: ArticleRecord, records: list[ArticleRecord]) -> tuple[str, ...]:
    return (COOKIES, ADVERTISEMENT, RELATED, _related(record, records)[0].title, NEWSLETTER, NEWSLETTER_TEXT,
            MODERATION, MOST_READ, COPYRIGHT, *(c.text for c in record.comments))


def _related(record: ArticleRecord, records: list[ArticleRecord]) -> list[ArticleRecord]:
    others = [r for r in listed(records) if r.key != record.key]
    return sorted(others, key=lambda r: len(set(r.tags) & set(record.tags)), reverse=True)[:3]


def _most_read(records: list[ArticleRecord]) -> list[ArticleRecord]:
    return sorted(listed(records), key=lambda r: r.title)[:5]


def _layout(base: str, title: str, main: str, records: list[ArticleRecord], head: str, body_class: str,
            breadcrumb: str = "") -> str:
    menu = "".join(f'<li class="menu-item"><a href="/news/{key}" '
                   f'data-drupal-link-system-path="taxonomy/term/{n}">'
                   f"{label}</a></li>" for n, (key, label) in enumerate(SECTIONS.items(), start=1))
    most_read = "".join(f'<li><a href="{r.path}" hreflang="en">{esc(r.title)}</a></li>'
                        for r in _most_read(records))
    year = max(moment(r.published, TZ) for r in records).year
    crumbs = ""
    if breadcrumb:
        crumbs = (f'<div class="region region-breadcrumb"><nav class="breadcrumb" role="navigation" '
                  f'aria-labelledby="system-breadcrumb">'
                  f'<h2 id="system-breadcrumb" class="visually-hidden">Breadcrumb</h2>'
                  f'<ol><li><a href="/">Home</a></li>{breadcrumb}</ol></nav></div>')
    return f"""<!DOCTYPE html>
<html lang="en" dir="ltr" prefix="og: https://ogp.me/ns#">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<meta name="Generator" content="Drupal 10 (https://www.drupal.org)" />
<meta name="MobileOptimized" content="width" />
{head}
<link rel="alternate" type="application/atom+xml" title="{NAME}" href="{base}/feeds/atom.xml" />
<link rel="icon" href="/themes/custom/harbor/favicon.ico" type="image/vnd.microsoft.icon" />
<title>{title} | {NAME}</title>
<link rel="stylesheet" media="all"
href="/sites/default/files/css/css_Hx3k9Wq.css?delta=0&amp;language=en&amp;theme=harbor" />
<script
src="/sites/default/files/js/js_0pQmZt1.js?scope=header&amp;delta=0&amp;language=en&amp;theme=harbor"></script>
</head>
<body class="{body_class}">
<a href="#main-content" class="visually-hidden focusable skip-link">Skip to main content</a>
<div id="sliding-popup" class="sliding-popup-bottom eu-cookie-compliance-banner" role="alertdialog"
aria-describedby="popup-text"><div class="eu-cookie-compliance-content"><div id="popup-text"
class="eu-cookie-compliance-message"><p>{COOKIES} By clicking any link on this page you are giving your
consent for us to set cookies.</p>
<a href="/privacy-policy" class="find-more-button">More info</a></div><div id="popup-buttons">
<button type="button" class="agree-button eu-cookie-compliance-default-button">OK, I agree</button>
<button type="button" class="decline-button eu-cookie-compliance-default-button">No, thanks</button>
</div></div></div>
<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
<div class="layout-container">
<header role="banner" class="site-header">
<div class="region region-header"><div id="block-harbor-branding" class="block block-system
block-system-branding-block"><a href="/" rel="home" class="site-logo">
<img src="/themes/custom/harbor/logo.svg" alt="Home" /></a>
<div class="site-name"><a href="/" rel="home">{NAME}</a></div>
<div class="site-slogan">News from Harbor County since 1887</div></div></div>
<nav role="navigation" aria-labelledby="block-harbor-main-menu-menu" id="block-harbor-main-menu">
<h2 class="visually-hidden" id="block-harbor-main-menu-menu">Main navigation</h2>
<ul class="menu"><li class="menu-item"><a href="/">Home</a></li>{menu}
<li class="menu-item"><a href="/search">Search</a></li><li class="menu-item">
<a href="/about-us">About us</a></li></ul>
</nav>
</header>
{crumbs}
<main role="main">
<a id="main-content" tabindex="-1"></a>
<div class="layout-content">
<div class="region region-content">
{main}
</div>
</div>
<aside class="layout-sidebar-second" role="complementary">
<div class="views-element-container block block-views block-views-blockmost-read-block-1"><h2>{MOST_READ}</h2>
<div class="view view-most-read"><ol>{most_read}</ol></div></div>
<div class="block block-block-content ad-slot ad-slot--rail">
<span class="ad-label">{ADVERTISEMENT}</span></div>
</aside>
</main>
<footer role="contentinfo" class="site-footer">
<div class="region region-footer">
<p>&copy; {year} {NAME}, a publication of Harbor County Media. {COPYRIGHT}</p>
<nav><a href="/about-us">About us</a> &middot; <a href="/feeds/atom.xml">Atom feed</a> &middot;
<a href="https://twitter.com/capeharborgaz">X</a></nav></div>
</footer>
</div>
</div>
</body>
</html>
"""


def _utc(when: datetime) -> str:
    return f"{when.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}"


def _printed(when: datetime) -> str:
    hour = when.strftime("%I").lstrip("0")
    meridiem = "a.m." if when.hour < 12 else "p.m."
    return f"{when:%B} {when.day}, {when.year} at {hour}:{when:%M} {meridiem} {when.tzname()}"


def _head(base: str, r: ArticleRecord) -> str:
    url = base + r.path
    published = moment(r.published, TZ)
    modified = last_modified(r, TZ)
    head = (f'<meta name="description" content="{esc(r.lead)}" />\n<link rel="canonical" href="{url}" />\n'
            f'<link rel="shortlink" href="{base}/node/{r.key}" />\n'
            f'<meta property="og:site_name" content="{NAME}" />\n'
            f'<meta property="og:type" content="article" />\n<meta property="og:url" content="{url}" />\n'
            f'<meta property="og:title" content="{esc(r.title)}" />\n'
            f'<meta property="og:description" content="{esc(r.lead)}" />')
    if not r.jsonld:
        return head
    data = {"@context": "https://schema.org", "@graph": [{
        "@type": "NewsArticle", "headline": r.title, "name": r.title, "description": r.lead,
        "about": list(r.tags),
        "image": {"@type": "ImageObject", "url": f"{base}/sites/default/files/{r.key}.jpg"},
        "datePublished": published.isoformat(), "dateModified": modified.isoformat(),
        "author": {"@type": "Person", "name": r.author}, "articleSection": SECTIONS[r.section],
        "publisher": {"@type": "Organization", "name": NAME, "url": f"{base}/"},
        "mainEntityOfPage": url, "isAccessibleForFree": "True"}]}
    return (head + f'\n<meta property="article:published_time" content="{published.isoformat()}" />'
            f'\n<meta property="article:modified_time" content="{modified.isoformat()}" />\n' + json_ld(data))


def _comments(r: ArticleRecord) -> str:
    items = "".join(
        f'<article class="comment js-comment" role="article" data-comment-user-id="0">'
        f'<footer class="comment__meta">'
        f'<span class="comment__author">{esc(c.author)}</span> '
        f'<span class="comment__time">{esc(c.date)}</span>'
        f'</footer><div class="comment__content field field--name-comment-body"><p>{esc(c.text)}</p>'
        f'</div></article>'
        for c in r.comments)
    return f"""<section class="comments field field--name-comment field--type-comment" id="comments">
<h2 class="comments__title">{READER_COMMENTS} ({len(r.comments)})</h2>
{items}
<h2 class="comment-form__title">Add new comment</h2>
<form class="comment-comment-form comment-form" action="/comment/reply/node/{r.key}/comment" method="post"
accept-charset="UTF-8"><div class="form-item"><label for="edit-name">Your name</label><input type="text"
id="edit-name" name="name" size="30" maxlength="60" /></div><div class="form-item"><label
for="edit-comment-body-0-value">Comment</label><textarea id="edit-comment-body-0-value"
name="comment_body[0][value]" rows="5" cols="60"></textarea></div><p class="description">{MODERATION}</p>
<input type="submit" id="edit-submit" name="op" value="Save" class="button button--primary" /></form>
</section>"""


def article_page(base: str, r: ArticleRecord, records: list[ArticleRecord]) -> str:
    """A story node: header with byline and dates, share tools, body with an ad slot, related, newsletter."""
    url = base + r.path
    published = moment(r.published, TZ)
    modified = last_modified(r, TZ)
    updated = ""
    if r.modified:
        updated = (f' <time class="timestamp timestamp--updated" datetime="{_utc(modified)}">'
                   f"Updated {_printed(modified)}</time>")
    figure = ""
    if r.caption:
        figure = (f'<figure class="field field--name-field-image">'
                  f'<img loading="lazy" src="/sites/default/files/styles/'
                  f'large/public/{published:%Y-%m}/{r.key}.jpg" width="1024" height="683" alt="" />'
                  f'<figcaption>'
                  f"{esc(r.caption)}</figcaption></figure>")
    paragraphs = [f"<p>{esc(p)}</p>" for p in r.paragraphs]
    paragraphs.insert(2, f'<div class="ad-slot ad-slot--inline" data-ad-unit="mid-article">'
                         f'<span class="ad-label">'
                         f"{ADVERTISEMENT}</span></div>")
    tags = "".join(f'<div class="field__item"><a href="{tag_path(t)}" hreflang="en">{esc(t)}</a></div>'
                   for t in r.tags)
    related = "".join(f'<li><a href="{o.path}">{esc(o.title)}</a></li>' for o in _related(r, records))
    share = quote(url, safe="")
    main = f"""<article role="article" about="{r.path}"
class="node node--type-article node--promoted node--view-mode-full">
<div class="article-header">
<div class="field field--name-field-section">
<a href="/news/{r.section}" hreflang="en">{SECTIONS[r.section]}</a></div>
<h1 class="page-title">
<span class="field field--name-title field--type-string field--label-hidden">{esc(r.title)}</span></h1>
<div class="field field--name-field-subhead">{esc(r.lead)}</div>
<div class="byline">By <a href="{staff_path(r.author)}"
class="byline__author">{esc(r.author)}</a>
<span class="byline__role">Staff writer</span></div>
<div class="article-dates"><time class="timestamp timestamp--published"
datetime="{_utc(published)}">{esc(r.published_print)}</time>{updated}</div>
</div>
<div class="share-tools">
<a class="share-link share-link--facebook" href="https://www.facebook.com/sharer/sharer.php?u={share}"
>Share on Facebook</a>
<a class="share-link share-link--x" href="https://twitter.com/intent/tweet?url={share}">Share on X</a>
<a class="share-link share-link--email" href="mailto:?subject={quote(r.title)}&amp;body={share}">Email</a>
<a class="share-link share-link--print" href="javascript:window.print()">Print</a></div>
<div class="node__content">
{figure}
<div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden
field__item">
{chr(10).join(paragraphs)}
</div>
<div class="field field--name-field-tags field--type-entity-reference field--label-above">
<div class="field__label">Tags</div>
<div class="field__items">{tags}</div></div>
</div>
<section class="related-stories"><h2>{RELATED}</h2><ul>{related}</ul></section>
<div class="block block-newsletter newsletter-signup"><h2>{NEWSLETTER}</h2><p>{NEWSLETTER_TEXT}</p>
<form action="/newsletter/subscribe" method="post">
<input type="email" name="mail" placeholder="Email address" />
<button type="submit">Sign up</button></form></div>
{_comments(r)}
</article>"""
    crumb = f'<li><a href="/news/{r.section}">{SECTIONS[r.section]}</a></li>'
    return _layout(base, esc(r.title), main, records, _head(base, r), "path-node page-node-type-article",
                   crumb)


def _teasers(items: list[ArticleRecord]) -> str:
    return "\n".join(
        f'<div class="views-row"><article class="node node--type-article node--view-mode-teaser">'
        f'<h3 class="node__title"><a href="{r.path}" rel="bookmark">{esc(r.title)}</a></h3>'
        f'<div class="byline">By {esc(r.author)}</div><div class="teaser-date">'
        f"{esc(_printed(moment(r.published, TZ)))}</div><p class=\"teaser-dek\">{esc(r.lead)}</p>"
        f"</article></div>"
        for r in items)


def listing_pages(base: str, path: str, heading: str, items: list[ArticleRecord],
                  records: list[ArticleRecord]) -> dict[str, str]:
    """A section or tag view, paginated the Drupal way (?page=1 is the second page)."""
    pages = chunks(items, PAGE_SIZE)
    out = {}
    for index, chunk in enumerate(pages):
        pager = ""
        if len(pages) > 1:
            links = "".join(
                f'<li class="pager__item{" is-active" if n == index else ""}">'
                f'<a href="?page={n}" title="Go to page {n + 1}">'
                f"{n + 1}</a></li>" for n in range(len(pages)))
            if index + 1 < len(pages):
                links += (f'<li class="pager__item pager__item--next"><a href="?page={index + 1}" rel="next">'
                          "Next ›</a></li>")
            pager = ('<nav class="pager" role="navigation">'
                     f'<ul class="pager__items js-pager__items">{links}</ul></nav>')
        main = (f'<h1 class="page-title">{esc(heading)}</h1>'
                '<div class="view view-taxonomy-term view-display-id-page_1">'
                f'<div class="view-content">{_teasers(list(chunk))}</div>{pager}</div>')
        key = path if index == 0 else f"{path}?page={index}"
        out[key] = _layout(base, esc(heading), main, records, f'<link rel="canonical" href="{base}{key}" />',
                           "path-taxonomy")
    return out


def front_page(base: str, records: list[ArticleRecord]) -> str:
    """The front page: latest stories and a 'from the archives' link to an unpublished story."""
    main = ('<div class="view view-frontpage">'
            f'<div class="view-content">{_teasers(listed(records)[:8])}</div></div>'
            f'<div class="block block-archive-pick"><h2>From the archives</h2><ul><li><a href="{MISSING}">'
            "Harbor seals return to the bay</a></li></ul></div>")
    return _layout(base, "Home", main, records, f'<link rel="canonical" href="{base}/" />', "path-frontpage")


def basic_page(base: str, heading: str, html: str, records: list[ArticleRecord], body_class: str) -> str:
    """A basic page (about us) or the search page: not articles."""
    main = (f'<article class="node node--type-page node--view-mode-full">'
            f'<h1 class="page-title">{esc(heading)}</h1>'
            f'<div class="field field--name-body">{html}</div></article>')
    return _layout(base, esc(heading), main, records, "", body_class)


ABOUT = ("<p>The Cape Harbor Gazette has covered Harbor County's towns, harbors and islands since 1887.</p>"
         "<p>Newsroom: 12 Water Street, Port Alden. Tips: news@capeharborgazette.example</p>")
PRIVACY = ("<p>We collect the minimum data needed to run this site and deliver our newsletter.</p>"
           "<p>We never sell reader data. Questions: privacy@capeharborgazette.example</p>")
SEARCH = ('<form action="/search" method="get"><input type="search" name="keys" />'
          '<input type="submit" value="Search" />'
          "</form><p>Enter some keywords to search the site.</p>")


def atom(base: str, records: list[ArticleRecord]) -> str:
    """The Atom feed of the newest stories."""
    entries = []
    posts = newest_first((r for r in records if "feed" in r.discovery), TZ)[:FEED_SIZE]
    for r in posts:
        url = base + r.path
        categories = "".join(f'<category term="{xml_escape(t)}"/>' for t in r.tags)
        entries.append(f"""<entry>
<title>{xml_escape(r.title)}</title>
<link rel="alternate" type="text/html" href="{url}"/>
<id>{base}/node/{r.key}</id>
<published>{moment(r.published, TZ).isoformat()}</published>
<updated>{last_modified(r, TZ).isoformat()}</updated>
<author><name>{xml_escape(r.author)}</name></author>
{categories}
<summary>{xml_escape(r.lead)}</summary>
</entry>""")
    updated = max(last_modified(r, TZ) for r in records).isoformat()
    rows = "\n".join(entries)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
<title>{NAME}</title>
<subtitle>News from Harbor County</subtitle>
<link rel="self" type="application/atom+xml" href="{base}/feeds/atom.xml"/>
<link rel="alternate" type="text/html" href="{base}/"/>
<id>{base}/</id>
<updated>{updated}</updated>
{rows}
</feed>
"""


def news_sitemap(base: str, items: list[ArticleRecord]) -> str:
    """A Google News sitemap (xmlns:news) of the given stories."""
    rows = "\n".join(f"""<url><loc>{base}{r.path}</loc><news:news><news:publication>
<news:name>{NAME}</news:name>
<news:language>en</news:language></news:publication>
<news:publication_date>{moment(r.published, TZ).isoformat()}</news:publication_date>
<news:title>{xml_escape(r.title)}</news:title>
<news:keywords>{xml_escape(", ".join(r.tags))}</news:keywords></news:news></url>"""
                     for r in items)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
{rows}
</urlset>
"""


def build(base: str) -> Site:
    """Every page of the site served at `base`."""
    records = articles()
    newest = max(last_modified(r, TZ) for r in records)
    news = listed(records)
    html_type = "text/html; charset=UTF-8"
    pages: dict[str, Page] = {}
    for r in records:
        pages[r.path] = html_page(article_page(base, r, records), last_modified(r, TZ), html_type)
        pages[f"/node/{r.key}"] = redirect(base + r.path)
    views = {f"/news/{key}": (label, [r for r in news if r.section == key])
             for key, label in SECTIONS.items()}
    for tag in sorted({t for r in news for t in r.tags}):
        views[tag_path(tag)] = (tag, [r for r in news if tag in r.tags])
    for author in sorted({r.author for r in records}):
        views[staff_path(author)] = (author, [r for r in news if r.author == author])
    for path, (heading, items) in views.items():
        for key, html in listing_pages(base, path, heading, items, records).items():
            pages[key] = html_page(html, newest, html_type)
    pages["/"] = html_page(front_page(base, records), newest, html_type)
    about = basic_page(base, "About us", ABOUT, records, "path-node page-node-type-page")
    pages["/about-us"] = html_page(about, newest, html_type)
    privacy = basic_page(base, "Privacy policy", PRIVACY, records, "path-node page-node-type-page")
    pages["/privacy-policy"] = html_page(privacy, newest, html_type)
    search = basic_page(base, "Search", SEARCH, records, "path-search")
    pages["/search"] = html_page(search, newest, html_type)
    pages["/feeds/atom.xml"] = xml_page(atom(base, records), newest, "application/atom+xml; charset=utf-8")
    mapped = newest_first((r for r in records if "sitemap" in r.discovery), TZ)
    recent = [r for r in mapped if moment(r.published, TZ).year >= newest.year]
    archived = [r for r in mapped if r not in recent]
    xml = "application/xml; charset=utf-8"
    pages["/sitemap.xml"] = xml_page(sitemap_index(
        [(f"{base}/sitemaps/news.xml", newest), (f"{base}/sitemaps/archive.xml", newest)]), newest, xml)
    pages["/sitemaps/news.xml"] = xml_page(news_sitemap(base, recent), newest, xml)
    pages["/sitemaps/archive.xml"] = xml_page(
        urlset([(base + r.path, last_modified(r, TZ)) for r in archived]), newest, xml)
    pages["/robots.txt"] = text_page(
        "# robots.txt\nUser-agent: *\nDisallow: /admin/\nDisallow: /search\nDisallow: /comment/reply/\n"
        f"Disallow: /user/login\n\nSitemap: {base}/sitemap.xml\nSitemap: {base}/sitemaps/news.xml\n", newest)
    not_found = basic_page(base, "Page not found", "<p>The requested page could not be found.</p>", records,
                           "path-system")
    missing = Page(404, {"Content-Type": html_type}, not_found.encode("utf-8"))
    pages[MISSING] = missing
    return Site(base, pages, missing)
