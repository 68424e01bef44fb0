"""Identify an article's language (ISO 639-1) with a model shipped inside py3langid.

Steps (``identify_language``):

1. Normalise: NFKC (Arabic presentation forms), Arabic ``ي ك ى`` folded to Persian ``ی ک ی``
   (Persian typed on Arabic keyboards is otherwise taken for Arabic, Egyptian Arabic or Pashto;
   Arabic text stays Arabic after the fold), harakat and tatweel removed, URLs, e-mail
   addresses, digits and punctuation dropped. Only the first MAX_CHARS characters are used.
2. Rank every language with py3langid's calibrated probabilities (``norm_probs``); its regional
   and script variants are merged into one ISO 639-1 code (``ary``/``arz`` -> ``ar``, ``sdh``
   (Southern Kurdish, incl. Sorani-like text) -> ``ku``, ``uzs`` -> ``uz``, ``yue``/``wuu`` ->
   ``zh``). Labels without a 639-1 code are returned as their 639-3 code (e.g. ``ace``).
3. A declared language (of the source or the page, ``fa-IR``, ``fas`` and ``per`` all work) is
   kept when it is written in the text's alphabet and either the text is short (fewer than
   SHORT_TEXT letters, where the model is unreliable) or the model finds it plausible: among the
   top DECLARED_TOP candidates with at least DECLARED_MIN_PROB.
4. Otherwise the model's best language, if its probability reaches MIN_PROB; else None.
"""

from __future__ import annotations

import io
import lzma
import re
import unicodedata
from array import array
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

MAX_CHARS = 4000
SHORT_TEXT = 40  # letters
DECLARED_TOP = 3
DECLARED_MIN_PROB = 0.05
MIN_PROB = 0.3

# py3langid labels -> ISO 639-1 (variants and macrolanguage members); "zxx" is no language.
_LABELS = {
    "ary": "ar",
    "arz": "ar",
    "sdh": "ku",
    "ckb": "ku",
    "kmr": "ku",
    "uzs": "uz",
    "yue": "zh",
    "wuu": "zh",
    "gug": "gn",
    "fuv": "ff",
    "kik": "ki",
    "hbo": "he",
    "nb": "no",
}
# ISO 639-2/3 codes a source may declare -> ISO 639-1.
_DECLARED = {
    "fas": "fa",
    "per": "fa",
    "prs": "fa",  # Dari
    "pes": "fa",
    "ara": "ar",
    "arb": "ar",
    "urd": "ur",
    "pus": "ps",
    "pbt": "ps",
    "kur": "ku",
    "ckb": "ku",
    "kmr": "ku",
    "sdh": "ku",
    "eng": "en",
    "deu": "de",
    "ger": "de",
    "fra": "fr",
    "fre": "fr",
    "spa": "es",
    "tur": "tr",
    "rus": "ru",
    "aze": "az",
    "azb": "az",
    "tgk": "tg",
    "heb": "he",
    "zho": "zh",
    "chi": "zh",
    "nob": "no",
    "nb": "no",
}

_ARABIC_SCRIPT = frozenset({"fa", "ar", "ur", "ps", "ku", "ug", "sd", "uz", "az"})
_CYRILLIC = frozenset({"ru", "uk", "bg", "be", "mk", "sr", "kk", "ky", "tg", "mn", "tt", "ba", "uz", "az"})
_ALPHABETS = {
    "arabic": re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f]"),
    "cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "latin": re.compile(r"[A-Za-z\u00c0-\u024f]"),
}

_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)
_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_NOT_LETTER = re.compile(r"[^\w\s\u200c]|[\d_]")
_FOLD = str.maketrans({"\u064a": "\u06cc", "\u0643": "\u06a9", "\u0649": "\u06cc"})


