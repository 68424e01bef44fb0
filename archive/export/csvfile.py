"""CSV for spreadsheets: UTF-8 with a BOM, lists joined with "; ", formula-looking cells defused."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from .fields import Field
from .rows import Row

LIST_SEPARATOR = "; "
#: A cell starting with one of these is a formula (or becomes one) in Excel, LibreOffice and Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Prefix an apostrophe to text a spreadsheet would run as a formula (OWASP CSV injection)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def cell(field: Field, value: Any) -> Any:
    """A value as one CSV cell: empty for null, lists joined, text neutralised, integers as is."""
    if value is None:
        return ""
    if field.kind == "list":
        value = LIST_SEPARATOR.join(value)
    if isinstance(value, str):
        return neutralise(value)
    return value


class CsvWriter:
    """RFC 4180 CSV (quoted where needed, CRLF rows) with a header row.

    The UTF-8 byte-order mark makes Excel read Persian and Arabic correctly; pandas, DuckDB and
    Python's ``utf-8-sig`` codec skip it.
    """

    suffix = ".csv"

    def __init__(self, path: Path, fields: list[Field]):
        self._fields = fields
        self._file = open(path, "w", encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed in close()
        self._csv = csv.writer(self._file)
        self._csv.writerow([f.name for f in fields])

    def write(self, rows: list[Row]) -> None:
        self._csv.writerows([cell(f, row[f.name]) for f in self._fields] for row in rows)

    def close(self) -> None:
        self._file.close()
