"""Learned per-source boilerplate: recurring signature lines go, the articles' own lines stay."""

from __future__ import annotations

import random

import pytest

from crawler.extraction.learned import learn_boilerplate, normalise_line, remove_learned

SIGNATURES = [
    "انتهای پیام/",
    "برای دریافت آخرین اخبار در کانال تلگرام ما عضو شوید: @sahel_news",
    "Subscribe to our newsletter for the latest local news.",
    "تمامی حقوق برای صبح ساحل محفوظ است و استفاده از مطالب با ذکر منبع مجاز است.",
]
WORDS = ("بندر", "اسکله", "شهردار", "دریا", "صیاد", "مسافر", "طرح", "استان", "harbour", "council",
         "fleet", "storm", "پروژه", "جزیره", "قشم", "کیش", "budget", "repairs")


def fake_articles(n: int, seed: int = 7) -> list[tuple[str, list[str]]]:
    """Articles of one source: unique body lines, then some of the signature lines."""
    rng = random.Random(seed)
    articles = []
    for i in range(n):
        body = [f"{i}-{j} " + " ".join(rng.choice(WORDS) for _ in range(12))
                for j in range(rng.randint(3, 8))]
        # a body line may quote a signature inside a longer sentence: it must survive
        if i % 5 == 0:
            body.append("The editor wrote: Subscribe to our newsletter for the latest local news. He left.")
        tail = [s for k, s in enumerate(SIGNATURES) if (i + k) % 4 != 0]
        articles.append(("\n".join(body + tail), body))
    return articles


def test_signature_lines_are_learned_and_bodies_are_not():
    articles = fake_articles(40)
    learned = learn_boilerplate(text for text, _ in articles)
    assert {normalise_line(s) for s in SIGNATURES} == set(learned)
    assert all(n >= 12 for n in learned.values())


def test_removal_loses_no_body_line():
    articles = fake_articles(40)
    learned = learn_boilerplate(text for text, _ in articles)
    for text, body in articles:
        cleaned, removed = remove_learned(text, learned)
        assert cleaned.splitlines() == body
        assert removed == sum(len(line) for line in text.splitlines()) - sum(len(line) for line in body)


def test_counts_once_per_article():
    text = "\n".join(["same line"] * 10 + ["other"])
    assert learn_boilerplate([text], min_count=1, min_share=0.5) == {"same line": 1, "other": 1}
    assert learn_boilerplate([text, "unrelated"], min_count=2) == {}


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("  انتهای پیام/ ", "انتهای پیام/"),
        ("Code: 12345", "code: 0"),
        ("کد خبر: ۱۲۳۴۵", "کد خبر: 0"),
        ("Read   MORE!!", "read more"),
        ("بهره‌برداری", "بهره برداری"),
    ],
)
def test_normalise_line(line, key):
    assert normalise_line(line) == key


def test_varying_numbers_still_match():
    bodies = [" ".join(WORDS[i:i + 6]) for i in range(10)]
    learned = learn_boilerplate([f"{body}\nکد خبر: {1000 + i}" for i, body in enumerate(bodies)])
    assert list(learned) == ["کد خبر: 0"]
    assert remove_learned("text\nکد خبر: 999", learned) == ("text", len("کد خبر: 999"))


def test_plain_collection_and_empty_inputs():
    assert remove_learned("a\nEnd of message\nb", {"END OF MESSAGE"}) == ("a\nb", len("End of message"))
    assert remove_learned("a\nb", {}) == ("a\nb", 0)
    assert learn_boilerplate([]) == {}
