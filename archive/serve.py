"""datasette with the metadata and plugins that ship inside the package."""

from __future__ import annotations

from pathlib import Path

DATASETTE_DIR = Path(__file__).parent / "datasette"


def datasette_args(db: Path, *, host: str = "127.0.0.1", port: int = 8001,
                   get_path: str | None = None) -> list[str]:
    """The `datasette serve` arguments for an archive."""
    args = ["serve", str(db), "--host", host, "--port", str(port),
            "--metadata", str(DATASETTE_DIR / "metadata.json"),
            "--plugins-dir", str(DATASETTE_DIR / "plugins"),
            "--setting", "suggest_facets", "off",
            "--setting", "sql_time_limit_ms", "3000"]
    if get_path:
        args += ["--get", get_path]
    return args
