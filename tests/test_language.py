"""Language identification over real-looking snippets, with and without a declared language."""

from __future__ import annotations

import pytest

from crawler.language import identify_language, iso639_1, normalise_for_identification

PERSIAN = (
    "به گزارش صبح ساحل، شهردار بندرخمیر در حاشیه این کنفرانس با شهرداران شهرهای اوسان و سونگدو "
    "کره جنوبی گفتگو کرد و فعالیت‌های این شهر مورد توجه جامعه جهانی قرار گرفته است."
)
SNIPPETS = {
    "fa": PERSIAN,
    # the same Persian typed with Arabic yeh and kaf, as on many older Iranian sites
    "fa-arabic-letters": PERSIAN.replace("ی", "ي").replace("ک", "ك"),
    "fa-digits-url": "قیمت طلا امروز ۱۴۰۲/۰۵/۱۰ به ۳۲،۵۰۰،۰۰۰ ریال رسید؛ "
    "جزئیات در https://example.ir/news/123 "
    "و کانال تلگرام خبرگزاری منتشر شده است.",
    "ar": "أعلنت وزارة الصحة في المملكة العربية السعودية اليوم عن تسجيل حالات جديدة، وقالت إن الوضع "
    "الوبائي مستقر في معظم المناطق التي شهدت ارتفاعا في الأسبوع الماضي.",
    "ar-harakat": "قَالَ رَئِيسُ الوُزَرَاءِ إِنَّ الحُكُومَةَ سَتُواصِلُ دَعْمَ المُؤَسَّسَاتِ الصَّغِيرَةِ وَالمُتَوَسِّطَةِ خِلَالَ العَامِ المُقْبِلِ.",
    "ur": "وزیر اعظم نے آج قومی اسمبلی سے خطاب کرتے ہوئے کہا کہ حکومت ملک کی معیشت کو مضبوط بنانے کے "
    "لیے تمام ممکنہ اقدامات کر رہی ہے۔",
    "ps": "د افغانستان د بهرنیو چارو وزارت ویلي چې له ګاونډیو هېوادونو سره د سوداګرۍ د پراختیا لپاره "
    "نوې هڅې روانې دي.",
    "ku-sorani": "سەرۆکی هەرێمی کوردستان ئەمڕۆ لە هەولێر پێشوازی لە شاندێکی حکومەتی عێراق کرد و باسی "
    "کێشەکانی نێوان هەردوولا کرا.",
    "ku-kurmanji": "Serokê Herêma Kurdistanê îro li Hewlêrê pêşwaziya şandeke hikûmeta Iraqê kir û li ser "
    "pirsgirêkên navbera her du aliyan axivîn.",
    "en": "The provincial government said on Monday that the new port terminal would handle two million "
    "containers a year once the second phase is complete.",
    "de": "Die Bundesregierung hat am Mittwoch beschlossen, die Förderung für Wärmepumpen zu erhöhen. "
    "Größere Städte müssen ihre Pläne früher vorlegen.",
    "fr": "Le gouvernement a annoncé mercredi une série de mesures destinées à soutenir les ménages les "
    "plus modestes face à la hausse des prix de l'énergie.",
    "es": "El gobierno anunció el miércoles un paquete de medidas para apoyar a las familias con menos "
    "ingresos ante la subida de los precios de la energía.",
    "tr": "Hükümet çarşamba günü düşük gelirli ailelere destek olmak için yeni bir paket açıkladı ve "
    "enerji fiyatlarındaki artışın süreceğini belirtti.",
    "ru": "Правительство в среду объявило о новых мерах поддержки малого бизнеса в регионах страны и "
    "пообещало снизить налоговую нагрузку.",
}
EXPECTED = {name: name.split("-")[0] for name in SNIPPETS}


@pytest.mark.parametrize("name", SNIPPETS)
def test_identifies_snippet(name: str) -> None:
    assert identify_language(SNIPPETS[name]) == EXPECTED[name]


@pytest.mark.parametrize("name", SNIPPETS)
def test_a_wrong_declaration_loses_on_a_long_text(name: str) -> None:
    wrong = "de" if EXPECTED[name] != "de" else "fr"
    assert identify_language(SNIPPETS[name], declared=wrong) == EXPECTED[name]


@pytest.mark.parametrize(
    ("text", "declared", "expected"),
    [
        ("شهردار بندرخمیر", "fa", "fa"),  # short: trust the declaration ...
        ("شهردار بندرخمیر", "ar", "ar"),  # ... whatever Arabic-script language it names
        ("شهردار بندرخمیر", "fa-IR", "fa"),
        ("شهردار بندرخمیر", "fas", "fa"),
        ("خبر عاجل", "ar", "ar"),
        ("Breaking news", "fa", "en"),  # a declaration in another alphabet is not trusted
        ("Neue Förderung", "de-AT", "de"),
        ("Новости дня", "ru", "ru"),
        ("Новости дня сегодня в России", "fa", "ru"),
    ],
)
def test_short_text_with_declared_language(text: str, declared: str, expected: str) -> None:
    assert identify_language(text, declared) == expected


def test_plausible_declaration_is_kept() -> None:
    """Urdu and Persian share much; a source declared Persian keeps fa only if the model agrees enough."""
    assert identify_language(SNIPPETS["fa"], declared="fa") == "fa"
    assert identify_language(SNIPPETS["ur"], declared="fa") == "ur"
    assert identify_language(SNIPPETS["ar"], declared="fa") == "ar"


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ([PERSIAN, "The conference was attended by mayors from Asia.", PERSIAN], "fa"),
        ([SNIPPETS["en"], "«شهر یادگیرنده»", SNIPPETS["en"]], "en"),
        ([SNIPPETS["ar"], "(WHO) 2024", SNIPPETS["ar"]], "ar"),
    ],
)
def test_mixed_text_goes_to_the_majority_language(parts: list[str], expected: str) -> None:
    assert identify_language(" ".join(parts)) == expected


@pytest.mark.parametrize(
    "text", ["", "   ", "123 456 ۱۲۳", "!!! ... ---", "https://example.com/a/b?c=d", "@#$%"]
)
def test_undecidable_text_gives_none(text: str) -> None:
    assert identify_language(text) is None
    assert identify_language(text, declared="fa") is None


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("fa", "fa"),
        ("fa-IR", "fa"),
        ("FA_ir", "fa"),
        ("per", "fa"),
        ("fas", "fa"),
        ("ara", "ar"),
        ("ar-SA", "ar"),
        ("ckb", "ku"),
        ("arz", "ar"),
        ("en-US", "en"),
        ("", None),
        (None, None),
        ("*", None),
    ],
)
def test_iso639_1(code: str | None, expected: str | None) -> None:
    assert iso639_1(code) == expected


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("كتاب ي", "كتاب ي"),  # pure Arabic letters: not folded, or Arabic would look Persian
        ("كتاب پدر ي", "کتاب پدر ی"),  # a Persian-only letter: Persian written with Arabic ي/ك
        ("مُحَمَّدٌ", "محمد"),
        ("سلام! ۱۲۳ (test) https://x.ir/a", "سلام test"),
        ("ﺳﻼﻡ", "سلام"),
        ("می\u200cشود", "می\u200cشود"),  # ZWNJ is part of Persian words the model was trained on
    ],
)
def test_normalise_for_identification(raw: str, cleaned: str) -> None:
    assert normalise_for_identification(raw) == cleaned
