"""manifest.json: what an export wrote, with row counts and the SHA-256 of every file."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

CHUNK = 1 << 20


def newsarchive_version() -> str:
    """The installed newsarchive version, or 'unknown' when running from a source tree."""
    try:
        return version("newsarchive")
    except PackageNotFoundError:
        return "unknown"


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class WrittenFile:
    """One file of an export: its final name, where it is staged, and its rows (None for the card)."""

    name: str
    staged: Path
    rows: int | None = None
    group: str | None = None


def file_entries(files: list[WrittenFile]) -> list[dict[str, Any]]:
    """One manifest entry per file: name, bytes, SHA-256, and rows and group for data files."""
    entries = []
    for written in files:
        entry: dict[str, Any] = {"path": written.name, "bytes": written.staged.stat().st_size,
                                 "sha256": sha256_file(written.staged)}
        if written.rows is not None:
            entry["rows"] = written.rows
        if written.group is not None:
            entry["group"] = written.group
        entries.append(entry)
    return entries


def build_manifest(*, fmt: str, created: str, rows: dict[str, Any], filters: dict[str, Any],
                   fields: list[str], split: str | None, files: list[WrittenFile]) -> dict[str, Any]:
    """The manifest as a JSON-ready dict; `files` must already be complete on disk."""
    return {
        "generator": f"newsarchive {newsarchive_version()}",
        "created": created,
        "format": fmt,
        "rows": rows,
        "split": split,
        "filters": filters,
        "fields": fields,
        "files": file_entries(files),
    }