@cache
def _identifier() -> LanguageIdentifier:
    """The model, loaded once per process (about half a second) from py3langid's wheel, in memory.

    py3langid's own loader decompresses the model into a temporary file; a crawl whose disk or
    file-size limit is tight would then fail on every article, so it is decompressed in memory.
    """
    path = Path(MODEL_FILE) if Path(MODEL_FILE).is_absolute() else MODEL_DIR / MODEL_FILE
    with lzma.open(path) as src, np.load(io.BytesIO(src.read()), allow_pickle=False) as data:
        return LanguageIdentifier(
            np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(),
            _uint_array(data["nextmove"]), data["out_feat"].tolist(), norm_probs=True,
            tk_row=_uint_array(data["nextmove_row"]))


def _uint_array(values: Any) -> array[int]:
    """A NumPy unsigned int array as the stdlib array py3langid's tokenizer indexes."""
    out = array({2: "H", 4: "I", 8: "L"}[values.dtype.itemsize])
    out.frombytes(np.ascontiguousarray(values).tobytes())
    return out


# Letters Persian uses and Arabic does not: پ چ ژ گ and Persian yeh/keheh.
_PERSIAN_ONLY = re.compile("[\u067e\u0686\u0698\u06af\u06cc\u06a9]")


def normalise_for_identification(text: str) -> str:
    """Text as the model should see it: letters and spaces only, Arabic-script letters folded."""
    text = unicodedata.normalize("NFKC", text[: MAX_CHARS * 2])
    text = _URL.sub(" ", text)
    text = _MARKS.sub("", text)
    if _PERSIAN_ONLY.search(text):  # Persian written with Arabic ي/ك; Arabic itself is left alone
        text = text.translate(_FOLD)
    text = _NOT_LETTER.sub(" ", text)
    return " ".join(text.split())[:MAX_CHARS]


def iso639_1(code: str | None) -> str | None:
    """ISO 639-1 code of a language tag or code (``fa-IR``, ``fas``, ``ary`` -> fa, fa, ar)."""
    if not code:
        return None
    primary = re.split(r"[-_\s]", code.strip().lower(), maxsplit=1)[0]
    if not primary.isalpha():
        return None
    return _DECLARED.get(primary) or _LABELS.get(primary) or primary


def rank_languages(text: str) -> list[tuple[str, float]]:
    """ISO 639-1 codes with probabilities for already normalised `text`, most likely first."""
    merged: dict[str, float] = {}
    for label, prob in _identifier().rank(text):
        if label != "zxx":
            code = _LABELS.get(label, label)
            merged[code] = merged.get(code, 0.0) + prob
    return sorted(merged.items(), key=lambda item: item[1], reverse=True)


def _alphabet(text: str) -> tuple[str | None, int]:
    """The alphabet most letters of `text` are in, and the number of letters counted."""
    counts = {name: len(pattern.findall(text)) for name, pattern in _ALPHABETS.items()}
    letters = sum(1 for c in text if c.isalpha())
    best = max(counts, key=lambda name: counts[name])
    return (best if counts[best] * 2 > letters else None), letters


def _written_in(language: str, alphabet: str | None) -> bool:
    """False when `language` is known not to be written in `alphabet`."""
    if alphabet == "arabic":
        return language in _ARABIC_SCRIPT
    if alphabet == "cyrillic":
        return language in _CYRILLIC
    if alphabet == "latin":
        return language not in (_ARABIC_SCRIPT | _CYRILLIC) or language in {"ku", "uz", "az", "tt"}
    return True  # mixed, or an alphabet not tracked here: nothing contradicts the declaration


def identify_language(text: str, declared: str | None = None) -> str | None:
    """Return the ISO 639-1 code of `text`'s language, or None when it cannot tell."""
    cleaned = normalise_for_identification(text or "")
    alphabet, letters = _alphabet(cleaned)
    if not letters:
        return None
    declared_code = iso639_1(declared)
    trusted = declared_code if declared_code and _written_in(declared_code, alphabet) else None
    if trusted and letters < SHORT_TEXT:
        return trusted
    ranked = rank_languages(cleaned)
    if trusted and any(code == trusted and prob >= DECLARED_MIN_PROB for code, prob in ranked[:DECLARED_TOP]):
        return trusted
    best, prob = ranked[0]
    return best if prob >= MIN_PROB else None
