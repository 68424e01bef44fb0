"""JSON Lines: one article per line, UTF-8, lists as JSON lists."""

from __future__ import annotations

import json
from pathlib import Path

from .fields import Field
from .rows import Row


class JsonlWriter:
    """One JSON object per line, keys in field order; text stays unescaped UTF-8."""

    suffix = ".jsonl"

    def __init__(self, path: Path, fields: list[Field]):
        self._names = [f.name for f in fields]
        self._file = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 - closed in close()

    def write(self, rows: list[Row]) -> None:
        self._file.writelines(
            json.dumps({name: row[name] for name in self._names}, ensure_ascii=False) + "\n" for row in rows
        )

    def close(self) -> None:
        self._file.close()
