"""Parquet through pyarrow, with real types: UTC timestamps, string lists, 64-bit integers."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .fields import Field
from .rows import Row

ROW_GROUP_ROWS = 2000  # about 5 MB of articles: bounded memory, still good compression
COMPRESSION = "zstd"

_TYPES: dict[str, pa.DataType] = {
    "text": pa.string(),
    "time": pa.timestamp("us", tz="UTC"),
    "list": pa.list_(pa.string()),
    "int": pa.int64(),
}


def local_name(field: Field) -> str:
    """Column keeping the publisher's own ISO 8601 text of a time field."""
    return f"{field.name}_local"


def arrow_schema(fields: list[Field]) -> pa.Schema:
    """Columns in field order; `published` and `modified` are followed by their `_local` text."""
    columns: list[pa.Field] = []
    for field in fields:
        columns.append(pa.field(field.name, _TYPES[field.kind]))
        if field.local:
            columns.append(pa.field(local_name(field), pa.string()))
    return pa.schema(columns)


def to_utc(value: str | None) -> datetime | None:
    """An ISO 8601 time with an offset as an aware datetime; None when absent, naive or malformed."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def record_batch(rows: list[Row], fields: list[Field], schema: pa.Schema) -> pa.RecordBatch:
    """Rows as an Arrow record batch of `schema` (time fields parsed, `_local` text kept)."""
    arrays: list[pa.Array] = []
    for field in fields:
        values = [row[field.name] for row in rows]
        if field.kind == "time":
            arrays.append(pa.array([to_utc(v) for v in values], type=_TYPES["time"]))
        else:
            arrays.append(pa.array(values, type=_TYPES[field.kind]))
        if field.local:
            arrays.append(pa.array(values, type=pa.string()))
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


class ParquetWriter:
    """Row groups of ROW_GROUP_ROWS articles, zstd-compressed, written as batches arrive.

    Each incoming batch becomes Arrow arrays at once, so a pending row group is held in Arrow's
    compact buffers rather than as Python objects.
    """

    suffix = ".parquet"

    def __init__(self, path: Path, fields: list[Field]):
        self._fields = fields
        self.schema = arrow_schema(fields)
        self._writer = pq.ParquetWriter(path, self.schema, compression=COMPRESSION)
        self._pending: list[pa.RecordBatch] = []
        self._pending_rows = 0

    def write(self, rows: list[Row]) -> None:
        if not rows:
            return
        self._pending.append(record_batch(rows, self._fields, self.schema))
        self._pending_rows += len(rows)
        if self._pending_rows >= ROW_GROUP_ROWS:
            self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        table = pa.Table.from_batches(self._pending, schema=self.schema)
        self._pending, self._pending_rows = [], 0
        self._writer.write_table(table, row_group_size=table.num_rows)

    def close(self) -> None:
        try:
            self._flush()
        finally:
            self._writer.close()
