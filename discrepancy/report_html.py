"""The HTML report: an audit as one self-contained page a person reads in a browser.

`html` renders an `AuditResult` (and the findings to show, after the command line's filters)
with the Jinja2 template ``templates/report.html.j2``: a summary, a filterable table of slots
(each distinct value with the sources giving it, their publication times and quotes), a
timeline chart per running total and per slot stated by three or more sources, the findings
with links to their quotes, and every document with its facts highlighted.

The page needs no network: styles and the filter script are inline, charts are SVG drawn by
matplotlib. Every text that comes from a document (ids, paths, metadata, quotes) goes through
Jinja2's autoescaping; the documents' full text, marked fact by fact, is escaped piece by piece
in `_doc_view` (a template loop per fact would dominate the time on large corpora). A
Content-Security-Policy allows only the page's own script (by its hash), so text that slipped
past escaping still could not run.

Jinja2 and matplotlib are the optional ``html`` extra; without them `html` raises
`ImportError` naming it.
"""

from __future__ import annotations

import base64
import datetime as _dt
import hashlib
import io
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from html import escape as html_escape
from importlib import resources
from typing import TYPE_CHECKING, Any

from .document import Document
from .facts import INF, NEG_INF, Amount, Fact, When
from .findings import SEVERITY_ORDER, Finding, sort_key
from .report import clean as _clean
from .safeio import printable

if TYPE_CHECKING:
    from .audit import AuditResult
    from .slots import Slot

# Metadata keys that name a document's headline and its outlet, in order of preference
# (front matter, HTML <meta>, JSON Lines fields use different spellings).
TITLE_KEYS = ("title", "headline", "og:title", "twitter:title")
OUTLET_KEYS = ("outlet", "source", "publisher", "site_name", "og:site_name", "site")
# Characters of sentence kept on either side of a quoted value: enough to read the claim,
# short enough that a table cell stays a cell.
QUOTE_CONTEXT = 160
# Sources quoted per value in the slots table; the others are listed as links (a value given
# by hundreds of copies of a wire story would otherwise bury the table).
QUOTED_SOURCES = 8
# A slot gets a timeline when it is a running total or when this many documents state it.
TIMELINE_SOURCES = 3
# Charts drawn at most: each costs some tens of milliseconds, and a page of thousands of
# charts is read by nobody; the rest keep their table rows.
MAX_CHARTS = 60
# A chart names its sources next to their marks up to this many, and lists this many values.
MAX_LABELS = 12
MAX_LEGEND = 10
_MISSING = "the HTML report needs the 'html' extra: pip install 'discrepancy[html]'"


@dataclass
class _Source:
    """One document giving one value of a slot, as the slots table shows it."""

    label: str
    outlet: str
    published: str
    before: str
    hit: str
    after: str
    where: str
    anchor: str


@dataclass
class _Row:
    id: int
    story: str
    family: str
    subject: str
    status: str
    values: list[tuple[str, list[_Source]]]
    chart: str = ""


@dataclass
class _DocView:
    index: int
    id: str
    path: str
    title: str
    outlet: str
    published: str
    body: Any = ""  # the text as escaped HTML with its facts marked (a Markup)
    n_facts: int = 0


def clean(text: str, keep_breaks: bool = False) -> str:
    r"""Document text made safe to print: lone surrogates and control characters escaped
    (HTML escaping is the template's).

    >>> clean("a\udcff\x1bb")
    'a\\udcff\\x1bb'
    """
    return _clean(printable(text), keep_breaks)


def _first(meta: Mapping[str, Any], keys: Sequence[str]) -> str:
    folded = {str(k).lower(): v for k, v in meta.items()}
    for key in keys:
        value = folded.get(key)
        if isinstance(value, (str, int, float)) and str(value).strip():
            return clean(str(value).strip())[:200]
    return ""


def _published(doc: Document) -> str:
    return doc.published.render() if doc.published is not None else ""


