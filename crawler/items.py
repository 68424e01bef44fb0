"""What the spider hands to the archive pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class ArticleItem:
    """An extracted article and the capture it came from."""

    source: str
    article: dict[str, Any]
    capture: dict[str, Any]
    frontier_url: str
    line_keys: dict[str, str] = field(default_factory=dict)  # counted for learned boilerplate if new


@dataclass
class CaptureItem:
    """A fetch that produced no article: a non-article page, a failure, an extraction failure."""

    source: str
    capture: dict[str, Any]
    frontier_url: str | None = None
    frontier_state: str | None = None
