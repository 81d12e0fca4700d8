"""Time the HTML report against the audit it renders, on corpora made from the seeds.

    python benchmarks/report.py                   # sizes 100 1000
    python benchmarks/report.py --sizes 1000 --distinct

The corpora are those of ``benchmarks/audit.py`` (``--distinct`` gives every document a
unique closing line, so no two are copies). Printed per size: seconds for the audit
(`discrepancy.audit.run`: extraction, stories, comparison), seconds for the page
(`discrepancy.report.html`), the ratio, the number of slots and charts, and the page's size.
The report should stay under 10% of the audit time.
"""

from __future__ import annotations

import os
import sys

# Run as a script, Python puts benchmarks/ first on the path, where sibling benchmark modules
# (benchmarks/numbers.py) would shadow the standard library; the repository root goes there.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _HERE]

import argparse  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.audit import seed_corpus  # noqa: E402
from discrepancy import Settings  # noqa: E402
from discrepancy.audit import run as audit_run  # noqa: E402
from discrepancy.report import html  # noqa: E402

COLUMNS = ("docs", "audit s", "report s", "report/audit", "slots", "charts", "page MB")


def measure(n_docs: int, distinct: bool, settings: Settings) -> dict[str, float | int]:
    docs = seed_corpus(n_docs, distinct)
    t0 = time.perf_counter()
    result = audit_run(docs, settings)
    t1 = time.perf_counter()
    page = html(result)
    t2 = time.perf_counter()
    return {
        "docs": n_docs,
        "audit s": t1 - t0,
        "report s": t2 - t1,
        "report/audit": (t2 - t1) / (t1 - t0),
        "slots": len(result.slots),
        "charts": page.count('<section class="chart"'),
        "page MB": len(page.encode("utf-8")) / 1e6,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--distinct", action="store_true", help="make every document text unique")
    parser.add_argument("--jobs", type=int, default=1, help="extraction worker processes")
    args = parser.parse_args(argv)
    settings = Settings(jobs=args.jobs)
    html(audit_run(seed_corpus(5, False), settings))  # imports and template compilation, once
    print(" | ".join(f"{c:>12}" for c in COLUMNS), flush=True)
    for size in args.sizes:
        row = measure(size, args.distinct, settings)
        print(" | ".join(f"{row[c]:>12.3f}" if isinstance(row[c], float) else f"{row[c]:>12}"
                         for c in COLUMNS), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