def _when(doc: Document) -> _dt.datetime | None:
    """A document's publication time as a UTC datetime (a date alone counts as its midnight)."""
    if doc.published is None:
        return None
    inst = doc.published.instant
    if inst is not None:
        return inst
    day = doc.published.date
    return _dt.datetime(day.year, day.month, day.day, tzinfo=_dt.UTC) if day is not None else None


def _fact_id(doc_index: int, k: int) -> str:
    return f"d{doc_index}-f{k}"


class _Index:
    """Anchors of facts and documents, and where a fact sits in its file."""

    def __init__(self, result: AuditResult, paths: Mapping[str, str]) -> None:
        self.docs = {d.id: (i, d) for i, d in enumerate(result.documents)}
        self.facts = dict(zip((d.id for d in result.documents), result.facts, strict=False))
        self.paths = paths
        self.anchor: dict[tuple[str, int, int, str], str] = {}
        # Anchors of facts that are not marked (they overlap a marked one) -> the marked one's.
        self.alias: dict[str, str] = {}
        self._at: dict[str, dict[tuple[int, int], str]] = {}
        for (i, _), facts in zip(enumerate(result.documents), result.facts, strict=False):
            for k, f in enumerate(sorted(facts, key=lambda f: (f.start, -f.end))):
                self.anchor[(f.doc, f.start, f.end, f.kind)] = _fact_id(i, k)

    def path(self, doc_id: str) -> str:
        return clean(self.paths.get(doc_id) or doc_id)

    def fact_anchor(self, f: Fact) -> str:
        a = self.anchor.get((f.doc, f.start, f.end, f.kind), "")
        return self.alias.get(a, a)

    def doc_anchor(self, doc_id: str) -> str:
        i = self.docs.get(doc_id, (-1, None))[0]
        return f"doc-{i}" if i >= 0 else ""

    def at(self, doc_id: str, line: int, col: int) -> str:
        """The anchor of the fact a finding points at (file line and column), else its document's."""
        if doc_id not in self._at and doc_id in self.docs:
            doc = self.docs[doc_id][1]
            spots: dict[tuple[int, int], str] = {}
            for f in sorted(self.facts.get(doc_id, ()), key=lambda f: (f.start, -f.end)):
                spots.setdefault(doc.line_col(f.start), self.fact_anchor(f))
            self._at[doc_id] = spots
        return self._at.get(doc_id, {}).get((line, col)) or self.doc_anchor(doc_id)


def _quote(doc: Document, f: Fact) -> tuple[str, str, str]:
    """The sentence around a fact, cut to `QUOTE_CONTEXT` on each side: before, value, after."""
    text = doc.text
    start, end = max(0, min(f.start, len(text))), max(0, min(f.end, len(text)))
    s0 = f.sentence_start if 0 <= f.sentence_start <= start else start
    s1 = s0 + len(f.sentence) if f.sentence and s0 + len(f.sentence) >= end else end
    before, after = text[max(s0, start - QUOTE_CONTEXT):start], text[end:min(s1, end + QUOTE_CONTEXT)]
    if start - s0 > QUOTE_CONTEXT:
        before = "…" + before
    if s1 - end > QUOTE_CONTEXT:
        after += "…"
    return clean(before), clean(text[start:end]), clean(after)


def _rows(result: AuditResult, index: _Index) -> list[_Row]:
    rows = []
    for slot in result.slots:
        values = []
        for value, facts in slot.values:
            sources: list[_Source] = []
            seen: set[str] = set()
            for f in facts:
                if f.doc in seen or f.doc not in index.docs:
                    continue
                seen.add(f.doc)
                doc = index.docs[f.doc][1]
                line, _ = doc.line_col(f.start)
                # Only the first sources are quoted (`QUOTED_SOURCES`); the rest are links.
                quoted = len(sources) < QUOTED_SOURCES
                before, hit, after = _quote(doc, f) if quoted else ("", "", "")
                sources.append(_Source(
                    label=(_first(doc.metadata, TITLE_KEYS) or index.path(f.doc)) if quoted else "",
                    outlet=_first(doc.metadata, OUTLET_KEYS) if quoted else "",
                    published=_published(doc),
                    before=before, hit=hit, after=after,
                    where=f"{index.path(f.doc)}:{line}",
                    anchor=index.fact_anchor(f) or index.doc_anchor(f.doc),
                ))
            values.append((clean(value), sources))
        rows.append(_Row(slot.id, clean(slot.story), slot.family, clean(slot.subject), slot.status, values))
    return rows


