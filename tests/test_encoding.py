"""Charset decisions over real-looking pages encoded in each charset, declared right, wrong or not at all."""

from __future__ import annotations

import codecs

import pytest

from crawler.encoding import Decoded, declared_charsets, decode_html, mojibake_score, normalise_charset

PERSIAN = (
    "پنجمین کنفرانس بین‌المللی شهرهای یادگیرنده یونسکو در شهر یونسو کره جنوبی برگزار شد که بزرگترین "
    "گردهمایی حضوری شهرداران و متخصصین شهرهای یادگیرنده جهان بعد از گسترش ویروس کرونا محسوب می‌شود. "
    "به گزارش «صبح ساحل»، جواد محمودی شهردار بندرخمیر به عنوان تنها شهردار ایرانی حاضر در این "
    "کنفرانس، به ایراد سخنرانی پرداخت و در نشست‌های متعدد حضور یافت؛ ژاپن و چین نیز نماینده داشتند."
)
# windows-1256 has no Persian yeh (U+06CC): pages in it are written with the Arabic one.
PERSIAN_1256 = PERSIAN.replace("ی", "ي")
ARABIC = (
    "أعلنت وزارة الصحة في المملكة العربية السعودية اليوم عن تسجيل حالات جديدة، وقالت إن الوضع "
    "الوبائي مستقر في معظم المناطق التي شهدت ارتفاعا في الأسبوع الماضي. وأضاف المتحدث الرسمي أن "
    "الفرق الطبية تواصل عملها على مدار الساعة لضمان سلامة المواطنين والمقيمين."
)
GERMAN = (
    "Die Bundesregierung hat am Mittwoch beschlossen, die Förderung für Wärmepumpen zu erhöhen. "
    "Größere Städte müssen ihre Pläne für die Wärmeversorgung früher vorlegen, heißt es aus dem "
    "Ministerium. Die Länder begrüßten den Schritt."
)
FRENCH = (
    "Le gouvernement a annoncé mercredi une série de mesures destinées à soutenir les ménages les "
    "plus modestes face à la hausse des prix de l'énergie, a précisé le ministère de l'Économie. "
    "« Nous irons plus loin », a déclaré la Première ministre à Besançon."
)
JAPANESE = (
    "東京都は月曜日、新しい防災計画を発表した。計画では、地震や台風に備えた避難所の数を増やすとしている。"
)
CHINESE = "北京市政府周一宣布了新的城市规划方案，计划在未来五年内增加公共交通线路和绿地面积。"
RUSSIAN = "Правительство в среду объявило о новых мерах поддержки малого бизнеса в регионах страны."
ENGLISH = "The provincial government said on Monday that the new port terminal would open next year."


def page(text: str, lang: str, declaration: str = "") -> str:
    """A news page around `text`, with `declaration` (a meta tag, or '') in its head."""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head>{declaration}<title>{text[:40]}</title>'
        '<link rel="stylesheet" href="/static/site.css"><script>var pageId = 4711;</script></head>'
        f'<body><nav><a href="/">{text[:12]}</a> | <a href="/news">{text[13:25]}</a></nav>'
        f"<article><h1>{text[:50]}</h1><p>{text}</p><p>{text[len(text) // 2 :]}</p></article>"
        "<footer>&copy; 2024 All rights reserved</footer></body></html>"
    )


def meta_charset(charset: str) -> str:
    return f'<meta charset="{charset}">'


def http_equiv(charset: str) -> str:
    return f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'


ARABIC_SCRIPT = [("fa", PERSIAN_1256), ("ar", ARABIC)]

