"""search_form folding tables, and fts_query proven against a real SQLite FTS5 index."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from archive.searchform import MAX_TERMS, fts_query, search_form

ZWNJ = "\u200c"


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        # Arabic letters to Persian ones
        ("كتاب ايران", "کتاب ایران"),
        ("على", "علی"),
        ("رئیس", "رییس"),
        ("پائیز", "پاییز"),
        ("مؤسسه", "موسسه"),
        # hamza and madda on alef
        ("أحمد", "احمد"),
        ("إسلام", "اسلام"),
        ("آمریکا", "امریکا"),
        ("ٱلله", "الله"),
        ("اجزاء", "اجزا"),
        ("جزء", "جزء"),  # a standalone hamza that is not final after alef is a letter
        # teh marbuta, heh with yeh and the ezafe
        ("مدرسة", "مدرسه"),
        ("خانۀ", "خانه"),
        ("خانهٔ", "خانه"),
        (f"خانه{ZWNJ}ی ما", "خانه ما"),
        ("خانه ی ما", "خانه ما"),
        ("ماهی", "ماهی"),  # a word ending in هی keeps its yeh
        # digits
        ("۱۴۰۲/۰۵/۱۰", "1402/05/10"),
        ("٣٤٥", "345"),
        ("۲۵٪", "25%"),
        ("۳٫۵", "3.5"),
        # diacritics and tatweel
        ("مُحَمَّدٌ", "محمد"),
        ("كِتَابًا", "کتابا"),
        ("هٰذا", "هذا"),
        ("ســـلام", "سلام"),
        ("الرَّحْمَٰنِ", "الرحمن"),
        # presentation forms and ligatures (NFKC)
        ("\ufefb", "لا"),
        ("\ufe8d\ufef3\ufeae\ufe8d\ufee5", "ایران"),
        ("ＡＢＣ", "abc"),
        # ZWNJ variants and detached prefixes
        (f"می{ZWNJ}شود", "میشود"),
        ("میشود", "میشود"),
        ("می شود", "میشود"),
        ("می\u200bشود", "میشود"),  # zero-width space used as ZWNJ
        ("نمی شود", "نمیشود"),
        (f"نمی{ZWNJ}توان", "نمیتوان"),
        ("میز و میدان", "میز و میدان"),  # words starting with می are not split
        ("همی شود", "همی شود"),  # می is a prefix only as a whole word
        # detached suffixes
        (f"کتاب{ZWNJ}ها", "کتابها"),
        ("کتاب ها", "کتابها"),
        ("کتابها", "کتابها"),
        ("کتاب های جدید", "کتابهای جدید"),
        ("کتاب هایشان", "کتابهایشان"),
        ("بزرگ تر", "بزرگتر"),
        (f"بزرگ{ZWNJ}ترین", "بزرگترین"),
        ("بزرگ ترین", "بزرگترین"),
        ("به گونه ای", "به گونهای"),
        (f"به گونه{ZWNJ}ای", "به گونهای"),
        ("رفته اند", "رفتهاند"),
        ("۱۴۰۰ ها", "1400 ها"),  # a suffix joins only to a letter
        ("ها و هو", "ها و هو"),
        # invisible controls
        ("ایران\u200f", "ایران"),
        ("\ufeffسلام", "سلام"),
        ("Straße ÉCOLE", "strasse école"),
        ("", ""),
    ],
)
def test_search_form(raw: str, folded: str) -> None:
    assert search_form(raw) == folded


@pytest.mark.parametrize(
    "variants",
    [
        [f"می{ZWNJ}شود", "میشود", "می شود"],
        [f"کتاب{ZWNJ}ها", "کتاب ها", "کتابها"],
        ["بیشتر", "بیش تر", f"بیش{ZWNJ}تر"],
        ["خانۀ", "خانهٔ", f"خانه{ZWNJ}ی", "خانه ی", "خانه"],
        ["كتاب", "کتاب", "كِتَاب", "کـتـاب"],
        ["ايران", "ایران", "ﺍﻳﺮﺍﻥ"],
        # format characters kept in archived text never split a word in the index
        ["Landesregierung", "Landes\u00adregierung", "Landes\u2060regierung", "Landesregierung\u2063"],
        ["(GDP)", "\u200f(GDP)\u200f", "\u200e(GDP)\u061c"],
    ],
)
def test_spelling_variants_fold_alike(variants: list[str]) -> None:
    assert len({search_form(v) for v in variants}) == 1


def test_search_form_is_idempotent() -> None:
    text = f"می{ZWNJ}شود كتاب ها خانۀ أحمد ۱۲ مُحَمَّد Straße «گونه ای»"
    once = search_form(text)
    assert search_form(once) == once


# ---------------------------------------------------------------------------- FTS5 end to end

ROWS = {
    1: "کتاب ایران در نمایشگاه عرضه می‌شود",
    2: "كتاب ايران في معرض الكتاب",  # Arabic spelling of the same two words
    3: "این نسخه در بازار میشود پیدا کرد",
    4: "گفتند که نسخه تازه می شود",
    5: "کتاب‌های تازه در نمایشگاه",
    6: "کتاب ها را خریدند",
    7: "کتابها روی میز بود",
    8: "قَالَ رَئِيسُ الوُزَرَاءِ إِنَّ الحُكُومَةَ سَتُواصِلُ دَعْمَ المُؤَسَّسَاتِ",
    9: "Die Förderung für Wärmepumpen wird erhöht",
    10: "Bandar Abbas port handles containers; the port is new",
    11: "The ports of Hormozgan and the museum",
}


@pytest.fixture(scope="module")
def db() -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE docs USING fts5(body, tokenize='unicode61 remove_diacritics 2')")
    conn.executemany(
        "INSERT INTO docs(rowid, body) VALUES (?, ?)", [(k, search_form(v)) for k, v in ROWS.items()]
    )
    yield conn
    conn.close()


def search(conn: sqlite3.Connection, query: str) -> set[int]:
    expression = fts_query(query)
    assert expression, f"{query!r} should be searchable"
    return {row[0] for row in conn.execute("SELECT rowid FROM docs WHERE docs MATCH ?", (expression,))}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("كتاب ايران", {1, 2}),  # Arabic spelling finds Persian text ...
        ("کتاب ایران", {1, 2}),  # ... and Persian spelling finds Arabic text
        ("ایران", {1, 2}),
        (f"می{ZWNJ}شود", {1, 3, 4}),
        ("میشود", {1, 3, 4}),
        ("می شود", {1, 3, 4}),
        ("کتاب ها", {6, 7}),
        (f"کتاب{ZWNJ}ها", {6, 7}),
        ("کتابها", {6, 7}),
        ("کتاب*", {1, 2, 5, 6, 7}),  # prefix search also reaches the plurals
        ("رئيس الوزراء", {8}),  # harakat and hamza variants in the indexed text
        ("المؤسسات", {8}),
        ("forderung", {9}),  # Latin accents via unicode61, case via casefold
        ("FÖRDERUNG Wärmepumpen", {9}),
        ('"port handles"', {10}),
        ('"handles port"', set()),  # a phrase keeps its order
        ("port*", {10, 11}),
        ("port -museum", {10}),
        ("port NOT museum", {10}),
        ("museum OR containers", {10, 11}),
        ("hormozgan museum OR nothing", {11}),
        ("کتاب -نمایشگاه", {2}),
        ("کتاب* -نمایشگاه", {2, 6, 7}),
        ("«کتاب ایران»", {1, 2}),
    ],
)
def test_fts_query_finds(db: sqlite3.Connection, query: str, expected: set[int]) -> None:
    assert search(db, query) == expected


HOSTILE = [
    '"',
    '""',
    '"""',
    "(",
    ")",
    "((a",
    "a)",
    "AND",
    "OR",
    "NOT",
    "a AND",
    "OR a",
    "a OR OR b",
    "a NOT NOT b",
    "NEAR(",
    "NEAR(a b",
    "NEAR(a b, 3)",
    "*",
    "a*b",
    "**a",
    "-",
    "-x",
    "--x y",
    "x -",
    "col:x",
    "body:x",
    "{body}: x",
    "^x",
    '"unbalanced',
    'a "b c',
    'a" b',
    "a + b",
    "a:b:c",
    "'single'",
    "x\x00y",
    "\\",
    "port " * 2500,
    "کتاب " * 2500,
    '"(' * 2000,
    "a" * 10_000,
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_raise(db: sqlite3.Connection, query: str) -> None:
    expression = fts_query(query)
    assert isinstance(expression, str)
    if expression:
        db.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", (expression,)).fetchone()


@pytest.mark.parametrize(
    "query", ["", "   ", '"', "()", "*", "-", "AND OR NOT", "!!! ...", "-port", "NOT port", "___"]
)
def test_queries_without_a_searchable_term_give_empty(query: str) -> None:
    assert fts_query(query) == ""


def test_operators_are_not_fts_syntax() -> None:
    expression = fts_query("NEAR(a b) body:x ^c")
    assert expression == '"near(a" AND "b)" AND "body:x" AND "^c"'


def test_long_query_is_capped() -> None:
    expression = fts_query(" ".join(f"w{i}" for i in range(500)))
    assert expression.count(" AND ") == MAX_TERMS - 1
