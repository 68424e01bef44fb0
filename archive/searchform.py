"""Search form of Persian/Arabic/any-script text, shared by the FTS index and every query.

The archive keeps article text as published; the FTS5 index (tokenizer ``unicode61
remove_diacritics 2``) is built on ``search_form(title)`` and ``search_form(text)`` and every
user query goes through ``fts_query``, so both sides are folded by the same function.

Folding choices (each one merges spellings that Persian and Arabic writers use for the same word):

* NFKC: Arabic presentation forms and ligatures become plain letters, full-width Latin becomes
  ASCII, no-break and other spaces become U+0020.
* Arabic yeh ``ي``, alef maksura ``ى`` and yeh with hamza ``ئ`` become Persian yeh ``ی``
  (``رئیس``/``رییس``, ``پائیز``/``پاییز``, ``على``/``علی``); Arabic kaf ``ك`` becomes keheh ``ک``.
* Alef with hamza or madda (``أ إ آ ٱ``) becomes bare ``ا``: Arabic writers routinely drop the
  hamza and Persian writers alternate ``آمریکا``/``امریکا``. Waw with hamza ``ؤ`` becomes ``و``
  (``مؤسسه``/``موسسه``). A word-final hamza after alef is dropped (``اجزاء``/``اجزا``); other
  standalone hamzas are kept, since they are letters of their own.
* Teh marbuta ``ة`` and heh with yeh ``ۀ`` become ``ه``; the ezafe written after a final heh
  (``خانهٔ``, ``خانه‌ی``, ``خانه ی``) is dropped, so all become ``خانه``.
* Persian and Arabic-Indic digits become ASCII digits; the Arabic percent, decimal and thousands
  signs become ``% . ,``.
* Harakat (including shadda, sukun, tanwin), superscript alef, Quranic marks and tatweel are
  removed: unicode61 would otherwise split words at them.
* ZWNJ (and ZWJ, soft hyphen, bidi controls) are removed, and the common detached affixes are
  joined to their word, so ``می‌شود``, ``میشود`` and ``می شود`` all give ``میشود`` and
  ``کتاب‌ها``, ``کتاب ها`` and ``کتابها`` all give ``کتابها``. Joined are the verbal prefixes
  ``می``/``نمی``, the plural ``ها`` (with ``های``, ``هایی`` and possessive endings), the
  comparative and superlative ``تر``/``ترین``, and after a final heh the indefinite ``ای`` and
  the endings ``ام ات اش ایم اید اند``. A zero-width space becomes a space, then the same rules.
* Latin (and any cased script) is casefolded; unicode61 itself removes Latin accents.

Nothing is stemmed: ``کتاب`` does not find ``کتابها``; the user can ask for ``کتاب*``.
"""

from __future__ import annotations

import re
import unicodedata

_YEH, _KEHEH, _HEH, _ALEF, _WAW, _ZWNJ = "\u06cc", "\u06a9", "\u0647", "\u0627", "\u0648", "\u200c"


def _build_table() -> list[str | None]:
    """A translate table indexed by code point over the whole BMP.

    A list answers every lookup directly; a dict would raise and swallow a KeyError for every
    character it does not map, which makes str.translate two to three times slower.
    """
    table: list[str | None] = [chr(i) for i in range(0x10000)]
    for src, dst in (
        ("\u064a\u0649\u0626", _YEH),  # ي ى ئ
        ("\u0643\u06aa", _KEHEH),  # ك ڪ
        ("\u0623\u0625\u0622\u0671\u0672\u0673", _ALEF),  # أ إ آ ٱ ٲ ٳ
        ("\u0624", _WAW),  # ؤ
        ("\u0629\u06c0", _HEH),  # ة ۀ
    ):
        for char in src:
            table[ord(char)] = dst
    for zero in (0x0660, 0x06F0):  # Arabic-Indic and Persian (extended Arabic-Indic) digits
        for i in range(10):
            table[zero + i] = str(i)
    table[0x066A], table[0x066B], table[0x066C] = "%", ".", ","
    removed = [
        *range(0x0610, 0x061B),  # Quranic honorifics and small letters
        *range(0x064B, 0x0660),  # harakat: tanwin, fatha..sukun, shadda, hamza above/below, ...
        0x0670,  # superscript (dagger) alef
        *range(0x06D6, 0x06DD),
        *range(0x06DF, 0x06E5),
        0x06E7,
        0x06E8,
        *range(0x06EA, 0x06EE),  # Quranic annotation marks
        *range(0x08D3, 0x0900),  # Arabic Extended-A marks
        0x0640,  # tatweel
        0x200D,  # ZWJ: only shapes glyphs
        0x00AD,  # soft hyphen
        0x061C,  # Arabic letter mark
        0x200E,
        0x200F,
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),  # bidi marks, embeddings and isolates
        *range(0x2060, 0x2065),  # word joiner, invisible operators
        0xFEFF,  # zero-width no-break space / stray BOM
    ]
    for code in removed:
        table[code] = None
    table[0x200B] = " "  # zero-width space: a word boundary, then the affix rules below apply
    return table


_TABLE = _build_table()

