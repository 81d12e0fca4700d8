"""Throughput, scaling and memory of the whole audit on corpora of edited copies in events.

    python -m benchmarks.audit                           # events and mixed, 1,000 and 10,000 docs
    python -m benchmarks.audit --sizes 1000 --corpora mixed
    python -m benchmarks.audit --corpora seeds --sizes 100 1000 --jobs 2

Corpora (``benchmarks.corpus``):

* ``events`` - varied edits of the seed articles and of the test corpora, six per event, one
  folder per event (each event gives its names a suffix of its own, so events share no names);
* ``mixed`` - the same documents all in one folder, so stories come from the names alone;
* ``seeds`` - the seeds repeated unchanged under new ids (identical copies collapse into one
  source, so this shows the cost of extraction and of collapsing copies only).

Each corpus and size is audited in a fresh process (`discrepancy.run` and the findings table,
as `discrepancy.audit` does after loading), so its peak resident memory is its own. Printed per
run: megabytes of text, CPU seconds (this process and its worker processes), MB/s per core
(megabytes over CPU seconds), milliseconds of CPU per document, stories, findings and peak
memory; then the per-document cost at the largest size over that at the smallest. When the
``bench`` extra is installed, quantulum3 and dateparser read the first `PEER_BYTES` of the
``events`` corpus and the audit's MB/s per core at the largest size is given as a multiple of
theirs.
"""

from __future__ import annotations

import os
import sys

# Run as a script, Python puts benchmarks/ first on the path, where sibling benchmark modules
# (benchmarks/numbers.py) would shadow the standard library; the repository root goes there.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != _HERE]

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import event_corpus, seed_corpus  # noqa: E402
from discrepancy import Settings  # noqa: E402
from discrepancy.audit import run as run_audit  # noqa: E402
from discrepancy.document import Document  # noqa: E402

CORPORA = ("events", "mixed", "seeds")
# Text the peers read: enough for a stable rate, little enough that the slowest takes seconds.
PEER_BYTES = 100_000


def corpus(name: str, n_docs: int) -> list[Document]:
    if name == "seeds":
        return seed_corpus(n_docs)
    return event_corpus(n_docs, mixed=name == "mixed")


def _cpu() -> float:
    """CPU seconds of this process and of the worker processes it has waited for."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def measure(name: str, n_docs: int, jobs: int, engine: str) -> dict[str, float | int | str]:
    """One audit of one corpus, in this process (run it in a fresh one for its peak memory)."""
    docs = corpus(name, n_docs)
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    settings = Settings(jobs=jobs)
    t0, w0 = _cpu(), time.perf_counter()
    if engine == "dask":
        from discrepancy.engines.dask_engine import run_dask

        result = run_dask(docs, settings)
    else:
        result = run_audit(docs, settings)
    frame = result.frame()
    cpu, wall = _cpu() - t0, time.perf_counter() - w0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"corpus": name, "docs": n_docs, "MB": mb, "cpu s": cpu, "wall s": wall,
            "MB/s/core": mb / cpu, "ms/doc": 1000 * cpu / n_docs, "stories": len(result.stories),
            "findings": len(frame), "peak MB": peak}


def peers(n_docs: int = 400) -> dict[str, float]:
    """MB/s per core of quantulum3 and dateparser on the first `PEER_BYTES` of ``events``."""
    texts: list[str] = []
    size = 0
    for d in event_corpus(n_docs):
        if size >= PEER_BYTES:
            break
        texts.append(d.text)
        size += len(d.text.encode("utf-8"))
    rates: dict[str, float] = {}
    try:
        from quantulum3 import parser as quantulum

        quantulum.parse(texts[0])  # loads its models outside the timing
        t0 = time.process_time()
        for t in texts:
            quantulum.parse(t)
        rates["quantulum3"] = size / 1e6 / (time.process_time() - t0)
    except ImportError:
        print("quantulum3 is not installed (pip install '.[bench]'): no ratio to it", file=sys.stderr)
    try:
        from dateparser.search import search_dates

        search_dates(texts[0])
        t0 = time.process_time()
        for t in texts:
            search_dates(t)
        rates["dateparser"] = size / 1e6 / (time.process_time() - t0)
    except ImportError:
        print("dateparser is not installed (pip install '.[bench]'): no ratio to it", file=sys.stderr)
    return rates


COLUMNS = ("corpus", "docs", "MB", "cpu s", "wall s", "MB/s/core", "ms/doc", "stories", "findings",
           "peak MB")


def _row(row: dict[str, float | int | str]) -> str:
    cells = []
    for c in COLUMNS:
        v = row[c]
        cells.append(f"{v:>10.3f}" if isinstance(v, float) else f"{v:>10}")
    return " | ".join(cells)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--corpora", nargs="+", choices=CORPORA, default=["events", "mixed"])
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (--jobs of the CLI)")
    parser.add_argument("--engine", choices=("local", "dask"), default="local")
    parser.add_argument("--no-peers", action="store_true", help="skip quantulum3 and dateparser")
    parser.add_argument("--one", nargs=2, metavar=("CORPUS", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure(args.one[0], int(args.one[1]), args.jobs, args.engine)))
        return 0
    print(" | ".join(f"{c:>10}" for c in COLUMNS), flush=True)
    best: dict[str, float] = {}
    for name in args.corpora:
        rows = []
        for size in args.sizes:
            out = subprocess.run(
                [sys.executable, "-m", "benchmarks.audit", "--one", name, str(size),
                 "--jobs", str(args.jobs), "--engine", args.engine],
                cwd=ROOT, check=True, capture_output=True, text=True,
            )
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(_row(rows[-1]), flush=True)
        if len(rows) > 1:
            ratio = float(rows[-1]["ms/doc"]) / float(rows[0]["ms/doc"])
            print(f"{name}: cost per document at {rows[-1]['docs']} / at {rows[0]['docs']} = {ratio:.2f}")
        best[name] = float(rows[-1]["MB/s/core"])
    if not args.no_peers:
        for peer, rate in peers().items():
            ratios = ", ".join(f"{name} {mbs / rate:.1f}x" for name, mbs in best.items())
            print(f"{peer}: {rate:.3f} MB/s per core; the audit reads {ratios} as fast")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
