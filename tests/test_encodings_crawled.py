"""The charset matrix, served by a fixture server and crawled end to end."""

from __future__ import annotations

import sqlite3

import pytest

from crawler.demo.model import Page, Site
from crawler.demo.server import SiteServer
from tests.support.crawling import crawl, write_sources

pytestmark = pytest.mark.timeout(300)
A = "/news/2024/02/11/"
PERSIAN = ("شهرداری بندرعباس از بهره‌برداری پارک ساحلی جدید خبر داد. این پارک با مشارکت مردم ساخته شده و "
           "می‌تواند میزبان خانواده‌های زیادی باشد. مدیر پروژه گفت کار ساخت دو سال طول کشید.")
ARABIC = ("أعلنت بلدية الشارقة عن افتتاح حديقة ساحلية جديدة على الكورنيش. وقال مدير المشروع إن الحديقة "
          "صممت لاستقبال العائلات وإن أعمال البناء استغرقت عامين كاملين بمشاركة الأهالي.")

# windows-1256 has no Persian yeh (U+06CC): Iranian pages in that charset write Arabic yeh (U+064A).
PERSIAN_1256 = PERSIAN.replace("\u06cc", "\u064a")

# name: (text, lang, bytes' charset, Content-Type header charset or None, <meta> charset or None)
MATRIX = {
    "fa-1256-declared": (PERSIAN_1256, "fa", "windows-1256", "windows-1256", None),
    "fa-1256-meta-only": (PERSIAN_1256, "fa", "windows-1256", None, "windows-1256"),
    "fa-1256-undeclared": (PERSIAN_1256, "fa", "windows-1256", None, None),
    "fa-1256-labelled-utf8": (PERSIAN_1256, "fa", "windows-1256", "utf-8", None),
    "ar-1256-labelled-latin1": (ARABIC, "ar", "windows-1256", "iso-8859-1", None),
    "ar-utf8-labelled-1256": (ARABIC, "ar", "utf-8", "windows-1256", "windows-1256"),
    "fa-utf8": (PERSIAN, "fa", "utf-8", "utf-8", "utf-8"),
}


def page(text: str, lang: str, charset: str, header: str | None, meta: str | None) -> Page:
    meta_tag = f'<meta http-equiv="Content-Type" content="text/html; charset={meta}">' if meta else ""
    html = (f'<html lang="{lang}"><head>{meta_tag}<title>{text[:30]}</title></head><body>'
            f'<div class="news_body"><h1>{text[:30]}</h1><p>{text}</p><p>{text}</p></div></body></html>')
    content_type = "text/html" + (f"; charset={header}" if header else "")
    return Page(200, {"Content-Type": content_type}, html.encode(charset))


def site(base: str) -> Site:
    pages = {A + name: page(*spec) for name, spec in MATRIX.items()}
    pages["/"] = Page(200, {"Content-Type": "text/html; charset=utf-8"}, (
        "<html><body>" + "".join(f'<a href="{A}{n}">{n}</a>' for n in MATRIX) + "</body></html>").encode())
    return Site(base, pages)


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("charsets")
    with SiteServer(site) as server:
        db = tmp / "a.db"
        result = crawl(db, write_sources(tmp / "s.toml", {"charsets": server.base_url}))
        assert result.returncode == 0, result.stderr[-2000:]
        yield db, server.base_url


@pytest.mark.parametrize("name", MATRIX)
def test_every_charset_case_is_archived_as_written(archive, name):
    db, base = archive
    text, lang, charset, _header, _meta = MATRIX[name]
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT a.text, a.language, c.charset FROM articles a JOIN captures c "
                           "ON c.id = a.capture_id WHERE a.url = ?", [base + A + name]).fetchone()
    assert row is not None, name
    archived, language, stored_charset = row
    assert "\ufffd" not in archived
    assert text[40:120] in archived  # ZWNJ and all, decoded with the right charset
    assert language == lang
    assert stored_charset == charset
