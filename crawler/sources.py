"""Sources are data: a TOML file of `[[source]]` tables, validated with file/line errors."""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from archive.errors import ConfigError

from .dates.assumed_zone import LANGUAGE_ZONES

CALENDARS = ("gregorian", "jalali", "hijri")

#: Each optional source key: its default and what it means. The one place a default is stated;
#: `newsarchive sources --defaults` prints this table and README "Sources" shows it.
DEFAULTS: dict[str, tuple[Any, str]] = {
    "delay": (1.0, "seconds between requests to the host"),
    "concurrency": (1, "parallel requests to the host"),
    "feeds": ((), "RSS/Atom feed URLs (found on the home page and in robots.txt when absent)"),
    "sitemaps": ((), "sitemap URLs (robots.txt Sitemap: lines and /sitemap.xml are tried too)"),
    "sections": ((), "extra start pages (section listings)"),
    "article_pattern": (None, "regex (search) an URL that is always an article matches"),
    "exclude_pattern": (None, "regex of URLs never to fetch"),
    "language": (None, "ISO 639-1; identified per article when absent"),
    "timezone": (None, "IANA zone of dates printed without an offset; when absent, assumed per page: "
                       "Iranian month names Asia/Tehran, Afghan ones Asia/Kabul, else the language's usual "
                       "zone, else UTC (recorded in date_evidence)"),
    "calendar": (None, "gregorian | jalali | hijri; guessed from the page when absent"),
    "max_depth": (2, "link hops from the home page / section pages"),
    "max_pages": (2000, "per-run fetch budget for the host"),
    "revisit_hours": (48.0, "re-fetch articles first seen less than this ago; 0 turns it off"),
    "allowed_hosts": ((), "more hosts of the same site (e.g. a CDN-less m. host)"),
}


def default(key: str) -> Any:
    """The default of one source key (see DEFAULTS)."""
    return DEFAULTS[key][0]


@dataclass(frozen=True)
class Source:
    """One news site and how to crawl it (keys and defaults: DEFAULTS)."""

    name: str
    url: str
    delay: float = default("delay")
    concurrency: int = default("concurrency")
    feeds: tuple[str, ...] = default("feeds")
    sitemaps: tuple[str, ...] = default("sitemaps")
    sections: tuple[str, ...] = default("sections")
    article_pattern: str | None = default("article_pattern")
    exclude_pattern: str | None = default("exclude_pattern")
    language: str | None = default("language")
    timezone: str | None = default("timezone")
    calendar: str | None = default("calendar")
    max_depth: int = default("max_depth")
    max_pages: int = default("max_pages")
    revisit_hours: float = default("revisit_hours")
    allowed_hosts: tuple[str, ...] = default("allowed_hosts")

    @property
    def host(self) -> str:
        return (urlsplit(self.url).hostname or "").lower()

    @property
    def tz(self) -> str:
        """The zone feed and sitemap dates without an offset are read in (pages assume theirs)."""
        return self.timezone or LANGUAGE_ZONES.get(self.language or "", "UTC")

    def hosts(self) -> set[str]:
        """Hosts that belong to this source."""
        base = self.host.removeprefix("www.")
        return {base, "www." + base, "m." + base, *(h.lower() for h in self.allowed_hosts)}

    def to_record(self) -> dict[str, Any]:
        """The row for the archive's `sources` table."""
        config = {f.name: getattr(self, f.name) for f in fields(self)
                  if f.name not in ("name", "url", "language", "timezone", "calendar")}
        config = {k: list(v) if isinstance(v, tuple) else v for k, v in config.items()}
        return {"name": self.name, "url": self.url, "language": self.language,
                "timezone": self.timezone, "calendar": self.calendar, "config": config}

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> Source:
        """The source an archive's `sources` row records (the inverse of to_record)."""
        config = row.get("config") or {}
        if isinstance(config, str):
            config = json.loads(config)
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in config.items() if k in known}
        return cls(name=row["name"], url=row["url"], language=row.get("language"),
                   timezone=row.get("timezone"), calendar=row.get("calendar"), **values)


@dataclass
class SourcesFile:
    """All sources of one file."""

    path: Path
    sources: list[Source] = field(default_factory=list)

    def get(self, name: str) -> Source:
        for source in self.sources:
            if source.name == name:
                return source
        names = ", ".join(s.name for s in self.sources) or "none"
        raise ConfigError(f"{self.path}: no source named {name!r} (sources: {names})")

    def select(self, names: list[str] | tuple[str, ...] | None) -> list[Source]:
        """The named sources, or all of them."""
        return [self.get(n) for n in names] if names else list(self.sources)


_FIELD_TYPES = {f.name: f.type for f in fields(Source)}
_TUPLE_FIELDS = {"feeds", "sitemaps", "sections", "allowed_hosts"}
_NUMBER_FIELDS = {"delay": float, "concurrency": int, "max_depth": int, "max_pages": int,
                  "revisit_hours": float}
