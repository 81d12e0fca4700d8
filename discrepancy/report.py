"""Renderers: every output format is a rendering of the findings table.

Each renderer takes the findings frame and a `Context` (document paths, counts of what was
hidden, colour) and returns the whole text. Machine formats (json, jsonl, csv, github, sarif,
junit) contain nothing but the report, so a pipeline can parse stdout.

>>> from discrepancy.findings import to_frame
>>> print(render_concise(to_frame([]), Context(n_docs=2)), end="")
Found 0 discrepancies across 2 documents.
>>> escape_property("a:b,c%\\n")
'a%3Ab%2Cc%25%0A'
"""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import quote

import pandas as pd

from . import __version__
from .findings import FINDING_COLUMNS, python_strings
from .rules import RULES, Rule

# Version of the JSON report contract (`render_json`, docs/report.schema.json): the major
# number changes only when a key is removed or changes meaning.
JSON_VERSION = "1.0"

MACHINE_FORMATS = ("json", "jsonl", "csv", "github", "sarif", "junit")
# GitHub shows at most 10 annotations of each level per step; the rest are dropped silently,
# so the report says how many were left out instead.
GITHUB_CAP = 10
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_ANSI = {"error": "\x1b[1;31m", "warning": "\x1b[33m", "info": "\x1b[36m", "bold": "\x1b[1m",
         "dim": "\x1b[2m", "reset": "\x1b[0m"}


@dataclass(frozen=True)
class Context:
    """What a renderer needs besides the findings."""

    n_docs: int = 0
    # Document id -> file path as given on the command line ("" or missing: use the id).
    paths: Mapping[str, str] = field(default_factory=dict)
    suppressed: int = 0       # hidden by inline directives
    baselined: int = 0        # hidden by the baseline
    hidden: int = 0           # below --min-level
    color: bool = False
    ignored: int = 0          # hidden by the config's per-file-ignores
    unsupported: int = 0      # files inside scanned folders skipped for their type
    docs_url: str = ""        # address of a rendered rules page (SARIF helpUri); "" = none
    # The documents audited and the slots table, for the JSON report.
    documents: tuple[Mapping[str, object], ...] = ()
    slots: tuple[Mapping[str, object], ...] = ()

    def path(self, doc: str) -> str:
        return self.paths.get(doc) or doc

    def shown_path(self, doc: str) -> str:
        """The path as printed in text formats: control characters escaped, and never the
        start of a CI workflow command (``::error``, ``##[error]``: ``./`` is put in front)."""
        path = clean(self.path(doc))
        return "./" + path if path.startswith(_COMMAND_STARTS) else path


# Characters that must not reach a terminal or a CI log as they are: C0 and C1 controls and DEL
# (escape sequences recolour or retitle a terminal, a carriage return overwrites the line
# shown), and bidirectional controls that reorder what is displayed.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Line breaks of every kind: one field of a one-line format must stay on its line.
_BREAKS = re.compile(r"[\t\n\v\f\r\x85\u2028\u2029]")
# How a line starts a GitHub Actions workflow command (new and old syntax).
_COMMAND_STARTS = ("::", "##[")
# First characters that make a spreadsheet read a CSV cell as a formula (OWASP "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def clean(value: object, keep_breaks: bool = False) -> str:
    r"""``value`` as one printable line: breaks become spaces, other control characters escapes.

    With ``keep_breaks`` tabs and line breaks stay (for a format that escapes them itself).

    >>> clean("a\x1b]0;title\x07b\nc\u202ed")
    'a\\x1b]0;title\\x07b c\\u202ed'
    >>> clean("a\x1bb\nc", keep_breaks=True)
    'a\\x1bb\nc'
    """
    text = str(value) if keep_breaks else _BREAKS.sub(" ", str(value))

    def escape(m: re.Match[str]) -> str:
        c = m.group()
        if keep_breaks and c in "\t\n\r":
            return c
        return f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"

    return _CONTROL.sub(escape, text)


def _guard_lines(text: str) -> str:
    r"""Text whose lines cannot start a workflow command: such a line gets a ``\`` in front.

    >>> _guard_lines("ok\n  ::error::x\n##[warning]y")
    'ok\n\\  ::error::x\n\\##[warning]y'
    """
    lines = text.split("\n")
    return "\n".join("\\" + ln if ln.lstrip().startswith(_COMMAND_STARTS) else ln for ln in lines)


def _clean_frame(frame: pd.DataFrame, keep_breaks: bool = False) -> pd.DataFrame:
    """The findings with every text cell cleaned (`clean`), for the text formats."""
    out = frame.copy()
    with python_strings():  # cleaned cells may still hold lone surrogates
        for col in out.columns:
            if not pd.api.types.is_numeric_dtype(out[col]):
                out[col] = out[col].map(lambda v: clean(v, keep_breaks))
    return out


