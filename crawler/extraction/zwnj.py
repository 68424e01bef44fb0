"""Keep zero-width joiners and other invisible format characters through trafilatura.

trafilatura's ``utils.remove_control_characters`` (called from ``line_processing``/``sanitize``
on every text node, and from ``baseline``) keeps only ``str.isprintable()`` characters, and
U+200C ZERO WIDTH NON-JOINER / U+200D ZERO WIDTH JOINER are format characters (category Cf), so
``بهره‌برداری`` comes out as ``بهرهبرداری``. Private-use characters are not printable either, so
the guard swaps each joiner for a printable *letter* of a rarely used script (one character for
one, so lengths and word boundaries stay the same) that does not occur in the page, and swaps it
back in every string that comes out of the extraction.

The same loss hits the other format characters publishers put in running text: soft hyphens
(German and Dutch hyphenation points), the bidi marks LRM/RLM/ALM that keep mixed Persian or
Arabic and Latin text in order, the word joiner and the invisible math operators (some recipe and
blog CMSs end lines with U+2063). An archive keeps the text as published, so they are kept too;
the search form (``archive.searchform``) drops them, so they never split a word in the index.
"""

from __future__ import annotations

from dataclasses import dataclass

PROTECTED = (
    "\u200c",  # ZERO WIDTH NON-JOINER
    "\u200d",  # ZERO WIDTH JOINER
    "\u00ad",  # SOFT HYPHEN
    "\u200e",  # LEFT-TO-RIGHT MARK
    "\u200f",  # RIGHT-TO-LEFT MARK
    "\u061c",  # ARABIC LETTER MARK
    "\u2060",  # WORD JOINER
    "\u2061", "\u2062", "\u2063", "\u2064",  # invisible function application, times, separator, plus
)
# Bamum letters: printable, category Lo, no case or compatibility mappings, unused in news text.
_CANDIDATES = tuple(chr(cp) for cp in range(0xA6A0, 0xA6E6))


@dataclass(frozen=True)
class ZeroWidthGuard:
    """A reversible mapping from protected joiners to placeholder letters absent from one page."""

    mapping: tuple[tuple[str, str], ...] = ()

    @classmethod
    def for_text(cls, text: str) -> ZeroWidthGuard:
        """Choose placeholders for the joiners that occur in `text` (none when there is nothing to do)."""
        needed = [ch for ch in PROTECTED if ch in text]
        if not needed:
            return cls()
        free = (c for c in _CANDIDATES if c not in text)
        pairs = []
        for ch in needed:
            placeholder = next(free, None)
            if placeholder is None:
                return cls()  # pathological page that uses every candidate: leave it alone
            pairs.append((ch, placeholder))
        return cls(tuple(pairs))

    def protect(self, text: str) -> str:
        """Replace the joiners by their placeholders."""
        for ch, placeholder in self.mapping:
            text = text.replace(ch, placeholder)
        return text

    def restore(self, text: str | None) -> str | None:
        """Put the joiners back (None stays None)."""
        if text is None:
            return None
        for ch, placeholder in self.mapping:
            text = text.replace(placeholder, ch)
        return text

    def restore_all(self, texts: list[str]) -> list[str]:
        """Restore every string of a list."""
        return [self.restore(t) or "" for t in texts] if self.mapping else texts
