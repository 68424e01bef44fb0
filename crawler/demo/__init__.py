"""Offline demo news sites (Persian, Arabic, English CMSs) and the server that serves them on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING, Any

from crawler.demo import coastal, khaleej, sahel
from crawler.demo.model import ArticleRecord, Comment, Page, Site

if TYPE_CHECKING:
    from crawler.demo.server import SiteServer, serve_demo

_RENDERERS: dict[str, ModuleType] = {"sahel": sahel, "khaleej": khaleej, "coastal": coastal}
DEMO_SOURCES: list[str] = list(_RENDERERS)

__all__ = ["DEMO_SOURCES", "ArticleRecord", "Comment", "Page", "Site", "SiteServer", "build_site",
           "demo_articles", "serve_demo", "site_factory"]


def __getattr__(name: str) -> Any:
    # The server module is imported on first use, so `python -m crawler.demo.server` runs it only once.
    if name in ("SiteServer", "serve_demo"):
        from crawler.demo import server

        return getattr(server, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _renderer(name: str) -> ModuleType:
    try:
        return _RENDERERS[name]
    except KeyError:
        raise ValueError(f"unknown demo source {name!r}; choose from {', '.join(DEMO_SOURCES)}") from None


def build_site(name: str, base_url: str) -> Site:
    """Every page of demo source `name` for a server at `base_url` (links inside are absolute)."""
    site: Site = _renderer(name).build(base_url.rstrip("/"))
    return site


def site_factory(name: str) -> Callable[[str], Site]:
    """A factory SiteServer calls with its base URL once the port is bound."""
    _renderer(name)
    return lambda base_url: build_site(name, base_url)


def demo_articles(name: str) -> list[ArticleRecord]:
    """The articles of demo source `name` with the facts a crawl must recover."""
    records: list[ArticleRecord] = _renderer(name).articles()
    return records
