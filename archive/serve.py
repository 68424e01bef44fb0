"""datasette with the metadata, plugins and templates that ship inside the package."""

from __future__ import annotations

from pathlib import Path

DATASETTE_DIR = Path(__file__).parent / "datasette"

#: datasette settings for big archives: no facet suggestions (0.5 s at 100 k articles), bounded
#: facet and query time, short cells in table pages (the article page shows the whole text).
SETTINGS = {
    "suggest_facets": "off",
    "facet_time_limit_ms": "400",
    "sql_time_limit_ms": "3000",
    "truncate_cells_html": "300",
}


def datasette_args(db: Path, *, host: str = "127.0.0.1", port: int = 8001,
                   get_path: str | None = None) -> list[str]:
    """The `datasette serve` arguments for an archive."""
    args = ["serve", str(db), "--host", host, "--port", str(port),
            "--metadata", str(DATASETTE_DIR / "metadata.json"),
            "--plugins-dir", str(DATASETTE_DIR / "plugins"),
            "--template-dir", str(DATASETTE_DIR / "templates")]
    for name, value in SETTINGS.items():
        args += ["--setting", name, value]
    if get_path:
        args += ["--get", get_path]
    return args