# --- timelines --------------------------------------------------------------------------

def wants_timeline(slot: Slot) -> bool:
    """A running total, or a slot of numbers or dates stated by `TIMELINE_SOURCES` or more documents.

    >>> from discrepancy.facts import Subject
    >>> from discrepancy.slots import Slot
    >>> def fact(doc, n):
    ...     return Fact(doc, "count", Subject(head="death"), str(n), 0, 2, Amount.exact(n))
    >>> two = Slot(0, "count", "death", "conflict", (("5", (fact("a", 5),)), ("6", (fact("b", 6),))))
    >>> wants_timeline(two), wants_timeline(Slot(0, "count", "death", "update", two.values))
    (False, True)
    """
    facts = [f for _, fs in slot.values for f in fs]
    if not facts or not (all(isinstance(f.value, Amount) for f in facts)
                         or all(isinstance(f.value, When) for f in facts)):
        return False
    return slot.status == "update" or len({f.doc for f in facts}) >= TIMELINE_SOURCES


def _span(value: object) -> tuple[float | None, float | None, bool] | None:
    """Where a value sits on the y axis: its finite ends (None for an open side) and whether it
    is hedged; None when it cannot be placed (a weekday without a date).

    >>> _span(Amount.exact(5)), _span(Amount(Amount.exact(12).low, INF, low_open=True))
    ((5.0, 5.0, False), (12.0, None, False))
    >>> month = _span(When(year=2020, month=1))
    >>> bool(month[0] < month[1]), _span(When(weekday=4))
    (True, None)
    """
    if isinstance(value, Amount):
        open_low = value.low == NEG_INF or (value.low == 0 and not value.is_point and not value.low_open
                                            and value.high != INF)
        low = None if open_low else float(value.low)
        high = None if value.high == INF else float(value.high)
        return low, high, value.approximate
    if isinstance(value, When):
        from matplotlib.dates import date2num

        if value.instant is not None:
            t = date2num(value.instant)
            return t, t, False
        if value.date is not None:
            t = date2num(_dt.datetime.combine(value.date, _dt.time(), _dt.UTC))
            return t, t, False
        if value.year is not None:
            # A month or a year alone is the whole span it names.
            m0, m1 = (value.month, value.month) if value.month is not None else (1, 12)
            first = _dt.datetime(value.year, m0, 1, tzinfo=_dt.UTC)
            after = _dt.datetime(value.year + (m1 == 12), m1 % 12 + 1, 1, tzinfo=_dt.UTC)
            return date2num(first), date2num(after), False
    return None


def _mark_label(text: str) -> str:
    """A chart label: short and printable (drawn with ``parse_math=False``, so ``$`` stays ``$``).

    >>> _mark_label("$5 from a very long outlet name indeed")
    '$5 from a very long out…'
    """
    text = clean(text)
    return text if len(text) <= 24 else text[:23] + "…"