def _formula_safe(value: object) -> object:
    """A CSV cell that a spreadsheet would run as a formula gets a ``'`` in front (OWASP).

    >>> _formula_safe("=HYPERLINK(1)"), _formula_safe("-5"), _formula_safe("ok"), _formula_safe(3)
    ("'=HYPERLINK(1)", "'-5", 'ok', 3)
    """
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_STARTS) else value


def _records(frame: pd.DataFrame) -> list[dict[str, object]]:
    records = []
    for row in frame.itertuples(index=False):
        rec = {}
        for col, val in zip(FINDING_COLUMNS, row, strict=True):
            if hasattr(val, "item"):
                val = val.item()
            rec[col] = val
        records.append(rec)
    return records


def _paint(text: str, style: str, ctx: Context) -> str:
    return f"{_ANSI[style]}{text}{_ANSI['reset']}" if ctx.color else text


def _plural(n: int, word: str, plural: str = "") -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def summary(frame: pd.DataFrame, ctx: Context) -> str:
    """One line: ``Found 3 discrepancies (2 errors, 1 warning) across 5 documents; ...``.

    >>> from discrepancy.findings import to_frame
    >>> summary(to_frame([]), Context(n_docs=5, baselined=4))
    'Found 0 discrepancies across 5 documents; 4 suppressed by baseline.'
    """
    counts = frame["severity"].value_counts().to_dict() if len(frame) else {}
    # "info" is a level name, not a count noun: "4 info", like "2 errors".
    levels = (("error", "errors"), ("warning", "warnings"), ("info", "info"))
    parts = [_plural(int(counts[lv]), lv, many) for lv, many in levels if counts.get(lv)]
    text = f"Found {_plural(len(frame), 'discrepancy', 'discrepancies')}"
    if parts:
        text += f" ({', '.join(parts)})"
    text += f" across {_plural(ctx.n_docs, 'document')}"
    extras = []
    if ctx.baselined:
        extras.append(f"{ctx.baselined} suppressed by baseline")
    if ctx.suppressed:
        extras.append(f"{ctx.suppressed} suppressed inline")
    if ctx.ignored:
        extras.append(f"{ctx.ignored} ignored by config")
    if ctx.hidden:
        extras.append(f"{ctx.hidden} below --min-level not shown")
    if ctx.unsupported:
        extras.append(f"{_plural(ctx.unsupported, 'file')} of unsupported type skipped")
    return text + "".join("; " + e for e in extras) + "."


def _where(rec: Mapping[str, object], side: str, ctx: Context) -> str:
    return f"{ctx.shown_path(str(rec['doc_' + side]))}:{rec['line_' + side]}:{rec['col_' + side]}"


def _quote(text: object) -> str:
    return '"' + clean(text) + '"'


def render_table(frame: pd.DataFrame, ctx: Context | None = None) -> str:
    """Readable text grouped by subject, then the summary line."""
    ctx = ctx or Context()
    frame = _clean_frame(frame)
    out: list[str] = []
    for subject, group in frame.groupby("subject", sort=False):
        rules = dict.fromkeys(f"{r} {n}" for r, n in zip(group["rule"], group["rule_name"], strict=True))
        out.append(_paint(f"{subject}", "bold", ctx) + f"  [{', '.join(rules)}]")
        for rec in _records(group):
            level = _paint(f"{rec['severity']:<7}", str(rec["severity"]), ctx)
            line = f"  {level} {_where(rec, 'a', ctx)} {_quote(rec['text_a'])}"
            if rec["doc_b"]:
                line += f"  vs  {_where(rec, 'b', ctx)} {_quote(rec['text_b'])}"
            out.append(line)
            note = f"{rec['rule']}: {rec['message']}" if len(rules) > 1 else str(rec["message"])
            out.append(_paint(f"          {note}", "dim", ctx))
        out.append("")
    out.append(summary(frame, ctx))
    return _guard_lines("\n".join(out) + "\n")


def concise_line(rec: Mapping[str, object], ctx: Context) -> str:
    """``path:line:col: DSC101 [error] quantity-mismatch: "a" vs "b" (other:line:col)``."""
    level = _paint(str(rec["severity"]), str(rec["severity"]), ctx)
    head = f"{_where(rec, 'a', ctx)}: {rec['rule']} [{level}] {rec['rule_name']}: "
    if rec["doc_b"]:
        return head + f"{_quote(rec['text_a'])} vs {_quote(rec['text_b'])} ({_where(rec, 'b', ctx)})"
    return head + str(rec["message"])