# (name, text, lang, python codec, header charset, head declaration, expected WHATWG charset)
MATRIX = [
    # windows-1256, every way of declaring it or not
    *[
        (f"{lang}-1256-{how}", text, lang, "cp1256", header, decl, "windows-1256")
        for lang, text in ARABIC_SCRIPT
        for how, header, decl in [
            ("header", "windows-1256", ""),
            ("header-cp1256", "cp1256", ""),
            ("meta-charset", None, meta_charset("windows-1256")),
            ("http-equiv", None, http_equiv("windows-1256")),
            ("undeclared", None, ""),
            ("header-latin1", "ISO-8859-1", ""),
            ("header-1252", "windows-1252", ""),
            ("header-utf8", "utf-8", ""),
            ("meta-utf8", None, meta_charset("utf-8")),
            ("header-latin1-meta-1256", "iso-8859-1", meta_charset("windows-1256")),
            ("meta-latin1", None, http_equiv("iso-8859-1")),
        ]
    ],
    # UTF-8, also when labelled with a legacy charset
    *[
        (f"{lang}-utf8-{how}", text, lang, "utf-8", header, decl, "utf-8")
        for lang, text in [("fa", PERSIAN), ("ar", ARABIC)]
        for how, header, decl in [
            ("header", "utf-8", ""),
            ("undeclared", None, ""),
            ("header-1256", "windows-1256", ""),
            ("meta-1256", None, meta_charset("windows-1256")),
            ("header-latin1", "iso-8859-1", ""),
        ]
    ],
    # ISO-8859-6 (Arabic only: it has no Persian letters)
    ("ar-8859-6-meta", ARABIC, "ar", "iso8859-6", None, meta_charset("iso-8859-6"), "iso-8859-6"),
    ("ar-8859-6-undeclared", ARABIC, "ar", "iso8859-6", None, "", "iso-8859-6"),
    ("ar-8859-6-header-latin1", ARABIC, "ar", "iso8859-6", "iso-8859-1", "", "iso-8859-6"),
    # Latin pages that must not be taken for Arabic
    *[
        (f"{lang}-{codec}-{how}", text, lang, codec, header, decl, "windows-1252")
        for lang, text in [("de", GERMAN), ("fr", FRENCH)]
        for codec in ("cp1252", "latin-1")
        for how, header, decl in [
            ("header", "iso-8859-1", ""),
            ("header-1252", "windows-1252", ""),
            ("meta", None, http_equiv("ISO-8859-1")),
            ("undeclared", None, ""),
            ("header-utf8", "utf-8", ""),
        ]
    ],
    ("de-cp1252-header-1256", GERMAN, "de", "cp1252", "windows-1256", "", "windows-1252"),
    # other scripts
    ("ja-sjis-meta", JAPANESE, "ja", "shift_jis", None, meta_charset("Shift_JIS"), "shift_jis"),
    ("ja-sjis-undeclared", JAPANESE, "ja", "shift_jis", None, "", "shift_jis"),
    ("zh-gb18030-header", CHINESE, "zh", "gb18030", "gb18030", "", "gb18030"),
    ("zh-gb18030-undeclared", CHINESE, "zh", "gb18030", None, "", "gb18030"),
    ("ru-1251-undeclared", RUSSIAN, "ru", "cp1251", None, "", "windows-1251"),
    ("ru-1251-header-latin1", RUSSIAN, "ru", "cp1251", "iso-8859-1", "", "windows-1251"),
    # pure ASCII: the text is the same in every ASCII-compatible charset
    ("en-ascii-undeclared", ENGLISH, "en", "ascii", None, "", "utf-8"),
    ("en-ascii-header-1256", ENGLISH, "en", "ascii", "windows-1256", "", "windows-1256"),
    ("en-ascii-meta-latin1", ENGLISH, "en", "ascii", None, meta_charset("iso-8859-1"), "windows-1252"),
]


@pytest.mark.parametrize(
    ("text", "lang", "codec", "header", "declaration", "expected"),
    [pytest.param(*case[1:], id=case[0]) for case in MATRIX],
)
def test_decode_matrix(
    text: str, lang: str, codec: str, header: str | None, declaration: str, expected: str
) -> None:
    html = page(text, lang, declaration)
    result = decode_html(html.encode(codec), header)
    assert result == Decoded(html, expected, True)
    assert "\ufffd" not in result.text


def test_xml_declaration_is_read() -> None:
    html = '<?xml version="1.0" encoding="windows-1256"?>\n' + page(ARABIC, "ar")
    assert decode_html(html.encode("cp1256")) == Decoded(html, "windows-1256", True)