def timeline_svg(slot: Slot, docs: Mapping[str, Document], labels: Mapping[str, str]) -> str:
    """The slot's values against publication time as an SVG chart, one mark per document and value.

    Each distinct value has its colour (the legend names it). Interval values are bars from
    low to high, open-ended ones a triangle pointing the open way, hedged (approximate) point
    values hollow marks. Without a publication time for every document the x axis is the
    order of the sources instead. Marks of one shape are one matplotlib artist, so a slot of a
    thousand sources costs little more than one of three.
    """
    from matplotlib import rc_context
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.ticker import MaxNLocator

    marks: dict[str, list[tuple[int, tuple[float | None, float | None, bool]]]] = {}
    for k, (_, facts) in enumerate(slot.values):
        for f in facts:
            span = _span(f.value)
            if f.doc in docs and span is not None and (k, span) not in marks.setdefault(f.doc, []):
                marks[f.doc].append((k, span))
    marks = {d: m for d, m in marks.items() if m}
    if sum(len(m) for m in marks.values()) < 2:
        return ""  # one mark is no timeline
    times = {d: _when(docs[d]) for d in marks}
    by_time = all(t is not None for t in times.values())
    order = sorted(marks, key=lambda d: (times[d], d) if by_time else ("", d))
    dates = any(isinstance(f.value, When) for _, fs in slot.values for f in fs)
    # Shape -> x, y, colour of each mark; ranges are drawn as bars and capped with "_" marks.
    shapes: dict[str, tuple[list[float], list[float], list[str]]] = {
        m: ([], [], []) for m in ("o", "hollow", "^", "v", "_")}
    bars: tuple[list[float], list[float], list[float], list[str]] = ([], [], [], [])
    named: list[tuple[float, float, str]] = []
    for pos, doc_id in enumerate(order):
        t = times[doc_id]
        x = float(date2num(t)) if by_time and t is not None else float(pos + 1)
        for n, (k, (low, high, hedged)) in enumerate(marks[doc_id]):
            colour = f"C{k % 10}"
            if low is not None and high is not None and low != high:
                for end in (low, high):
                    _add(shapes["_"], x, end, colour)
                bars[0].append(x)
                bars[1].append(low)
                bars[2].append(high)
                bars[3].append(colour)
                y = (low + high) / 2
            elif low is not None:
                y = low
                _add(shapes["^" if high is None else ("hollow" if hedged else "o")], x, y, colour)
            else:
                y = high if high is not None else 0.0
                _add(shapes["v"], x, y, colour)
            if n == 0:
                named.append((x, y, labels.get(doc_id, doc_id)))
    ends = [e for m in marks.values() for _, (lo, hi, _h) in m for e in (lo, hi) if e is not None]
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "discrepancy", "font.size": 9}):
        fig = Figure(figsize=(6.8, 2.8))
        fig.subplots_adjust(left=0.12, right=0.78, bottom=0.2, top=0.9)
        ax = fig.subplots()
        if bars[0]:
            ax.vlines(bars[0], bars[1], bars[2], colors=bars[3], linewidth=3, alpha=0.7)
        for marker, (xs, ys, cs) in shapes.items():
            if xs:
                hollow = marker == "hollow"
                ax.scatter(xs, ys, marker="o" if hollow else marker, s=100 if marker == "_" else 40,
                           c="white" if hollow else cs, edgecolors=cs if hollow or marker != "_" else None,
                           linewidths=1.5, zorder=3)
        if len(named) <= MAX_LABELS:  # beyond, labels would cover the marks
            for x, y, label in named:
                ax.annotate(_mark_label(label), (x, y), textcoords="offset points", xytext=(5, 4),
                            fontsize=7, color="#444", parse_math=False)
        placed = {k for m in marks.values() for k, _ in m}
        legend = [Line2D([], [], marker="o", linestyle="none", color=f"C{k % 10}",
                         label=_mark_label(v) + ("" if k in placed else " (not placed)"))
                  for k, (v, _) in enumerate(slot.values[:MAX_LEGEND])]
        key = ax.legend(handles=legend, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7,
                        frameon=False, title="value", title_fontsize=7)
        for text in key.get_texts():
            text.set_parse_math(False)
        lo, hi = min(ends), max(ends)
        # A flat or near-flat series still gets a readable range (a few days, or a few units).
        pad = max((hi - lo) * 0.2, 2.0 if dates else max(abs(hi) * 0.05, 1.0))
        ax.set_ylim(lo - pad, hi + pad)
        if dates:
            ylocator = AutoDateLocator()
            ax.yaxis.set_major_locator(ylocator)
            ax.yaxis.set_major_formatter(ConciseDateFormatter(ylocator))
        if by_time:
            locator = AutoDateLocator()
            ax.xaxis.set_major_locator(locator)
            ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
            ax.set_xlabel("publication time (UTC)")
        else:
            ax.xaxis.set_major_locator(MaxNLocator(nbins=12, integer=True, min_n_ticks=1))
            ax.set_xlim(0.5, len(order) + 0.5)
            ax.set_xlabel("order of sources (a publication time is missing)")
        ax.set_ylabel(_mark_label(slot.subject or slot.family), parse_math=False)
        ax.grid(True, alpha=0.3)
        if by_time:
            ax.margins(x=0.15)
        buf = io.StringIO()
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    svg = buf.getvalue()
    return svg[svg.index("<svg"):]  # inline: no XML declaration or doctype


