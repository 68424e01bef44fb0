"""Where an export writes, refusing to clobber, and staging every file under a temporary name."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from types import TracebackType

from ..errors import ConfigError

CARD_NAME = "README.md"
MANIFEST_NAME = "manifest.json"
SUFFIXES = {"jsonl": (".jsonl",), "csv": (".csv",), "parquet": (".parquet",), "warc": (".warc.gz", ".warc")}


def _occupied(path: Path) -> bool:
    return path.exists() and (path.is_dir() or path.stat().st_size > 0)


def _refuse(path: Path) -> None:
    raise ConfigError(f"{path} already exists; use --force to replace it")


def single_file_target(output: str | Path, fmt: str, force: bool) -> Path:
    """The data file for an export without --split; README.md and manifest.json go beside it."""
    path = Path(output)
    if path.exists() and path.is_dir():
        example = path / ("captures" if fmt == "warc" else "articles")
        raise ConfigError(f"--output {path} is a directory; name the file, e.g. {example}{SUFFIXES[fmt][0]}")
    if not path.name.endswith(SUFFIXES[fmt]):
        raise ConfigError(f"--output {path}: a {fmt} export's file name ends in {' or '.join(SUFFIXES[fmt])}")
    if path.name in (CARD_NAME, MANIFEST_NAME):
        raise ConfigError(f"--output {path}: that name is kept for the dataset card and manifest")
    card = path.parent / CARD_NAME
    if _occupied(card) and not _written_by_an_export(path.parent):
        raise ConfigError(f"{card} exists and is not a dataset card of an earlier export (even --force keeps it); "
                          f"export into a folder of its own, e.g. --output exports/{path.name}")
    if not force:
        for taken in (path, card, path.parent / MANIFEST_NAME):
            if _occupied(taken):
                _refuse(taken)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _written_by_an_export(directory: Path) -> bool:
    """Whether the folder's README.md is listed in the manifest.json of an earlier export."""
    return directory / CARD_NAME in _listed_in_manifest(directory / MANIFEST_NAME)


def split_target(output: str | Path, force: bool) -> Path:
    """The directory an export with --split writes its files into."""
    path = Path(output)
    if path.exists() and not path.is_dir():
        raise ConfigError(f"--output {path} is a file; with --split, --output names a directory")
    if path.exists() and any(path.iterdir()) and not force:
        _refuse(path)
    path.mkdir(parents=True, exist_ok=True)
    return path


def file_stem(group: str) -> str:
    """A group name (source or month) made safe as a file name."""
    stem = re.sub(r"[^\w.-]+", "_", group).strip("._") or "group"
    return stem[:100]


class Staging:
    """Files written under temporary names in their final directory and renamed only on commit.

    Until `commit`, nothing at a final name changes; leaving the block without committing (an
    error, Ctrl-C, a full disk) deletes every temporary file, so no half-written file remains.
    """

    def __init__(self, directory: Path):
        self.directory = directory
        self.files: list[tuple[Path, Path]] = []  # (temporary, final)

    def path(self, name: str) -> Path:
        """A temporary path that `commit` renames to `directory/name`."""
        final = self.directory / name
        if any(f == final for _, f in self.files):
            raise ValueError(f"{name} staged twice")
        temporary = self.directory / f".{name}.partial-{os.getpid()}"
        self.files.append((temporary, final))
        return temporary

    def commit(self) -> None:
        """Drop the previous export's manifest and files, then rename the staged files, manifest last."""
        manifest = self.directory / MANIFEST_NAME
        previous = _listed_in_manifest(manifest)
        manifest.unlink(missing_ok=True)
        finals = {final for _, final in self.files}
        for stale in previous - finals:
            stale.unlink(missing_ok=True)
        ordered = sorted(self.files, key=lambda pair: pair[1].name == MANIFEST_NAME)
        for temporary, final in ordered:
            temporary.replace(final)
        self.files = []

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        for temporary, _ in self.files:
            temporary.unlink(missing_ok=True)


def _listed_in_manifest(manifest: Path) -> set[Path]:
    """Files a previous export's manifest lists (plain names in its directory only)."""
    try:
        listed = json.loads(manifest.read_text(encoding="utf-8"))["files"]
        names = {entry["path"] for entry in listed}
    except (OSError, ValueError, KeyError, TypeError):
        return set()
    return {manifest.parent / name for name in names
            if isinstance(name, str) and name not in ("", ".", "..") and not set(name) & {"/", "\\"}}
