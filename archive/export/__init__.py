"""Research exports of the archive: articles as JSONL, CSV or Parquet, captures as WARC.

Every export writes its data files, a dataset card (README.md) and a manifest.json with the
SHA-256 of each file, all staged under temporary names and renamed only once complete.
"""

from .fields import FIELDS, Field, parse_fields
from .filters import Filters
from .run import FORMATS, SPLITS, ExportResult, Progress, export_articles, export_warc

__all__ = ["FIELDS", "FORMATS", "SPLITS", "ExportResult", "Field", "Filters", "Progress", "export_articles",
           "export_warc", "parse_fields"]
