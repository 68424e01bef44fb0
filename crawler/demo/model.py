"""Pages, sites and article records of the offline demo sources."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any
from urllib.parse import quote

DISCOVERY_PATHS = frozenset({"feed", "sitemap", "listing"})


@dataclass(frozen=True)
class Page:
    """One HTTP response of a demo site."""

    status: int
    headers: dict[str, str]
    body: bytes


class Site(dict[str, Page]):
    """A demo site: decoded path (with query) → Page, plus the page served for unknown paths."""

    def __init__(self, base_url: str, pages: Mapping[str, Page] | None = None, not_found: Page | None = None):
        super().__init__(pages or {})
        self.base_url = base_url
        self.not_found = not_found or Page(404, {"Content-Type": "text/plain; charset=utf-8"}, b"Not Found")

    def lookup(self, path: str) -> Page:
        """The page for `path`; unknown query strings are ignored, as CMSs do; else the 404 page."""
        if path in self:
            return self[path]
        return self.get(path.split("?", 1)[0], self.not_found)


@dataclass(frozen=True)
class Comment:
    """A reader comment shown under an article (never part of its text)."""

    author: str
    date: str
    text: str


@dataclass(frozen=True)
class ArticleRecord:
    """One demo article with the facts a crawl of its page must recover.

    Snippets are whitespace-collapsed (`" ".join(text.split())`): `body_snippets` must be in the
    extracted text, `boilerplate_snippets` (comments, comment form, lists, footer) must not.
    `published` is ISO 8601: a date alone where the page gives no time, else with its UTC offset.
    """

    source: str
    key: str
    path: str
    lang: str
    section: str
    title: str
    lead: str
    paragraphs: tuple[str, ...]
    author: str
    tags: tuple[str, ...]
    published_print: str
    published: str
    modified: str | None
    discovery: frozenset[str]
    jsonld: bool
    charset: str
    kicker: str = ""
    caption: str = ""
    comments: tuple[Comment, ...] = ()
    body_snippets: tuple[str, ...] = ()
    boilerplate_snippets: tuple[str, ...] = field(default=())

    def url(self, base_url: str) -> str:
        """The article's absolute URL on a site served at `base_url`, percent-encoded as UTF-8."""
        return base_url.rstrip("/") + quote(self.path, safe="/?=&-._~")


def load_content(source: str) -> dict[str, Any]:
    """The parsed content file of one demo source."""
    text = resources.files(__package__).joinpath("content", f"{source}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def collapse(text: str) -> str:
    """Whitespace-collapsed text, the form snippets are given in."""
    return " ".join(text.split())


def default_body_snippets(paragraphs: tuple[str, ...], words: int = 7) -> tuple[str, ...]:
    """A run of words from the first, middle and last non-empty paragraphs."""
    filled = [collapse(p) for p in paragraphs if p.strip()]
    picked = dict.fromkeys([filled[0], filled[len(filled) // 2], filled[-1]])
    return tuple(" ".join(p.split()[1 : 1 + words]) for p in picked)


def make_record(source: str, raw: Mapping[str, Any], path: str, lang: str) -> ArticleRecord:
    """An ArticleRecord from a content-file entry; boilerplate snippets are filled in by the renderer."""
    paragraphs = tuple(raw["paragraphs"])
    discovery = frozenset(raw.get("discovery", DISCOVERY_PATHS))
    if not discovery or not discovery <= DISCOVERY_PATHS:
        raise ValueError(f"{source} {raw['id']}: bad discovery {sorted(discovery)}")
    return ArticleRecord(
        source=source,
        key=str(raw["id"]),
        path=path,
        lang=raw.get("lang", lang),
        section=raw["section"],
        title=raw["title"],
        lead=raw.get("lead", ""),
        paragraphs=paragraphs,
        author=raw.get("author", ""),
        tags=tuple(raw.get("tags", ())),
        published_print=raw["published_print"],
        published=raw["published"],
        modified=raw.get("modified"),
        discovery=discovery,
        jsonld=raw.get("jsonld", True),
        charset=raw.get("charset", "utf-8"),
        kicker=raw.get("kicker", ""),
        caption=raw.get("caption", ""),
        comments=tuple(Comment(**c) for c in raw.get("comments", ())),
        body_snippets=tuple(raw.get("body_snippets", ())) or default_body_snippets(paragraphs),
    )
