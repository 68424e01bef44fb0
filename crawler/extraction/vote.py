"""A second opinion from readability, merged block by block into trafilatura's body.

trafilatura runs in fast mode, which skips its own readability comparison (a third of its time);
this module runs the same readability port once and uses it two ways:

* replace: when trafilatura found nothing, far less than readability, or no paragraphs at all,
  readability's body is taken (the rule trafilatura applies itself before it throws the rest away);
* rescue: when neither found anything, the paragraphs of the element holding the most paragraph
  text are taken (broken markup that nests the article inside a navigation menu);
* merge: when both found the same article (most of trafilatura's text is in readability's), the
  blocks readability kept and trafilatura dropped *inside* the shared stretch go back in their
  place, and so does one block right before it (a lead paragraph). Blocks after the shared stretch
  are not taken: that is where related lists, newsletter boxes and comments start.

Every block that comes back still goes through the line post-filter.
"""

from __future__ import annotations

import re
from collections import Counter
from copy import copy
from dataclasses import dataclass

from lxml import etree
from trafilatura.external import sanitize_tree, try_readability
from trafilatura.settings import Extractor

from .blocks import Line, body_lines, lines_weight
from .textnorm import word_weight, words_key

_OPTIONS = Extractor(output_format="txt", comments=False, links=True)
# Both found the same article when this share of trafilatura's words is in readability's text.
SAME_ARTICLE = 0.6
# readability replaces trafilatura's body when it is this many times longer.
REPLACE_RATIO = 2.0
# A lead taken from before the shared stretch has at least this many words and few links.
LEAD_MIN_WORDS = 8
LEAD_MAX_LINK_DENSITY = 0.2
# Only gaps of at most this many blocks inside the shared stretch are filled: a longer run that
# trafilatura dropped is a box of its own (fact box, consent placeholders, a gallery).
MAX_GAP = 2
MAX_LINK_DENSITY = 0.5
# Two blocks are one paragraph written out differently when this share of their words is common.
VARIANT_SHARED = 0.7
VARIANT_MIN_WORDS = 6
# When neither extractor found this many words, the paragraphs of the densest element are taken.
RESCUE_BELOW_WORDS = 40
RESCUE_PARAGRAPH_CHARS = 80
_WORD_RE = re.compile(r"\w+")
_NEVER_ARTICLE = ("aside", "nav", "footer", "figure", "figcaption", "form", "button", "noscript", "iframe",
                  "svg", "select", "template", "img", "picture", "video", "audio")
# selecting the attributes first is a third faster than testing every element's @class
_CAPTIONS = etree.XPath("//@class[contains(., 'caption') or contains(., 'credit')]/..")


@dataclass(frozen=True)
class Vote:
    """The merged lines and what was done: none | replaced | merged | rescued."""

    lines: list[Line]
    action: str
    added: int = 0


def _chars(lines: list[Line]) -> int:
    return sum(len(line.text) for line in lines)


def readability_lines(tree: etree._Element) -> list[Line]:
    """readability's article body for the page (trafilatura's port of readability-lxml), as lines.

    Runs of spaces are squeezed: readability keeps the page's source indentation inside blocks.
    """
    page = copy(tree)  # readability rewrites the tree it reads
    # parts of a page that are never the article: a cheap stand-in for trafilatura's discard rules
    etree.strip_elements(page, *_NEVER_ARTICLE, with_tail=False)
    for caption in _CAPTIONS(page):
        caption.drop_tree()
    body = try_readability(page)
    if body is None or len(body) == 0:
        return []
    converted, _ = sanitize_tree(body, _OPTIONS)
    lines = body_lines(converted)
    for line in lines:
        line.text = " ".join(line.text.split())
    return lines


def _unique(lines: list[Line]) -> list[Line]:
    """The lines whose words occur once: a block repeated down the page is a placeholder or caption."""
    counts = Counter(words_key(line.text) for line in lines)
    return [line for line in lines if counts[words_key(line.text)] == 1]


def _replace(ours: list[Line], theirs: list[Line]) -> bool:
    mine, other = _chars(ours), _chars(theirs)
    if other == 0 or other == mine or mine > REPLACE_RATIO * other:
        return False
    json_like = theirs[0].text.lstrip().startswith("{")
    no_paragraphs = not any(line.kind == "p" for line in ours)
    return mine == 0 or (other > REPLACE_RATIO * mine and not json_like) or (no_paragraphs and other > 500)


def _words(text: str) -> set[str]:
    return set(_WORD_RE.findall(text.casefold()))


def _variant(mine: Line, other: Line) -> bool:
    """Whether `other` is `mine` written out differently: most words shared, neither a mere fragment."""
    a, b = _words(mine.text), _words(other.text)
    if len(a) < VARIANT_MIN_WORDS or len(b) < VARIANT_MIN_WORDS:
        return False
    return len(a & b) >= VARIANT_SHARED * max(len(a), len(b)) and words_key(mine.text) != words_key(other.text)


