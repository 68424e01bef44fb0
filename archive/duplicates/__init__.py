"""Near-duplicate articles across sources: signatures, the LSH index in SQLite, groups and clusters."""

from .finder import DEFAULT_THRESHOLD, Match, Settings, band_layout, configure, rebuild, record, settings

__all__ = ["DEFAULT_THRESHOLD", "Match", "Settings", "band_layout", "configure", "rebuild", "record", "settings"]
