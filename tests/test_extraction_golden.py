"""Golden pages: each tests/golden/NAME.html is extracted and compared with NAME.json.

After an intended change, rewrite the expectations with tests/golden/regenerate.py and read the diff;
the hand-written must_contain / must_not_contain snippets are checked whatever `expected` says.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from crawler.extraction import extract_html

GOLDEN = Path(__file__).resolve().parent / "golden"
NAMES = sorted(p.stem for p in GOLDEN.glob("*.json"))


def _load(name: str) -> tuple[str, dict]:
    html = (GOLDEN / f"{name}.html").read_text(encoding="utf-8")
    return html, json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))


def test_golden_set_covers_the_page_kinds():
    statuses = {json.loads((GOLDEN / f"{n}.json").read_text(encoding="utf-8"))["expected"]["status"]
                for n in NAMES}
    assert len(NAMES) >= 10
    assert {"ok", "not_article", "extraction_failed"} <= statuses


@pytest.mark.parametrize("name", NAMES)
def test_golden_page(name):
    html, golden = _load(name)
    result = dataclasses.asdict(extract_html(html, golden["url"]))
    expected = golden["expected"]
    assert set(result) == set(expected), "fields changed: run tests/golden/regenerate.py"
    for field, value in expected.items():
        assert result[field] == value, f"{name}: {field}"
    for snippet in golden["must_contain"]:
        assert snippet in result["text"], f"{name}: lost {snippet!r}"
    for snippet in golden["must_not_contain"]:
        assert snippet not in result["text"], f"{name}: kept boilerplate {snippet!r}"


@pytest.mark.parametrize("name", [n for n in NAMES if _load(n)[1]["expected"]["status"] == "ok"])
def test_golden_articles_have_their_metadata(name):
    _, golden = _load(name)
    expected = golden["expected"]
    assert expected["text"] and expected["title"] and expected["sitename"] and expected["page_language"]
    assert expected["removed_chars"] >= 0
    assert not any(sep in expected["title"] for sep in (" | ", " - ", " – ")), "site suffix left in title"
