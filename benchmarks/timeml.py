"""Date reading scored on TimeML news: TimeBank 1.2 and AQUAINT (TempEval-3 training half).

    python -m benchmarks.timeml                 # both corpora, 20 commonest misses each
    python -m benchmarks.timeml --misses 50
    python -m benchmarks.timeml --corpus AQUAINT --limit 10

Each article's creation time (its ``<DCT>``) is the dateline; the text between ``<TEXT>`` tags,
with the markup removed, is read by `discrepancy.extractors.dates`, and every date fact's value
is written as TIMEX3 by `discrepancy.temporal.timex` (the one normalizer the audit uses too).

Scoring is the TempEval-3 "value" measure restricted to what the audit reads, dates and times:

* a gold ``DATE`` or ``TIME`` expression is *found* (span recall) when a date fact overlaps it,
  and *right* when an overlapping fact's value equals the gold value at the gold's precision
  (``1998-01`` is matched by ``1998-01-08``; ``1998-01-08`` is not matched by ``1998-01``);
* value recall = right golds / golds; value precision = right facts / all date facts (a fact
  over a gold ``DURATION`` or ``SET``, or over no gold at all, is wrong); F1 their harmonic mean.

Golds are also scored per expression type: ``time of day`` (a ``TIME`` or a value with a clock
or day part), ``vague reference`` (``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``), ``relative
weekday`` (a weekday name), ``absolute`` (a year, or a month name with a day or year) and
``relative offset`` (the rest: "yesterday", "last week", "the third quarter", "this year").
The commonest misses are listed as ``text -> gold value (what was read)``.

The corpora live in ``../shared/conformance/timebank/`` (see its README); they are not copied
into the repository.
"""

from __future__ import annotations

import argparse
import html
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from discrepancy.document import Document  # noqa: E402
from discrepancy.extractors import dates  # noqa: E402
from discrepancy.facts import When  # noqa: E402
from discrepancy.settings import Settings  # noqa: E402
from discrepancy.temporal import timex  # noqa: E402

FOLDER = ROOT.parent / "shared" / "conformance" / "timebank"
CORPORA = ("TimeBank", "AQUAINT")
TYPES = ("absolute", "relative weekday", "relative offset", "vague reference", "time of day")

_TAG = regex.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTR = regex.compile(r'([A-Za-z]+)="([^"]*)"')
_DCT = regex.compile(r"<DCT>.*?value=\"(\d{4})-(\d{2})-(\d{2})", regex.DOTALL)
_WEEKDAY = regex.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
_MONTH = regex.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b")


@dataclass(frozen=True)
class Gold:
    """One gold TIMEX3 of an article: its span in the plain text, type, value and text."""

    start: int
    end: int
    type: str
    value: str
    text: str

    @property
    def kind(self) -> str:
        """The expression type this gold is scored under (see the module docstring)."""
        if self.type == "TIME" or regex.search(r"\dT", self.value):
            return "time of day"
        if self.value.endswith("_REF"):
            return "vague reference"
        if _WEEKDAY.search(self.text):
            return "relative weekday"
        if regex.search(r"\d{2}", self.text) or (_MONTH.search(self.text) and regex.search(r"\d", self.text)):
            return "absolute"
        return "relative offset"


@dataclass(frozen=True)
class Article:
    """A TimeML article: id, creation date, plain text and gold expressions."""

    id: str
    dct: When
    text: str
    golds: tuple[Gold, ...]


def load_tml(path: Path) -> Article:
    """Read one ``.tml`` file: the DCT, the ``<TEXT>`` body without markup, the TIMEX3 golds.

    >>> a = load_tml_text("x", '<DCT><TIMEX3 value="1998-01-08"/></DCT><TEXT>On <TIMEX3 '
    ...     'tid="t1" type="DATE" value="1998-01-07">Wednesday</TIMEX3> &amp; then</TEXT>')
    >>> a.dct.render(), a.text, a.golds[0].text, a.golds[0].value
    ('1998-01-08', 'On Wednesday & then', 'Wednesday', '1998-01-07')
    """
    return load_tml_text(path.stem, path.read_text(encoding="utf-8"))


def load_tml_text(name: str, raw: str) -> Article:
    """`load_tml` on the file's text."""
    dct = _DCT.search(raw)
    if dct is None:
        raise ValueError(f"{name}: no DCT date")
    body_start = raw.index("<TEXT>") + len("<TEXT>")
    body = raw[body_start : raw.index("</TEXT>")]
    out: list[str] = []
    size = 0
    open_timex: dict[str, str] | None = None
    open_at = 0
    golds: list[Gold] = []
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        out.append(chunk)
        size += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1):
            if open_timex is not None:
                text = "".join(out)[open_at:size]
                golds.append(
                    Gold(open_at, size, open_timex.get("type", ""), open_timex.get("value", ""), text)
                )
            open_timex = None
        elif not m.group(3).rstrip().endswith("/"):
            open_timex = dict(_ATTR.findall(m.group(3)))
            open_at = size
    out.append(html.unescape(body[pos:]))
    golds = [replace(g, value=gold_value(g.value)) for g in golds]
    y, mo, d = (int(g) for g in dct.groups())
    return Article(name, When(y, mo, d), "".join(out), tuple(golds))


