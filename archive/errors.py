"""Errors a user can cause, and the exit codes the command line maps them to."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILURE = 1  # the run failed, the archive has a problem, the disk is full
EXIT_CONFIG = 2  # bad command line or sources file; nothing was touched
EXIT_PARTIAL = 3  # the run finished but too many fetches or extractions failed
EXIT_FLAGGED = 4  # `sources --check`: a source needs attention
EXIT_LOCKED = 75  # another run holds the archive's lock (EX_TEMPFAIL: cron may retry)


class NewsarchiveError(Exception):
    """An error explained to the user in one line; `exit_code` says how the command ends."""

    exit_code = EXIT_FAILURE


class ArchiveError(NewsarchiveError):
    """The archive file cannot be opened, read or written."""


class ConfigError(NewsarchiveError):
    """A sources file or option is wrong."""

    exit_code = EXIT_CONFIG


class LockedError(NewsarchiveError):
    """Another process holds the archive's crawl lock."""

    exit_code = EXIT_LOCKED
