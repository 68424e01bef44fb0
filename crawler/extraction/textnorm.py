"""Normalise short lines so that one lexicon entry matches its spelling variants in any script."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Arabic-script variants: hamza-carrying alefs, Arabic yeh / kaf / teh marbuta / alef maqsura.
_FOLD_TABLE: dict[int, str | None] = {
    ord(k): v
    for k, v in {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
        "ي": "ی", "ى": "ی", "ئ": "ی",
        "ك": "ک", "ة": "ه", "ؤ": "و",
        "\u0640": None,  # tatweel
        "\u200c": " ", "\u200d": None, "\u200e": None, "\u200f": None, "\ufeff": None, "\u00ad": None,
    }.items()
}
# Arabic-script vowel signs and Quranic marks, Hebrew points: dropped, so «أيضاً» matches «ایضا».
for _start, _end in ((0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED), (0x0591, 0x05C7)):
    for _cp in range(_start, _end + 1):
        _FOLD_TABLE[_cp] = None
_SPACE_RE = re.compile(r"\s+")
_EDGE_PUNCT = " \t:：;،؛,.。!！?？؟-–—|/\\»«\"'“”‘’()[]{}<>…·•*#>+"


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Casefold, drop Arabic/Hebrew vowel marks and joiners, unify Arabic-script letters and spaces."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_FOLD_TABLE)
    return _SPACE_RE.sub(" ", text).strip()


@lru_cache(maxsize=8192)
def line_key(text: str) -> str:
    """The folded line without punctuation, bullets or digits-only decorations at its ends."""
    return fold(text).strip(_EDGE_PUNCT).strip()


_WORD_RE = re.compile(r"\w+")


def words_key(text: str) -> str:
    """The text's words run together, case and compatibility forms folded: equal for the same words
    however the page spaced, punctuated or marked them up."""
    return "".join(_WORD_RE.findall(unicodedata.normalize("NFKC", text).casefold()))


_UNSPACED_RE = re.compile(
    r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]"
)


def word_weight(text: str) -> float:
    """Rough word count in any script: space-separated words, plus half a word per CJK/Thai character."""
    unspaced = len(_UNSPACED_RE.findall(text))
    return len(text.split()) + unspaced / 2