def gold_value(value: str) -> str:
    """A gold value in the normalizer's spelling: unspecified trailing fields dropped (their
    precision is the coarser one), one-digit weeks padded as ISO 8601 writes them.

    >>> gold_value("1998-12-XX"), gold_value("1994-XX-XX"), gold_value("2000-W7"), gold_value("XXXX-XX-XX")
    ('1998-12', '1994', '2000-W07', 'XXXX-XX-XX')
    >>> gold_value("199X"), gold_value("19XX")
    ('199', '19')
    """
    value = regex.sub(r"-W(\d)(?!\d)", r"-W0\1", value)
    while regex.match(r"\d{4}(?:-.*)?-(?:XX|WXX|QX)$", value):
        value = value.rsplit("-", 1)[0]
    return regex.sub(r"^(\d{2,3})X+$", r"\1", value)  # "199X": the decade


def articles(corpus: str, limit: int | None = None) -> list[Article]:
    """The articles of one corpus, sorted by file name (the first ``limit`` when given)."""
    paths = sorted((FOLDER / corpus).glob("*.tml"))
    return [load_tml(p) for p in paths[:limit]]


@dataclass
class Tally:
    """Counts of one corpus (or one expression type)."""

    golds: int = 0
    found: int = 0
    right: int = 0
    predicted: int = 0
    correct: int = 0
    misses: Counter[str] = field(default_factory=Counter)

    @property
    def recall(self) -> float:
        return self.right / self.golds if self.golds else 0.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def span_recall(self) -> float:
        return self.found / self.golds if self.golds else 0.0


def equal_at_precision(predicted: str | None, gold: str) -> bool:
    """``predicted`` names ``gold`` at the gold's precision.

    >>> equal_at_precision("1998-01-08", "1998-01"), equal_at_precision("1998-01", "1998-01-08")
    (True, False)
    >>> equal_at_precision("1998-01-08T14:00", "1998-01-08"), equal_at_precision("1990", "199")
    (True, True)
    """
    if predicted is None:
        return False
    if predicted == gold:
        return True
    return predicted.startswith(gold) and (len(gold) <= 3 or predicted[len(gold)] in "-T")


def score(items: Iterable[Article], settings: Settings | None = None) -> dict[str, Tally]:
    """Tallies for all golds (key ``"all"``) and per expression type."""
    settings = settings or Settings()
    tallies = {"all": Tally(), **{t: Tally() for t in TYPES}}
    total = tallies["all"]
    for art in items:
        doc = Document(id=art.id, text=art.text, published=art.dct)
        facts = [
            (f.start, f.end, timex(f.value) if isinstance(f.value, When) else None, f.surface)
            for f in dates.extract(doc, settings)
        ]
        dated = [g for g in art.golds if g.type in ("DATE", "TIME")]
        for g in dated:
            over = [f for f in facts if f[0] < g.end and g.start < f[1]]
            ok = any(equal_at_precision(f[2], g.value) for f in over)
            for t in (total, tallies[g.kind]):
                t.golds += 1
                t.found += bool(over)
                t.right += ok
                if not ok:
                    read = ", ".join(f"{f[3]!r}={f[2]}" for f in over) or "nothing"
                    t.misses[f"{g.text!r} -> {g.value} ({read})"] += 1
        for start, end, value, surface in facts:
            over_golds = [g for g in art.golds if g.start < end and start < g.end]
            good = any(g.type in ("DATE", "TIME") and equal_at_precision(value, g.value) for g in over_golds)
            kinds = {g.kind for g in over_golds if g.type in ("DATE", "TIME")}
            total.predicted += 1
            total.correct += good
            if not over_golds:
                total.misses[f"(no gold) {surface!r}={value}"] += 1
            for k in kinds:
                tallies[k].predicted += 1
                tallies[k].correct += good
    return tallies


def report(corpus: str, tallies: dict[str, Tally], misses: int) -> list[str]:
    """The printed table of one corpus."""
    lines = [f"{corpus}: {tallies['all'].golds} dates and times"]
    lines.append(f"  {'type':18} {'golds':>6} {'F1':>6} {'P':>6} {'R':>6} {'span R':>7}")
    for name, t in tallies.items():
        rates = f"{100 * t.f1:6.1f} {t.precision:6.2f} {t.recall:6.2f} {t.span_recall:7.2f}"
        lines.append(f"  {name:18} {t.golds:6} {rates}")
    if misses:
        lines.append(f"  {misses} commonest misses (text -> gold value (what was read)):")
        for text, n in tallies["all"].misses.most_common(misses):
            lines.append(f"    {n:3} {text}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", choices=CORPORA, action="append", help="score only this corpus")
    ap.add_argument("--limit", type=int, help="score only the first N articles of each corpus")
    ap.add_argument("--misses", type=int, default=20, help="how many commonest misses to list")
    args = ap.parse_args(argv)
    if not FOLDER.is_dir():
        print(f"TimeML corpora not found at {FOLDER}", file=sys.stderr)
        return 2
    for corpus in args.corpus or CORPORA:
        print("\n".join(report(corpus, score(articles(corpus, args.limit)), args.misses)))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
