"""Keep zero-width joiners through trafilatura, which drops every non-printable character.

trafilatura's ``utils.remove_control_characters`` (called from ``line_processing``/``sanitize``
on every text node, and from ``baseline``) keeps only ``str.isprintable()`` characters, and
U+200C ZERO WIDTH NON-JOINER / U+200D ZERO WIDTH JOINER are format characters (category Cf), so
``بهره‌برداری`` comes out as ``بهرهبرداری``. Private-use characters are not printable either, so
the guard swaps each joiner for a printable *letter* of a rarely used script (one character for
one, so lengths and word boundaries stay the same) that does not occur in the page, and swaps it
back in every string that comes out of the extraction.
"""

from __future__ import annotations

from dataclasses import dataclass

PROTECTED = ("\u200c", "\u200d")  # ZWNJ, ZWJ
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
