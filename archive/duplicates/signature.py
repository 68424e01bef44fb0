"""What two articles are compared on: word shingles of the search form, their MinHash and LSH band keys.

The text is compared without its sign-off: trailing lines shorter than SIGN_OFF_WORDS words
("انتهای پیام/", "Reporting by ...", "Follow us on Telegram") are each site's own tail, not the story.
Words are those of `search_form`, so Arabic/Persian letter variants, digits and ZWNJ spellings of one
text give one signature. bench/duplicates.py measured the shingle size and the similarity threshold.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from ..searchform import search_form

if TYPE_CHECKING:
    from datasketch import MinHash

_WORD = re.compile(r"\w+")
#: A last line shorter than this many words is a sign-off, left out of the comparison.
SIGN_OFF_WORDS = 12
#: datasketch's permutation scheme; fixed, so signatures stay comparable across datasketch upgrades.
SCHEME = "affine32"


@dataclass(frozen=True)
class Layout:
    """How text becomes a signature: shingle size, LSH bands x rows (= permutations), seed, minimum words."""

    shingle: int = 1
    bands: int = 23
    rows: int = 7
    seed: int = 1
    min_words: int = 50

    @property
    def num_perm(self) -> int:
        return self.bands * self.rows


def words(text: str | None) -> list[str]:
    """The words of the search form of `text`."""
    return _WORD.findall(search_form(text or ""))


def _lines_words(text: str | None) -> list[list[str]]:
    """The words of each non-empty line of the search form (search_form keeps line breaks)."""
    lines = (_WORD.findall(line) for line in search_form(text or "").splitlines())
    return [line for line in lines if line]


def compared_words(text: str | None) -> list[str]:
    """The words the comparison uses: the text's without the trailing sign-off lines."""
    lines = _lines_words(text)
    while len(lines) > 1 and len(lines[-1]) < SIGN_OFF_WORDS:
        lines.pop()
    return [word for line in lines for word in line]


def shingles(text: str | None, layout: Layout) -> frozenset[str]:
    """The set of `layout.shingle`-word shingles of the compared words; empty for a text under min_words words."""
    lines = _lines_words(text)
    if sum(len(line) for line in lines) < layout.min_words:
        return frozenset()
    while len(lines) > 1 and len(lines[-1]) < SIGN_OFF_WORDS:
        lines.pop()
    tokens = [word for line in lines for word in line]
    size = layout.shingle
    if size == 1:
        return frozenset(tokens)
    if len(tokens) <= size:
        return frozenset([" ".join(tokens)]) if tokens else frozenset()
    return frozenset(" ".join(tokens[i:i + size]) for i in range(len(tokens) - size + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|a ∩ b| / |a ∪ b| (0 for two empty sets)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


@lru_cache(maxsize=8)
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    from datasketch import MinHash  # imported on first use: it takes half a second

    template = MinHash(num_perm=num_perm, seed=seed, scheme=SCHEME)
    permutations: tuple[np.ndarray, np.ndarray] = template.permutations
    return permutations


def minhash(items: frozenset[str], layout: Layout) -> MinHash:
    """The MinHash of a shingle set (permutations generated once per layout)."""
    from datasketch import MinHash

    signature = MinHash(num_perm=layout.num_perm, seed=layout.seed, scheme=SCHEME,
                        permutations=_permutations(layout.num_perm, layout.seed))
    signature.update_batch([item.encode() for item in sorted(items)])
    return signature


def band_keys(signature: MinHash, layout: Layout) -> list[int]:
    """One signed 64-bit key per band: a digest of the band's number and its rows of hash values."""
    values = np.asarray(signature.hashvalues, dtype="<u4")
    keys = []
    for band in range(layout.bands):
        chunk = values[band * layout.rows:(band + 1) * layout.rows].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, salt=band.to_bytes(16, "little")).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def pack_keys(keys: list[int]) -> bytes:
    """Band keys as a blob (8 bytes each, little-endian)."""
    return np.asarray(keys, dtype="<i8").tobytes()


def unpack_keys(blob: bytes) -> list[int]:
    """The band keys `pack_keys` stored."""
    return [int(k) for k in np.frombuffer(blob, dtype="<i8")]