def _add(shape: tuple[list[float], list[float], list[str]], x: float, y: float, colour: str) -> None:
    shape[0].append(x)
    shape[1].append(y)
    shape[2].append(colour)


# --- documents --------------------------------------------------------------------------

# Characters of a document shown in place as U+FFFD: controls other than tab and line feed,
# bidirectional overrides that would reorder the page's text, and lone surrogates (which
# UTF-8 cannot write). One character for one, so fact offsets still point at their text.
_UNSHOWN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _esc(text: str) -> str:
    return html_escape(text, quote=True)


def _doc_view(
    i: int, doc: Document, facts: Iterable[Fact], index: _Index, slot_of: Mapping[str, int],
) -> _DocView:
    """The document's text as HTML with its facts marked, escaped piece by piece here (one
    template loop per fact would dominate the report's time on large corpora). Of overlapping
    facts the first, longest one is marked; the others' anchors point at it (`_Index.alias`).

    >>> from discrepancy.facts import Subject
    >>> doc = Document("a", "<b>40</b> homes")
    >>> fact = Fact("a", "count", Subject(head="home"), "40", 3, 5, Amount.exact(40))
    >>> result = type("R", (), {"documents": (doc,), "facts": ((fact,),)})()
    >>> str(_doc_view(0, doc, [fact], _Index(result, {}), {}).body)
    '&lt;b&gt;<mark id="d0-f0" title="count: 40">40</mark>&lt;/b&gt; homes'
    """
    from markupsafe import Markup

    view = _DocView(i, clean(doc.id), index.path(doc.id), _first(doc.metadata, TITLE_KEYS),
                    _first(doc.metadata, OUTLET_KEYS), _published(doc))
    text = _UNSHOWN.sub("\ufffd", doc.text)
    out: list[str] = []
    pos, last = 0, ""
    ordered = sorted(facts, key=lambda f: (f.start, -f.end))
    view.n_facts = len(ordered)
    for f in ordered:
        a = index.anchor.get((f.doc, f.start, f.end, f.kind), "")
        if f.start < pos or f.end > len(text) or f.end <= f.start:
            if last:
                index.alias[a] = last
            continue
        last = a
        out.append(_esc(text[pos:f.start]))
        slot = slot_of.get(a)
        title = _esc(clean(f"{f.kind}: {f.value.render()}" + (f" (slot {slot})" if slot is not None else "")))
        shown = _esc(text[f.start:f.end])
        if slot is not None:
            shown = f'<a href="#slot-{slot}">{shown}</a>'
            out.append(f'<mark id="{a}" title="{title}" class="slotted">{shown}</mark>')
        else:
            out.append(f'<mark id="{a}" title="{title}">{shown}</mark>')
        pos = f.end
    out.append(_esc(text[pos:]))
    view.body = Markup("".join(out))  # every piece of document text is escaped above
    return view


def _finding_view(f: Finding, index: _Index) -> dict[str, object]:
    sides = []
    for doc, line, col, text, value in ((f.doc_a, f.line_a, f.col_a, f.text_a, f.value_a),
                                        (f.doc_b, f.line_b, f.col_b, f.text_b, f.value_b)):
        anchor = index.at(doc, line, col)
        sides.append({"where": f"{index.path(doc)}:{line}:{col}", "text": clean(text), "value": clean(value),
                      "anchor": anchor})
    return {"severity": f.severity, "rule": f.rule, "subject": clean(f.subject),
            "message": clean(f.message), "sides": sides}


