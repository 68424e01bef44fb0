"""The boilerplate post-filter, rule by rule, as tables."""

from __future__ import annotations

import pytest

from crawler.extraction.blocks import Line
from crawler.extraction.postfilter import (
    filter_lines,
    is_comment_marker,
    is_labelled_list,
    is_related_heading,
    is_teaser_line,
    is_utility_line,
)

BODY = [
    "The council approved the new harbour budget on Tuesday after a long debate about the costs.",
    "Fishermen said the repairs were overdue and welcomed the decision of the committee members.",
    "Work is expected to start next month and to last about ten weeks, the council said in a statement.",
]
BODY_FA = [
    "شهردار بندرخمیر در مراسم بهره‌برداری از این طرح گفت ساخت این اسکله از سه سال پیش آغاز شده بود.",
    "این اسکله ظرفیت پهلوگیری همزمان شش فروند شناور را دارد و سالانه هزاران مسافر از آن عبور می‌کنند.",
    "استاندار هرمزگان نیز گفت توسعه زیرساخت‌های دریایی در اولویت برنامه‌های دولت قرار دارد.",
]


def lines(*texts: str, kind: str = "p") -> list[Line]:
    return [Line(t, kind) for t in texts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Share", True),
        ("Print", True),
        ("Facebook | Twitter | WhatsApp", True),
        ("Share on Facebook", True),
        ("0 / 200", True),
        ("۰ / ۲۰۰", True),
        ("چاپ", True),
        ("اشتراک گذاری", True),
        ("لینک کوتاه: https://sahel.example/x7Kq", True),
        ("طباعة", True),
        ("Drucken", True),
        ("Escucha esta nota aquí", True),
        ("Share this story with a friend who lives on the coast and loves the sea.", False),
        ("The minister will print new banknotes next year.", False),
        ("چاپ کتاب جدید نویسنده بندرعباسی در تهران انجام شد.", False),
    ],
)
def test_utility_lines(text, expected):
    assert is_utility_line(text) is expected


@pytest.mark.parametrize(
    ("text", "link_chars", "expected"),
    [
        ("Read more: Storm damage bill tops £3m", 0, True),
        ("READ MORE: Riot is considering changes", 30, True),
        ("اقرأ أيضاً: توسعة ميناء خورفكان", 0, True),
        ("اقرا ايضا - توسعة ميناء خورفكان", 0, True),
        ("بیشتر بخوانید: افزایش صادرات از بندر", 0, True),
        ("Lesen Sie auch: Hafen investiert in Liegeplätze", 0, True),
        ("Ver también: La ficha del candidato", 0, True),
        ("Czytaj też: Rosja jest groźna", 0, True),
        ("Read more about the harbour in the council's report, published today.", 0, False),
        ("Related", 0, False),
    ],
)
def test_teaser_lines(text, link_chars, expected):
    assert is_teaser_line(Line(text, "p", link_chars)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Comments", True),
        ("3 Comments", True),
        ("Leave a Reply", True),
        ("نظرات", True),
        ("برای این مطلب تا کنون نظری ثبت نشده است.", True),
        ("نظر شما پس از بررسی و تایید منتشر خواهد شد.", True),
        ("لطفا از بکاربردن الفاظ رکیک، توهین و تهمت به اشخاص حقیقی و حقوقی خودداری کنید.", True),
        ("اترك تعليقاً", True),
        ("لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *", True),
        ("Your email address will not be published. Required fields are marked *", True),
        ("Kommentare", True),
        ("The minister declined to comment on the report.", False),
        ("نظر کارشناسان درباره این طرح مثبت است و آن را گامی مهم می‌دانند.", False),
    ],
)
def test_comment_markers(text, expected):
    assert is_comment_marker(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("آخرین خبرها", True),
        ("اخبار مرتبط", True),
        ("اقرأ أيضا", True),
        ("أخبار ذات صلة", True),
        ("Related stories", True),
        ("Read more", True),
        ("Siehe auch", True),
        ("Mehr zum Thema", True),
        ("Ver también", True),
        ("Lire aussi", True),
        ("More from Coastal Gazette", True),
        ("Mehr zum Thema auf nordsee.de", True),
        ("The latest news from the harbour is good.", False),
        ("Related costs rose sharply in the last quarter of the year and beyond", False),
    ],
)
def test_related_headings(text, expected):
    assert is_related_heading(Line(text, "head")) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tags: harbour, council, storms", True),
        ("برچسب‌ها: صنایع‌دستی، قشم، گلابتون‌دوزی", True),
        ("الوسوم: خورفكان، سوق السمك", True),
        ("Schlagwörter: Helgoland, Fähre", True),
        ("Tags are printed on every crate: the fishermen count them at dawn.", False),
    ],
)
def test_labelled_lists(text, expected):
    assert is_labelled_list(text) is expected


