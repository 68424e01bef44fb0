#!/usr/bin/env python3
"""Rewrite the "expected" part of every golden JSON from the current extraction.

    PYTHONPATH=. python tests/golden/regenerate.py [NAME ...]

Run it after an intended change, then read the diff: `must_contain` / `must_not_contain` are
written by hand and are kept as they are; the test checks them whatever `expected` says.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from crawler.extraction import extract_html  # noqa: E402


def expected_for(name: str, url: str | None) -> dict[str, object]:
    """The extraction of tests/golden/NAME.html as a JSON-able dict."""
    html = (HERE / f"{name}.html").read_text(encoding="utf-8")
    return dataclasses.asdict(extract_html(html, url))


def main(names: list[str]) -> int:
    paths = [HERE / f"{n}.json" for n in names] if names else sorted(HERE.glob("*.json"))
    for path in paths:
        golden = json.loads(path.read_text(encoding="utf-8"))
        golden["expected"] = expected_for(path.stem, golden.get("url"))
        path.write_text(json.dumps(golden, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{path.name}: {golden['expected']['status']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