def render_concise(frame: pd.DataFrame, ctx: Context | None = None) -> str:
    """One line per finding, as compilers and linters print them, then the summary."""
    ctx = ctx or Context()
    lines = [concise_line(rec, ctx) for rec in _records(_clean_frame(frame))]
    lines.append(summary(frame, ctx))
    return _guard_lines("\n".join(lines) + "\n")


# What `json.dumps(ensure_ascii=False)` leaves raw but a terminal acts on: DEL, C1 controls,
# line separators and bidirectional controls. Escaped as \uXXXX, the JSON means the same.
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _json_safe(text: str) -> str:
    r"""JSON text with the characters of `_JSON_UNSAFE` written as escapes.

    >>> _json_safe(json.dumps("a\u202eb\x9bc", ensure_ascii=False))
    '"a\\u202eb\\u009bc"'
    """
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def slots_for_json(result: object) -> list[dict[str, object]]:
    """The audit result's slots, one object each with its distinct values; ``[]`` without any.

    Each slot: ``story``, ``slot`` (id), ``family``, ``subject``, ``status`` (agree, conflict
    or update) and ``values``, a list of ``{value, sources, docs, published, text}`` where
    ``published`` gives each document's publication time in ``docs`` order ("" when unknown),
    as in the slots table (`discrepancy.slots`).

    >>> slots_for_json(object())
    []
    """
    slots = getattr(result, "slots", None) or ()
    published = {
        d.id: (d.published.render() if d.published is not None else "")
        for d in getattr(result, "documents", ())
    }
    out: list[dict[str, object]] = []
    for slot in slots:
        values = []
        for value, facts in slot.values:
            ids = sorted({f.doc for f in facts})
            values.append({"value": value, "sources": len(ids), "docs": ids,
                           "published": [published.get(i, "") for i in ids], "text": facts[0].surface})
        out.append({"story": slot.story, "slot": slot.id, "family": slot.family, "subject": slot.subject,
                    "status": slot.status, "values": values})
    return out


def json_report(frame: pd.DataFrame, ctx: Context | None = None) -> dict[str, object]:
    """The JSON report (contract `JSON_VERSION`, schema in docs/report.schema.json).

    >>> sorted(json_report(pd.DataFrame(columns=list(FINDING_COLUMNS)), Context()))
    ['documents', 'findings', 'slots', 'tool', 'version']
    """
    ctx = ctx or Context()
    return {
        "version": JSON_VERSION,
        "tool": {"name": "discrepancy", "version": __version__},
        "documents": [dict(d) for d in ctx.documents],
        "findings": _records(frame),
        "slots": [dict(s) for s in ctx.slots],
    }


def render_json(frame: pd.DataFrame, ctx: Context | None = None) -> str:
    return _json_safe(json.dumps(json_report(frame, ctx), indent=2, ensure_ascii=False)) + "\n"


def render_jsonl(frame: pd.DataFrame, ctx: Context | None = None) -> str:
    return "".join(_json_safe(json.dumps(r, ensure_ascii=False)) + "\n" for r in _records(frame))


def render_csv(frame: pd.DataFrame, ctx: Context | None = None) -> str:
    r"""The findings table as CSV: one line per finding, no cell a spreadsheet would run.

    >>> from discrepancy.findings import Finding, to_frame
    >>> f = Finding("DSC101", "quantity-mismatch", "count", "error", "homes", "m", 0.9, "=cmd|' /C calc'!A0",
    ...             1, 1, "40", "40", "s\n::error::x", "b", 1, 1, "55", "55", "s", "fp")
    >>> print(render_csv(to_frame([f])).splitlines()[1][:59])
    DSC101,quantity-mismatch,count,error,homes,m,0.9,'=cmd|' /C
    >>> len(render_csv(to_frame([f])).splitlines())
    2
    """
    out = _clean_frame(frame)
    with python_strings():
        for col in out.columns:
            if not pd.api.types.is_numeric_dtype(out[col]):
                out[col] = out[col].map(_formula_safe)
    buf = io.StringIO()
    out.to_csv(buf, index=False, lineterminator="\n")
    return _guard_lines(buf.getvalue())


def _md_cell(value: object) -> str:
    return clean(value).replace("\\", "\\\\").replace("|", "\\|")


