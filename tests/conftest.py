"""Shared fixtures: small archives built through the real writer."""

from __future__ import annotations

import pytest

from archive.store import Archive

SAMPLE_ARTICLES = [
    {"url": "https://sahel.example/fa/news/1/a", "source": "sahel", "language": "fa",
     "title": "کتاب ایران در بندرعباس",
     "text": "نمایشگاه کتاب ایران در بندرعباس برگزار می‌شود.\nشهرداری‌ها همکاری کردند.",
     "published": "2024-02-11T09:05:00+03:30", "authors": ["مریم"]},
    {"url": "https://khaleej.example/2024/03/15/b", "source": "khaleej", "language": "ar",
     "title": "معرض الكتاب في الشارقة",
     "text": "افتتح معرض الكتاب الدولي في الشارقة اليوم بمشاركة واسعة.",
     "published": "2024-03-15T10:00:00+04:00", "authors": []},
    {"url": "https://coastal.example/news/local/2024/03/16/c", "source": "coastal", "language": "en",
     "title": "Harbour reopens after storm",
     "text": "The harbour reopened on Saturday after the storm damaged the pier.",
     "published": "2024-03-16T08:00:00+00:00", "authors": ["Jane Doe"]},
]


def build_archive(path, articles=SAMPLE_ARTICLES):
    """An archive holding `articles`, each with a capture."""
    with Archive(path) as archive:
        archive.upsert_sources([{"name": n, "url": f"https://{n}.example/"}
                                for n in sorted({a["source"] for a in articles})])
        for i, art in enumerate(articles):
            archive.save_article(dict(art), {"url": art["url"], "final_url": art["url"], "source": art["source"],
                                             "status": 200, "headers": {}, "body": f"<html>{i}</html>".encode(),
                                             "charset": "utf-8", "outcome": "ok",
                                             "fetched": "2024-03-20T00:00:00+00:00"})
    return path


@pytest.fixture
def sample_db(tmp_path):
    return build_archive(tmp_path / "archive.db")
