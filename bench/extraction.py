#!/usr/bin/env python3
"""Score newsarchive's extraction beside bare trafilatura on the shared dev set, in one run.

    python bench/extraction.py [--datasets fundus,goose3] [--limit N] [--save-outputs DIR] [--json FILE]

Three extractors run on every page, interleaved page by page so that load from other processes
falls on all of them alike:

* ``newsarchive``: ``crawler.extraction.extract_text`` (the same ``extract_html`` path the crawler
  and ``newsarchive extract`` use; "" unless the page's status is ok);
* ``trafilatura-precision``: ``trafilatura.extract(html, url=url, favor_precision=True,
  include_comments=False)``;
* ``trafilatura-defaults``: ``trafilatura.extract(html, url=url)``.

The scorer is /work/shared/tools/eval_extract.py, found as ``../shared/tools/eval_extract.py``
beside the repository (``--eval-tool`` or $NEWSARCHIVE_EVAL_TOOL override it); the data directory
defaults to ``../shared/extraction-dev`` ($NEWSARCHIVE_EXTRACTION_DEV or ``--data``).
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

Extractor = Callable[[bytes, "str | None"], str]


def load_scorer(path: Path) -> ModuleType:
    """Import eval_extract.py from its path."""
    spec = importlib.util.spec_from_file_location("eval_extract", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer from {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def extractors() -> dict[str, Extractor]:
    """The three extractors compared, by label."""
    import trafilatura

    from crawler.extraction import extract_text

    def precision(html: bytes, url: str | None) -> str:
        return trafilatura.extract(html, url=url, favor_precision=True, include_comments=False) or ""

    def defaults(html: bytes, url: str | None) -> str:
        return trafilatura.extract(html, url=url) or ""

    return {"newsarchive": extract_text, "trafilatura-precision": precision, "trafilatura-defaults": defaults}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval-tool", default=os.environ.get(
        "NEWSARCHIVE_EVAL_TOOL", str(REPO.parent / "shared" / "tools" / "eval_extract.py")))
    ap.add_argument("--data", default=os.environ.get(
        "NEWSARCHIVE_EXTRACTION_DEV", str(REPO.parent / "shared" / "extraction-dev")))
    ap.add_argument("--datasets", help="comma-separated subset of dataset folders")
    ap.add_argument("--limit", type=int, help="at most N pages per dataset")
    ap.add_argument("--only", help="comma-separated subset of extractor labels")
    ap.add_argument("--save-outputs", help="directory for LABEL/DATASET/NAME.txt outputs")
    ap.add_argument("--json", help="write aggregates and per-page records here")
    args = ap.parse_args(argv)

    ev = load_scorer(Path(args.eval_tool))
    pages = ev.load_pages(args.data, set(args.datasets.split(",")) if args.datasets else None, args.limit)
    if not pages:
        raise SystemExit(f"no pages under {args.data}")
    chosen = extractors()
    if args.only:
        chosen = {k: v for k, v in chosen.items() if k in args.only.split(",")}
    warm = b"<html><body><article><p>warm up text for the extractor.</p></article></body></html>"
    for fn in chosen.values():
        fn(warm, "http://example.com/warmup")

    records: dict[str, list[dict]] = {label: [] for label in chosen}
    for i, (ds, name, base) in enumerate(pages):
        html = Path(base + ".html").read_bytes()
        truth = json.loads(Path(base + ".json").read_text(encoding="utf-8"))
        for label, fn in chosen.items():
            error = None
            start = time.perf_counter()
            try:
                out = fn(html, truth.get("url")) or ""
            except Exception as err:  # scored as empty output, like the scorer does
                out, error = "", f"{type(err).__name__}: {err}"[:300]
            elapsed = time.perf_counter() - start
            rec = {"dataset": ds, "name": name, "lang": truth.get("lang"), "time": elapsed,
                   "empty": not out.strip(), "out_chars": len(out)}
            if error:
                rec["error"] = error
            rec.update(ev.score_page(out, truth))
            records[label].append(rec)
            if args.save_outputs:
                target = Path(args.save_outputs) / label / ds / (name + ".txt")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(out, encoding="utf-8")
        if (i + 1) % 100 == 0:
            print(f"  {i + 1}/{len(pages)} pages", file=sys.stderr)

    summary = {}
    for label, recs in records.items():
        by_ds = collections.defaultdict(list)
        for rec in recs:
            by_ds[rec["dataset"]].append(rec)
        per_ds = {ds: ev.aggregate(rs) for ds, rs in sorted(by_ds.items())}
        overall = ev.aggregate(recs)
        ev.print_table(label, per_ds, overall, ev.macro(list(per_ds.values())))
        summary[label] = {"datasets": per_ds, "overall": overall}

    print()
    base_ms = {k: v["overall"]["time_mean_ms"] for k, v in summary.items()}
    if "newsarchive" in base_ms:
        for label in ("trafilatura-precision", "trafilatura-defaults"):
            if label in base_ms and base_ms[label]:
                print(f"time ratio newsarchive / {label}: {base_ms['newsarchive'] / base_ms[label]:.2f} "
                      f"({base_ms['newsarchive']:.1f} vs {base_ms[label]:.1f} ms/page)")
    if "newsarchive" in summary and "trafilatura-precision" in summary:
        print("\nbody F1 per dataset, newsarchive minus each bare configuration (points):")
        ours = summary["newsarchive"]["datasets"]
        for ds, agg in ours.items():
            if "f1" not in agg:
                continue
            deltas = "  ".join(
                f"{label}: {100 * (agg['f1'] - summary[label]['datasets'][ds]['f1']):+.1f}"
                for label in ("trafilatura-precision", "trafilatura-defaults") if label in summary)
            print(f"  {ds:18s} {deltas}")
    if args.json:
        Path(args.json).write_text(json.dumps({"summary": summary, "pages": records}, ensure_ascii=False,
                                              indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
