"""Remove the boilerplate that trafilatura leaves around an article body.

Three kinds of rules, all language-agnostic in their logic and driven by ``lexicon``:

* line rules drop single lines anywhere: share/print/short-link buttons, character counters
  ("0 / 200"), follow-us and subscribe calls, photo credits, inline teasers ("Read also: ..."),
  comment-form sentences, lines repeated three times or more (embed placeholders);
* the comment rule cuts from the first comment-area marker (heading, "no comments yet", form
  rules) to the end, when the article body comes before it;
* the section rule drops a "Related"/«آخرین خبرها»/«اقرأ أيضا» heading together with the list of
  short or link-heavy lines that follows it, and trailing runs of link lines without a heading.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from . import lexicon
from .blocks import Line
from .textnorm import fold, line_key

# A line this short is a label or a headline, not a paragraph of the body.
LABEL_MAX = 60
HEADLINE_MAX = 160
TEASER_MAX = 220
# Bylines and datelines are looked for among this many first lines.
LEADING_LINES = 6
# No line rule applies to a longer line (a paragraph of the body).
LINE_RULES_MAX = 300
_SENTENCE_END = tuple(".!?؟。！？…\"”»")
_URL_LINE_RE = re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)
_TEASER_SEP_RE = re.compile(r"^\s*[:：\-–—|»>]+\s*")
_SHORT_LINK_RE = re.compile(r"https?://\S+$")
_ALNUM_RE = re.compile(r"[^\W_]")


@dataclass
class FilterResult:
    """Kept lines and, for each removed line, why."""

    kept: list[Line]
    removed: list[tuple[Line, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The kept lines joined by newlines."""
        return "\n".join(line.text for line in self.kept)

    @property
    def removed_chars(self) -> int:
        """Characters of the removed lines."""
        return sum(len(line.text) for line, _ in self.removed)


def is_utility_line(text: str) -> bool:
    """A share/print/short-link/ad label, possibly several of them run together."""
    key = line_key(text)
    if not key or len(key) > LABEL_MAX:
        return False
    if key in lexicon.UTILITY_LINES or lexicon.CHAR_COUNTER_RE.match(key):
        return True
    parts = [p for p in re.split(r"\s*[|•·/,]\s*|\s{2,}", key) if p]
    if len(parts) > 1 and all(p in lexicon.UTILITY_LINES for p in parts):
        return True
    words = key.split()
    if len(words) > 1 and all(w in lexicon.UTILITY_LINES for w in words):
        return True
    head, _, rest = key.partition(":")
    return bool(rest) and head.strip() in lexicon.UTILITY_LINES and bool(_SHORT_LINK_RE.search(text))


def is_teaser_line(line: Line) -> bool:
    """An inline pointer to another article: "Read also: <headline>" / «اقرأ أيضا: ...»."""
    if len(line.text) > TEASER_MAX:
        return False
    key = line_key(line.text)
    match = lexicon.TEASER_PREFIX_RE.match(key)
    if not match:
        return False
    rest = key[match.end():]
    return bool(rest) and bool(_TEASER_SEP_RE.match(rest) or line.link_density > 0.5)


def is_labelled_list(text: str) -> bool:
    """A "Tags: a, b, c" / «برچسب‌ها: ...» / "Share: ..." line: a section heading, a colon, a short list."""
    if len(text) > TEASER_MAX or text.rstrip().endswith(_SENTENCE_END[:4]):
        return False
    key = line_key(text)
    match = lexicon.HEADING_PREFIX_RE.match(key)
    return match is not None and key[match.end():].lstrip().startswith((":", "："))


def is_comment_marker(text: str) -> bool:
    """A heading, counter or form sentence of a reader-comment area."""
    if len(text) > 300:
        return False
    key = line_key(text)
    if not key:
        return False
    if key in lexicon.COMMENT_MARKERS or lexicon.COMMENT_COUNT_RE.match(key):
        return True
    return lexicon.COMMENT_SENTENCE_INDEX.find(key) is not None


def is_related_heading(line: Line) -> bool:
    """A short heading that opens a list of other articles, tags or share buttons.

    Either the whole line is a lexicon heading, or it starts with a heading of two words or more
    followed by at most four words naming the site or topic ("More from X", «المزيد من X»).
    """
    if len(line.text) > LABEL_MAX:
        return False
    key = line_key(line.text)
    if key in lexicon.RELATED_HEADINGS:
        return True
    if line.text.rstrip().endswith(_SENTENCE_END[:4]):
        return False
    words = key.split()
    for n in (4, 3, 2):
        head = " ".join(words[:n])
        if len(words) > n and len(words) - n <= 4 and head in lexicon.RELATED_HEADINGS:
            return True
    return False


def is_listish(line: Line) -> bool:
    """A line that could belong to a list of headlines or links."""
    if line.link_density >= 0.5:
        return True
    if line.kind == "item" and len(line.text) <= HEADLINE_MAX * 2:
        return True
    return len(line.text) <= HEADLINE_MAX and not line.text.rstrip().endswith(_SENTENCE_END[:4])


