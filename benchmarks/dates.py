"""Throughput and conformance of date extraction beside dateparser, in one run.

    python benchmarks/dates.py                 # 0.25 MB of seed documents
    python benchmarks/dates.py --mb 1
    python benchmarks/dates.py --skip-peer     # this project only

Prints MB/s of `discrepancy.extractors.dates` (reading, resolution against the dateline and
the event of each date) and of dateparser's ``search_dates(text, languages=['en'])`` over the
same documents (built with `benchmarks.corpus.seed_corpus`), their ratio, and both systems'
pass rates on the Recognizers-Text files scored by ``tests/test_conformance_dates.py`` (same
scorer and hold-outs). dateparser is run with ``RELATIVE_BASE`` set to the case's reference
date and ``PREFER_DATES_FROM='past'``, its closest setting to the past resolution scored.
dateparser is slow (kilobytes per second), hence the small default size.
"""

from __future__ import annotations

import os
import sys

# Run as a script, this file's folder comes first on sys.path, where the sibling
# benchmarks/numbers.py would shadow the standard library's `numbers`: drop that folder.
_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import regex  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import seed_corpus, test_module  # noqa: E402
from discrepancy.document import Document  # noqa: E402
from discrepancy.extractors import dates  # noqa: E402
from discrepancy.settings import Settings  # noqa: E402


def _corpus(mb: float) -> list[Document]:
    """Seed documents, cycled, until ``mb`` megabytes of text."""
    docs: list[Document] = []
    size = 0
    n = 5
    while size < mb * 1_000_000:
        docs = seed_corpus(n)
        size = sum(len(d.text.encode("utf-8")) for d in docs)
        n += 5
    return docs


def _time(fn: Any, docs: list[Document], repeat: int = 1) -> tuple[float, int]:
    """Best seconds over ``repeat`` runs of ``fn`` on every document, and the items found."""
    best = float("inf")
    found = 0
    for _ in range(repeat):
        started = time.perf_counter()
        found = sum(len(fn(d)) for d in docs)
        best = min(best, time.perf_counter() - started)
    return best, found


_TIME_WORDS = regex.compile(r"\d:\d|\d\s?[ap]\.?\s?m\b|\bnoon\b|\bmidnight\b|o'?clock", regex.IGNORECASE)


def _dateparser_system(search_dates: Any) -> Any:
    """dateparser as a conformance system: (text, reference) -> mentions with values."""

    def system(text: str, ref: dt.datetime) -> list[tuple[int, int, str, str | None]]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = (
                search_dates(
                    text, languages=["en"], settings={"RELATIVE_BASE": ref, "PREFER_DATES_FROM": "past"}
                )
                or []
            )
        out = []
        pos = 0
        for surface, when in found:
            start = text.find(surface, pos)
            start = text.find(surface) if start < 0 else start
            pos = max(pos, start + len(surface))
            if _TIME_WORDS.search(surface):
                value = when.strftime("%H:%M:%S")
            else:
                value = when.date().isoformat()
            out.append((start, start + len(surface), surface, value))
        return out

    return system


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=0.25, help="corpus size in MB (default 0.25)")
    ap.add_argument("--skip-peer", action="store_true", help="do not run dateparser")
    args = ap.parse_args(argv)

    docs = _corpus(args.mb)
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1_000_000
    settings = Settings()
    dates.extract(Document(id="warm", text="on Friday 3 January"), settings)  # load tables, compile

    def ours(doc: Document) -> list[Any]:
        return list(dates.extract(doc, settings))

    ours_s, ours_n = _time(ours, docs, repeat=3)
    rows = [("discrepancy", ours_s, ours_n)]
    peer = None
    if not args.skip_peer:
        from dateparser.search import search_dates

        def theirs(doc: Document) -> list[Any]:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return search_dates(doc.text, languages=["en"]) or []

        theirs(Document(id="warm", text="on Friday 3 January"))
        peer_s, peer_n = _time(theirs, docs)
        rows.append(("dateparser", peer_s, peer_n))
        peer = _dateparser_system(search_dates)

    print(f"Throughput on {len(docs)} seed documents ({mb:.2f} MB)")
    print(f"{'system':14} {'seconds':>8} {'MB/s':>8} {'found':>7}")
    for name, seconds, n in rows:
        print(f"{name:14} {seconds:8.3f} {mb / seconds:8.3f} {n:7}")
    if len(rows) == 2:
        print(f"ratio (discrepancy / dateparser MB/s): {rows[1][1] / rows[0][1]:.1f}x")

    conf = test_module("test_conformance_dates")
    if not conf.FOLDER.is_dir():
        print(f"conformance data not found at {conf.FOLDER}: pass rates skipped")
        return 0
    print()
    print(f"{'file':32} {'discrepancy':>16} {'dateparser':>16}")
    for name in conf.FILES:
        passed, scored, _failing, held = conf.score_file(name, conf.ours)
        cells = [f"{passed}/{scored} {100 * passed / scored:5.1f}%"]
        if peer is not None and name != "DateTime-TimeZoneParser.json":
            p_passed, p_scored, _f, _h = conf.score_file(name, peer)
            cells.append(f"{p_passed}/{p_scored} {100 * p_passed / p_scored:5.1f}%")
        else:
            cells.append("n/a")
        print(f"{name:32} {cells[0]:>16} {cells[1]:>16}   held out {len(held)}")
    print("(dateparser finds no standalone time zones, so it is not scored on TimeZoneParser.)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
