"""The offline demo sites: pages, HTTP behaviour of SiteServer, discovery paths and article facts."""

from __future__ import annotations

import http.client
import json
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from email.utils import format_datetime, parsedate_to_datetime
from importlib import resources
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit
from zoneinfo import ZoneInfo

import hijridate
import jdatetime
import pytest
from lxml import etree, html

from archive.searchform import search_form
from crawler.demo import (
    DEMO_SOURCES,
    ArticleRecord,
    Page,
    Site,
    SiteServer,
    build_site,
    coastal,
    demo_articles,
    khaleej,
    sahel,
    serve_demo,
    site_factory,
)
from crawler.demo.model import collapse

MODULES = {"sahel": sahel, "khaleej": khaleej, "coastal": coastal}
ALL_ARTICLES = [(name, r) for name in DEMO_SOURCES for r in demo_articles(name)]
ARTICLE_IDS = [f"{name}-{r.key}" for name, r in ALL_ARTICLES]
PERSIAN_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


@pytest.fixture(scope="module")
def servers() -> Iterator[dict[str, SiteServer]]:
    running = {name: SiteServer(site_factory(name)) for name in DEMO_SOURCES}
    for server in running.values():
        server.start()
    yield running
    for server in running.values():
        server.stop()


def fetch(base_url: str, path: str, method: str = "GET",
          headers: dict[str, str] | None = None) -> tuple[int, http.client.HTTPMessage, bytes]:
    """One request without following redirects; `path` is decoded and gets percent-encoded here."""
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    try:
        connection.request(method, quote(path, safe="/?=&%"), headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def page_text(page_bytes: bytes, encoding: str = "utf-8") -> str:
    """The whitespace-collapsed text of an HTML page's body."""
    doc = html.document_fromstring(page_bytes.decode(encoding))
    return collapse(doc.body.text_content())


# --- the HTTP server -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", DEMO_SOURCES)
def test_server_serves_every_page_with_its_status_and_headers(servers: dict[str, SiteServer],
                                                              name: str) -> None:
    server = servers[name]
    assert len(server.site) > 40
    for path, page in server.site.items():
        status, headers, body = fetch(server.base_url, path)
        assert status == page.status, path
        assert body == page.body, path
        assert headers["Content-Length"] == str(len(page.body)), path
        assert headers["Content-Type"] == page.headers["Content-Type"], path
        if status == 200:
            assert headers["ETag"].startswith('"') and headers["Last-Modified"], path
            assert parsedate_to_datetime(headers["Last-Modified"]).tzinfo is not None, path
        if status == 301:
            assert headers["Location"].startswith(server.base_url + "/"), path


@pytest.mark.parametrize(("name", "html_type", "xml_path", "xml_type"), [
    ("sahel", "text/html; charset=utf-8", "/fa/rss/allnews", "text/xml; charset=utf-8"),
    ("khaleej", "text/html; charset=UTF-8", "/feed/", "application/rss+xml; charset=UTF-8"),
    ("coastal", "text/html; charset=UTF-8", "/feeds/atom.xml", "application/atom+xml; charset=utf-8"),
])
def test_content_types_are_those_the_cms_sends(servers: dict[str, SiteServer], name: str, html_type: str,
                                                xml_path: str, xml_type: str) -> None:
    base = servers[name].base_url
    assert fetch(base, "/")[1]["Content-Type"] == html_type
    assert fetch(base, xml_path)[1]["Content-Type"] == xml_type
    assert fetch(base, "/robots.txt")[1]["Content-Type"] == "text/plain; charset=utf-8"


def test_head_sends_headers_without_body(servers: dict[str, SiteServer]) -> None:
    server = servers["coastal"]
    status, headers, body = fetch(server.base_url, "/", "HEAD")
    assert status == 200 and body == b""
    assert headers["Content-Length"] == str(len(server.site["/"].body))


def test_conditional_requests_get_304(servers: dict[str, SiteServer]) -> None:
    base = servers["sahel"].base_url
    path = demo_articles("sahel")[0].path
    status, headers, _ = fetch(base, path)
    etag, modified = headers["ETag"], headers["Last-Modified"]
    assert status == 200

    status, headers, body = fetch(base, path, headers={"If-None-Match": etag})
    assert (status, body, headers["ETag"]) == (304, b"", etag)
    assert fetch(base, path, headers={"If-None-Match": f'"other", W/{etag}'})[0] == 304
    assert fetch(base, path, headers={"If-None-Match": "*"})[0] == 304
    assert fetch(base, path, headers={"If-Modified-Since": modified})[0] == 304

    earlier = format_datetime(parsedate_to_datetime(modified).replace(year=2001), usegmt=True)
    assert fetch(base, path, headers={"If-Modified-Since": earlier})[0] == 200
    # If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
    assert fetch(base, path, headers={"If-None-Match": '"stale"', "If-Modified-Since": modified})[0] == 200
    assert fetch(base, path, headers={"If-Modified-Since": "not a date"})[0] == 200


def test_hits_are_counted_per_decoded_path_across_threads(capfd: pytest.CaptureFixture[str]) -> None:
    with SiteServer(site_factory("sahel")) as server:
        path = demo_articles("sahel")[1].path
        threads = [threading.Thread(target=fetch, args=(server.base_url, path)) for _ in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        fetch(server.base_url, "/robots.txt")
        fetch(server.base_url, "/nowhere")
        assert server.hits[path] == 16
        assert server.hits["/robots.txt"] == 1 and server.hits["/nowhere"] == 1
        assert [r.status for r in server.requests].count(404) == 1
        server.reset_hits()
        assert not server.hits and not server.requests
    assert capfd.readouterr().err == ""


def test_overrides_make_a_path_fail_then_recover() -> None:
    with SiteServer(site_factory("khaleej")) as server:
        server.override("/feed/", status=503, retry_after=7, times=2)
        server.override("/about/", status=500)
        server.override("/robots.txt", body=b"User-agent: *\nDisallow: /\n", delay=0.01)
        first, second, third = (fetch(server.base_url, "/feed/") for _ in range(3))
        assert (first[0], first[1]["Retry-After"]) == (503, "7")
        assert second[0] == 503
        assert third[0] == 200 and "Retry-After" not in third[1]
        assert fetch(server.base_url, "/about/")[0] == 500
        assert fetch(server.base_url, "/robots.txt")[2] == b"User-agent: *\nDisallow: /\n"
        server.clear_overrides("/about/")
        assert fetch(server.base_url, "/about/")[0] == 200
        server.clear_overrides()
        assert fetch(server.base_url, "/robots.txt")[2] == server.site["/robots.txt"].body


def test_pages_can_change_between_crawls() -> None:
    with SiteServer(site_factory("coastal")) as server:
        record = demo_articles("coastal")[0]
        _, headers, _ = fetch(server.base_url, record.path)
        old_etag = headers["ETag"]
        page = server.site[record.path]
        server.site[record.path] = replace(page, body=page.body.replace(b"Pell Island", b"Pell Isle"))
        status, headers, body = fetch(server.base_url, record.path, headers={"If-None-Match": old_etag})
        assert status == 200 and b"Pell Isle" in body and headers["ETag"] != old_etag

        server.set_site(lambda base: Site(base, {"/": Page(200, {"Content-Type": "text/plain"},
                                                           base.encode())}))
        assert fetch(server.base_url, "/")[2] == server.base_url.encode()
        assert fetch(server.base_url, record.path)[0] == 404


def test_unknown_paths_get_the_cms_404_page_and_queries_are_ignored(servers: dict[str, SiteServer]) -> None:
    base = servers["khaleej"].base_url
    status, _, body = fetch(base, "/no/such/page/")
    assert status == 404 and "عذراً! لا يمكن العثور على هذه الصفحة" in body.decode()
    assert fetch(base, "/about/?utm_source=newsletter")[2] == servers["khaleej"].site["/about/"].body
    assert fetch(base, "/", "POST")[0] == 405


def test_serve_demo_runs_every_source() -> None:
    with serve_demo() as urls:
        assert sorted(urls) == sorted(DEMO_SOURCES)
        assert len(set(urls.values())) == len(DEMO_SOURCES)
        for name, base in urls.items():
            status, _, body = fetch(base, "/robots.txt")
            assert status == 200 and f"Sitemap: {base}/".encode() in body, name


def test_server_module_runs_a_site_in_a_subprocess() -> None:
    root = Path(__file__).resolve().parents[1]
    process = subprocess.Popen([sys.executable, "-m", "crawler.demo.server", "--site", "coastal"], cwd=root,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        base = process.stdout.readline().strip()
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", base)
        status, _, body = fetch(base, "/feeds/atom.xml")
        assert status == 200 and b"Cape Harbor Gazette" in body
    finally:
        process.terminate()
        _, errors = process.communicate(timeout=10)
    assert errors == ""


# --- feeds, sitemaps and discovery ------------------------------------------------------------------


@pytest.mark.parametrize("name", DEMO_SOURCES)
def test_feeds_and_sitemaps_are_well_formed_xml(name: str) -> None:
    base = "http://127.0.0.1:8001"
    site = build_site(name, base)
    xml_pages = {path: page for path, page in site.items() if "xml" in page.headers["Content-Type"]}
    assert len(xml_pages) >= 3
    kinds = set()
    for path, page in xml_pages.items():
        root = etree.fromstring(page.body)
        kinds.add(etree.QName(root).localname)
        locs = root.xpath("//*[local-name()='loc'] | //item/link"
                          " | //*[local-name()='entry']/*[local-name()='link']/@href")
        assert locs, path
        assert all(str(getattr(loc, "text", loc)).startswith(base + "/") for loc in locs), path
    assert {"rss" if name != "coastal" else "feed", "urlset"} <= kinds
    if name != "sahel":
        assert "sitemapindex" in kinds


def test_coastal_news_sitemap_uses_the_news_namespace() -> None:
    site = build_site("coastal", "http://127.0.0.1:8001")
    root = etree.fromstring(site["/sitemaps/news.xml"].body)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "n": "http://www.google.com/schemas/sitemap-news/0.9"}
    dates = root.xpath("//s:url/n:news/n:publication_date/text()", namespaces=ns)
    assert len(dates) == len(root.xpath("//s:url", namespaces=ns)) >= 5
    assert all(datetime.fromisoformat(d).tzinfo is not None for d in dates)


def key_of(url: str) -> str:
    """The decoded path (with query) a URL names on a demo site."""
    parts = urlsplit(url)
    return unquote(parts.path) + (f"?{parts.query}" if parts.query else "")


def follow(site: Site, url: str) -> tuple[str, Page]:
    """The page at a URL after following the site's redirects."""
    key = key_of(url)
    page = site.lookup(key)
    for _ in range(5):
        if page.status not in (301, 302):
            break
        key = key_of(page.headers["Location"])
        page = site.lookup(key)
    return key, page


def discover(site: Site, base: str) -> dict[str, set[str]]:
    """Article paths a polite crawler finds through sitemaps (from robots.txt), feeds and links."""
    robots = site["/robots.txt"].body.decode().splitlines()
    disallowed = [line.split(":", 1)[1].strip() for line in robots if line.lower().startswith("disallow:")]
    found: dict[str, set[str]] = {"sitemap": set(), "feed": set(), "listing": set(), "broken": set()}
    queue = [line.split(":", 1)[1].strip() for line in robots if line.lower().startswith("sitemap:")]
    while queue:
        _, page = follow(site, queue.pop())
        root = etree.fromstring(page.body)
        locs = [loc.strip() for loc in root.xpath("//*[local-name()='loc']/text()")]
        if etree.QName(root).localname == "sitemapindex":
            queue += locs
        else:
            found["sitemap"] |= {key_of(loc) for loc in locs}
    feeds: set[str] = set()
    seen, pending = {"/"}, ["/"]
    while pending:
        key = pending.pop()
        page = site.lookup(key)
        if page.status == 404:
            found["broken"].add(key)
        if page.status != 200 or not page.headers["Content-Type"].startswith("text/html"):
            continue
        found["listing"].add(key)
        doc = html.document_fromstring(page.body)
        for element in doc.xpath("//a[@href] | //link[@rel='alternate'][@href]"):
            url = urljoin(base + key, element.get("href"))
            if not url.startswith(base + "/"):
                continue
            if element.tag == "link":
                feeds.add(url)
                continue
            target, _ = follow(site, url.split("#")[0])
            if target not in seen and not any(target.startswith(prefix) for prefix in disallowed):
                seen.add(target)
                pending.append(target)
    for url in feeds:
        root = etree.fromstring(follow(site, url)[1].body)
        links = root.xpath("//item/link/text() | //*[local-name()='entry']/*[local-name()='link']/@href")
        found["feed"] |= {key_of(str(link)) for link in links}
    return found


@pytest.mark.parametrize("name", DEMO_SOURCES)
def test_every_article_is_found_exactly_where_its_record_says(name: str) -> None:
    base = "http://127.0.0.1:8002"
    found = discover(build_site(name, base), base)
    records = demo_articles(name)
    for record in records:
        paths = {kind for kind in ("sitemap", "feed", "listing") if record.path in found[kind]}
        assert paths, f"{record.path} cannot be discovered"
        assert paths <= record.discovery, record.path
        assert ("sitemap" in paths) == ("sitemap" in record.discovery), record.path
        assert ("listing" in paths) == ("listing" in record.discovery), record.path
    assert any(r.discovery == {"sitemap"} for r in records)
    assert any(r.discovery == {"listing"} for r in records)
    assert found["broken"] == {MODULES[name].MISSING}


@pytest.mark.parametrize("name", DEMO_SOURCES)
def test_one_section_has_a_second_page_and_site_pages_are_not_articles(name: str) -> None:
    site = build_site(name, "http://127.0.0.1:8003")
    second_page = re.compile(r"/category/\w+/page/2/$|/(service|news)/\w+\?page=[12]$")
    second_pages = [path for path in site if second_page.search(path)]
    assert len(second_pages) == 1
    article_paths = {r.path for r in demo_articles(name)}
    about, search = {"sahel": ("/fa/about", "/fa/search"), "khaleej": ("/about/", "/search/"),
                      "coastal": ("/about-us", "/search")}[name]
    assert site[about].status == site[search].status == 200
    assert not {about, search} & article_paths


# --- the articles and their recorded facts ----------------------------------------------------------


def test_demo_has_over_thirty_articles_over_three_cms() -> None:
    counts = {name: len(demo_articles(name)) for name in DEMO_SOURCES}
    assert sum(counts.values()) >= 30 and min(counts.values()) >= 9
    assert {r.lang for _, r in ALL_ARTICLES} == {"fa", "ar", "en"}


@pytest.mark.parametrize(("name", "pattern"), [
    ("sahel", r"/fa/news/\d+/[^/]+"),
    ("khaleej", r"/\d{4}/\d\d/\d\d/[^/]+/"),
    ("coastal", r"/news/(local|business)/\d{4}/\d\d/\d\d/[a-z0-9-]+"),
])
def test_article_urls_look_like_their_cms(name: str, pattern: str) -> None:
    records = demo_articles(name)
    assert all(re.fullmatch(pattern, r.path) for r in records)
    assert len({r.path for r in records}) == len(records)


def news_article(doc: html.HtmlElement) -> dict | None:
    """The NewsArticle object of a page's JSON-LD, if any."""
    for script in doc.xpath("//script[@type='application/ld+json']/text()"):
        data = json.loads(script)
        for item in data.get("@graph", [data]):
            if item.get("@type") == "NewsArticle":
                return item
    return None


@pytest.mark.parametrize(("name", "record"), ALL_ARTICLES, ids=ARTICLE_IDS)
def test_article_page_carries_the_recorded_facts(name: str, record: ArticleRecord) -> None:
    page = build_site(name, "http://127.0.0.1:8004")[record.path]
    assert page.status == 200
    text = page_text(page.body, record.charset)
    assert collapse(record.title) in text and collapse(record.published_print) in text
    for snippet in record.body_snippets + record.boilerplate_snippets:
        assert snippet and snippet in text, snippet
    doc = html.document_fromstring(page.body.decode(record.charset))
    if record.charset == "utf-8":
        assert doc.get("lang") == record.lang
    article = news_article(doc)
    assert (article is not None) == record.jsonld
    if article is not None:
        assert datetime.fromisoformat(article["datePublished"]) == datetime.fromisoformat(record.published)
    if len(record.published) == 10:
        assert not record.jsonld and ":" not in record.published_print


FA_MONTHS = {m: i for i, m in enumerate(sahel.MONTHS, start=1)}
AR_MONTHS = {m: i for i, m in enumerate(khaleej.MONTHS, start=1)} | {
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7, "آب": 8,
    "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12}
HIJRI_MONTHS = {m: i for i, m in enumerate(hijridate.Hijri(1445, 1, 1).month_name("ar") and [
    hijridate.Hijri(1445, n, 1).month_name("ar") for n in range(1, 13)], start=1)}


def printed_moment(name: str, printed: str) -> tuple[date, tuple[int, int] | None]:
    """The local date and (hour, minute) a CMS date line states, read independently of the renderers."""
    text = printed.translate(PERSIAN_DIGITS)
    clock = re.search(r"(\d{1,2}):(\d\d)(?: ?([apصم])\.?)?", text)
    hour_minute = None
    if clock:
        hour = int(clock[1]) % 12 if clock[3] else int(clock[1])
        hour_minute = (hour + (12 if clock[3] in ("p", "م") else 0), int(clock[2]))
    if name == "sahel":
        if m := re.search(r"(\d{4})/(\d\d)/(\d\d)", text):
            return jdatetime.date(int(m[1]), int(m[2]), int(m[3])).togregorian(), hour_minute
        m = re.search(r"(?:(\S+) )?(\d{1,2}) (\S+) (\d{4})", text)
        assert m, printed
        day = jdatetime.date(int(m[4]), FA_MONTHS[m[3]], int(m[2]))
        if m[1]:
            assert sahel.WEEKDAYS[day.weekday()] == m[1], printed
        return day.togregorian(), hour_minute
    if name == "khaleej":
        gregorian = None
        for m in re.finditer(r"(\d{1,2}) (\D+?)،? (\d{4})", text):
            if m[2] in HIJRI_MONTHS:
                hijri = hijridate.Hijri(int(m[3]), HIJRI_MONTHS[m[2]], int(m[1])).to_gregorian()
                gregorian = gregorian or date(hijri.year, hijri.month, hijri.day)
                assert gregorian == date(hijri.year, hijri.month, hijri.day), printed
            else:
                stated = date(int(m[3]), AR_MONTHS[m[2]], int(m[1]))
                assert gregorian in (None, stated), printed
                gregorian = stated
        assert gregorian, printed
        return gregorian, hour_minute
    m = re.search(r"([A-Z][a-z]{2})[a-z]*\.? (\d{1,2}), (\d{4})", text)
    assert m, printed
    return datetime.strptime(f"{m[1]} {m[2]} {m[3]}", "%b %d %Y").date(), hour_minute


@pytest.mark.parametrize(("name", "record"), ALL_ARTICLES, ids=ARTICLE_IDS)
def test_printed_date_states_the_recorded_moment(name: str, record: ArticleRecord) -> None:
    stated_day, stated_time = printed_moment(name, record.published_print)
    if len(record.published) == 10:
        assert stated_time is None and stated_day == date.fromisoformat(record.published)
        return
    local = datetime.fromisoformat(record.published).astimezone(ZoneInfo(MODULES[name].TZ))
    assert local.utcoffset() == datetime.fromisoformat(record.published).utcoffset()
    assert stated_day == local.date()
    if name != "khaleej" or stated_time is not None:
        assert stated_time == (local.hour, local.minute)


def test_sahel_prints_the_three_iranian_date_formats() -> None:
    printed = [r.published_print for r in demo_articles("sahel")]
    assert "۲۲ بهمن ۱۴۰۲ - ۰۹:۰۵" in printed and "۱۴۰۳/۰۷/۱۵" in printed
    assert "چهارشنبه ۳۱ شهریور ۱۴۰۰ ساعت ۰۸:۱۵" in printed
    assert any("هـ" in r.published_print for r in demo_articles("khaleej"))


def test_seed_article_page_shows_the_seed_text_and_its_whole_tail() -> None:
    seed = resources.files("crawler.demo").joinpath("content", "sahel_seed_21834.txt").read_text("utf-8")
    record = next(r for r in demo_articles("sahel") if r.key == "21834")
    assert record.title == seed.splitlines()[0]
    assert "\n".join(record.paragraphs) in seed
    site = build_site("sahel", "http://127.0.0.1:8005")
    text = page_text(site[record.path].body)
    assert collapse(seed.replace("•", "")) in text
    tail = site[record.path].body.decode().split("آخرین خبرها", 1)
    assert "<textarea" in tail[0] and "<ul" in tail[1]
    assert record.boilerplate_snippets[0] == "برای این مطلب تا کنون نظری ثبت نشده است."


def test_windows_1256_page_decodes_only_as_windows_1256(servers: dict[str, SiteServer]) -> None:
    record = next(r for r in demo_articles("sahel") if r.charset == "windows-1256")
    status, headers, body = fetch(servers["sahel"].base_url, record.path)
    assert status == 200 and headers["Content-Type"] == "text/html"
    assert b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">' in body
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    assert record.title in body.decode("windows-1256")
    assert all(p in body.decode("windows-1256") for p in record.paragraphs)
    for wrong in ("iso-8859-6", "cp1252", "latin-1"):
        assert record.title not in body.decode(wrong, errors="replace"), wrong


def test_one_persian_article_is_written_with_arabic_letters() -> None:
    record = next(r for r in demo_articles("sahel") if "ك" in r.title)
    text = " ".join((record.title, *record.paragraphs))
    assert "ی" not in text and "ک" not in text and "ي" in text
    persian = record.title.replace("ي", "ی").replace("ك", "ک")
    assert record.title != persian and search_form(record.title) == search_form(persian)


def test_persian_text_uses_zwnj_and_persian_digits() -> None:
    utf8 = [r for r in demo_articles("sahel") if r.charset == "utf-8"]
    assert sum("می\u200cشود" in p for r in utf8 for p in r.paragraphs) >= 3
    assert any("شهرداری\u200cها" in r.title for r in utf8)
    assert any(re.search("[۰-۹]", r.title) for r in utf8)
