"""A second opinion from the publisher itself: the schema.org ``articleBody`` that many pages embed.

When a page's JSON-LD carries the article text, it is used two ways:

* recall: if trafilatura found much less text than the publisher declares, the declared text is
  taken instead (trafilatura missed part of the body: a split layout, a lazy-loaded half);
* precision: once the declared body has begun, extracted lines that share few words with it are
  boilerplate trafilatura took in (related-article boxes, app and newsletter promotions, notices).

A declared text much shorter than the extraction is a summary, not the body, and is ignored.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from .blocks import Line, lines_weight
from .textnorm import word_weight

_WORD_RE = re.compile(r"\w+")
# The declared text replaces the extraction when it is this much longer (and long enough).
REPLACE_RATIO = 1.25
REPLACE_MIN_WORDS = 60
# The declared text is a usable reference for trimming when it is at least this share of the extraction.
REFERENCE_MIN_RATIO = 0.6
# A line is "covered" when this share of its words occurs in the declared text.
COVERED = 0.5
# Lines before the declared body that survive a replacement (headline, lead), at most.
HEAD_LINES = 2
PARAGRAPH_WORDS = 15


@dataclass
class ReferenceResult:
    """Lines after consulting the declared body, and what was done."""

    lines: list[Line]
    removed: list[Line]
    action: str  # none | replaced | trimmed


def declared_text(value: object) -> str | None:
    """The text of a JSON-LD ``articleBody`` (which may hold escaped HTML), one paragraph per line."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value
    if "<" in text and ">" in text:
        try:
            fragment = lxml_html.fragment_fromstring(text, create_parent="div")
        except (etree.ParserError, ValueError):
            fragment = None
        if fragment is not None:
            for br in fragment.iter("br"):
                br.tail = "\n" + (br.tail or "")
            for block in fragment.iter("p", "div", "h2", "h3", "h4", "li", "blockquote"):
                block.tail = "\n" + (block.tail or "")
            text = fragment.text_content()
    text = html.unescape(text)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line) or None


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD_RE.findall(text)]


def _coverage(line: Line, vocabulary: set[str]) -> float:
    words = _words(line.text)
    return sum(1 for w in words if w in vocabulary) / len(words) if words else 1.0


def consult(lines: list[Line], declared: str | None) -> ReferenceResult:
    """Replace or trim the extracted lines using the publisher's declared article text."""
    if not declared:
        return ReferenceResult(lines, [], "none")
    ours, theirs = lines_weight(lines), word_weight(declared)
    if theirs >= REPLACE_MIN_WORDS and theirs >= REPLACE_RATIO * ours:
        kept_head: list[Line] = []
        vocabulary = set(_words(declared))
        # keep the headline and lead that precede the first paragraph of the declared body
        for line in lines[:HEAD_LINES]:
            if word_weight(line.text) >= PARAGRAPH_WORDS and _coverage(line, vocabulary) >= COVERED:
                break
            kept_head.append(line)
        replaced = [Line(text, "p") for text in declared.splitlines()]
        return ReferenceResult(kept_head + replaced, lines, "replaced")
    if theirs < REFERENCE_MIN_RATIO * ours or not lines:
        return ReferenceResult(lines, [], "none")
    vocabulary = set(_words(declared))
    coverage = [_coverage(line, vocabulary) for line in lines]
    first = next((i for i, c in enumerate(coverage) if c >= COVERED), None)
    if first is None:
        return ReferenceResult(lines, [], "none")
    # headline, lead and byline before the declared body stay; after it, only declared lines do
    after = list(zip(lines[first + 1:], coverage[first + 1:], strict=True))
    kept = lines[: first + 1] + [line for line, c in after if c >= COVERED]
    removed = [line for line, c in after if c < COVERED]
    return ReferenceResult(kept, removed, "trimmed" if removed else "none")
