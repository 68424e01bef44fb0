"""Size and time budgets that keep one pathological page from stalling the crawler.

Three guards, cheapest first:

* before parsing, the decoded page may not exceed ``max_chars`` once ``<script>``/``<style>``
  blocks (often megabytes of inline JSON) are dropped;
* after parsing (lxml, linear time), the tree may not hold more than ``max_elements`` elements,
  nor reach ``max_depth`` levels (libxml2 silently truncates nesting beyond 255 levels, so such a
  tree has already lost text);
* the whole extraction runs under a wall-clock ``seconds`` deadline. In the main thread it is a
  real interruption (``SIGALRM`` via ``setitimer``, chained with any timer the caller already has);
  elsewhere, where signals cannot be used, the deadline is checked between the stages.
"""

from __future__ import annotations

import re
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType
from typing import Any

_SCRIPT_STYLE_RE = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


class BudgetExceeded(Exception):
    """The page is too big or too deeply nested."""


class TimeBudgetExceeded(BaseException):
    """Extraction took too long (a BaseException, so no ``except Exception`` in a library swallows it)."""


@dataclass(frozen=True)
class Budget:
    """Limits for extracting one page."""

    max_chars: int = 6_000_000
    max_elements: int = 60_000
    max_depth: int = 200
    seconds: float = 10.0


DEFAULT_BUDGET = Budget()


def check_size(html: str, budget: Budget) -> str:
    """Return the page (without scripts and styles if it was too long), or raise BudgetExceeded."""
    if len(html) <= budget.max_chars:
        return html
    if len(html) > 8 * budget.max_chars:
        raise BudgetExceeded(f"page too large: {len(html)} characters")
    stripped = _SCRIPT_STYLE_RE.sub("", html)
    if len(stripped) > budget.max_chars:
        raise BudgetExceeded(f"page too large: {len(stripped)} characters without scripts")
    return stripped


def check_tree(tree: Any, budget: Budget) -> None:
    """Raise BudgetExceeded when a parsed tree is too large or too deeply nested."""
    count = int(tree.xpath("count(//*)"))
    if count > budget.max_elements:
        raise BudgetExceeded(f"too many elements: {count} (limit {budget.max_elements})")
    if tree.xpath("/".join(["*"] * budget.max_depth)):
        raise BudgetExceeded(f"nesting deeper than {budget.max_depth} levels")


class Deadline:
    """A point in time after which extraction gives up."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.start = time.monotonic()

    def check(self, stage: str) -> None:
        """Raise BudgetExceeded if the deadline has passed (used between stages)."""
        elapsed = time.monotonic() - self.start
        if elapsed > self.seconds:
            raise TimeBudgetExceeded(f"time budget of {self.seconds:g}s exceeded after {stage}")


def _raise_budget(signum: int, frame: FrameType | None) -> None:
    raise TimeBudgetExceeded("time budget exceeded")


@contextmanager
def deadline(seconds: float) -> Iterator[Deadline]:
    """Run a block under a wall-clock budget; interrupts it with SIGALRM where that is possible."""
    dl = Deadline(seconds)
    usable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and seconds > 0
    )
    if not usable:
        yield dl
        return
    outer_remaining, _interval = signal.getitimer(signal.ITIMER_REAL)
    if outer_remaining and outer_remaining <= seconds:
        yield dl  # an outer timer fires first anyway: leave it in charge
        return
    previous = signal.signal(signal.SIGALRM, _raise_budget)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield dl
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_remaining:
            left = outer_remaining - (time.monotonic() - dl.start)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001))