# --- the page ---------------------------------------------------------------------------

@cache
def _environment() -> Any:
    try:
        import jinja2
        import matplotlib  # noqa: F401  (checked here so a missing extra fails before any work)
    except ImportError as err:
        raise ImportError(_MISSING) from err
    return jinja2.Environment(
        loader=jinja2.PackageLoader("discrepancy", "templates"),
        autoescape=True,  # every value is escaped unless the template says |safe (our SVG and script only)
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def check_available() -> None:
    """Raise `ImportError` naming the ``html`` extra when Jinja2 or matplotlib is missing."""
    _environment()


@cache
def _script() -> tuple[str, str]:
    """The filter script and its CSP hash (the only script the page may run)."""
    js = resources.files("discrepancy").joinpath("templates/report.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    return js, f"'sha256-{digest}'"


def html(
    result: AuditResult,
    findings: Sequence[Finding] | None = None,
    *,
    paths: Mapping[str, str] | None = None,
    title: str = "discrepancy report",
) -> str:
    """The audit as one self-contained HTML page.

    ``findings`` are the findings to show (default: all of ``result.findings``); ``paths``
    maps document ids to the file paths to print (default: each document's path).
    """
    if not hasattr(result, "slots") or not hasattr(result, "documents"):
        raise TypeError(f"html() takes an AuditResult, not {type(result).__name__}")
    env = _environment()
    shown = sorted(result.findings if findings is None else findings, key=sort_key)
    paths = dict(paths) if paths is not None else {d.id: d.path for d in result.documents}
    index = _Index(result, paths)
    slot_of = {index.fact_anchor(f): s.id for s in result.slots for _, fs in s.values for f in fs}
    views = [_doc_view(i, d, fs, index, slot_of)
             for (i, d), fs in zip(enumerate(result.documents), result.facts, strict=False)]
    rows = _rows(result, index)
    docs = {d.id: d for d in result.documents}
    # Chart labels are short: the outlet, else the file name without its folders.
    labels = {d.id: _first(d.metadata, OUTLET_KEYS) or index.path(d.id).rsplit("/", 1)[-1]
              for d in result.documents}
    charted = over_cap = 0
    for row, slot in zip(rows, result.slots, strict=True):
        if not wants_timeline(slot):
            continue
        if charted >= MAX_CHARTS:
            over_cap += 1
            continue
        row.chart = timeline_svg(slot, docs, labels)
        charted += bool(row.chart)
    counts = Counter(f.severity for f in shown)
    js, script_hash = _script()
    return str(env.get_template("report.html.j2").render(
        title=clean(title),
        n_docs=len(result.documents),
        stories=[{"id": s.id, "label": clean(s.label), "n": len(s.documents)} for s in result.stories],
        rows=rows,
        statuses=sorted({r.status for r in rows}),
        n_charts=charted,
        over_cap=over_cap,
        quoted=QUOTED_SOURCES,
        max_charts=MAX_CHARTS,
        severities=[(s, counts.get(s, 0)) for s in sorted(SEVERITY_ORDER, key=SEVERITY_ORDER.__getitem__)],
        findings=[_finding_view(f, index) for f in shown],
        documents=views,
        script=js,
        script_hash=script_hash,
    ))


_SCRIPT = re.compile(r"<script\b", re.IGNORECASE)


def count_scripts(page: str) -> int:
    """How many ``<script`` tags a page holds (the report has exactly one: its filter).

    >>> count_scripts("<p>&lt;script&gt;</p><SCRIPT>x</SCRIPT>")
    1
    """
    return len(_SCRIPT.findall(page))


__all__ = [
    "MAX_CHARTS", "TIMELINE_SOURCES", "check_available", "count_scripts", "html", "timeline_svg",
    "wants_timeline",
]
