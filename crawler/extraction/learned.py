"""Boilerplate learned per source: lines that recur across a large share of one site's articles.

Language-agnostic, no lexicon: a line counts as boilerplate only because the same (normalised)
line ends many different articles of the same source («انتهای پیام», a subscription call, a
channel link, a disclaimer). Only whole lines equal to a learned line are removed, so a line that
carries anything of the article's own is never touched. The lead stores the learned table in the
archive per source; this module is the pure part.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Mapping

_DIGITS_RE = re.compile(r"\d+")
_SPACE_RE = re.compile(r"\s+")
_EDGE = " \t-–—|•·*:;,.!?؟،؛»«\"'“”‘’()[]"
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\ufeff\u00ad"), " ")


def normalise_line(line: str) -> str:
    """The key of a line: NFKC, casefolded, digits as 0, zero-widths and runs of spaces as one space."""
    text = unicodedata.normalize("NFKC", line).translate(_ZERO_WIDTH).casefold()
    text = _DIGITS_RE.sub("0", text)
    return _SPACE_RE.sub(" ", text).strip(_EDGE).strip()


def _line_keys(text: str) -> set[str]:
    return {key for line in text.splitlines() if len(key := normalise_line(line)) >= 2}


def learn_boilerplate(
    texts: Iterable[str], *, min_share: float = 0.3, min_count: int = 5
) -> dict[str, int]:
    """Normalised lines found in at least `min_count` articles and `min_share` of all of them, with counts.

    A line repeated inside one article counts once for it: only recurrence across articles matters.
    """
    document_frequency: Counter[str] = Counter()
    articles = 0
    for text in texts:
        articles += 1
        document_frequency.update(_line_keys(text))
    if not articles:
        return {}
    threshold = max(min_count, min_share * articles)
    return {key: n for key, n in document_frequency.most_common() if n >= threshold}


def remove_learned(text: str, learned: Mapping[str, int] | Collection[str]) -> tuple[str, int]:
    """Drop the lines of `text` equal (once normalised) to a learned line; return text and chars removed."""
    keys = {normalise_line(key) for key in learned}
    if not keys:
        return text, 0
    kept: list[str] = []
    removed = 0
    for line in text.splitlines():
        if normalise_line(line) in keys:
            removed += len(line)
        else:
            kept.append(line)
    if not removed:
        return text, 0
    cleaned = "\n".join(kept)
    cleaned = re.sub(r"\n{3,}", "\n\n", cleaned).strip("\n")
    return cleaned, removed
