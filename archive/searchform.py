"""Search form of Persian/Arabic/any-script text, shared by the FTS index and every query."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+", re.UNICODE)


def search_form(text: str) -> str:
    """Return the normalised form under which `text` is indexed and searched."""
    text = unicodedata.normalize("NFKC", text or "")
    text = text.replace("\u064a", "\u06cc").replace("\u0649", "\u06cc").replace("\u0643", "\u06a9")
    return text.casefold()


def fts_query(query: str) -> str:
    """Turn free user input into a safe FTS5 MATCH expression (every term quoted)."""
    terms = _WORD.findall(search_form(query))
    return " ".join(f'"{t}"' for t in terms)