@pytest.mark.parametrize(
    ("bom", "codec", "expected"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16be"),
    ],
)
def test_bom_beats_labels(bom: bytes, codec: str, expected: str) -> None:
    html = page(PERSIAN, "fa", meta_charset("windows-1256"))
    assert decode_html(bom + html.encode(codec), "iso-8859-1") == Decoded(html, expected, True)


def test_title_only_arabic_page_under_latin1_header() -> None:
    html = page(ENGLISH, "en").replace("<title>", "<title>أخبار اليوم - ")
    assert decode_html(html.encode("cp1256"), "iso-8859-1") == Decoded(html, "windows-1256", True)


def test_damaged_utf8_keeps_utf8_and_is_not_clean() -> None:
    body = page(PERSIAN, "fa").encode("utf-8")
    cut = body.index("سخنرانی".encode())
    damaged = body[:cut] + b"\xff" + body[cut:]
    result = decode_html(damaged, "windows-1256")
    assert (result.charset, result.clean) == ("utf-8", False)
    assert result.text.count("\ufffd") == 1
    assert result.text.replace("\ufffd", "") == page(PERSIAN, "fa")


def test_utf8_page_with_a_legacy_widget_is_not_clean() -> None:
    body = page(ARABIC, "ar").encode("utf-8").replace(b"<footer>", b"<footer>" + "اخبار".encode("cp1256"))
    result = decode_html(body)
    assert (result.charset, result.clean) == ("utf-8", False)
    assert ARABIC in result.text


def test_empty_body() -> None:
    assert decode_html(b"") == Decoded("", "utf-8", True)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("cp1256", "windows-1256"),
        ("CP1256", "windows-1256"),
        ("x-cp1256", "windows-1256"),
        ("Windows-1256", "windows-1256"),
        ('"windows-1256"', "windows-1256"),
        ("text/html; charset=cp1256", "windows-1256"),
        ("iso-8859-6", "iso-8859-6"),
        ("ISO_8859-6", "iso-8859-6"),
        ("arabic", "iso-8859-6"),
        ("iso-8859-1", "windows-1252"),
        ("latin1", "windows-1252"),
        ("us-ascii", "windows-1252"),
        ("utf8", "utf-8"),
        ("UTF-8", "utf-8"),
        ("utf-16", "utf-16le"),
        ("sjis", "shift_jis"),
        ("windows-31j", "shift_jis"),
        ("gb2312", "gb18030"),
        ("ks_c_5601-1987", "euc-kr"),
        ("tis-620", "windows-874"),
        ("iso-8859-9", "windows-1254"),
        ("koi8-r", "koi8-r"),
        ("bogus-charset", None),
        ("utf-7", None),
        ("", None),
        (None, None),
    ],
)
def test_normalise_charset(label: str | None, expected: str | None) -> None:
    assert normalise_charset(label) == expected


def test_declared_charsets_order_and_dedup() -> None:
    body = page(ARABIC, "ar", meta_charset("windows-1256")).encode("cp1256")
    assert declared_charsets(body, "iso-8859-1") == ["windows-1252", "windows-1256"]
    assert declared_charsets(body, "cp1256") == ["windows-1256"]
    assert declared_charsets(body, "utf-16") == ["windows-1256"]  # no NULs: not UTF-16


@pytest.mark.parametrize(
    ("text", "mojibake"),
    [
        (ARABIC, False),
        (PERSIAN, False),
        (GERMAN, False),
        (FRENCH, False),
        (ARABIC.encode("cp1256").decode("cp1252"), True),  # "ÃÚáäÊ æÒÇÑÉ"
        (ARABIC.encode("utf-8").decode("latin-1"), True),  # "Ø£Ø¹Ù"
        (PERSIAN.encode("utf-8").decode("cp1256"), True),  # "ظ¾ظ†ط¬ظ…"
        (GERMAN.encode("cp1252").decode("cp1256"), True),  # "Fِrderung"
    ],
)
def test_mojibake_score(text: str, mojibake: bool) -> None:
    assert (mojibake_score(text) > 0.2) is mojibake