_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


class Location:
    """Where a problem is: the file and the line of the key (or of the `[[source]]` table)."""

    def __init__(self, path: Path, text_lines: list[str], table_line: int | None, index: int):
        self.path, self.table_line, self.index = path, table_line, index
        self.key_lines: dict[str, int] = {}
        if table_line is not None:
            for number in range(table_line + 1, len(text_lines) + 1):
                line = text_lines[number - 1]
                if re.match(r"^\s*\[", line):
                    break
                if match := re.match(r"^\s*([A-Za-z0-9_-]+)\s*=", line):
                    self.key_lines.setdefault(match.group(1), number)

    def __call__(self, key: str | None = None) -> str:
        if self.table_line is None:
            return f"{self.path}: source #{self.index + 1}"
        return f"{self.path}:{self.key_lines.get(key or '', self.table_line)}"


def _table_lines(text: str) -> list[int]:
    """Line numbers (1-based) of each `[[source]]` header, in order."""
    return [i for i, line in enumerate(text.splitlines(), 1)
            if re.match(r"^\s*\[\[\s*source\s*\]\]", line)]


def _check_url(value: object, where: Location, key: str) -> str:
    if not isinstance(value, str) or urlsplit(value).scheme not in ("http", "https") \
            or not urlsplit(value).hostname:
        raise ConfigError(f"{where(key)}: {key} must be an http(s) URL, got {value!r}")
    return value


def _parse_source(raw: dict[str, Any], where: Location) -> Source:
    unknown = sorted(set(raw) - set(_FIELD_TYPES))
    if unknown:
        raise ConfigError(f"{where(unknown[0])}: unknown key {unknown[0]!r} (known: {', '.join(sorted(_FIELD_TYPES))})")
    for key in ("name", "url"):
        if key not in raw:
            raise ConfigError(f"{where()}: source has no {key!r}")
    name = raw["name"]
    if not isinstance(name, str) or not _NAME_RE.match(name):
        raise ConfigError(f"{where('name')}: name must be letters, digits, '-', '_' or '.', got {name!r}")
    values: dict[str, Any] = {"name": name, "url": _check_url(raw["url"], where, "url")}
    for key, cast in _NUMBER_FIELDS.items():
        if key in raw:
            value = raw[key]
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise ConfigError(f"{where(key)}: {key} must be a non-negative number, got {value!r}")
            values[key] = cast(value)
    if values.get("concurrency") == 0:
        raise ConfigError(f"{where('concurrency')}: concurrency must be at least 1")
    for key in _TUPLE_FIELDS:
        if key in raw:
            items = raw[key]
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise ConfigError(f"{where(key)}: {key} must be a list of strings")
            if key != "allowed_hosts":
                items = [_check_url(i, where, key) for i in items]
            values[key] = tuple(items)
    for key in ("article_pattern", "exclude_pattern"):
        if key in raw:
            try:
                re.compile(raw[key])
            except (re.error, TypeError) as exc:
                raise ConfigError(f"{where(key)}: {key} is not a valid regular expression ({exc})") from None
            values[key] = raw[key]
    if "language" in raw:
        if not isinstance(raw["language"], str) or not re.fullmatch(r"[a-z]{2}", raw["language"]):
            raise ConfigError(f"{where('language')}: language must be an ISO 639-1 code like 'fa', "
                              f"got {raw['language']!r}")
        values["language"] = raw["language"]
    if "timezone" in raw:
        try:
            ZoneInfo(str(raw["timezone"]))
        except (ZoneInfoNotFoundError, ValueError):
            raise ConfigError(f"{where('timezone')}: unknown timezone {raw['timezone']!r}") from None
        values["timezone"] = raw["timezone"]
    if "calendar" in raw:
        if raw["calendar"] not in CALENDARS:
            raise ConfigError(f"{where('calendar')}: calendar must be one of {', '.join(CALENDARS)}")
        values["calendar"] = raw["calendar"]
    return Source(**values)


def load_sources(path: str | Path) -> SourcesFile:
    """Read and validate a sources file; every problem is a one-line ConfigError naming file and line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such sources file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    raw_sources = data.get("source")
    if not isinstance(raw_sources, list) or not raw_sources:
        raise ConfigError(f"{path}: no [[source]] tables")
    lines = _table_lines(text)
    text_lines = text.splitlines()
    result = SourcesFile(path)
    seen: dict[str, str] = {}
    for index, raw in enumerate(raw_sources):
        where = Location(path, text_lines, lines[index] if index < len(lines) else None, index)
        source = _parse_source(raw, where)
        if source.name in seen:
            raise ConfigError(f"{where('name')}: duplicate source name {source.name!r} (first at {seen[source.name]})")
        seen[source.name] = f"line {lines[index]}" if index < len(lines) else f"source #{index + 1}"
        result.sources.append(source)
    return result
