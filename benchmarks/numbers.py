"""Throughput and conformance of numeric extraction beside quantulum3, in one run.

    python benchmarks/numbers.py               # 2 MB of seed documents
    python benchmarks/numbers.py --mb 4
    python benchmarks/numbers.py --skip-peer   # this project only

Prints MB/s of `discrepancy.extractors.numbers` and of quantulum3's ``parser.parse`` over the
same documents (built with `benchmarks.corpus.seed_corpus`), their ratio, and both systems'
pass rates on the conformance files scored by ``tests/test_conformance_numbers.py`` (the
same adapters and hold-outs; quantulum3's output is turned into facts first).
"""

from __future__ import annotations

import os
import sys

# Run as a script, this file's folder comes first on sys.path and its name would shadow the
# standard library's `numbers` module (which `decimal` imports): drop that folder.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]

import argparse  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from decimal import Decimal  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import seed_corpus, test_module  # noqa: E402
from discrepancy.document import Document  # noqa: E402
from discrepancy.extractors import numbers  # noqa: E402
from discrepancy.facts import Amount, Fact, Subject  # noqa: E402
from discrepancy.settings import Settings  # noqa: E402


def _corpus(mb: float) -> list[Document]:
    docs: list[Document] = []
    size = 0
    n = 64
    while size < mb * 1_000_000:
        docs = seed_corpus(n)
        size = sum(len(d.text.encode("utf-8")) for d in docs)
        n *= 2
    # trim to the requested size
    out, size = [], 0
    for d in docs:
        if size >= mb * 1_000_000:
            break
        out.append(d)
        size += len(d.text.encode("utf-8"))
    return out


def _time(fn: Any, docs: list[Document]) -> tuple[float, int]:
    t0 = time.perf_counter()
    count = 0
    for d in docs:
        count += len(list(fn(d)))
    return time.perf_counter() - t0, count


# quantulum3 unit names -> this project's kinds and units (through the conformance adapter)
_Q3_KINDS = {"currency": "money", "dimensionless": "count", "time": "duration"}


def _quantulum_facts(parse: Any, q3_unit: Any) -> Any:
    def facts(text: str) -> list[Fact]:
        out = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = parse(text)
        for q in found:
            unit, factor = q3_unit(q.unit.name)
            entity = q.unit.entity.name
            kind = _Q3_KINDS.get(entity, "quantity")
            if unit == "percent":
                kind = "percent"
            value = Decimal(str(q.value)) * factor
            half = Decimal(str(q.uncertainty or 0)) * factor
            amount = Amount(value - half, value + half, unit=unit)
            start, end = q.span
            rule = "numbers.range-quantulum3" if half else "quantulum3"
            out.append(Fact("case", kind, Subject(), text[start:end], start, end, amount, rule=rule))
        return out

    return facts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=2.0, help="corpus size in MB (default 2)")
    ap.add_argument("--skip-peer", action="store_true", help="do not run quantulum3")
    args = ap.parse_args(argv)

    docs = _corpus(args.mb)
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1_000_000
    settings = Settings()
    ours_s, ours_n = _time(lambda d: numbers.extract(d, settings), docs)
    rows = [("discrepancy.numbers", ours_s, ours_n)]

    conf = test_module("test_conformance_numbers")
    # The conformance files live in ../shared, which a plain clone does not have: measure
    # speed anyway and say why the pass rates are missing.
    has_conformance = conf.CONFORMANCE.is_dir()
    names = list(conf.FILES) if has_conformance else []
    ours_rates = {n: conf.score(n) for n in names}
    peer_rates: dict[str, Any] = {}
    if not args.skip_peer:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser

            parser.parse("warm up 5 km")  # loads its tables once, outside the timing
        peer_s, peer_n = _time(lambda d: parser.parse(d.text), docs)
        rows.append(("quantulum3.parser.parse", peer_s, peer_n))
        original = conf._facts
        conf._facts = _quantulum_facts(parser.parse, conf._q3_unit)  # type: ignore[attr-defined]
        try:
            peer_rates = {n: conf.score(n) for n in names}
        finally:
            conf._facts = original  # type: ignore[attr-defined]

    print(f"Throughput on {len(docs)} seed documents, {mb:.2f} MB")
    print(f"{'system':26} {'seconds':>9} {'MB/s':>9} {'amounts':>9}")
    for name, secs, count in rows:
        print(f"{name:26} {secs:9.2f} {mb / secs:9.3f} {count:9d}")
    if len(rows) == 2:
        print(f"speed ratio (discrepancy / quantulum3): {rows[1][1] / rows[0][1]:.1f}x")
    print()
    if not has_conformance:
        print(f"conformance data not found at {conf.CONFORMANCE}: pass rates skipped")
        return 0
    print("Conformance pass rates (in-scope cases, same adapters and hold-outs)")
    print(f"{'file':32} {'discrepancy':>12} {'quantulum3':>11} {'cases':>6}")
    for n in names:
        ours = ours_rates[n]
        peer = f"{peer_rates[n].rate:11.1%}" if n in peer_rates else f"{'-':>11}"
        print(f"{n:32} {ours.rate:12.1%} {peer} {ours.total:6d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
