"""Near-duplicate articles across sources: signatures, the LSH index in SQLite, groups and clusters."""

from .clusters import Cluster, Member, clusters, group_of
from .finder import DEFAULT_THRESHOLD, Match, Settings, band_layout, configure, rebuild, record, settings

__all__ = ["DEFAULT_THRESHOLD", "Cluster", "Match", "Member", "Settings", "band_layout", "clusters", "configure",
           "group_of", "rebuild", "record", "settings"]
