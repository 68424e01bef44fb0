"""An export from start to finish: select, stream into staged files, write card and manifest, commit."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..duplicates.finder import require_relation
from ..store import Archive
from ..timeutil import isoformat
from .card import CardContext, article_card, warc_card
from .csvfile import CsvWriter
from .fields import Field
from .filters import Filters
from .jsonl import JsonlWriter
from .manifest import WrittenFile, build_manifest
from .output import CARD_NAME, MANIFEST_NAME, SUFFIXES, Staging, file_stem, single_file_target, split_target
from .rows import check_sources, count_articles, groups, iter_batches
from .warc import WarcFile, capture_groups, count_captures, iter_captures, warc_info
from .writer import DataWriter, WriterFactory


def _parquet_writer(path: Path, fields: list[Field]) -> DataWriter:
    """pyarrow loads only for Parquet exports: it costs tens of MB the other formats do not need."""
    from .parquet import ParquetWriter

    return ParquetWriter(path, fields)


ARTICLE_FORMATS: dict[str, WriterFactory] = {"jsonl": JsonlWriter, "csv": CsvWriter,
                                             "parquet": _parquet_writer}
FORMATS = (*ARTICLE_FORMATS, "warc")
SPLITS = ("source", "month")


class Progress(Protocol):
    """Told the total once, then how many rows each batch wrote."""

    def start(self, total: int) -> None: ...

    def advance(self, rows: int) -> None: ...


@dataclass
class ExportResult:
    """What an export wrote."""

    directory: Path
    files: list[WrittenFile] = field(default_factory=list)
    rows: int = 0
    skipped: int = 0

    @property
    def paths(self) -> list[Path]:
        return [self.directory / f.name for f in self.files]


def _targets(output: str | Path, fmt: str, split: str | None, force: bool,
             group_names: Callable[[], list[str]]) -> tuple[Path, list[tuple[str | None, str]]]:
    """The output directory and (group, file name) pairs; one pair with group None when not split."""
    if split is None:
        path = single_file_target(output, fmt, force)
        return path.parent, [(None, path.name)]
    directory = split_target(output, force)
    suffix = SUFFIXES[fmt][0]
    pairs: list[tuple[str | None, str]] = []
    taken: set[str] = {CARD_NAME, MANIFEST_NAME}
    for group in group_names():
        stem = file_stem(group)
        name, n = f"{stem}{suffix}", 1
        while name in taken:  # two groups that differ only in characters unsafe in file names
            n += 1
            name = f"{stem}-{n}{suffix}"
        taken.add(name)
        pairs.append((group, name))
    return directory, pairs


def _finish(staging: Staging, result: ExportResult, card: str,
            manifest: Callable[[], dict[str, object]]) -> None:
    """Stage the card, then the manifest of every staged file, and commit them all."""
    card_path = staging.path(CARD_NAME)
    card_path.write_text(card, encoding="utf-8")
    result.files.append(WrittenFile(CARD_NAME, card_path))
    text = json.dumps(manifest(), ensure_ascii=False, indent=2) + "\n"
    staging.path(MANIFEST_NAME).write_text(text, encoding="utf-8")
    staging.commit()


def export_articles(db_path: str | Path, fmt: str, output: str | Path, *, filters: Filters,
                    fields: list[Field], split: str | None = None, force: bool = False,
                    progress: Progress | None = None) -> ExportResult:
    """Export articles as jsonl, csv or parquet, with README.md and manifest.json beside the data."""
    factory = ARTICLE_FORMATS[fmt]
    with Archive(db_path, readonly=True) as archive:
        conn: sqlite3.Connection = archive.db.conn
        check_sources(conn, filters.sources)
        require_relation(archive.db)
        directory, targets = _targets(output, fmt, split, force, lambda: groups(conn, filters, split or ""))
        if progress is not None:
            progress.start(count_articles(conn, filters))
        result = ExportResult(directory)
        created = isoformat()
        with Staging(directory) as staging:
            _write_groups(staging, targets, result, progress, lambda path, _name: factory(path, fields),
                          lambda group: iter_batches(conn, fields, filters, split, group))
            ctx = CardContext(fmt, created, Path(db_path).name, filters, list(result.files), split)
            card = article_card(conn, ctx, fields)
            _finish(staging, result, card, lambda: build_manifest(
                fmt=fmt, created=created, rows={"kind": "articles", "total": result.rows},
                filters=filters.describe(), fields=[f.name for f in fields], split=split, files=result.files))
    return result


class _Sink(Protocol):
    """Where one group's batches go."""

    def write(self, batch: list[Any]) -> None: ...

    def close(self) -> None: ...


class _RecordSink:
    """A WARC file fed in batches (it writes one capture at a time)."""

    def __init__(self, warc: WarcFile):
        self.warc = warc

    def write(self, batch: list[Any]) -> None:
        for capture in batch:
            self.warc.write(capture)

    def close(self) -> None:
        self.warc.close()


def _write_groups(staging: Staging, targets: list[tuple[str | None, str]], result: ExportResult,
                  progress: Progress | None, open_sink: Callable[[Path, str], _Sink],
                  batches: Callable[[str | None], Iterable[list[Any]]]) -> None:
    """Stream each group's batches into its own staged file, counting rows per file and in all."""
    for group, name in targets:
        staged = staging.path(name)
        sink = open_sink(staged, name)
        rows = 0
        try:
            for batch in batches(group):
                sink.write(batch)
                rows += len(batch)
                if progress is not None:
                    progress.advance(len(batch))
        finally:
            sink.close()
        result.files.append(WrittenFile(name, staged, rows, group))
        result.rows += rows


def export_warc(db_path: str | Path, output: str | Path, *, filters: Filters, split: str | None = None,
                force: bool = False, progress: Progress | None = None) -> ExportResult:
    """Export raw captures as WARC, with README.md and manifest.json beside it."""
    filters.capture_where()  # refuse article-only filters before touching the disk
    with Archive(db_path, readonly=True) as archive:
        conn: sqlite3.Connection = archive.db.conn
        check_sources(conn, filters.sources)
        directory, targets = _targets(output, "warc", split, force,
                                      lambda: capture_groups(conn, filters, split or ""))
        if progress is not None:
            progress.start(count_captures(conn, filters))
        result = ExportResult(directory, skipped=count_captures(conn, filters, with_response=False))
        created = isoformat()
        with Staging(directory) as staging:
            _write_groups(staging, targets, result, progress,
                          lambda path, name: _RecordSink(WarcFile(path, name, warc_info(filters, created))),
                          lambda group: iter_captures(conn, filters, split, group))
            ctx = CardContext("warc", created, Path(db_path).name, filters, list(result.files), split)
            card = warc_card(conn, ctx, result.skipped)
            totals = {"kind": "captures", "total": result.rows, "skipped_without_response": result.skipped}
            _finish(staging, result, card, lambda: build_manifest(
                fmt="warc", created=created, rows=totals, filters=filters.describe(), fields=[], split=split,
                files=result.files))
    return result
