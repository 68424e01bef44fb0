"""Checks of user input against what an archive holds."""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from .errors import ConfigError


def check_sources(db: Database, names: Iterable[str]) -> None:
    """Refuse source names the archive does not know, listing the ones it does."""
    known = [name for (name,) in db.execute("SELECT name FROM sources ORDER BY name")]
    unknown = [name for name in names if name not in known]
    if unknown:
        raise ConfigError(f"no source named {unknown[0]!r} in this archive (sources: {', '.join(known) or 'none'})")