# Arabic-script letters (after the table above has run; marks and tatweel are gone by then).
_L = "[\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff\u0750-\u077f]"
_SP = "[ \t]"
_PLURAL = "ها(?:ی(?:ی|م|ت|ش|مان|تان|شان)?)?"  # ها های هایی هایم ... هایشان
_COMPARATIVE = "تر(?:ین)?"  # تر ترین
_AFTER_HEH = "ا(?:ی(?:م|د)?|م|ت|ش|ند)"  # ای ایم اید ام ات اش اند
# Every alternative matches only what is deleted, so one C-level sub() with "" does all joins.
# Each starts by consuming a ZWNJ, a space or a hamza (lookbehinds come after it), which lets
# the regex engine skip ahead to those characters instead of trying every position.
_JOIN = re.compile(
    # ZWNJ, and with it the ezafe yeh after a final heh: خانه‌ی → خانه, می‌شود → میشود
    f"{_ZWNJ}(?:(?<={_HEH}{_ZWNJ}){_YEH}(?!\\w))?"
    f"|{_SP}(?:"
    # after a final heh: ezafe yeh (خانه ی → خانه), indefinite and endings (گونه ای → گونهای)
    f"(?<={_HEH}{_SP}){_SP}*(?:{_YEH}(?!\\w)|(?=(?:{_AFTER_HEH})(?!\\w)))"
    # plural and comparative: کتاب ها → کتابها, بزرگ تر → بزرگتر
    f"|(?<={_L}{_SP}){_SP}*(?=(?:{_PLURAL}|{_COMPARATIVE})(?!\\w))"
    # verbal prefix: می شود → میشود, نمی شود → نمیشود
    f"|(?:(?<=(?<!\\w)می{_SP})|(?<=(?<!\\w)نمی{_SP})){_SP}*(?={_L})"
    # word-final hamza after alef: اجزاء → اجزا
    f")|\u0621(?<={_ALEF}\u0621)(?!\\w)"
)


def _fold(text: str) -> str:
    """Everything search_form does except casefolding (fts_query needs operators' case)."""
    text = unicodedata.normalize("NFKC", text).translate(_TABLE)
    return _JOIN.sub("", text)


def search_form(text: str) -> str:
    """Return the normalised form under which `text` is indexed and searched."""
    return _fold(text or "").casefold()


MAX_QUERY_CHARS = 1000
MAX_TERMS = 24
# Typographic quotes open and close phrases too; control characters (a NUL would cut the
# expression short inside SQLite) become spaces.
_QUERY_CHARS: dict[int, str] = {ord(c): '"' for c in "\u201c\u201d\u201e\u00ab\u00bb\uff02"}
_QUERY_CHARS.update({c: " " for c in [*range(32), 127]})
_QUERY_TABLE = str.maketrans(_QUERY_CHARS)
_TOKEN = re.compile(r'(?P<neg>-*)"(?P<phrase>[^"]*)(?:"|$)(?P<star>\*?)|(?P<word>[^\s"]+)')
_SEARCHABLE = re.compile(r"[^\W_]")


def _quoted(text: str, prefix: bool) -> str:
    return '"' + text.replace('"', '""') + '"' + (" *" if prefix else "")


def fts_query(query: str) -> str:
    """Turn free user input into a safe FTS5 MATCH expression, or "" when nothing is searchable.

    Supported, on purpose:

    * words: all must occur (AND); each is folded with ``search_form`` and quoted, so FTS5
      keywords, column filters (``col:x``), parentheses, ``NEAR(`` and ``^`` are plain text;
    * ``"quoted phrases"`` (also with “…” or «…»; an unclosed quote runs to the end);
    * a trailing ``*`` on a word or phrase: prefix search on its last token (``کتاب*``);
    * ``-word``, ``-"phrase"`` or ``NOT word``: exclusion; it needs at least one positive term;
    * ``OR`` (upper case) between two terms: either may occur; OR binds tighter than AND, so
      ``a b OR c`` means a AND (b OR c). Upper-case ``AND`` is accepted and ignored.

    Lower-case ``or``/``and``/``not`` are ordinary words. Input is cut to MAX_QUERY_CHARS
    characters and MAX_TERMS terms; terms without a letter or digit are dropped.
    """
    text = _fold((query or "")[:MAX_QUERY_CHARS].translate(_QUERY_TABLE))
    groups: list[list[str]] = []  # AND of ORs
    excluded: list[str] = []
    pending_or = negate_next = False
    terms = 0
    for match in _TOKEN.finditer(text):
        word, negate = match["word"], negate_next or bool(match["neg"])
        if word is None:
            term, prefix = match["phrase"], bool(match["star"])
        elif word in ("OR", "AND", "NOT"):
            pending_or = word == "OR" and bool(groups)
            negate_next = word == "NOT"
            continue
        else:
            stripped = word.lstrip("-")
            negate = negate or len(stripped) < len(word)
            term = stripped.rstrip("*")
            prefix = len(term) < len(stripped)
        negate_next = False
        term = term.casefold()
        if not _SEARCHABLE.search(term):
            continue
        quoted = _quoted(term, prefix)
        if negate:
            excluded.append(quoted)
            pending_or = False
        elif pending_or:
            groups[-1].append(quoted)
            pending_or = False
        else:
            groups.append([quoted])
        terms += 1
        if terms >= MAX_TERMS:
            break
    if not groups:
        return ""
    positive = " AND ".join(g[0] if len(g) == 1 else "(" + " OR ".join(g) + ")" for g in groups)
    if not excluded:
        return positive
    return f"({positive}) NOT ({' OR '.join(excluded)})"
