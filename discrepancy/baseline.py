"""Baselines: accept today's findings so that only new ones fail the build.

A baseline is a JSON file keyed on finding fingerprints, which hash the rule, the subject and
the (document, value) pairs but no line numbers: moving a paragraph does not resurrect a
finding, changing a number does. Each entry also keeps the rule, subject, documents and values
so a reviewer can read what was accepted. Entries are sorted and the file is written the same
way every time, so it diffs cleanly.

>>> from discrepancy.findings import Finding
>>> f = Finding("DSC101", "quantity-mismatch", "count", "error", "projects", "m", 0.9,
...             "b.md", 3, 1, "3 projects", "<=3", "s", "a.md", 4, 1, "5 projects", "<=5", "s", "fp1")
>>> entries(dumps([f]))[0]["docs"]
['a.md', 'b.md']
>>> split([f], {"fp1"})[1] == [f]
True
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from . import safeio
from .findings import Finding

DEFAULT_FILE = ".discrepancy-baseline.json"
VERSION = 1


class BaselineError(ValueError):
    """A baseline file that cannot be read; the message names the file."""


def _entry(f: Finding) -> dict[str, Any]:
    sides = sorted({(f.doc_a, f.value_a), (f.doc_b, f.value_b)} - {("", "")})
    return {
        "fingerprint": f.fingerprint,
        "rule": f.rule,
        "rule_name": f.rule_name,
        "subject": f.subject,
        "docs": [d for d, _ in sides],
        "values": [v for _, v in sides],
    }


def dumps(findings: Iterable[Finding]) -> str:
    """The baseline file text for ``findings`` (one entry per fingerprint, sorted)."""
    by_fp: dict[str, dict[str, Any]] = {}
    for f in findings:
        by_fp.setdefault(f.fingerprint, _entry(f))
    rows = sorted(by_fp.values(), key=lambda e: (e["rule"], e["subject"].casefold(), e["fingerprint"]))
    return json.dumps({"version": VERSION, "findings": rows}, indent=2, ensure_ascii=False) + "\n"


def write(path: str | Path, findings: Iterable[Finding]) -> int:
    """Write the baseline; returns the number of entries."""
    text = dumps(findings)
    safeio.write_text(path, text)
    return len(json.loads(text)["findings"])


def entries(text: str, source: str = "baseline") -> list[dict[str, Any]]:
    """The entries of a baseline file's text; `BaselineError` when it is not one."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{source}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    except RecursionError:
        raise BaselineError(f"{source}: not a discrepancy baseline (JSON nested too deeply)") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{source}: not a discrepancy baseline (no \"findings\" list)")
    if data.get("version") != VERSION:
        raise BaselineError(f"{source}: unsupported baseline version {data.get('version')!r}")
    for i, e in enumerate(data["findings"]):
        if not isinstance(e, dict) or not isinstance(e.get("fingerprint"), str):
            raise BaselineError(f"{source}: entry {i} has no fingerprint")
    return list(data["findings"])


def read(path: str | Path) -> list[dict[str, Any]]:
    """The entries of the baseline file at ``path``."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found (create it with --write-baseline)") from None
    except OSError as exc:
        raise BaselineError(f"{path}: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise BaselineError(f"{path}: not valid UTF-8 (first bad byte at offset {exc.start})") from None
    return entries(text, str(path))


def fingerprints(rows: Iterable[dict[str, Any]]) -> set[str]:
    return {e["fingerprint"] for e in rows}


def split(findings: Iterable[Finding], accepted: set[str]) -> tuple[list[Finding], list[Finding]]:
    """``(new, baselined)``: findings whose fingerprint is not / is in the baseline."""
    new: list[Finding] = []
    old: list[Finding] = []
    for f in findings:
        (old if f.fingerprint in accepted else new).append(f)
    return new, old


def prune(
    rows: Sequence[dict[str, Any]],
    findings: Iterable[Finding],
    rule_audited: Callable[[str], bool] | None = None,
    doc_audited: Callable[[str], bool] | None = None,
) -> list[dict[str, Any]]:
    """The baseline entries that still match a finding today (fixed ones dropped).

    Only an entry whose rule was checked (``rule_audited``) and whose documents were all
    audited (``doc_audited``) can be known to be fixed; every other entry is kept, so a run
    with ``--select`` or on a subset of the paths never forgets what it did not look at.

    >>> rows = [{"fingerprint": "x", "rule": "DSC101", "docs": ["a.md"]},
    ...         {"fingerprint": "y", "rule": "DSC301", "docs": ["a.md"]},
    ...         {"fingerprint": "z", "rule": "DSC101", "docs": ["other.md"]}]
    >>> [e["fingerprint"] for e in prune(rows, [], lambda r: r == "DSC101", {"a.md"}.__contains__)]
    ['y', 'z']
    """
    live = {f.fingerprint for f in findings}

    def checked(e: dict[str, Any]) -> bool:
        if rule_audited is not None and not rule_audited(str(e.get("rule", ""))):
            return False
        docs = e.get("docs")
        if doc_audited is not None:
            return isinstance(docs, list) and bool(docs) and all(doc_audited(str(d)) for d in docs)
        return True

    return [e for e in rows if e["fingerprint"] in live or not checked(e)]


def write_entries(path: str | Path, rows: Sequence[dict[str, Any]]) -> None:
    """Write already-built entries back (used by pruning; order and format as `dumps`)."""
    ordered = sorted(rows, key=lambda e: (str(e.get("rule", "")), str(e.get("subject", "")).casefold(),
                                          e["fingerprint"]))
    text = json.dumps({"version": VERSION, "findings": ordered}, indent=2, ensure_ascii=False) + "\n"
    safeio.write_text(path, text)
