"""Command line: ``python -m discrepancy PATH...``.

Exit status: 0 no finding at or above the fail level, 1 there is one, 2 the audit could
not run (bad flag, missing path, no documents), 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__
from .audit import collect, run
from .findings import SEVERITY_ORDER
from .load import LoadError
from .report import RENDERERS
from .settings import Settings

FAIL_LEVELS = ("info", "warning", "error", "never")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"discrepancy: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="discrepancy", description="Audit documents for facts that disagree with each other.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to audit together")
    p.add_argument("--format", choices=sorted(RENDERERS), default="table", help="output format (default: table)")
    p.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout")
    p.add_argument("--fail-level", choices=FAIL_LEVELS, default="error",
                   help="exit 1 when a finding at or above this level exists (default: error)")
    p.add_argument("--published", action="append", default=[], metavar="DOC=DATE",
                   help="publication date of a document (id or file name), e.g. a.txt=2020-01-08")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return p


def _parse_published(items: Sequence[str]) -> dict[str, str]:
    out = {}
    for item in items:
        doc, sep, date = item.partition("=")
        if not sep or not doc or not date:
            raise LoadError(f"--published {item!r}: expected DOC=DATE")
        out[doc.strip()] = date.strip()
    return out


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        published = _parse_published(args.published)
        docs = collect(args.paths, published=published, on_warning=lambda m: print(f"discrepancy: warning: {m}", file=sys.stderr))
        result = run(docs, Settings())
        frame = result.frame()
        text = RENDERERS[args.format](frame, n_docs=len(docs))
        if args.output:
            with open(args.output, "w", encoding="utf-8") as fh:
                fh.write(text)
        else:
            sys.stdout.write(text)
    except LoadError as exc:
        print(f"discrepancy: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"discrepancy: error: {exc.filename or ''}: {exc.strerror}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("discrepancy: interrupted", file=sys.stderr)
        return 130
    if args.fail_level == "never":
        return 0
    threshold = SEVERITY_ORDER[args.fail_level]
    return 1 if any(SEVERITY_ORDER[s] <= threshold for s in frame["severity"]) else 0
