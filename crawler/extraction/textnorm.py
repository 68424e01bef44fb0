"""Normalise short lines so that one lexicon entry matches its spelling variants in any script."""

from __future__ import annotations

import re
import unicodedata

# Arabic-script variants: hamza-carrying alefs, Arabic yeh / kaf / teh marbuta / alef maqsura.
_ARABIC_FOLD = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
        "ي": "ی", "ى": "ی", "ئ": "ی",
        "ك": "ک", "ة": "ه", "ؤ": "و",
        "\u0640": None,  # tatweel
        "\u200c": " ", "\u200d": None, "\u200e": None, "\u200f": None, "\ufeff": None, "\u00ad": None,
    }
)
_SPACE_RE = re.compile(r"\s+")
_EDGE_PUNCT = " \t:：;،؛,.。!！?？؟-–—|/\\»«\"'“”‘’()[]{}<>…·•*#>+"


def fold(text: str) -> str:
    """Casefold, drop combining marks and joiners, unify Arabic-script letters and spaces."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_ARABIC_FOLD)
    if any(unicodedata.combining(ch) for ch in text):
        text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
        text = unicodedata.normalize("NFC", text)
    return _SPACE_RE.sub(" ", text).strip()


def line_key(text: str) -> str:
    """The folded line without punctuation, bullets or digits-only decorations at its ends."""
    return fold(text).strip(_EDGE_PUNCT).strip()


_UNSPACED_RE = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def word_weight(text: str) -> float:
    """Rough word count in any script: space-separated words, plus half a word per CJK/Thai character."""
    unspaced = len(_UNSPACED_RE.findall(text))
    return len(text.split()) + unspaced / 2