def test_seed_like_tail_is_cut_and_body_kept():
    tail = [
        "برای این مطلب تا کنون نظری ثبت نشده است.",
        "0 / 200",
        "نظر شما پس از بررسی و تایید منتشر خواهد شد.",
        "لطفا از بکاربردن الفاظ رکیک، توهین و تهمت به اشخاص حقیقی و حقوقی خودداری کنید.",
        "آخرین خبرها",
        "برگزاری جشنواره فرهنگی اقوام در بندرعباس",
        "کاهش بارندگی در شرق هرمزگان",
    ]
    result = filter_lines(lines(*BODY_FA, *tail))
    assert result.text == "\n".join(BODY_FA)
    assert result.removed_chars == sum(len(t) for t in tail)
    assert {reason for _, reason in result.removed} == {"comments"}


def test_related_section_drops_its_list_but_not_the_body_after_it():
    related = [Line("Related stories", "head")] + [
        Line(t, "item", len(t)) for t in ("Storm damage bill tops £3m", "Fleet counts cost of lost days")
    ]
    after = "The council will publish the full repair schedule on its website once the contract is signed."
    result = filter_lines(lines(*BODY) + related + lines(after))
    assert result.text == "\n".join([*BODY, after])
    assert [reason for _, reason in result.removed] == ["section"] * 3


def test_trailing_link_list_without_heading_is_removed():
    links = [Line(t, "item", len(t)) for t in ("Beach cafe wins award", "New bus timetable", "Pier reopens")]
    result = filter_lines(lines(*BODY) + links)
    assert result.text == "\n".join(BODY)


def test_two_trailing_links_are_kept():
    links = [Line(t, "p", len(t)) for t in ("Here are a few of our favourites", "Learn more about it")]
    result = filter_lines(lines(*BODY) + links)
    assert result.text.endswith("Learn more about it")


def test_repeated_placeholder_lines_are_removed_but_repeated_sentences_stay():
    placeholder = "External content not available"
    sentence = "Yes."
    body = [BODY[0], placeholder, BODY[1], placeholder, BODY[2], placeholder, sentence, sentence, sentence]
    result = filter_lines(lines(*body))
    assert placeholder not in result.text
    assert result.text.count(sentence) == 3


def test_slideshow_counters_are_removed():
    slides = [Line(f"{i}/50 Caption of picture number {i}", "item") for i in range(1, 5)]
    result = filter_lines(lines(*BODY) + slides + lines(BODY[0] + " Again."))
    assert "Caption" not in result.text
    assert result.text.endswith("Again.")


def test_follow_and_credit_lines_are_removed():
    extra = [
        "Follow the Coastal Gazette on Facebook and Twitter for the latest local news.",
        "ما را در تلگرام دنبال کنید",
        "(Photo: Jane Doe / Coastal Gazette)",
        "Copyright: Gisela Wender",
        "Follow the Coastal Gazette on Twitter and Instagram @CoastalGazette and on Facebook. Send us a"
        " message with your stories, pictures and videos, or call the newsroom any day of the week.",
        "© 2024 Coastal Gazette",
    ]
    result = filter_lines(lines(BODY[0], *extra, BODY[1], BODY[2]))
    assert result.text == "\n".join(BODY)


def test_author_bio_mentioning_twitter_is_kept():
    bio = "Jane Doe is a reporter covering the coast and the fishing industry. Follow her on Twitter."
    result = filter_lines(lines(*BODY, bio))
    assert bio in result.text


def test_filter_never_leaves_almost_nothing():
    only = lines("Comments", "Read more", "Share", "Tags: a, b")
    result = filter_lines(only)
    assert result.removed == []
    assert result.text == "Comments\nRead more\nShare\nTags: a, b"


def test_comment_marker_before_the_body_does_not_cut_it():
    result = filter_lines(lines("3 Comments", *BODY))
    assert result.text == "\n".join(BODY)
    assert result.removed[0][1] == "comment-label"


@pytest.mark.parametrize(
    "opening",
    [
        ["By Jane Doe"],
        ["Von Nina Magoley", "Stand: 22.04.2024, 06:00 Uhr"],
        ["کد خبر: ۳۳۴۵", "تاریخ انتشار: ۱۲ مرداد ۱۴۰۳ - ۱۰:۲۵"],
        ["بقلم سارة المنصوري"],
        ["16.03.2024 | 08:00"],
    ],
)
def test_opening_bylines_and_datelines_are_removed(opening):
    result = filter_lines(lines(*opening, *BODY))
    assert result.text == "\n".join(BODY)
    assert {reason for _, reason in result.removed} == {"byline"}


def test_a_short_opening_sentence_with_a_date_stays():
    first = "On 12.03.2024 the storm hit."
    result = filter_lines(lines(first, *BODY))
    assert result.text.startswith(first)
