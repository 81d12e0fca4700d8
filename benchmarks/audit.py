"""Time the whole audit on corpora of 100, 1,000 and 10,000 documents made from the seeds.

    python benchmarks/audit.py                    # sizes 100 1000 10000
    python benchmarks/audit.py --sizes 100 1000 --jobs 2
    python benchmarks/audit.py --distinct --sizes 100 1000

Each corpus repeats the seed articles under new ids (``benchmarks.corpus.seed_corpus`` when
that module exists, else the same construction inline). Identical texts are one source to
the comparator, so by default the figures show the cost of extraction and of collapsing
copies. ``--distinct`` gives every document a unique closing line, so no two are copies and
every seed conflict is repeated between every pair of documents that carry it: the number of
findings then grows with the square of the corpus (that is what the table is: one row per
conflicting pair), while candidate pairs per document stay bounded by the blocking.

Printed per size: seconds for extraction, comparison and in total, facts per document,
candidate pairs scored per document (alignment and name comparisons), aligned pairs and
findings.
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
from dataclasses import replace  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from discrepancy import Settings, load_documents  # noqa: E402
from discrepancy.compare import compare  # noqa: E402
from discrepancy.document import Document  # noqa: E402
from discrepancy.extract import extract_corpus  # noqa: E402

SEEDS = ROOT / "seeds"


def _letters(i: int) -> str:
    """A number written with letters only, so it never becomes a numeric fact."""
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(ord("a") + r) + out
    return out


def seed_corpus(n_docs: int, distinct: bool = False) -> list[Document]:
    """``n_docs`` documents cycling through the seeds, each with its own id."""
    base: list[Document] | None = None
    if not distinct:
        try:
            from benchmarks.corpus import seed_corpus as shared  # type: ignore[import-not-found]

            return list(shared(n_docs))
        except ImportError:
            pass
    base = load_documents(SEEDS)
    docs = []
    for i in range(n_docs):
        seed = base[i % len(base)]
        text = seed.text
        if distinct:
            text = f"{text}\n\nStory reference {_letters(i)}.\n"
        docs.append(replace(seed, id=f"{i:05d}_{seed.id}", text=text, path=""))
    return docs


def run(n_docs: int, settings: Settings, distinct: bool) -> dict[str, float]:
    docs = seed_corpus(n_docs, distinct)
    t0 = time.perf_counter()
    per_doc = extract_corpus(docs, settings)
    t1 = time.perf_counter()
    result = compare(docs, per_doc, settings)
    t2 = time.perf_counter()
    facts = sum(len(f) for f in per_doc)
    copies = sum(len(c) for c in result.copies.values())
    return {
        "docs": n_docs,
        "facts/doc": facts / n_docs,
        "extract s": t1 - t0,
        "compare s": t2 - t1,
        "total s": t2 - t0,
        "pairs/doc": result.stats.candidates / n_docs,
        "aligned": result.stats.aligned,
        "findings": len(result.findings),
        "copies": copies,
        "largest block": result.stats.largest_block,
    }


COLUMNS = (
    "docs",
    "facts/doc",
    "extract s",
    "compare s",
    "total s",
    "pairs/doc",
    "aligned",
    "findings",
    "copies",
    "largest block",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--jobs", type=int, default=1, help="extraction worker processes")
    parser.add_argument("--distinct", action="store_true", help="make every document text unique")
    args = parser.parse_args(argv)
    settings = Settings(jobs=args.jobs)
    print(" | ".join(f"{c:>13}" for c in COLUMNS), flush=True)
    for size in args.sizes:
        row = run(size, settings, args.distinct)
        cells = []
        for c in COLUMNS:
            v = row[c]
            cells.append(f"{v:>13.3f}" if isinstance(v, float) else f"{v:>13}")
        print(" | ".join(cells), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