def _position(keys: list[str], key: str) -> int | None:
    """Index of the first line whose words contain `key` or are contained in it."""
    return next((j for j, k in enumerate(keys) if k and (key in k or k in key)), None)


def merge(ours: list[Line], theirs: list[Line]) -> Vote:
    """Put back the blocks readability has inside (and just before) the stretch both extractions share."""
    if not ours or not theirs:
        return Vote(ours, "none")
    ours_keys = [words_key(line.text) for line in ours]
    theirs_keys = [words_key(line.text) for line in theirs]
    ours_joined, theirs_joined = "".join(ours_keys), "".join(theirs_keys)
    weight = lines_weight(ours) or 1
    shared_weight = sum(
        word_weight(line.text) for line, key in zip(ours, ours_keys, strict=True) if key and key in theirs_joined
    )
    if shared_weight / weight < SAME_ARTICLE:
        return Vote(ours, "none")
    shared = [i for i, key in enumerate(theirs_keys) if key and key in ours_joined]
    if not shared:
        return Vote(ours, "none")
    first, last = shared[0], shared[-1]
    counts = Counter(theirs_keys)
    inserts: dict[int, list[Line]] = {}
    fuller: dict[int, Line] = {}
    anchor, added = -1, 0
    gap: list[Line] = []
    spoiled = False  # the gap holds a repeated block (placeholder, caption) or a link block (related story)
    for i, (line, key) in enumerate(zip(theirs, theirs_keys, strict=True)):
        if not key:
            continue
        variant = next((j for j in (anchor, anchor + 1) if 0 <= j < len(ours) and _variant(ours[j], line)), None)
        if variant is not None:  # the same paragraph, with words trafilatura lost (link text)
            if len(line.text) > len(ours[variant].text) and first <= i <= last:
                fuller[variant] = line
                added += 1
            continue
        if key in ours_joined:
            if gap and not spoiled and len(gap) <= MAX_GAP:
                inserts.setdefault(anchor, []).extend(gap)
                added += len(gap)
            gap, spoiled = [], False
            position = _position(ours_keys, key)
            if position is not None:
                anchor = max(anchor, position)
            continue
        if counts[key] > 1:
            spoiled = True
            continue
        lead = (i == first - 1 and word_weight(line.text) >= LEAD_MIN_WORDS
                and line.link_density <= LEAD_MAX_LINK_DENSITY)
        if lead:  # right before the line the shared stretch starts with (a headline may precede it)
            start = _position(ours_keys, theirs_keys[first])
            inserts.setdefault(anchor if start is None else start - 1, []).append(line)
            added += 1
        elif first < i < last:
            gap.append(line)
            spoiled = spoiled or line.link_density >= MAX_LINK_DENSITY
    if not added:
        return Vote(ours, "none")
    merged = list(inserts.get(-1, []))
    for j, line in enumerate(ours):
        merged.append(fuller.get(j, line))
        merged.extend(inserts.get(j, []))
    return Vote(merged, "merged", added)


def _inside_box(elem: etree._Element, top: etree._Element) -> bool:
    """Whether `elem` sits in a quote, figure or aside below `top`."""
    for ancestor in elem.iterancestors():
        if ancestor is top:
            return False
        if ancestor.tag in ("blockquote", "figure", "aside"):
            return True
    return False


def paragraph_lines(tree: etree._Element) -> list[Line]:
    """Last resort: the paragraphs and headings of the element holding the most paragraph text.

    For pages both extractors give up on, typically broken markup that puts the article inside a
    navigation menu that was never closed.
    """
    scores: Counter[etree._Element] = Counter()
    for p in tree.iter("p"):
        size = len(p.text_content().strip())
        parent = p.getparent()
        if size >= RESCUE_PARAGRAPH_CHARS and parent is not None:
            scores[parent] += size
    if not scores:
        return []
    best = max(scores, key=lambda elem: scores[elem])
    lines = []
    for elem in best.iter("p", "h2", "h3", "h4"):
        if _inside_box(elem, best):
            continue  # embedded posts and boxes
        text = " ".join(elem.text_content().split())
        if text:
            links = sum(len(" ".join(a.text_content().split())) for a in elem.iter("a"))
            lines.append(Line(text, "p" if elem.tag == "p" else "head", min(links, len(text))))
    return lines


def second_opinion(tree: etree._Element, ours: list[Line]) -> Vote:
    """trafilatura's lines checked against readability's: replaced, merged or left alone."""
    theirs = readability_lines(tree)
    if lines_weight([*ours, *theirs]) < RESCUE_BELOW_WORDS:
        rescued = paragraph_lines(tree)
        if lines_weight(rescued) >= RESCUE_BELOW_WORDS:
            return Vote(rescued, "rescued", len(rescued))
    if _replace(ours, _unique(theirs)):
        theirs = _unique(theirs)
        return Vote(theirs, "replaced", len(theirs))
    return merge(ours, theirs)



__all__ = ["Vote", "merge", "readability_lines", "second_opinion"]