def markdown_table(frame: pd.DataFrame, ctx: Context) -> str:
    """A Markdown table of the findings (also what goes to ``$GITHUB_STEP_SUMMARY``)."""
    cols = ["severity", "rule", "subject", "first", "text_a", "second", "text_b", "message"]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for rec in _records(frame):
        cells = {**rec, "rule": f"{rec['rule']} {rec['rule_name']}", "first": _where(rec, "a", ctx),
                 "second": _where(rec, "b", ctx) if rec["doc_b"] else ""}
        lines.append("| " + " | ".join(_md_cell(cells[c]) for c in cols) + " |")
    return "\n".join(lines) + "\n"


def render_markdown(frame: pd.DataFrame, ctx: Context | None = None) -> str:
    ctx = ctx or Context()
    return _guard_lines(markdown_table(frame, ctx) + "\n" + summary(frame, ctx) + "\n")


# --- GitHub workflow commands -----------------------------------------------------------

def escape_data(text: str) -> str:
    """Escape a workflow command's message (``%``, CR, LF), as @actions/core does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command property value: data escapes plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _github_message(rec: Mapping[str, object], ctx: Context) -> str:
    msg = str(rec["message"])
    if rec["doc_b"]:
        msg += f"\n{_quote(rec['text_a'])} vs {_quote(rec['text_b'])} ({_where(rec, 'b', ctx)})"
    return msg


def render_github(frame: pd.DataFrame, ctx: Context | None = None) -> str:
    """``::error file=...,line=...,col=...,title=...::message`` lines, capped per level."""
    ctx = ctx or Context()
    records = _records(_clean_frame(frame, keep_breaks=True))  # escape_data escapes the breaks
    by_level: dict[str, list[Mapping[str, object]]] = {"error": [], "warning": [], "notice": []}
    for record in records:
        by_level[_GITHUB_LEVEL.get(str(record["severity"]), "notice")].append(record)
    overflow = sum(max(0, len(v) - GITHUB_CAP) for v in by_level.values())
    lines = []
    for level, recs in by_level.items():
        # The closing notice counts against the notice cap, so keep one place for it.
        cap = GITHUB_CAP - 1 if level == "notice" and overflow else GITHUB_CAP
        for rec in recs[:cap]:
            props = {"file": clean(ctx.path(str(rec["doc_a"]))), "line": str(rec["line_a"]),
                     "col": str(rec["col_a"]), "title": f"{rec['rule']} {rec['rule_name']}: {rec['subject']}"}
            prop_text = ",".join(f"{k}={escape_property(v)}" for k, v in props.items())
            lines.append(f"::{level} {prop_text}::{escape_data(_github_message(rec, ctx))}")
    left_out = len(records) - len(lines)
    if left_out:
        lines.append("::notice::" + escape_data(
            f"{_plural(left_out, 'more discrepancy', 'more discrepancies')} not annotated "
            f"(GitHub shows at most {GITHUB_CAP} annotations per level); see the full report."))
    return "".join(line + "\n" for line in lines)


def step_summary(frame: pd.DataFrame, ctx: Context) -> str:
    """The Markdown appended to ``$GITHUB_STEP_SUMMARY``: a heading, the table, the summary."""
    body = markdown_table(frame, ctx) if len(frame) else ""
    return _guard_lines(f"### discrepancy\n\n{summary(frame, ctx)}\n\n{body}\n")


# --- SARIF 2.1.0 ------------------------------------------------------------------------

def _uri(path: str) -> str:
    return quote(path.replace("\\", "/"), safe="/:@-._~!$&'()*+,;=")


def _location(rec: Mapping[str, object], side: str, ctx: Context) -> dict[str, object]:
    region: dict[str, object] = {"startLine": max(1, int(rec[f"line_{side}"])),  # type: ignore[call-overload]
                                 "startColumn": max(1, int(rec[f"col_{side}"]))}  # type: ignore[call-overload]
    text = str(rec[f"text_{side}"])
    if text and "\n" not in text:
        region["endColumn"] = int(region["startColumn"]) + len(text)  # type: ignore[call-overload]
        region["snippet"] = {"text": text}
    return {"physicalLocation": {"artifactLocation": {"uri": _uri(ctx.path(str(rec[f"doc_{side}"])))},
                                 "region": region}}


def help_uri(rule: Rule, docs_url: str = "") -> str:
    """The page that explains ``rule``: its section of the rules page at ``docs_url``, or
    the section of docs/rules.md in the project when no address is configured.

    >>> help_uri(RULES[0], "https://docs.example.com/discrepancy/rules/")
    'https://docs.example.com/discrepancy/rules/#dsc101-quantity-mismatch'
    >>> help_uri(RULES[0])
    'docs/rules.md#dsc101-quantity-mismatch'
    """
    if not docs_url:
        return rule.docs_url
    return docs_url.split("#", 1)[0] + "#" + rule.anchor


def sarif_log(frame: pd.DataFrame, ctx: Context | None = None) -> dict[str, object]:
    """The SARIF 2.1.0 log as a dict."""
    ctx = ctx or Context()
    index = {r.id: i for i, r in enumerate(RULES)}
    rules = [{
        "id": r.id,
        "name": r.name,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": r.description or r.summary},
        "help": {"text": f"{r.description or r.summary}\n\nExample:\n{r.example}\n\n"
                         f"See {help_uri(r, ctx.docs_url)}"},
        # SARIF viewers open helpUri as an absolute address: only a configured docs-url is one.
        **({"helpUri": help_uri(r, ctx.docs_url)} if ctx.docs_url else {}),
        "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity]},
        "properties": {"tags": [r.kind]},
    } for r in RULES]
    results = []
    for rec in _records(frame):
        result: dict[str, object] = {
            "ruleId": rec["rule"],
            "level": _SARIF_LEVEL.get(str(rec["severity"]), "note"),
            "message": {"text": _github_message(rec, ctx)},
            "locations": [_location(rec, "a", ctx)],
            "partialFingerprints": {"discrepancy/v1": rec["fingerprint"]},
            "properties": {"subject": rec["subject"], "confidence": rec["confidence"],
                           "valueA": rec["value_a"], "valueB": rec["value_b"]},
        }
        if rec["rule"] in index:
            result["ruleIndex"] = index[str(rec["rule"])]
        if rec["doc_b"]:
            related = _location(rec, "b", ctx)
            related["id"] = 1
            related["message"] = {"text": f"conflicting statement: {_quote(rec['text_b'])}"}
            result["relatedLocations"] = [related]
        results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "discrepancy", "version": __version__,
                                "semanticVersion": __version__,
                                "rules": rules}},
            # Columns count Unicode code points, as Python string offsets do.
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def render_sarif(frame: pd.DataFrame, ctx: Context | None = None) -> str:
    return _json_safe(json.dumps(sarif_log(frame, ctx), indent=2, ensure_ascii=False)) + "\n"


# --- JUnit XML --------------------------------------------------------------------------

# Characters XML 1.0 cannot carry at all (C0 controls other than tab, LF, CR; lone surrogates).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(value: object) -> str:
    return _NOT_XML.sub("\ufffd", str(value))

def render_junit(frame: pd.DataFrame, ctx: Context | None = None) -> str:
    """One testsuite; a testcase per finding, failing for errors and warnings."""
    ctx = ctx or Context()
    records = _records(_clean_frame(frame))
    failures = sum(1 for r in records if r["severity"] in ("error", "warning"))
    counts = {"tests": str(len(records)), "failures": str(failures), "errors": "0"}
    root = ET.Element("testsuites", {"name": "discrepancy", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": "discrepancy", **counts, "skipped": "0"})
    for rec in records:
        name = f"{rec['subject']}: {_where(rec, 'a', ctx)}"
        if rec["doc_b"]:
            name += f" vs {_where(rec, 'b', ctx)}"
        case = ET.SubElement(suite, "testcase", {
            "classname": _xml_text(f"{rec['rule']}.{rec['rule_name']}"), "name": _xml_text(name),
            "file": _xml_text(ctx.shown_path(str(rec["doc_a"]))), "line": str(rec["line_a"])})
        text = _xml_text(concise_line(rec, Context(paths=ctx.paths)) + "\n" + str(rec["message"]))
        if rec["severity"] in ("error", "warning"):
            fail = ET.SubElement(case, "failure", {"message": _xml_text(rec["message"]),
                                                   "type": str(rec["severity"])})
            fail.text = text
        else:
            ET.SubElement(case, "system-out").text = text
    ET.indent(root)
    xml = ET.tostring(root, encoding="unicode")
    return _guard_lines('<?xml version="1.0" encoding="UTF-8"?>\n' + xml + "\n")


def html(result: object, *args: object, **kwargs: object) -> str:
    """The audit result as one self-contained HTML page (`discrepancy.report_html.html`).

    It needs the whole result (documents, slots), not the findings table, so it is not one
    of `RENDERERS`; imported on call because the page builder uses this module's `clean`.
    """
    from .report_html import html as page

    return page(result, *args, **kwargs)  # type: ignore[arg-type]


RENDERERS: dict[str, Callable[[pd.DataFrame, Context | None], str]] = {
    "table": render_table,
    "concise": render_concise,
    "json": render_json,
    "jsonl": render_jsonl,
    "csv": render_csv,
    "markdown": render_markdown,
    "github": render_github,
    "sarif": render_sarif,
    "junit": render_junit,
}
