"""What every data-file writer does: open a path, take batches of rows, finish the file."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from .fields import Field
from .rows import Row


class DataWriter(Protocol):
    """Writes one data file incrementally; `close` completes it."""

    def write(self, rows: list[Row]) -> None:
        """Append a batch of rows."""

    def close(self) -> None:
        """Flush and complete the file."""


class WriterFactory(Protocol):
    """Opens a DataWriter on `path` for the given fields."""

    def __call__(self, path: Path, fields: list[Field]) -> DataWriter: ...