def _line_reason(line: Line, repeated: set[str]) -> str | None:
    text = line.text
    if len(text) > LINE_RULES_MAX:
        return None
    if not _ALNUM_RE.search(text):
        return "no-words"
    if is_utility_line(text):
        return "utility"
    if len(text) <= 200 and (
        (lexicon.FOLLOW_TARGET_RE.search(text) and lexicon.FOLLOW_RE.search(text))
        or lexicon.CTA_RE.search(text)
    ):
        return "follow"
    if lexicon.FOLLOW_START_RE.match(text):
        return "follow"
    if len(text) <= 120 and lexicon.CREDIT_RE.search(fold(text).lstrip("([ ")):
        return "credit"
    if len(text) <= 40 and is_comment_marker(text):
        return "comment-label"
    if lexicon.DISCLOSURE_INDEX.find(line_key(text)):
        return "disclosure"
    if _URL_LINE_RE.match(text.strip()):
        return "url"
    if is_teaser_line(line):
        return "teaser"
    if is_labelled_list(text):
        return "label-list"
    if len(text) <= 200 and lexicon.PAYWALL_INDEX.find(line_key(text)):
        return "paywall"
    if line_key(text) in repeated:
        return "repeated"
    return None


def _repeated_keys(lines: Sequence[Line]) -> set[str]:
    """Short label-like paragraphs that occur three times or more (embed and ad placeholders)."""
    counts = Counter(
        line_key(line.text)
        for line in lines
        if line.kind in ("p", "other")
        and 12 <= len(line.text) <= 80
        and not line.text.rstrip().endswith(_SENTENCE_END)
    )
    return {key for key, n in counts.items() if n >= 3 and key}


def _comment_cut(lines: Sequence[Line]) -> int | None:
    """Index from which the rest is the comment area, when the body clearly comes before it."""
    total = sum(len(line.text) for line in lines) or 1
    before = 0
    for i, line in enumerate(lines):
        if i > 0 and is_comment_marker(line.text) and before >= 0.4 * total and before >= 150:
            return i
        before += len(line.text)
    return None


def _section_end(lines: Sequence[Line], start: int) -> int:
    """End (exclusive) of the list that a related-heading at `start` introduces."""
    end = start + 1
    while end < len(lines) and is_listish(lines[end]) and not is_related_heading(lines[end]):
        end += 1
    return end


def _leading_meta_lines(lines: Sequence[Line]) -> list[int]:
    """Bylines, datelines and article ids among the first lines ("By Jane Doe", «کد خبر: ۳۳۴۵»)."""
    found = []
    for i, line in enumerate(lines[:LEADING_LINES]):
        text = line.text.strip()
        if len(text) > LABEL_MAX * 4 // 3 or text.endswith(_SENTENCE_END[:4]):
            continue
        if len(text.split()) > 8:
            continue
        mostly_date = lexicon.DATELINE_RE.search(text) and sum(ch.isalpha() for ch in text) <= len(text) // 2
        if lexicon.META_LINE_RE.match(text) or mostly_date:
            found.append(i)
    return found


def _slideshow_runs(lines: Sequence[Line]) -> list[tuple[int, int]]:
    """Runs of three or more "N/M caption" lines: a picture carousel rendered as text."""
    runs, start = [], None
    for i, line in enumerate([*lines, Line("", "p")]):
        if lexicon.SLIDE_COUNTER_RE.match(line.text):
            start = i if start is None else start
        else:
            if start is not None and i - start >= 3:
                runs.append((start, i))
            start = None
    return runs


def _trailing_links_start(lines: Sequence[Line]) -> int:
    """Start of a run of three or more short link lines that ends the text."""
    i = len(lines)
    while i > 0 and lines[i - 1].link_density >= 0.6 and len(lines[i - 1].text) <= HEADLINE_MAX:
        i -= 1
    return i if len(lines) - i >= 3 else len(lines)


def filter_lines(lines: Sequence[Line]) -> FilterResult:
    """Apply the line, comment and section rules; never empties a text that had a body."""
    removed: list[tuple[Line, str]] = []
    total = sum(len(line.text) for line in lines)
    work = list(lines)

    cut = _comment_cut(work)
    if cut is not None:
        removed.extend((line, "comments") for line in work[cut:])
        work = work[:cut]

    drop: dict[int, str] = {}
    i = 0
    while i < len(work):
        if is_related_heading(work[i]):
            end = _section_end(work, i)
            for j in range(i, end):
                drop[j] = "section"
            i = end
        else:
            i += 1
    trailing = _trailing_links_start([line for j, line in enumerate(work) if j not in drop])
    kept_idx = [j for j in range(len(work)) if j not in drop]
    for j in kept_idx[trailing:]:
        drop[j] = "link-list"

    for j in _leading_meta_lines(work):
        drop.setdefault(j, "byline")
    for start, end in _slideshow_runs(work):
        for j in range(start, end):
            drop.setdefault(j, "slideshow")

    repeated = _repeated_keys(work)
    for j, line in enumerate(work):
        if j not in drop and (reason := _line_reason(line, repeated)):
            drop[j] = reason

    kept = [line for j, line in enumerate(work) if j not in drop]
    kept_chars = sum(len(line.text) for line in kept)
    if total and kept_chars < 0.25 * total and kept_chars < 500:
        # The rules would leave almost nothing: trust trafilatura's body rather than the lexicon.
        return FilterResult(list(lines), [])
    removed.extend((line, drop[j]) for j, line in enumerate(work) if j in drop)
    return FilterResult(kept, removed)
