"""Decide a page's charset from its bytes, headers and meta tags.

Order of evidence (``decode_html``):

1. a byte order mark (UTF-8, UTF-16, UTF-32) is authoritative;
2. pure ASCII needs no decision (the charset reported is the declared one when it is
   ASCII-compatible, else utf-8);
3. bytes that are strictly valid UTF-8 are UTF-8, whatever the labels say: text in a legacy
   single-byte charset essentially never forms valid multi-byte UTF-8 sequences;
4. the declared charsets (HTTP header, then ``<meta charset>`` / ``<meta http-equiv>`` or the
   XML declaration in the first 4 KB), each accepted only if it decodes the bytes strictly *and*
   the result looks like text: a label is a claim to check, since latin-1 and friends decode any
   bytes (windows-1256 Arabic read as latin-1 gives "ÇáÚÑÈíÉ", UTF-8 read as latin-1 "Ø§Ù„");
5. nearly-valid UTF-8 or declared multi-byte text (a few broken bytes in a real UTF-8 page) is
   decoded with U+FFFD and reported not clean: reading it with a single-byte charset would turn
   every other character into mojibake;
6. detection with charset-normalizer, restricted to the charsets news sites actually use, on
   the text between tags, each guess again checked by strict decoding and plausibility.

"Looks like text" (``mojibake_score``) is judged on the non-ASCII words of the decoded text
only (markup and ASCII words say nothing about the charset and would dilute the signal):
charset-normalizer's mess ratio, plus the share of words that mix two alphabets (Latin with
Arabic, Cyrillic, Greek, Hebrew or Thai), which real text never does and a wrong single-byte
charset does all the time ("Fِrderung" is German windows-1252 read as windows-1256). Among
the candidates the lowest score (to two decimals) wins; ties (short samples read "cleanly" in
many charsets) go to the declared charsets, then the usual legacy charset of ``<html lang>``,
then PREFERRED (windows-1256, windows-1252), then charset-normalizer's order (which weighs
language coherence). An undeclared winner whose text windows-1252 decodes identically is
reported as windows-1252. If even the winner looks like mojibake it is returned with
``clean=False``.

Charsets are reported as lowercase WHATWG names (``windows-1256``, ``iso-8859-6``, ``utf-8``,
``shift_jis``, ``gb18030``); as in browsers, ``iso-8859-1``, ``latin1`` and ``ascii`` labels
mean windows-1252.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from itertools import islice

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio
from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
)


@dataclass(frozen=True)
class Decoded:
    """Text decoded from raw bytes, the charset used, and whether decoding was clean.

    ``clean`` is False only when no candidate charset decoded the bytes both strictly and
    plausibly; ``text`` then is the best-effort decode with U+FFFD for the broken bytes.
    """

    text: str
    charset: str
    clean: bool


# Python codec (as w3lib resolves WHATWG labels) -> WHATWG encoding name.
_WHATWG_NAMES = {
    "utf-8": "utf-8",
    "utf-16": "utf-16le",
    "utf-16-le": "utf-16le",
    "utf-16-be": "utf-16be",
    "utf-32-le": "utf-32le",
    "utf-32-be": "utf-32be",
    "cp874": "windows-874",
    "cp866": "ibm866",
    "mac-roman": "macintosh",
    "mac-cyrillic": "x-mac-cyrillic",
    "cp932": "shift_jis",
    "shift_jis": "shift_jis",
    "euc_jp": "euc-jp",
    "iso2022_jp": "iso-2022-jp",
    "cp949": "euc-kr",
    "euc_kr": "euc-kr",
    "big5hkscs": "big5",
    "big5": "big5",
    "gb18030": "gb18030",
    "gbk": "gbk",
    "gb2312": "gbk",
}
# WHATWG name -> Python codec, where Python lacks the name or its codec of that name differs.
_CODECS = {
    "shift_jis": "cp932",
    "euc-kr": "cp949",
    "big5": "big5hkscs",
    "gbk": "gb18030",
    "windows-874": "cp874",
    "x-mac-cyrillic": "mac-cyrillic",
}
# WHATWG labels that neither Python nor w3lib know.
_EXTRA_LABELS = {
    **{f"x-cp125{i}": f"cp125{i}" for i in range(9)},
    "iso-8859-8-i": "iso8859-8",
    "iso-8859-6-i": "iso8859-6",
    "iso-8859-6-e": "iso8859-6",
    "iso-8859-8-e": "iso8859-8",
    "unicode": "utf-16-le",
    "ucs-2": "utf-16-le",
    "windows-874": "cp874",
    "dos-874": "cp874",
    "x-mac-cyrillic": "mac-cyrillic",
    "x-mac-ukrainian": "mac-cyrillic",
    "x-gbk": "gb18030",
    "x-euc-jp": "euc_jp",
}

# What detection may propose: the charsets regional news sites are served in.
_DETECTABLE = [
    "cp1252",
    "cp1256",
    "iso8859_6",
    "iso8859_15",
    "cp1250",
    "iso8859_2",
    "cp1251",
    "koi8_r",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1257",
    "cp1258",
    "cp874",
    "cp932",
    "euc_jp",
    "gb18030",
    "big5",
    "cp949",
]

PLAUSIBLE_SCORE = 0.2  # charset-normalizer's own acceptance threshold for its mess ratio
MAX_BROKEN_SHARE = 0.05  # share of U+FFFD among non-ASCII characters still read as damaged text
_SAMPLE_WORDS = 1500
_TAG_BYTES = re.compile(rb"<[^>]*>")
_NON_ASCII_WORD = re.compile(r"[^\s<>]*[^\x00-\x7f][^\s<>]*")
_ASTRAL = re.compile(r"[^\x00-\uffff]")
# Tie-break after the declared and the <html lang> charsets: the project archives Persian and
# Arabic news first.
PREFERRED = ("windows-1256", "windows-1252")
# The legacy charset that pages in a language were most often served in.
_LANG_CHARSETS = {
    **dict.fromkeys(["fa", "ar", "ur", "ps", "ku", "ckb", "sd", "ug"], "windows-1256"),
    **dict.fromkeys(["cs", "sk", "pl", "hu", "sl", "hr", "bs", "ro", "sq"], "windows-1250"),
    **dict.fromkeys(["ru", "uk", "bg", "be", "sr", "mk", "kk", "ky", "tg"], "windows-1251"),
    **dict.fromkeys(["lt", "lv", "et"], "windows-1257"),
    **dict.fromkeys(["tr", "az"], "windows-1254"),
    "el": "windows-1253",
    "he": "windows-1255",
    "th": "windows-874",
    "vi": "windows-1258",
    "ja": "shift_jis",
    "zh": "gb18030",
    "ko": "euc-kr",
}
_HTML_LANG = re.compile(rb"<html\b[^>]*?\slang\s*=\s*[\"']?([a-zA-Z]{2,3})", re.IGNORECASE)
_SINGLE_BYTE = frozenset(
    ["windows-874", "ibm866", "macintosh", "x-mac-cyrillic", "koi8-r", "koi8-u"]
    + [f"windows-125{i}" for i in range(9)]
    + [f"iso-8859-{i}" for i in range(1, 17)]
)


def _build_script_table() -> list[str | None]:
    """Translate table: letters to one code per alphabet, spaces kept, everything else dropped."""
    table: list[str | None] = [None] * 0x10000
    table[ord(" ")] = " "
    ranges = {
        "L": [(0x41, 0x5A), (0x61, 0x7A), (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x24F), (0x1E00, 0x1EFF)],
        "A": [(0x0620, 0x065F), (0x066E, 0x06D3), (0x06FA, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFEFC)],
        "C": [(0x0400, 0x04FF)],
        "G": [(0x0370, 0x03FF)],
        "H": [(0x05D0, 0x05EA)],
        "T": [(0x0E01, 0x0E5B)],
    }
    for code, spans in ranges.items():
        for first, last in spans:
            for i in range(first, last + 1):
                table[i] = code
    table[0x0670] = "A"  # superscript alef
    return table


_SCRIPTS = _build_script_table()


def normalise_charset(label: str | None) -> str | None:
    """WHATWG name of a charset label (``cp1256`` -> ``windows-1256``), or None if unknown.

    A whole Content-Type value (``text/html; charset=cp1256``) is accepted too.
    """
    if label and ("=" in label or ";" in label or "/" in label):
        label = http_content_type_encoding(label)
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    codec = _EXTRA_LABELS.get(label) or resolve_encoding(label)
    if codec is None:
        return None
    return _whatwg(codec)


def _whatwg(codec: str) -> str:
    """WHATWG name of a Python codec name."""
    codec = codecs.lookup(codec).name
    if codec in _WHATWG_NAMES:
        return _WHATWG_NAMES[codec]
    if re.fullmatch(r"cp125\d", codec):
        return "windows-" + codec[2:]
    if codec.startswith("iso8859-"):
        return "iso-8859-" + codec[8:]
    return codec.replace("_", "-")


def _codec(charset: str) -> str:
    """Python codec that decodes `charset` (a WHATWG name) as browsers do."""
    return _CODECS.get(charset, charset)


def _decode(body: bytes, charset: str, errors: str = "strict") -> str | None:
    try:
        return body.decode(_codec(charset), errors)
    except (UnicodeDecodeError, LookupError):
        return None


def mojibake_score(text: str) -> float:
    """How much `text` looks like a wrong decode: 0 for clean text, above 0.2 for mojibake."""
    words = (m.group() for m in _NON_ASCII_WORD.finditer(text))
    sample = _ASTRAL.sub("", " ".join(islice(words, _SAMPLE_WORDS)).replace("\ufffd", ""))
    if not sample.strip():
        return 0.0
    # URLs and attribute values legitimately glue Latin to other alphabets: leave them out.
    prose = " ".join(w for w in sample.split(" ") if "/" not in w and "=" not in w)
    alphabets = [set(word) for word in prose.translate(_SCRIPTS).split(" ")]
    lettered = [a for a in alphabets if a]
    mixed = sum(1 for a in lettered if len(a) > 1) / len(lettered) if lettered else 0.0
    return float(mess_ratio(sample, maximum_threshold=1.0)) + mixed


def _is_ascii_compatible(charset: str) -> bool:
    return not charset.startswith(("utf-16", "utf-32"))


def declared_charsets(body: bytes, header_charset: str | None = None) -> list[str]:
    """Charsets the page claims: HTTP header first, then meta tag or XML declaration."""
    meta = html_body_declared_encoding(body)
    result: list[str] = []
    for charset in (normalise_charset(header_charset), _whatwg(meta) if meta else None):
        if charset and charset not in result:
            # A UTF-16/32 label on bytes without a BOM (and no NULs) cannot be right.
            if not _is_ascii_compatible(charset) and b"\x00" not in body[:4096]:
                continue
            result.append(charset)
    return result


def _detected(body: bytes) -> list[str]:
    """Charsets charset-normalizer finds for the text between tags, best first."""
    matches = from_bytes(_TAG_BYTES.sub(b" ", body), cp_isolation=_DETECTABLE, preemptive_behaviour=False)
    return [_whatwg(match.encoding) for match in matches]


def _html_lang(body: bytes) -> str | None:
    """Primary language subtag of ``<html lang>`` in the first 4 KB, lowercase."""
    match = _HTML_LANG.search(body[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def _broken_share(text: str) -> float:
    """Share of U+FFFD among the non-ASCII characters of `text`."""
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return text.count("\ufffd") / non_ascii if non_ascii else 1.0


def _damaged(body: bytes, charset: str) -> str | None:
    """Decode of `body` with U+FFFD if `charset` fits all but a few bytes and reads as text."""
    text = _decode(body, charset, "replace")
    if text is None or _broken_share(text) > MAX_BROKEN_SHARE:
        return None
    return text if mojibake_score(text) <= PLAUSIBLE_SCORE else None


class _Candidates:
    """Strict decodes of one body, each scored once."""

    def __init__(self, body: bytes) -> None:
        self.body = body
        self.scored: dict[str, tuple[str, float]] = {}  # charset -> (text, score), in trial order

    def score(self, charset: str) -> float | None:
        """Mojibake score of the strict decode with `charset`, None if it does not decode."""
        if charset not in self.scored:
            text = _decode(self.body, charset)
            if text is None:
                return None
            self.scored[charset] = (text, mojibake_score(text))
        return self.scored[charset][1]

    def decoded(self, charset: str, clean: bool = True, relabel: bool = False) -> Decoded:
        """The strict decode with `charset`; with `relabel`, windows-1252 if that reads the same."""
        text = self.scored[charset][0]
        if relabel and charset in _SINGLE_BYTE and _decode(self.body, "windows-1252") == text:
            charset = "windows-1252"
        return Decoded(text, charset, clean)


def decode_html(body: bytes, header_charset: str | None = None) -> Decoded:
    """Decode an HTML body: BOM, strict UTF-8, declared charset, then detection."""
    bom_codec, bom = read_bom(body)
    if bom_codec and bom:
        charset, payload = _whatwg(bom_codec), body[len(bom) :]
        text = _decode(payload, charset)
        if text is not None:
            return Decoded(text, charset, True)
        return Decoded(payload.decode(_codec(charset), "replace"), charset, False)

    declared = declared_charsets(body, header_charset)
    if body.isascii():
        charset = next((c for c in declared if _is_ascii_compatible(c)), "utf-8")
        return Decoded(body.decode("ascii"), charset, True)
    text = _decode(body, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8", True)

    candidates = _Candidates(body)
    for charset in declared:
        score = candidates.score(charset)
        if score is not None and score <= PLAUSIBLE_SCORE:
            return candidates.decoded(charset)

    for charset in ["utf-8", *(c for c in declared if c not in _SINGLE_BYTE)]:
        if (damaged := _damaged(body, charset)) is not None:
            return Decoded(damaged, charset, False)

    detected = _detected(body)
    # Equal scores (short samples decode "cleanly" in many charsets) go to the declared charset,
    # then the legacy charset of the page's <html lang>, then the project's usual ones.
    hinted = _LANG_CHARSETS.get(_html_lang(body) or "")
    ranked = [*declared, *([hinted] if hinted else []), *PREFERRED, *detected]
    rank = {charset: i for i, charset in reversed(list(enumerate(ranked)))}
    scores = {c: s for c in rank if (s := candidates.score(c)) is not None}
    if scores:
        best = min(scores, key=lambda c: (round(scores[c], 2), rank[c]))
        return candidates.decoded(best, scores[best] <= PLAUSIBLE_SCORE, relabel=best not in declared)
    fallback = declared[0] if declared else "utf-8"
    return Decoded(_decode(body, fallback, "replace") or body.decode("utf-8", "replace"), fallback, False)
