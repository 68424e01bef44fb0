"""datasette plugins loaded from this directory by `newsarchive serve` (--plugins-dir)."""
