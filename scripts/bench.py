#!/usr/bin/env python3
"""Benchmarks and budgets: `make bench`. Prints one table and writes bench/results.json.

Budgets (the script exits 1 when one is missed):
- the quiz page's own JS and CSS (the built, minified bundles) together at most 8 KB gzipped;
- validating a generated 1,000-question quiz in at most 1 s (median of several runs);
- doubling the quiz size at most about doubles validation time (ratio at most 2.5).
"""

from __future__ import annotations

import gc
import gzip
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quiz.bundle import bundles  # noqa: E402
from quiz.rules import guide_pages, validate_quiz  # noqa: E402
from quiz.synthetic import write_synthetic_quiz  # noqa: E402

QUIZ_ASSETS = ("assets/quiz.js", "assets/quiz.css")  # what the quiz page loads beyond Material
SIZES = (250, 500, 1000, 2000)
RUNS = 5
BUDGET_GZIP = 8 * 1024
BUDGET_VALIDATE_1000 = 1.0
BUDGET_DOUBLING = 2.5


def main() -> int:
    rows, results, failures = [], {}, []

    built = bundles()
    raw = {name: built[name].encode("utf-8") for name in QUIZ_ASSETS}
    zipped = {name: len(gzip.compress(data, compresslevel=9)) for name, data in raw.items()}
    total = sum(zipped.values())
    results["quiz_assets"] = {name: {"raw": len(raw[name]), "gzip": zipped[name]} for name in QUIZ_ASSETS}
    for name in QUIZ_ASSETS:
        rows.append((f"{name} (raw / gzip)", f"{len(raw[name]):,} / {zipped[name]:,} B", ""))
    rows.append(("quiz JS + CSS gzipped", f"{total:,} B", _verdict(total <= BUDGET_GZIP, f"<= {BUDGET_GZIP:,} B", failures)))

    flags = sorted(guide_pages(ROOT / "docs" / "flags"))
    timings = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in SIZES:
            path = write_synthetic_quiz(Path(folder) / f"quiz-{size}.yml", size, flags)
            samples = []
            for _ in range(RUNS):
                gc.collect()  # each run starts from the same heap, not the last run's garbage
                start = time.perf_counter()
                _, problems = validate_quiz(path, ROOT / "docs" / "flags")
                samples.append(time.perf_counter() - start)
                assert not problems, problems
            timings[size] = statistics.median(samples)
    results["validate_seconds"] = timings
    for size in SIZES:
        budget = ""
        if size == 1000:
            budget = _verdict(timings[size] <= BUDGET_VALIDATE_1000, f"<= {BUDGET_VALIDATE_1000} s", failures)
        rows.append((f"validate {size:,} questions", f"{timings[size] * 1000:,.0f} ms", budget))
    for small, large in zip(SIZES, SIZES[1:]):
        ratio = timings[large] / timings[small]
        rows.append((f"time x{large // small} ({small:,} -> {large:,})", f"{ratio:.2f}",
                     _verdict(ratio <= BUDGET_DOUBLING, f"<= {BUDGET_DOUBLING}", failures)))
    results["failures"] = failures

    width = max(len(row[0]) for row in rows)
    print(f"{'measure':<{width}}  {'value':>18}  budget")
    for name, value, budget in rows:
        print(f"{name:<{width}}  {value:>18}  {budget}")
    out = ROOT / "bench" / "results.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {out.relative_to(ROOT)}")
    return 1 if failures else 0


def _verdict(ok: bool, budget: str, failures: list) -> str:
    if not ok:
        failures.append(budget)
    return ("ok " if ok else "MISSED ") + budget


if __name__ == "__main__":
    sys.exit(main())
