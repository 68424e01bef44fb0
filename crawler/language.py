"""Identify an article's language (ISO 639-1) with a model shipped inside py3langid."""

from __future__ import annotations


def identify_language(text: str, declared: str | None = None) -> str | None:
    """Return the ISO 639-1 code of `text`'s language, or None when it cannot tell."""
    if not text or not text.strip():
        return declared
    import py3langid

    lang, _score = py3langid.classify(text[:5000])
    return str(lang)
