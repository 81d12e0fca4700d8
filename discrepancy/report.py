"""Renderers: every output format is a rendering of the findings table."""

from __future__ import annotations

import io
import json
from collections.abc import Callable

import pandas as pd

from .findings import FINDING_COLUMNS


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


def render_json(frame: pd.DataFrame, **_: object) -> str:
    return json.dumps(_records(frame), indent=2, ensure_ascii=False) + "\n"


def render_jsonl(frame: pd.DataFrame, **_: object) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _records(frame))


def render_csv(frame: pd.DataFrame, **_: object) -> str:
    buf = io.StringIO()
    frame.to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue()


def _md_cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def render_markdown(frame: pd.DataFrame, **_: object) -> str:
    cols = ["severity", "rule", "subject", "doc_a", "line_a", "text_a", "doc_b", "line_b", "text_b", "message"]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for rec in _records(frame):
        lines.append("| " + " | ".join(_md_cell(rec[c]) for c in cols) + " |")
    return "\n".join(lines) + "\n"


def summary(frame: pd.DataFrame, n_docs: int, suppressed: int = 0, baselined: int = 0) -> str:
    """One line: ``Found 3 discrepancies (2 errors, 1 warning) across 5 documents``."""
    counts = frame["severity"].value_counts() if len(frame) else {}
    parts = []
    for level in ("error", "warning", "info"):
        n = int(counts.get(level, 0)) if len(frame) else 0
        if n:
            parts.append(f"{n} {level}{'' if n == 1 else 's'}")
    total = len(frame)
    noun = "discrepancy" if total == 1 else "discrepancies"
    docs = f"{n_docs} document{'' if n_docs == 1 else 's'}"
    text = f"Found {total} {noun}" + (f" ({', '.join(parts)})" if parts else "") + f" across {docs}"
    extras = []
    if baselined:
        extras.append(f"{baselined} suppressed by baseline")
    if suppressed:
        extras.append(f"{suppressed} suppressed inline")
    return text + ("; " + "; ".join(extras) if extras else "") + "."


def render_table(frame: pd.DataFrame, n_docs: int = 0, **kw: object) -> str:
    """Readable text grouped by subject, then the summary line."""
    out: list[str] = []
    for subject, group in frame.groupby("subject", sort=False):
        first = group.iloc[0]
        out.append(f"{subject}  [{first['rule']} {first['rule_name']}]")
        for rec in _records(group):
            out.append(
                f"  {rec['severity']:<7} {rec['doc_a']}:{rec['line_a']}:{rec['col_a']} {rec['text_a']!r}"
                f"  vs  {rec['doc_b']}:{rec['line_b']}:{rec['col_b']} {rec['text_b']!r}"
            )
            out.append(f"          {rec['message']}")
        out.append("")
    out.append(summary(frame, n_docs, int(kw.get("suppressed", 0) or 0), int(kw.get("baselined", 0) or 0)))  # type: ignore[call-overload]
    return "\n".join(out) + "\n"


RENDERERS: dict[str, Callable[..., str]] = {
    "table": render_table,
    "json": render_json,
    "jsonl": render_jsonl,
    "csv": render_csv,
    "markdown": render_markdown,
}
