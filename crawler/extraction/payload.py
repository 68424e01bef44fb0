"""Article text that a script-rendered page carries only in its inline data (Next.js, Nuxt, React Query).

Such pages ship an empty shell plus a JSON payload in a <script>; the article is one long string
field of it, often escaped HTML. The recovery looks at every long JSON string literal of the inline
scripts and keeps the one that reads most like article prose: many words, several sentences, and
few characters of code or markup left once its HTML is rendered. It is consulted only when the
extraction found (almost) nothing and the page declares no JSON-LD articleBody.
"""

from __future__ import annotations

import json
import re

from lxml import etree

from .reference import declared_text
from .textnorm import word_weight

# A JSON string literal of at least this many characters (escapes included) is worth decoding.
MIN_LITERAL_CHARS = 600
# The recovered text must have this many words and sentence ends to count as an article.
MIN_WORDS = 80
MIN_SENTENCES = 4
# At most this share of the rendered text may be code-like characters.
MAX_CODE_SHARE = 0.02
_STRING_RE = re.compile(r'"(?:[^"\\\n]|\\.){' + str(MIN_LITERAL_CHARS) + ',}"')
_SENTENCE_END_RE = re.compile(r"[.!?؟。！？](?:\s|$)")
_CODE_CHARS_RE = re.compile(r"[{}\[\]<>=;\\|_$]")
_PLACEHOLDER_RE = re.compile(r"\$\$[A-Z0-9_]+\$\$|\{\{[^{}\n]{1,40}\}\}")  # template slots ($$AD$$, {{ad}})
_NOT_PROSE_PREFIXES = ("http://", "https://", "data:", "{", "[")


def _prose(text: str) -> bool:
    if text.startswith(_NOT_PROSE_PREFIXES) or word_weight(text) < MIN_WORDS:
        return False
    if len(_SENTENCE_END_RE.findall(text)) < MIN_SENTENCES:
        return False
    return len(_CODE_CHARS_RE.findall(text)) <= MAX_CODE_SHARE * len(text)


def payload_text(tree: etree._Element) -> str | None:
    """The longest prose-like string of the page's inline script data, one paragraph per line."""
    best, best_weight = None, 0.0
    for script in tree.iter("script"):
        code = script.text or ""
        if script.get("src") or len(code) < MIN_LITERAL_CHARS:
            continue
        for match in _STRING_RE.finditer(code):
            try:
                value = json.loads(match.group(0))
            except ValueError:
                continue
            text = declared_text(_PLACEHOLDER_RE.sub("", value) if isinstance(value, str) else value)
            if text is None or not _prose(text):
                continue
            weight = word_weight(text)
            if weight > best_weight:
                best, best_weight = text, weight
    return best
